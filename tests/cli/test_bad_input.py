"""Bad input: exit 2, a message naming the flag or file, and no request sent."""

from __future__ import annotations

import pytest

from .test_seed_page import METRIC_JSON

FILES = {
    "empty.json": "",
    "blank.json": "  \n\t\n",
    "latin1.json": b'{"name": "caf\xe9"}',
    "bad.json": '{"name": "x",}',
    "array.json": "[1, 2]",
    "string.json": '"metric"',
    "object.json": '{"name": "no metrics key"}',
    "emptylist.json": "[]",
    "metric.json": METRIC_JSON,
}

CASES = [
    # ids
    (["metrics", "get", "../55"], "METRIC_ID"),
    (["metrics", "get", "55/.."], "METRIC_ID"),
    (["metrics", "get", "0"], "METRIC_ID"),
    (["metrics", "get", "-5"], "METRIC_ID"),
    (["metrics", "get", "abc"], "METRIC_ID"),
    (["metrics", "get"], "METRIC_ID or --slug"),
    (["metrics", "get", "55", "--slug", "booking_confirmed_55"], "METRIC_ID or --slug"),
    (["metrics", "get", "--slug", "../etc"], "--slug"),
    (["metrics", "delete", "1.5"], "METRIC_ID"),
    (["metrics", "update", "x", "--prompt", "p"], "METRIC_ID"),
    (["metrics", "list", "--agent-id", "abc"], "--agent-id"),
    (["metrics", "list", "--project-id", "0"], "--project-id"),
    (["metrics", "create", "--from-file", "metric.json", "--agent-id", "12,,3"], "--agent-id"),
    (["predefined-metrics", "get", "-1"], "ID"),
    (["critical-metric-scenarios", "get", "4/2"], "ID"),
    (["metrics", "bulk-manage-agents", "--metric-ids", "55,abc", "--agents-to-add", "1"], "--metric-ids"),
    (["metrics", "generate-progress", "--progress-id", "../etc/passwd"], "--progress-id"),
    (["metric-reviews", "progress", "--job-id", "a b"], "--job-id"),
    # files and bodies
    (["metrics", "create", "--from-file", "missing.json"], "missing.json"),
    (["metrics", "create", "--from-file", "empty.json"], "empty.json: is empty"),
    (["metrics", "create", "--from-file", "blank.json"], "blank.json: is empty"),
    (["metrics", "create", "--from-file", "latin1.json"], "latin1.json: not UTF-8"),
    (["metrics", "create", "--from-file", "bad.json"], "bad.json: invalid JSON"),
    (["metrics", "create", "--from-file", "array.json"], "array.json: expected a JSON object"),
    (["metrics", "update", "55", "--from-file", "string.json"], "string.json: expected a JSON object"),
    (["metrics", "create", "--from-file", "."], "--from-file .: is a directory"),
    (["metrics", "create", "--json", "{"], "--json: invalid JSON"),
    (["metrics", "create", "--json", ""], "--json: is empty"),
    (["metrics", "create", "--from-file", "metric.json", "--json", "{}"], "--json"),
    (["metrics", "create", "--from-file", "metric.json", "--code-file", "nope.py"], "--code-file nope.py"),
    (["metrics", "create"], "nothing to create"),
    (["metrics", "update", "55"], "nothing to update"),
    (["metrics", "create", "--from-file", "-"], "--from-file (stdin): is empty"),
    (["metrics", "bulk-create", "--from-file", "object.json"], '"metrics"'),
    (["metrics", "bulk-create", "--from-file", "emptylist.json"], "empty"),
    (["metrics", "bulk-create", "--json", "[1, 2]"], "item 0"),
    (["metrics", "bulk-create"], "--from-file"),
    (["critical-metric-scenarios", "update", "42", "--json", "[true]"], "--json: expected a JSON object"),
    (["critical-metric-scenarios", "update", "42"], "nothing to update"),
    # values the SDK refuses before sending (its vocabulary, not the CLI's)
    (["metrics", "create", "--from-file", "metric.json", "--eval-type", "maybe"], "eval_type"),
    (["critical-metric-scenarios", "update", "42", "--priority", "urgent"], "priority"),
    # flags
    (["metrics", "bulk-manage-agents", "--metric-ids", "55,56"], "--agents-to-add"),
    (["metrics", "bulk-manage-agents", "--agents-to-add", "1"], "--metric-ids"),
    (["metrics", "bulk-toggle-settings", "--metric-ids", "55"], "--is-active"),
    (["metrics", "bulk-toggle-settings", "--metric-ids", "55", "--is-active", "maybe"], "--is-active"),
    (["metrics", "generate", "--agent-id", "123", "--count", "0"], "--count"),
    (["metrics", "generate", "--agent-id", "123", "--count", "101"], "--count"),
    (["metrics", "generate", "--agent-id", "123", "--num-metrics", "ten"], "--count"),
    (["metrics", "generate", "--count", "5"], "--agent-id"),
    (["metrics", "generate", "--agent-id", "123", "--wait", "--poll-interval", "-1"], "--poll-interval"),
    (["metrics", "generate", "--agent-id", "123", "--wait", "--timeout", "0"], "--timeout"),
    (["metrics", "generate-progress"], "--progress-id"),
    (["critical-metric-scenarios", "list", "--page", "0"], "--page"),
    (["critical-metric-scenarios", "list", "--page", "2", "--all"], "--all"),
    (["critical-metric-scenarios", "list", "--page-size", "5000"], "--page-size"),
    (["critical-metric-scenarios", "update", "42", "--is-resolved", "perhaps"], "--is-resolved"),
    (["metric-reviews", "process-feedbacks"], "--metric-id"),
    (
        ["metric-reviews", "process-feedbacks", "--metric-id", "55", "--skip-evaluation", "2"],
        "--skip-evaluation",
    ),
    (["metrics", "create", "--from-file", "metric.json", "--enum-values", "a,,b"], "--enum-values"),
    # commands and global flags
    (["metrics", "lst"], "did you mean `list`"),
    (["metricz", "list"], "did you mean `metrics`"),
    (["metrics", "list", "--agent", "1"], "--agent"),
    (["--format", "xml", "metrics", "list"], "--format"),
    (["metrics", "list", "--format", "xml"], "--format"),
    (["--timeout", "0", "metrics", "list"], "--timeout"),
    (["--timeout", "soon", "metrics", "list"], "--timeout"),
    (["--max-retries", "-1", "metrics", "list"], "--max-retries"),
    (["--api-url", "ftp://example.com", "metrics", "list"], "--api-url"),
    (["--sandbox", "--api-url", "https://api.cekura.ai", "metrics", "list"], "--sandbox"),
    (["--project-id", "abc", "metrics", "list"], "--project-id"),
    (["config", "set", "default_project_id", "abc"], "default_project_id"),
    (["config", "set", "default_organization_id", "-3"], "default_organization_id"),
    (["config", "set", "api_url", "ftp://x"], "api_url"),
    (["config", "set", "api_key", "two words"], "API key"),
    (["config", "set", "colour", "red"], "KEY"),
    (["config", "unset", "colour"], "KEY"),
    (["completion", "nushell"], "SHELL"),
    (["sandbox", "serve", "--port", "70000"], "--port"),
]


