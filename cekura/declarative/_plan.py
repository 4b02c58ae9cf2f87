"""The plan: a pure function (desired file, live metrics) -> the changes that make them agree.

No I/O here: `compute_plan` is given the file's entries and the server's metrics (plain dicts)
and returns a `Plan`, which renders itself as text or as data. `cekura.declarative.plan()` reads
the live metrics and calls it; `apply()` carries a plan out.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from .._errors import CekuraError
from ._model import (
    DEFAULTS,
    FIELDS,
    LONG_TEXT,
    canonical,
    desired_state,
    live_state,
)

CREATE, UPDATE, DELETE = "create", "update", "delete"
_SYMBOL = {CREATE: "+", UPDATE: "~", DELETE: "-"}


class PlanConflict(CekuraError):
    """The live project cannot be matched with the file unambiguously (e.g. two metrics share a name)."""


@dataclass(slots=True)
class FieldChange:
    """One field of one metric: its live value and the file's."""

    field: str
    before: Any
    after: Any
    derived: bool = False  # an LLM judge's description that follows its prompt

    def diff(self, label: str = "file") -> str | None:
        """A unified diff of a long text, or None for short values."""
        if self.field not in LONG_TEXT or not isinstance(self.before, str) or not isinstance(self.after, str):
            return None
        if "\n" not in self.before + self.after and max(len(self.before), len(self.after)) <= 60:
            return None
        lines = difflib.unified_diff(
            _lines(self.before), _lines(self.after), fromfile="live", tofile=label, lineterm=""
        )
        return "\n".join(lines)

    def to_dict(self, label: str = "file") -> dict[str, Any]:
        out = {"field": self.field, "before": self.before, "after": self.after}
        if self.derived:
            out["derived_from"] = "prompt"
        text = self.diff(label)
        if text is not None:
            out["diff"] = text
        return out


@dataclass(slots=True)
class Change:
    """What apply will do to one metric."""

    action: str  # create | update | delete
    key: str
    name: str
    metric_id: int | None = None
    fields: list[FieldChange] = field(default_factory=list)
    attach: list[int] = field(default_factory=list)
    detach: list[int] = field(default_factory=list)
    #: create and update: every managed field's value as the file wants it (documented words).
    desired: dict[str, Any] = field(default_factory=dict)

    def changed(self, name: str) -> FieldChange | None:
        return next((f for f in self.fields if f.field == name), None)

    def to_dict(self, label: str = "file") -> dict[str, Any]:
        out: dict[str, Any] = {
            "action": self.action,
            "key": self.key,
            "name": self.name,
            "id": self.metric_id,
        }
        if self.fields:
            out["fields"] = [f.to_dict(label) for f in self.fields]
        if self.action != DELETE:
            out["attach"] = self.attach
            out["detach"] = self.detach
        return out


@dataclass(slots=True)
class Plan:
    """The changes that would make the live project match the file (`has_changes`, `to_dict()`, `render()`)."""

    project: int
    changes: list[Change]
    unchanged: list[str] = field(default_factory=list)  # keys of metrics already as the file says
    prune: bool = False
    agent_id: int | None = None
    source: str = "file"
    warnings: list[str] = field(default_factory=list)
    #: Live metrics the file does not list, left alone (without --prune): (id, name).
    unmanaged: list[tuple[int, str]] = field(default_factory=list)
    #: What apply needs to re-plan after an uncertain write: the file's entries and the client.
    entries: list[dict[str, Any]] = field(default_factory=list, repr=False, compare=False)
    client: Any = field(default=None, repr=False, compare=False)

    @property
    def has_changes(self) -> bool:
        return bool(self.changes)

    def counts(self) -> dict[str, int]:
        counts = {CREATE: 0, UPDATE: 0, DELETE: 0}
        for change in self.changes:
            counts[change.action] += 1
        counts["attach"] = sum(len(c.attach) for c in self.changes if c.action == UPDATE)
        counts["detach"] = sum(len(c.detach) for c in self.changes if c.action == UPDATE)
        return counts

    def summary(self) -> str:
        n = self.counts()
        if not self.changes:
            return (
                f"No changes: project {self.project} matches {self.source} ({len(self.unchanged)} metrics)."
            )
        parts = [f"{n[CREATE]} to create", f"{n[UPDATE]} to update", f"{n[DELETE]} to delete"]
        return f"Plan for project {self.project}: " + ", ".join(parts) + "."

    def to_dict(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "agent_id": self.agent_id,
            "prune": self.prune,
            "has_changes": self.has_changes,
            "summary": self.counts(),
            "changes": [c.to_dict(self.source) for c in self.changes],
            "unchanged": self.unchanged,
            "unmanaged": [{"id": i, "name": n} for i, n in self.unmanaged],
            "warnings": self.warnings,
        }

    def render(self) -> str:
        """The plan for people: one block per metric, long texts as unified diffs."""
        out: list[str] = []
        for change in self.changes:
            out += _render_change(change, self.source)
        if self.unmanaged and not self.prune:
            names = ", ".join(f"{n!r} (id {i})" for i, n in self.unmanaged)
            out.append(f"Not in the file, left alone (--prune deletes them): {names}")
        out += [f"warning: {w}" for w in self.warnings]
        out.append(self.summary())
        return "\n".join(out) + "\n"


def _lines(text: str) -> list[str]:
    return text.splitlines() or [""]


