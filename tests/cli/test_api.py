"""`cekura api METHOD PATH`: any endpoint with the configured key, URL and retries; JSON out."""

from __future__ import annotations

import json

import pytest

from tests.support.faultserver import FaultServer

KEY = "ck_test_0123456789abcdef"
METRICS = "/test_framework/v1/metrics/"


@pytest.fixture
def served(monkeypatch):
    from cekura.sandbox import start_background

    with start_background(allowed_keys=[KEY]) as running:
        monkeypatch.setenv("CEKURA_API_URL", running.url)
        monkeypatch.setenv("CEKURA_API_KEY", KEY)
        yield running.url


def test_get_with_the_configured_key_and_url(run, served):
    result = run("api", "GET", f"{METRICS}55/")
    assert result.code == 0, result.err
    assert result.json["id"] == 55  # JSON even though stdout is not a terminal


def test_fields_are_the_query_of_a_get_and_the_body_of_a_post(run, served):
    listed = run("api", "GET", METRICS.lstrip("/"), "-f", "agent_id=123", "--query", "[].id")
    assert listed.code == 0 and 55 in listed.json
    created = run(
        "api", "POST", METRICS, "-f", "name=Made by api", "-f", "type=llm_judge", "-f", "eval_type=binary",
        "-f", "prompt=Did it?", "-F", "agents=[123]",
    )
    assert created.code == 0, created.err
    assert created.json["agents"] == [123]
    assert run("api", "GET", f"{served}{METRICS}{created.json['id']}/").json["name"] == "Made by api"


def test_input_file_is_the_body(run, served, files):
    files("patch.json", json.dumps({"description": "checks the read-back"}))
    result = run("api", "PATCH", f"{METRICS}55/", "--input", "patch.json")
    assert result.code == 0, result.err
    assert result.json["description"] == "checks the read-back"


def test_paginate_walks_next_into_one_array(run, served):
    one = run("api", "GET", "/test_framework/v1/critical-metric-scenarios/", "-F", "page_size=5").json
    assert one["next"]  # an answer of several pages
    every = run("api", "GET", "/test_framework/v1/critical-metric-scenarios/", "-F", "page_size=5", "--paginate")
    assert every.code == 0, every.err
    ids = [s["id"] for s in every.json]
    assert len(ids) == one["count"] == len(set(ids)) > 5


def test_sandbox_flag_and_yaml(run, job_seconds, tmp_path):
    result = run("--sandbox", "--api-url", f"sandbox://{tmp_path}/a.db", "api", "GET", f"{METRICS}55/",
                 "--format", "yaml")
    assert result.code == 0 and "id: 55" in result.out


def test_api_errors_exit_1(run, served):
    result = run("api", "GET", f"{METRICS}999999/")
    assert result.code == 1 and "404" in result.err


def test_a_post_is_not_retried_a_get_is(run, monkeypatch):
    with FaultServer() as server:
        monkeypatch.setenv("CEKURA_API_URL", server.url)
        monkeypatch.setenv("CEKURA_API_KEY", KEY)
        server.plan(("status", 503))
        assert run("api", "POST", METRICS, "-f", "name=x").code == 1
        assert [m for m, _p, _b in server.received] == ["POST"]
        server.plan(("status", 503))
        assert run("api", "GET", METRICS, "--max-retries", "1").code == 0
        assert [m for m, _p, _b in server.received] == ["POST", "GET", "GET"]


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["api", "FETCH", METRICS], "METHOD"),
        (["api", "GET", METRICS, "-f", "novalue"], "KEY=VALUE"),
        (["api", "GET", "https://elsewhere.example/x/"], "not under the API URL"),
        (["api", "GET", "/a/../b/"], ".."),
        (["api", "POST", METRICS, "--input", "bad.json"], "invalid JSON"),
        (["api", "POST", METRICS, "--paginate"], "--paginate"),
    ],
)
def test_bad_input_is_refused_before_sending(run, argv, fragment, files, monkeypatch):
    files("bad.json", "{not json")
    with FaultServer() as server:
        monkeypatch.setenv("CEKURA_API_URL", server.url)
        monkeypatch.setenv("CEKURA_API_KEY", KEY)
        result = run(*argv)
        assert result.code == 2, result.err
        assert fragment in result.err and server.received == []
