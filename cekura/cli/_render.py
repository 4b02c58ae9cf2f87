"""Output: JSON, YAML, a table fitted to the terminal, or tab-separated rows for scripts.

Modes (chosen by `Runtime`; `--format` overrides the default):
- "table": on a terminal (or CEKURA_FORCE_TTY): columns fitted to the width, long cells cut
  with an ellipsis ("…"); `--wide` shows every cell whole.
- "tsv": when stdout is not a terminal (as gh does): one line per row, cells separated by
  tabs, no header, title or caption; a single object is `field<TAB>value` lines.
- "json": exactly the SDK's value, indent 2 (a list is streamed item by item).
- "yaml": the same value as YAML (PyYAML, imported only then).

Lists may be any iterable: rows are written as they come (a table measures its columns on
the first rows), so `--all` output starts at once and `| head` stops the work early.
Nothing heavy is imported here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from itertools import chain, islice
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
#: Columns cut first when a table is too wide for the terminal.
WIDE = frozenset({"name", "scenario", "description", "slug", "category", "prompt", "value", "source", "explanation",
                  "topic", "scenario_name", "scores", "vote", "call_ended_reason", "history_change_reason"})
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
#: Rows measured before a table's column widths are fixed (the rest are streamed).
SAMPLE_ROWS = 200
#: Widest field name shown beside its value in a single object's table.
KEY_WIDTH = 22
ELLIPSIS = "…"


def render(
    value: Any,
    kind: str = "object",
    *,
    out: TextIO,
    json_mode: bool = False,
    mode: str | None = None,
    title: str | None = None,
    caption: str | None = None,
    wide: bool = False,
    width: int | None = None,
) -> None:
    """Write `value` to `out` in `mode` (default: "json" if json_mode else "table")."""
    mode = mode or ("json" if json_mode else "table")
    if mode == "json":
        _json(value, out)
    elif mode == "yaml":
        _yaml(value, out)
    elif mode == "tsv":
        _tsv(value, kind, out)
    else:
        _table(value, kind, out, title=title, caption=caption, wide=wide, width=width)
    out.flush()


def is_list(value: Any) -> bool:
    """A value shown as rows: a list, or an iterator/generator of items."""
    return isinstance(value, list) or (isinstance(value, Iterator) and not isinstance(value, (str, bytes, dict)))


# ----------------------------------------------------------------------------- JSON / YAML
def _json(value: Any, out: TextIO) -> None:
    if not isinstance(value, Iterator):
        out.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")
        return
    # Streamed, yet byte for byte what json.dumps(list(value), indent=2) prints.
    first = True
    for item in value:
        out.write(("[\n  " if first else ",\n  ") + json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n  "))
        first = False
    out.write("[]\n" if first else "\n]\n")


def _yaml(value: Any, out: TextIO) -> None:
    import yaml

    if isinstance(value, Iterator):
        value = list(value)
    try:
        dumper: Any = yaml.CSafeDumper
    except AttributeError:
        dumper = yaml.SafeDumper
    out.write(yaml.dump(value, Dumper=dumper, sort_keys=False, allow_unicode=True, default_flow_style=False))


# ----------------------------------------------------------------------------- cells
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
        return text if len(text) <= 80 else text[:79] + ELLIPSIS
    return json.dumps(value, ensure_ascii=False, indent=2)


def _one_line(text: str) -> str:
    if "\n" in text or "\t" in text or "\r" in text:
        return " ".join(text.split())
    return text


def text_width(text: str) -> int:
    """Columns `text` takes on a terminal (wide East Asian characters count 2, combining 0)."""
    if text.isascii():
        return len(text)
    import unicodedata

    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return total


def fit(text: str, width: int) -> str:
    """`text` cut to `width` columns, ending in an ellipsis when cut."""
    if text_width(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    if text.isascii():
        return text[: width - 1] + ELLIPSIS
    shown, used = [], 0
    for char in text:
        w = text_width(char)
        if used + w > width - 1:
            break
        shown.append(char)
        used += w
    return "".join(shown) + ELLIPSIS


def _pad(text: str, width: int) -> str:
    gap = width - text_width(text)
    return text + " " * gap if gap > 0 else text


# ----------------------------------------------------------------------------- pages
def is_page(value: Any) -> bool:
    """A paginated answer: {"count", "next", "previous", "results": [...]}."""
    return isinstance(value, dict) and isinstance(value.get("results"), list) and "next" in value


def page_caption(page: dict[str, Any]) -> str:
    results = page.get("results") or []
    shown = f"{len(results)} shown" + (f" of {page['count']}" if isinstance(page.get("count"), int) else "")
    if page.get("next"):
        return f"{shown}; next page: --page {_page_number(page['next']) or 'N'}, or --all for every page"
    return shown


def _page_number(url: Any) -> str | None:
    from urllib.parse import parse_qs, urlsplit

    pages = parse_qs(urlsplit(str(url)).query).get("page")
    return pages[0] if pages else None


# ----------------------------------------------------------------------------- width
def terminal_width(out: TextIO) -> int | None:
    """COLUMNS, else the terminal's width; None for a pipe or file (no limit)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 20:
        return int(columns)
    forced = os.environ.get("CEKURA_FORCE_TTY", "")
    if forced.isdigit() and int(forced) > 20:
        return int(forced)
    try:
        return os.get_terminal_size(out.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return 80 if forced else None


# ----------------------------------------------------------------------------- TSV
def _tsv(value: Any, kind: str, out: TextIO) -> None:
    write = out.write
    if is_list(value):
        items = iter(value)
        first = next(items, _END)
        if first is _END:
            import sys

            sys.stderr.write(EMPTY.get(kind, "Nothing found.") + "\n")  # stdout: no rows
            return
        columns = COLUMNS.get(kind) or _columns_of([first] if not isinstance(value, list) else value)
        for item in chain((first,), items):
            row = item if isinstance(item, dict) else {"value": item}
            write("\t".join(_one_line(cell(row.get(name))) for name in columns) + "\n")
        return
    if isinstance(value, dict):
        for key in _field_order(value):
            write(f"{key}\t{_one_line(cell(value[key]))}\n")
        return
    if value is not None:
        write(_one_line(cell(value)) + "\n")


_END = object()


# ----------------------------------------------------------------------------- tables
def _table(
    value: Any, kind: str, out: TextIO, *, title: str | None, caption: str | None, wide: bool, width: int | None
) -> None:
    if width is None:
        width = terminal_width(out)
    if is_page(value):
        caption = caption or page_caption(value)
        value = value["results"]
    write = out.write
    if is_list(value):
        items = iter(value)
        sample = list(islice(items, None if wide else SAMPLE_ROWS))
        if not sample:
            write(EMPTY.get(kind, "Nothing found.") + "\n")
            return
        columns = COLUMNS.get(kind) or _columns_of(sample)
        sample_rows = [[_one_line(cell(_field(item, name))) for name in columns] for item in sample]
        rest = ([_one_line(cell(_field(item, name))) for name in columns] for item in items)
        widths = _column_widths(columns, sample_rows, None if wide else width)
        if title:
            write(title + "\n")
        write(_line(columns, widths) + "\n")
        write("  ".join("─" * w for w in widths).rstrip() + "\n")
        for row in chain(sample_rows, rest):
            write(_line(row, widths) + "\n")
        if caption:
            write(caption + "\n")
        return
    if isinstance(value, dict):
        shown = {k: value[k] for k in _field_order(value) if value[k] not in (None, "", [], {})}
        if not shown:
            write(("(empty)" if not value else "(every field is empty)") + "\n")
            return
        hidden = len(value) - len(shown)
        if hidden and caption is None:
            caption = f"{hidden} empty field{'s' if hidden > 1 else ''} not shown; --format json shows all"
        if title:
            write(title + "\n")
        # The field column fits the usual names; a longer one gets a line of its own.
        key_width = max((w for w in (text_width(str(k)) for k in shown) if w <= KEY_WIDTH), default=KEY_WIDTH)
        room = None if (wide or width is None) else max(20, width - key_width - 2)
        for key, item in shown.items():
            lines = _wrapped(cell(item, compact=False), room)
            name = str(key)
            if text_width(name) > key_width:
                write(name + "\n")
                lines_out = lines
            else:
                write(_pad(name, key_width) + "  " + lines[0] + "\n")
                lines_out = lines[1:]
            for more in lines_out:
                write(" " * (key_width + 2) + more + "\n")
        if caption:
            write(caption + "\n")
        return
    write(("Done." if value is None else cell(value, compact=False)) + "\n")


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else (item if name == "value" else None)


def _line(cells: Iterable[str], widths: list[int]) -> str:
    return "  ".join(_pad(fit(text, w), w) for text, w in zip(cells, widths, strict=False)).rstrip()


def _column_widths(columns: tuple[str, ...], rows: list[list[str]], width: int | None) -> list[int]:
    """Natural widths; when wider than `width`, the long text columns give way first."""
    widths = [max([text_width(name)] + [text_width(row[i]) for row in rows]) for i, name in enumerate(columns)]
    if width is None:
        return widths
    excess = sum(widths) + 2 * (len(widths) - 1) - width
    for shrinkable, floor in ((lambda n: n in WIDE, 10), (lambda n: True, 4)):
        while excess > 0:
            candidates = [i for i, n in enumerate(columns) if shrinkable(n) and widths[i] > floor]
            if not candidates:
                break
            widest = max(candidates, key=lambda i: widths[i])
            others = [widths[i] for i in candidates if i != widest]
            # cut the widest down to the next widest (or floor), at most by the excess
            target = max(floor, max(others, default=floor), widths[widest] - excess)
            cut = widths[widest] - target or 1
            widths[widest] -= cut
            excess -= cut
    return widths


def _wrapped(text: str, room: int | None) -> list[str]:
    """A single object's value: its own lines, each wrapped to `room` columns (None: as is)."""
    lines = text.splitlines() or [""]
    if room is None:
        return lines
    import textwrap

    wrapped: list[str] = []
    for line in lines:
        if text_width(line) <= room:
            wrapped.append(line)
        else:
            wrapped.extend(textwrap.wrap(line, room, break_long_words=True, break_on_hyphens=False) or [""])
    return wrapped


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
