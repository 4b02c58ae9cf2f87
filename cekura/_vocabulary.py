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
