"""`cekura metrics test`, `cekura metrics render`, `cekura calls export`: the local metric runner's CLI.

Parses flags, reads inputs, hands the work to `cekura.local`, renders. Calls are fetched by id
through the SDK (`client.calls.get`, `client.runs.get`); everything else is local.
"""

from __future__ import annotations

import collections
import json
import os
import sys
import time
from collections.abc import Iterator
from typing import Any

from .. import _vocabulary
from ._errors import API_FAILURE, OK, UsageError

MAX_CALL_FILE = 256 * 1024 * 1024  # one --call file (a single JSON document) may be this large
CALL_SUFFIXES = (".json", ".jsonl", ".ndjson")


# ----------------------------------------------------------------------------- reading inputs
def _read_bytes(path: str, flag: str, limit: int = MAX_CALL_FILE) -> bytes:
    label = f"{flag} {'(stdin)' if path == '-' else path}"
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
    except FileNotFoundError:
        raise UsageError(f"{label}: no such file", "check the path (relative to the current directory)") from None
    except IsADirectoryError:
        raise UsageError(f"{label}: is a directory", "use --calls DIR for a directory of calls") from None
    except OSError as exc:
        raise UsageError(f"{label}: cannot read it ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise UsageError(f"{label}: larger than {limit // (1024 * 1024)} MiB", "use --calls with a JSONL file")
    if not data.strip():
        raise UsageError(f"{label}: is empty")
    return data


def _parse(data: bytes, label: str) -> Any:
    try:
        return json.loads(data)
    except UnicodeDecodeError:
        raise UsageError(f"{label}: not UTF-8 text", "save the file as UTF-8") from None
    except ValueError as exc:
        where = f" at line {exc.lineno} column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        hint = "one call per file, or give JSON lines with --calls FILE.jsonl" if msg == "Extra data" else None
        raise UsageError(f"{label}: invalid JSON{where}: {msg}", hint) from None


def _stem(path: str) -> str:
    base = os.path.basename(path)
    for suffix in CALL_SUFFIXES:
        if base.endswith(suffix):
            return base[: -len(suffix)]
    return base


def _document_calls(doc: Any, label: str, stem: str) -> list[tuple[Any, Any]]:
    """A parsed JSON document: one call (object) or several (array) -> (default id, call) pairs."""
    from ..local import call_id_of

    if isinstance(doc, dict) and isinstance(doc.get("results"), list) and "count" in doc:
        doc = doc["results"]  # a saved page of `calls list --format json`
    if isinstance(doc, dict):
        return [(call_id_of(doc, stem), doc)]
    if isinstance(doc, list) and doc and all(isinstance(item, dict) for item in doc):
        return [(call_id_of(item, f"{stem}[{i}]"), item) for i, item in enumerate(doc)]
    raise UsageError(f"{label}: expected a call (a JSON object) or an array of calls")


class CallSource:
    """Every input the flags name, checked up front; iterated lazily (JSONL lines stay text)."""

    def __init__(self, args: Any, decode: bool) -> None:
        self.decode = decode  # False: JSONL lines go to the workers undecoded
        self.files: list[tuple[str, str]] = []  # (kind, path): "doc" one JSON document, "lines" JSONL
        self.docs: list[tuple[Any, Any]] = []
        for path in args.call or ():
            label = f"--call {path}"
            self.docs += _document_calls(_parse(_read_bytes(path, "--call"), label), label, _stem(path))
        for path in args.calls or ():
            self._add_calls(path)
        self.call_log_ids = [i for group in args.call_log_id or () for i in group]
        self.run_ids = [i for group in args.run_id or () for i in group]
        if not (self.docs or self.files or self.call_log_ids or self.run_ids):
            raise UsageError(
                "no calls given",
                "give --call FILE, --calls FILE.jsonl|DIR, --call-log-id ID or --run-id ID",
            )
        self.total: int | None = None
        if not any(kind == "lines" for kind, _ in self.files):
            self.total = len(self.docs) + len(self.call_log_ids) + len(self.run_ids) + len(self.files)

    def _add_calls(self, path: str) -> None:
        if path == "-":
            self.files.append(("lines", "-"))
            return
        if os.path.isdir(path):
            names = sorted(n for n in os.listdir(path) if n.endswith(CALL_SUFFIXES) and not n.startswith("."))
            if not names:
                raise UsageError(f"--calls {path}: no .json or .jsonl files in this directory")
            for name in names:
                full = os.path.join(path, name)
                self.files.append(("doc" if name.endswith(".json") else "lines", full))
            return
        if not os.path.exists(path):
            raise UsageError(f"--calls {path}: no such file or directory")
        try:
            with open(path, "rb") as fh:
                head = fh.read(4096).lstrip()
        except OSError as exc:
            raise UsageError(f"--calls {path}: cannot read it ({exc.strerror or exc})") from None
        if not head:
            raise UsageError(f"--calls {path}: is empty")
        if not head.startswith((b"{", b"[")):
            raise UsageError(f"--calls {path}: not JSON lines (the first character is not '{{')")
        self.files.append(("doc" if head.startswith(b"[") else "lines", path))

    def fetch(self, client: Any) -> None:
        """Fetch the calls named by id now, so an unknown id fails before anything runs."""
        for call_log_id in self.call_log_ids:
            self.docs.append((call_log_id, _fetch(client, "calls", call_log_id)))
        for run_id in self.run_ids:
            self.docs.append((run_id, _fetch(client, "runs", run_id)))
        self.call_log_ids, self.run_ids = [], []

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        yield from self.docs
        for kind, path in self.files:
            if kind == "doc":
                label = f"--calls {path}"
                raw = _read_bytes(path, "--calls")
                try:
                    calls = _document_calls(_parse(raw, label), label, _stem(path))
                except UsageError:  # found mid-run: an error of that file's call, like a bad JSON line
                    yield _stem(path), (raw if self.decode is False else raw.decode(errors="replace"))
                    continue
                yield from calls
                continue
            stem = "stdin" if path == "-" else _stem(path)
            stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
            try:
                for number, line in enumerate(stream, 1):
                    if not line.strip():
                        continue
                    default = f"{stem}:{number}"
                    if not self.decode:
                        yield default, line
                        continue
                    try:
                        doc = json.loads(line)
                    except ValueError:
                        yield default, line.decode(errors="replace")  # the worker reports it as that call's error
                        continue
                    from ..local import call_id_of

                    yield call_id_of(doc, default), doc
            finally:
                if stream is not sys.stdin.buffer:
                    stream.close()


def _fetch(client: Any, resource: str, ident: int) -> Any:
    group = getattr(client, resource, None)
    if group is None or not hasattr(group, "get"):
        raise UsageError(
            f"this version of the SDK cannot fetch {resource} by id",
            "export the calls to files and use --call / --calls",
        )
    return group.get(ident)


# ----------------------------------------------------------------------------- the metric
def _load_metric(rt: Any) -> dict[str, Any]:
    """The metric as a dict with API field names, from --metric-id, --from-file or --code-file."""
    from . import _input

    args = rt.args
    if args.metric_id is not None:
        metric = rt.client.metrics.get(args.metric_id)
    elif args.from_file is not None:
        label = f"--from-file {'(stdin)' if args.from_file == '-' else args.from_file}"
        if args.from_file.endswith(".py"):
            raise UsageError(f"{label}: --from-file takes a metric as JSON", "give Python source with --code-file")
        metric = _input.parse_json(_input.read_text(args.from_file, "--from-file"), label)
        if not isinstance(metric, dict):
            raise UsageError(f"{label}: expected a metric (a JSON object)")
        metric = dict(metric)
    elif args.code_file is not None:
        metric = {"type": "custom_code", "custom_code": _input.read_text(args.code_file, "--code-file")}
    else:
        raise UsageError("no metric given", "give --metric-id ID, --code-file FILE or --from-file metric.json")
    if "code" in metric and "custom_code" not in metric:
        metric["custom_code"] = metric.pop("code")
    for flag in ("eval_type", "name"):
        value = getattr(args, flag, None)
        if value is not None:
            metric[flag] = value
    if getattr(args, "enum_values", None) is not None:
        metric["enum_values"] = args.enum_values
    return metric


def _spec(rt: Any, metric: dict[str, Any]) -> Any:
    from ..local import MetricCodeError, MetricSpec
    from ..local._evaluate import compile_metric
    from . import _input

    args = rt.args
    if args.trigger_file is not None:
        metric["evaluation_trigger"] = "custom"
        metric["trigger_type"] = "custom_code"
        metric["evaluation_trigger_custom_code"] = _input.read_text(args.trigger_file, "--trigger-file")
    try:
        spec = MetricSpec.from_metric(metric)
    except MetricCodeError as exc:
        raise UsageError(str(exc), "see `cekura metrics test --help`") from None
    for label, code in (("the metric's code", spec.code), ("the trigger code", spec.trigger_code)):
        if code is not None:
            problem = compile_metric(code).error
            if problem:
                raise UsageError(f"{label} does not compile: {problem}", "fix it, then run again")
    return spec


# ----------------------------------------------------------------------------- comparing
def _stored(doc: Any, spec: Any) -> tuple[bool, Any]:
    """(known, value): the score the platform stored for this metric on this call."""
    from ..local import stored_results
    from ..local._payload import is_payload

    if not isinstance(doc, dict):
        return False, None
    if not is_payload(doc):
        stored = stored_results(doc)
        for key in (spec.metric_id, spec.name):
            if key is not None and key in stored:
                return True, stored[key]
        return False, None
    if spec.name and spec.name in doc:
        return True, doc[spec.name]
    return False, None


def _same(local: Any, stored: Any, eval_type: str | None) -> bool:
    if local is None or stored is None:
        return local is None and stored is None
    if eval_type == "binary":
        return bool(local) == (stored if isinstance(stored, bool) else stored in (5, 5.0, "5", "true", "True"))
    if isinstance(local, (int, float)) and isinstance(stored, (int, float)) and not isinstance(local, bool):
        return abs(float(local) - float(stored)) <= 1e-6 * max(1.0, abs(float(stored)))
    return bool(local == stored)


def _label_of(value: Any, eval_type: str | None) -> str:
    if value is None:
        return "N/A"
    if eval_type == "binary" and not isinstance(value, bool):
        value = value in (5, 5.0)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


# ----------------------------------------------------------------------------- summary
class Summary:
    """Counts, value distribution, slowest calls and agreement: bounded memory, however many calls."""

    def __init__(self, eval_type: str | None, compare: bool) -> None:
        import heapq

        self._heapq = heapq
        self.eval_type = eval_type
        self.compare = compare
        self.count = 0
        self.status: dict[str, int] = {"passed": 0, "failed": 0, "scored": 0, "n/a": 0, "error": 0}
        self.values: dict[str, int] = {}
        self.numbers = 0
        self.number_sum = 0.0
        self.number_min: float | None = None
        self.number_max: float | None = None
        self.slowest: list[tuple[float, int, str]] = []
        self.first_errors: list[tuple[str, str]] = []
        self.comparable = 0
        self.agree = 0
        self.not_comparable = 0
        self.confusion: dict[tuple[str, str], int] = {}

    def add(self, result: Any, stored: tuple[bool, Any] | None) -> None:
        self.count += 1
        status = result.status
        self.status[status] = self.status.get(status, 0) + 1
        value = result.result
        if status == "error":
            if len(self.first_errors) < 5:
                self.first_errors.append((str(result.call_id), str(result.error)))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            self.numbers += 1
            self.number_sum += value
            self.number_min = value if self.number_min is None else min(self.number_min, value)
            self.number_max = value if self.number_max is None else max(self.number_max, value)
        if status != "error" and (not isinstance(value, (int, float)) or isinstance(value, bool) or len(self.values) < 50):
            key = _label_of(value, self.eval_type)
            if key in self.values or len(self.values) < 50:
                self.values[key] = self.values.get(key, 0) + 1
        item = (result.duration, self.count, str(result.call_id))
        if len(self.slowest) < 5:
            self._heapq.heappush(self.slowest, item)
        elif item > self.slowest[0]:
            self._heapq.heapreplace(self.slowest, item)
        if self.compare and stored is not None:
            known, platform = stored
            if not known:
                self.not_comparable += 1
                return
            self.comparable += 1
            if status != "error" and _same(value, platform, self.eval_type):
                self.agree += 1
            local_label = "error" if status == "error" else _label_of(value, self.eval_type)
            cell = (local_label, _label_of(platform, self.eval_type))
            if cell in self.confusion or len(self.confusion) < 400:
                self.confusion[cell] = self.confusion.get(cell, 0) + 1

    @property
    def pass_rate(self) -> float | None:
        judged = self.status["passed"] + self.status["failed"] + self.status["error"]
        return self.status["passed"] / judged if judged else None

    @property
    def agreement(self) -> float | None:
        return self.agree / self.comparable if self.comparable else None

    def as_dict(self, elapsed: float) -> dict[str, Any]:
        out: dict[str, Any] = {
            "calls": self.count,
            "seconds": round(elapsed, 3),
            "passed": self.status["passed"],
            "failed": self.status["failed"],
            "scored": self.status["scored"],
            "n/a": self.status["n/a"],
            "errors": self.status["error"],
            "pass_rate": self.pass_rate,
            "values": self.values,
            "slowest": [{"call_id": c, "duration": round(d, 6)} for d, _, c in sorted(self.slowest, reverse=True)],
        }
        if self.numbers:
            out["numbers"] = {
                "count": self.numbers, "min": self.number_min, "max": self.number_max,
                "mean": self.number_sum / self.numbers,
            }
        if self.compare:
            out["comparison"] = {
                "comparable": self.comparable,
                "agree": self.agree,
                "agreement": self.agreement,
                "without_stored_score": self.not_comparable,
                "confusion": [
                    {"local": local, "platform": platform, "calls": n}
                    for (local, platform), n in sorted(self.confusion.items())
                ],
            }
        return out

    def lines(self, elapsed: float, workers: str) -> list[str]:
        rate = self.count / elapsed if elapsed > 0 else 0.0
        out = [
            f"{self.count:,} call{'s' if self.count != 1 else ''} in {elapsed:.2f} s "
            f"({rate:,.0f} calls/s, {workers})",
        ]
        parts = [
            f"{name} {self.status[key]:,}"
            for name, key in (
                ("passed", "passed"), ("failed", "failed"), ("scored", "scored"), ("N/A", "n/a"), ("errors", "error")
            )
            if self.status[key] or key in ("passed", "failed", "error")
        ]
        out.append("  " + " · ".join(parts))
        if self.values:
            top = sorted(self.values.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
            out.append("  values: " + ", ".join(f"{k} ×{v:,}" for k, v in top) + (" ..." if len(self.values) > 10 else ""))
        if self.numbers:
            out.append(
                f"  numbers: min {self.number_min:g} · mean {self.number_sum / self.numbers:g} · max {self.number_max:g}"
            )
        if self.slowest:
            out.append(
                "  slowest: "
                + ", ".join(f"{c} ({d * 1000:.1f} ms)" for d, _, c in sorted(self.slowest, reverse=True))
            )
        for call_id, error in self.first_errors:
            out.append(f"  error on {call_id}: {error}")
        if self.status["error"] > len(self.first_errors):
            out.append(f"  ... and {self.status['error'] - len(self.first_errors):,} more errors")
        if self.compare:
            out += self._comparison_lines()
        return out

    def _comparison_lines(self) -> list[str]:
        if not self.comparable:
            return [
                "compare: no call carries a score the platform stored for this metric "
                "(fetch calls by id, or export them with `cekura calls export`)"
            ]
        rate = self.agree / self.comparable
        out = [
            f"compare: {self.agree:,} of {self.comparable:,} calls agree with the platform's stored score "
            f"({rate * 100:.1f}%)" + (f"; {self.not_comparable:,} without a stored score" if self.not_comparable else "")
        ]
        local_labels = sorted({k[0] for k in self.confusion})
        platform_labels = sorted({k[1] for k in self.confusion})
        width = max(8, *(len(label) for label in local_labels + platform_labels)) + 2
        out.append("  " + "local \\ platform".ljust(width + 8) + "".join(p.rjust(width) for p in platform_labels))
        for local in local_labels:
            row = "".join(str(self.confusion.get((local, p), 0)).rjust(width) for p in platform_labels)
            out.append("  " + local.ljust(width + 8) + row)
        return out


# ----------------------------------------------------------------------------- progress
class Progress:
    def __init__(self, enabled: bool, total: int | None) -> None:
        self.enabled = enabled
        self.total = total
        self.done = 0
        self.errors = 0
        self.started = time.monotonic()
        self.shown = 0.0

    def step(self, error: bool) -> None:
        self.done += 1
        self.errors += error
        if self.enabled:
            now = time.monotonic()
            if now - self.shown >= 0.1 or self.done == self.total:
                self.shown = now
                self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        of = f"/{self.total:,}" if self.total else ""
        sys.stderr.write(
            f"\r{self.done:,}{of} calls · {self.done / elapsed:,.0f}/s · {self.errors:,} errors\x1b[K"
        )
        sys.stderr.flush()

    def end(self) -> None:
        if self.enabled and self.done:
            self._draw(time.monotonic())
            sys.stderr.write("\n")
            sys.stderr.flush()


# ----------------------------------------------------------------------------- rendering rows
def _short(value: Any, width: int) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _row(result: Any, id_width: int) -> str:
    value = "" if result.result is None and result.error else _short(
        "N/A" if result.result is None else result.result, 14
    )
    note = result.error if result.error else result.explanation
    if isinstance(note, list):
        note = " ".join(note)
    return (
        f"{_short(str(result.call_id), id_width).ljust(id_width)}  {result.status:<7} {value:<14} "
        f"{result.duration * 1000:>9.1f} ms  {_short(note or '', 80)}"
    )


# ----------------------------------------------------------------------------- judges
def _judge(rt: Any, metric: dict[str, Any]) -> Any:
    choice = getattr(rt.args, "judge", None)
    if choice is None:
        return None
    from ..local import _judges

    if choice == "sandbox":
        return _judges.sandbox_judge()
    if not isinstance(metric.get("id"), int):
        raise UsageError(
            "--judge api needs a saved metric (--metric-id ID): the API judges on behalf of one",
            "or use --judge sandbox (the offline stand-in judge)",
        )
    return _judges.api_judge(rt.client, metric["id"])


# ----------------------------------------------------------------------------- commands
def metrics_test(rt: Any) -> int:
    """`cekura metrics test`: run a custom-code metric on calls, locally, isolated."""
    from ..local import Limits, evaluate_many
    from ..local._pool import default_workers

    args = rt.args
    if args.fail_under is not None and not 0 <= args.fail_under <= 1:
        raise UsageError("--fail-under must be a rate between 0 and 1 (or a percentage such as 90%)")
    metric = _load_metric(rt)
    spec = _spec(rt, metric)
    if args.compare and not (spec.name or spec.metric_id):
        raise UsageError("--compare needs the metric's name", "add --name NAME (the platform stores scores by metric)")
    if args.fail_under is not None and not args.compare and spec.eval_type != "binary":
        raise UsageError(
            f"--fail-under without --compare gates on the pass rate, which a {spec.eval_type} metric does not have",
            "add --compare to gate on agreement with the platform's stored scores",
        )
    source = CallSource(args, decode=args.compare)
    judge = _judge(rt, metric)
    if spec.trigger_prompt is not None and judge is None:
        rt.note(
            "note: the metric's trigger is an LLM-judge prompt, which needs a judge to decide; without --judge "
            "the metric runs on every call"
        )
    if source.call_log_ids or source.run_ids:
        source.fetch(rt.client)
    show_progress = sys.stderr.isatty() if args.progress is None else args.progress
    progress = Progress(show_progress, source.total)
    summary = Summary(spec.eval_type, args.compare)
    limits = Limits(timeout=args.time_limit, memory_mb=args.memory_limit)
    stored: collections.deque[tuple[bool, Any]] = collections.deque()  # in input order, as results are

    def calls() -> Iterator[tuple[Any, Any]]:
        for call_id, doc in source:
            if args.compare:
                stored.append(_stored(doc, spec))
            yield call_id, (doc.encode() if isinstance(doc, str) else doc)  # str: an unreadable line

    started = time.monotonic()
    results = evaluate_many(
        spec, calls(), workers=args.workers, timeout=limits.timeout, memory_mb=limits.memory_mb,
        isolated=not args.no_isolation, judge=judge,
    )
    out = sys.stdout
    workers = "in process, not isolated" if args.no_isolation else f"{args.workers or default_workers()} workers"
    if not rt.json:
        out.write(f"{'CALL':<14}  {'STATUS':<7} {'RESULT':<14} {'TIME':>12}  EXPLANATION / ERROR\n")
    try:
        for result in results:
            comparison = stored.popleft() if args.compare else None
            if comparison is not None and comparison[0]:
                agrees = result.error is None and _same(result.result, comparison[1], spec.eval_type)
                result.extras = {"platform": comparison[1], "agrees": agrees}
            summary.add(result, comparison)
            progress.step(result.error is not None)
            if rt.json:
                out.write(json.dumps(result.to_dict(), ensure_ascii=False, default=str) + "\n")
            else:
                if progress.enabled:
                    sys.stderr.write("\r\x1b[K")
                    sys.stderr.flush()
                out.write(_row(result, 14) + "\n")
    finally:
        results.close()  # stops the workers now, also on Ctrl-C or a closed pipe
        progress.end()
    elapsed = time.monotonic() - started
    if args.summary_file:
        try:
            with open(args.summary_file, "w", encoding="utf-8") as fh:
                json.dump(summary.as_dict(elapsed), fh, indent=1, default=str)
        except OSError as exc:
            rt.note(f"warning: --summary-file {args.summary_file}: cannot write it ({exc.strerror or exc})")
    lines = summary.lines(elapsed, workers)
    if rt.json:
        rt.note("\n".join(lines))
    else:
        out.write("\n" + "\n".join(lines) + "\n")
    out.flush()
    return _verdict(rt, summary)


def _verdict(rt: Any, summary: Summary) -> int:
    args = rt.args
    code = OK
    if summary.status["error"]:
        rt.note(f"error: {summary.status['error']:,} of {summary.count:,} calls could not be evaluated (see above)")
        code = API_FAILURE
    if args.fail_under is not None:
        rate = summary.agreement if args.compare else summary.pass_rate
        what = "agreement with the platform" if args.compare else "pass rate"
        if rate is None:
            rt.note(f"error: --fail-under {args.fail_under:g}: no call gave a {what}")
            return API_FAILURE
        if rate < args.fail_under:
            rt.note(f"error: {what} {rate * 100:.1f}% is under --fail-under {args.fail_under * 100:g}%")
            return API_FAILURE
        rt.note(f"ok: {what} {rate * 100:.1f}% (--fail-under {args.fail_under * 100:g}%)")
    return code


def metrics_render(rt: Any) -> int:
    """`cekura metrics render`: an LLM judge's prompt with a call's values in its placeholders."""
    from ..local import as_payload
    from ..local._judge import judge_texts, render_prompt
    from . import _input

    args = rt.args
    if args.metric_id is not None:
        metric = rt.client.metrics.get(args.metric_id)
    elif args.from_file is not None:
        label = f"--from-file {args.from_file}"
        metric = _input.parse_json(_input.read_text(args.from_file, "--from-file"), label)
        if not isinstance(metric, dict):
            raise UsageError(f"{label}: expected a metric (a JSON object)")
    else:
        metric = {"description": args.text}
    agent = None
    if args.agent_file is not None:
        agent = _parse(_read_bytes(args.agent_file, "--agent-file"), f"--agent-file {args.agent_file}")
        if not isinstance(agent, dict):
            raise UsageError(f"--agent-file {args.agent_file}: expected an agent (a JSON object)")
    if _vocabulary.wire_value("type", str(metric.get("type") or "")) == "custom_code":
        raise UsageError(
            f"metric {metric.get('id', '')} is custom code: it has no judge prompt to render".replace("  ", " "),
            "run it on calls with `cekura metrics test`",
        )
    texts = judge_texts(metric)
    if not texts:
        raise UsageError("the metric has no judge text to render (description, prompt)", None)
    if args.call_log_id is not None:
        doc = _fetch(rt.client, "calls", args.call_log_id)
    elif args.run_id is not None:
        doc = _fetch(rt.client, "runs", args.run_id)
    else:
        label = f"--call {args.call}"
        docs = _document_calls(_parse(_read_bytes(args.call, "--call"), label), label, _stem(args.call))
        if len(docs) != 1:
            raise UsageError(f"{label}: holds {len(docs)} calls; render takes one")
        doc = docs[0][1]
    data = as_payload(doc)
    rendered = [(name, render_prompt(text, data, agent)) for name, text in texts]
    if rt.json:
        rt.show(
            {
                "metric_id": metric.get("id"),
                "texts": [
                    {"field": name, "text": r.text, "filled": r.filled, "unfilled": r.unfilled} for name, r in rendered
                ],
            }
        )
    else:
        for i, (name, r) in enumerate(rendered):
            if len(rendered) > 1:
                print(("\n" if i else "") + f"--- {name} ---")
            print(r.text)
    unfilled = sorted({u for _, r in rendered for u in r.unfilled})
    if unfilled:
        rt.note("warning: could not fill " + ", ".join("{{" + u + "}}" for u in unfilled) + " (not in this call's data)")
    return OK


def calls_export(rt: Any) -> int:
    """`cekura calls export`: the payloads metric code sees, one JSON object per line."""
    from ..local import as_payload

    args = rt.args
    args.compare = True
    source = CallSource(args, decode=True)
    if source.call_log_ids or source.run_ids:
        source.fetch(rt.client)
    out = sys.stdout
    target = None
    if args.output and args.output != "-":
        try:
            target = open(args.output, "w", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise UsageError(f"--output {args.output}: cannot write it ({exc.strerror or exc})") from None
        out = target
    count = 0
    try:
        for call_id, doc in source:
            if isinstance(doc, str):
                raise UsageError(f"{call_id}: {doc}")
            try:
                payload = as_payload(doc)
            except TypeError as exc:
                raise UsageError(f"{call_id}: {exc}") from None
            out.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")
            count += 1
    finally:
        if target is not None:
            target.close()
    if target is not None:
        rt.note(f"wrote {count:,} payload{'s' if count != 1 else ''} to {args.output}")
    return OK
