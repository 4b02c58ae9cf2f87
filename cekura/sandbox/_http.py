"""Request context handed to handlers, and the error type they raise."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._store import Store

NOT_FOUND = {"detail": "Not found."}
MAX_BODY = 1024 * 1024  # bytes


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
