"""The metric fields a file manages, their defaults, and one normal form to compare them in.

Everything here is pure: no I/O, no client. Values are compared in the documented vocabulary
(`cekura._vocabulary` translates; nothing here renames a field or value by itself).
"""

from __future__ import annotations

from typing import Any

from .._vocabulary import documented_metric, documented_value

#: Fields a file manages, in the order an export writes them, with the value a metric has when
#: the field is left out (the service's defaults; the sandbox mirrors them). A field equal to its
#: default is omitted by export, and a field omitted from the file means "the default" (except
#: those in ONLY_WHEN_STATED).
DEFAULTS: dict[str, Any] = {
    "type": "llm_judge",
    "eval_type": "boolean",
    "description": "",
    "prompt": "",
    "code": "",
    "enum_values": [],
    "agents": [],
    "audio_enabled": False,
    "simulation_enabled": True,
    "observability_enabled": False,
    "sampling_enabled": False,
    "add_to_new_agents": False,
    "is_active": True,
    "alert_enabled": False,
    "evaluation_trigger": "always",
    "trigger_type": "llm_judge",
    "evaluation_trigger_prompt": "",
    "evaluation_trigger_custom_code": "",
    "display_order": 0,
    "configuration": {},
}

#: Managed fields besides the name (`name` identifies; `key` is the file's own).
FIELDS: tuple[str, ...] = tuple(DEFAULTS)

#: Fields managed only when the file states them: the service may fill these in by itself
#: (a position in the dashboard, settings of its own), so leaving them out leaves them alone.
ONLY_WHEN_STATED: frozenset[str] = frozenset({"display_order", "configuration"})

#: Settings that the metric create/update bodies cannot carry: switched by bulk_toggle_settings.
TOGGLE_ONLY: tuple[str, ...] = ("is_active", "alert_enabled")

#: Long texts shown as a unified diff in a plan.
LONG_TEXT: frozenset[str] = frozenset(
    {"description", "prompt", "code", "evaluation_trigger_prompt", "evaluation_trigger_custom_code"}
)

#: Fields the server owns (ids, slugs, scores, alerts, costs...): never written, never compared.
#: Anything not in FIELDS is ignored when comparing; this list only documents the usual ones.
SERVER_OWNED: tuple[str, ...] = (
    "id",
    "slug",
    "project",
    "assistant_id",
    "function_name",
    "metric_cost",
    "agent_names",
    "kb_file_ids",
    "knowledge_base_files",
    "uses_llm_judge",
    "overall_score",
    "total_score",
    "reviews",
    "window_size",
    "std_multiplier",
    "ewma_alpha",
    "pending_optimisation_proposal",
)


def canonical(field: str, value: Any) -> Any:
    """One spelling per value, in the documented vocabulary, so equal things compare equal."""
    if value is None and field in DEFAULTS:
        return DEFAULTS[field]  # e.g. add_to_new_agents: null on the server means "no"
    if field == "agents":
        return sorted({int(a) for a in value or ()})
    if field == "enum_values":
        return [str(v) for v in value or ()]
    return documented_value(field, value)


def judge_criterion_derived(metric: dict[str, Any]) -> bool:
    """True when an LLM judge's description is just its prompt again.

    The judge's criterion lives in `description`; people write it as `prompt` (the docs' word),
    so the SDK carries the prompt into the description as well. Such a description is derived,
    not authored: export leaves it out and a file that leaves it out means exactly that.
    """
    prompt = metric.get("prompt") or ""
    return (
        metric.get("type", DEFAULTS["type"]) == "llm_judge"
        and bool(prompt)
        and (metric.get("description") or "") == prompt
    )


def desired_state(entry: dict[str, Any]) -> dict[str, Any]:
    """A file entry (documented words, `code_file` already read) -> every managed field's value."""
    fields = documented_metric({k: v for k, v in entry.items() if k not in ("key", "code_file")})
    state = {"name": fields["name"]}
    for field in FIELDS:
        if field in fields:
            state[field] = canonical(field, fields[field])
        elif field not in ONLY_WHEN_STATED:
            state[field] = _default(field)
    if "description" not in fields and state["type"] == "llm_judge" and state["prompt"]:
        state["description"] = state["prompt"]  # derived: the judge's criterion is its prompt
    return state


def live_state(metric: dict[str, Any]) -> dict[str, Any]:
    """A metric as the server answered -> the managed fields it reports, in the documented words.

    A field the answer leaves out is left out here too (compared as unknown, never as a default).
    """
    fields = documented_metric(metric)
    state: dict[str, Any] = {"name": fields.get("name", "")}
    for field in FIELDS:
        if field in fields:
            state[field] = canonical(field, fields[field])
    return state


def exported_entry(state: dict[str, Any]) -> dict[str, Any]:
    """Live state -> the file entry that says the same with the fewest words (defaults left out)."""
    entry: dict[str, Any] = {"name": state["name"]}
    for field in FIELDS:
        if field not in state:
            continue
        value = state[field]
        if field == "description" and judge_criterion_derived(state):
            continue
        if value == _default(field):
            if field == "description" and state.get("type") == "llm_judge" and state.get("prompt"):
                entry[field] = value  # an empty criterion beside a prompt is not the derived one
            continue
        entry[field] = value
    return entry


def _default(field: str) -> Any:
    value = DEFAULTS[field]
    return list(value) if isinstance(value, list) else dict(value) if isinstance(value, dict) else value
