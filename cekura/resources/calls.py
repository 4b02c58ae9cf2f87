from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Unpack

from .._core import Context, Flow, body_through_model, call, positive_id
from .._errors import ValidationError
from .._typing import M, PageFlow, Raw, RequestOptions, operation, paginator
from .._vocabulary import ALL_CALLS, lifecycle_field
from ._base import Resource, pick
from ._scoring import ids, json_filter, one_of, page_query, timestamp, vote_body, walk_pages

if TYPE_CHECKING:
    from ..types import CallLog, CallLogPage, CallLogSummary, CallLogVoteAnswer


class Calls(Resource[M]):
    """Production call logs, their metric scores and votes (`client.calls`).

    A call log's id (`call_log_id`, `calls.get(7788)`) is the number Cekura gives the call;
    the `call_id` field inside a call log is the voice provider's own id.
    """

    @property
    def with_raw_response(self) -> Calls[Raw[M]]:
        """The same methods, returning `RawResponse` (status, headers, request id, parse())."""
        return self._raw_view()

    # ------------------------------------------------------------------ read
    @operation
    def list(
        self,
        ctx: Context,
        agent_id: int | None = None,
        project_id: int | None = None,
        *,
        assistant_id: str | None = None,
        call_ids: Iterable[int] | str | None = None,
        timestamp_from: datetime | str | None = None,
        timestamp_to: datetime | str | None = None,
        filters: dict[str, Any] | str | None = None,
        page: int | None = None,
        page_size: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[CallLogPage]:
        """One page of calls: {"count", "next", "previous", "results"}; `iter()` walks every page.

        Without a time range the API lists the last 30 days; a range may span 33 days at most.
        """
        query, extra = _list_query(agent_id, project_id, assistant_id, call_ids, timestamp_from, timestamp_to, filters)
        return (yield from call(ctx, "calls_list", extra_params=extra or None, **query, **page_query(page, page_size)))

    @paginator
    def iter(
        self,
        ctx: Context,
        agent_id: int | None = None,
        project_id: int | None = None,
        *,
        assistant_id: str | None = None,
        call_ids: Iterable[int] | str | None = None,
        timestamp_from: datetime | str | None = None,
        timestamp_to: datetime | str | None = None,
        filters: dict[str, Any] | str | None = None,
        page_size: int | None = 100,
        **options: Unpack[RequestOptions],
    ) -> PageFlow[CallLogSummary]:
        """Every call matching the filters, page after page, fetched lazily."""
        query, extra = _list_query(agent_id, project_id, assistant_id, call_ids, timestamp_from, timestamp_to, filters)
        query.update(page_query(None, page_size))
        yield from walk_pages(ctx, "calls_list", query, extra)

    @operation
    def get(
        self,
        ctx: Context,
        call_id: int | None = None,
        *,
        call_log_id: int | None = None,
        id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[CallLog]:
        """One call log with its transcript and `evaluation.metrics[]` scores: `get(7788)`."""
        number = positive_id(pick("call_log_id", call_id, call_log_id, id), "call_log_id")
        return (yield from call(ctx, "calls_get", id=number))

    # ------------------------------------------------------------------ scoring (costs credits)
    @operation
    def evaluate_metrics(
        self,
        ctx: Context,
        call_log_id: int | Iterable[int] | None = None,
        metric_ids: Iterable[int] | None = None,
        *,
        call_log_ids: Iterable[int] | None = None,
        agent_id: int | None = None,
        project_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[builtins.list[CallLogSummary]]:
        """Score calls with the chosen metrics (in the background; fetch a call to see its scores).

        `call_log_id` may be one id or many (or use `call_log_ids=`). The API wants the agent or
        project the calls belong to: given, else the configured default project, else read from
        the first call. Costs credits per call and metric. Upstream currently runs every metric
        of the agent whatever `metric_ids` says (a known bug).
        """
        return (yield from _evaluate(ctx, call_log_id, metric_ids, call_log_ids, agent_id, project_id))

    @operation
    def rerun_evaluation(
        self,
        ctx: Context,
        call_log_id: int | Iterable[int] | str | None = None,
        metric_ids: Iterable[int] | None = None,
        *,
        call_log_ids: Iterable[int] | str | None = None,
        agent_id: int | None = None,
        assistant_id: int | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[builtins.list[CallLog] | builtins.list[CallLogSummary]]:
        """Re-score calls with every metric of their agent (`call_log_ids="all"`: every call).

        Cekura's docs add `metric_ids=`, which the API's rerun does not take. With `metric_ids`
        the SDK scores just those metrics through `evaluate_metrics` instead (what the words
        ask for); it never reruns every metric when only some were named.
        """
        method = "calls.rerun_evaluation"
        one_of("call_log_ids", ("call_log_id", call_log_id), ("call_log_ids", call_log_ids))
        target = pick("call_log_id", call_log_id, call_log_ids)
        if metric_ids is not None:
            if isinstance(target, str) and target.strip().lower() == ALL_CALLS:
                raise ValidationError(
                    'metric_ids cannot be combined with call_log_ids="all" (the API scores chosen metrics '
                    "only on calls named by id)",
                    errors={"call_log_ids": ["list the call log ids"]},
                )
            if assistant_id is not None:
                raise ValidationError(
                    "with metric_ids, name the agent by agent_id (evaluate_metrics takes no assistant_id)",
                    errors={"assistant_id": ["use agent_id"]},
                )
            return (yield from _evaluate(ctx, target, metric_ids, None, agent_id, None))
        one_of("agent_id", ("agent_id", agent_id), ("assistant_id", assistant_id))
        if isinstance(target, str) and target.strip().lower() == ALL_CALLS:
            calls: Any = ALL_CALLS
        else:
            calls = ids(target, "call_log_ids")
        body: dict[str, Any] = {lifecycle_field(method, "call_log_ids"): calls}
        if assistant_id is not None:
            body["assistant_id"] = _assistant(assistant_id)
        elif agent_id is not None:
            body["agent_id"] = positive_id(agent_id, "agent_id")
        elif calls == ALL_CALLS:
            raise ValidationError(
                'call_log_ids="all" needs agent_id (or assistant_id): which agent\'s calls?',
                errors={"agent_id": ["This field is required."]},
            )
        else:
            first = yield from call(ctx, "calls_get", id=calls[0])
            body["agent_id"] = _agent_of(first, calls[0])
        model = body_through_model("CallsRerunEvaluation", body, label="rerun_evaluation")
        return (yield from call(ctx, "calls_rerun_evaluation", body=model))

    # ------------------------------------------------------------------ review
    @operation
    def mark_metric_vote(
        self,
        ctx: Context,
        call_log_id: int | None = None,
        *,
        metric_id: int | None = None,
        thumbs_up: bool | None = None,
        expected_value: Any = None,
        feedback: str | None = None,
        id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[CallLogVoteAnswer]:
        """Vote on a metric's judgment of a call: `mark_metric_vote(7788, metric_id=55, thumbs_up=False,
        expected_value=5, feedback="...")`. The call counts as reviewed afterwards."""
        number = positive_id(pick("call_log_id", call_log_id, id), "call_log_id")
        body = vote_body(pick("metric_id", metric_id), thumbs_up, expected_value, feedback)
        model = body_through_model("MetricVote", body, label="vote")
        return (yield from call(ctx, "calls_mark_metric_vote", id=number, body=model))


def _evaluate(
    ctx: Context, call_log_id: Any, metric_ids: Any, call_log_ids: Any, agent_id: Any, project_id: Any
) -> Flow[Any]:
    method = "calls.evaluate_metrics"
    one_of("call_log_ids", ("call_log_id", call_log_id), ("call_log_ids", call_log_ids))
    calls = ids(pick("call_log_id", call_log_id, call_log_ids), "call_log_ids")
    metrics = ids(pick("metric_ids", metric_ids), "metric_ids")
    body: dict[str, Any] = {lifecycle_field(method, "call_log_ids"): calls, lifecycle_field(method, "metric_ids"): metrics}
    body.update((yield from _scope(ctx, agent_id, project_id, calls[0])))
    model = body_through_model("CallsEvaluateMetrics", body, label="evaluate_metrics")
    return (yield from call(ctx, "calls_evaluate_metrics", body=model))


def _list_query(
    agent_id: Any, project_id: Any, assistant_id: Any, call_ids: Any, timestamp_from: Any, timestamp_to: Any,
    filters: Any,
) -> tuple[dict[str, Any], dict[str, Any]]:
    query: dict[str, Any] = {}
    if agent_id is not None:
        query["agent_id"] = positive_id(agent_id, "agent_id")
    if project_id is not None:
        query["project_id"] = positive_id(project_id, "project_id")
    if assistant_id is not None:
        query["assistant_id"] = _assistant(assistant_id)
    if call_ids is not None:
        query["call_ids"] = ",".join(str(i) for i in ids(call_ids, "call_ids"))
    extra: dict[str, Any] = {}  # date-times and the filter tree go as text, as the user gave them
    if timestamp_from is not None:
        extra["timestamp_from"] = timestamp(timestamp_from, "timestamp_from")
    if timestamp_to is not None:
        extra["timestamp_to"] = timestamp(timestamp_to, "timestamp_to")
    if filters is not None:
        extra[lifecycle_field("calls.list", "filters")] = json_filter(filters, "filters")
    return query, extra


def _assistant(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip():
        raise ValidationError("assistant_id must be an id", errors={"assistant_id": ["expected an id"]})
    return value.strip() if isinstance(value, str) else value


def _agent_of(call_log: Any, call_log_id: int) -> int:
    agent = call_log.get("agent") if isinstance(call_log, dict) else None
    if isinstance(agent, int) and not isinstance(agent, bool) and agent > 0:
        return agent
    raise ValidationError(
        f"cannot tell which agent call log {call_log_id} belongs to; pass agent_id=...",
        errors={"agent_id": ["This field is required."]},
    )


def _scope(ctx: Context, agent_id: Any, project_id: Any, first_call: int) -> Flow[Any]:
    """{agent_id} or {project_id} for evaluate_metrics: given, configured, or read from a call."""
    one_of("agent_id", ("agent_id", agent_id), ("project_id", project_id))
    if agent_id is not None:
        return {"agent_id": positive_id(agent_id, "agent_id")}
    if project_id is not None:
        return {"project_id": positive_id(project_id, "project_id")}
    if ctx.project_id is not None:
        return {"project_id": ctx.project_id}
    call_log = yield from call(ctx, "calls_get", id=first_call)  # a read: no credits
    return {"agent_id": _agent_of(call_log, first_call)}
