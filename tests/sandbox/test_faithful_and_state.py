"""What third-party clients send (no trailing slash, -external twins, form bodies), strict mode,
and test-friendly state: reset, admin endpoints, save/load, fixtures."""

from __future__ import annotations

import json
import textwrap

import httpx
import pytest

from cekura.sandbox import Sandbox, start_background

from .conftest import METRICS, SCENARIOS

KEY, OTHER = "faithful-key-1", "faithful-key-2"
EXTERNAL = "/test_framework/v1/metrics-external/"


@pytest.fixture(scope="module")
def lenient():
    with start_background(strict=False, admin=True) as running:
        yield running


def client(url: str, key: str = KEY) -> httpx.Client:
    return httpx.Client(base_url=url, headers={"X-CEKURA-API-KEY": key})


def test_twins_and_slashless_paths_are_the_same_routes(lenient):
    with client(lenient.url) as c:
        made = c.post(EXTERNAL.rstrip("/"), json={"name": "Twin", "eval_type": "binary"})
        assert made.status_code == 201
        mid = made.json()["id"]
        for path in (f"{METRICS}{mid}/", f"{METRICS}{mid}", f"{EXTERNAL}{mid}/", f"{EXTERNAL}{mid}"):
            assert c.get(path).json() == c.get(f"{METRICS}{mid}/").json(), path
        assert c.patch(f"{EXTERNAL}{mid}", json={"description": "via twin"}).json()["description"] == "via twin"
        bulk = c.post(f"{EXTERNAL}bulk_create", json=[{"name": "B1", "eval_type": "binary"}])
        assert bulk.status_code == 201 and bulk.json()[0]["name"] == "B1"
        toggled = c.post(f"{EXTERNAL}bulk-toggle-settings", json={"metric_ids": [mid], "is_active": False})
        assert toggled.status_code == 200
        assert c.get("/test_framework/v1/critical-metric-scenarios-external").json()["count"] == 24
        assert c.get("/test_framework/v1/predefined-metrics-external/1").json()["id"] == 1
        assert c.delete(f"{EXTERNAL}{mid}").status_code == 204
        assert c.get(f"{METRICS}{mid}/").status_code == 404
        assert c.get("/test_framework/v1/nothing-external/").status_code == 404
        assert c.get("/test_framework/v1/metrics-externalx/").status_code == 404


def test_form_and_multipart_bodies_are_accepted_like_json(lenient):
    with client(lenient.url) as c:
        form = c.post(METRICS, data={"name": "Form", "eval_type": "binary", "agents": ["123", "124"],
                                     "simulation_enabled": "false", "display_order": "3",
                                     "configuration": '{"threshold": 2}'})
        assert form.status_code == 201, form.text
        body = form.json()
        assert body["agents"] == [123, 124] and body["simulation_enabled"] is False
        assert body["display_order"] == 3 and body["configuration"] == {"threshold": 2}
        multi = c.post(METRICS, files={"name": (None, "Multi"), "eval_type": (None, "binary"),
                                       "agents": (None, "123")})
        assert multi.status_code == 201 and multi.json()["agents"] == [123]
        patched = c.patch(f"{METRICS}{multi.json()['id']}/", data={"description": "from a form"})
        assert patched.json()["description"] == "from a form"
        bad = c.post(METRICS, data={"name": "Bad", "eval_type": "boolean-ish"})
        assert bad.status_code == 400 and "eval_type" in bad.json()
        broken = c.post(METRICS, content=b"--x\r\nnothing", headers={"Content-Type": "multipart/form-data"})
        assert broken.status_code == 400


def test_strict_mode_refuses_what_our_client_never_sends():
    with start_background(strict=True) as running, client(running.url) as c:
        assert c.get(METRICS.rstrip("/")).status_code == 404
        assert c.post(METRICS, data={"name": "Form", "eval_type": "binary"}).status_code == 415
        assert c.get(f"{EXTERNAL}55/").status_code == 200  # twins are real API paths: served in both modes


