"""The sandbox's calls, runs, results, votes, test sets, previews and metric versions.

Every response is checked against the spec by the `api` fixture (in process and served).
"""

from __future__ import annotations

import pytest

from cekura.sandbox._evaluate import _local_runner

from .conftest import (
    CALL_LOGS,
    FEEDBACK,
    FEEDBACK_PROGRESS,
    KEY_B,
    METRICS,
    PREVIEW,
    RESULTS,
    RUNS,
    TEST_SETS,
)

RUNNER = _local_runner() is not None  # the local metric runner (cekura.local), when installed
JUDGE = {"name": "Read back", "type": "llm_judge", "eval_type": "binary",
         "description": "The agent read back the booked date and time to the caller."}


def test_demo_calls_have_the_platform_payload_shape(client):
    page = client.get(CALL_LOGS, params={"agent_id": 123}).json()
    assert page["count"] == 6 and [c["id"] for c in page["results"]][:2] == [7788, 7789]
    call = client.get(f"{CALL_LOGS}7788/").json()
    assert call["transcript"].startswith("[00:00] Main Agent: ")
    roles = {t["role"] for t in call["transcript_json"]}
    assert roles == {"Main Agent", "Testing Agent"}
    first = call["transcript_json"][0]
    assert first["time"] == "00:00" and first["start_time"] < first["end_time"]
    assert call["duration"] == "00:40" and call["call_ended_reason"] == "customer-ended-call"
    assert call["metadata"]["call_type"] == "inbound" and call["dynamic_variables"]["customer_name"]
    scores = {m["id"]: m for m in call["evaluation"]["metrics"]}
    assert scores[55]["score"] == 5 and "stand-in" in scores[55]["explanation"][0]
    # custom code runs through the local runner, or is plainly not evaluated: never a made-up score
    if RUNNER:
        assert scores[56]["score"] == 5  # the call lasted 40 s: under three minutes
    else:
        assert scores[56]["score"] is None and scores[56]["explanation"][0].startswith("Not evaluated")


def test_list_filters_window_and_pages(client):
    assert client.get(CALL_LOGS, params={"agent_id": 124}).json()["count"] == 2
    assert [c["id"] for c in client.get(CALL_LOGS, params={"call_ids": "7790,7788"}).json()["results"]] == [7788, 7790]
    page = client.get(CALL_LOGS, params={"agent_id": 123, "page_size": 4}).json()
    assert len(page["results"]) == 4 and "page=2" in page["next"]
    tree = '{"field": "call_ended_reason", "op": "eq", "value": "customer-hung-up"}'
    assert [c["id"] for c in client.get(CALL_LOGS, params={"filters_v2": tree}).json()["results"]] == [7791]
    old = client.get(CALL_LOGS, params={"timestamp_from": "2020-01-01T00:00:00Z",
                                        "timestamp_to": "2020-01-20T00:00:00Z"}).json()
    assert old["count"] == 0
    too_wide = client.get(CALL_LOGS, params={"timestamp_from": "2020-01-01T00:00:00Z",
                                             "timestamp_to": "2020-03-01T00:00:00Z"})
    assert too_wide.status_code == 400 and "timestamp_from" in too_wide.json()
    assert client.get(CALL_LOGS, params={"filters_v2": "[1"}).status_code == 400
    assert client.get(f"{CALL_LOGS}1/").status_code == 404


def test_evaluate_scores_only_the_named_metrics_and_answers_the_calls_before(client):
    metric = client.post(METRICS, json={**JUDGE, "agents": [123]}).json()
    answer = client.post(f"{CALL_LOGS}evaluate_metrics/",
                         json={"agent_id": 123, "call_logs": [7788, 7789], "metrics": [metric["id"]]})
    assert answer.status_code == 200
    assert all(metric["id"] not in [m["id"] for m in c["metrics"]] for c in answer.json())
    after = client.get(f"{CALL_LOGS}7788/").json()["evaluation"]["metrics"]
    assert [m["id"] for m in after] == [55, 56, metric["id"]]
    bad = client.post(f"{CALL_LOGS}evaluate_metrics/", json={"agent_id": 124, "call_logs": [7788], "metrics": [55]})
    assert bad.status_code == 400 and "call_logs" in bad.json()
    assert client.post(f"{CALL_LOGS}evaluate_metrics/", json={"call_logs": [7788], "metrics": [55]}).status_code == 400


