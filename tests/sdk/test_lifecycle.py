"""Every SDK method beyond the metrics page, sync and async, replayed from cassettes.

Calls, runs, results, votes, Labs test sets, previews, metric versions and catalog copies.
Each test checks the requests that went out (method, path, query, body) and what came back;
the exchanges were recorded against a served sandbox (`make record`).
"""

from __future__ import annotations

import asyncio

import pytest

from cekura import AsyncCekura, Cekura

from .test_snippets import MODES, run

M = "/test_framework/v1/metrics/"
CALLS = "/observability/v1/call-logs/"
RUNS = "/test_framework/v1/runs/"
RESULTS = "/test_framework/v1/results/"
TEST_SETS = "/test_framework/test-sets/"
NOTE = "Releasing the slot counts as handled."

CALLS_SNIPPET = f"""
page = client.calls.list(agent_id=123, page_size=2)
call = client.calls.get(call_id=7788)
client.calls.evaluate_metrics(call_log_id=7788, metric_ids=[55])
client.calls.evaluate_metrics(call_log_id=[7788, 7789], metric_ids=[55], agent_id=123)
client.calls.rerun_evaluation(call_log_id=7790)
client.calls.rerun_evaluation(call_log_id=7788, metric_ids=[55])
client.calls.mark_metric_vote(call_log_id=7789, metric_id=55, thumbs_up=False, expected_value=5, feedback="{NOTE}")
voted = client.calls.get(7789)
"""


@pytest.mark.parametrize("mode", MODES)
def test_calls(api, sent, mode):
    ns = run(CALLS_SNIPPET, mode)
    evaluate = {"call_logs": [7788], "metrics": [55], "agent_id": 123}
    assert sent == [
        ("GET", CALLS, {"agent_id": "123", "page_size": "2"}, None),
        ("GET", f"{CALLS}7788/", {}, None),
        ("GET", f"{CALLS}7788/", {}, None),  # which agent? read from the call (no default project)
        ("POST", f"{CALLS}evaluate_metrics/", {}, evaluate),
        ("POST", f"{CALLS}evaluate_metrics/", {}, {"call_logs": [7788, 7789], "metrics": [55], "agent_id": 123}),
        ("GET", f"{CALLS}7790/", {}, None),
        ("POST", f"{CALLS}rerun_evaluation/", {}, {"call_logs": [7790], "agent_id": 123}),
        ("GET", f"{CALLS}7788/", {}, None),  # rerun with metric_ids = evaluate_metrics, never a rerun of all
        ("POST", f"{CALLS}evaluate_metrics/", {}, evaluate),
        ("POST", f"{CALLS}7789/mark_metric_vote/", {},
         {"metric_id": 55, "thumbs_up": False, "expected_value": 5, "feedback": NOTE}),
        ("GET", f"{CALLS}7789/", {}, None),
    ]
    page, call, voted = ns["page"], ns["call"], ns["voted"]
    assert page["count"] == 6 and len(page["results"]) == 2 and page["next"]
    assert call["id"] == 7788 and call["transcript_json"][0]["role"] == "Main Agent"
    assert [m["id"] for m in call["evaluation"]["metrics"]] == [55, 56]
    values = ns["_values"]
    assert [c["id"] for c in values[0]] == [7788] and [c["id"] for c in values[2]] == [7790]
    assert values[4] == {"detail": "Vote recorded."}
    vote = next(m for m in voted["evaluation"]["metrics"] if m["id"] == 55)["vote"]
    assert vote == {"thumbs_up": False, "expected_value": 5, "feedback": NOTE} and voted["is_reviewed"] is True


def _iterate(mode: str, method: str, *args, **kwargs) -> list:
    if mode == "sync":
        with Cekura() as client:
            resource, name = method.split(".")
            return list(getattr(getattr(client, resource), name)(*args, **kwargs))

    async def main() -> list:
        async with AsyncCekura() as client:
            resource, name = method.split(".")
            return [item async for item in getattr(getattr(client, resource), name)(*args, **kwargs)]

    return asyncio.run(main())