def test_strict_follows_the_environment(monkeypatch):
    monkeypatch.setenv("CEKURA_SANDBOX_STRICT", "0")
    assert Sandbox(db=":memory:").strict is False
    monkeypatch.setenv("CEKURA_SANDBOX_STRICT", "1")
    assert Sandbox(db=":memory:").strict is True
    assert Sandbox(db=":memory:", strict=False).strict is False


def test_reset_one_key_or_everyone():
    with Sandbox(db=":memory:", job_seconds=0) as sandbox:
        a = httpx.Client(transport=sandbox.transport(), base_url="http://s", headers={"X-CEKURA-API-KEY": KEY})
        b = httpx.Client(transport=sandbox.transport(), base_url="http://s", headers={"X-CEKURA-API-KEY": OTHER})
        made = a.post(METRICS, json={"name": "Gone soon", "eval_type": "binary"}).json()
        a.delete(f"{METRICS}55/")
        b.delete(f"{METRICS}56/")
        assert sandbox.reset(KEY) == 1
        assert a.get(f"{METRICS}55/").status_code == 200 and a.get(f"{METRICS}{made['id']}/").status_code == 404
        assert b.get(f"{METRICS}56/").status_code == 404  # the other key kept its state
        assert sandbox.reset() == 2
        assert b.get(f"{METRICS}56/").status_code == 200
        again = a.post(METRICS, json={"name": "Next", "eval_type": "binary"}).json()
        assert again["id"] > made["id"]  # ids never repeat across resets


def test_admin_endpoints_are_off_unless_enabled(lenient):
    with start_background() as plain, client(plain.url) as c:
        assert c.post("/_sandbox/reset").status_code == 404
        assert c.get("/_sandbox/state").status_code == 404
    with client(lenient.url) as c, client(lenient.url, OTHER) as other:
        c.delete(f"{METRICS}55/")
        other.delete(f"{METRICS}55/")
        reset = c.post("/_sandbox/reset")
        assert reset.status_code == 200 and reset.json() == {"reset_tenants": 1}
        assert c.get(f"{METRICS}55/").status_code == 200 and other.get(f"{METRICS}55/").status_code == 404
        state = c.get("/_sandbox/state").json()
        assert KEY not in json.dumps(state) and state["format"] == "cekura-sandbox-state"
        assert httpx.post(lenient.url + "/_sandbox/reset").status_code == 400  # whose? say it
        assert httpx.post(lenient.url + "/_sandbox/reset", json={"all": True}).json()["reset_tenants"] >= 2
        assert other.get(f"{METRICS}55/").status_code == 200
        assert c.put("/_sandbox/state", json=state).status_code == 200
        assert c.put("/_sandbox/state", json={"format": "nope"}).status_code == 400


def test_admin_needs_an_accepted_key_when_keys_are_restricted():
    with start_background(allowed_keys=[KEY], admin=True) as running:
        assert httpx.post(running.url + "/_sandbox/reset", headers={"X-CEKURA-API-KEY": OTHER}).status_code == 401
        assert httpx.post(running.url + "/_sandbox/reset", headers={"X-CEKURA-API-KEY": KEY}).status_code == 200


def test_save_and_load_round_trip(tmp_path):
    path = tmp_path / "state.json"
    with Sandbox(db=":memory:", job_seconds=0) as first:
        c = httpx.Client(transport=first.transport(), base_url="http://s", headers={"X-CEKURA-API-KEY": KEY})
        made = c.post(METRICS, json={"name": "Saved", "eval_type": "binary"}).json()
        c.patch(f"{SCENARIOS}40/", json={"is_resolved": True})
        job = c.post(f"{METRICS}generate_metrics/", json={"agent_id": 123, "num_metrics": 2}).json()
        first.save(path)
    assert KEY not in path.read_text()
    with Sandbox(db=tmp_path / "s.db", job_seconds=0, fixture=path) as second:
        c = httpx.Client(transport=second.transport(), base_url="http://s", headers={"X-CEKURA-API-KEY": KEY})
        assert c.get(f"{METRICS}{made['id']}/").json()["name"] == "Saved"
        assert c.get(f"{SCENARIOS}40/").json()["is_resolved"] is True
        progress = c.get(f"{METRICS}generate_metrics_progress/", params={"progress_id": job["progress_id"]})
        assert progress.json()["status"] == "completed"
        assert c.post(METRICS, json={"name": "After", "eval_type": "binary"}).json()["id"] > made["id"]
    with pytest.raises(ValueError):
        Sandbox(db=":memory:").load({"format": "something else"})


