"""Production calls, simulation results and runs, their metric scores, votes and Labs test sets.

Demo calls and a demo result are added to a tenant the first time any of these operations
(or a metric change, see ``_lifecycle``) runs for it, scored with the metrics the tenant has
then. Scores come from ``_evaluate``: stand-in verdicts for LLM judges (labelled as such),
"not evaluated" for custom code unless the local runner is installed.

Evaluations land at once (the service runs them in the background; a fetch right after
shows the new scores here). The sandbox evaluates exactly the metrics named in
``evaluate_metrics``; the real service currently runs every metric of the agent instead.
"""

from __future__ import annotations

import datetime
import functools
import json
from typing import Any

from . import _demo_calls, _evaluate, _seed
from ._http import ApiError, Ctx, invalid, invalid_pk, paginate
from ._spec import pointer
from ._validate import field_errors

CALL_LOG, RUN, RESULT, TEST_SET, REVIEW = "call_log", "run", "result", "test_set", "metric_review"
MARKER = "demo_calls"
WINDOW_DAYS, MAX_RANGE_DAYS = 30, 33


def _schema(name: str) -> str:
    return pointer("components", "schemas", name)


def _check(name: str, body: Any) -> dict[str, Any]:
    errors = field_errors(_schema(name), body)
    if errors:
        raise ApiError(400, errors)
    return body


# -- demo data ----------------------------------------------------------------------------------

def ensure_demo(ctx: Ctx) -> None:
    """Give the tenant its demo calls, result and runs (once), scored with its metrics of now."""
    if ctx.store.has(ctx.tenant, MARKER, 1):
        return
    ctx.put(MARKER, {"id": 1})
    from ._lifecycle import ensure_history

    ensure_history(ctx)  # versions of the metrics as they were before any scoring
    # The calls happened before the tenant's own metrics existed: the demo metrics scored them.
    demo = {m["id"] for m in _seed.METRICS}

    def scored_by(agent: int) -> list[dict[str, Any]]:
        return [m for m in assigned_metrics(ctx, agent) if m["id"] in demo]

    for doc in _demo_calls.call_logs(ctx.now):
        ctx.put(CALL_LOG, _evaluate.apply(doc, scored_by(doc["agent"])))
    result, runs = _demo_calls.result_and_runs(ctx.now)
    ctx.put(RESULT, result)
    for run in runs:
        ctx.put(RUN, _evaluate.apply(run, scored_by(run["agent"])))


def assigned_metrics(ctx: Ctx, agent_id: int) -> list[dict[str, Any]]:
    """The metrics that run on an agent's calls and runs: every active metric attached to it."""
    return [m for m in ctx.all("metric") if agent_id in m.get("agents", []) and m.get("is_active", True)]


def _agent_names(ctx: Ctx) -> dict[int, str]:
    return {a["id"]: a["name"] for a in ctx.all("agent")}


# -- call logs -------------------------------------------------------------------------------

_SUMMARY_FIELDS = ("id", "duration", "success", "is_reviewed", "status", "feedback", "call_ended_reason",
                   "customer_number", "agent", "call_id", "trace_id", "timestamp", "error_message",
                   "dropoff_point", "topic", "created_at", "updated_at", "transcript", "transcript_object",
                   "evaluation")


def _brief(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: entry[k] for k in ("id", "name", "type", "score", "enum", "value") if k in entry}


def call_summary(doc: dict[str, Any], names: dict[int, str]) -> dict[str, Any]:
    out = {k: doc[k] for k in _SUMMARY_FIELDS if k in doc}
    out["metrics"] = [_brief(e) for e in doc.get("evaluation", {}).get("metrics", [])]
    out["agent_name"] = names.get(doc["agent"], f"Agent {doc['agent']}")
    return out


def call_detail(doc: dict[str, Any], names: dict[int, str]) -> dict[str, Any]:
    return {**doc, "agent_name": names.get(doc["agent"], f"Agent {doc['agent']}")}


def _parse_time(name: str, raw: str) -> datetime.datetime:
    try:
        when = datetime.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise invalid(name, "Enter a valid date/time.") from None
    return when if when.tzinfo else when.replace(tzinfo=datetime.UTC)


