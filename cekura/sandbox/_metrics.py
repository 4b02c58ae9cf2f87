"""Metric handlers: CRUD, bulk create, list filters, bulk agent assignment and bulk toggles."""

from __future__ import annotations

import json
from typing import Any

from ._catalog import snake_case
from ._http import ApiError, Ctx, invalid, invalid_pk, not_found
from ._seed import DEMO_PROJECT, generic_agent
from ._spec import pointer
from ._validate import FieldErrors, field_errors

METRIC = "metric"
WRITE_SCHEMA = pointer("components", "schemas", "MetricWrite")
PATCH_SCHEMA = pointer("components", "schemas", "MetricPatch")
TOGGLE_SCHEMA = pointer("components", "schemas", "BulkToggleSettings")
ASSIGN_SCHEMA = pointer("components", "schemas", "BulkAgentAssignment")

DEPRECATED_TYPES = ("basic", "custom_prompt")
INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
NAME_MAX = 255

# What a metric created without the field gets, like the service's model defaults.
DEFAULTS: dict[str, Any] = {
    "description": "", "prompt": "", "audio_enabled": False, "project": DEMO_PROJECT, "agents": [],
    "assistant_id": None, "type": "llm_judge", "enum_values": [], "display_order": 0, "configuration": {},
    "add_to_new_agents": False, "simulation_enabled": True, "observability_enabled": False,
    "sampling_enabled": False, "evaluation_trigger": "always", "evaluation_trigger_prompt": "",
    "trigger_type": "llm_judge", "evaluation_trigger_custom_code": "", "custom_code": "",
    "is_active": True, "alert_enabled": False,
}
WRITABLE = ("name", "eval_type", *(k for k in DEFAULTS if k not in ("is_active", "alert_enabled")))
TOGGLES = ("is_active", "simulation_enabled", "observability_enabled", "sampling_enabled",
           "audio_enabled", "alert_enabled", "add_to_new_agents")

# Read-only fields the service answers with; the sandbox has no alerts, reviews or knowledge base.
CONSTANTS: dict[str, Any] = {
    "function_name": None, "vocera_defined_metric_code": "", "priority_assignment_prompt": "",
    "alert_type": "disabled", "alert_filters": None, "slack_workspace": None, "slack_channel_id": None,
    "significant_change_alert_status": "disabled", "significant_change_alert_direction": "",
    "window_size": 7, "std_multiplier": 2.0, "ewma_alpha": 0.3,
}


def make_slug(name: str, metric_id: int) -> str:
    suffix = f"_{metric_id}"
    return (snake_case(name) or "metric")[: NAME_MAX - len(suffix)] + suffix


# -- representation -----------------------------------------------------------------------

def public(doc: dict[str, Any], view: str = "write", agent_names: dict[int, str] | None = None) -> dict[str, Any]:
    """A stored metric as answered: ``write`` (create/update), ``list`` or ``detail``."""
    out = {**doc, **CONSTANTS, "metric_cost": 0.0 if doc["type"] == "custom_code" else 0.2}
    if view == "list":
        names = agent_names or {}
        out["agent_names"] = ", ".join(names.get(a, f"Agent {a}") for a in doc["agents"])
        out["kb_file_ids"] = []
        out["knowledge_base_files"] = []
        out["uses_llm_judge"] = "false" if doc["type"] == "custom_code" else "true"
    elif view == "detail":
        out["reviews"] = []
        out["pending_optimisation_proposal"] = None
    return out


# -- validation -------------------------------------------------------------------------------

_NAME_TOO_LONG = f"Ensure this field has no more than {NAME_MAX} characters."
_ORDER_TOO_HIGH = f"Ensure this value is less than or equal to {INT32_MAX}."
_ORDER_TOO_LOW = f"Ensure this value is greater than or equal to {INT32_MIN}."


def _field_checks(ctx: Ctx, body: dict[str, Any], current: dict[str, Any] | None, errors: FieldErrors) -> None:
    """Field-level rules the schema cannot say; skips fields already in error (first rule wins)."""
    if "name" in body and "name" not in errors:
        name = body["name"]
        if isinstance(name, str):
            if len(name) > NAME_MAX:
                errors["name"] = [_NAME_TOO_LONG]
            elif not name.strip():
                errors["name"] = ["This field may not be blank."]
    if "display_order" in body and "display_order" not in errors:
        order = body["display_order"]
        if isinstance(order, int):
            if order > INT32_MAX:
                errors["display_order"] = [_ORDER_TOO_HIGH]
            elif order < INT32_MIN:
                errors["display_order"] = [_ORDER_TOO_LOW]
    if "type" in body and "type" not in errors:
        kind = body["type"]
        if kind in DEPRECATED_TYPES and (current is None or current.get("type") != kind):
            errors["type"] = [f'"{kind}" is deprecated: create llm_judge or custom_code metrics instead.']
    project = body.get("project")
    if current is None:
        if ("project" in body and "project" not in errors and isinstance(project, int)
                and ctx.get("project", project) is None):
            errors["project"] = [invalid_pk(project)]
    else:
        current_project = current["project"]
        if "project" in body and "project" not in errors and project != current_project:
            errors["project"] = ["A metric's project cannot be changed."]
    agents = body.get("agents")
    if isinstance(agents, list) and "agents" not in errors:
        bad = next((a for a in agents if not 1 <= a <= INT32_MAX), None)
        if "agents" in body and bad is not None:
            errors["agents"] = [invalid_pk(bad)]


