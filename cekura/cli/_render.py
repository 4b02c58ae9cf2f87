"""Output: JSON (exactly the SDK's return value, indent 2) or a rich table fitted to the terminal.

rich is imported only inside `_table`, so JSON output and --help never load it.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

#: Columns of each kind of list.
COLUMNS = {
    "metrics": ("id", "name", "type", "eval_type", "agents", "project"),
    "predefined": ("id", "slug", "name", "category", "eval_type", "cost"),
    "scenarios": ("id", "scenario", "priority", "is_resolved"),
    "generated": ("name", "type", "eval_type", "agents", "description"),
    # beyond the page (issue #11)
    "calls": ("id", "timestamp", "agent", "duration", "status", "call_ended_reason", "topic"),
    "runs": ("id", "scenario_name", "status", "success", "duration", "scores"),
    "scores": ("id", "name", "type", "score", "vote", "explanation"),
    "verdicts": ("call_log_id", "run_id", "score", "value", "explanation"),
    "versions": ("history_id", "history_date", "history_type", "name", "history_change_reason"),
}
#: Columns that may be folded onto several lines; the others stay whole.
WIDE = frozenset({"name", "scenario", "description", "slug", "category", "explanation", "topic", "scenario_name",
                  "scores", "vote", "call_ended_reason", "history_change_reason"})
EMPTY = {
    "metrics": "No metrics found.",
    "predefined": "No predefined metrics found.",
    "scenarios": "No critical metric scenarios found.",
    "generated": "No metrics were generated.",
    "calls": "No calls found (the API lists the last 30 days unless given --from/--to).",
    "runs": "No runs.",
    "scores": "No metric has scored this yet.",
    "verdicts": "No verdicts yet.",
    "versions": "No versions recorded.",
}


def render(
    value: Any,
    kind: str = "object",
    *,
    json_mode: bool,
    out: TextIO,
    title: str | None = None,
    caption: str | None = None,
) -> None:
    if json_mode:
        out.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")
    else:
        _table(value, kind, out, title=title, caption=caption)
    out.flush()


def cell(value: Any, compact: bool = True) -> str:
    """A value as table text: lists of ids joined by commas, objects as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, list) and all(
        isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value
    ):
        return ", ".join(str(v) for v in value)
    if compact:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        return text if len(text) <= 80 else text[:79] + "…"
    return json.dumps(value, ensure_ascii=False, indent=2)


def _page_caption(page: dict[str, Any]) -> str:
    results = page.get("results") or []
    shown = f"{len(results)} shown" + (f" of {page['count']}" if isinstance(page.get("count"), int) else "")
    if page.get("next"):
        return f"{shown}; next page: --page {_page_number(page['next']) or 'N'}, or --all for every page"
    return shown


def _page_number(url: Any) -> str | None:
    from urllib.parse import parse_qs, urlsplit

    pages = parse_qs(urlsplit(str(url)).query).get("page")
    return pages[0] if pages else None


def _width(out: TextIO) -> int | None:
    """None lets rich measure a terminal; a pipe or file gets COLUMNS or 120."""
    try:
        if out.isatty():
            return None
    except (AttributeError, ValueError):
        pass
    import os

    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 20 else 120


def _table(value: Any, kind: str, out: TextIO, *, title: str | None, caption: str | None) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, width=_width(out), markup=False, highlight=False, emoji=False)

    if kind in COLUMNS and isinstance(value, dict) and isinstance(value.get("results"), list):
        caption = caption or _page_caption(value)
        value = value["results"]

    if isinstance(value, list):
        if not value:
            console.print(EMPTY.get(kind, "Nothing found."))
            return
        columns = COLUMNS.get(kind) or _columns_of(value)
        table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False)
        for name in columns:
            wide = name in WIDE
            table.add_column(name, overflow="fold", no_wrap=not wide, min_width=4)
        for item in value:
            row = item if isinstance(item, dict) else {"value": item}
            table.add_row(*(Text(cell(row.get(name))) for name in columns))
        console.print(table)
        if caption:
            console.print(Text(caption, style="dim"))
        return

    if isinstance(value, dict):
        shown = {k: value[k] for k in _field_order(value) if value[k] not in (None, "", [], {})}
        if not shown:
            console.print("(empty)" if not value else "(every field is empty)")
            return
        hidden = len(value) - len(shown)
        if hidden and caption is None:
            caption = f"{hidden} empty field{'s' if hidden > 1 else ''} not shown; --format json shows all"
        table = Table(title=title, box=box.SIMPLE, show_header=False, show_edge=False)
        table.add_column("field", style="bold", no_wrap=True)
        table.add_column("value", overflow="fold")
        for key, item in shown.items():
            table.add_row(Text(str(key)), Text(cell(item, compact=False)))
        console.print(table)
        if caption:
            console.print(Text(caption, style="dim"))
        return

    console.print(Text("Done." if value is None else cell(value, compact=False)))


#: Fields shown first in a single object's table (then the rest, in the API's order).
FIRST = (
    "id",
    "name",
    "slug",
    "status",
    "progress",
    "type",
    "eval_type",
    "agents",
    "project",
    "prompt",
    "description",
)


def _field_order(value: dict[str, Any]) -> list[str]:
    first = [k for k in FIRST if k in value]
    return first + [k for k in value if k not in first]


def _columns_of(items: list[Any]) -> tuple[str, ...]:
    """Columns for a list of an unknown kind: the keys of its first items (at most 8)."""
    seen: dict[str, None] = {}
    for item in items[:20]:
        if isinstance(item, dict):
            seen.update(dict.fromkeys(item))
    return tuple(seen)[:8] or ("value",)
