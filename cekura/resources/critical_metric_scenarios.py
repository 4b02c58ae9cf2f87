from __future__ import annotations

from typing import TYPE_CHECKING, Any, Unpack

from .._core import Context, Flow, body_through_model, call, positive_id
from .._errors import ValidationError
from .._typing import M, PageFlow, Raw, RequestOptions, operation, paginator
from ._base import Resource, pick
from ._scoring import walk_pages

if TYPE_CHECKING:
    from ..types import CriticalMetricScenario, CriticalMetricScenarioPage, CriticalMetricScenarioPatchParams

_FILTERS = ("metric_id", "agent_id", "category_id")


class CriticalMetricScenarios(Resource[M]):
    """Scenarios flagged because a metric drifted (`client.critical_metric_scenarios`)."""

    @property
    def with_raw_response(self) -> CriticalMetricScenarios[Raw[M]]:
        """The same methods, returning `RawResponse` (status, headers, request id, parse())."""
        return self._raw_view()

    @operation
    def list(
        self,
        ctx: Context,
        metric_id: int | None = None,
        *,
        agent_id: int | None = None,
        category_id: int | None = None,
        page: int | None = None,
        page_size: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[CriticalMetricScenarioPage]:
        """One page: {"count", "next", "previous", "results"}. Use `iter()` to walk every page."""
        query = _query(
            metric_id=metric_id, agent_id=agent_id, category_id=category_id, page=page, page_size=page_size
        )
        return (yield from call(ctx, "critical_metric_scenarios_list", **query))

    @paginator
    def iter(
        self,
        ctx: Context,
        metric_id: int | None = None,
        *,
        agent_id: int | None = None,
        category_id: int | None = None,
        page_size: int | None = 100,
        **options: Unpack[RequestOptions],
    ) -> PageFlow[CriticalMetricScenario]:
        """Every scenario, page after page, fetched lazily (follows `next`, not `count`).

        With `.with_raw_response`, yields each page's `RawResponse` instead (`parse()` is the page).
        """
        query = _query(metric_id=metric_id, agent_id=agent_id, category_id=category_id, page_size=page_size)
        yield from walk_pages(ctx, "critical_metric_scenarios_list", query)

    @operation
    def get(
        self,
        ctx: Context,
        scenario_id: int | None = None,
        *,
        id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[CriticalMetricScenario]:
        """One scenario by id."""
        number = positive_id(pick("id", scenario_id, id), "id")
        return (yield from call(ctx, "critical_metric_scenarios_get", id=number))

    @operation
    def update(
        self,
        ctx: Context,
        scenario_id: int | None = None,
        /,
        *,
        id: int | None = None,
        **fields: Unpack[CriticalMetricScenarioPatchParams],
    ) -> Flow[CriticalMetricScenario]:
        """Triage a scenario: `update(42, is_resolved=True)` or `update(id=42, priority="not_a_bug")`."""
        number = positive_id(pick("id", scenario_id, id), "id")
        if not fields:
            raise ValidationError(
                "give at least one field to change, e.g. is_resolved=True",
                errors={"fields": ["nothing to update"]},
            )
        body = body_through_model("CriticalMetricScenarioPatch", dict(fields), label="update")
        return (yield from call(ctx, "critical_metric_scenarios_update", id=number, body=body))


def _query(**values: Any) -> dict[str, Any]:
    query: dict[str, Any] = {}
    for name, value in values.items():
        if value is not None:
            query[name] = positive_id(value, name)
    if query.get("page_size", 1) > 1000:
        raise ValidationError("page_size must be at most 1000", errors={"page_size": ["must be <= 1000"]})
    return query
