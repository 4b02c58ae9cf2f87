"""Serving the ASGI sandbox on uvicorn: its httptools (llhttp) protocol, on uvloop where installed.

``SandboxProtocol`` subclasses uvicorn's ``HttpToolsProtocol``; the event loop is uvloop, or
asyncio's own where uvloop cannot be imported (it has no Windows build): ``event_loop()``.
The hostile-HTTP tests run on both loops. Imported only when a server starts (``cekura sandbox
serve``, ``serve``, ``start_background``), never by ``import cekura`` or ``cekura --help``.

Limits (``Limits``; every refusal is a JSON body ``{"detail": ...}`` behind a real status line,
then the connection is closed):

==========================  =========  ==================================================
limit                       default    what happens
==========================  =========  ==================================================
body size                   1 MiB      413 at once when Content-Length says more; 413 as soon
                                       as a chunked body grows past it (the rest is not read)
malformed framing           -          400 at once: negative/non-numeric Content-Length, two
                                       lengths, Content-Length with chunked, a bad or
                                       overflowing chunk size (llhttp refuses them), HTTP/1.1
                                       without Host (this module)
malformed request line      -          400 ``{"detail": "Malformed HTTP request: ..."}``
request line + headers      16 KiB     431: a head that has not ended past the limit (counted
                                       here: llhttp has no limit of its own; refused within
                                       twice the limit), a complete head over it (the app)
chunk-size line, trailer    16 KiB     431 when one has not ended past the limit (same count)
header/body read timeout    10 s       408, then the connection is closed (a slow sender
                                       cannot hold a connection open)
idle keep-alive             5 s        the idle connection is closed (no answer is due)
open connections            1000       503 and close for connections over the cap
listen backlog              2048       pending connects the kernel queues
==========================  =========  ==================================================
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

from uvicorn.config import Config
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import Server

from ._http import MAX_BODY


@dataclass(frozen=True)
class Limits:
    max_body: int = MAX_BODY
    max_header_bytes: int = 16 * 1024
    read_timeout: float = 10.0  # from the first byte of a request (or the connection) to its last
    keep_alive: float = 5.0
    max_connections: int = 1000
    backlog: int = 2048


def _raw_json(status: int, reason: str, detail: str) -> bytes:
    body = json.dumps({"detail": detail}).encode("ascii")
    head = (f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n")
    return head.encode("ascii") + body


class _CoalescingTransport:
    """Forwards to an asyncio transport, but gathers the writes of one loop turn into one send.

    uvicorn writes an answer as two writes (head, body), each its own ``send()`` system call;
    on a busy machine those calls are a large share of a small answer's cost. (Sending at the
    answer's completion instead, without the loop-turn callback, measured ~30 us/request more
    server CPU under the bench load.)
    """

    __slots__ = ("_transport", "_loop", "_pending")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._pending: list[bytes] = []

    def write(self, data: bytes) -> None:
        if not data:
            return
        if not self._pending:
            self._loop.call_soon(self._flush)
        self._pending.append(data)

    def _flush(self) -> None:
        if self._pending:
            data = b"".join(self._pending)
            self._pending.clear()
            if not self._transport.is_closing():
                self._transport.write(data)

    def close(self) -> None:
        self._flush()
        self._transport.close()

    def is_closing(self) -> bool:  # (called a few times per request: not through __getattr__)
        return self._transport.is_closing()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class SandboxProtocol(HttpToolsProtocol):
    """uvicorn's httptools (llhttp) protocol with JSON refusals, a head-size limit, a read deadline
    and a connection cap.

    llhttp has no limit of its own on a head: this class counts the bytes that arrive while a
    request is open and the parser makes no progress (a head, chunk-size line or trailer that has
    not ended; body data, a head's end, a chunk's start are progress) and answers 431 once they
    pass ``max_header_bytes``. Reads are parsed in steps of that size, so a line is refused
    after at most twice the limit.
    """

    _read_timer: asyncio.TimerHandle | None = None
    _open = False  # a request has begun and not ended
    _progress = False  # the parser reached a head's end, a chunk or body data during this feed
    _stalled = 0  # bytes fed since the last progress, while a request is open

    _limits: Limits

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._limits = getattr(self.config, "cekura_limits", None) or Limits()
        if getattr(self.config, "cekura_coalesce", True):
            transport = _CoalescingTransport(transport, self.loop)  # type: ignore[assignment]
        super().connection_made(transport)
        if len(self.connections) > self._limits.max_connections:
            transport.write(_raw_json(503, "Service Unavailable", "Too many open connections; retry shortly."))
            transport.close()
            log_line = getattr(self.app, "log_line", None)
            if log_line is not None:
                log_line("-", "-", "503 (over the connection cap)", time.perf_counter())
            return
        self._arm_read_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_read_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        limit = self._limits.max_header_bytes
        if len(data) <= limit:
            self._feed(data, limit)
        else:  # in steps of the limit, so bytes that follow a step's progress are counted too
            view = memoryview(data)
            for start in range(0, len(data), limit):
                if not self._feed(view[start:start + limit], limit):
                    return
        if self.transport.is_closing():
            return
        cycle = self.cycle
        if cycle is not None and not cycle.more_body and not cycle.response_complete:
            self._cancel_read_timer()  # the whole request is in: the app may take its time
        elif self._read_timer is None:
            self._arm_read_timer()

    def _feed(self, data: bytes | memoryview, limit: int) -> bool:
        """Parse ``data``; False once the connection is refused."""
        self._progress = False
        super().data_received(data)
        if self.transport.is_closing():
            return False
        if self._open and not self._progress:
            self._stalled += len(data)
            if self._stalled > limit:
                self._refuse_oversized()
                return False
        else:
            self._stalled = 0
        return True

    # llhttp callbacks (each calls uvicorn's own)
    def on_message_begin(self) -> None:
        self._open = True
        super().on_message_begin()

    def on_headers_complete(self) -> None:
        self._progress = True
        if self.parser.get_http_version() == "1.1":
            for name, _ in self.headers:
                if name == b"host":
                    break
            else:  # RFC 9112 3.2: a 1.1 request without Host is malformed (llhttp lets it through)
                raise _MissingHost
        super().on_headers_complete()

    def on_body(self, body: bytes) -> None:
        self._progress = True
        super().on_body(body)

    def on_chunk_header(self) -> None:
        self._progress = True

    def on_message_complete(self) -> None:
        self._open = False
        self._progress = True
        super().on_message_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._cancel_read_timer()  # idle now: uvicorn's keep-alive timer applies until a byte arrives

    def _refuse_oversized(self) -> None:
        if self.cycle is not None and self.cycle.more_body and not self.cycle.response_complete:
            detail = f"A chunk-size line or trailer exceeds {self._limits.max_header_bytes} bytes."
        else:
            detail = f"The request line and headers exceed {self._limits.max_header_bytes} bytes."
        self._write_refusal(431, "Request Header Fields Too Large", detail)
        self.transport.close()

    def _arm_read_timer(self) -> None:
        self._cancel_read_timer()
        self._read_timer = self.loop.call_later(self._limits.read_timeout, self._read_timed_out)

    def _cancel_read_timer(self) -> None:
        if self._read_timer is not None:
            self._read_timer.cancel()
            self._read_timer = None

    def _read_timed_out(self) -> None:
        self._read_timer = None
        if self.transport.is_closing():
            return
        cycle = self.cycle
        if cycle is not None and not cycle.more_body and not cycle.response_complete:
            return  # fully read; the answer is being worked out
        if cycle is None or cycle.response_complete or not cycle.response_started:
            self._write_refusal(408, "Request Timeout",
                                f"The request was not received within {self._limits.read_timeout:g} s.")
        self.transport.close()

    def _write_refusal(self, status: int, reason: str, detail: str) -> None:
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete:
            if cycle.response_started:  # half an answer is out: only closing is left
                return
            scope: Any = cycle.scope
            scope["cekura.refused"] = status  # the app, waiting on the body, logs the request's line
        else:
            log_line = getattr(self.app, "log_line", None)
            if log_line is not None:
                log_line("-", "-", f"{status} (refused before a request was read)", time.perf_counter())
        self.transport.write(_raw_json(status, reason, detail))

    def send_400_response(self, msg: str) -> None:
        self._write_refusal(400, "Bad Request", "Malformed HTTP request: the request line, a header or "
                            "the body framing (Content-Length, chunk sizes) is invalid.")
        self.transport.close()


class _MissingHost(Exception):
    """Raised from a parser callback: httptools turns it into an HttpParserCallbackError (400)."""


def event_loop() -> str:
    """uvloop where it is installed (not on Windows: no build there), else asyncio's own loop."""
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return "asyncio"
    return "uvloop"


