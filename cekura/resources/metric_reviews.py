from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Unpack

from .._core import Context, Flow, body_through_model, call, id_list, positive_id
from .._typing import JobRequestOptions, M, Raw, RequestOptions, operation
from .._vocabulary import wire_value, with_job_aliases
from ._base import Resource, checked_job_id, pick, wait_for_job

if TYPE_CHECKING:
    from ..types import FeedbackProgress, JobStarted, MetricTypeInput


class MetricReviews(Resource[M]):
    """The feedback pipeline that proposes a better metric (`client.metric_reviews`)."""

    @property
    def with_raw_response(self) -> MetricReviews[Raw[M]]:
        """The same methods, returning `RawResponse` (status, headers, request id, parse())."""
        return self._raw_view()

    @operation
    def process_feedbacks(
        self,
        ctx: Context,
        metric_id: int | None = None,
        *,
        metric_type: MetricTypeInput | None = None,
        test_set_ids: Iterable[int] | None = None,
        simplified_prompt: str | None = None,
        skip_evaluation: bool | None = None,
        wait: bool = False,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        on_progress: Callable[[dict[str, Any]], None] | None = None,
        **options: Unpack[JobRequestOptions],
    ) -> Flow[JobStarted | FeedbackProgress]:
        """Start improving a metric from reviewer feedback.

        Returns the job ({"progress_id", "job_id"}) at once, or with `wait=True` its final state
        (the proposed description and trigger). Nothing is saved: apply it with metrics.update.
        """
        body: dict[str, Any] = {"metric_id": positive_id(pick("metric_id", metric_id), "metric_id")}
        if metric_type is not None:
            body["metric_type"] = wire_value("type", metric_type)
        if test_set_ids is not None:
            body["test_set_ids"] = id_list(test_set_ids, "test_set_ids")
        if simplified_prompt is not None:
            body["simplified_prompt"] = simplified_prompt
        if skip_evaluation is not None:
            body["skip_evaluation"] = skip_evaluation
        model = body_through_model("ProcessFeedbacksRequest", body, label="process_feedbacks")
        job: Any = with_job_aliases((yield from call(ctx, "metric_reviews_process_feedbacks", body=model)))
        if not wait:
            return job
        return (
            yield from wait_for_job(
                ctx,
                "metric_reviews_process_feedbacks_progress",
                job["progress_id"],
                timeout=timeout,
                poll_interval=poll_interval,
                on_progress=on_progress,
            )
        )

    @operation
    def process_feedbacks_progress(
        self,
        ctx: Context,
        job_id: str | None = None,
        *,
        progress_id: str | None = None,
        agent_id: int | None = None,
        project_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[FeedbackProgress]:
        """The state of a feedback job; the docs call its id `job_id`, the API `progress_id`."""
        query = _scope(agent_id, project_id)
        pid = checked_job_id("job_id", job_id, progress_id)
        return with_job_aliases(
            (yield from call(ctx, "metric_reviews_process_feedbacks_progress", progress_id=pid, **query))
        )

    @operation
    def wait(
        self,
        ctx: Context,
        job_id: str | None = None,
        *,
        progress_id: str | None = None,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        on_progress: Callable[[dict[str, Any]], None] | None = None,
        **options: Unpack[JobRequestOptions],
    ) -> Flow[FeedbackProgress]:
        """Poll a feedback job until it completes; return its final state. Raises JobError on failure."""
        pid = checked_job_id("job_id", job_id, progress_id)
        return (
            yield from wait_for_job(
                ctx,
                "metric_reviews_process_feedbacks_progress",
                pid,
                timeout=timeout,
                poll_interval=poll_interval,
                on_progress=on_progress,
            )
        )


def _scope(agent_id: Any, project_id: Any) -> dict[str, Any]:
    query: dict[str, Any] = {}
    if agent_id is not None:
        query["agent_id"] = positive_id(agent_id, "agent_id")
    if project_id is not None:
        query["project_id"] = positive_id(project_id, "project_id")
    return query