@pytest.mark.parametrize("mode", MODES)
def test_calls_iter_walks_every_page(api, sent, mode):
    calls = _iterate(mode, "calls.iter", agent_id=123, page_size=4)
    assert [c["id"] for c in calls] == [7788, 7789, 7790, 7791, 7792, 7793]
    assert sent == [
        ("GET", CALLS, {"agent_id": "123", "page_size": "4", "page": "1"}, None),
        ("GET", CALLS, {"agent_id": "123", "page_size": "4", "page": "2"}, None),
    ]


RUNS_SNIPPET = """
run = client.runs.get(run_id=9001)
client.runs.mark_metric_vote(run_id=9001, metric_id=55, thumbs_up=True)
result = client.results.get(result_id=501)
client.results.evaluate_metrics(result_id=501, metric_ids=[55], run_ids=[9001])
client.results.evaluate_metrics(result_id=501, metric_ids=[55])
client.results.bulk_evaluate_metrics(result_ids=[501], metric_ids=[55])
"""


@pytest.mark.parametrize("mode", MODES)
def test_runs_and_results(api, sent, mode):
    ns = run(RUNS_SNIPPET, mode)
    assert sent == [
        ("GET", f"{RUNS}9001/", {}, None),
        ("POST", f"{RUNS}9001/mark_metric_vote/", {}, {"metric_id": 55, "thumbs_up": True, "expected_value": None}),
        ("GET", f"{RESULTS}501/", {}, None),
        ("POST", f"{RESULTS}501/evaluate_metrics/", {}, {"run_ids": ["9001"], "metric_ids": ["55"]}),
        ("GET", f"{RESULTS}501/", {}, None),  # no run_ids: every run of the result
        ("POST", f"{RESULTS}501/evaluate_metrics/", {},
         {"run_ids": ["9001", "9002", "9003", "9004"], "metric_ids": ["55"]}),
        ("POST", f"{RESULTS}bulk_evaluate_metrics/", {}, {"result_ids": [501], "metric_ids": [55]}),
    ]
    vote, one, every, bulk = ns["_values"]
    assert ns["run"]["result_id"] == 501 and ns["run"]["evaluation"]["metrics"][0]["id"] == 55
    assert vote == {"success": True}
    assert sorted(ns["result"]["runs"]) == ["9001", "9002", "9003", "9004"]
    assert one["id"] == every["id"] == 501 and bulk is None


TEST_SETS_SNIPPET = f"""
client.calls.mark_metric_vote(call_log_id=7789, metric_id=55, thumbs_up=False, expected_value=5, feedback="{NOTE}")
from_call = client.test_sets.create_from_call_log(call_log_id=7789, name="Released slot")
from_run = client.test_sets.create_from_run(run_id=9001, metrics=[{{"metric": 55, "expected_value": 5}}])
job = client.metric_reviews.process_feedbacks(metric_id=55)
state = client.metric_reviews.process_feedbacks_progress(job_id=job["job_id"])
"""


@pytest.mark.parametrize("mode", MODES)
def test_test_sets_from_votes_feed_metric_reviews(api, sent, mode):
    ns = run(TEST_SETS_SNIPPET, mode)
    assert sent[1:5] == [
        ("GET", f"{CALLS}7789/", {}, None),  # no metrics given: the votes on the call are used
        ("POST", f"{TEST_SETS}create_from_call_log/", {},
         {"call_log_id": 7789, "metrics": [{"metric": 55, "feedback": NOTE, "expected_value": 5}],
          "name": "Released slot"}),
        ("POST", f"{TEST_SETS}create_from_run/", {}, {"run_id": 9001, "metrics": [{"metric": 55, "expected_value": 5}]}),
        ("POST", "/test_framework/metric-reviews/process_feedbacks/", {}, {"metric_id": 55}),
    ]
    from_call, from_run, state = ns["from_call"], ns["from_run"], ns["state"]
    assert from_call["name"] == "Released slot" and from_call["source_model"] == "CallLog"
    assert from_call["metric_reviews"][0]["expected_value"] == 5 and from_call["metric_reviews"][0]["feedback"] == NOTE
    assert from_run["source_model"] == "Run"
    assert NOTE in state["improved_metric_description"]
    assert {r["test_set_id"] for r in state["review_results"]} == {from_call["id"], from_run["id"]}


