"""What backs `evaluate_llm_judge_metric(data, description=..., ...)` inside metric code.

The platform offers metric code this helper (an LLM judge, costing credits). Locally:
- `sandbox_judge()`: the offline sandbox's stand-in judge (deterministic, no LLM, no key);
- `api_judge(client, metric_id)`: the API's judge, used only when the caller builds it
  explicitly with a client that holds a key (the CLI: `--judge api`);
- no judge (the default): the helper raises a RuntimeError saying how to choose one.

Each returns `{"result": ..., "explanation": [str, ...]}` as the platform's helper does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Judge = Callable[..., dict[str, Any]]


def _judge_metric(description: str, eval_type: str | None, enum_values: Any) -> dict[str, Any]:
    from ._evaluate import EVAL_TYPES

    if not isinstance(description, str) or not description.strip():
        raise ValueError("evaluate_llm_judge_metric needs a description (the judge's criterion)")
    kind = EVAL_TYPES.get(str(eval_type or "binary").strip().lower())
    if kind is None:
        raise ValueError(f"unknown eval_type {eval_type!r}")
    if kind == "enum" and not enum_values:
        raise ValueError("an enum judge needs enum_values")
    return {"id": 0, "name": "evaluate_llm_judge_metric", "type": "llm_judge", "description": description,
            "eval_type": kind, "enum_values": list(enum_values or [])}


def _result_of(verdict: dict[str, Any], kind: str) -> Any:
    if kind == "binary":
        score = verdict.get("score")
        return None if score is None else score >= 5
    if kind == "enum":
        return verdict.get("value")
    return verdict.get("score")


def sandbox_judge() -> Judge:
    """The sandbox's stand-in judge, in this process: deterministic verdicts, labelled as stand-ins."""
    from ..sandbox import _evaluate as stand_in

    def judge(data: dict[str, Any], description: str = "", eval_type: str | None = None,
              enum_values: Any = None, audio: bool = False, **_: Any) -> dict[str, Any]:
        metric = _judge_metric(description, eval_type, enum_values)
        verdict = stand_in.verdict(metric, data if isinstance(data, dict) else {})
        explanation = verdict.get("explanation") or []
        return {"result": _result_of(verdict, metric["eval_type"]),
                "explanation": explanation if isinstance(explanation, list) else [str(explanation)]}

    return judge


def judge_flow(ctx: Any, metric_id: int, body: dict[str, Any], *, timeout: float, poll_interval: float) -> Any:
    """Flow: ask the API's judge (`metrics_evaluate_llm_judge_metric`), poll until it answers; the final state."""
    from .._core import body_through_model, call
    from ..resources._base import wait_for_job

    model = body_through_model("JudgeRequest", body, label="judge request")
    job = yield from call(ctx, "metrics_evaluate_llm_judge_metric", id=metric_id, body=model)
    return (yield from wait_for_job(
        ctx, "metrics_evaluate_metric_progress", job["progress_id"],
        timeout=timeout, poll_interval=poll_interval, on_progress=None,
    ))


def api_judge(client: Any, metric_id: int | None, *, timeout: float = 300.0, poll_interval: float = 1.0) -> Judge:
    """The API's judge (`POST /test_framework/v1/metrics/{id}/evaluate_llm_judge_metric/`, then polling
    `evaluate_metric_progress`), through `client` (a `Cekura`: its key, its URL, its retry rules).
    Each call of the returned judge is one evaluation on the service: it costs credits."""

    def judge(data: dict[str, Any], description: str = "", eval_type: str | None = None,
              enum_values: Any = None, audio: bool = False, **options: Any) -> dict[str, Any]:
        metric = _judge_metric(description, eval_type, enum_values)
        if metric_id is None:
            raise RuntimeError(
                "--judge api needs a saved metric (--metric-id ID): the API judges on behalf of one"
            )
        body: dict[str, Any] = {"description": description, "data": data, "eval_type": metric["eval_type"],
                                "audio": bool(audio)}
        if enum_values:
            body["enum_values"] = list(enum_values)
        for name in ("audio_start_time", "audio_end_time"):
            if options.get(name) is not None:
                body[name] = options[name]
        state = client._run(judge_flow(client._context(), metric_id, body, timeout=timeout, poll_interval=poll_interval))
        output = state.get("output") if isinstance(state, dict) else None
        if not isinstance(output, dict):
            raise RuntimeError("the API's judge answered no verdict")
        explanation = output.get("explanation") or []
        return {"result": output.get("result"),
                "explanation": explanation if isinstance(explanation, list) else [str(explanation)]}

    return judge
