"""The one place where the documented words become the API's wire words.

The docs (and the dashboard) use friendlier names than the API. Every translation the SDK
and CLI make is in the tables below; nothing else in the package renames a field or value.
Canonical wire values always pass unchanged.
"""

from __future__ import annotations

TYPE_CHECKING = False  # this module is imported by `cekura --help`: no `typing` import
if TYPE_CHECKING:
    from typing import Any

#: Value spellings, per field: documented word (lower case) -> wire value.
VALUE_ALIASES: dict[str, dict[str, str]] = {
    "eval_type": {
        "boolean": "binary",  # docs: eval_type="boolean"
        "bool": "binary",
        "rating": "continuous_qualitative",  # dashboard: Rating
        "binary_workflow_adherence": "binary",  # legacy values
        "binary_qualitative": "binary",
    },
    "type": {
        "python": "custom_code",  # docs: type="python"
        "code": "custom_code",
        "llm-judge": "llm_judge",
        "custom-code": "custom_code",
    },
    "mode": {"add": "enable", "remove": "disable", "attach": "enable", "detach": "disable"},
}

#: Field names in metric bodies: documented name -> wire name.
FIELD_ALIASES: dict[str, str] = {
    "code": "custom_code",  # docs: code="""def evaluate(call): ..."""
}

#: The reverse direction, for what we write back for people (`cekura metrics export`):
#: wire value -> the documented word. Wire values not listed are already the documented word.
DOCUMENTED_VALUES: dict[str, dict[str, str]] = {
    "eval_type": {"binary": "boolean", "continuous_qualitative": "rating"},
    "type": {"custom_code": "python"},
}

#: Field names, wire -> documented (the inverse of FIELD_ALIASES).
DOCUMENTED_FIELDS: dict[str, str] = {wire: doc for doc, wire in FIELD_ALIASES.items()}

#: Keyword arguments of SDK methods: documented name -> wire name.
ARGUMENT_ALIASES: dict[str, str] = {
    "count": "num_metrics",  # metrics.generate(count=10)
    "job_id": "progress_id",  # metric_reviews.process_feedbacks_progress(job_id=...)
    "metric_id": "id",  # metrics.get(metric_id=55) -> path parameter {id}
}

#: Job dicts we return carry the API's id under both names.
JOB_ID_NAMES = ("progress_id", "job_id")

#: bulk_manage_agents(agents_to_add=..., agents_to_remove=...) -> one call per wire mode.
AGENT_LIST_MODES = (("agents_to_add", "enable"), ("agents_to_remove", "disable"))

#: Boolean metric settings that bulk_toggle_settings (`--is-active true`, ...) may switch.
TOGGLE_SETTINGS = (
    "is_active",
    "simulation_enabled",
    "observability_enabled",
    "sampling_enabled",
    "audio_enabled",
    "alert_enabled",
    "add_to_new_agents",
)

#: Values the SDK fills in on create when the caller leaves them out: the docs' examples
#: omit `eval_type`, which the API requires; the dashboard's default is Boolean.
CREATE_DEFAULTS: dict[str, Any] = {"eval_type": "binary"}

#: Where a metric type reads its criterion: metric type -> (documented field, wire field).
#: The docs write an LLM judge's criterion as `prompt=`; the API's create description says the
#: judge reads it from `description`. So for an `llm_judge` metric given `prompt` and no
#: `description`, the body carries the text in both (create, update, replace, bulk create).
CRITERION_FIELDS: dict[str, tuple[str, str]] = {"llm_judge": ("prompt", "description")}


def wire_value(field: str, value: Any) -> Any:
    """The wire spelling of `value` for `field` (unchanged if it is already canonical)."""
    if isinstance(value, str):
        return VALUE_ALIASES.get(field, {}).get(value.strip().lower(), value)
    return value


def needs_metric_type(fields: dict[str, Any]) -> bool:
    """Whether placing the criterion (CRITERION_FIELDS) depends on a type these fields lack."""
    return "type" not in fields and any(
        source in fields and target not in fields for source, target in CRITERION_FIELDS.values()
    )


