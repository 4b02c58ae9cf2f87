"""Dry runs: let an operation build its requests as it would, and stop before the first write.

    from cekura import Cekura
    from cekura._dryrun import DryRun, stop_writes
    client = Cekura(on_request=stop_writes())
    try:
        client.metrics.delete(55)
    except DryRun as stop:
        print(stop.describe())        # method, URL, headers (the key hidden), body

It rides on the client's public `on_request` hook, which sees each request exactly as it is
about to be sent. Reads (GET, HEAD) go through: some writes are built from what a read
returns (e.g. an update that depends on the metric's type). The first request that may
change state raises `DryRun` instead; it derives from BaseException so that no retry rule
(they handle `Exception`s) mistakes it for a failed attempt.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

HIDDEN = "(hidden)"
KEY_HEADER = "x-cekura-api-key"
READS = frozenset({"GET", "HEAD", "OPTIONS"})


class DryRun(BaseException):
    """Raised in place of sending a write; `.request` is the httpx.Request that was built."""

    def __init__(self, request: Any) -> None:
        super().__init__(f"{request.method} {request.url}")
        self.request = request

    def describe(self) -> dict[str, Any]:
        """{"method", "url", "headers", "body"}; the API key's header shows as "(hidden)"."""
        request = self.request
        secret = request.headers.get(KEY_HEADER)
        headers = {}
        for name, value in request.headers.multi_items():
            hide = name.lower() == KEY_HEADER or bool(secret and secret in value)
            headers[_title(name)] = HIDDEN if hide else value
        content = request.content or b""
        body: Any = None
        if content:
            try:
                body = json.loads(content)
            except ValueError:
                body = content.decode("utf-8", "replace")
        return {"method": request.method, "url": str(request.url), "headers": headers, "body": body}


def _title(name: str) -> str:
    return "X-CEKURA-API-KEY" if name.lower() == KEY_HEADER else "-".join(p.capitalize() for p in name.split("-"))


def stop_writes(
    then: Callable[[Any], None] | None = None, on_read: Callable[[Any], None] | None = None
) -> Callable[[Any], None]:
    """An `on_request` hook: reads pass (after `on_read`), the first write raises DryRun.

    `then`: another on_request hook to call for the requests that do go out.
    """

    def hook(request: Any) -> None:
        if request.method.upper() not in READS:
            raise DryRun(request)
        if on_read is not None:
            on_read(request)
        if then is not None:
            then(request)

    return hook
