"""`make vendor-check`: the vendor's own client, `cekura` 1.6.7 from PyPI, against a served sandbox.

The vendor package imports as `cekura`, like ours, so it lives in its own venv
(bench/.venv-official, shared with `make bench`). This script runs in two roles:

    python bench/vendor_check.py                 # (our .venv) serve a lenient sandbox, run the client role
    python bench/vendor_check.py --client URL    # (the vendor's venv) call every metrics method, one line each

Every call uses the vendor client's own method names and arguments. The calls the sandbox
covers (the operations of our spec, reached through the client's slash-less and `-external`
paths) must all work; the vendor's other metrics calls are reported, not required.
Exit status 1 when a covered call fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEY = "vendor-check-key"


def client_role(url: str) -> int:
    import cekura  # the vendor's package, from its own venv

    client = cekura.Cekura(api_key=KEY, base_url=url)
    m, results = client.metrics, []
    state: dict = {}

    def attempt(label: str, covered: bool, call):
        try:
            value = call()
            results.append({"call": label, "covered": covered, "ok": True})
            return value
        except Exception as exc:  # noqa: BLE001 - every failure is reported
            status = getattr(exc, "status_code", None) or type(exc).__name__
            results.append({"call": label, "covered": covered, "ok": False, "error": f"{status}: {str(exc)[:160]}"})
            return None

    attempt("predefined_metrics.list()", True, lambda: client.predefined_metrics.list())
    attempt("metrics.list()", True, lambda: m.list())
    attempt("metrics.list(agent_id=123)", True, lambda: m.list(agent_id=123))
    attempt("metrics.list(project_id=1)", True, lambda: m.list(project_id=1))
    made = attempt("metrics.create(name, type, eval_type, description, agents)", True, lambda: m.create(
        name="Vendor made", type="llm_judge", eval_type="binary", description="Agent greets the caller.",
        agents=[123]))
    state["id"] = (made or {}).get("id", 55)
    attempt("metrics.get(id)", True, lambda: m.get(state["id"]))
    attempt("metrics.update(id, description=...)", True, lambda: m.update(state["id"], description="Updated"))
    bulk = attempt("metrics.bulk_create(metrics=[...])", True, lambda: m.bulk_create(
        [{"name": "Vendor bulk 1", "eval_type": "binary"}, {"name": "Vendor bulk 2", "eval_type": "numeric"}]))
    ids = [x["id"] for x in bulk or []] or [55]
    attempt("metrics.bulk_manage_agents(project_id, metric_ids, agent_ids, mode)", True,
            lambda: m.bulk_manage_agents(project_id=1, metric_ids=ids, agent_ids=[124], mode="enable"))
    attempt("metrics.bulk_toggle_settings(metric_ids, is_active)", True,
            lambda: m.bulk_toggle_settings(metric_ids=ids, is_active=False))
    job = attempt("metrics.generate(agent_id, num_metrics)", True, lambda: m.generate(agent_id=123, num_metrics=2))
    attempt("metrics.generate_progress(progress_id)", True,
            lambda: m.generate_progress(progress_id=(job or {}).get("progress_id", "x")))
    scenarios = client.critical_metric_scenarios
    attempt("critical_metric_scenarios.list(metric_id=55)", True, lambda: scenarios.list(metric_id=55))
    attempt("critical_metric_scenarios.update(id, priority)", True, lambda: scenarios.update(40, priority="critical"))
    reviews = client.metric_reviews
    fb = attempt("metric_reviews.process_feedbacks(metric_id)", True, lambda: reviews.process_feedbacks(metric_id=55))
    attempt("metric_reviews.process_feedbacks_progress(progress_id)", True,
            lambda: reviews.process_feedbacks_progress(progress_id=(fb or {}).get("progress_id", "x")))
    attempt("metrics.delete(id)", True, lambda: m.delete(state["id"]))
    # the vendor's other metrics calls: outside the operations the sandbox covers (reported only)
    other = {
        "metrics.preview(metric_data, agent_id, call_log_ids)": lambda: m.preview(
            {"name": "P", "type": "llm_judge", "eval_type": "binary", "description": "d"}, agent_id=123,
            call_log_ids=[1]),
        "metrics.preview_progress(progress_id)": lambda: m.preview_progress(progress_id="x"),
        "predefined_metrics.copy(project_id, predefined_metric_ids)": lambda: client.predefined_metrics.copy(
            project_id=1, predefined_metric_ids=[1]),
        "metrics.simplify_prompt(metric_id)": lambda: m.simplify_prompt(metric_id=55),
        "metrics.generate_clean_description(description)": lambda: m.generate_clean_description(description="d"),
        "metrics.delete_bulk(metric_ids)": lambda: m.delete_bulk(metric_ids=ids),
        "metrics.run_reviews(id)": lambda: m.run_reviews(55),
    }
    for label, call in other.items():
        attempt(label, False, call)
    print(json.dumps(results))
    return 0


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--client":
        return client_role(sys.argv[2])
    sys.path.insert(0, str(HERE))
    from run import OFFICIAL_BIN, ensure_official

    ensure_official()
    root = HERE.parent
    scratch = tempfile.mkdtemp(prefix="cekura-vendor-")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CEKURA_", "PYTHON"))}
    env["HOME"] = scratch
    serve = subprocess.Popen([sys.executable, "-m", "cekura.cli", "sandbox", "serve", "--port", "0", "--db",
                              os.path.join(scratch, "vendor.db"), "--job-seconds", "0"],
                             cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = serve.stdout.readline().split()[4]
        done = subprocess.run([str(OFFICIAL_BIN / "python"), str(Path(__file__).resolve()), "--client", url],
                              cwd=scratch, env=env, capture_output=True, text=True)
    finally:
        serve.terminate()
        serve.wait(15)
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
        return 1
    results = json.loads(done.stdout.strip().splitlines()[-1])
    failed = [r for r in results if r["covered"] and not r["ok"]]
    print("vendor client cekura 1.6.7 -> `cekura sandbox serve` (lenient, as a third-party client needs)\n")
    for r in results:
        mark = "ok  " if r["ok"] else ("FAIL" if r["covered"] else "n/a ")
        print(f"  {mark} {r['call']}" + ("" if r["ok"] else f"  ({r['error']})"))
    covered = [r for r in results if r["covered"]]
    print(f"\n{len(covered) - len(failed)}/{len(covered)} covered calls work; "
          f"{sum(r['ok'] for r in results if not r['covered'])}/{sum(not r['covered'] for r in results)} "
          "calls outside the sandbox's operations answered")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
