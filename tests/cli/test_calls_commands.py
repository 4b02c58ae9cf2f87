"""The commands beyond the metrics page, against the file-backed sandbox; bad input exits 2 unsent."""

from __future__ import annotations

import pytest

from cekura.sandbox._evaluate import _local_runner

NOTE = "Releasing the slot counts as handled."


def ok(result):
    assert result.code == 0, result.err
    return result


# ----------------------------------------------------------------------------- calls
def test_calls_list_page_and_all(cli, tty):
    first = ok(cli("calls list --agent-id 123 --page-size 4 --format json"))
    assert [c["id"] for c in first.json] == [7788, 7789, 7790, 7791]  # JSON: the items, as with --all
    assert "next page: --page 2" in first.err
    every = ok(cli("calls list --agent-id 123 --page-size 4 --all --format json")).json
    assert [c["id"] for c in every] == [7788, 7789, 7790, 7791, 7792, 7793]
    table = ok(cli("calls list --agent-id 124"))
    assert table.out.split("\n")[0].split() == ["id", "timestamp", "agent", "duration", "status",
                                                "call_ended_reason", "topic"]
    filtered = ok(cli("calls", "list", "--filters", '{"field": "topic", "op": "contains", "value": "billing"}',
                      "--format", "json")).json
    assert [c["id"] for c in filtered] == [7794]
    assert [c["id"] for c in ok(cli("calls list --call-ids 7795 --format json")).json] == [7795]
    assert ok(cli("calls list --from 2020-01-01 --to 2020-01-10 --format json")).json == []


def test_calls_get_table_shows_scores_and_transcript(cli, tty):
    result = ok(cli("calls get 7788"))
    assert "metric scores of this call" in result.out and "Booking confirmed" in result.out
    assert "stand-in" in result.out
    if _local_runner() is None:  # no local runner (cekura.local): custom code is not evaluated
        assert "Not evaluated" in result.out
    assert "[00:00] Main Agent: Thank you for calling" in result.out
    detail = ok(cli("calls get 7788 --format json")).json
    assert detail["transcript_json"][1]["role"] == "Testing Agent"


def test_calls_evaluate_and_rerun(cli):
    created = ok(cli("metrics create --name 'Read back' --description 'read back date time' --agent-id 123 "
                     "--format json")).json
    answer = ok(cli(f"calls evaluate 7788,7789 --metric-ids {created['id']} --format json"))
    assert [c["id"] for c in answer.json] == [7788, 7789] and answer.err == ""
    scores = ok(cli("calls get 7788 --format json")).json["evaluation"]["metrics"]
    assert created["id"] in [m["id"] for m in scores]
    again = ok(cli("calls rerun-evaluation all --agent-id 123 --format json")).json
    assert len(again) == 6
    table = ok(cli("calls rerun-evaluation 7790"))
    assert "Scoring in the background" in table.err and "cekura calls get 7790" in table.err


def test_vote_then_test_set_then_reviews(cli):
    vote = ok(cli("calls", "mark-metric-vote", "7789", "--metric-id", "55", "--thumbs-down",
                  "--expected-value", "5", "--feedback", NOTE, "--format", "json")).json
    assert vote == {"detail": "Vote recorded."}
    entry = next(m for m in ok(cli("calls get 7789 --format json")).json["evaluation"]["metrics"] if m["id"] == 55)
    assert entry["vote"] == {"thumbs_up": False, "expected_value": 5, "feedback": NOTE}
    test_set = ok(cli("test-sets create-from-call-log --call-log-id 7789 --name 'Released slot' --format json")).json
    assert test_set["metric_reviews"][0]["expected_value"] == 5
    state = ok(cli("metric-reviews process-feedbacks --metric-id 55 --wait --poll-interval 0 --format json")).json
    assert NOTE in state["improved_metric_description"]


def test_runs_results_and_run_test_sets(cli):
    run = ok(cli("runs get 9001 --format json")).json
    assert run["result_id"] == 501
    assert ok(cli("runs mark-metric-vote 9001 --metric-id 55 --thumbs-up --format json")).json == {"success": True}
    result = ok(cli("results get 501 --format json")).json
    assert sorted(result["runs"]) == ["9001", "9002", "9003", "9004"]
    table = ok(cli("results get 501"))
    assert "Booking confirmed=5" in table.out
    assert ok(cli("results evaluate-metrics 501 --metric-ids 55 --run-ids 9001 --format json")).json["id"] == 501
    bulk = ok(cli("results bulk-evaluate-metrics --result-ids 501 --metric-ids 55"))
    assert "Scheduled 1 metric(s)" in bulk.out
    test_set = ok(cli("test-sets", "create-from-run", "--run-id", "9001", "--json",
                      '[{"metric": 55, "expected_value": 5, "feedback": "fine"}]', "--format", "json")).json
    assert test_set["source_model"] == "Run" and test_set["metric_reviews"][0]["feedback"] == "fine"


