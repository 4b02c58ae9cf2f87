"""--wait: polling to the end, the progress line (TTY only), Ctrl-C, timeouts and failed jobs."""

from __future__ import annotations

import io
import re
import sys

import pytest

from cekura.cli import _wait

UUID = r"[0-9a-f-]{36}"


class TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_generate_wait_prints_the_final_state(cli):
    result = cli("metrics generate --agent-id 123 --count 3 --wait --poll-interval 0 --format json")
    assert result.code == 0, result.err
    state = result.json
    assert state["status"] == "completed"
    assert len(state["metrics"]) == 3 and all(
        {"name", "type", "eval_type"} <= set(m) for m in state["metrics"]
    )
    assert result.err == ""  # stderr is not a terminal: no progress line


def test_generate_wait_table_shows_the_proposed_metrics(cli, tty):
    result = cli("metrics", "generate", "--agent-id", "123", "--count", "2", "--wait", "--poll-interval", "0")
    assert result.code == 0, result.err
    assert "completed" in result.out and "proposed metrics" in result.out


def test_generated_metrics_pipe_into_bulk_create(cli, files):
    state = cli("metrics generate --agent-id 123 --count 2 --wait --poll-interval 0 --format json")
    files("generated.json", state.out)
    result = cli("metrics", "bulk-create", "--from-file", "generated.json", "--format", "json")
    assert result.code == 0, result.err
    assert [m["name"] for m in result.json] == [m["name"] for m in state.json["metrics"]]


def test_process_feedbacks_wait(cli):
    result = cli("metric-reviews process-feedbacks --metric-id 55 --wait --poll-interval 0 --format json")
    assert result.code == 0, result.err
    assert result.json["status"] == "completed"


def test_progress_commands_can_wait_too(cli):
    job = cli("metrics generate --agent-id 123 --count 2 --format json").json
    result = cli(
        f"metrics generate-progress --progress-id {job['progress_id']} --wait --poll-interval 0 --format json"
    )
    assert result.code == 0 and result.json["status"] == "completed"
    job = cli("metric-reviews process-feedbacks --metric-id 55 --format json").json
    result = cli(f"metric-reviews progress --job-id {job['job_id']} --wait --poll-interval 0 --format json")
    assert result.code == 0 and result.json["status"] == "completed"


@pytest.mark.parametrize(
    ("argv", "resume"),
    [
        (
            ("metrics", "generate", "--agent-id", "123", "--count", "10"),
            "cekura metrics generate-progress --progress-id ",
        ),
        (
            ("metric-reviews", "process-feedbacks", "--metric-id", "55"),
            "cekura metric-reviews progress --job-id ",
        ),
    ],
)
def test_ctrl_c_while_waiting_stops_cleanly(cli, monkeypatch, argv, resume):
    def interrupted(self, state):
        raise KeyboardInterrupt

    monkeypatch.setattr(_wait.ProgressLine, "update", interrupted)
    result = cli(*argv, "--wait")
    assert result.code == 130
    assert re.search(rf"^Stopped waiting\. Resume with: {re.escape(resume)}{UUID}$", result.err, re.M), (
        result.err
    )
    assert "Traceback" not in result.err and result.out == ""
    job_id = re.search(UUID, result.err).group(0)
    follow = resume.split()[1:] + [job_id, "--format", "json"]
    assert cli(*follow).json["progress_id"] == job_id  # the resume command works


def test_resume_hint_carries_the_connection_flags_but_never_the_key(run, monkeypatch, job_seconds):
    monkeypatch.setattr(
        _wait.ProgressLine, "update", lambda self, state: (_ for _ in ()).throw(KeyboardInterrupt)
    )
    result = run(
        "--sandbox", "--api-key", "ck_secret_0123456789", "metrics", "generate", "--agent-id", "123", "--wait"
    )
    assert result.code == 130
    assert "--sandbox" in result.err and "ck_secret" not in result.err