def _time_window(ctx: Ctx) -> tuple[datetime.datetime, datetime.datetime]:
    q = ctx.query
    now = datetime.datetime.fromtimestamp(ctx.now, datetime.UTC)
    upper = _parse_time("timestamp_to", q["timestamp_to"]) if "timestamp_to" in q else now
    if "timestamp_from" in q:
        lower = _parse_time("timestamp_from", q["timestamp_from"])
    else:
        lower = upper - datetime.timedelta(days=WINDOW_DAYS)
    if lower > upper:
        raise invalid("timestamp_from", "Must not be after timestamp_to.")
    if upper - lower > datetime.timedelta(days=MAX_RANGE_DAYS):
        raise invalid("timestamp_from", f"The time range may span at most {MAX_RANGE_DAYS} days.")
    return lower, upper


_OPS = {
    "eq": lambda a, b: a == b, "neq": lambda a, b: a != b,
    "gt": lambda a, b: a is not None and a > b, "gte": lambda a, b: a is not None and a >= b,
    "lt": lambda a, b: a is not None and a < b, "lte": lambda a, b: a is not None and a <= b,
    "contains": lambda a, b: str(b).lower() in str(a or "").lower(),
    "startswith": lambda a, b: str(a or "").lower().startswith(str(b).lower()),
    "in": lambda a, b: a in (b if isinstance(b, list) else [b]),
    "isnull": lambda a, b: (a is None) == bool(b),
}


def _matches(doc: dict[str, Any], node: Any) -> bool:
    if not isinstance(node, dict):
        raise ValueError("each condition must be an object")
    if "conditions" in node:
        results = [_matches(doc, c) for c in node["conditions"]]
        return any(results) if str(node.get("operator", "and")).lower() == "or" else all(results)
    field, op = node.get("field"), node.get("op", "eq")
    if not isinstance(field, str) or op not in _OPS:
        raise ValueError(f"unsupported condition {field!r} {op!r}")
    value = doc.get("call_duration") if field == "duration" else doc.get(field)
    try:
        return bool(_OPS[op](value, node.get("value")))
    except TypeError:
        return False


def list_calls(ctx: Ctx) -> tuple[int, Any]:
    ensure_demo(ctx)
    q = ctx.query
    lower, upper = _time_window(ctx)
    calls = ctx.all(CALL_LOG)
    if "agent_id" in q:
        calls = [c for c in calls if c["agent"] == q["agent_id"]]
    if "project_id" in q:
        calls = [c for c in calls if c.get("project") == q["project_id"]]
    if "assistant_id" in q:
        agents = {a["id"] for a in ctx.all("agent") if a.get("assistant_id") == q["assistant_id"]}
        calls = [c for c in calls if c["agent"] in agents]
    if "call_ids" in q:
        parts = [p.strip() for p in q["call_ids"].split(",") if p.strip()]
        if not all(p.isascii() and p.isdigit() for p in parts):
            raise invalid("call_ids", "Enter a comma-separated list of integers.")
        wanted = {int(p) for p in parts}
        calls = [c for c in calls if c["id"] in wanted]
    if "filters_v2" in q:
        try:
            tree = json.loads(q["filters_v2"])
            calls = [c for c in calls if _matches(c, tree)]
        except (ValueError, RecursionError) as exc:
            raise invalid("filters_v2", f"Invalid filters: {exc}") from None
    calls = [c for c in calls if lower <= _parse_time("timestamp", c["timestamp"]) <= upper]
    calls.sort(key=lambda c: (c["timestamp"], c["id"]), reverse=True)
    window, envelope = paginate(ctx, len(calls))
    names = _agent_names(ctx)
    return 200, {**envelope, "results": [call_summary(c, names) for c in calls[window]]}


def get_call(ctx: Ctx) -> tuple[int, Any]:
    ensure_demo(ctx)
    return 200, call_detail(ctx.get_or_404(CALL_LOG, ctx.params["id"]), _agent_names(ctx))


