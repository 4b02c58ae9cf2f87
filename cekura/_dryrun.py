"""Dry runs: a client that builds each request exactly as it would send it, and sends nothing.

    from cekura._dryrun import DryRun, dry_run_client
    client = dry_run_client(api_key=..., api_url=...)
    try:
        client.metrics.delete(55)
    except DryRun as stop:
        print(stop.describe())        # method, URL, headers (the key hidden), body

The first request stops the operation: `DryRun` derives from BaseException so that no retry
rule (which handles `Exception`s from the transport) mistakes it for a failed attempt.
"""

from __future__ import annotations

import json
from typing import Any

HIDDEN = "(hidden)"
KEY_HEADER = "x-cekura-api-key"


class DryRun(BaseException):
    """Raised in place of sending a request; `.request` is the httpx.Request that was built."""

    def __init__(self, request: Any, secret: str | None = None) -> None:
        super().__init__(f"{request.method} {request.url}")
        self.request = request
        self.secret = secret

    def describe(self) -> dict[str, Any]:
        """{"method", "url", "headers", "body"}: the key's header shows as "(hidden)"."""
        request = self.request
        headers = {}
        for name, value in request.headers.multi_items():
            hide = name.lower() == KEY_HEADER or (self.secret and self.secret in value)
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


def _transport(secret: str | None) -> Any:
    import httpx

    class DryRunTransport(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            request.read()
            raise DryRun(request, secret)

    return DryRunTransport()


def dry_run_client(**options: Any) -> Any:
    """A `Cekura` client (same settings and checks) whose requests are built, then stopped."""
    from ._client import Cekura, _import_httpx

    httpx = _import_httpx()
    probe = Cekura(**options)  # resolves and checks the settings exactly as a real client would
    secret = probe._settings.api_key
    http = httpx.Client(transport=_transport(secret), follow_redirects=False)
    client = Cekura(**options, http_client=http)
    client._dry_run_http = http  # closed with the runtime (the client does not own it)
    return client