def metric_body(fields: dict[str, Any], *, creating: bool, metric_type: str | None = None) -> dict[str, Any]:
    """Documented metric fields -> the wire body (the schema check comes after).

    `metric_type` is the stored metric's type, for an update that does not name one.
    """
    from ._errors import ValidationError

    body: dict[str, Any] = {}
    for name, value in fields.items():
        wire = FIELD_ALIASES.get(name, name)
        if wire in body and wire != name:
            raise ValidationError(
                f"give either {name!r} or {wire!r}, not both (they are the same field)",
                errors={name: [f"duplicates {wire!r}"]},
            )
        body[wire] = wire_value(wire, value)
    if creating:
        for name, default in CREATE_DEFAULTS.items():
            body.setdefault(name, default)
    kind = body.get("type", metric_type)
    if isinstance(kind, str) and kind in CRITERION_FIELDS:
        source, target = CRITERION_FIELDS[kind]
        if source in body and target not in body:
            body[target] = body[source]
    return body


def with_job_aliases(job: Any) -> Any:
    """Give a job dict both names of its id (`progress_id` and `job_id`)."""
    if isinstance(job, dict):
        job_id = next((job[n] for n in JOB_ID_NAMES if job.get(n)), None)
        if job_id is not None:
            for name in JOB_ID_NAMES:
                job.setdefault(name, job_id)
    return job


# --------------------------------------------------------------------------- beyond the page (issue #11)
#: Keyword arguments of the calls / runs / results / test-set / preview methods, per method:
#: documented name -> wire field. (Everything else in those methods is sent under its own name.)
LIFECYCLE_ARGUMENTS: dict[str, dict[str, str]] = {
    "calls.list": {"filters": "filters_v2"},  # calls.list(filters={...}) -> ?filters_v2=<JSON>
    "calls.evaluate_metrics": {"call_log_id": "call_logs", "call_log_ids": "call_logs", "metric_ids": "metrics"},
    "calls.rerun_evaluation": {"call_log_id": "call_logs", "call_log_ids": "call_logs"},
    "metrics.preview": {"metric": "metric_data"},  # the unsaved metric's fields, in the documented words
    "results.evaluate_metrics": {},  # run_ids / metric_ids travel as strings (upstream's types)
    "test_sets.create_from_call_log": {"project_id": "project", "metric_ids": "metrics"},
    "test_sets.create_from_run": {"project_id": "project", "metric_ids": "metrics"},
}

#: calls.rerun_evaluation(call_log_ids="all") re-scores every call of the agent.
ALL_CALLS = "all"

#: Values the SDK fills in for a preview when the caller leaves them out (as on create).
PREVIEW_DEFAULTS: dict[str, Any] = {"name": "Preview", "type": "llm_judge", "eval_type": "binary"}

#: cekura calls mark-metric-vote --thumbs-up / --thumbs-down -> thumbs_up true / false.
VOTE_FLAGS = {"thumbs_up": True, "thumbs_down": False}


def lifecycle_field(method: str, name: str) -> str:
    """The wire field of a documented argument of one of the lifecycle methods."""
    return LIFECYCLE_ARGUMENTS.get(method, {}).get(name, name)
def documented_value(field: str, value: Any) -> Any:
    """The documented word for a wire `value` of `field` (documented words pass unchanged)."""
    value = wire_value(field, value)
    if isinstance(value, str):
        return DOCUMENTED_VALUES.get(field, {}).get(value, value)
    return value


def documented_metric(fields: dict[str, Any]) -> dict[str, Any]:
    """A metric in the API's words (or ours) -> the same metric in the documented words."""
    out: dict[str, Any] = {}
    for name, value in fields.items():
        wire = FIELD_ALIASES.get(name, name)
        out[DOCUMENTED_FIELDS.get(wire, wire)] = documented_value(wire, value)
    return out
