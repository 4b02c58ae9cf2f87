"""In-process workloads, each run in a fresh subprocess by bench/run.py and answering one JSON line.

Run with the interpreter of the venv under test: `.venv/bin/python` for ours (and bare httpx),
`bench/.venv-official/bin/python` for the official `cekura` 1.6.7. Both packages import as
`cekura`, so run from a directory that has no `cekura/` in it (run.py uses a temp dir).

    python bench/workloads.py percall  --impl ours --url URL --calls 2000 --rounds 7
    python bench/workloads.py fanout   --impl ours --url URL --calls 200 --rounds 3 [--transport aiohttp]
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


def async_client(impl: str, url: str, transport: str):
    """(call, aclose) for one awaited metrics.get on a fresh async client of `impl`."""
    import cekura

    if impl == "ours":
        http_client = None
        if transport == "aiohttp":
            import httpx
            from httpx_aiohttp import AiohttpTransport

            # The same settings AsyncCekura gives its own client, with aiohttp underneath.
            http_client = httpx.AsyncClient(
                transport=AiohttpTransport(),
                timeout=httpx.Timeout(30.0),
                follow_redirects=False,
                limits=httpx.Limits(max_connections=256, max_keepalive_connections=64),
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
    """`calls` sequential sync metrics.get vs the same number gathered on the async client, alternating."""
    import asyncio

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    sync_call, sync_close = sync_client(args.impl, args.url)
    async_call, async_close = async_client(args.impl, args.url, args.transport)

    async def gathered() -> None:
        results = await asyncio.gather(*(async_call() for _ in range(args.calls)))
        assert len(results) == args.calls and results[0]["id"] == 55

    def sequential() -> None:
        for _ in range(args.calls):
            sync_call()

    # Warm-up (excluded): opens the connections both clients keep, loads everything lazy.
    loop.run_until_complete(gathered())
    for _ in range(5):
        sync_call()
    seq: list[float] = []
    fan: list[float] = []
    for rnd in range(args.rounds):
        steps = [("seq", sequential), ("fan", lambda: loop.run_until_complete(gathered()))]
        for name, step in steps if rnd % 2 == 0 else steps[::-1]:
            t0 = time.perf_counter()
            step()
            (seq if name == "seq" else fan).append(time.perf_counter() - t0)
    cpu = time.process_time()
    loop.run_until_complete(gathered())
    fan_cpu_ms = (time.process_time() - cpu) * 1000
    sync_close()
    loop.run_until_complete(async_close())
    loop.close()
    return {
        "seq_s": seq,
        "fan_s": fan,
        "fan_cpu_ms": fan_cpu_ms,
        "speedups": [s / f for s, f in zip(seq, fan, strict=True)],
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
    parser.add_argument("--transport", default="httpx", choices=("httpx", "aiohttp"))
    parser.add_argument("--extra-path", default="", help="appended to sys.path (optional packages)")
    args = parser.parse_args()
    if args.extra_path:
        sys.path.append(args.extra_path)
    result = globals()[args.workload](args)
    result["median"] = {k: statistics.median(v) for k, v in result.items() if isinstance(v, list) and v}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
