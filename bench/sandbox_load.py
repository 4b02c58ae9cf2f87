"""A bounded mixed workload against a served sandbox, then a consistency check (bench only).

    python bench/sandbox_load.py --url http://127.0.0.1:8765 --clients 50 --keys 5 --ops 120

Each of ``--clients`` concurrent clients (one keep-alive connection each: ``--client lean``, the
default, drives it by hand; ``--client aiohttp`` uses aiohttp) uses one of
``--keys`` API keys and runs ``--ops`` requests drawn from a fixed mix: reads of its own metrics,
a paginated list, a filtered metrics list, creates, patches, deletes and bulk creates of 5.
It remembers every write the server acknowledged. Afterwards it checks, per key: every
acknowledged metric is readable by its owner with the last acknowledged values, no deleted one
is, none is visible to the other keys (their lists, and GET by id answers 404), and no id was
ever handed out twice. Prints one JSON line: requests, seconds, req/s, p50/p99 ms, errors, and
the consistency findings.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from collections import Counter
from typing import Any

METRICS = "/test_framework/v1/metrics/"
SCENARIOS = "/test_framework/v1/critical-metric-scenarios/"
MIX = (  # (cumulative share, operation)
    (0.43, "get"), (0.53, "scenarios"), (0.55, "list"), (0.75, "create"),
    (0.87, "patch"), (0.95, "delete"), (1.00, "bulk"),
)
# "list" (the metrics list filtered by agent) decodes every metric of the tenant in the handler,
# whichever front end serves it: at 2% it is in the mix without drowning what is compared.


def tree_cpu_seconds(pid: int) -> float | None:
    """User+system CPU of process ``pid`` and all its descendants (Linux /proc), or None."""
    import os

    try:
        tick = os.sysconf("SC_CLK_TCK")
        stats = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as fh:
                        fields = fh.read().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                stats[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    except (OSError, ValueError, AttributeError):
        return None
    if pid not in stats:
        return None
    total, frontier = 0.0, {pid}
    while frontier:
        total += sum(stats[p][1] for p in frontier)
        frontier = {p for p, (ppid, _) in stats.items() if ppid in frontier}
    return total


class Answer:
    """What ``run_client`` reads of an answer (the subset of aiohttp's response it uses)."""

    def __init__(self, status: int, body: bytes) -> None:
        self.status = status
        self._body = body

    async def read(self) -> bytes:
        return self._body

    async def json(self) -> Any:
        return json.loads(self._body)

    async def __aenter__(self) -> Answer:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None


class _Pending:
    """``async with conn.request(...) as answer``, as with aiohttp."""

    def __init__(self, coro: Any) -> None:
        self._coro = coro

    async def __aenter__(self) -> Answer:
        return await self._coro

    async def __aexit__(self, *exc: object) -> None:
        return None


class LeanConnection:
    """One keep-alive HTTP/1.1 connection driven by hand: the load generator's own cost per request.

    aiohttp spends ~140 us of CPU per request here, on the same two cores as the server under
    test; at several thousand requests a second the generator, not the server, would set the
    figure. This sends the same requests (method, path, headers, JSON body) and reads answers
    framed by Content-Length, which both front ends always send (anything else is an error).
    A request is never re-sent: a connection that fails is counted as an error and replaced.
    """

    def __init__(self, url: str) -> None:
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.authority = f"{self.host}:{self.port}"
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def _connect(self) -> None:
        import socket

        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        sock = self.writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    async def open(self) -> None:
        """Connect now and wait until the server has accepted (answered a request on) the connection."""
        await self._connect()
        async with self.request("GET", f"http://{self.authority}/") as answer:
            await answer.read()

    def _drop(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    def request(self, method: str, url: str, data: str | None = None, headers: dict[str, str] | None = None) -> Any:
        return _Pending(self._request(method, url, data, headers or {}))

    async def _request(self, method: str, url: str, data: str | None, headers: dict[str, str]) -> Answer:
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        body = data.encode() if data is not None else b""
        head = [f"{method} {target} HTTP/1.1", f"Host: {self.authority}"]
        head += [f"{k}: {v}" for k, v in headers.items()]
        head.append(f"Content-Length: {len(body)}")
        if self.writer is None:
            await self._connect()
        assert self.reader is not None and self.writer is not None
        try:
            self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
            raw_head = await self.reader.readuntil(b"\r\n\r\n")
            lines = raw_head.decode("latin-1").split("\r\n")
            status = int(lines[0].split(" ", 2)[1])
            fields = {}
            for line in lines[1:]:
                if line:
                    name, _, value = line.partition(":")
                    fields[name.strip().lower()] = value.strip()
            if "chunked" in fields.get("transfer-encoding", "").lower():
                raise ValueError("chunked answer (the lean client reads Content-Length framing only)")
            length = 0 if status in (204, 304) or method == "HEAD" else int(fields.get("content-length", "0"))
            content = await self.reader.readexactly(length) if length else b""
        except BaseException:
            self._drop()
            raise
        if fields.get("connection", "").lower() == "close":
            self._drop()
        return Answer(status, content)

    def close(self) -> None:
        self._drop()


def key_of(n: int) -> str:
    return f"load-key-{n}-0123456789"


class Client:
    def __init__(self, index: int, keys: int, seed: int) -> None:
        self.index = index
        self.key = key_of(index % keys)
        self.agent = 5000 + index
        self.rng = random.Random(seed * 1000 + index)
        self.live: dict[int, dict[str, str]] = {}
        self.deleted: set[int] = set()
        self.issued: list[int] = []
        self.latencies: list[float] = []
        self.by_op: dict[str, list[float]] = {}
        self.op = ""
        self.errors: list[str] = []
        self.serial = 0

    def name(self) -> str:
        self.serial += 1
        return f"c{self.index}-m{self.serial}"


async def run_client(session: Any, url: str, client: Client, ops: int) -> None:
    headers = {"X-CEKURA-API-KEY": client.key, "Content-Type": "application/json"}

    async def call(method: str, path: str, body: Any = None, expect: int = 200) -> Any:
        data = None if body is None else json.dumps(body)
        started = time.perf_counter()
        try:
            async with session.request(method, url + path, data=data, headers=headers) as resp:
                raw = await resp.read()
                status = resp.status
        except Exception as exc:  # noqa: BLE001 - every failure is counted
            client.latencies.append(time.perf_counter() - started)
            client.errors.append(f"{method} {path}: {type(exc).__name__}: {exc}")
            return None
        client.latencies.append(time.perf_counter() - started)
        client.by_op.setdefault(client.op, []).append(client.latencies[-1])
        if status != expect:
            client.errors.append(f"{method} {path}: {status} {raw[:200]!r}")
            return None
        return json.loads(raw) if raw else {}

    for _ in range(ops):
        draw = client.rng.random()
        op = next(name for share, name in MIX if draw < share)
        mine = sorted(client.live)
        if op in ("get", "patch", "delete") and not mine:
            op = "create"
        client.op = op
        if op == "get":
            await call("GET", f"{METRICS}{client.rng.choice(mine)}/")
        elif op == "scenarios":
            await call("GET", f"{SCENARIOS}?page_size=10&page={client.rng.randint(1, 3)}")
        elif op == "list":
            await call("GET", f"{METRICS}?agent_id={client.agent}")
        elif op == "create":
            name = client.name()
            doc = await call("POST", METRICS, {"name": name, "eval_type": "binary", "agents": [client.agent],
                                               "description": "v0"}, 201)
            if doc is not None:
                client.live[doc["id"]] = {"name": name, "description": "v0"}
                client.issued.append(doc["id"])
        elif op == "patch":
            target = client.rng.choice(mine)
            text = f"v{client.rng.randint(1, 10**6)}"
            doc = await call("PATCH", f"{METRICS}{target}/", {"description": text})
            if doc is not None:
                client.live[target]["description"] = text
        elif op == "delete":
            target = client.rng.choice(mine)
            if await call("DELETE", f"{METRICS}{target}/", expect=204) is not None:
                del client.live[target]
                client.deleted.add(target)
        else:
            items = [{"name": client.name(), "eval_type": "binary", "agents": [client.agent], "description": "v0"}
                     for _ in range(5)]
            docs = await call("POST", f"{METRICS}bulk_create/", items, 201)
            for item, doc in zip(items, docs or [], strict=False):
                client.live[doc["id"]] = {"name": item["name"], "description": "v0"}
                client.issued.append(doc["id"])


async def consistency(session: Any, url: str, clients: list[Client], keys: int) -> dict[str, Any]:
    problems: list[str] = []
    lists: dict[str, dict[int, dict[str, Any]]] = {}
    for k in range(keys):
        async with session.get(url + METRICS, headers={"X-CEKURA-API-KEY": key_of(k)}) as resp:
            lists[key_of(k)] = {m["id"]: m for m in await resp.json()}
    checked = 0
    for client in clients:
        own = lists[client.key]
        for metric_id, expected in client.live.items():
            checked += 1
            got = own.get(metric_id)
            if got is None:
                problems.append(f"acknowledged metric {metric_id} of client {client.index} is missing")
            elif (got["name"], got["description"]) != (expected["name"], expected["description"]):
                problems.append(f"metric {metric_id}: {got['name']}/{got['description']} != {expected}")
        for metric_id in client.deleted:
            checked += 1
            if metric_id in own:
                problems.append(f"deleted metric {metric_id} is still listed")
        for other, listed in lists.items():
            if other != client.key:
                leaked = set(client.live).intersection(listed)
                checked += 1
                if leaked:
                    problems.append(f"{len(leaked)} metrics of {client.key} visible to {other}")
        for metric_id in list(client.live)[:3]:  # and by id, from another key
            other = key_of((client.index + 1) % keys)
            async with session.get(f"{url}{METRICS}{metric_id}/", headers={"X-CEKURA-API-KEY": other}) as resp:
                checked += 1
                if resp.status != 404:
                    problems.append(f"metric {metric_id} answered {resp.status} to another key")
    issued = Counter(i for c in clients for i in c.issued)
    dupes = [i for i, n in issued.items() if n > 1]
    if dupes:
        problems.append(f"{len(dupes)} ids handed out twice, e.g. {dupes[:5]}")
    return {"checked": checked, "ids_issued": len(issued), "problems": problems[:20],
            "problem_count": len(problems)}


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    import aiohttp

    clients = [Client(i, args.keys, args.seed) for i in range(args.clients)]
    connector = aiohttp.TCPConnector(limit=0, force_close=False)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        for k in range(args.keys):  # each tenant gets its demo data before the clock starts
            async with session.get(url_path(args.url, SCENARIOS), headers={"X-CEKURA-API-KEY": key_of(k)}) as r:
                await r.read()
        lean = [LeanConnection(args.url) for _ in clients] if args.client == "lean" else []
        if args.warm:  # every connection open (and accepted) before the clock starts
            await asyncio.gather(*(conn.open() for conn in lean))
        cpu_before = tree_cpu_seconds(args.server_pid) if args.server_pid else None
        started = time.perf_counter()
        if args.client == "lean":
            try:
                await asyncio.gather(*(run_client(conn, args.url, c, args.ops) for conn, c in zip(lean, clients, strict=True)))
            finally:
                for conn in lean:
                    conn.close()
        else:
            await asyncio.gather(*(run_client(session, args.url, c, args.ops) for c in clients))
        elapsed = time.perf_counter() - started
        cpu_after = tree_cpu_seconds(args.server_pid) if args.server_pid else None
        report = await consistency(session, args.url, clients, args.keys) if args.check else None
    latencies = sorted(x for c in clients for x in c.latencies)
    errors = [e for c in clients for e in c.errors]
    by_op: dict[str, list[float]] = {}
    for c in clients:
        for op, values in c.by_op.items():
            by_op.setdefault(op, []).extend(values)
    q = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(latencies), "seconds": round(elapsed, 3), "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(q[49] * 1000, 2), "p99_ms": round(q[98] * 1000, 2), "max_ms": round(latencies[-1] * 1000, 1),
        "errors": len(errors), "error_samples": errors[:5], "consistency": report, "client": args.client,
        "warm": args.warm,
        "server_cpu_us_per_request": None if cpu_before is None or cpu_after is None
        else round((cpu_after - cpu_before) / len(latencies) * 1e6, 1),
        "p99_ms_by_op": {op: round(statistics.quantiles(sorted(v), n=100)[98] * 1000, 1)
                         for op, v in sorted(by_op.items()) if len(v) > 2},
    }


async def fairness(url: str, items: int) -> dict[str, Any]:
    """Tenant A bulk-creates ``items`` metrics in one request while tenant B keeps reading."""
    import aiohttp

    a, b = {"X-CEKURA-API-KEY": key_of(90)}, {"X-CEKURA-API-KEY": key_of(91)}
    body = json.dumps([{"name": f"bulk-{i}", "eval_type": "binary"} for i in range(items)])
    latencies: list[float] = []
    done = asyncio.Event()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=300)) as session:
        for headers in (a, b):
            async with session.get(url + METRICS + "55/", headers=headers) as resp:
                await resp.read()

        async def reader() -> None:
            while not done.is_set():
                started = time.perf_counter()
                async with session.get(url + METRICS + "55/", headers=b) as resp:
                    await resp.read()
                latencies.append(time.perf_counter() - started)

        task = asyncio.create_task(reader())
        await asyncio.sleep(0.2)
        latencies.clear()
        started = time.perf_counter()
        async with session.post(url + METRICS + "bulk_create/", data=body,
                                headers={**a, "Content-Type": "application/json"}) as resp:
            status = resp.status
            await resp.read()
        bulk_seconds = time.perf_counter() - started
        done.set()
        await task
    ordered = sorted(latencies) or [0.0]
    return {"bulk_items": items, "bulk_status": status, "bulk_body_bytes": len(body),
            "bulk_seconds": round(bulk_seconds, 3), "other_gets": len(latencies),
            "other_p50_ms": round(ordered[len(ordered) // 2] * 1000, 2),
            "other_max_ms": round(ordered[-1] * 1000, 1)}


def url_path(url: str, path: str) -> str:
    return url + path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--keys", type=int, default=5)
    parser.add_argument("--ops", type=int, default=120, help="requests per client")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--server-pid", type=int, help="report the server's CPU time per request (Linux)")
    parser.add_argument("--client", choices=("lean", "aiohttp"), default="lean",
                        help="what sends the timed requests: a hand-driven HTTP/1.1 connection per client (~1/4 "
                             "of aiohttp's CPU per request) or one aiohttp session (the checks always use aiohttp)")
    parser.add_argument("--warm", action="store_true",
                        help="open every client's connection before the clock starts (lean client only): "
                             "steady-state serving, without the cost of accepting 50 connects at once")
    parser.add_argument("--no-check", dest="check", action="store_false", help="skip the consistency check")
    parser.add_argument("--fairness", type=int, metavar="ITEMS",
                        help="instead: one tenant bulk-creates ITEMS metrics while another reads")
    args = parser.parse_args()
    if args.warm and args.client != "lean":
        parser.error("--warm needs --client lean")
    result = asyncio.run(fairness(args.url, args.fairness) if args.fairness else main_async(args))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