def test_cli_reset_save_load(tmp_path, monkeypatch):
    from cekura.cli import main

    db, saved = tmp_path / "s.db", tmp_path / "f.json"
    with Sandbox(db=db, job_seconds=0) as sandbox:
        c = httpx.Client(transport=sandbox.transport(), base_url="http://s", headers={"X-CEKURA-API-KEY": KEY})
        c.delete(f"{METRICS}55/")
    assert main(["sandbox", "save", str(saved), "--db", str(db)]) == 0
    assert main(["sandbox", "reset", "--db", str(db), "--key", KEY]) == 0
    with Sandbox(db=db) as sandbox:
        c = httpx.Client(transport=sandbox.transport(), base_url="http://s", headers={"X-CEKURA-API-KEY": KEY})
        assert c.get(f"{METRICS}55/").status_code == 200
    assert main(["sandbox", "load", str(saved), "--db", str(db)]) == 0
    with Sandbox(db=db) as sandbox:
        c = httpx.Client(transport=sandbox.transport(), base_url="http://s", headers={"X-CEKURA-API-KEY": KEY})
        assert c.get(f"{METRICS}55/").status_code == 404
    (tmp_path / "bad.json").write_text("{}")
    assert main(["sandbox", "load", str(tmp_path / "bad.json"), "--db", str(db)]) == 2


def test_pytest_plugin_starts_from_a_fixture_file(pytester_like):
    pytester_like.path.joinpath("state.json").write_text(pytester_like.state)
    pytester_like.makepyfile(test_it=textwrap.dedent('''
        import pytest

        @pytest.mark.cekura_sandbox_fixture("state.json")
        def test_marked(cekura_sandbox):
            status, _, body = cekura_sandbox.handle("GET", "/test_framework/v1/metrics/55/", "",
                                                    {"X-CEKURA-API-KEY": "faithful-key-1"}, b"", "http://s")
            assert status == 404  # deleted in the saved state

        def test_unmarked(cekura_sandbox):
            status, _, _ = cekura_sandbox.handle("GET", "/test_framework/v1/metrics/55/", "",
                                                 {"X-CEKURA-API-KEY": "faithful-key-1"}, b"", "http://s")
            assert status == 200
    '''))
    result = pytester_like.runpytest("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


@pytest.fixture
def pytester_like(pytester):
    with Sandbox(db=":memory:", job_seconds=0) as sandbox:
        c = httpx.Client(transport=sandbox.transport(), base_url="http://s", headers={"X-CEKURA-API-KEY": KEY})
        c.delete(f"{METRICS}55/")
        pytester.state = json.dumps(sandbox.state())
    return pytester


def test_fresh_sandbox_runs(tmp_path, monkeypatch, capsys):
    from cekura.cli import main

    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("CEKURA_API_KEY", "CEKURA_API_URL"):
        monkeypatch.delenv(name, raising=False)
    assert main(["--sandbox", "metrics", "delete", "55"]) == 0
    assert main(["--sandbox", "metrics", "get", "55"]) == 1  # gone: the embedded sandbox keeps its file
    assert main(["--sandbox", "--fresh", "metrics", "get", "55", "--format", "json"]) == 0
    capsys.readouterr()
    assert main(["--fresh", "metrics", "list"]) == 2
    assert "--fresh only applies to the offline sandbox" in capsys.readouterr().err
