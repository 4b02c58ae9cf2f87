"""A metric's life beyond create/update: preview (never saved), versions (history and restore),
copies of catalog metrics, and feedback processing that learns from Labs test sets.

History: every create, change and delete of a metric is recorded as a version, including the
bulk operations and restores. The demo metrics get a "created" version before the tenant's
first recorded change (``ensure_history``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import _calls, _catalog, _evaluate, _jobs, _metrics
from ._http import ApiError, Ctx, invalid, invalid_pk, paginate

HISTORY = "metric_history"
HISTORY_MARKER = "metric_history_seeded"
PREVIEW = "metric_preview"

Handler = Callable[[Ctx], tuple[int, Any]]


# -- history ---------------------------------------------------------------------------------

_VERSION_SKIP = ("is_active",)
_SNAPSHOT_SKIP = (*_VERSION_SKIP, "metric_cost")


def _next_history_id(ctx: Ctx) -> int:
    """Versions are numbered per tenant (1, 2, ...), apart from the ids of what users create.

    The next number follows the tenant's highest (versions are only ever dropped with the whole
    tenant), read without writing anything. Files written before kept the count in a "counter"
    document, equal to that highest number; it is still honoured as a floor."""
    return ctx.store.next_in_sequence(ctx.tenant, HISTORY, "counter", 1, "history")


def record(ctx: Ctx, metric: dict[str, Any], history_type: str, reason: str | None = None,
           history_id: int | None = None) -> None:
    """Store a version of ``metric`` (``history`` answers it through ``_version_view``).

    ``history_id``: its number when the caller already took the next numbers for several
    versions in this transaction (see ``_next_history_id``)."""
    if "type" not in metric:
        raise KeyError("type")  # as public(metric) did
    doc = {**metric, **_metrics.CONSTANTS}  # public(metric) without is_active and metric_cost, in its order
    for key in _SNAPSHOT_SKIP:
        doc.pop(key, None)
    number = _next_history_id(ctx) if history_id is None else history_id
    doc.update(history_id=number, history_date=_calls._iso(ctx.now), history_type=history_type,
               history_change_reason=reason, history_user=None, version_id=None, version_name=None,
               agents_snapshot=list(metric.get("agents", [])), agent=None, id=number, metric_id=metric["id"])
    ctx.store.put(ctx.tenant, HISTORY, doc)


def ensure_history(ctx: Ctx) -> None:
    """Once per tenant, before its first recorded change: the demo metrics' "created" versions."""
    if not ctx.store.has(ctx.tenant, HISTORY_MARKER, 1):
        ctx.put(HISTORY_MARKER, {"id": 1})
        seed_history(ctx)


def seed_history(ctx: Ctx) -> None:
    """A "created" version for metrics that exist before anything was recorded (the demo metrics)."""
    recorded = {v["metric_id"] for v in ctx.all(HISTORY)}
    first = _next_history_id(ctx)  # numbered in a row, as one by one in this write transaction
    for offset, metric in enumerate(m for m in ctx.all(_metrics.METRIC) if m["id"] not in recorded):
        record(ctx, metric, "+", history_id=first + offset)


def recorded(handler: Handler, history_type: str) -> Handler:
    """Wrap a metric handler so that each metric it creates, changes or deletes gets a version."""

    def run(ctx: Ctx) -> tuple[int, Any]:
        ensure_history(ctx)  # the demo metrics' first version is taken before any change
        before = None
        if history_type == "-":
            before = ctx.get(_metrics.METRIC, ctx.params["id"])
        status, payload = handler(ctx)
        if history_type == "-" and before is not None:
            record(ctx, before, "-")
        elif history_type == "+":
            # the payload is public(stored metric), and record() takes the same snapshot of either
            first = _next_history_id(ctx)  # numbered in a row, as one by one in this write transaction
            for offset, item in enumerate(payload if isinstance(payload, list) else [payload]):
                record(ctx, item, "+", history_id=first + offset)
        elif "id" in ctx.params and isinstance(payload, dict) and payload.get("id") == ctx.params["id"]:
            record(ctx, payload, "~")  # an update answers public(stored metric)
        else:
            ids = [ctx.params["id"]] if "id" in ctx.params else list(dict.fromkeys(ctx.body.get("metric_ids", [])))
            for metric_id in ids:
                doc = ctx.get(_metrics.METRIC, metric_id)
                if doc is not None:
                    record(ctx, doc, "~")
        return status, payload

    return run


def _version_view(doc: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in doc.items() if k != "metric_id"}
    out["id"] = doc["metric_id"]
    return out


def history(ctx: Ctx) -> tuple[int, Any]:
    ensure_history(ctx)
    metric = _metrics.metric_or_404(ctx, ctx.params["id"])
    versions = sorted((v for v in ctx.all(HISTORY) if v["metric_id"] == metric["id"]),
                      key=lambda v: v["history_id"], reverse=True)
    window, envelope = paginate(ctx, len(versions))
    return 200, {**envelope, "results": [_version_view(v) for v in versions[window]]}


