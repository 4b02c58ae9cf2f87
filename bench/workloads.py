"""In-process workloads, each run in a fresh subprocess by bench/run.py and answering one JSON line.

Run with the interpreter of the venv under test: `.venv/bin/python` for ours (and bare httpx),
`bench/.venv-official/bin/python` for the official `cekura` 1.6.7. Both packages import as
`cekura`, so run from a directory that has no `cekura/` in it (run.py uses a temp dir).

    python bench/workloads.py percall  --impl ours --url URL --calls 2000 --rounds 7
    python bench/workloads.py fanout   --impl ours --url URL --calls 200 --rounds 3 --variants httpx,aiohttp
    python bench/workloads.py memory   --url URL --items 100000
    python bench/workloads.py sandbox  --calls 500 --rounds 5
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time

KEY = "bench-key-0123456789"
METRIC_PATH = "/test_framework/v1/metrics/55/"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


# --------------------------------------------------------------------------- clients


def sync_client(impl: str, url: str):
    """(call, close) for one metrics.get on a fresh sync client of `impl`."""
    if impl == "bare":
        import httpx

        client = httpx.Client()
        target = url + METRIC_PATH
        get = client.get
        return (lambda: get(target)), client.close
    import cekura

    if impl == "ours":
        client = cekura.Cekura(api_key=KEY, api_url=url)
    elif impl == "official":
        client = cekura.Cekura(api_key=KEY, base_url=url)
    else:
        raise SystemExit(f"unknown impl {impl}")
    get = client.metrics.get
    return (lambda: get(55)), client.close


#: Async variants of our client: name -> (transport, httpx.Limits arguments or None for the SDK's own).
VARIANTS = {
    "httpx": ("httpx", None),  # AsyncCekura() as shipped (httpx-aiohttp transport)
    "httpx-100-20": ("httpx", (100, 20)),  # httpx's own transport and default limits, as the official package
    "aiohttp": ("aiohttp", (256, 64)),  # httpx-aiohttp's AiohttpTransport under the SDK's limits
}


def async_client(impl: str, url: str, variant: str = "httpx"):
    """(call, aclose) for one awaited metrics.get on a fresh async client of `impl`."""
    import cekura

    if impl == "ours":
        transport, limits = VARIANTS[variant]
        http_client = None
        if limits is not None:
            import httpx

            kwargs = {}
            if transport == "aiohttp":
                from httpx_aiohttp import AiohttpTransport

                kwargs["transport"] = AiohttpTransport()
            # The settings AsyncCekura gives its own client, but for the limits / transport.
            http_client = httpx.AsyncClient(
                timeout=httpx.Timeout(30.0),
                follow_redirects=False,
                limits=httpx.Limits(max_connections=limits[0], max_keepalive_connections=limits[1]),
                **kwargs,
            )
        client = cekura.AsyncCekura(api_key=KEY, api_url=url, http_client=http_client)

        async def close() -> None:
            await client.close()
            if http_client is not None:
                await http_client.aclose()

    elif impl == "official":
        client = cekura.AsyncCekura(api_key=KEY, base_url=url)
        close = client.close
    else:
        raise SystemExit(f"unknown impl {impl}")
    get = client.metrics.get
    return (lambda: get(55)), close


# --------------------------------------------------------------------------- workloads


def percall(args: argparse.Namespace) -> dict:
    """Per-call time of `impl` and of a bare httpx.Client.get loop.

    `rounds` x `calls` calls each, in alternating blocks of `block` calls (order flipping every
    pair), so both sides see the same machine; wall and CPU time per call for every block.
    """
    impls = [args.impl, "bare"]
    calls = {name: sync_client(name, args.url) for name in impls}
    for call, _ in calls.values():  # warm-up: connection, lazy imports, caches
        for _ in range(100):
            call()
    wall: dict[str, list[float]] = {name: [] for name in impls}
    cpu: dict[str, list[float]] = {name: [] for name in impls}
    n = args.block
    for pair in range(args.rounds * args.calls // n):
        for name in impls if pair % 2 == 0 else impls[::-1]:
            call = calls[name][0]
            c0, t0 = time.process_time(), time.perf_counter()
            for _ in range(n):
                call()
            wall[name].append((time.perf_counter() - t0) / n * 1e6)
            cpu[name].append((time.process_time() - c0) / n * 1e6)
    for _, close in calls.values():
        close()
    out: dict = {f"{name}_us": wall[name] for name in impls}
    out.update({f"{name}_cpu_us": cpu[name] for name in impls})
    out["pair_ratios"] = [a / b for a, b in zip(wall[args.impl], wall["bare"], strict=True)]
    return out


def fanout(args: argparse.Namespace) -> dict:
    """`calls` sequential sync metrics.get vs the same number gathered on each async variant.

    One process; every client is warmed first (connections opened, lazy imports done) and kept.
    Each round runs the sequential loop, then for each variant (order rotating) two gathered
    batches back to back: "idle" (its client untouched since the previous round, i.e. for the
    ~4 s of the sequential loop and more) and "busy" (right after another batch: the steady
    state of a program that keeps fanning out). httpx's pool behaves differently in the two.
    """
    import asyncio

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    variants = args.variants.split(",") if args.impl == "ours" else ["httpx"]
    sync_call, sync_close = sync_client(args.impl, args.url)
    clients = {v: async_client(args.impl, args.url, v) for v in variants}

    async def gathered(call) -> None:
        results = await asyncio.gather(*(call() for _ in range(args.calls)))
        assert len(results) == args.calls and results[0]["id"] == 55

    for call, _ in clients.values():  # warm-up (excluded)
        loop.run_until_complete(gathered(call))
    for _ in range(5):
        sync_call()
    seq: list[float] = []
    fan = {regime: {v: [] for v in variants} for regime in ("idle", "busy")}
    cpu = {regime: {v: [] for v in variants} for regime in ("idle", "busy")}
    for rnd in range(args.rounds):
        t0 = time.perf_counter()
        for _ in range(args.calls):
            sync_call()
        seq.append(time.perf_counter() - t0)
        shift = rnd % len(variants)
        for v in variants[shift:] + variants[:shift]:
            call = clients[v][0]
            for regime in ("idle", "busy"):
                c0, t0 = time.process_time(), time.perf_counter()
                loop.run_until_complete(gathered(call))
                fan[regime][v].append(time.perf_counter() - t0)
                cpu[regime][v].append((time.process_time() - c0) * 1000)
    sync_close()
    for _, close in clients.values():
        loop.run_until_complete(close())
    loop.close()
    seq_median = statistics.median(seq)
    return {
        "seq_s": seq,
        "fan_s": fan,
        "fan_cpu_ms": {r: {v: statistics.median(x) for v, x in d.items()} for r, d in cpu.items()},
        "speedup": {r: {v: seq_median / statistics.median(x) for v, x in d.items()} for r, d in fan.items()},
    }


def memory(args: argparse.Namespace) -> dict:
    """Peak RSS while iterating every page of the paginated list, against the start-up baseline."""
    baseline = _rss_mb()  # the interpreter alone, before anything of ours or httpx is imported
    import cekura

    client = cekura.Cekura(api_key=KEY, api_url=args.url)
    pages = client.critical_metric_scenarios.iter(page_size=args.page_size)
    first = next(pages)  # imports done, connection open, first page held
    before = _rss_mb()
    count = 1
    last_id = first["id"]
    for item in pages:
        count += 1
        last_id = item["id"]
    peak = _rss_mb()
    client.close()
    return {
        "items": count,
        "last_id": last_id,
        "baseline_mb": baseline,
        "before_iter_mb": before,
        "peak_mb": peak,
        "above_baseline_mb": peak - baseline,
        "above_before_iter_mb": peak - before,
    }


def sandbox(args: argparse.Namespace) -> dict:
    """Round trip of metrics.get through the in-process sandbox (no sockets)."""
    import httpx

    import cekura
    from cekura.sandbox import Sandbox

    by_url = cekura.Cekura(api_url="sandbox://memory")
    box = Sandbox(db=":memory:", job_seconds=0)
    by_transport = cekura.Cekura(
        api_key=KEY, api_url="http://sandbox.local", http_client=httpx.Client(transport=box.transport())
    )
    clients = {"url": by_url, "transport": by_transport}
    for client in clients.values():
        for _ in range(20):
            client.metrics.get(55)
    samples: dict[str, list[float]] = {name: [] for name in clients}
    for rnd in range(args.rounds):
        for name in list(clients) if rnd % 2 == 0 else list(clients)[::-1]:
            get = clients[name].metrics.get
            t0 = time.perf_counter()
            for _ in range(args.calls):
                get(55)
            samples[name].append((time.perf_counter() - t0) / args.calls * 1e6)
    by_url.close()
    return {f"{name}_us": values for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("workload", choices=("percall", "fanout", "memory", "sandbox"))
    parser.add_argument("--impl", default="ours")
    parser.add_argument("--url", default="")
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--block", type=int, default=200, help="percall: calls per alternating block")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--variants", default="httpx", help=f"fanout, ours: comma-separated of {','.join(VARIANTS)}")
    parser.add_argument("--extra-path", default="", help="appended to sys.path (optional packages)")
    args = parser.parse_args()
    if args.extra_path:
        sys.path.append(args.extra_path)
    result = globals()[args.workload](args)
    result["median"] = {k: statistics.median(v) for k, v in result.items() if isinstance(v, list) and v}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
