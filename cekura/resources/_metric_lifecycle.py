"""Metric methods beyond create/update: preview (never saved), history and restore, catalog copies.

Mixed into `Metrics` and `PredefinedMetrics`, so they read as `client.metrics.preview(...)`.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Unpack

from .._core import Context, Flow, body_through_model, call, positive_id
from .._errors import ValidationError
from .._typing import JobRequestOptions, M, PageFlow, RequestOptions, operation, paginator
from .._vocabulary import PREVIEW_DEFAULTS, lifecycle_field, metric_body, with_job_aliases
from ._base import Resource, checked_job_id, pick, wait_for_job
from ._scoring import agent_or_project, ids, one_of, page_query, walk_pages

if TYPE_CHECKING:
    from ..types import (
        JobStarted,
        MetricDetail,
        MetricListItem,
        MetricVersion,
        MetricVersionPage,
        MetricWriteInput,
        PreviewProgress,
        PreviewScore,
    )

MAX_PREVIEW = 10


class MetricLifecycle(Resource[M]):
    @operation
    def preview(
        self,
        ctx: Context,
        metric: MetricWriteInput | dict[str, Any] | None = None,
        /,
        *,
        call_log_ids: Iterable[int] | None = None,
        run_ids: Iterable[int] | None = None,
        agent_id: int | None = None,
        project_id: int | None = None,
        wait: bool = False,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        on_progress: Callable[[dict[str, Any]], None] | None = None,
        name: str | None = None,
        type: str | None = None,
        eval_type: str | None = None,
        description: str | None = None,
        prompt: str | None = None,
        code: str | None = None,
        enum_values: builtins.list[str] | None = None,
        **options: Unpack[JobRequestOptions],
    ) -> Flow[JobStarted | builtins.list[PreviewScore]]:
        """Try a metric that is not saved on 1-10 calls (or runs); nothing is stored.

        The metric is a dict (any field of a metric) and/or the keywords `name`, `type`,
        `eval_type`, `description`, `prompt`, `code`, `enum_values`, in the documented words
        (as for `create`: `type="python"`, `code=`, `eval_type="boolean"`). Returns the job
        ({"progress_id", "job_id"}), or with `wait=True` the list of verdicts, one per call or
        run. Costs credits like a saved metric's evaluations (LLM judge); the scope
        (`agent_id` or `project_id`) defaults to the configured project.
        """
        if metric is not None and not isinstance(metric, dict):
            raise ValidationError(
                f"preview takes a dict of metric fields or keyword arguments, got {metric.__class__.__name__}",
                errors={"metric": ["expected an object"]},
            )
        given = {"name": name, "type": type, "eval_type": eval_type, "description": description, "prompt": prompt,
                 "code": code, "enum_values": enum_values}
        fields = {k: v for k, v in given.items() if v is not None}
        data = metric_body({**(metric or {}), **fields}, creating=False)
        for name, default in PREVIEW_DEFAULTS.items():
            data.setdefault(name, default)
        body_through_model("PreviewMetric", data, label="metric")  # the nested metric's own checks
        one_of("call_log_ids", ("call_log_ids", call_log_ids), ("run_ids", run_ids))
        if call_log_ids is None and run_ids is None:
            raise ValidationError(
                "give call_log_ids (or run_ids): 1 to 10 calls to try the metric on",
                errors={"call_log_ids": ["This field is required."]},
            )
        body: dict[str, Any] = {lifecycle_field("metrics.preview", "metric"): data}
        if call_log_ids is not None:
            body["call_log_ids"] = ids(call_log_ids, "call_log_ids", at_most=MAX_PREVIEW)
        else:
            body["run_ids"] = ids(run_ids, "run_ids", at_most=MAX_PREVIEW)
        agent_or_project(ctx, body, agent_id, project_id, named="agent_id", meaning="the calls must belong to it")
        model = body_through_model("PreviewRequest", body, label="preview")
        job = with_job_aliases((yield from call(ctx, "metrics_preview", body=model)))
        if not wait:
            return job
        state = yield from wait_for_job(
            ctx, "metrics_preview_progress", job["progress_id"], timeout=timeout, poll_interval=poll_interval,
            on_progress=on_progress,
        )
        return state.get("results", [])

    @operation
    def preview_progress(
        self,
        ctx: Context,
        progress_id: str | None = None,
        *,
        job_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[PreviewProgress]:
        """The state of a preview job (status, progress, and `results` once completed)."""
        pid = checked_job_id("progress_id", progress_id, job_id)
        return with_job_aliases((yield from call(ctx, "metrics_preview_progress", progress_id=pid)))

    @operation
    def wait_for_preview(
        self,
        ctx: Context,
        progress_id: str | None = None,
        *,
        job_id: str | None = None,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        on_progress: Callable[[dict[str, Any]], None] | None = None,
        **options: Unpack[JobRequestOptions],
    ) -> Flow[PreviewProgress]:
        """Poll a preview job until it completes; return its final state. Raises JobError on failure."""
        pid = checked_job_id("progress_id", progress_id, job_id)
        return (
            yield from wait_for_job(
                ctx, "metrics_preview_progress", pid, timeout=timeout, poll_interval=poll_interval,
                on_progress=on_progress,
            )
        )

    @paginator
    def history(
        self,
        ctx: Context,
        metric_id: int | None = None,
        *,
        id: int | None = None,
        page_size: int | None = 100,
        **options: Unpack[RequestOptions],
    ) -> PageFlow[MetricVersion]:
        """Every saved version of a metric, newest first, fetched lazily page after page.

        Each version carries `history_id` (pass it to `restore`), `history_date`,
        `history_type` (`+` created, `~` changed, `-` deleted) and the metric's fields then.
        """
        number = positive_id(pick("metric_id", metric_id, id), "metric_id")
        yield from walk_pages(ctx, "metrics_history", {"id": number, **page_query(None, page_size)})

    @operation
    def history_page(
        self,
        ctx: Context,
        metric_id: int | None = None,
        *,
        id: int | None = None,
        page: int | None = None,
        page_size: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[MetricVersionPage]:
        """One page of a metric's versions: {"count", "next", "previous", "results"}."""
        number = positive_id(pick("metric_id", metric_id, id), "metric_id")
        return (yield from call(ctx, "metrics_history", id=number, **page_query(page, page_size)))

    @operation
    def restore(
        self,
        ctx: Context,
        metric_id: int | None = None,
        *,
        history_id: int | None = None,
        id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[MetricDetail]:
        """Bring back an earlier version: `restore(55, history_id=3)`. Returns the metric."""
        number = positive_id(pick("metric_id", metric_id, id), "metric_id")
        body = {"history_id": positive_id(pick("history_id", history_id), "history_id")}
        model = body_through_model("MetricRestore", body, label="restore")
        return (yield from call(ctx, "metrics_restore", id=number, body=model))


class PredefinedCopy(Resource[M]):
    @operation
    def copy(
        self,
        ctx: Context,
        predefined_metric_ids: Iterable[int] | int | None = None,
        *,
        metric_codes: Iterable[str] | str | None = None,
        project_id: int | None = None,
        agent_id: int | None = None,
        scenarios: Iterable[int] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[builtins.list[MetricListItem]]:
        """Copy catalog metrics into a project (or onto an agent): the only way to enable them.

        Name entries by id (`copy([2, 17])`) or by code (`metric_codes=["sentiment"]`). The target
        is `agent_id`, else `project_id`, else the configured default project. Returns the new metrics.
        """
        body: dict[str, Any] = {}
        if predefined_metric_ids is not None:
            body["predefined_metric_ids"] = ids(predefined_metric_ids, "predefined_metric_ids")
        if metric_codes is not None:
            codes = [metric_codes] if isinstance(metric_codes, str) else list(metric_codes)
            if not codes or not all(isinstance(c, str) and c.strip() for c in codes):
                raise ValidationError(
                    "metric_codes must be a list of codes", errors={"metric_codes": ["expected strings"]}
                )
            body["metric_codes"] = [c.strip() for c in codes]
        if not body:
            raise ValidationError(
                "give predefined_metric_ids (catalog ids) or metric_codes",
                errors={"predefined_metric_ids": ["This field is required."]},
            )
        agent_or_project(ctx, body, agent_id, project_id, named="project_id", meaning="where the metrics go")
        if scenarios is not None:
            body["scenarios"] = ids(scenarios, "scenarios", at_most=1000)
        model = body_through_model("PredefinedMetricCopy", body, label="copy")
        return (yield from call(ctx, "predefined_metrics_copy", body=model))