def _short(value: Any) -> str:
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return repr(text)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return str(value) if not isinstance(value, (list, dict)) else _json(value)


def _json(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def _render_change(change: Change, label: str) -> list[str]:
    where = f" (id {change.metric_id})" if change.metric_id is not None else ""
    out = [f"{_SYMBOL[change.action]} {change.action} {change.name!r}{where}"]
    if change.key != change.name:
        out[0] += f" [key {change.key!r}]"
    for item in change.fields:
        if item.derived and change.changed("prompt") is not None:
            out.append(f"    {item.field}: follows the prompt")
            continue
        text = item.diff(label)
        if change.action == CREATE:
            if isinstance(item.after, str) and "\n" in item.after:
                out.append(f"    {item.field}: |")
                out += [f"      {line}" for line in _lines(item.after)]
            else:
                out.append(f"    {item.field}: {_short(item.after)}")
        elif text is None:
            out.append(f"    {item.field}: {_short(item.before)} -> {_short(item.after)}")
        else:
            out.append(f"    {item.field}:")
            out += [f"      {line}" for line in text.splitlines()]
    if change.attach:
        out.append(f"    agents: attach {', '.join(map(str, change.attach))}")
    if change.detach:
        out.append(f"    agents: detach {', '.join(map(str, change.detach))}")
    return out


# ----------------------------------------------------------------------------- the pure function
def compute_plan(
    project: int,
    entries: list[dict[str, Any]],
    live: list[dict[str, Any]],
    *,
    prune: bool = False,
    agent_id: int | None = None,
    source: str = "file",
) -> Plan:
    """What to create, update and (with `prune`) delete so that `live` matches `entries`.

    `entries` are the file's metrics (documented words, code files read); `live` the project's
    metrics as the API answered them. A live metric matches the entry whose name it bears, else
    the entry whose `key` it bears (a rename). Raises PlanConflict when a name is ambiguous.
    """
    by_name: dict[str, list[dict[str, Any]]] = {}
    for metric in live:
        by_name.setdefault(str(metric.get("name", "")), []).append(metric)
    claimed: dict[int, str] = {}
    matches: dict[int, dict[str, Any] | None] = {}

    def claim(index: int, name: str) -> bool:
        found = by_name.get(name, [])
        if len(found) > 1:
            ids = ", ".join(str(m.get("id")) for m in found)
            raise PlanConflict(
                f"project {project} has {len(found)} metrics named {name!r} (ids {ids}); the file "
                "cannot tell which one it means: delete or rename all but one, then plan again"
            )
        if found and found[0].get("id") not in claimed:
            matches[index] = found[0]
            claimed[found[0]["id"]] = name
            return True
        return False

    for index, entry in enumerate(entries):  # by name first, then by key (renamed metrics)
        claim(index, entry["name"])
    for index, entry in enumerate(entries):
        if index not in matches and entry.get("key") and entry["key"] != entry["name"]:
            claim(index, entry["key"])

    plan = Plan(project, [], prune=prune, agent_id=agent_id, source=source, entries=entries)
    for index, entry in enumerate(entries):
        key = str(entry.get("key") or entry["name"])
        want = desired_state(entry)
        derived = "description" not in entry and want["description"] == want["prompt"] != ""
        found = matches.get(index)
        if found is None:
            plan.changes.append(_create(key, want, derived))
            continue
        change = _update(key, want, found, derived, plan.warnings, explicit=set(entry))
        if change.fields or change.attach or change.detach:
            plan.changes.append(change)
        else:
            plan.unchanged.append(key)
    for metric in sorted(live, key=lambda m: m.get("id") or 0):
        if metric.get("id") in claimed:
            continue
        if agent_id is not None and agent_id not in (metric.get("agents") or ()):
            continue  # the file covers one agent's metrics: others are not its business
        if prune:
            plan.changes.append(
                Change(DELETE, str(metric.get("name")), str(metric.get("name")), metric.get("id"))
            )
        else:
            plan.unmanaged.append((metric.get("id") or 0, str(metric.get("name"))))
    return plan


def _create(key: str, want: dict[str, Any], derived: bool) -> Change:
    change = Change(CREATE, key, want["name"], desired=want, attach=list(want["agents"]))
    for name in FIELDS:
        if name != "agents" and name in want and want[name] != canonical(name, DEFAULTS[name]):
            change.fields.append(FieldChange(name, None, want[name], derived and name == "description"))
    return change


def _update(
    key: str,
    want: dict[str, Any],
    metric: dict[str, Any],
    derived: bool,
    warnings: list[str],
    explicit: set[str],
) -> Change:
    have = live_state(metric)
    change = Change(UPDATE, key, want["name"], metric.get("id"), desired=want)
    if have["name"] != want["name"]:
        change.fields.append(FieldChange("name", have["name"], want["name"]))
    for name in FIELDS:
        if name == "agents" or name not in want:  # not stated, and the file leaves it alone
            continue
        if name not in have:
            if name in explicit or (name == "code" and "code_file" in explicit):
                warnings.append(
                    f"the server did not report {name} of {want['name']!r} (id {metric.get('id')}); not compared"
                )
            continue
        if have[name] != want[name]:
            change.fields.append(FieldChange(name, have[name], want[name], derived and name == "description"))
    if "agents" in have:
        change.attach = sorted(set(want["agents"]) - set(have["agents"]))
        change.detach = sorted(set(have["agents"]) - set(want["agents"]))
    return change

