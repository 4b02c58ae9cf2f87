"""Critical metric scenarios: a DRF-style paginated list, fetch, and triage (PATCH)."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import parse_qsl, urlencode

from ._http import ApiError, Ctx
from ._spec import pointer
from ._validate import field_errors

SCENARIO = "scenario"
PATCH_SCHEMA = pointer("components", "schemas", "CriticalMetricScenarioPatch")
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 100
_FILTERS = ("metric_id", "agent_id", "category_id")


def _page_url(ctx: Ctx, page: int | None) -> str:
    """The request's absolute URL with ``page`` replaced (or removed for page 1), like DRF."""
    pairs = dict(parse_qsl(ctx.raw_query, keep_blank_values=True))
    pairs.pop("page", None)
    if page is not None and page > 1:
        pairs["page"] = str(page)
    query = urlencode(sorted(pairs.items()))
    return f"{ctx.base_url}{ctx.path}" + (f"?{query}" if query else "")


def list_scenarios(ctx: Ctx) -> tuple[int, Any]:
    q = ctx.query
    size = q.get("page_size", DEFAULT_PAGE_SIZE)
    size = min(size, MAX_PAGE_SIZE) if size > 0 else DEFAULT_PAGE_SIZE
    page = q.get("page", 1)
    filtered = any(f in q for f in _FILTERS)
    items: list[dict[str, Any]] = []
    if filtered:
        items = [s for s in ctx.all(SCENARIO) if all(s[f] == q[f] for f in _FILTERS if f in q)]
        count = len(items)
    else:  # no filter: SQLite counts and slices, only the page is decoded
        count = ctx.store.count(ctx.tenant, SCENARIO)
    pages = max(1, math.ceil(count / size))
    if not 1 <= page <= pages:
        raise ApiError(404, {"detail": "Invalid page."})
    results = (items[(page - 1) * size: page * size] if filtered
               else ctx.store.page(ctx.tenant, SCENARIO, size, (page - 1) * size))
    return 200, {
        "count": count,
        "next": _page_url(ctx, page + 1) if page < pages else None,
        "previous": _page_url(ctx, page - 1) if page > 1 else None,
        "results": results,
    }


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
