"""Reading request bodies: --from-file PATH ('-' = stdin), --json TEXT, --code-file PATH.

Every problem (missing, unreadable, empty, not UTF-8, not JSON, wrong shape) is a
UsageError naming the flag and the file, raised before anything is sent.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from ._errors import UsageError

#: Largest body file accepted: the API (like the sandbox) refuses request bodies over 1 MiB.
MAX_INPUT_BYTES = 1024 * 1024


def _label(flag: str, path: str) -> str:
    return f"{flag} {'(stdin)' if path == '-' else path}"


def read_text(path: str, flag: str) -> str:
    """A UTF-8 text file (or stdin for '-'), refused when empty."""
    label = _label(flag, path)
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        data = stream.read(MAX_INPUT_BYTES + 1) if stream is not None else sys.stdin.read().encode()
    else:
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
        except FileNotFoundError:
            raise UsageError(
                f"{label}: no such file", "check the path (relative to the current directory)"
            ) from None
        except IsADirectoryError:
            raise UsageError(f"{label}: is a directory, not a file") from None
        except PermissionError:
            raise UsageError(f"{label}: permission denied") from None
        except OSError as exc:
            raise UsageError(f"{label}: cannot read it ({exc.strerror or exc})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise UsageError(
            f"{label}: larger than {MAX_INPUT_BYTES // 1024} KiB, more than the API accepts in one request",
            "split it (e.g. several bulk-create files) or trim long fields",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{label}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
            "save the file as UTF-8",
        ) from None
    if not text.strip():
        raise UsageError(f"{label}: is empty")
    return text


def parse_json(text: str, label: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"{label}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
            "check quotes, commas and brackets (e.g. with `python -m json.tool FILE`)",
        ) from None
    except RecursionError:
        raise UsageError(f"{label}: JSON nested too deeply") from None


def json_input(args: Any) -> tuple[Any, str] | None:
    """The JSON given with --from-file or --json, and a label for messages; None if neither."""
    path = getattr(args, "from_file", None)
    if path is not None:
        label = _label("--from-file", path)
        return parse_json(read_text(path, "--from-file"), label), label
    inline = getattr(args, "json_body", None)
    if inline is not None:
        if not inline.strip():
            raise UsageError("--json: is empty", "give a JSON object, e.g. --json '{\"is_resolved\": true}'")
        return parse_json(inline, "--json"), "--json"
    return None


def json_object(args: Any) -> dict[str, Any]:
    """The object given with --from-file / --json ({} if neither)."""
    given = json_input(args)
    if given is None:
        return {}
    value, label = given
    if not isinstance(value, dict):
        raise UsageError(
            f"{label}: expected a JSON object {{...}}, got {_kind(value)}", "see the example in --help"
        )
    return value


def json_metric_list(args: Any) -> list[dict[str, Any]]:
    """A non-empty array of metric objects, or {"metrics": [...]}, from --from-file / --json."""
    given = json_input(args)
    if given is None:
        raise UsageError(
            "give the metrics with --from-file PATH or --json '[...]'",
            "see `cekura metrics bulk-create --help`",
        )
    value, label = given
    if isinstance(value, dict):
        if not isinstance(value.get("metrics"), list):
            raise UsageError(
                f'{label}: expected a JSON array of metrics or {{"metrics": [...]}}, got an object without "metrics"'
            )
        value = value["metrics"]
    if not isinstance(value, list):
        raise UsageError(f"{label}: expected a JSON array of metrics, got {_kind(value)}")
    if not value:
        raise UsageError(f"{label}: the list of metrics is empty")
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise UsageError(f"{label}: item {index} is {_kind(item)}, expected a metric object {{...}}")
    return value


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if value is None:
        return "null"
    return "a number"