def _scope_metrics(ctx: Ctx, ids: list[int], field: str, agent_id: int | None,
                   project_id: int | None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for metric_id in dict.fromkeys(ids):
        metric = ctx.get("metric", metric_id)
        in_scope = metric is not None and (
            (agent_id is not None and agent_id in metric.get("agents", []))
            or (project_id is not None and metric.get("project") == project_id))
        if not in_scope:
            raise invalid(field, invalid_pk(metric_id))
        assert metric is not None
        found.append(metric)
    return found


def evaluate_calls(ctx: Ctx) -> tuple[int, Any]:
    ensure_demo(ctx)
    body = _check("CallsEvaluateMetrics", ctx.body)
    agent_id, project_id = body.get("agent_id"), body.get("project_id")
    if agent_id is None and project_id is None:
        raise invalid("non_field_errors", "Provide either agent_id or project_id.")
    if not body["call_logs"]:
        raise invalid("call_logs", "This list may not be empty.")
    if not body["metrics"]:
        raise invalid("metrics", "This list may not be empty.")
    calls = []
    for call_log_id in dict.fromkeys(body["call_logs"]):
        doc = ctx.get(CALL_LOG, call_log_id)
        if doc is None or (agent_id is not None and doc["agent"] != agent_id) or (
                project_id is not None and doc.get("project") != project_id):
            raise invalid("call_logs", invalid_pk(call_log_id))
        calls.append(doc)
    metrics = _scope_metrics(ctx, body["metrics"], "metrics", agent_id, project_id)
    names = _agent_names(ctx)
    before = [call_summary(doc, names) for doc in calls]
    for doc in calls:
        ctx.put(CALL_LOG, _evaluate.apply(doc, metrics))
    return 200, before


def rerun_calls(ctx: Ctx) -> tuple[int, Any]:
    ensure_demo(ctx)
    body = _check("CallsRerunEvaluation", ctx.body)
    if ("agent_id" in body) == ("assistant_id" in body):
        raise invalid("non_field_errors", "Provide either agent_id or assistant_id, not both.")
    if "agent_id" in body:
        agent = ctx.get("agent", body["agent_id"])
        if agent is None:
            raise invalid("agent_id", invalid_pk(body["agent_id"]))
    else:
        agent = next((a for a in ctx.all("agent") if str(a.get("assistant_id")) == str(body["assistant_id"])), None)
        if agent is None:
            raise invalid("assistant_id", f'No agent has the assistant id "{body["assistant_id"]}".')
    mine = [c for c in ctx.all(CALL_LOG) if c["agent"] == agent["id"]]
    if body["call_logs"] == "all":
        calls = mine
    else:
        by_id = {c["id"]: c for c in mine}
        missing = next((i for i in body["call_logs"] if i not in by_id), None)
        if missing is not None:
            raise invalid("call_logs", invalid_pk(missing))
        calls = [by_id[i] for i in dict.fromkeys(body["call_logs"])]
    metrics = assigned_metrics(ctx, agent["id"])
    names = _agent_names(ctx)
    out = []
    for doc in calls:
        ctx.put(CALL_LOG, _evaluate.apply(doc, metrics))
        out.append(call_detail(doc, names))
    return 200, out


def _vote(ctx: Ctx, kind: str) -> dict[str, Any]:
    doc = ctx.get_or_404(kind, ctx.params["id"])
    body = _check("MetricVote", ctx.body)
    metric_id = body["metric_id"]
    entry = next((e for e in doc.get("evaluation", {}).get("metrics", []) if e["id"] == metric_id), None)
    if ctx.get("metric", metric_id) is None:
        raise invalid("metric_id", invalid_pk(metric_id))
    if entry is None:
        what = "call" if kind == CALL_LOG else "run"
        raise invalid("metric_id", f"Metric {metric_id} has not been evaluated on this {what}.")
    vote = {"thumbs_up": body["thumbs_up"], "expected_value": body["expected_value"],
            "feedback": body.get("feedback") or ""}
    if body["thumbs_up"] is None and body["expected_value"] is None and not vote["feedback"]:
        entry.pop("vote", None)
    else:
        entry["vote"] = vote
    doc["is_reviewed"] = True
    if vote["feedback"]:
        doc["feedback"] = vote["feedback"]
    doc["updated_at"] = _iso(ctx.now)
    _evaluate.refresh_status(doc)
    ctx.put(kind, doc)
    return doc


def vote_on_call(ctx: Ctx) -> tuple[int, Any]:
    ensure_demo(ctx)
    _vote(ctx, CALL_LOG)
    return 200, {"detail": "Vote recorded."}


@functools.lru_cache(maxsize=8)  # a request formats its one clock reading for every record it writes
def _iso(epoch: float) -> str:
    return datetime.datetime.fromtimestamp(epoch, datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- runs and results ---------------------------------------------------------------------------

_RUN_HIDDEN = ("project", "call_duration", "tags", "transcript_json")


def run_view(doc: dict[str, Any], names: dict[int, str]) -> dict[str, Any]:
    out = {k: v for k, v in doc.items() if k not in _RUN_HIDDEN}
    out["agent_name"] = names.get(doc["agent"], f"Agent {doc['agent']}")
    out["transcript_object"] = [{**t, "normalized_content": t["content"].lower(), "comparison_spans": []}
                                for t in doc["transcript_object"]]
    return out


def get_run(ctx: Ctx) -> tuple[int, Any]:
    ensure_demo(ctx)
    return 200, run_view(ctx.get_or_404(RUN, ctx.params["id"]), _agent_names(ctx))


def vote_on_run(ctx: Ctx) -> tuple[int, Any]:
    ensure_demo(ctx)
    _vote(ctx, RUN)
    return 200, {"success": True}


def _runs_of(ctx: Ctx, result: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in (ctx.get(RUN, i) for i in result["run_ids"]) if r is not None]


def _counts(runs: list[dict[str, Any]]) -> dict[str, Any]:
    done = [r for r in runs if r["status"] in ("completed", "failed")]
    good = [r for r in done if r.get("success")]
    return {
        "total_runs_count": len(runs), "completed_runs_count": len(done), "success_runs_count": len(good),
        "failed_runs_count": len(done) - len(good),
        "met_expected_outcome_count": 0, "total_expected_outcome_count": 0,
        "success_rate": round(len(good) / len(done), 4) if done else 0.0,
    }


def _result_status(result: dict[str, Any], runs: list[dict[str, Any]]) -> str:
    return "completed" if all(r["status"] in ("completed", "failed") for r in runs) else "running"


def result_summary(ctx: Ctx, result: dict[str, Any]) -> dict[str, Any]:
    runs = _runs_of(ctx, result)
    names = _agent_names(ctx)
    return {
        "id": result["id"], "name": result["name"], "agent": result["agent"],
        "agent_name": names.get(result["agent"], f"Agent {result['agent']}"), "agent_inbound": True,
        "status": _result_status(result, runs), "run_as_text": result["run_as_text"], "is_cronjob": False,
        "runs": {str(r["id"]): {"id": r["id"], "status": r["status"], "success": r.get("success")} for r in runs},
        "scenarios": [{"id": r["scenario"], "name": r["scenario_name"]} for r in runs],
        "run_type": "simulation", "agent_version": "", "created_at": result["created_at"],
        "updated_at": result["updated_at"], **_counts(runs),
    }


def get_result(ctx: Ctx) -> tuple[int, Any]:
    ensure_demo(ctx)
    result = ctx.get_or_404(RESULT, ctx.params["id"])
    runs = _runs_of(ctx, result)
    names = _agent_names(ctx)
    summary: dict[str, dict[str, Any]] = {}
    for run in runs:
        for entry in run.get("evaluation", {}).get("metrics", []):
            item = summary.setdefault(str(entry["id"]), {"id": entry["id"], "name": entry["name"],
                                                         "type": entry["type"], "scores": []})
            if entry.get("score") is not None:
                item["scores"].append(entry["score"])
    for item in summary.values():
        scores = item.pop("scores")
        item["score"] = round(sum(scores) / len(scores), 2) if scores else None
    counts = _counts(runs)
    total = sum(r["call_duration"] for r in runs)
    return 200, {
        "id": result["id"], "name": result["name"], "agent": result["agent"],
        "agent_name": names.get(result["agent"], f"Agent {result['agent']}"), "agent_version": "",
        "status": _result_status(result, runs), "run_as_text": result["run_as_text"], "is_cronjob": False,
        "runs": {str(r["id"]): run_view(r, names) for r in runs},
        "overall_evaluation": {"success_rate": counts["success_rate"], "metric_summary": summary},
        "total_duration": _demo_calls.mmss(total),
        "connected_runs": [r["id"] for r in runs],
        "not_connected_runs": [],
        "failed_infrastructure_runs": None,
        "failed_workflow_runs": None,
        "successful_calls": [r["id"] for r in runs if r.get("success")],
        "scenarios": [{"id": r["scenario"], "name": r["scenario_name"]} for r in runs],
        "critical_categories": [], "metrics": list(summary.values()), "runs_by_tags": {}, "latency_data": {},
        "failed_reasons": None, "ai_summary": None, "ai_summary_status": "", "next_steps": None,
        "path_coverage": None, "performance_metrics": {}, "run_type": "simulation", "run_settings": None,
        "created_at": result["created_at"], "updated_at": result["updated_at"], **counts,
    }


def _digit_ids(name: str, values: list[str]) -> list[int]:
    bad = next((v for v in values if not (v.isascii() and v.strip().isdigit())), None)
    if bad is not None:
        raise invalid(name, f'"{bad}" is not a valid id.')
    return [int(v) for v in values]


def evaluate_result(ctx: Ctx) -> tuple[int, Any]:
    ensure_demo(ctx)
    result = ctx.get_or_404(RESULT, ctx.params["id"])
    body = _check("ResultEvaluateMetrics", ctx.body)
    run_ids = _digit_ids("run_ids", body["run_ids"])
    metric_ids = _digit_ids("metric_ids", body["metric_ids"])
    bad = next((i for i in run_ids if i not in result["run_ids"]), None)
    if bad is not None:
        raise invalid("run_ids", invalid_pk(bad))
    metrics = _scope_metrics(ctx, metric_ids, "metric_ids", result["agent"], None)
    for run_id in dict.fromkeys(run_ids):
        run = ctx.get(RUN, run_id)
        if run is not None:
            ctx.put(RUN, _evaluate.apply(run, metrics))
    return 200, result_summary(ctx, result)


def bulk_evaluate_results(ctx: Ctx) -> tuple[int, Any]:
    ensure_demo(ctx)
    body = _check("ResultsBulkEvaluateMetrics", ctx.body)
    results = []
    for result_id in dict.fromkeys(body["result_ids"]):
        result = ctx.get(RESULT, result_id)
        if result is None:
            raise invalid("result_ids", invalid_pk(result_id))
        results.append(result)
    plans = [(result, _scope_metrics(ctx, body["metric_ids"], "metric_ids", result["agent"], None))
             for result in results]
    for result, metrics in plans:
        for run in _runs_of(ctx, result):
            if run["status"] in ("completed", "failed"):
                ctx.put(RUN, _evaluate.apply(run, metrics))
    return 200, None


# -- Labs test sets ----------------------------------------------------------------------------

def _review(ctx: Ctx, source: dict[str, Any], label: dict[str, Any], test_set_id: int) -> dict[str, Any]:
    metric = ctx.get("metric", label["metric"])
    if metric is None:
        raise invalid("metrics", invalid_pk(label["metric"]))
    entries = source.get("evaluation", {}).get("metrics", [])
    entry: dict[str, Any] = next((e for e in entries if e["id"] == metric["id"]), {})
    vote = entry.get("vote") or {}
    expected = label["expected_value"] if "expected_value" in label else vote.get("expected_value")
    if expected is None and vote.get("thumbs_up") is True:
        expected = entry.get("score")  # agreeing with the metric labels its own answer as right
    return {
        "id": ctx.store.next_id(), "test_set": test_set_id, "metric": metric["id"], "metric_name": metric["name"],
        "metric_enum_values": metric.get("enum_values") or [], "eval_type": metric["eval_type"],
        "expected_value": expected, "actual_value": entry.get("enum", entry.get("score")),
        "explanation": entry.get("explanation", []),
        "feedback": label.get("feedback") or vote.get("feedback") or "",
        "thumbs_up": vote.get("thumbs_up"),
        "metric_function_name": metric.get("function_name") or "", "metric_vocera_defined_metric_code": "",
    }


_REVIEW_PUBLIC = ("id", "metric", "metric_name", "metric_enum_values", "eval_type", "expected_value",
                  "explanation", "feedback", "metric_function_name", "metric_vocera_defined_metric_code")


def test_set_view(ctx: Ctx, test_set: dict[str, Any]) -> dict[str, Any]:
    reviews = [r for r in (ctx.get(REVIEW, i) for i in test_set["review_ids"]) if r is not None]
    out = {k: v for k, v in test_set.items() if k not in ("review_ids", "project")}
    out["metric_reviews"] = [{k: r[k] for k in _REVIEW_PUBLIC} for r in reviews]
    return out


def _create_test_set(ctx: Ctx, kind: str, source_field: str, schema: str) -> tuple[int, Any]:
    ensure_demo(ctx)
    body = _check(schema, ctx.body)
    source = ctx.get(kind, body[source_field])
    if source is None:
        raise invalid(source_field, invalid_pk(body[source_field]))
    if "project" in body and body["project"] != source.get("project"):
        raise invalid("project", invalid_pk(body["project"]))
    if not body["metrics"]:
        raise invalid("metrics", "This list may not be empty.")
    model = "CallLog" if kind == CALL_LOG else "Run"
    existing = next((t for t in ctx.all(TEST_SET)
                     if t["source_model"] == model and t["source_id"] == str(source["id"])), None)
    test_set = existing or {
        "id": ctx.store.next_id(), "agent": source["agent"], "project": source.get("project"),
        "name": body.get("name") or f"{'Call log' if kind == CALL_LOG else 'Run'} {source['id']}",
        "transcript": source["transcript"], "transcript_object": source["transcript_object"],
        "voice_recording_url": source.get("voice_recording_url", ""),
        "call_end_reason": source.get("call_ended_reason", ""), "duration": source["duration"],
        "source_model": model, "source_id": str(source["id"]), "review_ids": [],
        "created_at": _iso(ctx.now),
    }
    test_set["updated_at"] = _iso(ctx.now)
    by_metric = {r["metric"]: r for r in (ctx.get(REVIEW, i) for i in test_set["review_ids"]) if r}
    for label in body["metrics"]:
        review = _review(ctx, source, label, test_set["id"])
        old = by_metric.get(review["metric"])
        if old is not None:
            review["id"] = old["id"]
        else:
            test_set["review_ids"].append(review["id"])
        ctx.put(REVIEW, review)
    ctx.put(TEST_SET, test_set)
    return 200, test_set_view(ctx, test_set)


def test_set_from_call_log(ctx: Ctx) -> tuple[int, Any]:
    return _create_test_set(ctx, CALL_LOG, "call_log_id", "TestSetFromCallLog")


def test_set_from_run(ctx: Ctx) -> tuple[int, Any]:
    return _create_test_set(ctx, RUN, "run_id", "TestSetFromRun")


def reviews_of(ctx: Ctx, metric_id: int, test_set_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """A metric's reviews in Labs test sets (optionally only those sets), for feedback processing."""
    reviews = [r for r in ctx.all(REVIEW) if r["metric"] == metric_id]
    if test_set_ids is not None:
        reviews = [r for r in reviews if r["test_set"] in test_set_ids]
    return reviews


HANDLERS = {
    "calls_list": list_calls,
    "calls_get": get_call,
    "calls_evaluate_metrics": evaluate_calls,
    "calls_rerun_evaluation": rerun_calls,
    "calls_mark_metric_vote": vote_on_call,
    "runs_get": get_run,
    "runs_mark_metric_vote": vote_on_run,
    "results_get": get_result,
    "results_evaluate_metrics": evaluate_result,
    "results_bulk_evaluate_metrics": bulk_evaluate_results,
    "test_sets_create_from_call_log": test_set_from_call_log,
    "test_sets_create_from_run": test_set_from_run,
}
