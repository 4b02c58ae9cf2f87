"""Drive bench/sandbox_load.py's mix straight into Sandbox.handle (no HTTP) to time handlers.

    .venv/bin/python bench/handler_bench.py /tmp/x.db 120 [prof]

Per-kind means are the handler's own CPU time (thread time); the 5 warm-up requests (spec load,
seeding) are left out unless HB_COUNT_WARMUP=1. HB_CEKURA=<dir> times another checkout's cekura
(e.g. `git archive <commit> cekura | tar -x -C <dir>`, openapi.yaml copied in, not symlinked)."""
import asyncio, json, sys, time, os, cProfile, pstats
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__))))
import sandbox_load as L
if os.environ.get("HB_CEKURA"):  # time another checkout's cekura (e.g. the base commit, `git archive`d)
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in getattr(f, "__module__", "") and "editable" not in repr(f)]
    sys.path.insert(0, os.environ["HB_CEKURA"])
from cekura.sandbox import Sandbox

db = sys.argv[1]; ops = int(sys.argv[2]); prof = len(sys.argv) > 3
for suffix in ("", "-wal", "-shm"):
    try: os.remove(db + suffix)
    except FileNotFoundError: pass
sb = Sandbox(db=db, job_seconds=0)
T={}

class Resp:
    def __init__(self, status, body): self.status = status; self._b = body
    async def read(self): return self._b
    async def json(self): return json.loads(self._b)
    async def __aenter__(self): return self
    async def __aexit__(self, *a): return False

class Session:
    def request(self, method, url, data=None, headers=None):
        path, _, query = url[len("http://x"):].partition("?")
        body = data.encode() if isinstance(data, str) else (data or b"")
        t0=time.thread_time()
        status, h, content = sb.handle(method, path, query, {k.lower(): v for k, v in headers.items()}, body, "http://x")
        dt=time.thread_time()-t0
        kind = method + (" bulk" if "bulk" in path else " list" if path.endswith("metrics/") and method=="GET" else " scen" if "scenarios" in path else "")
        T.setdefault(kind, []).append(dt)
        return Resp(status, content)
    def get(self, url, headers=None): return self.request("GET", url, headers=headers)

async def main():
    s = Session()
    clients = [L.Client(i, 5, 1) for i in range(50)]
    for k in range(5):
        async with s.get("http://x" + L.SCENARIOS, headers={"X-CEKURA-API-KEY": L.key_of(k)}) as r: await r.read()
    if not os.environ.get("HB_COUNT_WARMUP"):  # the warm-up (spec load, seeding 5 tenants) is not the workload
        T.clear()
    t = time.perf_counter(); c0 = time.process_time()
    await asyncio.gather(*(L.run_client(s, "http://x", c, ops) for c in clients))
    n = sum(len(c.latencies) for c in clients)
    cpu = time.process_time() - c0
    errs = sum(len(c.errors) for c in clients)
    print(f"{n} requests, {cpu/n*1e6:.0f} µs CPU/request (handler + driver), errors {errs}", file=sys.stderr)
    tot=sum(sum(v) for v in T.values())
    for k,v in sorted(T.items(), key=lambda kv:-sum(kv[1])):
        print(f"{k:12s} n={len(v):5d} mean={sum(v)/len(v)*1e6:7.1f}us share={sum(v)/tot*100:5.1f}%", file=sys.stderr)
    print(f"handler total per request {tot/n*1e6:.1f} us", file=sys.stderr)
    return clients

if prof:
    pr = cProfile.Profile(); pr.enable(); asyncio.run(main()); pr.disable()
    st = pstats.Stats(pr); st.sort_stats("tottime").print_stats(35)
else:
    asyncio.run(main())
