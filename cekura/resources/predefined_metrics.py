from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Unpack

from .._core import Context, Flow, call, positive_id
from .._typing import M, Raw, RequestOptions, operation
from ._base import pick
from ._metric_lifecycle import PredefinedCopy

if TYPE_CHECKING:
    from ..types import PredefinedMetric


class PredefinedMetrics(PredefinedCopy[M]):  # copy: ._metric_lifecycle
    """The platform's read-only catalog (`client.predefined_metrics`)."""

    @property
    def with_raw_response(self) -> PredefinedMetrics[Raw[M]]:
        """The same methods, returning `RawResponse` (status, headers, request id, parse())."""
        return self._raw_view()

    @operation
    def list(self, ctx: Context, **options: Unpack[RequestOptions]) -> Flow[builtins.list[PredefinedMetric]]:
        """Every predefined metric, as a list of dicts."""
        return (yield from call(ctx, "predefined_metrics_list"))

    @operation
    def get(
        self,
        ctx: Context,
        predefined_metric_id: int | None = None,
        *,
        id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[PredefinedMetric]:
        """One catalog entry by id: `get(12)` or `get(id=12)`."""
        number = positive_id(pick("id", predefined_metric_id, id), "id")
        return (yield from call(ctx, "predefined_metrics_get", id=number))
