"""A loopback HTTP server that answers every request the same hostile way (one thread per connection).

    with HostileServer(("trickle_body", 0.2)) as server:
        client = Cekura(api_key="k", api_url=server.url, timeout=1)

Behaviours:
    ("ok",)                              200 with a small JSON object
    ("trickle_body", interval)           200, Content-Length 100000, then one body byte per `interval`
    ("trickle_headers", interval)        the status line, then one header byte per `interval`
                                         (either for TRICKLE_FOR seconds, then the connection is closed)
    ("big", status, nbytes)              `status` with a JSON body of `nbytes` bytes, written in 64 KiB pieces
    ("big", status, nbytes, False)       the same without Content-Length (the body ends when the connection does)
    ("gzip_bomb", decoded_bytes)         200, Content-Encoding: gzip, zeros that inflate to `decoded_bytes`
    ("status_text", status, text)        `status` with `text` as an HTML body
    ("redirect", status, location)       `status` with that Location and an empty body
Every request read is kept in `server.received` as (method, path, headers).
"""

from __future__ import annotations

import functools
import socket
import threading
import time
import zlib
from typing import Any

from .faultserver import _read_request

_PIECE = 64 * 1024
TRICKLE_FOR = 10.0  # seconds a trickle lasts before the server hangs up


@functools.lru_cache(maxsize=4)
def gzip_of_zeros(decoded_bytes: int) -> bytes:
    """A gzip stream of `decoded_bytes` zero bytes (about 1/1000 of that, compressed)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [packer.compress(block) for _ in range(decoded_bytes >> 20)]
    parts.append(packer.compress(bytes(decoded_bytes & ((1 << 20) - 1))))
    parts.append(packer.flush())
    return b"".join(parts)


class HostileServer:
    def __init__(self, behaviour: tuple[Any, ...]) -> None:
        self.behaviour = behaviour
        self.received: list[tuple[str, str, dict[str, str]]] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()
        self._thread.join(timeout=5)

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        reader = conn.makefile("rb")
        try:
            while not self._stopping.is_set():
                request = _read_request(reader)
                if request is None:
                    return
                method, path, headers, _ = request
                with self._lock:
                    self.received.append((method, path, headers))
                if not self._answer(conn):
                    return
        except OSError:  # the client gave up and closed: expected
            return
        finally:
            reader.close()
            conn.close()

    def _trickle(self, conn: socket.socket, interval: float) -> None:
        """One byte per `interval` for at most TRICKLE_FOR seconds, then hang up (so that a client
        that would wait for ever fails a test instead of hanging it)."""
        end = time.monotonic() + TRICKLE_FOR
        while time.monotonic() < end and not self._stopping.wait(interval):
            conn.sendall(b" ")

    def _answer(self, conn: socket.socket) -> bool:
        """Answer one request; False when the connection must close."""
        kind, *args = self.behaviour
        if kind == "ok":
            body = b'{"id": 55, "name": "ok"}'
            _head(conn, 200, len(body))
            conn.sendall(body)
            return True
        if kind == "trickle_body":
            _head(conn, 200, 100_000)
            self._trickle(conn, args[0])
            return False
        if kind == "trickle_headers":
            conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            self._trickle(conn, args[0])
            return False
        if kind == "big":
            status, size, *declared = args
            declare = declared[0] if declared else True
            if declare:
                _head(conn, status, size)
            else:
                conn.sendall(
                    f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n".encode()
                )
            opening = b'{"detail": "'
            conn.sendall(opening)
            left = size - len(opening) - 2
            piece = b"x" * _PIECE
            while left > 0:
                conn.sendall(piece[: min(left, _PIECE)])
                left -= _PIECE
            conn.sendall(b'"}')
            return declare
        if kind == "gzip_bomb":
            body = gzip_of_zeros(args[0])
            _head(conn, 200, len(body), {"Content-Encoding": "gzip"})
            conn.sendall(body)
            return True
        if kind == "status_text":
            status, text = args
            body = text.encode()
            _head(conn, status, len(body), {"Content-Type": "text/html"})
            conn.sendall(body)
            return True
        if kind == "redirect":
            status, location = args
            _head(conn, status, 0, {"Location": location})
            return True
        raise ValueError(f"unknown behaviour {kind!r}")


def _head(conn: socket.socket, status: int, length: int, extra: dict[str, str] | None = None) -> None:
    lines = [f"HTTP/1.1 {status} X", "Content-Type: application/json", f"Content-Length: {length}"]
    lines += [f"{k}: {v}" for k, v in (extra or {}).items()]
    conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))


def wait_until(predicate: Any, seconds: float = 5.0) -> bool:
    """Poll `predicate` until it holds or `seconds` pass (for counts that settle a moment later)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return bool(predicate())
