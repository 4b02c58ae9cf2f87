"""A loopback HTTP server that misbehaves on purpose, one scripted action per request.

    with FaultServer() as server:
        server.plan("status 503", "ok")          # first request: 503, second: the default answer
        client = Cekura(api_key="k", api_url=server.url)

Actions (strings or tuples):
    "ok"                        200 with `server.default_json` (or what `responder` returns)
    ("status", code, body?, headers?)   that status; body is bytes/str/JSON-able
    "drop_before_read"          close the connection without reading the request
    "drop_after_read"           read the whole request, then close without answering
    ("stall", seconds)          read the request, wait, then answer as "ok"
    "malformed_json"            200 with a body that is not JSON
Every request that was read completely is kept in `server.received` as (method, path, body).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any


class FaultServer:
    def __init__(self, responder: Callable[[str, str, bytes], tuple[int, Any]] | None = None) -> None:
        self.responder = responder
        self.default_json: Any = {"ok": True}
        self.received: list[tuple[str, str, bytes]] = []
        self.headers_seen: list[dict[str, str]] = []
        self._plan: deque[Any] = deque()
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stopping = False
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)

    def plan(self, *actions: Any) -> None:
        with self._lock:
            self._plan.extend(actions)

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping = True
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        except OSError:
            pass
        self._sock.close()

    # ------------------------------------------------------------------ internals
    def _next_action(self) -> Any:
        with self._lock:
            return self._plan.popleft() if self._plan else "ok"

    def _accept_loop(self) -> None:
        while not self._stopping:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            if self._stopping:
                conn.close()
                return
            threading.Thread(target=self._serve_connection, args=(conn,), daemon=True).start()

    def _serve_connection(self, conn: socket.socket) -> None:
        reader = conn.makefile("rb")
        try:
            while True:
                if not reader.peek(1):  # wait for the next request before choosing its fate
                    return
                action = self._next_action()
                if action == "drop_before_read":
                    return
                request = _read_request(reader)
                if request is None:
                    return
                method, path, headers, body = request
                with self._lock:
                    self.received.append((method, path, body))
                    self.headers_seen.append(headers)
                if action == "drop_after_read":
                    return
                if isinstance(action, tuple) and action[0] == "stall":
                    time.sleep(action[1])
                    action = "ok"
                status, payload, extra = self._answer(action, method, path, body)
                head = [f"HTTP/1.1 {status} X", f"Content-Length: {len(payload)}", "Connection: keep-alive"]
                head += [f"{k}: {v}" for k, v in extra.items()]
                conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + payload)
        except OSError:
            return
        finally:
            reader.close()
            conn.close()

    def _answer(self, action: Any, method: str, path: str, body: bytes) -> tuple[int, bytes, dict[str, str]]:
        headers = {"Content-Type": "application/json"}
        if action == "malformed_json":
            return 200, b'{"id": 1, "name": ', headers
        if isinstance(action, tuple) and action[0] == "status":
            status = action[1]
            payload = action[2] if len(action) > 2 else {"detail": f"status {status}"}
            headers.update(action[3] if len(action) > 3 else {})
            if isinstance(payload, str):
                headers["Content-Type"] = "text/html"
                return status, payload.encode(), headers
            if isinstance(payload, bytes):
                return status, payload, headers
            return status, json.dumps(payload).encode(), headers
        if self.responder is not None:
            status, data = self.responder(method, path, body)
        else:
            status, data = 200, self.default_json
        if status == 204:
            return 204, b"", {}
        return status, json.dumps(data).encode(), headers


def _read_request(reader: Any) -> tuple[str, str, dict[str, str], bytes] | None:
    line = reader.readline()
    if not line:
        return None
    method, path, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        raw = reader.readline()
        if raw in (b"\r\n", b"\n", b""):
            break
        name, _, value = raw.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    body = reader.read(int(headers.get("content-length", "0") or 0))
    return method, path, headers, body
