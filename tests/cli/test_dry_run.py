"""--dry-run: print the exact write (method, URL, headers without the key, body), send no write, exit 0."""

from __future__ import annotations

import pytest

from tests.support.faultserver import FaultServer

from .test_seed_page import METRIC_JSON

KEY = "ck_test_0123456789abcdef"


@pytest.fixture
def server():
    with FaultServer() as srv:
        yield srv


@pytest.mark.parametrize(
    ("argv", "method", "path"),
    [
        (["metrics", "create", "--from-file", "metric.json"], "POST", "/test_framework/v1/metrics/"),
        (["metrics", "update", "55", "--prompt", "Refined"], "PATCH", "/test_framework/v1/metrics/55/"),
        (["metrics", "delete", "55"], "DELETE", "/test_framework/v1/metrics/55/"),
        (["metrics", "generate", "--agent-id", "123", "--count", "2", "--wait"], "POST", None),
        (["critical-metric-scenarios", "update", "42", "--is-resolved", "true"], "PATCH", None),
    ],
)
def test_dry_run_sends_nothing(run, server, files, argv, method, path):
    files("metric.json", METRIC_JSON)
    result = run("--api-url", server.url, "--api-key", KEY, *argv, "--dry-run")
    assert result.code == 0, result.err
    # no write reached the server; a read the write is built from may (and is told on stderr)
    assert all(method == "GET" for method, _path, _body in server.received)
    assert result.err.count("dry run: sending GET") == len(server.received)
    first = result.out.splitlines()[0]
    assert first.startswith(f"{method} {server.url}/test_framework/v1/")
    if path:
        assert first == f"{method} {server.url}{path}"
    assert KEY not in result.out + result.err
    assert "X-CEKURA-API-KEY: (hidden)" in result.out
    assert "dry run: the write above was not sent" in result.err


def test_dry_run_prints_the_body_and_json_mode_is_data(run, server, files):
    files("metric.json", METRIC_JSON)
    result = run("--api-url", server.url, "--api-key", KEY, "metrics", "create", "--from-file", "metric.json",
                 "--dry-run", "--format", "json")
    assert result.code == 0 and server.received == []
    request = result.json
    assert request["method"] == "POST" and request["url"] == f"{server.url}/test_framework/v1/metrics/"
    assert request["body"]["name"] == "Booking confirmed" and request["body"]["eval_type"] == "binary"
    assert request["headers"]["X-CEKURA-API-KEY"] == "(hidden)"


def test_dry_run_in_the_sandbox_changes_nothing(cli):
    assert cli("metrics delete 55 --dry-run").code == 0
    assert cli("metrics get 55 --format json").json["id"] == 55


def test_local_commands_have_no_dry_run(run, isolated_home):
    result = run("config", "set", "default_project_id", "3", "--dry-run")
    assert result.code == 2 and not (isolated_home / ".cekura" / "config.toml").exists()
    result = run("--dry-run", "config", "set", "default_project_id", "3")
    assert result.code == 2 and not (isolated_home / ".cekura" / "config.toml").exists()