def metric_errors(ctx: Ctx, body: Any, current: dict[str, Any] | None = None, partial: bool = False) -> FieldErrors:
    """All the reasons ``body`` cannot be stored (create when ``current`` is None)."""
    errors = field_errors(PATCH_SCHEMA if partial else WRITE_SCHEMA, body)
    if not isinstance(body, dict):
        return errors
    _field_checks(ctx, body, current, errors)
    if errors:
        return errors
    merged = {**(current or DEFAULTS), **body}
    if merged.get("eval_type") == "enum" and not merged.get("enum_values"):
        return {"enum_values": ['This field is required when eval_type is "enum".']}
    return {}


def _register_agents(ctx: Ctx, agent_ids: list[int]) -> None:
    """Agents are not an API resource here: unknown ones join the demo project on first use."""
    for agent_id in agent_ids:
        if not ctx.store.has(ctx.tenant, "agent", agent_id):
            ctx.put("agent", generic_agent(agent_id))


def _apply(ctx: Ctx, doc: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    doc.update({k: body[k] for k in WRITABLE if k in body})
    doc["agents"] = list(dict.fromkeys(doc["agents"]))
    _register_agents(ctx, doc["agents"])
    ctx.put(METRIC, doc)
    return doc


def create_metric(ctx: Ctx, body: dict[str, Any], metric_id: int | None = None) -> dict[str, Any]:
    """``metric_id``: one the caller already took from the sequence (``Store.next_ids``)."""
    if metric_id is None:
        metric_id = ctx.store.next_id()
    doc = {"id": metric_id, **DEFAULTS, "name": body["name"], "eval_type": body["eval_type"],
           "slug": make_slug(body["name"], metric_id)}
    return _apply(ctx, doc, body)


def metric_or_404(ctx: Ctx, key: int | str) -> dict[str, Any]:
    """By numeric id, or by slug."""
    if isinstance(key, str) and not (key.isascii() and key.isdigit()):
        doc = next((m for m in ctx.all(METRIC) if m.get("slug") == key), None)
        if doc is None:
            raise not_found()
        return doc
    return ctx.get_or_404(METRIC, int(key))


# -- handlers -------------------------------------------------------------------------------

def create(ctx: Ctx) -> tuple[int, Any]:
    errors = metric_errors(ctx, ctx.body)
    if errors:
        raise ApiError(400, errors)
    return 201, public(create_metric(ctx, ctx.body))


def bulk_create(ctx: Ctx) -> tuple[int, Any]:
    items = ctx.body
    if not isinstance(items, list):
        raise ApiError(400, {"non_field_errors": [f'Expected a list of items but got type "{type(items).__name__}".']})
    if not items:
        raise invalid("non_field_errors", "This list may not be empty.")
    errors = [metric_errors(ctx, item) for item in items]
    if any(errors):
        raise ApiError(400, errors)
    first = ctx.store.next_ids(len(items))
    return 201, [public(create_metric(ctx, item, first + offset)) for offset, item in enumerate(items)]


def retrieve(ctx: Ctx) -> tuple[int, Any]:
    return 200, public(metric_or_404(ctx, ctx.params["id"]), "detail")


def _update(ctx: Ctx, partial: bool) -> tuple[int, Any]:
    doc = ctx.get_or_404(METRIC, ctx.params["id"])
    body = ctx.body
    errors = metric_errors(ctx, body, doc, partial)
    if errors:
        raise ApiError(400, errors)
    return 200, public(_apply(ctx, doc, body))


def replace(ctx: Ctx) -> tuple[int, Any]:
    return _update(ctx, partial=False)


def update(ctx: Ctx) -> tuple[int, Any]:
    return _update(ctx, partial=True)


def destroy(ctx: Ctx) -> tuple[int, Any]:
    metric_id = ctx.params["id"]
    if not ctx.store.delete(ctx.tenant, METRIC, metric_id):
        raise not_found()
    # flagged scenarios go with their metric (SQLite finds the candidates; the test is Python's)
    for scenario in ctx.store.where_field_is(ctx.tenant, "scenario", "metric_id", metric_id):
        if scenario["metric_id"] == metric_id:
            ctx.store.delete(ctx.tenant, "scenario", scenario["id"])
    return 204, None


def _int_list(name: str, raw: str) -> set[int]:
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if not all(p.lstrip("-").isdigit() and p.isascii() for p in parts):
        raise invalid(name, "Enter a comma-separated list of integers.")
    return {int(p) for p in parts}


def _condition(metric: dict[str, Any], cond: dict[str, Any]) -> bool:
    if "conditions" in cond:
        results = [_condition(metric, c) for c in cond["conditions"]]
        return any(results) if str(cond.get("operator", "and")).lower() == "or" else all(results)
    name, op, value = cond.get("field"), cond.get("op", "eq"), cond.get("value")
    if name not in ("agents__id", "eval_type", "type", "name") or op not in ("in", "eq", "contains"):
        raise ValueError(f"unsupported condition {name!r} {op!r}")
    have = metric["agents"] if name == "agents__id" else [metric[name]]
    wanted = value if isinstance(value, list) else [value]
    if op == "contains":
        return any(str(w).lower() in str(h).lower() for h in have for w in wanted)
    return any(str(h) == str(w) for h in have for w in wanted)


def _filter_tree(raw: str):
    try:
        tree = json.loads(raw)
        if not isinstance(tree, dict):
            raise ValueError("expected a JSON object")
        _condition({"agents": [], "eval_type": "", "type": "", "name": ""}, tree)  # validates the tree
    except (ValueError, TypeError, AttributeError, RecursionError) as exc:
        raise invalid("filters", f"Invalid filters: {exc}") from None
    return tree


def list_metrics(ctx: Ctx) -> tuple[int, Any]:
    q = ctx.query
    agents = {a["id"]: a for a in ctx.all("agent")}
    if ("agent_id" in q or "project_id" in q) and _sql_comparable(q.get("agent_id"), q.get("project_id")):
        # only the candidates are decoded (the list under load is mostly filtered by agent)
        metrics = ctx.store.all_of_agent_or_project(ctx.tenant, METRIC, q.get("agent_id"), q.get("project_id"))
    else:
        metrics = ctx.all(METRIC)
    if "agent_id" in q or "project_id" in q:
        metrics = [m for m in metrics if q.get("agent_id") in m["agents"] or m["project"] == q.get("project_id")]
    if "agents" in q:
        wanted = _int_list("agents", q["agents"])
        metrics = [m for m in metrics if wanted.intersection(m["agents"])]
    if "slug" in q:
        metrics = [m for m in metrics if m.get("slug") == q["slug"]]
    if "assistant_id" in q:
        ids = {a["id"] for a in agents.values() if a.get("assistant_id") == q["assistant_id"]}
        metrics = [m for m in metrics if ids.intersection(m["agents"]) or m["assistant_id"] == q["assistant_id"]]
    if "filters" in q:
        tree = _filter_tree(q["filters"])
        metrics = [m for m in metrics if _condition(m, tree)]
    names = {a_id: a["name"] for a_id, a in agents.items()}
    out = [public(m, "list", names) for m in metrics]
    if q.get("include_scores"):
        for item in out:
            item.update(overall_score=None, total_score=None)  # no calls are ever scored here
    return 200, out


def _sql_comparable(*values: Any) -> bool:
    """Values SQLite compares as Python's ``==`` does (ints within 64 bits, or None)."""
    return all(v is None or (type(v) is int and -(2**63) <= v < 2**63) for v in values)


def _tenant_metrics(ctx: Ctx, metric_ids: list[int], project: int | None = None) -> list[dict[str, Any]]:
    found = []
    for metric_id in dict.fromkeys(metric_ids):
        doc = ctx.get(METRIC, metric_id)
        if doc is None or (project is not None and doc["project"] != project):
            raise invalid("metric_ids", invalid_pk(metric_id))
        found.append(doc)
    return found


def bulk_manage_agents(ctx: Ctx) -> tuple[int, Any]:
    body = ctx.body
    errors = field_errors(ASSIGN_SCHEMA, body)
    if errors:
        raise ApiError(400, errors)
    if ctx.get("project", body["project_id"]) is None:
        raise invalid("project_id", invalid_pk(body["project_id"]))
    metrics = _tenant_metrics(ctx, body["metric_ids"], body["project_id"])
    agent_ids = list(dict.fromkeys(body["agent_ids"]))
    bad = next((a for a in agent_ids if not 1 <= a <= INT32_MAX), None)
    if bad is not None:
        raise invalid("agent_ids", invalid_pk(bad))
    _register_agents(ctx, agent_ids)
    for doc in metrics:
        if body["mode"] == "enable":
            doc["agents"] = list(dict.fromkeys(doc["agents"] + agent_ids))
        else:
            doc["agents"] = [a for a in doc["agents"] if a not in agent_ids]
        ctx.put(METRIC, doc)
    verb = "attached to" if body["mode"] == "enable" else "detached from"
    return 200, {"updated_count": len(metrics),
                 "message": f"{len(agent_ids)} agent(s) {verb} {len(metrics)} metric(s)."}


def bulk_toggle_settings(ctx: Ctx) -> tuple[int, Any]:
    body = ctx.body
    errors = field_errors(TOGGLE_SCHEMA, body)
    if errors:
        raise ApiError(400, errors)
    settings = {k: body[k] for k in TOGGLES if k in body}
    if not settings:
        raise invalid("non_field_errors", "Give at least one setting to change: " + ", ".join(TOGGLES) + ".")
    metrics = _tenant_metrics(ctx, body["metric_ids"])
    for doc in metrics:
        doc.update(settings)
        ctx.put(METRIC, doc)
    return 200, {"updated_count": len(metrics),
                 "message": f"Updated {', '.join(settings)} on {len(metrics)} metric(s)."}

