"""Errors name the host; a 404 that is not the API's JSON means a wrong URL; hints keep the global flags."""

from __future__ import annotations

import pytest

from tests.support.faultserver import FaultServer

KEY = "ck_test_0123456789abcdef"


@pytest.fixture
def server():
    with FaultServer() as srv:
        yield srv


def test_a_html_404_says_the_url_is_probably_wrong(run, server):
    server.plan(("status", 404, "<html><body><h1>Not Found</h1></body></html>"))
    result = run("--api-url", server.url, "--api-key", KEY, "metrics", "list", "--agent-id", "123")
    assert result.code == 1
    assert f"127.0.0.1:{server.port}" in result.err
    assert "probably wrong" in result.err
    assert "cekura metrics list" not in result.err  # not the command that just failed
    assert KEY not in result.err


def test_a_json_404_names_the_host_and_keeps_the_url_flag_in_the_hint(run, server):
    server.plan(("status", 404, {"detail": "Not found."}))
    result = run("--api-url", server.url, "--api-key", KEY, "critical-metric-scenarios", "get", "42")
    assert result.code == 1
    error, hint = result.err.splitlines()
    assert f"127.0.0.1:{server.port}" in error and "Not found." in error
    assert hint.startswith("hint: ") and "cekura critical-metric-scenarios list" in hint
    assert f"--api-url {server.url}" in hint and KEY not in hint


def test_sandbox_hints_keep_sandbox(run, job_seconds, tmp_path):
    result = run("--sandbox", "--api-url", f"sandbox://{tmp_path}/x.db", "metrics", "get", "999999")
    assert result.code == 1
    hint = result.err.splitlines()[-1]
    assert "cekura metrics list" in hint and "--sandbox" in hint


def test_auth_hint_keeps_the_url(run):
    from cekura.sandbox import start_background

    with start_background(allowed_keys=[KEY]) as running:
        result = run("--api-url", running.url, "--api-key", "ck_wrong_99999999999", "metrics", "get", "55")
    assert result.code == 1
    assert f"cekura auth status --api-url {running.url}" in result.err


def test_a_html_page_with_200_also_says_the_url_is_probably_wrong(run, server):
    server.plan(("status", 200, "<html><body>Welcome to our website</body></html>"))
    result = run("--api-url", server.url, "--api-key", KEY, "--max-retries", "0", "metrics", "get", "55")
    assert result.code == 1
    assert "probably wrong" in result.err and f"127.0.0.1:{server.port}" in result.err
