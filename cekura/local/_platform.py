"""The runner as the sandbox uses it: a metric dict and a call log / run in, the platform's verdict out.

`platform_verdicts(metric, subjects)` evaluates a custom-code metric on call logs or runs (as the
API returns them) or payloads, in a warm isolated pool shared by the process (created on first
use, closed at exit; one batch at a time), and answers in the shape of `evaluation.metrics[]`:
`{"score", "value", "explanation": [str], "extra"}`: binary -> 5 / 0, numeric and
continuous_qualitative -> the number, enum -> score None with the label in `value` and `enum`,
N/A -> None. A code error is a None score whose explanation says what went wrong; so is a
metric no call could be scored with (no code, an enum without values). Code that calls
`evaluate_llm_judge_metric` gets the sandbox's stand-in judge.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Iterable
from typing import Any

from ._evaluate import Limits, MetricSpec, Result

_lock = threading.Lock()
_pool: Any = None


def _shared_pool() -> Any:
    global _pool
    if _pool is None:
        from ._judges import sandbox_judge
        from ._pool import WorkerPool

        _pool = WorkerPool(2, Limits(), judge=sandbox_judge())  # the code's judge helper: the stand-in
        atexit.register(_close)
    return _pool


def _close() -> None:
    global _pool
    if _pool is not None:
        _pool.close()
        _pool = None


def verdict_of(result: Result, eval_type: str | None) -> dict[str, Any]:
    """A Result -> `{score, value, explanation, extra[, enum]}` as the platform stores it."""
    if result.error is not None:
        return {"score": None, "value": None, "explanation": [f"Error: {result.error}"],
                "extra": {"error": result.error}}
    explanation = result.explanation
    explanation = list(explanation) if isinstance(explanation, list) else ([explanation] if explanation else [])
    value = result.result
    out: dict[str, Any] = {"explanation": explanation, "extra": result.extra or {}}
    if value is None:
        out.update(score=None, value=None)
    elif eval_type == "binary":
        out.update(score=5 if value else 0, value=bool(value))
    elif eval_type == "enum":
        out.update(score=None, value=value, enum=value)
    else:
        out.update(score=value, value=value)
    return out


def platform_verdicts(metric: dict[str, Any] | MetricSpec, subjects: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The platform's verdict of a custom-code metric on each call log / run / payload, in order."""
    from . import _pairs
    from ._evaluate import MetricCodeError

    subjects = list(subjects)
    try:
        spec = metric if isinstance(metric, MetricSpec) else MetricSpec.from_metric(metric)
    except MetricCodeError as exc:  # e.g. no code, or an enum without values: no call can be scored
        return [verdict_of(Result(error=str(exc)), None) for _ in subjects]
    with _lock:
        results = list(_shared_pool().imap(spec, _pairs(subjects)))
    return [verdict_of(r, spec.eval_type) for r in results]


def platform_verdict(metric: dict[str, Any] | MetricSpec, subject: dict[str, Any]) -> dict[str, Any]:
    """`platform_verdicts` for one call."""
    return platform_verdicts(metric, [subject])[0]
