from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Unpack

from .._core import Context, Flow, body_through_model, call, positive_id
from .._errors import ValidationError
from .._typing import M, Raw, RequestOptions, operation
from .._vocabulary import lifecycle_field
from ._base import Resource, pick

if TYPE_CHECKING:
    from ..types import TestSet


class TestSets(Resource[M]):
    """Labs test sets made from calls and runs: the ground truth metric reviews learn from
    (`client.test_sets`)."""

    @property
    def with_raw_response(self) -> TestSets[Raw[M]]:
        """The same methods, returning `RawResponse` (status, headers, request id, parse())."""
        return self._raw_view()

    @operation
    def create_from_call_log(
        self,
        ctx: Context,
        call_log_id: int | None = None,
        *,
        name: str | None = None,
        metrics: Iterable[dict[str, Any] | int] | None = None,
        metric_ids: Iterable[int] | None = None,
        project: int | None = None,
        project_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[TestSet]:
        """Turn a production call into a test set. `metrics`: [{"metric", "expected_value", "feedback"}]
        (or plain ids). Without metrics, the metrics voted on for that call are used, with the
        votes' expected values and notes (the SDK reads the call first)."""
        return (
            yield from _create(ctx, "create_from_call_log", "call_log_id", call_log_id, name, metrics, metric_ids,
                               project, project_id)
        )

    @operation
    def create_from_run(
        self,
        ctx: Context,
        run_id: int | None = None,
        *,
        name: str | None = None,
        metrics: Iterable[dict[str, Any] | int] | None = None,
        metric_ids: Iterable[int] | None = None,
        project: int | None = None,
        project_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[TestSet]:
        """Turn a simulation run into a test set (as `create_from_call_log`)."""
        return (
            yield from _create(ctx, "create_from_run", "run_id", run_id, name, metrics, metric_ids, project,
                               project_id)
        )


def _labels(metrics: Any, metric_ids: Any) -> list[dict[str, Any]] | None:
    if metrics is not None and metric_ids is not None:
        raise ValidationError("give metrics or metric_ids, not both", errors={"metrics": ["given twice"]})
    items = metrics if metrics is not None else metric_ids
    if items is None:
        return None
    if isinstance(items, (dict, str, int)) or not isinstance(items, Iterable):
        items = [items]
    labels = []
    for index, item in enumerate(items):
        if isinstance(item, dict):
            label = dict(item)
            label["metric"] = positive_id(pick(f"metrics[{index}].metric", label.get("metric"),
                                               label.pop("metric_id", None)), f"metrics[{index}].metric")
        else:
            label = {"metric": positive_id(item, f"metrics[{index}]")}
        labels.append(label)
    if not labels:
        raise ValidationError("metrics must not be empty", errors={"metrics": ["expected at least one metric"]})
    return labels


def _voted(source: Any) -> list[dict[str, Any]]:
    """Labels from the votes on a call or run: each voted metric, with its expected value and note."""
    entries = source.get("evaluation", {}).get("metrics", []) if isinstance(source, dict) else []
    labels = []
    for entry in entries:
        vote = entry.get("vote") if isinstance(entry, dict) else None
        if isinstance(vote, dict) and isinstance(entry.get("id"), int):
            label: dict[str, Any] = {"metric": entry["id"], "feedback": vote.get("feedback") or ""}
            if vote.get("expected_value") is not None:
                label["expected_value"] = vote["expected_value"]
            labels.append(label)
    return labels


def _create(
    ctx: Context, verb: str, source_field: str, source_id: Any, name: Any, metrics: Any, metric_ids: Any,
    project: Any, project_id: Any,
) -> Flow[Any]:
    method = f"test_sets.{verb}"
    number = positive_id(pick(source_field, source_id), source_field)
    labels = _labels(metrics, metric_ids)
    if labels is None:
        read = "calls_get" if source_field == "call_log_id" else "runs_get"
        labels = _voted((yield from call(ctx, read, id=number)))
        if not labels:
            raise ValidationError(
                f"{source_field} {number} has no votes to build a test set from; pass metrics=[...] "
                "(or vote first with mark_metric_vote)",
                errors={"metrics": ["This field is required."]},
            )
    body: dict[str, Any] = {source_field: number, lifecycle_field(method, "metric_ids"): labels}
    owner = pick("project", project, project_id, required=False)
    if owner is None:
        owner = ctx.project_id
    if owner is not None:
        body[lifecycle_field(method, "project_id")] = positive_id(owner, "project")
    if name is not None:
        if not isinstance(name, str):
            raise ValidationError("name must be text", errors={"name": ["expected a string"]})
        body["name"] = name
    model_name = "TestSetFromCallLog" if source_field == "call_log_id" else "TestSetFromRun"
    model = body_through_model(model_name, body, label=verb)
    return (yield from call(ctx, f"test_sets_{verb}", body=model))
