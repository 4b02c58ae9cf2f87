"""The sandbox as an ASGI application: any ASGI server can serve ``Sandbox.handle``.

``cekura sandbox serve`` runs it on uvicorn (see ``_uvicorn``). The app reads the body with a
hard size limit (refused with 413 before it is read in full), runs the transport-agnostic
``Sandbox.handle`` on a small thread pool (SQLite calls block; the event loop never does), and
writes one log line per request: method, path, status, milliseconds. Never a header value or a
query string (they may hold API keys). A client that goes away mid-request is not an error.

Admin endpoints, off unless ``admin=True`` (``--admin``): ``POST /_sandbox/reset`` (the
caller's tenant, or everyone's with body ``{"all": true}``), ``GET /_sandbox/state`` (the whole
state as JSON), ``PUT /_sandbox/state`` (replace it with a saved one).
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Awaitable, Callable, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TextIO

from ._http import MAX_BODY
from ._sandbox import Sandbox

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

ADMIN_PREFIX = "/_sandbox/"
MAX_HEADER_BYTES = 16 * 1024  # request line + headers
MAX_LOGGED_PATH = 200
INLINE_MAX_BODY = 64 * 1024  # larger bodies (bulk writes) are handled off the event loop
READ_METHODS = ("GET", "HEAD", "OPTIONS")
THREADS = 4  # request handlers running at once per process (SQLite work; the GIL bounds the rest)
OPTIONS_ENV = "CEKURA_SANDBOX_SERVE"  # how `--workers N` hands the options to each worker process


def json_response(status: int, payload: Any, extra: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    headers = {"Content-Type": "application/json", **(extra or {})}
    return status, headers, json.dumps(payload).encode("ascii")


class SandboxApp:
    """ASGI 3 callable answering from ``sandbox``."""

    def __init__(self, sandbox: Sandbox, log: TextIO | None = None, admin: bool = False,
                 max_body: int = MAX_BODY, threads: int = THREADS, max_header_bytes: int = MAX_HEADER_BYTES) -> None:
        self.sandbox = sandbox
        self.max_header_bytes = max_header_bytes
        self.log = log
        self.admin = admin
        self.max_body = max_body
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="cekura-sandbox")
        self._pooled = 0  # requests running on the pool now
        self._log_lines: list[str] = []  # this loop turn's log lines, not yet written

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self.flush_log()

    def _inline(self, method: str, body_size: int) -> bool:
        """Answer on the event loop itself (no thread hand-off), or on the pool?

        Most requests take well under a millisecond, and handing them to a thread costs about as
        much as answering them. A request goes to the pool when it may take long (a large body:
        a bulk write) or may wait: a write while the pool works (it would wait for the write
        lock the pool holds), any write when other processes share the file, and anything on an
        in-memory database while the pool works (one connection, one lock). Reads of a file
        database never wait for writers (WAL), so one tenant's bulk work does not stall them.
        """
        if body_size > INLINE_MAX_BODY:
            return False
        store = self.sandbox.store
        if method in READ_METHODS:
            return not (store.memory and self._pooled)
        return not self._pooled and not self.sandbox.shared

    def log_line(self, method: str, path: str, status: int | str, started: float) -> None:
        """One line per request. Never a header value or a query string (they hold API keys).

        On the event loop, the lines of one loop turn are written together at its end (one
        ``write()`` for many requests under load, instead of one each).
        """
        if self.log is None:
            return
        elapsed = (time.perf_counter() - started) * 1000
        if len(path) > MAX_LOGGED_PATH:
            path = path[:MAX_LOGGED_PATH] + f"...({len(path)} chars)"
        line = f"{method} {path} {status} {elapsed:.1f}ms\n"
        if self._log_lines:
            self._log_lines.append(line)
            return
        try:
            asyncio.get_running_loop().call_soon(self.flush_log)
        except RuntimeError:  # not on a loop: write it now
            self._log_lines.append(line)
            self.flush_log()
            return
        self._log_lines.append(line)

    def flush_log(self) -> None:
        lines = "".join(self._log_lines)
        self._log_lines.clear()
        if lines and self.log is not None:
            try:
                self.log.write(lines)
                self.log.flush()
            except (OSError, ValueError):  # the log stream went away: keep serving
                pass

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":  # websockets are not part of this API
            return
        try:
            await self._http(scope, receive, send)
        except Exception:  # a bug of ours: still a JSON answer, and the traceback in the log
            import logging

            logging.getLogger("cekura.sandbox").exception("sandbox server error on %s", scope.get("method"))
            try:
                await _send(send, *json_response(500, {"detail": "Internal sandbox error."}, {"Connection": "close"}))
            except Exception:  # noqa: BLE001 - the answer had already started; uvicorn closes the connection
                pass

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        method = scope["method"]
        raw_path = scope.get("raw_path") or scope["path"].encode("utf-8")
        path = raw_path.split(b"?", 1)[0].decode("latin-1")
        raw_query = scope.get("query_string", b"")
        query = raw_query.decode("latin-1")
        headers: dict[str, str] = {}
        size = len(raw_path) + len(raw_query)  # the head's size, near enough (the server bounds it too)
        for name, value in scope["headers"]:
            size += len(name) + len(value) + 4
            key = name.decode("latin-1").lower()
            text = value.decode("latin-1")
            headers[key] = f"{headers[key]}, {text}" if key in headers and key != "x-cekura-api-key" else text
        refusal = _length_refusal(headers, self.max_body)
        if size > self.max_header_bytes:
            refusal = json_response(431, {"detail": f"The request line and headers exceed {self.max_header_bytes} "
                                                    "bytes."}, {"Connection": "close"})
        if refusal is not None:
            await _send(send, *refusal)
            self.log_line(method, path, refusal[0], started)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                refused = scope.get("cekura.refused")  # set by the protocol when it refused the framing
                self.log_line(method, path, refused or "- (client went away)", started)
                return
            body += message.get("body", b"")
            if len(body) > self.max_body:
                answer = json_response(413, {"detail": f"Request body is larger than {self.max_body} bytes."},
                                       {"Connection": "close"})
                await _send(send, *answer)
                self.log_line(method, path, 413, started)
                return
            if not message.get("more_body", False):
                break
        host = headers.get("host") or _server_host(scope)
        base_url = f"{scope.get('scheme', 'http')}://{host}"
        call = self._admin if path.startswith(ADMIN_PREFIX) else self.sandbox.handle
        if self._inline(method, len(body)):
            status, out_headers, content = call(method, path, query, headers, bytes(body), base_url)
        else:
            self._pooled += 1
            try:
                loop = asyncio.get_running_loop()
                status, out_headers, content = await loop.run_in_executor(
                    self._pool, call, method, path, query, headers, bytes(body), base_url)
            finally:
                self._pooled -= 1
        await _send(send, status, out_headers, content)
        self.log_line(method, path, status, started)

    # -- admin -----------------------------------------------------------------------------
    def _admin(self, method: str, path: str, query: str, headers: dict[str, str], body: bytes,
               base_url: str) -> tuple[int, dict[str, str], bytes]:
        from ._app import tenant_id

        if not self.admin:
            return json_response(404, {"detail": "Not found."})
        key = headers.get("x-cekura-api-key", "").strip()
        allowed = self.sandbox.allowed_tenants
        if allowed is not None and (not key or tenant_id(key) not in allowed):
            return json_response(401, {"detail": "Give an accepted X-CEKURA-API-KEY to use the admin endpoints."})
        try:
            data = json.loads(body) if body.strip() else {}
        except ValueError as exc:
            return json_response(400, {"non_field_errors": [f"JSON parse error - {exc}"]})
        if path == "/_sandbox/reset":
            if method != "POST":
                return json_response(405, {"detail": f'Method "{method}" not allowed.'}, {"Allow": "POST"})
            everyone = isinstance(data, dict) and data.get("all") is True
            if not everyone and not key:
                return json_response(400, {"detail": 'Send X-CEKURA-API-KEY (that tenant) or {"all": true}.'})
            count = self.sandbox.store.forget(None if everyone else tenant_id(key))
            return json_response(200, {"reset_tenants": count})
        if path == "/_sandbox/state":
            if method == "GET":
                return json_response(200, self.sandbox.state())
            if method == "PUT":
                try:
                    self.sandbox.load(data)
                except ValueError as exc:
                    return json_response(400, {"detail": str(exc)})
                return json_response(200, {"tenants": len(self.sandbox.store.tenants())})
            return json_response(405, {"detail": f'Method "{method}" not allowed.'}, {"Allow": "GET, PUT"})
        return json_response(404, {"detail": "Not found."})


def _length_refusal(headers: dict[str, str], max_body: int) -> tuple[int, dict[str, str], bytes] | None:
    """413 at once when the declared length is over the limit (the server already refused bad ones)."""
    declared = headers.get("content-length", "").strip()
    if declared.isdigit() and (len(declared) > 12 or int(declared) > max_body):
        return json_response(413, {"detail": f"Request body is larger than {max_body} bytes."},
                             {"Connection": "close"})
    return None


def _server_host(scope: Scope) -> str:
    server = scope.get("server") or ("127.0.0.1", 80)
    return f"{server[0]}:{server[1]}"


async def _send(send: Send, status: int, headers: dict[str, str], content: bytes) -> None:
    raw = [(k.lower().encode("latin-1"), str(v).encode("latin-1")) for k, v in headers.items()]
    raw.append((b"content-length", str(len(content)).encode("ascii")))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": content, "more_body": False})


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


def app_from_env() -> SandboxApp:
    """The app of one ``--workers`` process: options come from ``CEKURA_SANDBOX_SERVE`` (JSON)."""
    import sys

    options = json.loads(os.environ[OPTIONS_ENV])
    sandbox = Sandbox(db=options["db"], job_seconds=options["job_seconds"], strict=options["strict"],
                      allowed_tenants=options["allowed_tenants"], shared=True)
    return SandboxApp(sandbox, log=sys.stderr if options["log"] else None, admin=options["admin"])
