"""The pure evaluation function: (metric, data, limits) -> one result record.

This module is what runs inside the isolated workers and what a Dask bag maps over, so it
imports only the standard library and holds no state beyond a cache of compiled code.
Everything in it is picklable: `MetricSpec`, `Limits` and `Result` are frozen dataclasses.

The platform's contract (restated in our own words):
- *script style*: the code runs as a script with a dict `data` in scope and sets `_result`
  (`None` = N/A), `_explanation` (a string) and optionally `_extra` (a dict);
- *function style* (the docs page): `def evaluate(call): return ...`; upstream's field
  description also shows `def evaluate(transcript, ...)`, which receives `data["transcript"]`
  and any other payload key it names;
- the result must fit the metric's `eval_type`: binary -> bool, numeric -> int/float,
  continuous_qualitative -> a number from 0 to 5, enum -> one of `enum_values`;
- trigger code (`evaluation_trigger_custom_code`) runs first on the same data; a false
  `_result` makes the metric N/A without running it. An LLM-judge trigger
  (`evaluation_trigger_prompt`) is asked of the judge when one is given; without a judge
  it cannot be decided locally and the metric runs (callers say so).
"""

from __future__ import annotations

import ast
import builtins
import math
import numbers
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .._vocabulary import VALUE_ALIASES, wire_value

#: eval_type spellings (the API's, the docs', the dashboard's, legacy) -> the API's word: the wire
#: values themselves, plus every documented spelling from the one vocabulary table.
EVAL_TYPES = {
    **{wire: wire for wire in ("binary", "numeric", "continuous_qualitative", "enum")},
    **VALUE_ALIASES["eval_type"],
}

SCRIPT = "script"
FUNCTION = "function"

#: Status of a result, derived from it (summaries count these).
PASSED, FAILED, SCORED, NA, ERROR = "passed", "failed", "scored", "n/a", "error"

MAX_OUTPUT = 8192  # characters of output (print(), sys.stdout, sys.stderr) kept per call


class MetricCodeError(ValueError):
    """The metric itself is unusable (bad eval_type, enum without values, ...): raised before any call runs."""


@dataclass(frozen=True)
class Limits:
    """Per-call limits. `timeout`: wall seconds per evaluation; `memory_mb`: address space of a worker."""

    timeout: float = 10.0
    memory_mb: int = 1024
    max_file_mb: int = 64


@dataclass(frozen=True)
class MetricSpec:
    """What is needed to evaluate a custom-code metric: its code, eval_type and trigger."""

    code: str
    eval_type: str | None = "binary"
    enum_values: tuple[str, ...] | None = None
    trigger_code: str | None = None
    name: str | None = None
    metric_id: int | None = None
    trigger_prompt: str | None = None  # an LLM-judge trigger: asked of the judge, when there is one

    def __post_init__(self) -> None:
        if not isinstance(self.code, str) or not self.code.strip():
            raise MetricCodeError("the metric has no code (custom_code is empty)")
        if self.eval_type is not None:
            canonical = EVAL_TYPES.get(str(self.eval_type).strip().lower())
            if canonical is None:
                raise MetricCodeError(
                    f"unknown eval_type {self.eval_type!r}; use one of binary (boolean), numeric, "
                    "continuous_qualitative (rating), enum"
                )
            object.__setattr__(self, "eval_type", canonical)
        if self.enum_values is not None:
            values = self.enum_values
            if isinstance(values, str) or not all(isinstance(v, str) for v in values):
                raise MetricCodeError("enum_values must be a list of strings")
            object.__setattr__(self, "enum_values", tuple(values))
        if self.eval_type == "enum" and not self.enum_values:
            raise MetricCodeError("an enum metric needs enum_values (the allowed results)")
        if self.trigger_code is not None and not str(self.trigger_code).strip():
            object.__setattr__(self, "trigger_code", None)

    @classmethod
    def from_metric(cls, metric: dict[str, Any]) -> MetricSpec:
        """A spec from a metric as the API returns it (or as the docs write it: `code=`, `type="python"`)."""
        if not isinstance(metric, dict):
            raise MetricCodeError("a metric must be a JSON object")
        kind = str(metric.get("type") or "custom_code").strip().lower()
        if wire_value("type", kind) != "custom_code":
            raise MetricCodeError(
                f"metric {metric.get('id', metric.get('name', ''))!s} is of type {kind!r}, not custom code"
                + ("; `cekura metrics render` shows an LLM judge's prompt" if kind == "llm_judge" else "")
            )
        code = metric.get("custom_code") or metric.get("code") or ""
        trigger = prompt = None
        mode, trigger_type = metric.get("evaluation_trigger"), metric.get("trigger_type")
        trigger_code = metric.get("evaluation_trigger_custom_code") or None
        if mode == "custom":
            if trigger_type == "custom_code" or (trigger_type is None and trigger_code):
                trigger = trigger_code
            else:  # the platform's default trigger type: an LLM-judge prompt
                prompt = metric.get("evaluation_trigger_prompt") or None
        elif mode is None and trigger_code:
            trigger = trigger_code
        metric_id = metric.get("id")
        return cls(
            code=code,
            eval_type=metric.get("eval_type") or "binary",
            enum_values=tuple(metric["enum_values"]) if metric.get("enum_values") else None,
            trigger_code=trigger,
            name=metric.get("name"),
            metric_id=metric_id if isinstance(metric_id, int) else None,
            trigger_prompt=prompt,
        )


