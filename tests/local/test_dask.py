"""The Dask path: the same pure function over a bag, on a local cluster of worker processes."""

from __future__ import annotations

import json

import pytest

from .conftest import make_call

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
db = pytest.importorskip("dask.bag")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


CODE = "n = data['call_log_id']\nif n == 3:\n    import os\n    os.system('true')\n_result = n % 2 == 0\n"


@pytest.mark.parametrize("isolated", [True, False])
def test_bag_of_payloads_on_a_local_cluster(client, isolated):
    from cekura.local import evaluate_bag

    bag = db.from_sequence([make_call(i) for i in range(8)], npartitions=3)
    rows = evaluate_bag(CODE, bag, isolated=isolated, timeout=5).compute()
    assert [r["call_id"] for r in rows] == list(range(8))
    for r in rows:
        if r["call_id"] == 3 and isolated:
            assert r["status"] == "error" and "blocked by the local runner" in r["error"]
        elif r["call_id"] != 3:
            assert r["result"] is (r["call_id"] % 2 == 0) and r["error"] is None


def test_bag_of_json_lines(client, tmp_path):
    from cekura.local import evaluate_bag

    path = tmp_path / "calls.jsonl"
    path.write_text("".join(json.dumps(make_call(i)) + "\n" for i in range(5)) + "{broken\n")
    rows = evaluate_bag({"type": "custom_code", "eval_type": "numeric", "custom_code": "_result = data['call_duration']"},
                        db.read_text(str(path))).compute()
    assert [r["result"] for r in rows[:5]] == [5.0] * 5
    assert rows[5]["status"] == "error" and "not valid JSON" in rows[5]["error"]
