"""Running one command: the SDK client it gets, where its output goes, how failures end."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from . import _errors


class Runtime:
    """What a command handler gets: the parsed flags, a lazily made client, output helpers."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._client: Any = None
        self._warned = False
        self._notices: Any = None

    @property
    def json(self) -> bool:
        """Machine output (JSON or YAML): stdout carries only the value."""
        return self.mode in ("json", "yaml")

    @property
    def structured(self) -> bool:
        """The value is shown as data (JSON/YAML, or shaped by --query), not as prose."""
        return self.json or bool(getattr(self.args, "query", None))

    @property
    def mode(self) -> str:
        """--format, else a table on a terminal and tab-separated rows otherwise."""
        chosen = getattr(self.args, "format", None)
        if chosen:
            return str(chosen)
        return "table" if stdout_is_terminal() else "tsv"

    # ---------------------------------------------------------------- output
    def show(self, value: Any, kind: str = "object", **options: Any) -> None:
        """Print an SDK return value (a list may be an iterator: rows are streamed)."""
        from . import _render

        if kind not in ("object", "job") and _render.is_page(value):
            # One shape per list command: the items (an array in JSON); where the rest is, said apart.
            caption = _render.page_caption(value)
            value = value["results"]
            if self.mode != "table":
                if "next page" in caption:
                    self.note(f"note: {caption}")
            else:
                options.setdefault("caption", caption)
        query = getattr(self.args, "query", None)
        if query:
            import jmespath

            if _render.is_list(value) and not isinstance(value, list):
                value = list(value)
            value = jmespath.search(query, value)
            kind = "query"
            options.pop("title", None)
            options.pop("caption", None)
        options.setdefault("wide", bool(getattr(self.args, "wide", False)))
        _render.render(value, kind, mode=self.mode, out=sys.stdout, **options)

    def say(self, text: str) -> None:
        """A line for people: on stdout with tables and rows, on stderr when stdout carries data (JSON, YAML, --query)."""
        stream = sys.stderr if self.structured else sys.stdout
        stream.write(text + "\n")
        stream.flush()

    def note(self, text: str) -> None:
        """A side remark, always on stderr."""
        sys.stderr.write(text + "\n")
        sys.stderr.flush()

    def warn_if_config_loose(self) -> None:
        from .. import _config

        if not self._warned and _config.loosely_readable():
            path = _config.config_path()
            self.note(f"warning: {path} can be read by other users; run: chmod 600 {path}")
        self._warned = True

    # ---------------------------------------------------------------- the SDK client
    def api_url(self) -> str | None:
        args = self.args
        if getattr(args, "fresh", False) and not (args.sandbox or (args.api_url or "").lower().startswith("sandbox:")):
            raise _errors.UsageError("--fresh only applies to the offline sandbox", "add --sandbox")
        if not args.sandbox:
            return args.api_url
        if args.api_url and not args.api_url.lower().startswith("sandbox:"):
            raise _errors.UsageError(
                f"--sandbox and --api-url {args.api_url} contradict each other", "give one of them"
            )
        return args.api_url or "sandbox://"

    @property
    def client(self) -> Any:
        if self._client is None:
            from .._client import Cekura

            args = self.args
            api_url = self.api_url()
            if getattr(args, "fresh", False):
                from ._cmd_sandbox import reset_embedded

                reset_embedded(api_url or "sandbox://")
            self.warn_if_config_loose()
            on_request, on_response = _debug_hooks() if args.debug else (None, None)
            options: dict[str, Any] = {
                "api_key": args.api_key,
                "api_url": api_url,
                "project_id": args.project_id,
                "timeout": args.timeout,
                "max_retries": args.max_retries,
                "on_request": on_request,
                "on_response": on_response,
                "profile": args.profile,
            }
            if getattr(args, "dry_run", False):
                from .._dryrun import stop_writes

                def read(request: Any) -> None:
                    self.note(f"dry run: sending {request.method} {request.url} (a read the request is built from)")

                options["on_request"] = stop_writes(on_request, on_read=read)
            elif not args.yes and _can_ask():
                options["on_request"] = _confirm_deletes(on_request, args, lambda: self._client)
            client = Cekura(**options)
            self._notices = _show_retry_notices()
            if args.debug:
                self.note(f"debug: API URL {client.api_url}; key from: {client._settings.sources['api_key']}")
            self._client = client
        return self._client

    def origin(self) -> str | None:
        """The API URL the client talked to (None before a client, and for the sandbox)."""
        if self._client is None or self._client._settings.sandbox:
            return None
        return str(self._client.api_url).rstrip("/")

    def close(self) -> None:
        if self._notices is not None:
            import logging

            logging.getLogger("cekura").removeHandler(self._notices)
            self._notices = None
        if self._client is not None:
            self._client.close()
            self._client = None


def _can_ask() -> bool:
    """A person is there to answer: stdin and stderr are terminals."""
    try:
        return sys.stdin is not None and sys.stdin.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _confirm_deletes(
    then: Callable[[Any], None] | None, args: argparse.Namespace, client: Callable[[], Any]
) -> Callable[[Any], None]:
    """An `on_request` hook: on a terminal, every DELETE is confirmed first, naming what goes.

    Works for any command, since it rides on the SDK's public hook (raising stops the
    request unsent); the thing's name is read with a GET of the same URL. --yes, --dry-run or
    no terminal: nothing is asked. A command that asked for a whole batch itself sets
    `args.yes = True` once the user agreed. `then`: the next hook (e.g. --debug's).
    """
    confirmed: set[str] = set()

    def confirming(request: Any) -> None:
        url = str(request.url)
        if request.method == "DELETE" and url not in confirmed and not args.yes:
            what = _what_is_deleted(client(), request)
            sys.stderr.write(f"Delete {what}? This cannot be undone. [y/N] ")
            sys.stderr.flush()
            answer = sys.stdin.readline().strip().lower()
            if answer not in ("y", "yes"):
                raise _errors.Declined("Cancelled: nothing was deleted (--yes skips this question).")
            confirmed.add(url)  # a retried DELETE is not asked again
        if then is not None:
            then(request)

    return confirming