@dataclass(slots=True)
class Result:
    """One evaluation. `result` is None for N/A (or on error); `error` says what went wrong."""

    call_id: Any = None
    result: Any = None
    explanation: Any = ""
    extra: dict[str, Any] | None = None
    error: str | None = None
    duration: float = 0.0
    stdout: str = ""
    triggered: bool | None = None  # None: the metric has no trigger
    extras: dict[str, Any] | None = None  # added by callers (e.g. the platform's stored score)

    @property
    def status(self) -> str:
        if self.error is not None:
            return ERROR
        if self.result is None:
            return NA
        if isinstance(self.result, bool):
            return PASSED if self.result else FAILED
        return SCORED

    def to_dict(self) -> dict[str, Any]:
        out = {
            "call_id": self.call_id,
            "status": self.status,
            "result": self.result,
            "explanation": self.explanation,
            "extra": self.extra,
            "error": self.error,
            "duration": round(self.duration, 6),
        }
        if self.stdout:
            out["stdout"] = self.stdout
        if self.triggered is not None:
            out["triggered"] = self.triggered
        if self.extras:
            out.update(self.extras)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Result:
        return cls(
            call_id=d.get("call_id"),
            result=d.get("result"),
            explanation=d.get("explanation", ""),
            extra=d.get("extra"),
            error=d.get("error"),
            duration=float(d.get("duration") or 0.0),
            stdout=d.get("stdout") or "",
            triggered=d.get("triggered"),
        )


# --------------------------------------------------------------------------- compiling


class _Compiled:
    __slots__ = ("code", "style", "params", "error")

    def __init__(self, code: Any, style: str, params: tuple[Any, ...], error: str | None) -> None:
        self.code, self.style, self.params, self.error = code, style, params, error


def _assigns_result(tree: ast.Module) -> bool:
    """True if the module's top level (not a def or class body) assigns `_result`."""
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Name) and node.id == "_result" and isinstance(node.ctx, ast.Store):
            return True
        if isinstance(node, ast.Global) and "_result" in node.names:
            return True
        stack.extend(ast.iter_child_nodes(node))
    return False


def _hint_for_syntax(code: str, exc: SyntaxError) -> str:
    text = f"SyntaxError: {exc.msg} (line {exc.lineno})"
    if "indented block" in (exc.msg or "") and "def evaluate" in code:
        text += "; the body of `def evaluate(...)` must be indented under it"
    return text


