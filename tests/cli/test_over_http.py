"""The CLI against a sandbox served on a loopback port: a real key, real HTTP, real 401s."""

from __future__ import annotations

import pytest

KEY = "ck_test_0123456789abcdef"


@pytest.fixture
def served():
    from cekura.sandbox import start_background

    running = start_background(allowed_keys=[KEY])
    try:
        yield running.url
    finally:
        running.stop()


def test_key_from_login_is_used(run, served, isolated_home):
    assert run("auth", "login", "--api-key", KEY).code == 0
    assert run("config", "set", "api_url", served).code == 0
    result = run("metrics", "get", "55", "--format", "json")
    assert result.code == 0, result.err
    assert result.json["id"] == 55


def test_wrong_key_exits_1_and_the_key_never_shows(run, served, monkeypatch):
    monkeypatch.setenv("CEKURA_API_URL", served)
    result = run("--api-key", "ck_wrong_9999999999999", "metrics", "list", "--agent-id", "123", "--debug")
    assert result.code == 1
    assert "401" in result.err and "cekura auth status" in result.err
    assert "ck_wrong_9999999999999" not in result.err + result.out


def test_create_then_get_over_http(run, served, monkeypatch, files):
    from .test_seed_page import METRIC_JSON

    files("metric.json", METRIC_JSON)
    monkeypatch.setenv("CEKURA_API_URL", served)
    monkeypatch.setenv("CEKURA_API_KEY", KEY)
    created = run("metrics", "create", "--from-file", "metric.json", "--format", "json").json
    assert created["eval_type"] == "binary"
    assert run("metrics", "get", str(created["id"]), "--format", "json").json["name"] == "Booking confirmed"
    job = run("metrics generate --agent-id 123 --count 2 --wait --poll-interval 0 --format json")
    assert job.code == 0 and job.json["status"] == "completed"


def test_retries_are_told_on_stderr(run):
    from tests.support.faultserver import FaultServer

    with FaultServer() as server:
        server.plan(("stall", 1.0), ("stall", 1.0))
        result = run(
            "--api-url", server.url, "--api-key", KEY, "--timeout", "0.2", "--max-retries", "1",
            "metrics", "get", "55",
        )
    assert result.code == 1
    host = f"127.0.0.1:{server.port}"
    assert f"no answer from {host} after 0.2 s; retrying (2/2)" in result.err
    assert result.err.count("retrying") == 1