def test_rerun_takes_all_or_ids_and_one_agent(client):
    every = client.post(f"{CALL_LOGS}rerun_evaluation/", json={"agent_id": 123, "call_logs": "all"}).json()
    assert len(every) == 6
    one = client.post(f"{CALL_LOGS}rerun_evaluation/",
                      json={"assistant_id": "asst_demo_dental", "call_logs": [7790]}).json()
    assert [c["id"] for c in one] == [7790]
    both = client.post(f"{CALL_LOGS}rerun_evaluation/", json={"agent_id": 123, "assistant_id": 1, "call_logs": [1]})
    assert both.status_code == 400


def test_votes_are_stored_visible_and_become_test_sets(client):
    vote = {"metric_id": 55, "thumbs_up": False, "expected_value": 5, "feedback": "Releasing the slot is fine."}
    assert client.post(f"{CALL_LOGS}7789/mark_metric_vote/", json=vote).json() == {"detail": "Vote recorded."}
    call = client.get(f"{CALL_LOGS}7789/").json()
    entry = next(m for m in call["evaluation"]["metrics"] if m["id"] == 55)
    assert entry["vote"] == {"thumbs_up": False, "expected_value": 5, "feedback": "Releasing the slot is fine."}
    assert call["is_reviewed"] is True and call["status"].startswith("reviewed_")
    test_set = client.post(f"{TEST_SETS}create_from_call_log/",
                           json={"call_log_id": 7789, "metrics": [{"metric": 55}]}).json()
    review = test_set["metric_reviews"][0]
    assert (test_set["source_model"], test_set["source_id"]) == ("CallLog", "7789")
    assert review["expected_value"] == 5 and review["feedback"] == "Releasing the slot is fine."
    again = client.post(f"{TEST_SETS}create_from_call_log/", json={"call_log_id": 7789, "metrics": [{"metric": 55}]})
    assert again.json()["id"] == test_set["id"]  # the existing set, not a second one
    # feedback processing learns from the test set
    job = client.post(FEEDBACK, json={"metric_id": 55}).json()
    state = client.get(FEEDBACK_PROGRESS, params={"progress_id": job["progress_id"]}).json()
    assert "Releasing the slot is fine." in state["improved_metric_description"]
    assert [r["test_set_id"] for r in state["review_results"]] == [test_set["id"]]
    unvoted = client.post(f"{CALL_LOGS}7789/mark_metric_vote/",
                          json={"metric_id": 999, "thumbs_up": True, "expected_value": None})
    assert unvoted.status_code == 400


def test_runs_results_and_rescoring(client):
    run = client.get(f"{RUNS}9001/").json()
    assert run["result_id"] == 501 and run["evaluation"]["metrics"][0]["id"] == 55
    assert client.post(f"{RUNS}9001/mark_metric_vote/",
                       json={"metric_id": 55, "thumbs_up": True, "expected_value": None}).json() == {"success": True}
    result = client.get(f"{RESULTS}501/").json()
    assert sorted(result["runs"]) == ["9001", "9002", "9003", "9004"] and result["total_runs_count"] == 4
    summary = client.post(f"{RESULTS}501/evaluate_metrics/", json={"run_ids": ["9001"], "metric_ids": ["55"]})
    assert summary.status_code == 200 and summary.json()["id"] == 501
    assert client.post(f"{RESULTS}501/evaluate_metrics/",
                       json={"run_ids": ["1"], "metric_ids": ["55"]}).status_code == 400
    bulk = client.post(f"{RESULTS}bulk_evaluate_metrics/", json={"result_ids": [501], "metric_ids": [55]})
    assert bulk.status_code == 200 and bulk.content == b""
    assert client.post(f"{RESULTS}bulk_evaluate_metrics/", json={"result_ids": [], "metric_ids": [55]}).status_code == 400
    test_set = client.post(f"{TEST_SETS}create_from_run/", json={"run_id": 9001, "metrics": [{"metric": 55}]}).json()
    assert test_set["source_model"] == "Run"