@lru_cache(maxsize=64)
def compile_metric(code: str) -> _Compiled:
    """Compile once per distinct code; detect the style. Errors are kept, not raised."""
    import textwrap

    source = textwrap.dedent(code)
    try:
        tree = ast.parse(source, "<metric>")
    except SyntaxError as exc:
        return _Compiled(None, SCRIPT, (), _hint_for_syntax(source, exc))
    defines = {
        n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == "evaluate"
    }
    style = FUNCTION if "evaluate" in defines and not _assigns_result(tree) else SCRIPT
    params: tuple[Any, ...] = ()
    if style == FUNCTION:
        fn = defines["evaluate"]
        if isinstance(fn, ast.AsyncFunctionDef):
            return _Compiled(None, FUNCTION, (), "`evaluate` must be a plain function, not `async def`")
        args = fn.args
        positional = [a.arg for a in (*args.posonlyargs, *args.args)]
        n_defaults = len(args.defaults)
        required = len(positional) - n_defaults
        params = (
            tuple((name, i < required) for i, name in enumerate(positional)),
            tuple((a.arg, d is None) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)),
            args.kwarg is not None,
        )
    try:
        compiled = compile(tree, "<metric>", "exec")
    except (SyntaxError, ValueError) as exc:
        return _Compiled(None, style, (), f"{type(exc).__name__}: {exc}")
    return _Compiled(compiled, style, params, None)


def detect_style(code: str) -> str:
    """"script" (sets `_result`) or "function" (defines `evaluate`)."""
    return compile_metric(code).style


# --------------------------------------------------------------------------- running


class EvaluationTimeout(BaseException):
    """Raised inside metric code when its wall-time limit is up (BaseException: a bare `except Exception` lets it through)."""


class _Output:
    """A capped stand-in for sys.stdout while metric code runs."""

    __slots__ = ("parts", "size")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        if self.size < MAX_OUTPUT:
            text = str(text)
            self.parts.append(text[: MAX_OUTPUT - self.size])
            self.size += len(text)
        return len(text)

    def flush(self) -> None:
        pass

    def value(self) -> str:
        out = "".join(self.parts)
        return out + "\n[output truncated]" if self.size > MAX_OUTPUT else out


def _unavailable_judge(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError(
        "evaluate_llm_judge_metric needs a judge: run with --judge sandbox (the offline stand-in) or "
        "--judge api (the real judge, uses your key and credits); from Python pass judge=..."
    )


def _call_function(fn: Any, params: tuple[Any, ...], data: dict[str, Any]) -> Any:
    positional, keyword_only, var_kw = params
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    used: set[str] = set()
    for i, (name, required) in enumerate(positional):
        if i == 0:
            if name == "transcript":
                args.append(data.get("transcript", ""))
                used.add("transcript")
            else:
                args.append(data)
            continue
        if name in data:
            args.append(data[name])
            used.add(name)
        elif required:
            raise TypeError(f"evaluate() parameter {name!r} is not a key of the call's data")
        else:
            break  # keep the defaults from here on (positional order)
    for name, required in keyword_only:
        if name in data:
            kwargs[name] = data[name]
            used.add(name)
        elif required:
            raise TypeError(f"evaluate() keyword parameter {name!r} is not a key of the call's data")
    if var_kw and positional and positional[0][0] == "transcript":
        for key, value in data.items():
            if key not in used and isinstance(key, str) and key not in kwargs:
                kwargs[key] = value
    return fn(*args, **kwargs)


def _unpack_return(value: Any) -> tuple[Any, Any, Any]:
    """A function-style return value -> (result, explanation, extra)."""
    if isinstance(value, dict):
        for key in ("result", "score", "value"):
            if key in value:
                return value[key], value.get("explanation", ""), value.get("extra")
        raise TypeError(
            "evaluate() returned a dict without a 'result' (or 'score' / 'value') key; "
            "return the result itself, (result, explanation[, extra]) or {'result': ..., 'explanation': ...}"
        )
    if isinstance(value, tuple):
        if not 1 <= len(value) <= 3:
            raise TypeError(f"evaluate() returned a tuple of {len(value)} items; expected (result, explanation[, extra])")
        items: list[Any] = [*value, "", None][:3] if len(value) == 1 else [*value, None][:3]
        return items[0], items[1], items[2]
    return value, "", None


def _describe(value: Any) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:60] + '...' if len(text) > 60 else text}"


