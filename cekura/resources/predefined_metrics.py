from __future__ import annotations

from .._core import Context, Flow, call, positive_id
from ._base import operation, pick
from ._metric_lifecycle import PredefinedCopy


class PredefinedMetrics(PredefinedCopy):  # copy: ._metric_lifecycle
    """The platform's read-only catalog (`client.predefined_metrics`)."""

    @operation
    def list(self, ctx: Context) -> Flow:
        """Every predefined metric, as a list of dicts."""
        return (yield from call(ctx, "predefined_metrics_list"))

    @operation
    def get(self, ctx: Context, predefined_metric_id: int | None = None, *, id: int | None = None) -> Flow:
        """One catalog entry by id: `get(12)` or `get(id=12)`."""
        number = positive_id(pick("id", predefined_metric_id, id), "id")
        return (yield from call(ctx, "predefined_metrics_get", id=number))