def make_config(app: Any, limits: Limits, workers: int = 1, factory: bool = False) -> Config:
    config = Config(
        app, http=SandboxProtocol, ws="none", loop=event_loop(), lifespan="off", interface="asgi3",
        log_config=None, access_log=False, proxy_headers=False, server_header=False, date_header=True,
        backlog=limits.backlog, timeout_keep_alive=int(max(1, round(limits.keep_alive))),
        timeout_graceful_shutdown=3, workers=workers, factory=factory,
    )
    config.cekura_limits = limits  # type: ignore[attr-defined]  # read by SandboxProtocol
    return config


def quiet_uvicorn_logs() -> None:
    """uvicorn's own loggers would repeat what our one line per request says (or print tracebacks)."""
    import logging

    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [logging.NullHandler()]
        logger.propagate = False


def bind(host: str, port: int, backlog: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP matters: asyncio only turns Nagle off (TCP_NODELAY) on sockets that say
    # they are TCP, and with Nagle on, each answer's body waits ~40 ms for the ACK of its head.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else (f"[{host}]" if ":" in host else host)
    return f"http://{shown}:{port}"


class ThreadedServer:
    """A uvicorn server on its own event loop in a daemon thread (used by ``start_background``)."""

    def __init__(self, app: Any, sock: socket.socket, limits: Limits) -> None:
        quiet_uvicorn_logs()
        self.server = Server(make_config(app, limits))
        self.sock = sock
        self._thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]},
                                        name="cekura-sandbox", daemon=True)

    def start(self, timeout: float = 30.0) -> None:
        self._thread.start()
        deadline = threading.Event()
        for _ in range(int(timeout * 100)):
            if self.server.started or not self._thread.is_alive():
                break
            deadline.wait(0.01)
        if not self.server.started:
            raise RuntimeError("the sandbox server did not start")

    def stop(self) -> None:
        self.server.should_exit = True
        self._thread.join(10)
        self.sock.close()

    def is_alive(self) -> bool:
        return self._thread.is_alive()
