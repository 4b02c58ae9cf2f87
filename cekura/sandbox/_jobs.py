"""Background jobs without threads: a job's state is computed from the time since it started.

A job stores its start time (wall clock, so a file database keeps jobs across restarts),
its duration (the sandbox's ``job_seconds``) and its outcome, decided when it starts. Polls
see ``queued`` for the first fifth of the duration, then ``in_progress`` with a growing
``progress``, then ``completed`` (or ``failed`` with an ``error``) once the duration is over.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from ._http import ApiError, Ctx, invalid, invalid_pk, not_found
from ._spec import pointer
from ._validate import field_errors

GENERATE = "generate_metrics"
FEEDBACK = "process_feedbacks"
MIN_DESCRIPTION = 100
QUEUED_SHARE = 0.2


def start(ctx: Ctx, kind: str, outcome: dict[str, Any]) -> tuple[int, Any]:
    progress_id = str(uuid.uuid4())
    ctx.store.put_job(progress_id, ctx.tenant, kind, ctx.now, {"duration": ctx.job_seconds, **outcome})
    return 200, {"progress_id": progress_id}


def state(ctx: Ctx, kind: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The public status envelope of the polled job, and the job's stored outcome."""
    progress_id = ctx.query["progress_id"]
    job = ctx.store.get_job(ctx.tenant, kind, progress_id)
    if job is None:
        raise not_found()
    started_at, doc = job
    duration, elapsed = doc["duration"], ctx.now - started_at
    if duration <= 0 or elapsed >= duration:
        failed = doc.get("error") is not None
        return {"progress_id": progress_id, "status": "failed" if failed else "completed",
                "progress": 100, "error": doc.get("error")}, doc
    if elapsed < duration * QUEUED_SHARE:
        status, progress = "queued", 0
    else:
        status, progress = "in_progress", min(99, max(1, int(100 * elapsed / duration)))
    return {"progress_id": progress_id, "status": status, "progress": progress, "error": None}, {}


# -- generate_metrics -----------------------------------------------------------------------

# (keywords in the agent description, name, what passes, eval_type)
_THEMES = [
    (("book", "appointment", "schedul", "reserv"), "Appointment booked correctly",
     "the agent booked, moved or cancelled exactly the slot the caller asked for and read the date and time back",
     "binary"),
    (("insurance", "coverage", "policy"), "Coverage question answered accurately",
     "the agent answered questions about insurance or coverage without guessing and said when it did not know",
     "binary"),
    (("verif", "identity", "account number", "date of birth"), "Identity verified before account details",
     "the agent confirmed who the caller was before sharing or changing anything on the account", "binary"),
    (("bill", "charge", "payment", "invoice", "price"), "Charges explained clearly",
     "rate from 1 to 5 how clearly the agent explained amounts, due dates and why a charge applies",
     "continuous_qualitative"),
    (("troubleshoot", "outage", "internet", "technical", "repair"), "Troubleshooting steps followed in order",
     "the agent walked through the troubleshooting steps in order and checked the result of each one", "binary"),
    (("urgent", "emergenc", "on-call", "escalat", "human", "transfer"), "Escalation handled",
     "the agent recognised when a person had to take over and handed the call on with a summary", "binary"),
    (("hours", "directions", "address", "location"), "Practical information accurate",
     "opening hours, addresses and directions the agent gave match its instructions", "binary"),
    (("order", "deliver", "shipping", "refund"), "Order request resolved",
     "the agent found the caller's order and gave a concrete status or next step", "binary"),
]
_GENERIC = [
    ("Caller intent identified", "the agent worked out why the person called within its first two turns", "binary"),
    ("No invented facts", "every fact the agent stated is backed by its instructions or tools", "binary"),
    ("Polite greeting and closing", "the agent greeted the caller, stayed courteous and closed the call properly",
     "binary"),
    ("Answer conciseness", "rate from 1 to 5 how short and clear the agent's turns were for a phone call",
     "continuous_qualitative"),
    ("Turns needed to resolve the request", "count the agent turns it took to settle the caller's main request",
     "numeric"),
    ("Caller sentiment at end of call", "label how the caller sounded by the end of the call", "enum"),
    ("Caller not asked to repeat", "the agent never made the caller repeat information already given", "binary"),
    ("Next steps summarised", "before hanging up the agent summarised what happens next", "binary"),
]
_SENTIMENTS = ["positive", "neutral", "negative"]


def _summary(description: str) -> str:
    first = re.split(r"(?<=[.!?])\s", description.strip(), maxsplit=1)[0]
    return first if len(first) <= 160 else first[:157].rstrip() + "..."


def generated_metrics(agent: dict[str, Any], count: int) -> list[dict[str, Any]]:
    """``count`` proposals with distinct names, derived deterministically from the agent's description."""
    text = agent["description"].lower()
    pool = [(n, c, e) for words, n, c, e in _THEMES if any(w in text for w in words)] + _GENERIC
    context = _summary(agent["description"])
    out = []
    for index in range(count):
        name, criterion, eval_type = pool[index % len(pool)]
        if index >= len(pool):
            name = f"{name} (variant {index // len(pool) + 1})"
        description = f"{criterion[0].upper()}{criterion[1:]}. Agent under test: {context}"
        metric = {"name": name, "description": description, "type": "llm_judge", "eval_type": eval_type,
                  "prompt": description, "agents": [agent["id"]]}
        if eval_type == "enum":
            metric["enum_values"] = list(_SENTIMENTS)
        out.append(metric)
    return out