def check_result(value: Any, eval_type: str | None, enum_values: tuple[str, ...] | None) -> Any:
    """The result as the platform would store it, or TypeError/ValueError saying why not."""
    if value is None:
        return None
    type_name = type(value).__name__
    if eval_type == "binary":
        if isinstance(value, bool):
            return value
        if type_name == "bool_":  # numpy.bool_
            return bool(value)
        raise TypeError(f"a binary metric's result must be True, False or None (N/A); got {_describe(value)}")
    if eval_type in ("numeric", "continuous_qualitative"):
        if isinstance(value, bool) or type_name == "bool_" or not isinstance(value, numbers.Real):
            raise TypeError(f"a {eval_type} metric's result must be a number or None (N/A); got {_describe(value)}")
        number: int | float = int(value) if isinstance(value, numbers.Integral) else float(value)
        if not math.isfinite(number):
            raise ValueError(f"the result must be a finite number; got {number}")
        if eval_type == "continuous_qualitative":
            if not 0 <= number <= 5:
                raise ValueError(f"a continuous_qualitative (rating) result must be between 0 and 5; got {number}")
            return float(number)
        return number
    if eval_type == "enum":
        if not isinstance(value, str):
            raise TypeError(f"an enum metric's result must be one of {list(enum_values or ())}; got {_describe(value)}")
        if enum_values and value not in enum_values:
            raise ValueError(f"{value!r} is not one of the metric's enum_values {list(enum_values)}")
        return value
    # no eval_type given: any JSON scalar
    if isinstance(value, (bool, str)) or (isinstance(value, numbers.Real) and math.isfinite(float(value))):
        return value if isinstance(value, (bool, str, int, float)) else float(value)
    raise TypeError(f"the result must be a bool, a number, a string or None; got {_describe(value)}")


