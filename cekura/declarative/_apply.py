"""Carrying out a plan through the SDK's resources, with the fewest calls, safely under faults.

Calls: one bulk_create for every new metric; one update (PATCH) per changed metric (carrying its
agents too when they change); one bulk_manage_agents per (mode, agent set) for metrics whose only
change is their agents; one bulk_toggle_settings per distinct set of toggle-only settings; one
delete per pruned metric.

Faults: the SDK never resends a write that may have reached the server. When a write's outcome is
uncertain (no answer, a timeout, a 5xx, a garbled answer) apply reads the project again, plans
again from the same file, and carries on with that plan: a create that landed is found by its key
and not made twice. Without an answer after `max_rounds` re-reads it stops; running apply again
finishes the job (every step is planned from what the server has).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .._errors import (
    APIConnectionError,
    APIResponseError,
    APITimeoutError,
    CekuraError,
    RateLimitError,
    ServerError,
)
from ._io import read_live
from ._model import TOGGLE_ONLY
from ._plan import CREATE, DELETE, UPDATE, Change, Plan, compute_plan


@dataclass(slots=True)
class ApplyResult:
    """What apply did: ids created, updated and deleted, agent changes, and the calls it made."""

    created: dict[str, int] = field(default_factory=dict)  # key -> new id
    updated: list[int] = field(default_factory=list)
    deleted: list[int] = field(default_factory=list)
    attached: dict[int, list[int]] = field(default_factory=dict)  # metric id -> agents
    detached: dict[int, list[int]] = field(default_factory=dict)
    toggled: dict[int, dict[str, bool]] = field(default_factory=dict)
    calls: int = 0  # write calls answered with success (reads not counted)
    rereads: int = 0  # times the project was read again after an uncertain write
    log: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
            "attached": {str(k): v for k, v in self.attached.items()},
            "detached": {str(k): v for k, v in self.detached.items()},
            "toggled": {str(k): v for k, v in self.toggled.items()},
            "write_calls": self.calls,
            "rereads": self.rereads,
        }


def uncertain(exc: BaseException) -> bool:
    """Did a write fail in a way that leaves open whether the server applied it (or not at all)?"""
    if isinstance(exc, APIConnectionError):
        return True  # (when it provably never arrived the SDK has already retried it)
    if isinstance(exc, (ServerError, APIResponseError, RateLimitError)):
        return True
    return False


def apply_plan(
    plan: Plan,
    *,
    client: Any = None,
    max_rounds: int = 4,
    settle_seconds: float = 1.0,
    on_step: Callable[[str], None] | None = None,
) -> ApplyResult:
    """Carry out `plan` (see the module's docstring). Raises the last error if it cannot finish."""
    client = client if client is not None else plan.client
    if client is None:
        raise ValueError("apply needs a client: plan(...) with a client, or apply(plan, client=...)")
    result = ApplyResult()

    def say(text: str) -> None:
        result.log.append(text)
        if on_step is not None:
            on_step(text)

    current = plan
    for round_number in range(max_rounds + 1):
        try:
            _execute(client, current, result, say)
            return result
        except CekuraError as exc:
            if not uncertain(exc) or round_number == max_rounds:
                exc.applied = result  # type: ignore[attr-defined]
                raise
            say(f"uncertain: {exc}; reading project {plan.project} again before going on")
            if isinstance(exc, RateLimitError) and exc.retry_after:
                time.sleep(min(exc.retry_after, 60.0))
            elif settle_seconds > 0 and isinstance(exc, APITimeoutError):
                time.sleep(settle_seconds)  # a write still being processed: let it finish, then look
            result.rereads += 1
            details = frozenset(e["name"] for e in current.entries if "alert_enabled" in e)
            live = read_live(client, plan.project, details_for=details)
            current = compute_plan(
                plan.project,
                current.entries,
                live,
                prune=plan.prune,
                agent_id=plan.agent_id,
                source=plan.source,
            )
            if not current.has_changes:
                return result
    return result  # pragma: no cover (the loop returns or raises)


def _execute(client: Any, plan: Plan, result: ApplyResult, say: Callable[[str], None]) -> None:
    project = plan.project
    creates = [c for c in plan.changes if c.action == CREATE]
    updates = [c for c in plan.changes if c.action == UPDATE]
    deletes = [c for c in plan.changes if c.action == DELETE]
    toggles: dict[int, dict[str, bool]] = {}

    if creates:
        bodies = [_create_body(c, project) for c in creates]
        made = client.metrics.bulk_create(bodies)
        result.calls += 1
        made = [m for m in made or () if isinstance(m, dict)]
        by_name = {m.get("name"): m.get("id") for m in made}
        for index, change in enumerate(creates):
            same = len(made) == len(creates) and made[index].get("name") == change.name
            metric_id = made[index].get("id") if same else by_name.get(change.name)
            if isinstance(metric_id, int):
                result.created[change.key] = metric_id
                say(f"created {change.name!r} (id {metric_id})")
                settings = {n: change.desired[n] for n in TOGGLE_ONLY if change.changed(n) is not None}
                if settings:
                    toggles[metric_id] = settings

    groups: dict[tuple[str, tuple[int, ...]], list[int]] = {}
    for change in updates:
        assert change.metric_id is not None
        body = {f.field: f.after for f in change.fields if f.field not in TOGGLE_ONLY}
        settings = {f.field: f.after for f in change.fields if f.field in TOGGLE_ONLY}
        if settings:
            toggles[change.metric_id] = settings
        if body:
            _with_criterion(body, change)
            if change.attach or change.detach:
                body["agents"] = list(change.desired["agents"])  # rides along: no extra call
            client.metrics.update(change.metric_id, **body)
            result.calls += 1
            result.updated.append(change.metric_id)
            say(f"updated {change.name!r} (id {change.metric_id}): {', '.join(sorted(body))}")
            _note_agents(result, change)
            continue
        if change.attach:
            groups.setdefault(("attach", tuple(change.attach)), []).append(change.metric_id)
        if change.detach:
            groups.setdefault(("detach", tuple(change.detach)), []).append(change.metric_id)

    for (mode, agents), metric_ids in groups.items():
        lists = {"agents_to_add": list(agents)} if mode == "attach" else {"agents_to_remove": list(agents)}
        client.metrics.bulk_manage_agents(metric_ids=metric_ids, project_id=project, **lists)
        result.calls += 1
        for metric_id in metric_ids:
            (result.attached if mode == "attach" else result.detached)[metric_id] = list(agents)
        verb = "attached agents" if mode == "attach" else "detached agents"
        say(
            f"{verb} {', '.join(map(str, agents))} {'to' if mode == 'attach' else 'from'} metrics "
            f"{', '.join(map(str, metric_ids))}"
        )

    by_settings: dict[tuple[tuple[str, bool], ...], list[int]] = {}
    for metric_id, settings in toggles.items():
        by_settings.setdefault(tuple(sorted(settings.items())), []).append(metric_id)
    for settings_key, metric_ids in by_settings.items():
        client.metrics.bulk_toggle_settings(metric_ids, **dict(settings_key))
        result.calls += 1
        for metric_id in metric_ids:
            result.toggled[metric_id] = dict(settings_key)
        say(
            f"switched {', '.join(f'{k}={v}' for k, v in settings_key)} on metrics {', '.join(map(str, metric_ids))}"
        )

    for change in deletes:
        assert change.metric_id is not None
        client.metrics.delete(change.metric_id)
        result.calls += 1
        result.deleted.append(change.metric_id)
        say(f"deleted {change.name!r} (id {change.metric_id})")


def _create_body(change: Change, project: int) -> dict[str, Any]:
    """A new metric in the documented words: the file's non-default fields, its project and agents."""
    body: dict[str, Any] = {"name": change.name, "project": project}
    for item in change.fields:
        if item.field not in TOGGLE_ONLY:
            body[item.field] = item.after
    if "eval_type" not in body:
        body["eval_type"] = change.desired["eval_type"]
    if change.desired["agents"]:
        body["agents"] = list(change.desired["agents"])
    return _with_criterion(body, change)


def _with_criterion(body: dict[str, Any], change: Change) -> dict[str, Any]:
    """A body that sends `prompt` always sends the description the file wants too.

    The SDK carries an LLM judge's prompt into its description when no description is given;
    sending the file's own description (derived or not, even empty) keeps that rule from
    overwriting a description the file states, and spares the SDK a read of the metric's type.
    """
    if "prompt" in body and "description" not in body:
        body["description"] = change.desired["description"]
    return body


def _note_agents(result: ApplyResult, change: Change) -> None:
    if change.metric_id is None:
        return
    if change.attach:
        result.attached[change.metric_id] = list(change.attach)
    if change.detach:
        result.detached[change.metric_id] = list(change.detach)
