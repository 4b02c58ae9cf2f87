"""The whole loop of issue #11 against a sandbox served on a loopback port, from Python and from the shell:
create a metric, preview it on two calls, evaluate it on calls, vote a judgment down, build a test set
from the vote, process feedbacks, read the history, restore. No request ever places a call."""

from __future__ import annotations

import json

import pytest

from cekura import AsyncCekura, Cekura
from cekura.sandbox import start_background

CRITERION = "The agent read back the booked date and time to the caller."
NOTE = "Releasing the slot and inviting a call back is the right outcome here."


@pytest.fixture
def served():
    with start_background() as running:
        yield running.url


@pytest.fixture
def paths(monkeypatch):
    from cekura._client import AsyncCekura, Cekura

    seen: list[str] = []
    sync_send, async_send = Cekura._send, AsyncCekura._send

    def send(self, request):
        seen.append(f"{request.method} {request.url.path}")
        return sync_send(self, request)

    async def asend(self, request):
        seen.append(f"{request.method} {request.url.path}")
        return await async_send(self, request)

    monkeypatch.setattr(Cekura, "_send", send)
    monkeypatch.setattr(AsyncCekura, "_send", asend)
    return seen


def _judged_down(call: dict, metric_id: int) -> int:
    """The score the metric gave; the vote says the opposite."""
    return next(m for m in call["evaluation"]["metrics"] if m["id"] == metric_id)["score"]


def test_the_loop_from_python(served, paths):
    with Cekura(api_key="loop-key", api_url=served) as client:
        metric = client.metrics.create(agents=[123], name="Read back", type="llm_judge", eval_type="boolean",
                                       description=CRITERION)
        verdicts = client.metrics.preview(name="Read back", description=CRITERION, call_log_ids=[7788, 7789],
                                          agent_id=123, wait=True, poll_interval=0)
        assert [v["call_log_id"] for v in verdicts] == [7788, 7789]
        assert all("stand-in" in v["explanation"][0] for v in verdicts)
        client.calls.evaluate_metrics(call_log_id=[7788, 7789], metric_ids=[metric["id"]], agent_id=123)
        call = client.calls.get(7789)
        score = _judged_down(call, metric["id"])
        assert score in (0, 5)
        expected = 5 if score == 0 else 0
        client.calls.mark_metric_vote(call_log_id=7789, metric_id=metric["id"], thumbs_up=False,
                                      expected_value=expected, feedback=NOTE)
        test_set = client.test_sets.create_from_call_log(call_log_id=7789, name="Released slot")
        review = test_set["metric_reviews"][0]
        assert (review["metric"], review["expected_value"], review["feedback"]) == (metric["id"], expected, NOTE)
        state = client.metric_reviews.process_feedbacks(metric["id"], test_set_ids=[test_set["id"]], wait=True,
                                                        poll_interval=0)
        assert NOTE in state["improved_metric_description"]
        assert [r["test_set_id"] for r in state["review_results"]] == [test_set["id"]]
        client.metrics.update(metric["id"], description=state["improved_metric_description"])
        versions = list(client.metrics.history(metric["id"]))
        assert [v["history_type"] for v in versions] == ["~", "+"]
        restored = client.metrics.restore(metric["id"], history_id=versions[-1]["history_id"])
        assert restored["description"] == CRITERION
        assert [v["history_type"] for v in client.metrics.history(metric["id"])] == ["~", "~", "+"]
    assert not any("/rerun/" in p for p in paths)  # re-scoring never places calls
    assert "POST /test_framework/v1/metrics/" in paths and "POST /test_framework/v1/metrics/preview/" in paths
    assert "POST /observability/v1/call-logs/7789/mark_metric_vote/" in paths


def test_the_loop_from_the_shell(served, run, monkeypatch):
    monkeypatch.setenv("CEKURA_API_URL", served)
    monkeypatch.setenv("CEKURA_API_KEY", "loop-key-shell")

    def ok(*argv: str):
        result = run(*argv, "--format", "json")
        assert result.code == 0, result.err
        return result.json

    metric = ok("metrics", "create", "--name", "Read back", "--description", CRITERION, "--agent-id", "123")
    mid = str(metric["id"])
    preview = ok("metrics", "preview", "--description", CRITERION, "--call-log-ids", "7788,7789",
                 "--agent-id", "123", "--wait", "--poll-interval", "0")
    assert [v["call_log_id"] for v in preview["results"]] == [7788, 7789]
    ok("calls", "evaluate", "7788,7789", "--metric-ids", mid)
    score = _judged_down(ok("calls", "get", "7789"), metric["id"])
    ok("calls", "mark-metric-vote", "7789", "--metric-id", mid, "--thumbs-down",
       "--expected-value", json.dumps(5 if score == 0 else 0), "--feedback", NOTE)
    test_set = ok("test-sets", "create-from-call-log", "--call-log-id", "7789", "--name", "Released slot")
    state = ok("metric-reviews", "process-feedbacks", "--metric-id", mid, "--test-set-ids", str(test_set["id"]),
               "--wait", "--poll-interval", "0")
    assert NOTE in state["improved_metric_description"]
    ok("metrics", "update", mid, "--description", "A rewritten criterion")
    versions = ok("metrics", "history", mid, "--all")
    restored = ok("metrics", "restore", mid, "--history-id", str(versions[-1]["history_id"]))
    assert restored["description"] == CRITERION


def test_the_loop_reads_the_same_from_asyncio(served):
    import asyncio

    async def main() -> list:
        async with AsyncCekura(api_key="loop-key-async", api_url=served) as client:
            await client.calls.mark_metric_vote(7789, metric_id=55, thumbs_up=False, expected_value=5, feedback=NOTE)
            test_set = await client.test_sets.create_from_call_log(7789)
            state = await client.metric_reviews.process_feedbacks(55, wait=True, poll_interval=0)
            return [test_set["metric_reviews"][0]["feedback"], state["improved_metric_description"]]

    feedback, description = asyncio.run(main())
    assert feedback == NOTE and NOTE in description