def test_progress_line_is_drawn_only_on_a_terminal(cli, monkeypatch, job_seconds):
    job_seconds["value"] = 0.3
    tty = TTY()
    monkeypatch.setattr(sys, "stderr", tty)
    result = cli("metrics generate --agent-id 123 --count 2 --wait --poll-interval 0.02 --format json")
    assert result.code == 0
    drawn = tty.getvalue()
    assert "\r" in drawn and "%" in drawn and "generating" in drawn
    assert drawn.endswith("\r\x1b[2K")  # the line is cleared before the result is printed
    assert result.json["status"] == "completed"


def test_progress_line_unit():
    quiet, live = io.StringIO(), TTY()
    for stream in (quiet, live):
        line = _wait.ProgressLine(stream, "generating")
        line.update({"status": "in_progress", "progress": 40})
        line.clear()
    assert quiet.getvalue() == ""
    assert "[########............]  40% in_progress" in live.getvalue()


def test_wait_timeout_exits_1_with_the_resume_hint(cli, job_seconds):
    job_seconds["value"] = 3600
    result = cli(
        "metrics", "generate", "--agent-id", "123", "--wait", "--timeout", "0.05", "--poll-interval", "0.01"
    )
    assert result.code == 1
    assert "error: " in result.err and "hint: " in result.err
    assert "cekura metrics generate-progress --progress-id" in result.err


def test_failed_job_exits_1(cli, sandbox_url, tmp_path):
    from cekura._config import SANDBOX_KEY
    from cekura.sandbox import Sandbox

    sandbox = Sandbox(db=str(tmp_path / "sb.db"))
    sandbox.register_agent(SANDBOX_KEY, 777, "A voice agent that is made to fail: " + "x" * 100)
    sandbox.close()
    result = cli("metrics", "generate", "--agent-id", "777", "--count", "2", "--wait", "--poll-interval", "0")
    assert result.code == 1, result.err
    assert result.err.startswith("error: ") and "failed" in result.err
    assert "generate-progress --progress-id" in result.err


def test_wait_lasts_its_whole_timeout(cli, job_seconds):
    # The job completes at 0.4 s; polls every 2 s; timeout 1 s: the last poll at 1 s sees it done.
    job_seconds["value"] = 0.4
    result = cli("metrics generate --agent-id 123 --count 2 --wait --timeout 1 --poll-interval 2 --format json")
    assert result.code == 0, result.err
    assert result.json["status"] == "completed"


def test_wait_timeout_and_http_timeout_have_distinct_names(cli, job_seconds, monkeypatch):
    from cekura import _client

    seen = {}
    original = _client.Cekura.__init__

    def spy(self, **kwargs):
        seen.update(kwargs)
        original(self, **kwargs)

    monkeypatch.setattr(_client.Cekura, "__init__", spy)
    job_seconds["value"] = 3600
    result = cli(
        "--http-timeout 7 metrics generate --agent-id 123 --wait --wait-timeout 0.05 --poll-interval 0.01"
    )
    assert result.code == 1 and "after 0.05s" in result.err and "note:" not in result.err
    assert seen["timeout"] == 7.0
    result = cli("metrics generate --agent-id 123 --wait --http-timeout 8 --wait-timeout 0.05 --poll-interval 0")
    assert result.code == 1 and seen["timeout"] == 8.0


def test_old_timeout_spellings_keep_working_with_a_note(cli, job_seconds, monkeypatch):
    job_seconds["value"] = 3600
    result = cli("metrics generate --agent-id 123 --wait --timeout 0.05 --poll-interval 0.01")
    assert result.code == 1 and "after 0.05s" in result.err
    assert "note: after --wait, --timeout is now spelled --wait-timeout" in result.err
    result = cli("metrics get 55 --timeout 5 --format json")
    assert result.code == 0 and result.json["id"] == 55
    assert "note: --timeout is now spelled --http-timeout" in result.err