@pytest.fixture
def bad_files(files):
    for name, content in FILES.items():
        files(name, content)


@pytest.mark.parametrize(("argv", "fragment"), CASES, ids=[" ".join(c[0])[:60] for c in CASES])
def test_bad_input_exits_2_before_sending(argv, fragment, run, sandbox_url, bad_files, requests_sent):
    result = run(*argv, stdin="" if "-" in argv else None)
    assert result.code == 2, result.err
    assert fragment in result.err
    lines = result.err.strip().splitlines()
    assert lines[0].startswith("error: ") and 1 <= len(lines) <= 2, result.err
    assert len(lines) == 1 or lines[1].startswith("hint: ")
    assert "Traceback" not in result.err
    assert result.out == ""
    assert requests_sent == []


def test_no_key_is_a_usage_error_saying_how_to_set_one(run, requests_sent):
    result = run("metrics", "list", "--agent-id", "123")
    assert result.code == 2
    assert "error: no API key found" in result.err
    assert "cekura auth login" in result.err and "CEKURA_API_KEY" in result.err and "--sandbox" in result.err
    assert requests_sent == []


def test_api_refusal_exits_1(cli):
    result = cli("metrics", "get", "987654")
    assert result.code == 1
    assert result.err.startswith("error: ") and "404" in result.err
    assert "hint: " in result.err


def test_server_side_validation_exits_1(cli):
    result = cli(
        "metrics", "bulk-manage-agents", "--metric-ids", "55", "--agents-to-add", "99999", "--project-id", "1"
    )
    assert result.code in (0, 1)  # the sandbox may accept unknown agents; it must never crash
    assert "Traceback" not in result.err


def test_unexpected_errors_are_one_line_unless_debug(cli, monkeypatch):
    from cekura.cli import _cmd_metrics

    def boom(rt):
        raise RuntimeError("kaput")

    monkeypatch.setattr(_cmd_metrics, "metrics_get", boom)
    result = cli("metrics", "get", "55")
    assert (
        result.code == 1 and "unexpected RuntimeError: kaput" in result.err and "Traceback" not in result.err
    )
    result = cli("metrics", "get", "55", "--debug")
    assert result.code == 1 and "Traceback" in result.err


@pytest.mark.parametrize(
    ("argv", "suggestion"),
    [
        (["metrics", "list", "--agent", "123"], "--agent-id"),
        (["metrics", "list", "--agentid=123"], "--agent-id"),
        (["metrics", "generate", "--agent-id", "1", "--wait", "--wait-timout", "5"], "--wait-timeout"),
        (["--sandbx", "metrics", "get", "55"], "--sandbox"),
        (["predefined-metrics", "list", "--fromat", "json"], "--format"),
    ],
)
def test_a_mistyped_flag_gets_a_did_you_mean(run, requests_sent, argv, suggestion):
    result = run(*argv)
    assert result.code == 2 and requests_sent == []
    assert f"did you mean `{suggestion}`?" in result.err