PREVIEW_SNIPPET = """
job = client.metrics.preview(name="Read back", type="llm_judge", eval_type="boolean",
                             prompt="Did the agent read back the date and time?", call_log_ids=[7788, 7789], agent_id=123)
state = client.metrics.preview_progress(progress_id=job["progress_id"])
final = client.metrics.wait_for_preview(job_id=job["job_id"], poll_interval=0)
verdicts = client.metrics.preview({"type": "python", "code": "_result = True"}, run_ids=[9001], project_id=1,
                                  wait=True, poll_interval=0)
listed = client.metrics.list(agent_id=123)
"""


@pytest.mark.parametrize("mode", MODES)
def test_preview_never_saves(api, sent, mode):
    ns = run(PREVIEW_SNIPPET, mode)
    job = ns["job"]
    question = "Did the agent read back the date and time?"
    # an llm_judge's prompt is its criterion: sent as description too (see the vocabulary table)
    judge = {"name": "Read back", "type": "llm_judge", "eval_type": "binary", "prompt": question,
             "description": question}
    assert sent[0] == ("POST", f"{M}preview/", {}, {"metric_data": judge, "call_log_ids": [7788, 7789], "agent_id": 123})
    assert sent[1] == sent[2] == ("GET", f"{M}preview-progress/", {"progress_id": job["progress_id"]}, None)
    assert sent[3] == ("POST", f"{M}preview/", {}, {
        "metric_data": {"type": "custom_code", "custom_code": "_result = True", "name": "Preview",
                        "eval_type": "binary"}, "run_ids": [9001], "project_id": 1})
    assert sent[-1] == ("GET", M, {"agent_id": "123"}, None)
    assert job["job_id"] == job["progress_id"]
    state = ns["state"]
    assert state["status"] == "completed" and [r["call_log_id"] for r in state["results"]] == [7788, 7789]
    assert ns["final"]["results"] == state["results"]
    assert ns["verdicts"][0]["run_id"] == 9001 and ns["verdicts"][0]["score"] is None  # custom code: not evaluated
    assert sorted(m["id"] for m in ns["listed"]) == [55, 56]


HISTORY_SNIPPET = """
client.metrics.update(metric_id=55, description="Second wording")
page = client.metrics.history_page(metric_id=55)
restored = client.metrics.restore(metric_id=55, history_id=page["results"][-1]["history_id"])
"""


@pytest.mark.parametrize("mode", MODES)
def test_history_and_restore(api, sent, mode):
    ns = run(HISTORY_SNIPPET, mode)
    page, restored = ns["page"], ns["restored"]
    first = page["results"][-1]
    assert [v["history_type"] for v in page["results"]] == ["~", "+"]
    assert sent[1:] == [
        ("GET", f"{M}55/history/", {}, None),
        ("POST", f"{M}55/restore/", {}, {"history_id": first["history_id"]}),
    ]
    assert restored["description"] == first["description"] != "Second wording"
    versions = _iterate(mode, "metrics.history", 55, page_size=2)
    assert [v["history_type"] for v in versions] == ["~", "~", "+"]
    assert sent[3:] == [("GET", f"{M}55/history/", {"page_size": "2", "page": "1"}, None),
                        ("GET", f"{M}55/history/", {"page_size": "2", "page": "2"}, None)]


@pytest.mark.parametrize("mode", MODES)
def test_predefined_copy(api, sent, mode):
    ns = run('copied = client.predefined_metrics.copy(predefined_metric_ids=[2], metric_codes=["sentiment"], '
             'project_id=1)\n', mode)
    assert sent == [("POST", "/test_framework/v1/predefined-metrics/copy/", {},
                     {"predefined_metric_ids": [2], "metric_codes": ["sentiment"], "project_id": 1})]
    assert sorted(m["name"] for m in ns["copied"]) == ["Hallucination", "Sentiment"]