# ----------------------------------------------------------------------------- metrics
def test_preview_waits_and_saves_nothing(cli, files, tty):
    before = ok(cli("metrics list --agent-id 123 --format json")).json
    files("judge.json", '{"name": "Read back", "type": "llm_judge", "eval_type": "boolean", '
                         '"description": "read back the date and time"}')
    verdicts = ok(cli("metrics preview --from-file judge.json --call-log-ids 7788,7789 --agent-id 123 "
                      "--wait --poll-interval 0 --format json")).json
    assert verdicts["status"] == "completed" and [v["call_log_id"] for v in verdicts["results"]] == [7788, 7789]
    started = ok(cli("metrics preview --prompt 'greets the caller' --run-ids 9001 --agent-id 123"))
    assert "cekura metrics preview-progress --progress-id" in started.err
    job_id = started.out.split("progress_id")[1].split()[0]
    table = ok(cli(f"metrics preview-progress --progress-id {job_id}"))
    assert "verdicts (nothing was saved)" in table.out
    assert ok(cli("metrics list --agent-id 123 --format json")).json == before


def test_history_and_restore(cli, tty):
    ok(cli("metrics update 55 --description 'Second wording'"))
    versions = ok(cli("metrics history 55 --all --format json")).json
    assert [v["history_type"] for v in versions] == ["~", "+"]
    restored = ok(cli(f"metrics restore 55 --history-id {versions[-1]['history_id']} --format json")).json
    assert restored["description"] == versions[-1]["description"]
    assert "history_type" in ok(cli("metrics history 55")).out


def test_predefined_copy(cli):
    copied = ok(cli("predefined-metrics copy --ids 2 --codes sentiment --agent-id 124 --format json")).json
    assert sorted(m["name"] for m in copied) == ["Hallucination", "Sentiment"]


# ----------------------------------------------------------------------------- bad input
BAD = [
    ("calls get ../7788", "CALL_LOG_ID"),
    ("calls get 0", "CALL_LOG_ID"),
    ("calls list --from yesterday", "--from"),
    ("calls list --filters [1]", "--filters"),
    ("calls list --page 2 --all", "--all"),
    ("calls evaluate 7788", "--metric-ids"),
    ("calls evaluate 7788,x --metric-ids 55", "CALL_LOG_ID"),
    ("calls evaluate 7788 --metric-ids 55 --agent-id 1 --project-id 1", "--project-id"),
    ("calls rerun-evaluation some", "CALL_LOG_IDS|all"),
    ("calls rerun-evaluation all", "agent_id"),
    ("calls rerun-evaluation all --metric-ids 55 --agent-id 123", "--metric-ids needs call log ids"),
    ("calls mark-metric-vote 7788 --thumbs-up", "--metric-id"),
    ("calls mark-metric-vote 7788 --metric-id 55", "a vote needs"),
    ("calls mark-metric-vote 7788 --metric-id 55 --thumbs-up --thumbs-down", "--thumbs-down"),
    ("runs get abc", "RUN_ID"),
    ("runs mark-metric-vote 9001 --metric-id 0 --thumbs-up", "--metric-id"),
    ("results evaluate-metrics 501", "--metric-ids"),
    ("results bulk-evaluate-metrics --result-ids 501", "--metric-ids"),
    ("results bulk-evaluate-metrics --result-ids " + ",".join(map(str, range(1, 102))) + " --metric-ids 55",
     "at most 100"),
    ("test-sets create-from-call-log --name x", "--call-log-id"),
    ("test-sets create-from-call-log --call-log-id 7788 --json {}", "expected a JSON array"),
    ("test-sets create-from-run --run-id 9001 --metric-ids 55 --json []", "--json"),
    ("metrics preview --name x", "--call-log-ids"),
    ("metrics preview --name x --call-log-ids 1,2,3,4,5,6,7,8,9,10,11 --agent-id 123", "at most 10"),
    ("metrics preview --name x --call-log-ids 1 --run-ids 2", "--run-ids"),
    ("metrics preview --name x --eval-type sometimes --call-log-ids 1 --agent-id 123", "sometimes"),
    ("metrics preview --name x --call-log-ids 1", "agent_id or project_id"),
    ("metrics preview-progress --progress-id ../x", "--progress-id"),
    ("metrics history x", "METRIC_ID"),
    ("metrics restore 55", "--history-id"),
    ("predefined-metrics copy --project-id 1", "--ids"),
    ("predefined-metrics copy --ids 2 --agent-id 1 --project-id 1", "--project-id"),
]


@pytest.mark.parametrize(("line", "says"), BAD, ids=[b[0][:60] for b in BAD])
def test_bad_input_exits_2_and_sends_nothing(cli, requests_sent, line, says):
    result = cli(line)
    assert result.code == 2, (result.out, result.err)
    assert result.err.startswith("error: ") and says in result.err
    assert len(result.err.strip().splitlines()) <= 2
    assert requests_sent == []