def _agent_for(ctx: Ctx, body: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    if "agent_id" in body:
        agent = ctx.get("agent", body["agent_id"])
        if agent is None:
            raise invalid("agent_id", invalid_pk(body["agent_id"]))
        return "agent_id", agent
    if "assistant_id" in body:
        agent = next((a for a in ctx.all("agent") if a.get("assistant_id") == body["assistant_id"]), None)
        if agent is None:
            raise invalid("assistant_id", f'No agent has the assistant id "{body["assistant_id"]}".')
        return "assistant_id", agent
    raise invalid("non_field_errors", "Give either agent_id or assistant_id.")


def generate(ctx: Ctx) -> tuple[int, Any]:
    body = ctx.body
    errors = field_errors(pointer("components", "schemas", "GenerateMetricsRequest"), body)
    if errors:
        raise ApiError(400, errors)
    key, agent = _agent_for(ctx, body)
    if len(agent["description"]) < MIN_DESCRIPTION:
        raise invalid(key, f"The agent's description must be at least {MIN_DESCRIPTION} characters long "
                           "to generate metrics; describe the agent in more detail first.")
    if "fail" in agent["description"].lower():
        return start(ctx, GENERATE, {"error": "The metric generator could not make sense of the agent's "
                                              "description (it mentions a failure). Rewrite it and retry."})
    return start(ctx, GENERATE, {"metrics": generated_metrics(agent, body.get("num_metrics", 1))})


def generate_progress(ctx: Ctx) -> tuple[int, Any]:
    envelope, outcome = state(ctx, GENERATE)
    return 200, {**envelope, "metrics": outcome.get("metrics", [])}


# -- process_feedbacks ----------------------------------------------------------------------

_RUBRICS = {
    "binary": "Answer True only when the criterion is clearly met; answer False when it is clearly not.",
    "continuous_qualitative": "Give 5 when the criterion is fully met, 1 when it is not met at all, and "
                              "use the middle of the scale for partial cases.",
    "numeric": "Count only what can be pointed to in the transcript, and say which turns you counted.",
    "enum": "Choose exactly one of the allowed labels; never invent a new one.",
}


def improved_proposal(metric: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    """An improved wording of the metric (no reviewer feedback exists in the sandbox)."""
    base = (body.get("simplified_prompt") or metric["description"] or metric["prompt"]).strip().rstrip(".")
    improved = "\n".join([
        f"{base}.", "", "How to judge:",
        "- Base the verdict only on what was said in the call, not on what the agent intended.",
        f"- {_RUBRICS[metric['eval_type']]}",
        "- If the call never reached the point this metric is about, answer N/A rather than failing it.",
    ])
    trigger = metric["evaluation_trigger"]
    trigger_prompt = metric["evaluation_trigger_prompt"].strip()
    return {
        "improved_metric_description": improved,
        "improved_evaluation_trigger": f"Evaluate only when: {trigger_prompt}" if trigger_prompt else "",
        "improved_trigger_kind": "always" if trigger != "custom" else metric["trigger_type"],
        "trigger_type": metric["trigger_type"],
        "metric_description_program": {"instructions": improved},
        "metric_description_variables": [],
        "evaluation_trigger_program": None,
        "evaluation_trigger_variables": [],
        "review_results": [],
        "custom_code": metric["custom_code"],
        "type": body.get("metric_type", metric["type"]),
        "feedback_edits": [],
        "unauthorized_label_changes": [],
        "unresolved_samples": [],
        "optimization_summary": "No reviewer feedback was found on the metric's test sets, so the criterion "
                                "was reworded into explicit rules for passing, failing and N/A.",
        "old_score": None,
        "new_score": None,
    }


def process_feedbacks(ctx: Ctx) -> tuple[int, Any]:
    body = ctx.body
    errors = field_errors(pointer("components", "schemas", "ProcessFeedbacksRequest"), body)
    if errors:
        raise ApiError(400, errors)
    metric = ctx.get("metric", body["metric_id"])
    if metric is None:
        raise invalid("metric_id", invalid_pk(body["metric_id"]))
    if not (metric["description"].strip() or metric["prompt"].strip()):
        return start(ctx, FEEDBACK, {"error": f"Metric {metric['id']} has neither a description nor a prompt "
                                              "to improve; write one and retry."})
    from ._lifecycle import with_reviews  # reviews from Labs test sets feed the proposal

    return start(ctx, FEEDBACK, {"proposal": with_reviews(ctx, metric, body, improved_proposal(metric, body))})


def feedback_progress(ctx: Ctx) -> tuple[int, Any]:
    envelope, outcome = state(ctx, FEEDBACK)
    return 200, {**envelope, **outcome.get("proposal", {})}
