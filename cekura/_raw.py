"""Any endpoint, by method and path, with a client's key, base URL, timeouts and retry rules.

    from cekura import Cekura
    from cekura._raw import request, paginate
    client = Cekura()
    metric = request(client, "GET", "/test_framework/v1/metrics/55/")
    for scenario in paginate(client, "/test_framework/v1/critical-metric-scenarios/", {"metric_id": 55}):
        ...

The same flows serve `AsyncCekura` (`await request(...)`, `async for ... in paginate(...)`).
Requests go through `_core.call_spec`, so the retry rules are those of every operation: a
POST or PATCH is retried only when it provably never reached the server. Paths are resolved
against the client's base URL; a full URL must point there too (the key is never sent to
another host).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

from ._core import Context, Emit, Flow, call_spec
from ._errors import ValidationError

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_NO_BODY = object()


def relative_path(ctx_base: str, path: str) -> tuple[str, dict[str, str]]:
    """(path from the base URL, query parameters) for `path` (relative or a full URL under the base)."""
    text = path.strip()
    if not text:
        raise ValidationError("the path is empty", errors={"path": ["required"]})
    if "://" in text:
        base = ctx_base.rstrip("/")
        if not (text == base or text.startswith(base + "/") or text.startswith(base + "?")):
            raise ValidationError(
                f"{text} is not under the API URL in use ({base}); the API key is only sent there",
                errors={"path": ["not under the API URL"]},
            )
        text = text[len(base) :] or "/"
    parts = urlsplit(text)
    if parts.scheme or parts.netloc:
        raise ValidationError(f"not a path: {path!r}", errors={"path": ["expected /a/path"]})
    route = parts.path if parts.path.startswith("/") else "/" + parts.path
    if any(segment == ".." for segment in route.split("/")):
        raise ValidationError(f"the path may not contain '..': {path!r}", errors={"path": ["no .."]})
    return route, dict(parse_qsl(parts.query, keep_blank_values=True))


def request_flow(
    ctx: Context, method: str, path: str, *, params: dict[str, Any] | None = None, body: Any = _NO_BODY
) -> Flow[Any]:
    """Flow: one request; returns the server's JSON (None when the answer is empty)."""
    verb = method.upper()
    if verb not in METHODS:
        raise ValidationError(
            f"unknown method {method!r}; expected one of {', '.join(METHODS)}", errors={"method": ["unknown"]}
        )
    route, query = relative_path(ctx.base_url, path)
    spec: dict[str, Any] = {"method": verb, "url": route, "params": {**query, **(params or {})}}
    if body is not _NO_BODY:
        spec["json"] = body
        spec["headers"] = {"Content-Type": "application/json"}
    return (yield from call_spec(ctx, spec))


def paginate_flow(ctx: Context, path: str, params: dict[str, Any] | None = None) -> Flow[None]:
    """Flow: GET `path`, emit its items, and follow `next` links until there are none.

    A page is {"results": [...], "next": URL or null}; a plain list is emitted as is; any
    other answer is emitted as one item.
    """
    page = yield from request_flow(ctx, "GET", path, params=params)
    seen: set[str] = set()
    while True:
        if isinstance(page, list):
            for item in page:
                yield Emit(item)
            return
        if not (isinstance(page, dict) and isinstance(page.get("results"), list)):
            yield Emit(page)
            return
        for item in page["results"]:
            yield Emit(item)
        following = page.get("next")
        if not following or following in seen:
            return
        seen.add(following)
        page = yield from request_flow(ctx, "GET", str(following))


def request(client: Any, method: str, path: str, *, params: dict[str, Any] | None = None, body: Any = _NO_BODY) -> Any:
    """Send one request with `client` (Cekura: the JSON; AsyncCekura: an awaitable of it)."""
    return client._run(request_flow(client._context(), method, path, params=params, body=body))


def paginate(client: Any, path: str, params: dict[str, Any] | None = None) -> Any:
    """Every item of a paginated GET (Cekura: an iterator; AsyncCekura: an async iterator)."""
    return client._iterate(paginate_flow(client._context(), path, params))
