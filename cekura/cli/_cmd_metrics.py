"""Predefined metrics, metrics and critical metric scenarios: parse -> one SDK call -> render.

Field values are passed to the SDK in the user's words; the SDK translates them.
"""

from __future__ import annotations

from typing import Any

from . import _input
from ._errors import UsageError

_FIELD_FLAGS = ("name", "type", "eval_type", "prompt", "description", "enum_values")


# ----------------------------------------------------------------------------- predefined metrics
def predefined_list(rt: Any) -> None:
    rt.show(rt.client.predefined_metrics.list(), "predefined")


def predefined_get(rt: Any) -> None:
    rt.show(rt.client.predefined_metrics.get(rt.args.id))


# ----------------------------------------------------------------------------- metrics
def metrics_list(rt: Any) -> None:
    args = rt.args
    rt.show(rt.client.metrics.list(agent_id=args.agent_id, project_id=args.cmd_project_id), "metrics")


def metrics_get(rt: Any) -> None:
    args = rt.args
    if (args.metric is None) == (args.slug is None):
        raise UsageError("give a METRIC_ID or --slug SLUG (one of them)", "e.g. `cekura metrics get 55`")
    rt.show(rt.client.metrics.get(args.metric if args.slug is None else args.slug))


def metric_fields(args: Any) -> dict[str, Any]:
    """The body from --from-file/--json, overridden by the field flags."""
    body = _input.json_object(args)
    for name in _FIELD_FLAGS:
        value = getattr(args, name, None)
        if value is not None:
            body[name] = value
    if args.agents:
        body["agents"] = [agent for group in args.agents for agent in group]
    if args.project is not None:
        body["project"] = args.project
    if args.code_file is not None:
        body["code"] = _input.read_text(args.code_file, "--code-file")
    return body


def _nonempty(body: dict[str, Any], verb: str, example: str) -> dict[str, Any]:
    if not body:
        raise UsageError(
            f"nothing to {verb}", f"give --from-file {example}, --json '{{...}}' or flags such as --prompt"
        )
    return body


def metrics_create(rt: Any) -> None:
    rt.show(rt.client.metrics.create(_nonempty(metric_fields(rt.args), "create", "metric.json")))


def metrics_update(rt: Any) -> None:
    rt.show(rt.client.metrics.update(rt.args.id, **_nonempty(metric_fields(rt.args), "update", "patch.json")))


def metrics_delete(rt: Any) -> None:
    metric_id = rt.args.id
    result = rt.client.metrics.delete(metric_id)
    if rt.structured:
        rt.show(result)
    rt.say(f"Deleted metric {metric_id}.")


def metrics_bulk_create(rt: Any) -> None:
    rt.show(rt.client.metrics.bulk_create(metrics=_input.json_metric_list(rt.args)), "metrics")


def metrics_bulk_manage_agents(rt: Any) -> None:
    args = rt.args
    if not args.agents_to_add and not args.agents_to_remove:
        raise UsageError("give --agents-to-add and/or --agents-to-remove", "e.g. --agents-to-add 123,124")
    rt.show(
        rt.client.metrics.bulk_manage_agents(
            metric_ids=args.metric_ids,
            agents_to_add=args.agents_to_add,
            agents_to_remove=args.agents_to_remove,
            project_id=args.cmd_project_id,
        )
    )


def metrics_bulk_toggle_settings(rt: Any) -> None:
    from .._vocabulary import TOGGLE_SETTINGS

    args = rt.args
    settings = {name: getattr(args, name) for name in TOGGLE_SETTINGS if getattr(args, name) is not None}
    if not settings:
        flags = ", ".join("--" + name.replace("_", "-") for name in TOGGLE_SETTINGS)
        raise UsageError("give at least one setting to switch", f"e.g. --is-active true (settings: {flags})")
    rt.show(rt.client.metrics.bulk_toggle_settings(metric_ids=args.metric_ids, **settings))


# ----------------------------------------------------------------------------- critical metric scenarios
def scenarios_list(rt: Any) -> None:
    args = rt.args
    scenarios = rt.client.critical_metric_scenarios
    filters = {"agent_id": args.agent_id, "category_id": args.category_id}
    if args.all:
        if args.page_size is not None:
            filters["page_size"] = args.page_size
        rt.show(scenarios.iter(args.metric_id, **filters), "scenarios")  # streamed, page by page
    else:
        rt.show(
            scenarios.list(args.metric_id, page=args.page, page_size=args.page_size, **filters), "scenarios"
        )


def scenarios_get(rt: Any) -> None:
    rt.show(rt.client.critical_metric_scenarios.get(rt.args.id))


def scenarios_update(rt: Any) -> None:
    args = rt.args
    fields = _input.json_object(args)
    if args.priority is not None:
        fields["priority"] = args.priority
    if args.is_resolved is not None:
        fields["is_resolved"] = args.is_resolved
    if not fields:
        raise UsageError(
            "nothing to update",
            "give --json '{\"is_resolved\": true}', --from-file, --priority or --is-resolved",
        )
    rt.show(rt.client.critical_metric_scenarios.update(args.id, **fields))
