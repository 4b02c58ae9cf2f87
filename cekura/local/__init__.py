"""Run a custom-code metric on calls locally: offline, isolated, in seconds.

    from cekura.local import evaluate, evaluate_many, build_payload

    code = '''
    _result = "refund" not in data["transcript"].lower()
    _explanation = "no refund talk" if _result else "refund mentioned"
    '''
    result = evaluate(code, payload)                    # one call -> Result
    for r in evaluate_many(metric, payloads, workers=4):  # a stream of calls -> a stream of Results
        print(r.call_id, r.status, r.result, r.error)

`code_or_metric` is the code itself (with `eval_type=`, `enum_values=`, `trigger_code=`), a
metric dict as the API returns it (`custom_code`, `eval_type`, `enum_values`,
`evaluation_trigger_custom_code`, ...) or a `MetricSpec`. Calls are payloads (the platform's
`data` dict), call logs / runs as the API returns them (converted with `build_payload`), or
`(call_id, payload)` pairs; a payload may also be its JSON text (bytes or str), which the
worker decodes, so the parent process never parses it. Each evaluation runs in a warm worker process with a scrubbed
environment, no network, no subprocesses, writes confined to a temp dir, and per-call
time and memory limits (`isolated=False` runs the same pure function in this process).

This package imports only the standard library until it is used.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator
from typing import Any

from ._evaluate import (
    ERROR,
    FAILED,
    NA,
    PASSED,
    SCORED,
    Limits,
    MetricCodeError,
    MetricSpec,
    Result,
    detect_style,
    evaluate_payload,
)
from ._payload import as_payload, build_payload, call_id_of, format_transcript, stored_results

__all__ = [
    "ERROR",
    "FAILED",
    "NA",
    "PASSED",
    "SCORED",
    "Limits",
    "MetricCodeError",
    "MetricSpec",
    "Result",
    "WorkerPool",
    "api_judge",
    "as_payload",
    "build_payload",
    "call_id_of",
    "detect_style",
    "evaluate",
    "evaluate_bag",
    "evaluate_many",
    "evaluate_payload",
    "format_transcript",
    "platform_verdict",
    "platform_verdicts",
    "render_prompt",
    "sandbox_judge",
    "stored_results",
    "to_spec",
]


def to_spec(
    code_or_metric: str | dict[str, Any] | MetricSpec,
    *,
    eval_type: str | None = None,
    enum_values: Iterable[str] | None = None,
    trigger_code: str | None = None,
    name: str | None = None,
) -> MetricSpec:
    """A MetricSpec from code, a metric dict or a spec (keyword arguments override the metric's own)."""
    if isinstance(code_or_metric, MetricSpec):
        spec = code_or_metric
    elif isinstance(code_or_metric, dict):
        spec = MetricSpec.from_metric(code_or_metric)
    elif isinstance(code_or_metric, str):
        return MetricSpec(
            code=code_or_metric,
            eval_type=eval_type or "binary",
            enum_values=tuple(enum_values) if enum_values is not None else None,
            trigger_code=trigger_code,
            name=name,
        )
    else:
        raise TypeError("code_or_metric must be the code (str), a metric dict or a MetricSpec")
    if eval_type is None and enum_values is None and trigger_code is None and name is None:
        return spec
    return MetricSpec(
        code=spec.code,
        eval_type=eval_type or spec.eval_type,
        enum_values=tuple(enum_values) if enum_values is not None else spec.enum_values,
        trigger_code=trigger_code if trigger_code is not None else spec.trigger_code,
        name=name or spec.name,
        metric_id=spec.metric_id,
        trigger_prompt=None if trigger_code is not None else spec.trigger_prompt,
    )


def _pairs(calls: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
    """(call id, payload or JSON text). JSON text is decoded by the worker (the id it names wins)."""
    for index, call in enumerate(calls):
        if isinstance(call, tuple) and len(call) == 2:
            call_id, data = call
        else:
            data = call
            call_id = call_id_of(call, index)
        if isinstance(data, dict):
            try:
                data = as_payload(data)
            except (TypeError, ValueError):
                pass
        yield call_id, data


def _in_process(spec: MetricSpec, call_id: Any, data: Any, timeout: float | None, judge: Any) -> Result:
    if isinstance(data, (bytes, str)):
        from ._worker import InputError, decode

        try:
            data, found = decode(data)
        except InputError as exc:
            return Result(call_id, None, "", None, str(exc))
        call_id = found if found is not None else call_id
    return evaluate_payload(spec, data, call_id, timeout=timeout, judge=judge)


def evaluate(
    code_or_metric: str | dict[str, Any] | MetricSpec,
    data: dict[str, Any],
    *,
    eval_type: str | None = None,
    enum_values: Iterable[str] | None = None,
    trigger_code: str | None = None,
    timeout: float = 10.0,
    memory_mb: int = 1024,
    isolated: bool = True,
    judge: Callable[..., Any] | None = None,
    call_id: Any = None,
) -> Result:
    """Evaluate one call. Problems of the metric's code come back as `Result.error`, never raised.

    `eval_type` defaults to the metric's own, else "binary" (the API's default).
    """
    spec = to_spec(code_or_metric, eval_type=eval_type, enum_values=enum_values, trigger_code=trigger_code)
    if call_id is None:
        call_id = call_id_of(data)
    if isinstance(data, dict):
        data = as_payload(data)
    if not isolated:
        return evaluate_payload(spec, data, call_id, timeout=timeout, judge=judge)
    from ._pool import WorkerPool

    with WorkerPool(1, Limits(timeout=timeout, memory_mb=memory_mb), judge=judge) as pool:
        return pool.evaluate(spec, data, call_id)


def evaluate_many(
    code_or_metric: str | dict[str, Any] | MetricSpec,
    calls: Iterable[Any],
    *,
    eval_type: str | None = None,
    enum_values: Iterable[str] | None = None,
    trigger_code: str | None = None,
    workers: int | None = None,
    timeout: float = 10.0,
    memory_mb: int = 1024,
    ordered: bool = True,
    isolated: bool = True,
    judge: Callable[..., Any] | None = None,
    pool: Any = None,
) -> Generator[Result, None, None]:
    """Evaluate a stream of calls; yields one Result per call, lazily (memory stays flat).

    `workers`: processes (default: CPU count, at most 8); `ordered=False` yields results as
    they finish. Pass `pool=WorkerPool(...)` to reuse warm workers across batches.
    """
    spec = to_spec(code_or_metric, eval_type=eval_type, enum_values=enum_values, trigger_code=trigger_code)
    pairs = _pairs(calls)
    if not isolated:
        for call_id, data in pairs:
            yield _in_process(spec, call_id, data, timeout, judge)
        return
    if pool is not None:
        yield from pool.imap(spec, pairs, ordered=ordered)
        return
    from ._pool import WorkerPool

    with WorkerPool(workers, Limits(timeout=timeout, memory_mb=memory_mb), judge=judge) as own:
        yield from own.imap(spec, pairs, ordered=ordered)


def __getattr__(name: str) -> Any:
    if name == "WorkerPool":
        from ._pool import WorkerPool

        return WorkerPool
    if name == "render_prompt":
        from ._judge import render_prompt

        return render_prompt
    if name in ("platform_verdict", "platform_verdicts", "verdict_of"):
        from . import _platform

        return getattr(_platform, name)
    if name in ("sandbox_judge", "api_judge"):
        from . import _judges

        return getattr(_judges, name)
    if name in ("evaluate_bag",):
        from ._dask import evaluate_bag

        return evaluate_bag
    raise AttributeError(f"module 'cekura.local' has no attribute {name!r}")
