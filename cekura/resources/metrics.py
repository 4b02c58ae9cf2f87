from __future__ import annotations

import builtins
import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Unpack

from .._core import Context, Flow, body_through_model, call, id_list, id_or_slug, positive_id
from .._errors import CekuraError, UnknownArgumentError, ValidationError
from .._typing import JobRequestOptions, M, Raw, RequestOptions, operation
from .._vocabulary import (
    AGENT_LIST_MODES,
    TOGGLE_SETTINGS,
    metric_body,
    needs_metric_type,
    wire_value,
    with_job_aliases,
)
from ._base import checked_job_id, pick, wait_for_job
from ._metric_lifecycle import MetricLifecycle

if TYPE_CHECKING:
    from ..types import (
        BulkAgentAssignmentResult,
        BulkToggleSettingsParams,
        BulkToggleSettingsResult,
        GenerateMetricsProgress,
        JobStarted,
        Metric,
        MetricDetail,
        MetricListItem,
        MetricPatchParams,
        MetricWriteInput,
        MetricWriteParams,
    )


class Metrics(MetricLifecycle[M]):  # preview, history, restore: ._metric_lifecycle
    """Your metrics (`client.metrics`). Returns are the API's JSON as dicts and lists."""

    @property
    def with_raw_response(self) -> Metrics[Raw[M]]:
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
        agents: Iterable[int] | str | None = None,
        slug: str | None = None,
        filters: dict[str, Any] | None = None,
        include_scores: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[builtins.list[MetricListItem]]:
        """Metrics of an agent and/or a project (a plain list; the API does not paginate it)."""
        query: dict[str, Any] = {}
        if agent_id is not None:
            query["agent_id"] = positive_id(agent_id, "agent_id")
        if project_id is not None:
            query["project_id"] = positive_id(project_id, "project_id")
        if assistant_id is not None:
            query["assistant_id"] = str(assistant_id)
        if agents is not None:
            query["agents"] = ",".join(str(a) for a in id_list(agents, "agents"))
        if slug is not None:
            query["slug"] = str(slug)
        if include_scores is not None:
            if not isinstance(include_scores, bool):
                raise ValidationError(
                    "include_scores must be true or false", errors={"include_scores": ["expected a boolean"]}
                )
            query["include_scores"] = include_scores
        extra: dict[str, Any] = {}
        if filters is not None:
            if not isinstance(filters, dict):
                raise ValidationError("filters must be a dict", errors={"filters": ["expected an object"]})
            # The API reads `filters` as JSON text; the generator would explode the object into keys.
            extra["filters"] = json.dumps(filters, separators=(",", ":"))
        return (yield from call(ctx, "metrics_list", extra_params=extra or None, **query))

    @operation
    def get(
        self,
        ctx: Context,
        metric_id: int | str | None = None,
        *,
        id: int | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[MetricDetail]:
        """One metric by id or slug: `get(55)`, `get(metric_id=55)`, `get("booking_confirmed_55")`."""
        return (
            yield from call(ctx, "metrics_get", id=id_or_slug(pick("metric_id", metric_id, id), "metric_id"))
        )

    # ------------------------------------------------------------------ write
    @operation
    def create(
        self, ctx: Context, metric: MetricWriteInput | dict[str, Any] | None = None, /, **fields: Unpack[MetricWriteParams]
    ) -> Flow[Metric]:
        """Create a metric from keyword arguments (or a dict), in the documented vocabulary.

        `type="python"` and `code=` become `custom_code`; `eval_type="boolean"` becomes `binary`;
        `eval_type` defaults to `binary`; `project` defaults to the configured default project;
        an `llm_judge` metric's `prompt` is also sent as its `description` unless one is given.
        A field the API does not know is refused before sending (did-you-mean included).
        """
        if metric is not None and not isinstance(metric, dict):
            raise ValidationError(
                f"create takes a dict of metric fields or keyword arguments, got {type(metric).__name__}",
                errors={"metric": ["expected an object"]},
            )
        body = self._write_body(ctx, {**(metric or {}), **fields}, label="metric")
        return (yield from call(ctx, "metrics_create", body=body))

    @operation
    def update(
        self,
        ctx: Context,
        metric_id: int | None = None,
        *,
        id: int | None = None,
        **fields: Unpack[MetricPatchParams],
    ) -> Flow[Metric]:
        """Change some fields of a metric (PATCH): `update(55, prompt="...")`.

        Given `prompt` without `description` or `type`, the metric is read first: an
        `llm_judge` metric's criterion is then sent as `description` too.
        """
        number = positive_id(pick("metric_id", metric_id, id), "metric_id")
        data: dict[str, Any] = dict(fields)
        body = body_through_model("MetricPatch", metric_body(data, creating=False), label="update")
        if needs_metric_type(data):
            current = yield from call(ctx, "metrics_get", id=str(number))
            kind = current.get("type") if isinstance(current, dict) else None
            body = body_through_model("MetricPatch", metric_body(data, creating=False, metric_type=kind), label="update")
        return (yield from call(ctx, "metrics_update", id=number, body=body))

    @operation
    def replace(
        self,
        ctx: Context,
        metric_id: int | None = None,
        *,
        id: int | None = None,
        **fields: Unpack[MetricWriteParams],
    ) -> Flow[Metric]:
        """Replace a metric as a whole (PUT); fields left out take their defaults."""
        number = positive_id(pick("metric_id", metric_id, id), "metric_id")
        body = self._write_body(ctx, dict(fields), label="metric")
        return (yield from call(ctx, "metrics_replace", id=number, body=body))

    @operation
    def delete(
        self, ctx: Context, metric_id: int | None = None, *, id: int | None = None, **options: Unpack[RequestOptions]
    ) -> Flow[None]:
        """Delete a metric. Returns None."""
        number = positive_id(pick("metric_id", metric_id, id), "metric_id")
        return (yield from call(ctx, "metrics_delete", id=number))

    @operation
    def bulk_create(
        self,
        ctx: Context,
        metrics: builtins.list[MetricWriteInput] | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[builtins.list[Metric]]:
        """Create several metrics in one request; every item is checked before anything is sent."""
        if not isinstance(metrics, (list, tuple)) or not metrics:
            raise ValidationError(
                "metrics must be a non-empty list of metric dicts",
                errors={"metrics": ["expected a non-empty list"]},
            )
        bodies, errors, suggestions = [], {}, []
        unknown = False
        for index, item in enumerate(metrics):
            try:
                bodies.append(self._write_body(ctx, item, label=f"metrics[{index}]"))
            except ValidationError as exc:
                label = f"metrics[{index}]"
                errors.update({k if k == label else f"{label}.{k}": msgs for k, msgs in exc.errors.items()})
                if isinstance(exc, UnknownArgumentError):
                    unknown = True
                    suggestions += exc.suggestions
        if errors:
            message = "invalid metrics; nothing was sent: " + "; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items())
            if unknown:
                raise UnknownArgumentError(
                    message + " (send fields the SDK does not know yet with extra_body={...}). Nothing was sent.",
                    errors=errors,
                    suggestions=suggestions,
                )
            raise ValidationError(message, errors=errors)
        return (yield from call(ctx, "metrics_bulk_create", body=bodies))

    @operation
    def bulk_manage_agents(
        self,
        ctx: Context,
        metric_ids: Iterable[int] | None = None,
        agents_to_add: Iterable[int] | None = None,
        agents_to_remove: Iterable[int] | None = None,
        *,
        project_id: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[BulkAgentAssignmentResult | dict[str, BulkAgentAssignmentResult]]:
        """Attach `agents_to_add` to and detach `agents_to_remove` from every metric in `metric_ids`.

        One API call per non-empty list (`mode="enable"`, then `mode="disable"`). The project is
        taken from `project_id`, else the configured default project, else the metrics themselves.
        Returns the API's answer; with both lists, {"enable": answer, "disable": answer}.
        """
        ids = id_list(pick("metric_ids", metric_ids), "metric_ids")
        if not ids:
            raise ValidationError(
                "metric_ids must not be empty", errors={"metric_ids": ["expected at least one id"]}
            )
        lists = {"agents_to_add": agents_to_add, "agents_to_remove": agents_to_remove}
        plans = [
            (mode, id_list(lists[name], name)) for name, mode in AGENT_LIST_MODES if lists[name] is not None
        ]
        plans = [(mode, agents) for mode, agents in plans if agents]
        if not plans:
            return {
                "updated_count": 0,
                "message": "agents_to_add and agents_to_remove are empty; nothing was sent.",
            }
        project = positive_id(project_id, "project_id") if project_id is not None else ctx.project_id
        if project is None:
            project = yield from self._project_of(ctx, ids)
        answers: dict[str, Any] = {}
        for mode, agents in plans:
            body = body_through_model(
                "BulkAgentAssignment",
                {
                    "project_id": project,
                    "metric_ids": ids,
                    "agent_ids": agents,
                    "mode": wire_value("mode", mode),
                },
            )
            try:
                answers[mode] = yield from call(ctx, "metrics_bulk_manage_agents", body=body)
            except CekuraError as exc:
                if answers:
                    exc.message += " (the agents_to_add step had already been applied)"
                    exc.args = (exc.message,)
                raise
        return next(iter(answers.values())) if len(answers) == 1 else answers

    def _project_of(self, ctx: Context, ids: builtins.list[int]) -> Flow[int]:
        projects = set()
        for metric_id in ids:
            metric = yield from call(ctx, "metrics_get", id=str(metric_id))
            if isinstance(metric, dict) and metric.get("project") is not None:
                projects.add(metric["project"])
        if len(projects) != 1:
            why = "they belong to different projects" if projects else "they have no project"
            raise ValidationError(
                f"cannot tell which project metrics {ids} belong to ({why}); pass project_id=..., "
                "or set a default with `cekura config set default_project_id ID` / CEKURA_PROJECT_ID",
                errors={"project_id": ["This field is required."]},
            )
        return projects.pop()

    @operation
    def bulk_toggle_settings(
        self, ctx: Context, metric_ids: Iterable[int] | None = None, /, **settings: Unpack[BulkToggleSettingsParams]
    ) -> Flow[BulkToggleSettingsResult]:
        """Switch boolean settings on many metrics in one call: `bulk_toggle_settings([55, 56], is_active=True)`."""
        given: dict[str, Any] = dict(settings)
        ids = id_list(pick("metric_ids", metric_ids, given.pop("metric_ids", None)), "metric_ids")
        if not ids:
            raise ValidationError(
                "metric_ids must not be empty", errors={"metric_ids": ["expected at least one id"]}
            )
        if not given:
            raise ValidationError(
                "give at least one setting to switch, e.g. is_active=True (known: "
                + ", ".join(TOGGLE_SETTINGS)
                + ")",
                errors={"settings": ["at least one setting is required"]},
            )
        body = body_through_model("BulkToggleSettings", {"metric_ids": ids, **given}, label="settings")
        return (yield from call(ctx, "metrics_bulk_toggle_settings", body=body))

    # ------------------------------------------------------------------ generation jobs
    @operation
    def generate(
        self,
        ctx: Context,
        agent_id: int | None = None,
        count: int | None = None,
        *,
        assistant_id: str | None = None,
        num_metrics: int | None = None,
        wait: bool = False,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        on_progress: Callable[[dict[str, Any]], None] | None = None,
        **options: Unpack[JobRequestOptions],
    ) -> Flow[JobStarted | GenerateMetricsProgress]:
        """Ask the API to propose `count` metrics for an agent.

        Returns the job ({"progress_id", "job_id"}) at once, or with `wait=True` polls until
        it completes (at most `timeout` seconds) and returns its final state, whose `metrics`
        are the proposals (dicts ready for bulk_create), as `wait_for_generation` does.
        """
        body: dict[str, Any] = {}
        if agent_id is not None:
            body["agent_id"] = positive_id(agent_id, "agent_id")
        if assistant_id is not None:
            body["assistant_id"] = assistant_id
        if "agent_id" not in body and "assistant_id" not in body:
            raise ValidationError(
                "give agent_id (or assistant_id)", errors={"agent_id": ["This field is required."]}
            )
        number = pick("count", count, num_metrics, required=False)
        if number is not None:
            if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 100:
                raise ValidationError(
                    f"count must be a whole number from 1 to 100, got {number!r}",
                    errors={"num_metrics": ["must be 1..100"]},
                )
            body["num_metrics"] = number
        model = body_through_model("GenerateMetricsRequest", body, label="generate")
        job: Any = with_job_aliases((yield from call(ctx, "metrics_generate", body=model)))
        if not wait:
            return job
        return (
            yield from wait_for_job(
                ctx,
                "metrics_generate_progress",
                job["progress_id"],
                timeout=timeout,
                poll_interval=poll_interval,
                on_progress=on_progress,
            )
        )

    @operation
    def generate_progress(
        self,
        ctx: Context,
        progress_id: str | None = None,
        *,
        job_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Flow[GenerateMetricsProgress]:
        """The state of a generation job (status, progress, and the metrics once completed)."""
        pid = checked_job_id("progress_id", progress_id, job_id)
        return with_job_aliases((yield from call(ctx, "metrics_generate_progress", progress_id=pid)))

    @operation
    def wait_for_generation(
        self,
        ctx: Context,
        progress_id: str | None = None,
        *,
        job_id: str | None = None,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        on_progress: Callable[[dict[str, Any]], None] | None = None,
        **options: Unpack[JobRequestOptions],
    ) -> Flow[GenerateMetricsProgress]:
        """Poll a generation job until it completes; return its final state. Raises JobError on failure."""
        pid = checked_job_id("progress_id", progress_id, job_id)
        return (
            yield from wait_for_job(
                ctx,
                "metrics_generate_progress",
                pid,
                timeout=timeout,
                poll_interval=poll_interval,
                on_progress=on_progress,
            )
        )

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _write_body(ctx: Context, fields: Any, *, label: str) -> Any:
        if not isinstance(fields, dict):
            raise ValidationError(
                f"{label} must be a dict of metric fields, got {type(fields).__name__}",
                errors={label: ["expected an object"]},
            )
        body = metric_body(fields, creating=True)
        if "project" not in body and ctx.project_id is not None:
            body["project"] = ctx.project_id
        model = body_through_model("MetricWrite", body, label=label)
        problems = {}
        if isinstance(body.get("name"), str) and not body["name"].strip():
            problems["name"] = ["This field may not be blank."]
        if body.get("eval_type") == "enum" and not body.get("enum_values"):
            problems["enum_values"] = ['required when eval_type is "enum" (the labels the metric may answer)']
        if any(a <= 0 for a in body.get("agents") or ()):
            problems["agents"] = ["agent ids must be positive integers"]
        if problems:
            raise ValidationError(
                f"invalid {label}: " + "; ".join(f"{k}: {v[0]}" for k, v in problems.items()), errors=problems
            )
        return model
