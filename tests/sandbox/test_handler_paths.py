"""The request pipeline's cheaper paths answer as the plain ones did: routing by lookup, history
numbering without a counter write, existence checks through rollback, concurrent deletes, reset,
load and shared files, SQL paging."""

from __future__ import annotations

import json
import random
import re
import threading

import pytest

from cekura.sandbox import Sandbox, _seed
from cekura.sandbox._app import tenant_id
from cekura.sandbox._lifecycle import HISTORY, HISTORY_MARKER
from cekura.sandbox._spec import match, routes
from cekura.sandbox._store import Store

METRICS = "/test_framework/v1/metrics/"
SCENARIOS = "/test_framework/v1/critical-metric-scenarios/"
KEY = "handler-paths-key"


def call(sb: Sandbox, method: str, path: str, body: object = None, query: str = "", key: str = KEY):
    raw = b"" if body is None else json.dumps(body).encode()
    status, _, content = sb.handle(method, path, query, {"x-cekura-api-key": key,
                                                         "content-type": "application/json"}, raw, "http://x")
    return status, (json.loads(content) if content else None)


def test_routing_answers_as_trying_every_route_in_order() -> None:
    def linear(path: str):
        for route in routes():
            found = route.regex.match(path)
            if found:
                return route, found.groupdict()
        return None

    rng = random.Random(7)
    segments = ["12", "abc", "a.b", "", "\n", "x\n", "-external", "metrics", "{id}", "%2F", "0" * 25]
    for template in [r.template for r in routes()]:
        for _ in range(50):
            path = re.sub(r"\{[^}]+\}", lambda _m: rng.choice(segments), template)
            for variant in (path, path + "\n", path[:-1], path + "x/", "/" + path, path.replace("/", "//", 1)):
                assert match(variant) == linear(variant), variant


def _history_ids(sb: Sandbox, metric_id: int, key: str = KEY) -> list[int]:
    status, page = call(sb, "GET", f"{METRICS}{metric_id}/history/", key=key)
    assert status == 200
    return [v["history_id"] for v in page["results"]]


def test_history_numbers_follow_on_and_restart_after_reset(tmp_path) -> None:
    demo = len(_seed.METRICS)  # the demo metrics' "created" versions come first: 1..demo
    with Sandbox(db=tmp_path / "h.db", job_seconds=0) as sb:
        status, created = call(sb, "POST", METRICS, {"name": "n", "eval_type": "binary"})
        assert status == 201
        assert call(sb, "PATCH", f"{METRICS}{created['id']}/", {"description": "d"})[0] == 200
        assert _history_ids(sb, created["id"]) == [demo + 2, demo + 1]
        sb.reset(KEY)
        status, again = call(sb, "POST", METRICS, {"name": "n", "eval_type": "binary"})
        assert _history_ids(sb, again["id"]) == [demo + 1]
        # another tenant numbers its own
        status, other = call(sb, "POST", METRICS, {"name": "n", "eval_type": "binary"}, key="someone-else")
        assert _history_ids(sb, other["id"], key="someone-else") == [demo + 1]


def test_a_counter_document_of_earlier_files_is_still_honoured(tmp_path) -> None:
    """Files written before kept the count in a "counter" document: numbering goes on after it."""
    with Sandbox(db=tmp_path / "old.db", job_seconds=0) as sb:
        status, created = call(sb, "POST", METRICS, {"name": "n", "eval_type": "binary"})
        tenant = tenant_id(KEY)
        top = max(v["id"] for v in sb.store.all(tenant, HISTORY))
        sb.store.put(tenant, "counter", {"id": 1, "history": top})  # as the earlier code left it
        assert call(sb, "PATCH", f"{METRICS}{created['id']}/", {"description": "d"})[0] == 200
        assert _history_ids(sb, created["id"])[0] == top + 1
        sb.store.put(tenant, "counter", {"id": 1, "history": top + 50})  # a count ahead of the records
        state = sb.state()
    with Sandbox(db=tmp_path / "loaded.db", job_seconds=0, fixture=None) as sb:
        sb.load(state)
        assert call(sb, "PATCH", f"{METRICS}{created['id']}/", {"description": "e"})[0] == 200
        assert _history_ids(sb, created["id"])[0] == top + 51


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "facts.db")
    yield s
    s.close()


