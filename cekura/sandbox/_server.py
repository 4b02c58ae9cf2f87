"""Serving a ``Sandbox`` over real HTTP with the standard library (HTTP/1.1, keep-alive)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TextIO

from ._http import MAX_BODY
from ._sandbox import Sandbox

DEFAULT_KEY = "sandbox-key"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes; don't wait on delayed ACKs
    server: _Server

    def _serve(self) -> None:
        path, _, query = self.path.partition("?")
        body, error = self._read_body()
        if error is not None:
            status, headers, content = error
            self.close_connection = True
        else:
            host = self.headers.get("Host") or "{}:{}".format(*self.server.server_address[:2])
            base_url = f"http://{host}"
            status, headers, content = self.server.sandbox.handle(self.command, path, query, self.headers, body,  # type: ignore[arg-type]
                                                                  base_url)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(content)
        self.server.log_line(f"{self.command} {path} {status}")

    def _read_body(self) -> tuple[bytes, Any]:
        from ._app import encode

        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            try:
                return self._read_chunked()
            except ValueError:
                return b"", encode(400, {"detail": "Malformed chunked request body."})
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return b"", encode(400, {"detail": "Bad Content-Length header."})
        if length > MAX_BODY:
            return b"", encode(413, {"detail": f"Request body is larger than {MAX_BODY} bytes."})
        return self.rfile.read(length), None

    def _read_chunked(self) -> tuple[bytes, Any]:
        from ._app import encode

        chunks: list[bytes] = []
        total = 0
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline().strip():  # trailers
                    pass
                return b"".join(chunks), None
            total += size
            if total > MAX_BODY:
                return b"", encode(413, {"detail": f"Request body is larger than {MAX_BODY} bytes."})
            chunks.append(self.rfile.read(size))
            self.rfile.readline()

    def __getattr__(self, name: str) -> Any:
        # every method (TRACE, OPTIONS, ...) reaches the sandbox, which answers 405 where the spec has none
        if name.startswith("do_"):
            return self._serve
        raise AttributeError(name)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        """Silence the stdlib's own lines (they would repeat the request line); see ``log_line``."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], sandbox: Sandbox, log: TextIO | None) -> None:
        super().__init__(address, _Handler)
        self.sandbox = sandbox
        self._log = log

    def log_line(self, line: str) -> None:
        """One line per request: method, path, status. Never a header value (they hold API keys)."""
        if self._log is not None:
            print(line, file=self._log, flush=True)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = "127.0.0.1" if host in ("", "0.0.0.0") else host
        return f"http://{shown}:{port}"  # type: ignore[str-bytes-safe]


def make_server(host: str = "127.0.0.1", port: int = 0, db: str | None = None,
                allowed_keys: Iterable[str] | None = None, job_seconds: float = 3.0,
                log: TextIO | None = None) -> _Server:
    sandbox = Sandbox(db=db, job_seconds=job_seconds, allowed_keys=allowed_keys)
    return _Server((host, port), sandbox, log)


def _notify(ready: Any, url: str) -> None:
    if ready is None:
        return
    if hasattr(ready, "set"):  # a threading.Event
        ready.set()
    else:
        ready(url)


def serve(host: str = "127.0.0.1", port: int = 0, db: str | None = None, allowed_keys: Iterable[str] | None = None,
          job_seconds: float = 3.0, ready: Callable[[str], Any] | threading.Event | None = None,
          log: TextIO | None = sys.stderr) -> None:
    """Serve until interrupted. ``ready`` (a callable taking the URL, or an Event) fires once listening."""
    server = make_server(host, port, db, allowed_keys, job_seconds, log)
    try:
        _notify(ready, server.url)
        server.serve_forever()
    finally:
        server.server_close()
        server.sandbox.close()


class RunningSandbox:
    """A sandbox served from a background thread; ``.url``, ``.stop()``, usable as a context manager."""

    def __init__(self, server: _Server) -> None:
        self._server = server
        self.url = server.url
        self.sandbox = server.sandbox
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="cekura-sandbox", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join()
            self._server.server_close()
            self.sandbox.close()

    def __enter__(self) -> RunningSandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_background(host: str = "127.0.0.1", port: int = 0, db: str | None = ":memory:",
                     allowed_keys: Iterable[str] | None = None, job_seconds: float = 0.0,
                     log: TextIO | None = None) -> RunningSandbox:
    """Start a served sandbox in a daemon thread (in memory, instant jobs, quiet by default)."""
    return RunningSandbox(make_server(host, port, db, allowed_keys, job_seconds, log))


def serve_main(port: int = 8000, db: str | None = None, host: str = "127.0.0.1",
               keys: Iterable[str] | None = None, job_seconds: float = 3.0) -> int:
    """The ``cekura sandbox serve`` command: print how to point the CLI/SDK here, serve until Ctrl-C."""
    keys = list(keys or [])
    server = make_server(host, port, db, keys or None, job_seconds, sys.stderr)
    try:
        print(f"Cekura sandbox listening on {server.url}")
        print(f"export CEKURA_API_URL={server.url}")
        print(f"export CEKURA_API_KEY={keys[0] if keys else DEFAULT_KEY}")
        sys.stdout.flush()
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.sandbox.close()
    return 0
