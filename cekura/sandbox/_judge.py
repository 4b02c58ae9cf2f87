"""The LLM judge that metric code reaches through `evaluate_llm_judge_metric` (issue #12).

`POST /test_framework/v1/metrics/{id}/evaluate_llm_judge_metric/` answers a job id; the verdict
comes from the sandbox's stand-in judge (``_evaluate``: deterministic, labelled as a stand-in, no
LLM) and is polled at `GET /test_framework/v1/metrics/evaluate_metric_progress/`.
"""

from __future__ import annotations

from typing import Any

from . import _evaluate, _jobs
from ._http import Ctx, invalid
from ._metrics import metric_or_404

JUDGE = "llm_judge_evaluation"
_EVAL_TYPES = {"binary": "binary", "binary_workflow_adherence": "binary", "binary_qualitative": "binary",
               "numeric": "numeric", "continuous_qualitative": "continuous_qualitative", "enum": "enum"}


def evaluate_llm_judge_metric(ctx: Ctx) -> tuple[int, Any]:
    metric = metric_or_404(ctx, ctx.params["id"])
    body = ctx.body if isinstance(ctx.body, dict) else {}
    description = body.get("description")
    if not isinstance(description, str) or not description.strip():
        raise invalid("description", "This field may not be blank.")
    data = body.get("data")
    if not isinstance(data, dict):
        raise invalid("data", "Expected the call's payload (a JSON object).")
    eval_type = _EVAL_TYPES.get(str(body.get("eval_type") or metric.get("eval_type") or "binary"))
    if eval_type is None:
        raise invalid("eval_type", f'"{body.get("eval_type")}" is not a valid choice.')
    enum_values = body.get("enum_values") or []
    if eval_type == "enum" and not enum_values:
        raise invalid("enum_values", "Required when eval_type is enum.")
    question = {"id": metric["id"], "name": metric.get("name", ""), "type": "llm_judge",
                "description": description, "prompt": "", "eval_type": eval_type, "enum_values": enum_values}
    verdict = _evaluate.verdict(question, data)
    if eval_type == "binary":
        result = None if verdict.get("score") is None else verdict["score"] >= 5
    elif eval_type == "enum":
        result = verdict.get("value")
    else:
        result = verdict.get("score")
    return _jobs.start(ctx, JUDGE, {"output": {"result": result, "explanation": verdict["explanation"]}})


def evaluate_metric_progress(ctx: Ctx) -> tuple[int, Any]:
    envelope, outcome = _jobs.state(ctx, JUDGE)
    return 200, {**envelope, "output": outcome.get("output")}


HANDLERS = {
    "metrics_evaluate_llm_judge_metric": evaluate_llm_judge_metric,
    "metrics_evaluate_metric_progress": evaluate_metric_progress,
}


def register(handlers: dict[str, Any]) -> None:
    handlers.update(HANDLERS)