def _what_is_deleted(client: Any, request: Any) -> str:
    """'metric 55 ("Booking confirmed")' from the URL and, when it answers, a GET of it."""
    parts = [p for p in request.url.path.split("/") if p]
    kind = parts[-2].replace("-", " ") if len(parts) >= 2 else "resource"
    what = f"{kind[:-1] if kind.endswith('s') else kind} {parts[-1] if parts else ''}".strip()
    from .. import _raw
    from .._errors import CekuraError

    try:
        item = _raw.request(client.with_options(max_retries=0), "GET", str(request.url))
    except CekuraError:
        item = None  # the question still names the kind and the id
    if isinstance(item, dict):
        label = next((item[k] for k in ("name", "scenario", "slug") if isinstance(item.get(k), str)), None)
        if label:
            what += f' ("{label}")'
    return what


def _show_retry_notices() -> Any:
    """Show the SDK's retry notices (records with cekura_event == "retry") on stderr, always."""
    import logging

    class RetryNotices(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if getattr(record, "cekura_event", None) == "retry":
                sys.stderr.write(f"{record.getMessage()}\n")
                sys.stderr.flush()

    logger = logging.getLogger("cekura")
    if logger.getEffectiveLevel() <= logging.INFO and any(getattr(h, "_cekura_env", False) for h in logger.handlers):
        return None  # CEKURA_LOG=info|debug already shows them (and more) on stderr
    if logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)
    handler = RetryNotices(logging.INFO)
    logger.addHandler(handler)
    return handler


def _debug_hooks() -> tuple[Any, Any]:
    """--debug: one stderr line per request and per answer, through the SDK's public hooks
    (`Cekura(on_request=..., on_response=...)`). Headers (and so the key) are not shown."""
    import time

    started = [0.0]  # the CLI sends one request at a time

    def on_request(request: Any) -> None:
        size = len(request.content or b"")
        sys.stderr.write(
            f"debug: > {request.method} {request.url}" + (f" ({size} bytes)" if size else "") + "\n"
        )
        started[0] = time.perf_counter()

    def on_response(response: Any) -> None:
        elapsed = (time.perf_counter() - started[0]) * 1000
        sys.stderr.write(f"debug: < HTTP {response.status_code} in {elapsed:.0f} ms\n")

    return on_request, on_response


def run(handler: str, args: argparse.Namespace) -> int:
    """Import and run a handler ("module:function"); turn every failure into an exit code."""
    import importlib

    from .._errors import CekuraError

    module, function = handler.split(":")
    rt = Runtime(args)
    try:
        command = getattr(importlib.import_module(f"{__package__}.{module}"), function)
        code = command(rt)
        sys.stdout.flush()
        return _errors.OK if code is None else code
    except (_errors.UsageError, CekuraError) as exc:
        return _errors.report(exc, flags=_errors.connection_flags(args), origin=rt.origin())
    except _errors.Declined as exc:
        sys.stderr.write(f"{exc}\n")
        return _errors.API_FAILURE
    except KeyboardInterrupt:
        sys.stderr.write("\nInterrupted.\n")
        return _errors.INTERRUPTED
    except BrokenPipeError:  # `cekura ... | head`: the reader has all it wanted
        _silence_stdout()
        return _errors.OK
    except Exception as exc:
        if args.debug:
            import traceback

            traceback.print_exc()
        _errors.tell(
            sys.stderr,
            f"unexpected {type(exc).__name__}: {exc}",
            None if args.debug else "rerun with --debug for the traceback, and please report it",
        )
        return _errors.API_FAILURE
    except BaseException as exc:  # the SDK's DryRun (not an Exception, so no retry rule takes it)
        if type(exc).__name__ != "DryRun":
            raise
        _show_dry_run(rt, exc)
        return _errors.OK
    finally:
        try:
            rt.close()
        except Exception:  # closing must not hide the real outcome
            pass


def _show_dry_run(rt: Runtime, stop: Any) -> None:
    """--dry-run: the request the command would have sent (the key hidden); nothing was sent."""
    request = stop.describe()
    if rt.structured:
        rt.show(request)
    else:
        lines = [f"{request['method']} {request['url']}"]
        lines += [f"{name}: {value}" for name, value in request["headers"].items()]
        if request["body"] is not None:
            import json

            body = request["body"]
            lines += ["", body if isinstance(body, str) else json.dumps(body, indent=2, ensure_ascii=False)]
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()
    rt.note("dry run: the write above was not sent; nothing was changed")


def stdout_is_terminal() -> bool:
    """stdout is a terminal, or CEKURA_FORCE_TTY says to act as if (a number also sets the width)."""
    import os

    forced = os.environ.get("CEKURA_FORCE_TTY", "")
    if forced and forced != "0":
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _silence_stdout() -> None:
    """After `cekura ... | head`, keep Python from complaining when it flushes stdout at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
