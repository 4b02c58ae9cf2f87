"""Drive bench/sandbox_load.py's mix straight into Sandbox.handle (no HTTP) to time the handlers.

    .venv/bin/python bench/handler_bench.py /tmp/x.db 120 [prof]

Prints, per kind of request, the handler's own CPU time (thread time) per request, and the mean
over all. The 5 warm-up requests (spec load, seeding the 5 tenants) are left out unless
HB_COUNT_WARMUP=1. ``prof`` adds a cProfile of the whole run (driver included), by own time.
HB_CEKURA=<dir> times another checkout's cekura, e.g. the branch point:
``git archive <commit> cekura | tar -x -C <dir>`` (copy openapi.yaml in: it is a symlink).
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import pstats
import sys
import time
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
if os.environ.get("HB_CEKURA"):  # drop the editable install's finder, import the given tree instead
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f)]
    sys.path.insert(0, os.environ["HB_CEKURA"])

import sandbox_load as load  # noqa: E402

from cekura.sandbox import Sandbox  # noqa: E402

TIMES: dict[str, list[float]] = {}


class Session:
    """What run_client needs of an aiohttp session, answered by ``Sandbox.handle`` in process."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def request(self, method: str, url: str, data: Any = None, headers: dict[str, str] | None = None) -> load.Answer:
        path, _, query = url[len("http://x"):].partition("?")
        body = data.encode() if isinstance(data, str) else (data or b"")
        lowered = {k.lower(): v for k, v in (headers or {}).items()}
        started = time.thread_time()
        status, _, content = self.sandbox.handle(method, path, query, lowered, body, "http://x")
        spent = time.thread_time() - started
        kind = method + (" bulk" if "bulk" in path else " list" if path.endswith("metrics/") and method == "GET"
                         else " scen" if "scenarios" in path else "")
        TIMES.setdefault(kind, []).append(spent)
        return load.Answer(status, content)

    def get(self, url: str, headers: dict[str, str] | None = None) -> load.Answer:
        return self.request("GET", url, headers=headers)


async def main(db: str, ops: int) -> None:
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(db + suffix)
        except FileNotFoundError:
            pass
    session = Session(Sandbox(db=db, job_seconds=0))
    clients = [load.Client(i, 5, 1) for i in range(50)]
    for k in range(5):
        async with session.get("http://x" + load.SCENARIOS, headers={"X-CEKURA-API-KEY": load.key_of(k)}) as r:
            await r.read()
    if not os.environ.get("HB_COUNT_WARMUP"):
        TIMES.clear()
    cpu = time.process_time()
    await asyncio.gather(*(load.run_client(session, "http://x", c, ops) for c in clients))
    cpu = time.process_time() - cpu
    n = sum(len(c.latencies) for c in clients)
    errors = sum(len(c.errors) for c in clients)
    print(f"{n} requests, {cpu / n * 1e6:.0f} µs CPU/request (handler + driver), errors {errors}", file=sys.stderr)
    total = sum(sum(v) for v in TIMES.values())
    for kind, spent in sorted(TIMES.items(), key=lambda kv: -sum(kv[1])):
        print(f"{kind:12s} n={len(spent):5d} mean={sum(spent) / len(spent) * 1e6:7.1f}us "
              f"share={sum(spent) / total * 100:5.1f}%", file=sys.stderr)
    print(f"handler total per request {total / n * 1e6:.1f} us", file=sys.stderr)


if __name__ == "__main__":
    db_path, op_count = sys.argv[1], int(sys.argv[2])
    if len(sys.argv) > 3:
        profile = cProfile.Profile()
        profile.enable()
        asyncio.run(main(db_path, op_count))
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(35)
    else:
        asyncio.run(main(db_path, op_count))
