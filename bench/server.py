"""A fast loopback stand-in for the Cekura API, for the benchmarks only (stdlib, no cekura import).

asyncio Protocol over raw HTTP/1.1 with keep-alive; run it in its own process so its CPU never
competes with the measured client for one GIL. It answers the real API's paths (with or without
the trailing slash, so both our SDK and the official package hit it without a redirect):

    GET /test_framework/v1/metrics/{id}/                 canned metric detail (bench/canned.json)
    GET /test_framework/v1/predefined-metrics/           canned catalog (22 items)
    GET /test_framework/v1/critical-metric-scenarios/    paginated; ?page=&page_size=
        -> {"count", "next", "previous", "results"}; --scenarios items, generated page by page

Each listening port has its own fixed delay added to every answer (e.g. 0 ms and 20 ms).

    python bench/server.py --delays 0,20      # prints "READY <port> <port>" then serves
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
from urllib.parse import parse_qsl

HERE = os.path.dirname(os.path.abspath(__file__))
PREFIX = "/test_framework/v1/"


def _load_canned() -> dict:
    with open(os.path.join(HERE, "canned.json"), encoding="utf-8") as fh:
        return json.load(fh)


def _response(status: str, body: bytes, close: bool = False) -> bytes:
    return (
        f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        f"Connection: {'close' if close else 'keep-alive'}\r\n\r\n"
    ).encode("latin-1") + body


class App:
    """Routes a request line to the bytes of a full response."""

    def __init__(self, scenarios: int) -> None:
        canned = _load_canned()
        self.metric = canned["metric"]
        self.metric_ok = _response("200 OK", json.dumps(self.metric).encode())
        self.predefined_ok = _response("200 OK", json.dumps(canned["predefined_metrics"]).encode())
        self.scenario = canned["scenario"]
        self.scenarios = scenarios
        self.not_found = _response("404 Not Found", b'{"detail":"Not found."}')
        self._metric_cache: dict[str, bytes] = {}

    def route(self, method: str, target: str, host: str) -> bytes:
        path, _, query = target.partition("?")
        if method != "GET" or not path.startswith(PREFIX):
            return self.not_found
        rest = path[len(PREFIX) :].rstrip("/")
        if rest == "predefined-metrics":
            return self.predefined_ok
        if rest == "critical-metric-scenarios":
            return self.scenario_page(query, host, path)
        if rest.startswith("metrics/"):
            key = rest[len("metrics/") :]
            if key == "55":
                return self.metric_ok
            cached = self._metric_cache.get(key)
            if cached is None:
                body = dict(self.metric, id=int(key)) if key.isdigit() else dict(self.metric, slug=key)
                cached = self._metric_cache[key] = _response("200 OK", json.dumps(body).encode())
            return cached
        return self.not_found

    def scenario_page(self, query: str, host: str, path: str) -> bytes:
        params = dict(parse_qsl(query))
        try:
            page = max(1, int(params.get("page", 1)))
            size = min(1000, max(1, int(params.get("page_size", 100))))
        except ValueError:
            return _response("400 Bad Request", b'{"detail":"bad page"}')
        total = self.scenarios
        start = (page - 1) * size
        if start >= total and page > 1:
            return _response("404 Not Found", b'{"detail":"Invalid page."}')
        end = min(total, start + size)
        base = self.scenario
        results = [dict(base, id=i + 1, scenario=f"{base['scenario']} #{i + 1}") for i in range(start, end)]
        url = f"http://{host}{path}"
        body = {
            "count": total,
            "next": f"{url}?page={page + 1}&page_size={size}" if end < total else None,
            "previous": f"{url}?page={page - 1}&page_size={size}" if page > 1 else None,
            "results": results,
        }
        return _response("200 OK", json.dumps(body, separators=(",", ":")).encode())


class HTTPProtocol(asyncio.Protocol):
    def __init__(self, app: App, delay: float) -> None:
        self.app = app
        self.delay = delay
        self.buf = b""
        self.transport: asyncio.Transport | None = None
        self.loop = asyncio.get_running_loop()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None

    def data_received(self, data: bytes) -> None:
        buf = self.buf + data if self.buf else data
        while True:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                break
            head = buf[:end].decode("latin-1")
            lines = head.split("\r\n")
            try:
                method, target, _version = lines[0].split(" ", 2)
            except ValueError:
                self._write(_response("400 Bad Request", b"{}", close=True), True)
                return
            length = 0
            host = "127.0.0.1"
            close = False
            for line in lines[1:]:
                name, _, value = line.partition(":")
                name = name.strip().lower()
                if name == "content-length":
                    length = int(value.strip() or 0)
                elif name == "host":
                    host = value.strip()
                elif name == "connection" and value.strip().lower() == "close":
                    close = True
            total = end + 4 + length
            if len(buf) < total:
                break
            buf = buf[total:]
            payload = self.app.route(method, target, host)
            if close:
                payload = payload.replace(b"Connection: keep-alive", b"Connection: close", 1)
            if self.delay:
                self.loop.call_later(self.delay, self._write, payload, close)
            else:
                self._write(payload, close)
        self.buf = buf

    def _write(self, payload: bytes, close: bool) -> None:
        if self.transport is None:
            return
        self.transport.write(payload)
        if close:
            self.transport.close()


async def serve(delays: list[float], scenarios: int, host: str, watch_stdin: bool = False) -> None:
    app = App(scenarios)
    loop = asyncio.get_running_loop()
    servers = []
    for delay in delays:
        server = await loop.create_server(
            lambda d=delay: HTTPProtocol(app, d), host, 0, backlog=2048, reuse_address=True
        )
        servers.append(server)
    ports = [s.sockets[0].getsockname()[1] for s in servers]
    print("READY " + " ".join(str(p) for p in ports), flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    if watch_stdin:  # stop on our own too if the parent goes away (its pipe to our stdin closes)
        loop.add_reader(sys.stdin.fileno(), lambda: sys.stdin.buffer.read1(1) or stop.set())
    await stop.wait()
    for server in servers:
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--delays", default="0", help="comma-separated per-port delays in ms (one port each)")
    parser.add_argument("--scenarios", type=int, default=100_000, help="items in the paginated list")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--watch-stdin", action="store_true", help="exit when stdin closes (used by run.py)")
    args = parser.parse_args()
    delays = [float(d) / 1000.0 for d in args.delays.split(",")]
    asyncio.run(serve(delays, args.scenarios, args.host, args.watch_stdin))


if __name__ == "__main__":
    main()