def _check_explanation(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    return str(value)


def _check_extra(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise TypeError(f"_extra must be a dict (or unset); got {_describe(value)}")
    import json

    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"_extra must be JSON-serializable: {exc}") from None
    return value


def _run(compiled: _Compiled, data: dict[str, Any], helper: Callable[..., Any]) -> tuple[Any, Any, Any]:
    namespace: dict[str, Any] = {
        "__builtins__": builtins,
        "__name__": "__metric__",
        "data": data,
        "evaluate_llm_judge_metric": helper,
    }
    exec(compiled.code, namespace)
    if compiled.style == FUNCTION:
        fn = namespace.get("evaluate")
        if not callable(fn):
            raise TypeError("`evaluate` is not a function")
        return _unpack_return(_call_function(fn, compiled.params, data))
    if "_result" not in namespace:
        raise NameError(
            "the code never set _result (set _result = None for N/A), and defines no evaluate() function"
        )
    return namespace["_result"], namespace.get("_explanation", ""), namespace.get("_extra")


def _error_text(exc: BaseException) -> str:
    """`Type: message` plus the metric's own line where the error happened."""
    text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<metric>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return f"{text} (metric line {line})" if line is not None else text


class _Clock:
    """The running evaluation's deadline, for a periodic alarm (see `start_ticker`)."""

    deadline: float | None = None
    ticking = False


def _on_alarm(signum: int, frame: Any) -> None:
    if not _Clock.ticking:
        raise EvaluationTimeout()
    deadline = _Clock.deadline
    if deadline is not None and time.perf_counter() >= deadline:
        _Clock.deadline = None
        raise EvaluationTimeout()


def start_ticker(period: float) -> None:
    """Check deadlines every `period` seconds instead of arming a timer per call (for a worker
    that runs many short calls: a timer per call costs two system calls). Main thread only."""
    signal.signal(signal.SIGALRM, _on_alarm)
    _Clock.ticking = True
    signal.setitimer(signal.ITIMER_REAL, period, period)


def evaluate_payload(
    spec: MetricSpec,
    data: dict[str, Any],
    call_id: Any = None,
    *,
    timeout: float | None = None,
    judge: Callable[..., Any] | None = None,
) -> Result:
    """Evaluate one call's payload: the pure function at the heart of the runner.

    Runs in the calling process with no isolation (the worker pool wraps it in one). Never
    raises for a problem of the metric's code: that becomes `Result.error`. With `timeout`,
    a wall-time alarm interrupts Python code (main thread only); `judge` backs
    `evaluate_llm_judge_metric` inside the code.
    """
    import sys

    helper = judge or _unavailable_judge
    output = _Output()
    saved_out, saved_err = sys.stdout, sys.stderr
    ticking = _Clock.ticking and timeout is not None and timeout > 0
    alarm = (
        not ticking and timeout is not None and timeout > 0
        and threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    )
    triggered: bool | None = None
    started = time.perf_counter()
    try:
        if not isinstance(data, dict):
            raise TypeError(f"the call's data must be a JSON object (dict); got {type(data).__name__}")
        if ticking:
            _Clock.deadline = started + timeout  # type: ignore[operator]
        elif alarm and timeout is not None:
            previous = signal.getsignal(signal.SIGALRM)
            if previous is not _on_alarm:
                signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            sys.stdout = sys.stderr = output  # type: ignore[assignment,unused-ignore]
            if spec.trigger_code is not None:
                trig = compile_metric(spec.trigger_code)
                if trig.error:
                    raise SyntaxError("trigger code: " + trig.error)
                fired, _, _ = _run(trig, data, helper)
                if not isinstance(fired, bool) and type(fired).__name__ != "bool_":
                    raise TypeError(f"the trigger code must set _result to True or False; got {_describe(fired)}")
                triggered = bool(fired)
                if not triggered:
                    return Result(
                        call_id, None, "not evaluated: the trigger code set _result to False",
                        None, None, time.perf_counter() - started, output.value(), False,
                    )
            elif spec.trigger_prompt is not None and judge is not None:
                verdict = judge(data, description=spec.trigger_prompt, eval_type="binary")
                fired = verdict.get("result") if isinstance(verdict, dict) else None
                triggered = fired is True
                if not triggered:
                    return Result(
                        call_id, None, "not evaluated: the judge answered the trigger prompt with "
                        f"{'N/A' if fired is None else fired}", None, None,
                        time.perf_counter() - started, output.value(), False,
                    )
            compiled = compile_metric(spec.code)
            if compiled.error:
                raise SyntaxError(compiled.error)
            value, explanation, extra = _run(compiled, data, helper)
        finally:
            sys.stdout, sys.stderr = saved_out, saved_err
            _Clock.deadline = None
            if alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                if previous is not _on_alarm:
                    signal.signal(signal.SIGALRM, previous)
        result = check_result(value, spec.eval_type, spec.enum_values)
        return Result(
            call_id, result, _check_explanation(explanation), _check_extra(extra), None,
            time.perf_counter() - started, output.value(), triggered,
        )
    except EvaluationTimeout:
        return Result(
            call_id, None, "", None, f"timed out after {timeout:g} s (wall-time limit per call)",
            time.perf_counter() - started, output.value(), triggered,
        )
    except SyntaxError as exc:
        message = exc.msg if exc.filename is None and exc.lineno is None else _error_text(exc)
        return Result(call_id, None, "", None, str(message), time.perf_counter() - started, output.value(), triggered)
    except MemoryError:
        return Result(
            call_id, None, "", None, "MemoryError: the metric ran out of memory (memory limit per call)",
            time.perf_counter() - started, output.value(), triggered,
        )
    except RecursionError as exc:
        return Result(call_id, None, "", None, _error_text(exc), time.perf_counter() - started, output.value(), triggered)
    except (Exception, SystemExit, GeneratorExit) as exc:
        return Result(call_id, None, "", None, _error_text(exc), time.perf_counter() - started, output.value(), triggered)
