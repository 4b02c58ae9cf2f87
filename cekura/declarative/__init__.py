"""Metrics as code: keep a project's metrics in a file, see the plan, apply it safely.

    from cekura import Cekura
    from cekura import declarative

    client = Cekura()
    document = declarative.export(client, project_id=1)           # the live metrics as a file
    open("metrics.yaml", "w").write(declarative.dump(document))
    plan = declarative.plan(client, "metrics.yaml", prune=False)   # reads the project, diffs
    print(plan.render())                                           # or plan.to_dict()
    if plan.has_changes:
        result = declarative.apply(plan)                           # bulk create, updates, ...

The file (YAML or JSON; schema: `schema()` / `schema_path()`):

    version: 1
    project: 1
    metrics:
      - name: Booking confirmed            # the key (or give `key:` explicitly)
        eval_type: boolean
        prompt: Did the agent confirm a booking and read back the date and time?
        agents: [123]
      - name: Call under three minutes
        type: python
        code_file: metrics/short_call.py   # relative to the file (or `code: |` inline)
        agents: [123]

`compute_plan` is the pure function underneath `plan` (no I/O: give it the file's entries and
the live metrics). Nothing here is imported by `import cekura`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ._apply import ApplyResult, apply_plan, uncertain
from ._file import FileInvalid, MetricsFile, Problem, load, parse, schema
from ._io import dump, export_document, read_live, split_code
from ._plan import Change, FieldChange, Plan, PlanConflict, compute_plan

__all__ = [
    "ApplyResult",
    "Change",
    "FieldChange",
    "FileInvalid",
    "MetricsFile",
    "Plan",
    "PlanConflict",
    "Problem",
    "apply",
    "compute_plan",
    "dump",
    "export",
    "load",
    "parse",
    "plan",
    "read_live",
    "schema",
    "schema_path",
    "split_code",
    "uncertain",
]


def _sync(client: Any) -> Any:
    """The Cekura client itself; an AsyncCekura is refused (metrics as code runs synchronously)."""
    if type(client).__name__ == "AsyncCekura":
        raise TypeError("metrics as code takes a Cekura client (the sync one), not an AsyncCekura")
    return client


def schema_path() -> Path:
    """Where the metrics file's JSON Schema is installed (for an editor's settings)."""
    from ._file import SCHEMA_FILE

    return Path(__file__).with_name(SCHEMA_FILE)


def plan(
    client: Any, file: str | Path | MetricsFile, *, prune: bool = False, project_id: int | None = None
) -> Plan:
    """Read the file (if a path) and the live project; return what apply would change.

    `project_id` overrides the file's project (one file, several environments).
    """
    metrics_file = file if isinstance(file, MetricsFile) else load(file)
    project = project_id if project_id is not None else metrics_file.project
    details = frozenset(e["name"] for e in metrics_file.metrics if "alert_enabled" in e)
    live = read_live(_sync(client), project, details_for=details)
    result = compute_plan(
        project,
        metrics_file.metrics,
        live,
        prune=prune,
        agent_id=metrics_file.agent_id,
        source=Path(metrics_file.path).name,
    )
    result.client = client
    return result


def apply(
    plan: Plan,
    *,
    client: Any = None,
    on_step: Any = None,
    max_rounds: int = 4,
    settle_seconds: float = 1.0,
) -> ApplyResult:
    """Carry out a plan made by `plan(...)` (its client, unless `client=` is given).

    After a write whose outcome is uncertain, the project is read again and planned again (at most
    `max_rounds` times; after a timeout, `settle_seconds` later) before anything else is sent.
    """
    return apply_plan(
        plan,
        client=None if client is None else _sync(client),
        on_step=on_step,
        max_rounds=max_rounds,
        settle_seconds=settle_seconds,
    )


def export(client: Any, project_id: int, *, agent_id: int | None = None) -> dict[str, Any]:
    """The project's metrics (or only those of `agent_id`) as a metrics file document."""
    return export_document(_sync(client), project_id, agent_id)
