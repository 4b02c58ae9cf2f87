"""httpx transports that answer from a ``Sandbox`` in process (no socket, no port)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from ._sandbox import Sandbox


def _call(sandbox: Sandbox, request: httpx.Request, body: bytes) -> httpx.Response:
    url = request.url
    path = url.raw_path.split(b"?", 1)[0].decode("ascii")
    base_url = f"{url.scheme}://{url.netloc.decode('ascii')}"
    status, headers, content = sandbox.handle(request.method, path, url.query.decode("ascii"), request.headers,
                                              body, base_url)
    return httpx.Response(status, headers=headers, content=content, request=request)


class SandboxTransport(httpx.BaseTransport):
    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return _call(self.sandbox, request, request.read())


class AsyncSandboxTransport(httpx.AsyncBaseTransport):
    """Calls the synchronous core directly: it answers from SQLite in well under a millisecond."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return _call(self.sandbox, request, await request.aread())
