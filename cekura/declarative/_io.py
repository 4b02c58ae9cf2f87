"""Reading a project's live metrics, and exporting them as a metrics file. Talks to the API only
through the SDK's resources (retries, vocabulary and errors are the SDK's)."""

from __future__ import annotations

from typing import Any

from ._model import exported_entry, live_state

_DETAIL_FIELDS = ("custom_code", "alert_enabled")


def read_live(
    client: Any, project: int, *, details_for: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """The project's metrics as the API answers them (one list call).

    The list leaves some fields out on the real API (a python metric's code, alert_enabled): a
    python metric without its code, or a metric named in `details_for` missing a field, is
    fetched one by one (GETs, which the SDK retries safely).
    """
    metrics = client.metrics.list(project_id=project)
    if not isinstance(metrics, list):
        metrics = list(metrics)
    out = []
    for metric in metrics:
        if not isinstance(metric, dict) or metric.get("project") not in (None, project):
            continue
        needs = metric.get("type") == "custom_code" and "custom_code" not in metric
        needs = needs or (metric.get("name") in details_for and any(f not in metric for f in _DETAIL_FIELDS))
        if needs and isinstance(metric.get("id"), int):
            detail = client.metrics.get(metric["id"])
            if isinstance(detail, dict):
                metric = {**metric, **detail}
        out.append(metric)
    return out


def export_document(client: Any, project: int, agent_id: int | None = None) -> dict[str, Any]:
    """The project's metrics (or one agent's) as a metrics file document, defaults left out."""
    live = read_live(client, project)
    if agent_id is not None:
        live = [m for m in live if agent_id in (m.get("agents") or ())]
    document: dict[str, Any] = {"version": 1, "project": project}
    if agent_id is not None:
        document["agent_id"] = agent_id
    document["metrics"] = [
        exported_entry(live_state(m))
        for m in sorted(live, key=lambda m: (m.get("display_order") or 0, m.get("id") or 0))
    ]
    return document


def dump(document: dict[str, Any], fmt: str = "yaml", *, header: str | None = None) -> str:
    """A document as YAML (long texts and code as `|` blocks) or JSON."""
    if fmt == "json":
        import json

        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: Any, value: str) -> Any:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    def sequence(dumper: Any, value: list[Any]) -> Any:
        flow = all(isinstance(v, (int, float, str)) and not isinstance(v, bool) for v in value)
        flow = flow and sum(len(str(v)) for v in value) < 60
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)

    Dumper.add_representer(str, text)
    Dumper.add_representer(list, sequence)
    body = yaml.dump(document, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    prefix = "".join(f"# {line}\n" for line in header.splitlines()) if header else ""
    return prefix + body


def split_code(document: dict[str, Any], folder: str) -> tuple[dict[str, Any], dict[str, str]]:
    """Move each python metric's code out of `document` into `folder/<name>.py` (paths as given).

    Returns the new document (entries say `code_file: folder/<name>.py`) and {path: source}.
    Pure: the caller writes the files.
    """
    import re

    files: dict[str, str] = {}
    entries = []
    for entry in document.get("metrics", []):
        if not isinstance(entry.get("code"), str) or not entry["code"]:
            entries.append(entry)
            continue
        stem = re.sub(r"[^a-z0-9]+", "_", str(entry["name"]).lower()).strip("_") or "metric"
        path, number = f"{folder.rstrip('/')}/{stem}.py", 2
        while path in files:
            path, number = f"{folder.rstrip('/')}/{stem}_{number}.py", number + 1
        files[path] = entry["code"]
        entries.append(
            {("code_file" if k == "code" else k): (path if k == "code" else v) for k, v in entry.items()}
        )
    return {**document, "metrics": entries}, files
