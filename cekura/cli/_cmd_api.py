"""`cekura api METHOD PATH`: any endpoint, with the configured key, URL, retries; JSON out."""

from __future__ import annotations

from typing import Any

from . import _input
from ._errors import UsageError


def _typed(raw: str) -> Any:
    """-F values: JSON literals (numbers, true/false/null, arrays, objects), else the text."""
    import json

    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _fields(args: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key, value in args.raw_fields or ():
        fields[key] = value
    for key, value in args.typed_fields or ():
        fields[key] = _typed(value)
    return fields


def api(rt: Any) -> int:
    from .. import _raw

    args = rt.args
    if args.format is None:
        args.format = "json"  # like `gh api`: JSON whatever stdout is
    method = args.method.upper()
    fields = _fields(args)
    body: Any = _raw._NO_BODY
    params: dict[str, Any] = {}
    if args.input is not None:
        body = _input.parse_json(_input.read_text(args.input, "--input"), f"--input {args.input}")
        params = fields  # with a body from --input, fields go to the query string (as gh does)
    elif method in ("GET", "DELETE"):
        params = fields
    elif fields:
        body = fields
    if args.paginate:
        if method != "GET":
            raise UsageError("--paginate follows `next` links of GET answers", "use it with GET")
        rt.show(_raw.paginate(rt.client, args.path, params), "api")
        return 0
    if method == "GET" and body is not _raw._NO_BODY:
        raise UsageError("a GET carries no body", "give fields with -f KEY=VALUE (they become the query string)")
    rt.show(_raw.request(rt.client, method, args.path, params=params, body=body))  # the answer as is
    return 0