def test_preview_never_saves(client):
    before = client.get(METRICS).json()
    job = client.post(PREVIEW, json={"agent_id": 123, "call_log_ids": [7788, 7789], "metric_data": JUDGE}).json()
    state = client.get(f"{METRICS}preview-progress/", params={"progress_id": job["progress_id"]}).json()
    assert state["status"] == "completed"
    assert [r["call_log_id"] for r in state["results"]] == [7788, 7789]
    assert state["results"][0]["score"] == 5 and "stand-in" in state["results"][0]["explanation"][0]
    assert client.get(METRICS).json() == before
    code = {"name": "Short", "type": "custom_code", "eval_type": "binary", "custom_code": "_result = True"}
    job = client.post(PREVIEW, json={"agent_id": 123, "run_ids": [9001], "metric_data": code}).json()
    result = client.get(f"{METRICS}preview-progress/", params={"progress_id": job["progress_id"]}).json()["results"][0]
    if RUNNER:
        assert result["evaluated"] is True and result["score"] == 5
    else:
        assert result["evaluated"] is False and result["score"] is None
    for bad in ({"agent_id": 123, "metric_data": JUDGE},
                {"agent_id": 124, "call_log_ids": [7788], "metric_data": JUDGE},
                {"agent_id": 123, "call_log_ids": list(range(7788, 7799)), "metric_data": JUDGE},
                {"agent_id": 123, "call_log_ids": [7788], "metric_data": {**JUDGE, "type": "basic"}}):
        assert client.post(PREVIEW, json=bad).status_code == 400, bad


def test_history_records_every_change_and_restore_brings_one_back(client):
    created = client.post(METRICS, json={**JUDGE, "agents": [123]}).json()
    path = f"{METRICS}{created['id']}/"
    client.patch(path, json={"description": "Second wording."})
    client.post(f"{METRICS}bulk-toggle-settings/", json={"metric_ids": [created["id"]], "is_active": False})
    versions = client.get(f"{path}history/").json()["results"]
    assert [v["history_type"] for v in versions] == ["~", "~", "+"]
    assert versions[1]["description"] == "Second wording." and versions[2]["description"] == JUDGE["description"]
    restored = client.post(f"{path}restore/", json={"history_id": versions[2]["history_id"]}).json()
    assert restored["description"] == JUDGE["description"]
    latest = client.get(f"{path}history/", params={"page_size": 1}).json()
    assert latest["count"] == 4 and latest["results"][0]["history_change_reason"].startswith("Restored")
    assert client.post(f"{path}restore/", json={"history_id": 99999}).status_code == 400
    demo = client.get(f"{METRICS}55/history/").json()["results"]
    assert [v["history_type"] for v in demo] == ["+"]
    client.delete(path)
    assert client.get(f"{path}history/").status_code == 404


def test_predefined_copy(client):
    copied = client.post("/test_framework/v1/predefined-metrics/copy/",
                         json={"agent_id": 124, "metric_codes": ["sentiment"], "predefined_metric_ids": [2]}).json()
    assert sorted(m["name"] for m in copied) == ["Hallucination", "Sentiment"]
    assert all(m["agents"] == [124] for m in copied)
    for bad in ({"project_id": 1}, {"project_id": 1, "agent_id": 123, "predefined_metric_ids": [2]},
                {"project_id": 1, "predefined_metric_ids": [999]}):
        assert client.post("/test_framework/v1/predefined-metrics/copy/", json=bad).status_code == 400


@pytest.mark.parametrize("path", [f"{CALL_LOGS}7788/", f"{RUNS}9001/", f"{RESULTS}501/"])
def test_tenants_keep_their_votes_apart(api, path):
    a, b = api.client(), api.client(KEY_B)
    if "call-logs" in path:
        a.post(f"{path}mark_metric_vote/", json={"metric_id": 55, "thumbs_up": False, "expected_value": 5})
        assert b.get(path).json()["is_reviewed"] is False
    assert b.get(path).status_code == 200


def test_custom_code_runs_through_the_local_runner_when_it_is_installed(client):
    if not RUNNER:
        pytest.skip("the local metric runner (cekura.local) is not installed")
    call = client.get(f"{CALL_LOGS}7788/").json()  # 40 s long; metric 56 passes under three minutes
    code = next(m for m in call["evaluation"]["metrics"] if m["id"] == 56)
    assert code["score"] == 5 and code["extra"].get("evaluated", True) is True
    failing = {"name": "Always fails", "type": "custom_code", "eval_type": "binary",
               "custom_code": "_result = False\n_explanation = 'no'"}
    job = client.post(PREVIEW, json={"agent_id": 123, "call_log_ids": [7788], "metric_data": failing}).json()
    result = client.get(f"{METRICS}preview-progress/", params={"progress_id": job["progress_id"]}).json()["results"][0]
    assert result["score"] == 0 and result["explanation"] == ["no"]
