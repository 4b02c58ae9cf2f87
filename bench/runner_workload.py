"""The local metric runner's workloads, each run in a fresh subprocess by bench/run.py (one JSON line out).

    python bench/runner_workload.py throughput --calls 10000 --rounds 3
    python bench/runner_workload.py fresh --sample 30
    python bench/runner_workload.py memory --calls 100000

The metric is trivial on purpose (`_result = True`): what is measured is the runner's own
cost per call. Calls are realistic payloads (a 20-turn transcript, about 3 KB of JSON).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

CODE = "_result = True\n_explanation = 'trivial'\n"


def call(i: int) -> dict:
    turns = []
    for t in range(20):
        role = "Main Agent" if t % 2 == 0 else "Testing Agent"
        start = t * 4.0
        turns.append({"role": role, "time": f"{int(start) // 60:02d}:{int(start) % 60:02d}",
                      "content": f"Turn {t} of call {i}: I would like to book an appointment next week, please.",
                      "start_time": start, "end_time": start + 3.5})
    return {
        "call_log_id": i,
        "transcript": "\n".join(f"[{e['time']}] {e['role']}: {e['content']}" for e in turns),
        "transcript_json": turns,
        "call_duration": 80.0,
        "call_end_reason": "customer-ended-call",
        "metadata": {"call_type": "inbound", "ringing_duration": 2.4},
        "dynamic_variables": {"customer_name": f"Customer {i}"},
        "agent_description": "Books dental appointments.",
        "CSAT": True,
        "explanation": {"CSAT": ["polite"]},
    }


def _write_jsonl(path: str, n: int) -> None:
    with open(path, "w") as f:
        for i in range(n):
            f.write(json.dumps(call(i)) + "\n")


def throughput(args: argparse.Namespace) -> dict:
    from cekura.local import MetricSpec, evaluate_many, evaluate_payload
    from cekura.local._worker import decode

    spec = MetricSpec(CODE)
    n = args.calls
    folder = tempfile.mkdtemp(prefix="cekura-runner-bench-")
    path = os.path.join(folder, "calls.jsonl")
    _write_jsonl(path, n)
    payloads = [call(i) for i in range(n)]
    size = os.path.getsize(path) / n

    def file_in_process() -> int:
        count = 0
        with open(path, "rb") as f:
            for line in f:
                data, found = decode(line)
                count += evaluate_payload(spec, data, found).result is True
        return count

    def file_isolated() -> int:
        with open(path, "rb") as f:
            return sum(r.result is True for r in evaluate_many(spec, enumerate(f), workers=args.workers))

    def dicts_in_process() -> int:
        return sum(evaluate_payload(spec, d, i).result is True for i, d in enumerate(payloads))

    def dicts_isolated() -> int:
        return sum(r.result is True for r in evaluate_many(spec, payloads, workers=args.workers))

    times: dict[str, list[float]] = {name: [] for name in ("file_in", "file_iso", "dicts_in", "dicts_iso")}
    runs = {"file_in": file_in_process, "file_iso": file_isolated, "dicts_in": dicts_in_process, "dicts_iso": dicts_isolated}
    dicts_isolated()  # warm caches and the interpreter's imports once
    for rnd in range(args.rounds):
        order = list(runs) if rnd % 2 == 0 else list(runs)[::-1]
        for name in order:
            t0 = time.perf_counter()
            ok = runs[name]()
            times[name].append(time.perf_counter() - t0)
            if ok != n:
                raise SystemExit(f"{name}: {ok} of {n} calls passed")
    os.remove(path)
    os.rmdir(folder)
    med = {k: statistics.median(v) for k, v in times.items()}
    return {"calls": n, "bytes_per_call": round(size), "workers": args.workers, "seconds": times, "median": med}


def fresh(args: argparse.Namespace) -> dict:
    """What one does by hand: `python run_metric.py call.json`, a fresh interpreter per call."""
    folder = tempfile.mkdtemp(prefix="cekura-runner-fresh-")
    script = os.path.join(folder, "run_metric.py")
    with open(script, "w") as f:
        f.write("import json, sys\n"
                "data = json.load(open(sys.argv[1]))\n"
                "scope = {'data': data}\n"
                f"exec({CODE!r}, scope)\n"
                "print(json.dumps({'result': scope['_result'], 'explanation': scope.get('_explanation', '')}))\n")
    paths = []
    for i in range(args.sample):
        p = os.path.join(folder, f"call{i}.json")
        with open(p, "w") as f:
            json.dump(call(i), f)
        paths.append(p)
    times = []
    for i, p in enumerate(paths):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, script, p], capture_output=True, text=True, check=True).stdout
        elapsed = time.perf_counter() - t0
        if json.loads(out)["result"] is not True:
            raise SystemExit("fresh: wrong result")
        if i >= 3:  # warm-up runs dropped
            times.append(elapsed)
    for p in paths:
        os.remove(p)
    os.remove(script)
    os.rmdir(folder)
    return {"sample": len(times), "seconds": times, "median": statistics.median(times)}


def memory(args: argparse.Namespace) -> dict:
    """Peak RSS while streaming `--calls` generated calls through the isolated runner."""
    from cekura.local import MetricSpec, WorkerPool, evaluate_many

    def rss_mb() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0

    def worker_peaks_mb(pool: WorkerPool) -> list[float]:
        peaks = []
        for worker in pool._workers:  # VmHWM: a worker's own peak RSS (ru_maxrss of children counts the fork)
            try:
                with open(f"/proc/{worker.proc.pid}/status") as f:
                    peaks += [int(line.split()[1]) / 1024.0 for line in f if line.startswith("VmHWM:")]
            except OSError:
                pass
        return peaks

    spec = MetricSpec(CODE)
    list(evaluate_many(spec, (call(i) for i in range(200)), workers=args.workers))  # imports, warm-up
    baseline = rss_mb()
    t0 = time.perf_counter()
    count = 0
    with WorkerPool(args.workers) as pool:
        for r in pool.imap(spec, ((i, call(i)) for i in range(args.calls))):
            count += r.result is True
        workers = worker_peaks_mb(pool)
    elapsed = time.perf_counter() - t0
    if count != args.calls:
        raise SystemExit(f"memory: {count} of {args.calls} calls passed")
    return {"calls": args.calls, "baseline_mb": baseline, "peak_mb": rss_mb(), "above_baseline_mb": rss_mb() - baseline,
            "largest_worker_mb": max(workers) if workers else None, "seconds": elapsed}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("workload", choices=("throughput", "fresh", "memory"))
    parser.add_argument("--calls", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    result = {"throughput": throughput, "fresh": fresh, "memory": memory}[args.workload](args)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
