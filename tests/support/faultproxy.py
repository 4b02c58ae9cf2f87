"""A threaded TCP proxy on 127.0.0.1 that, by seeded chance, misbehaves in front of a real server.

    with start_background() as sandbox, FaultProxy(sandbox.url, seed=7, fault_rate=0.35) as proxy:
        client = Cekura(api_key=KEY, api_url=proxy.url, timeout=0.5)
        ...
        proxy.injected      # Counter: fault kind -> how many times it was injected
        proxy.forwarded     # Counter: "METHOD /path/" -> requests that reached the upstream server

Per request, `random.Random(seed)` picks one fate (`fault_rate` is the chance of any fault;
the faults share it equally unless `weights` says otherwise):

    drop_before   read the request, close the connection: it never reaches the server
    drop_after    forward it (it did arrive), then reset the connection instead of answering
    status_503    answer 503 (JSON) without forwarding
    status_429    answer 429 with `Retry-After: <retry_after>` without forwarding
    status_502    answer 502 with an HTML body without forwarding
    stall         read it, say nothing for `stall_seconds` (past the client's timeout), close
    malformed     forward it (it did arrive), answer 200 with the server's body cut in half
    forward       (no fault) forward and relay the answer faithfully
"""

from __future__ import annotations

import http.client
import json
import random
import socket
import struct
import threading
from collections import Counter
from urllib.parse import urlsplit

from .faultserver import _read_request

FAULTS = ("drop_before", "drop_after", "status_503", "status_429", "status_502", "stall", "malformed")
#: Faults after which the upstream server has the request (and may have acted on it).
REACHING = frozenset({"drop_after", "malformed"})
_HOP_BY_HOP = frozenset({"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade"})
_HTML_502 = b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"


class FaultProxy:
    def __init__(
        self,
        upstream: str,
        *,
        seed: int,
        fault_rate: float = 0.35,
        weights: dict[str, float] | None = None,
        retry_after: float = 0.05,
        stall_seconds: float = 5.0,
    ) -> None:
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.fault_rate = fault_rate
        self.weights = weights or dict.fromkeys(FAULTS, 1.0)
        self.retry_after = retry_after
        self.stall_seconds = stall_seconds
        self.rng = random.Random(seed)
        self.injected: Counter[str] = Counter()
        self.forwarded: Counter[str] = Counter()
        self.received = 0  # every request read from a client, faulted or not
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._conns: set[socket.socket] = set()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(128)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._thread = threading.Thread(target=self._accept_loop, name="fault-proxy", daemon=True)

    # ------------------------------------------------------------------ public
    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._stopping.set()
        try:
            self._sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() on Linux
        except OSError:
            pass
        self._sock.close()
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            _close(conn)
        self._thread.join(timeout=5)

    @property
    def reached(self) -> int:
        """Requests that reached the upstream server."""
        return sum(self.forwarded.values())

    def set_fault_rate(self, rate: float) -> None:
        with self._lock:
            self.fault_rate = rate

    # ------------------------------------------------------------------ internals
    def _fate(self) -> str:
        with self._lock:
            self.received += 1
            if self.rng.random() >= self.fault_rate:
                return "forward"
            kinds = list(self.weights)
            kind = self.rng.choices(kinds, weights=[self.weights[k] for k in kinds])[0]
            self.injected[kind] += 1
            return kind

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            with self._lock:
                self._conns.add(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        reader = conn.makefile("rb")
        try:
            while not self._stopping.is_set():
                request = _read_request(reader)
                if request is None:
                    return
                fate = self._fate()
                if fate == "drop_before":
                    return
                if fate == "stall":
                    self._stopping.wait(self.stall_seconds)
                    return
                if fate in ("status_503", "status_429", "status_502"):
                    conn.sendall(self._canned(fate))
                    continue
                status, reason, headers, body = self._forward(*request)
                if fate == "drop_after":
                    _reset(conn)
                    return
                if fate == "malformed":
                    status, body = 200, body[: max(1, len(body) // 2)] if body else b'{"id": '
                conn.sendall(_response(status, reason, headers, body))
        except (OSError, ValueError):
            return
        finally:
            reader.close()
            _close(conn)
            with self._lock:
                self._conns.discard(conn)

    def _canned(self, fate: str) -> bytes:
        if fate == "status_502":
            return _response(502, "Bad Gateway", {"Content-Type": "text/html"}, _HTML_502)
        if fate == "status_429":
            body = json.dumps({"detail": "Request was throttled."}).encode()
            headers = {"Content-Type": "application/json", "Retry-After": f"{self.retry_after:g}"}
            return _response(429, "Too Many Requests", headers, body)
        body = json.dumps({"detail": "Service temporarily unavailable."}).encode()
        return _response(503, "Service Unavailable", {"Content-Type": "application/json"}, body)

    def _forward(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, str, dict[str, str], bytes]:
        upstream = http.client.HTTPConnection(*self.upstream, timeout=30)
        try:
            sent = {k: v for k, v in headers.items() if k not in _HOP_BY_HOP}
            upstream.request(method, path, body=body or None, headers=sent)
            with self._lock:
                self.forwarded[f"{method} {path.partition('?')[0]}"] += 1
            answer = upstream.getresponse()
            content = answer.read()
            kept = {k: v for k, v in answer.getheaders() if k.lower() not in _HOP_BY_HOP | {"content-length"}}
            return answer.status, answer.reason, kept, content
        finally:
            upstream.close()


def _response(status: int, reason: str, headers: dict[str, str], body: bytes) -> bytes:
    head = [f"HTTP/1.1 {status} {reason}", f"Content-Length: {len(body)}", "Connection: keep-alive"]
    head += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


def _reset(conn: socket.socket) -> None:
    """Abort the connection with a TCP reset (SO_LINGER 0) rather than a clean close."""
    try:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    _close(conn)


def _close(conn: socket.socket) -> None:
    try:
        conn.close()
    except OSError:
        pass
