"""A user's file: every method of Cekura and AsyncCekura, as a type checker sees it.

tests/typecheck/test_mypy.py runs `mypy --strict` on it against the package: every
`assert_type` must hold (an `Any` would fail it), and exactly the lines marked `# error:`
must be reported, each with the text that follows the marker.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Coroutine, Iterator
from typing import Any, assert_type

from cekura import AsyncCekura, Cekura, RawResponse
from cekura.types import (
    BulkAgentAssignmentResult,
    BulkToggleSettingsResult,
    CallLog,
    CallLogPage,
    CallLogSummary,
    CallLogVoteAnswer,
    CriticalMetricScenario,
    CriticalMetricScenarioPage,
    FeedbackProgress,
    GenerateMetricsProgress,
    JobStarted,
    Metric,
    MetricDetail,
    MetricListItem,
    MetricVersion,
    PredefinedMetric,
    PreviewProgress,
    PreviewScore,
    ResultDetail,
    ResultSummary,
    Run,
    RunVoteAnswer,
    TestSet,
)


def sync_calls(client: Cekura) -> None:
    assert_type(client.predefined_metrics.list(), list[PredefinedMetric])
    assert_type(client.predefined_metrics.get(12), PredefinedMetric)
    assert_type(client.metrics.list(agent_id=123), list[MetricListItem])
    assert_type(client.metrics.get(55), MetricDetail)
    assert_type(client.metrics.get(metric_id=55, timeout=5.0, max_retries=0, extra_headers={"X-Trace": "1"}), MetricDetail)
    metric = client.metrics.create(
        agents=[123], name="Booking confirmed", type="llm_judge", eval_type="boolean",
        prompt="Did the agent confirm a booking?", extra_body={"new_field": 1},
    )
    assert_type(metric, Metric)
    assert_type(metric["id"], int)
    assert_type(client.metrics.create(name="Hold", type="python", code="def evaluate(call): ..."), Metric)
    assert_type(client.metrics.create({"name": "From a dict"}), Metric)
    assert_type(client.metrics.update(metric_id=55, prompt="Refined"), Metric)
    assert_type(client.metrics.replace(55, name="x", eval_type="binary"), Metric)
    assert_type(client.metrics.delete(metric_id=55), None)
    assert_type(client.metrics.bulk_create(metrics=[{"name": "Greeting", "type": "llm_judge", "prompt": "..."}]), list[Metric])
    assert_type(
        client.metrics.bulk_manage_agents(metric_ids=[55], agents_to_add=[123], agents_to_remove=[]),
        BulkAgentAssignmentResult | dict[str, BulkAgentAssignmentResult],
    )
    assert_type(client.metrics.bulk_toggle_settings(metric_ids=[55, 56], is_active=True), BulkToggleSettingsResult)
    job = client.metrics.generate(agent_id=123, count=10)
    assert_type(job, JobStarted | GenerateMetricsProgress)
    assert_type(client.metrics.generate_progress(progress_id=job["progress_id"]), GenerateMetricsProgress)
    assert_type(client.metrics.wait_for_generation(job["job_id"], timeout=60, request_timeout=5), GenerateMetricsProgress)
    assert_type(client.critical_metric_scenarios.list(metric_id=55), CriticalMetricScenarioPage)
    assert_type(client.critical_metric_scenarios.iter(metric_id=55), Iterator[CriticalMetricScenario])
    assert_type(client.critical_metric_scenarios.get(42), CriticalMetricScenario)
    assert_type(client.critical_metric_scenarios.update(id=42, is_resolved=True), CriticalMetricScenario)
    review = client.metric_reviews.process_feedbacks(metric_id=55)
    assert_type(review, JobStarted | FeedbackProgress)
    assert_type(client.metric_reviews.process_feedbacks_progress(job_id=review["job_id"]), FeedbackProgress)
    assert_type(client.metric_reviews.wait("abc"), FeedbackProgress)
    raw = client.metrics.with_raw_response.get(55)
    assert_type(raw, RawResponse[MetricDetail])
    assert_type(raw.status_code, int)
    assert_type(raw.request_id, str | None)
    assert_type(raw.retries_taken, int)
    assert_type(raw.parse(), MetricDetail)
    assert_type(client.predefined_metrics.with_raw_response.list(), RawResponse[list[PredefinedMetric]])
    assert_type(client.critical_metric_scenarios.with_raw_response.iter(metric_id=55), Iterator[RawResponse[dict[str, Any]]])
    assert_type(client.with_options(timeout=5, max_retries=0), Cekura)

    # metric lifecycle, catalog copy, calls, runs, results, test sets
    assert_type(client.metrics.preview(name="x", type="llm_judge", prompt="...", call_log_ids=[1]), JobStarted | list[PreviewScore])
    assert_type(client.metrics.preview_progress("abc"), PreviewProgress)
    assert_type(client.metrics.wait_for_preview("abc"), PreviewProgress)
    assert_type(client.metrics.history(55), Iterator[MetricVersion])
    assert_type(client.metrics.restore(55, history_id=3), MetricDetail)
    assert_type(client.predefined_metrics.copy(predefined_metric_ids=[1], project_id=1), list[MetricListItem])
    assert_type(client.calls.list(agent_id=123), CallLogPage)
    assert_type(client.calls.iter(agent_id=123), Iterator[CallLogSummary])
    assert_type(client.calls.get(7), CallLog)
    assert_type(client.calls.evaluate_metrics(7, metric_ids=[55]), list[CallLogSummary])
    assert_type(client.calls.rerun_evaluation(7, metric_ids=[55]), list[CallLog] | list[CallLogSummary])
    assert_type(client.calls.mark_metric_vote(7, metric_id=55, thumbs_up=True), CallLogVoteAnswer)
    assert_type(client.runs.get(9), Run)
    assert_type(client.runs.mark_metric_vote(9, metric_id=55, thumbs_up=False), RunVoteAnswer)
    assert_type(client.results.get(11), ResultDetail)
    assert_type(client.results.evaluate_metrics(11, metric_ids=[55]), ResultSummary)
    assert_type(client.results.bulk_evaluate_metrics(result_ids=[11], metric_ids=[55]), None)
    assert_type(client.test_sets.create_from_call_log(7, name="x"), TestSet)
    assert_type(client.test_sets.create_from_run(9, name="x"), TestSet)
    assert_type(client.calls.with_raw_response.get(7), RawResponse[CallLog])

    client.metrics.list(agent=123)  # error: Unexpected keyword argument "agent"
    client.metrics.create(name="x", promt="...")  # error: Unexpected keyword argument "promt"
    client.metrics.update(55, nmae="y")  # error: Unexpected keyword argument "nmae"
    client.metrics.create(name="x", eval_type="maybe")  # error: Argument "eval_type" has incompatible type
    client.metrics.get("55", timeout="soon")  # error: Argument "timeout" has incompatible type
    client.critical_metric_scenarios.update(42, priority="urgent")  # error: Argument "priority" has incompatible type
    client.calls.list(agnet_id=123)  # error: Unexpected keyword argument "agnet_id"


async def async_calls(client: AsyncCekura) -> None:
    pending = assert_type(client.metrics.get(55), Coroutine[Any, Any, MetricDetail])
    assert_type(await pending, MetricDetail)
    assert_type(await client.predefined_metrics.list(), list[PredefinedMetric])
    assert_type(await client.metrics.create(name="x", eval_type="boolean"), Metric)
    assert_type(await client.metrics.delete(55), None)
    assert_type(await client.metrics.with_raw_response.list(agent_id=123), RawResponse[list[MetricListItem]])
    assert_type(client.critical_metric_scenarios.iter(metric_id=55), AsyncIterator[CriticalMetricScenario])
    assert_type(await client.metric_reviews.wait("abc"), FeedbackProgress)
    assert_type(client.with_options(max_retries=1), AsyncCekura)
    assert_type(await client.calls.get(7), CallLog)
    assert_type(client.calls.iter(agent_id=123), AsyncIterator[CallLogSummary])
    assert_type(await client.metrics.restore(55, history_id=3), MetricDetail)
    await client.metrics.list(agent=123)  # error: Unexpected keyword argument "agent"
