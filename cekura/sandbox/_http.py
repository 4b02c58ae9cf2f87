"""Request context handed to handlers, and the error type they raise."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode

if TYPE_CHECKING:
    from ._store import Store

NOT_FOUND = {"detail": "Not found."}
MAX_BODY = 1024 * 1024  # bytes
DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 10, 100  # DRF page-number pagination, as the service pages


class ApiError(Exception):
    """Raised by handlers; becomes a JSON error response."""

    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(status, body)
        self.status = status
        self.body = body
        self.headers = headers or {}


def not_found() -> ApiError:
    return ApiError(404, dict(NOT_FOUND))


def invalid(field_name: str, message: str) -> ApiError:
    return ApiError(400, {field_name: [message]})


def invalid_pk(value: Any) -> str:
    return f'Invalid pk "{value}" - object does not exist.'


@dataclass
class Ctx:
    """What a handler sees of one request, already authenticated and checked against the spec."""

    store: Store
    tenant: str
    now: float
    job_seconds: float
    base_url: str
    path: str
    raw_query: str
    params: dict[str, Any] = field(default_factory=dict)  # path parameters, typed
    query: dict[str, Any] = field(default_factory=dict)  # declared query parameters, typed
    body: Any = None  # parsed JSON

    # shorthands for the tenant's documents
    def get(self, kind: str, id: int) -> dict[str, Any] | None:
        return self.store.get(self.tenant, kind, id)

    def get_or_404(self, kind: str, id: int) -> dict[str, Any]:
        doc = self.get(kind, id)
        if doc is None:
            raise not_found()
        return doc

    def all(self, kind: str) -> list[dict[str, Any]]:
        return self.store.all(self.tenant, kind)

    def put(self, kind: str, doc: dict[str, Any]) -> None:
        self.store.put(self.tenant, kind, doc)


def page_url(ctx: Ctx, page: int | None) -> str:
    """The request's absolute URL with ``page`` replaced (or removed for page 1), like DRF."""
    pairs = dict(parse_qsl(ctx.raw_query, keep_blank_values=True))
    pairs.pop("page", None)
    if page is not None and page > 1:
        pairs["page"] = str(page)
    query = urlencode(sorted(pairs.items()))
    return f"{ctx.base_url}{ctx.path}" + (f"?{query}" if query else "")


def paginate(ctx: Ctx, count: int) -> tuple[slice, dict[str, Any]]:
    """Page-number pagination of ``count`` items by the request's ``page``/``page_size``: which
    items this page holds, and the envelope (count, next, previous) its results go into.
    A page past the end is 404 "Invalid page.", like DRF."""
    size = ctx.query.get("page_size", DEFAULT_PAGE_SIZE)
    size = min(size, MAX_PAGE_SIZE) if size > 0 else DEFAULT_PAGE_SIZE
    pages = max(1, math.ceil(count / size))
    page = ctx.query.get("page", 1)
    if not 1 <= page <= pages:
        raise ApiError(404, {"detail": "Invalid page."})
    return slice((page - 1) * size, page * size), {
        "count": count,
        "next": page_url(ctx, page + 1) if page < pages else None,
        "previous": page_url(ctx, page - 1) if page > 1 else None,
    }