def restore(ctx: Ctx) -> tuple[int, Any]:
    ensure_history(ctx)
    metric = ctx.get_or_404(_metrics.METRIC, ctx.params["id"])
    body = _calls._check("MetricRestore", ctx.body)
    version = ctx.store.get(ctx.tenant, HISTORY, body["history_id"])
    if version is None or version["metric_id"] != metric["id"]:
        raise invalid("history_id", invalid_pk(body["history_id"]))
    metric.update({k: version[k] for k in _metrics.WRITABLE if k in version and k != "project"})
    ctx.put(_metrics.METRIC, metric)
    record(ctx, metric, "~", f"Restored version {body['history_id']}")
    return 200, _metrics.public(metric, "detail")


# -- preview ---------------------------------------------------------------------------------

def _preview_subjects(ctx: Ctx, body: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    agent_id, project_id = body.get("agent_id"), body.get("project_id")
    if agent_id is None and project_id is None:
        raise invalid("non_field_errors", "Provide either agent_id or project_id.")
    if ("call_log_ids" in body) == ("run_ids" in body):
        raise invalid("non_field_errors", "Provide either call_log_ids or run_ids (1 to 10 ids).")
    field, kind = ("call_log_ids", _calls.CALL_LOG) if "call_log_ids" in body else ("run_ids", _calls.RUN)
    subjects = []
    for subject_id in dict.fromkeys(body[field]):
        doc = ctx.get(kind, subject_id)
        if doc is None or (agent_id is not None and doc["agent"] != agent_id) or (
                project_id is not None and doc.get("project") != project_id):
            raise invalid(field, invalid_pk(subject_id))
        subjects.append(("call_log_id" if kind == _calls.CALL_LOG else "run_id", doc))
    return subjects


def _preview_metric_errors(data: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not data["name"].strip():
        errors["name"] = ["This field may not be blank."]
    if data["type"] in _metrics.DEPRECATED_TYPES:
        errors["type"] = [f'"{data["type"]}" is deprecated: preview llm_judge or custom_code metrics instead.']
    elif data["type"] == "custom_code" and not str(data.get("custom_code") or "").strip():
        errors["custom_code"] = ["This field is required for a custom_code metric."]
    elif data["type"] == "llm_judge" and not (str(data.get("description") or "").strip()
                                             or str(data.get("prompt") or "").strip()):
        errors["description"] = ["Give the judge's criterion (description or prompt)."]
    if data["eval_type"] == "enum" and not data.get("enum_values"):
        errors["enum_values"] = ['This field is required when eval_type is "enum".']
    return errors


def preview(ctx: Ctx) -> tuple[int, Any]:
    _calls.ensure_demo(ctx)
    body = _calls._check("PreviewRequest", ctx.body)
    subjects = _preview_subjects(ctx, body)
    data = body["metric_data"]
    errors = _preview_metric_errors(data)
    if errors:
        raise ApiError(400, {"metric_data": [f"{k}: {' '.join(v)}" for k, v in errors.items()]})
    metric = {"id": 0, "description": "", "prompt": "", "custom_code": "", **data}
    results = []
    for key, doc in subjects:  # nothing is stored but the job's outcome
        found = _evaluate.verdict(metric, doc)
        results.append({
            "call_log_id": doc["id"] if key == "call_log_id" else None,
            "run_id": doc["id"] if key == "run_id" else None,
            "name": data["name"], "type": data["eval_type"], "score": found["score"],
            "value": found.get("enum", found.get("value")), "explanation": found["explanation"],
            "extra": found["extra"], "evaluated": found["extra"].get("evaluated", True),
        })
    return _jobs.start(ctx, PREVIEW, {"results": results})


def preview_progress(ctx: Ctx) -> tuple[int, Any]:
    envelope, outcome = _jobs.state(ctx, PREVIEW)
    return 200, {**envelope, "results": outcome.get("results", [])}


# -- predefined metrics copy -----------------------------------------------------------------------

_COPIED = ("name", "description", "type", "eval_type", "prompt", "audio_enabled", "custom_code",
           "configuration", "evaluation_trigger", "evaluation_trigger_prompt")


def predefined_copy(ctx: Ctx) -> tuple[int, Any]:
    ensure_history(ctx)
    body = _calls._check("PredefinedMetricCopy", ctx.body)
    if not body.get("predefined_metric_ids") and not body.get("metric_codes"):
        raise invalid("non_field_errors", "Provide predefined_metric_ids or metric_codes.")
    if ("project_id" in body) == ("agent_id" in body):
        raise invalid("non_field_errors", "Provide either project_id or agent_id, not both.")
    entries = []
    for entry_id in body.get("predefined_metric_ids") or []:
        entry = _catalog.predefined_metric(entry_id)
        if entry is None:
            raise invalid("predefined_metric_ids", invalid_pk(entry_id))
        entries.append(entry)
    catalog = _catalog.predefined_metrics()
    for code in body.get("metric_codes") or []:
        entry = next((e for e in catalog if code and code in (e["code"], e["slug"])), None)
        if entry is None:
            raise invalid("metric_codes", f'No predefined metric has the code "{code}".')
        entries.append(entry)
    if "project_id" in body:
        if ctx.get("project", body["project_id"]) is None:
            raise invalid("project_id", invalid_pk(body["project_id"]))
        project, agents = body["project_id"], []
    else:
        agent = ctx.get("agent", body["agent_id"])
        if agent is None:
            raise invalid("agent_id", invalid_pk(body["agent_id"]))
        project, agents = agent["project"], [agent["id"]]
    names = {a["id"]: a["name"] for a in ctx.all("agent")}
    out = []
    for entry in {e["id"]: e for e in entries}.values():
        fields = {k: entry[k] for k in _COPIED if entry.get(k) is not None}
        fields.update(project=project, agents=agents, enum_values=entry.get("enum_values") or [])
        doc = _metrics.create_metric(ctx, fields)
        doc["function_name"] = entry["function_name"]
        ctx.put(_metrics.METRIC, doc)
        record(ctx, doc, "+", f"Copied from predefined metric {entry['id']}")
        out.append({**_metrics.public(doc, "list", names), "function_name": entry["function_name"]})
    return 200, out


# -- feedback processing learns from test sets --------------------------------------------------------

def with_reviews(ctx: Ctx, metric: dict[str, Any], body: dict[str, Any], proposal: dict[str, Any]) -> dict[str, Any]:
    """Fold a metric's Labs reviews (from votes turned into test sets) into a feedback proposal."""
    reviews = _calls.reviews_of(ctx, metric["id"], body.get("test_set_ids"))
    if not reviews:
        return proposal
    notes = [r["feedback"] for r in reviews if r.get("feedback")]
    description = proposal["improved_metric_description"]
    if notes:
        description += "\n\nReviewer feedback to honour:\n" + "\n".join(f"- {n}" for n in dict.fromkeys(notes))
    improved = {**metric, "description": description}
    results, before, after = [], 0, 0
    for review in reviews:
        test_set = ctx.get(_calls.TEST_SET, review["test_set"]) or {}
        subject = {"transcript": test_set.get("transcript", ""),
                   "transcript_json": [], "evaluation": {"metrics": []}}
        expected = review.get("expected_value")
        before += _agrees(review.get("actual_value"), expected)
        if body.get("skip_evaluation"):
            results.append({"review_id": review["id"], "test_set_id": review["test_set"],
                            "actual_value": review.get("actual_value"), "explanation": review.get("explanation"),
                            "success": True, "error": None})
            continue
        found = _evaluate.verdict(improved, subject)
        value = found.get("enum", found["score"])
        after += _agrees(value, expected)
        results.append({"review_id": review["id"], "test_set_id": review["test_set"], "actual_value": value,
                        "explanation": found["explanation"], "success": found["score"] is not None
                        or "enum" in found, "error": None if found["extra"].get("evaluated", True)
                        else found["explanation"][0]})
    total = len(reviews)
    return {
        **proposal,
        "improved_metric_description": description,
        "metric_description_program": {"instructions": description},
        "review_results": results,
        "feedback_edits": [{"review_id": r["id"], "feedback": r["feedback"]} for r in reviews if r.get("feedback")],
        "optimization_summary": (f"Used {total} review(s) from {len({r['test_set'] for r in reviews})} Labs test "
                                 f"set(s); {len(notes)} carried reviewer notes, which were added to the criterion. "
                                 "Verdicts are the sandbox's stand-in judge, not an LLM."),
        "old_score": round(before / total, 2),
        "new_score": None if body.get("skip_evaluation") else round(after / total, 2),
    }


def _agrees(actual: Any, expected: Any) -> int:
    if expected is None:
        return 0
    norm = {True: 5, False: 0, "true": 5, "false": 0, "pass": 5, "fail": 0}
    a = norm.get(actual, actual) if isinstance(actual, (bool, str)) else actual
    e = norm.get(expected, expected) if isinstance(expected, (bool, str)) else expected
    try:
        return int(float(a) == float(e))
    except (TypeError, ValueError):
        return int(str(a) == str(e))


HANDLERS = {
    "metrics_preview": preview,
    "metrics_preview_progress": preview_progress,
    "metrics_history": history,
    "metrics_restore": restore,
    "predefined_metrics_copy": predefined_copy,
}

#: Metric handlers whose changes go into the history, and the kind of change each makes.
RECORDED = {
    "metrics_create": "+", "metrics_bulk_create": "+", "metrics_update": "~", "metrics_replace": "~",
    "metrics_bulk_manage_agents": "~", "metrics_bulk_toggle_settings": "~", "metrics_delete": "-",
}


def register(handlers: dict[str, Handler]) -> None:
    """Add this module's and ``_calls``' handlers; wrap the metric writes to record versions."""
    for operation_id, kind in RECORDED.items():
        handlers[operation_id] = recorded(handlers[operation_id], kind)
    handlers.update(HANDLERS)
    handlers.update(_calls.HANDLERS)