def test_existence_follows_rollback_delete_and_forget(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.put("t", HISTORY_MARKER, {"id": 1})
        assert store.has("t", HISTORY_MARKER, 1)
        raise RuntimeError("rolled back")
    assert not store.has("t", HISTORY_MARKER, 1)
    store.put("t", "agent", {"id": 7})
    with store.transaction(write=False):
        assert store.has("t", "agent", 7)
    store.delete("t", "agent", 7)
    assert not store.has("t", "agent", 7)
    store.put("t", "agent", {"id": 7})
    with store.transaction():
        assert store.has("t", "agent", 7)
    store.forget("t")
    assert not store.has("t", "agent", 7)


def test_a_document_deleted_by_another_thread_is_gone(store: Store) -> None:
    store.put("t", "agent", {"id": 7})
    with store.transaction(write=False):
        assert store.has("t", "agent", 7)  # this snapshot sees it...
        worker = threading.Thread(target=store.delete, args=("t", "agent", 7))
        worker.start()
        worker.join()  # ...while another connection deletes it and commits
    assert not store.has("t", "agent", 7)


def test_load_drops_what_existed(store: Store) -> None:
    store.put("t", "agent", {"id": 7})
    with store.transaction():
        assert store.has("t", "agent", 7)
    empty = store.dump()
    empty["tenants"] = {}
    store.load(empty)
    assert not store.has("t", "agent", 7)


def test_shared_files_see_other_processes_forget(tmp_path) -> None:
    """--workers N: another process may drop a document at any time."""
    one, two = Store(tmp_path / "s.db", cache_tenants=False), Store(tmp_path / "s.db", cache_tenants=False)
    try:
        one.put("t", HISTORY_MARKER, {"id": 1})
        with one.transaction():
            assert one.has("t", HISTORY_MARKER, 1)
        two.forget("t")
        assert not one.has("t", HISTORY_MARKER, 1)
    finally:
        one.close()
        two.close()


def test_scenario_pages_are_slices_of_the_whole_list(tmp_path) -> None:
    with Sandbox(db=tmp_path / "s.db", job_seconds=0) as sb:
        assert call(sb, "DELETE", f"{METRICS}56/")[0] == 204  # a gap in the ids
        every = sb.store.all(tenant_id(KEY), "scenario")
        assert len(every) == 14
        for size in (1, 3, 10, 14, 100):
            pages = -(-len(every) // size)
            for page in range(1, pages + 1):
                status, body = call(sb, "GET", SCENARIOS, query=f"page_size={size}&page={page}")
                assert status == 200 and body["count"] == len(every)
                assert body["results"] == every[(page - 1) * size: page * size]
            assert call(sb, "GET", SCENARIOS, query=f"page_size={size}&page={pages + 1}")[0] == 404


# -- the metric_keys index behind the metrics list by agent ---------------------------------------

AGENTS_SEEN = [0, 1, -1, 123, 4999, 5001, 5002, 5003, 5004, 5005, 2**63 - 1]


def _index_agrees(sb: Sandbox, key: str = KEY) -> None:
    tenant = tenant_id(key)
    for agent in AGENTS_SEEN:
        indexed = sb.store.all_of_agent_or_project(tenant, "metric", agent, None)
        assert indexed == sb.store.scan_agent_or_project(tenant, "metric", agent, None), agent
    for agent in (5001, 5003):
        status, listed = call(sb, "GET", METRICS, query=f"agent_id={agent}", key=key)
        assert status == 200 and [m["id"] for m in listed] == [
            m["id"] for m in sb.store.scan_agent_or_project(tenant, "metric", agent, None)
            if agent in m["agents"] or m["project"] is None]


def test_the_agent_index_stays_in_step_through_every_write(tmp_path) -> None:
    rng = random.Random(3)
    pick = lambda: rng.sample([5001, 5002, 5003, 5004, 5005], rng.randint(0, 3))  # noqa: E731
    with Sandbox(db=tmp_path / "i.db", job_seconds=0) as sb:
        live: list[int] = []
        for step in range(120):
            op = rng.choice(["create", "create", "bulk", "patch", "put", "manage", "delete"])
            if op == "create" or not live:
                status, doc = call(sb, "POST", METRICS, {"name": f"m{step}", "eval_type": "binary", "agents": pick()})
                live.append(doc["id"])
            elif op == "bulk":
                status, docs = call(sb, "POST", f"{METRICS}bulk_create/",
                                    [{"name": f"b{step}{i}", "eval_type": "binary", "agents": pick()} for i in range(3)])
                live += [d["id"] for d in docs]
            elif op == "patch":
                status, _ = call(sb, "PATCH", f"{METRICS}{rng.choice(live)}/", {"agents": pick()})
            elif op == "put":
                status, _ = call(sb, "PUT", f"{METRICS}{rng.choice(live)}/",
                                 {"name": "p", "eval_type": "numeric", "agents": pick()})
            elif op == "manage":
                status, _ = call(sb, "POST", f"{METRICS}bulk_manage_agents/", {
                    "project_id": 1, "metric_ids": rng.sample(live, min(3, len(live))),
                    "agent_ids": pick() or [5001], "mode": rng.choice(["enable", "disable"])})
            else:
                status, _ = call(sb, "DELETE", f"{METRICS}{live.pop(rng.randrange(len(live)))}/")
            assert status in (200, 201, 204), (op, status)
            if step % 10 == 0:
                _index_agrees(sb)
        _index_agrees(sb)
        sb.reset(KEY)
        _index_agrees(sb)
        assert call(sb, "POST", METRICS, {"name": "after", "eval_type": "binary", "agents": [5003]})[0] == 201
        _index_agrees(sb)


def test_the_agent_index_of_loaded_and_earlier_files(tmp_path) -> None:
    """State loaded from a file (odd values included), and a file written before the index."""
    with Sandbox(db=tmp_path / "a.db", job_seconds=0) as sb:
        call(sb, "POST", METRICS, {"name": "m", "eval_type": "binary", "agents": [5001, 5003]})
        state = sb.state()
    tenant = tenant_id(KEY)
    odd = [
        {"agents": [5003.0], "project": 1}, {"agents": [True], "project": 1}, {"agents": ["5003"], "project": 1},
        {"agents": [[5003]], "project": 1}, {"agents": 5003, "project": 1}, {"agents": [5001], "project": None},
        {"agents": [5002]}, {"agents": [2**70, 5004], "project": 1}, {"agents": [-1, 0, 1], "project": 1},
    ]
    metrics = state["tenants"][tenant]["objects"]["metric"]
    base = metrics[-1]
    for n, fields in enumerate(odd):
        doc = {**base, "id": 9000 + n, **fields}
        if "project" not in fields:
            del doc["project"]
        metrics.append(doc)
    with Sandbox(db=tmp_path / "b.db", job_seconds=0, fixture=None) as sb:
        sb.load(state)
        for agent in AGENTS_SEEN:
            indexed = sb.store.all_of_agent_or_project(tenant, "metric", agent, None)
            assert indexed == sb.store.scan_agent_or_project(tenant, "metric", agent, None), agent
        with sb.store.transaction():  # as a file from before the index
            sb.store._conn.execute("DROP TABLE metric_keys")
    with Sandbox(db=tmp_path / "b.db", job_seconds=0) as sb:
        for agent in AGENTS_SEEN:
            indexed = sb.store.all_of_agent_or_project(tenant, "metric", agent, None)
            assert indexed == sb.store.scan_agent_or_project(tenant, "metric", agent, None), agent
        # SQLite's json_each equates 5003.0 and a bare 5003 with 5003, and true with 1; a null or
        # missing project matches any agent
        assert [m["id"] for m in sb.store.all_of_agent_or_project(tenant, "metric", 5003, None)] == [
            1000, 9000, 9004, 9005, 9006]
        assert [m["id"] for m in sb.store.all_of_agent_or_project(tenant, "metric", 1, None)] == [
            9001, 9005, 9006, 9008]
