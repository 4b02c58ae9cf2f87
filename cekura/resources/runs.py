from __future__ import annotations

from typing import TYPE_CHECKING, Any, Unpack

from .._core import Context, Flow, body_through_model, call, positive_id
from .._typing import M, Raw, RequestOptions, operation
from ._base import Resource, pick
from ._scoring import vote_body

if TYPE_CHECKING:
    from ..types import Run, RunVoteAnswer


class Runs(Resource[M]):
    """Simulated calls (runs) of a test result (`client.runs`).

    A run's scores are in `evaluation.metrics[]` (`id`, `name`, `type`, `score` 0..5 or None,
    `explanation`); Cekura's docs read `metric_results[...]["value"]`, which the API does not have.
    """

    @property
    def with_raw_response(self) -> Runs[Raw[M]]:
        """The same methods, returning `RawResponse` (status, headers, request id, parse())."""
        return self._raw_view()

    @operation
    def get(self, ctx: Context, run_id: int | None = None, *, id: int | None = None, **options: Unpack[RequestOptions]) -> Flow[Run]:
        """One run with its transcript and metric scores: `get(9001)`."""
        number = positive_id(pick("run_id", run_id, id), "run_id")
        return (yield from call(ctx, "runs_get", id=number))

    @operation
    def mark_metric_vote(
        self,
        ctx: Context,
        run_id: int | None = None,
        *,
        metric_id: int | None = None,
        thumbs_up: bool | None = None,
        expected_value: Any = None,
        feedback: str | None = None,
        id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[RunVoteAnswer]:
        """Vote on a metric's judgment of a run; answers {"success": true}."""
        number = positive_id(pick("run_id", run_id, id), "run_id")
        body = vote_body(pick("metric_id", metric_id), thumbs_up, expected_value, feedback)
        model = body_through_model("MetricVote", body, label="vote")
        return (yield from call(ctx, "runs_mark_metric_vote", id=number, body=model))
