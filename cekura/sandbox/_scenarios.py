"""Critical metric scenarios: a DRF-style paginated list, fetch, and triage (PATCH)."""

from __future__ import annotations

from typing import Any

from ._http import ApiError, Ctx, paginate
from ._spec import pointer
from ._validate import field_errors

SCENARIO = "scenario"
PATCH_SCHEMA = pointer("components", "schemas", "CriticalMetricScenarioPatch")
_FILTERS = ("metric_id", "agent_id", "category_id")


def list_scenarios(ctx: Ctx) -> tuple[int, Any]:
    q = ctx.query
    filtered = any(f in q for f in _FILTERS)
    if filtered:
        items = [s for s in ctx.all(SCENARIO) if all(s[f] == q[f] for f in _FILTERS if f in q)]
        window, envelope = paginate(ctx, len(items))
        return 200, {**envelope, "results": items[window]}
    # no filter: SQLite counts and slices, only the page is decoded
    window, envelope = paginate(ctx, ctx.store.count(ctx.tenant, SCENARIO))
    return 200, {**envelope, "results": ctx.store.page(ctx.tenant, SCENARIO, window.stop - window.start,
                                                       window.start)}


def retrieve(ctx: Ctx) -> tuple[int, Any]:
    return 200, ctx.get_or_404(SCENARIO, ctx.params["id"])


def update(ctx: Ctx) -> tuple[int, Any]:
    doc = ctx.get_or_404(SCENARIO, ctx.params["id"])
    errors = field_errors(PATCH_SCHEMA, ctx.body)
    if errors:
        raise ApiError(400, errors)
    doc.update({k: ctx.body[k] for k in ("priority", "is_resolved") if k in ctx.body})
    ctx.put(SCENARIO, doc)
    return 200, doc
