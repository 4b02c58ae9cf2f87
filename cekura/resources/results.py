from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Unpack

from .._core import Context, Flow, body_through_model, call, positive_id
from .._errors import ValidationError
from .._typing import M, Raw, RequestOptions, operation
from ._base import Resource, pick
from ._scoring import ids

MAX_BULK_RESULTS = 100


if TYPE_CHECKING:
    from ..types import ResultDetail, ResultSummary


class Results(Resource[M]):
    """Simulation results, one per test launch, and re-scoring their runs (`client.results`).

    Re-scoring never places a call: it is `evaluate_metrics`, not the API's `rerun` (which
    dials every scenario again and costs call credits); this SDK has no method for the latter.
    """

    @property
    def with_raw_response(self) -> Results[Raw[M]]:
        """The same methods, returning `RawResponse` (status, headers, request id, parse())."""
        return self._raw_view()

    @operation
    def get(self, ctx: Context, result_id: int | None = None, *, id: int | None = None, **options: Unpack[RequestOptions]) -> Flow[ResultDetail]:
        """One result; `runs` is a dict keyed by run id (a string)."""
        number = positive_id(pick("result_id", result_id, id), "result_id")
        return (yield from call(ctx, "results_get", id=number))

    @operation
    def evaluate_metrics(
        self,
        ctx: Context,
        result_id: int | None = None,
        metric_ids: Iterable[int] | None = None,
        run_ids: Iterable[int] | None = None,
        *,
        id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[ResultSummary]:
        """Score runs of a result again with the chosen metrics (credits per run and metric).

        Without `run_ids`, every run of the result: the SDK reads the result first (the API
        insists on a list of runs). Returns the result.
        """
        number = positive_id(pick("result_id", result_id, id), "result_id")
        metrics = ids(pick("metric_ids", metric_ids), "metric_ids")
        if run_ids is not None:
            runs = ids(run_ids, "run_ids")
        else:
            result = yield from call(ctx, "results_get", id=number)
            runs = _run_ids(result, number)
        body: dict[str, Any] = {"run_ids": [str(r) for r in runs], "metric_ids": [str(m) for m in metrics]}
        model = body_through_model("ResultEvaluateMetrics", body, label="evaluate_metrics")
        return (yield from call(ctx, "results_evaluate_metrics", id=number, body=model))

    @operation
    def bulk_evaluate_metrics(
        self,
        ctx: Context,
        result_ids: Iterable[int] | None = None,
        metric_ids: Iterable[int] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[None]:
        """Score every finished run of up to 100 results with the chosen metrics. Returns None."""
        body = {
            "result_ids": ids(pick("result_ids", result_ids), "result_ids", at_most=MAX_BULK_RESULTS),
            "metric_ids": ids(pick("metric_ids", metric_ids), "metric_ids"),
        }
        model = body_through_model("ResultsBulkEvaluateMetrics", body, label="bulk_evaluate_metrics")
        return (yield from call(ctx, "results_bulk_evaluate_metrics", body=model))


def _run_ids(result: Any, result_id: int) -> list[int]:
    runs = result.get("runs") if isinstance(result, dict) else None
    found = []
    for key, run in (runs.items() if isinstance(runs, dict) else ()):
        value = run.get("id", key) if isinstance(run, dict) else key
        if str(value).isdigit():
            found.append(int(str(value)))
    if isinstance(runs, list):
        found = [int(str(r["id"])) for r in runs if isinstance(r, dict) and str(r.get("id", "")).isdigit()]
    if not found:
        raise ValidationError(
            f"result {result_id} has no runs to score; nothing was sent", errors={"run_ids": ["no runs"]}
        )
    return sorted(set(found))
