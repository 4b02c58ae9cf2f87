"""Request bodies: JSON (depth-limited), and the form encodings upstream's parsers also accept.

Upstream (Django REST Framework's default parsers) takes ``application/json``,
``application/x-www-form-urlencoded`` and ``multipart/form-data`` on its write operations.
Form fields arrive as strings; they are converted by the operation's body schema (integers,
numbers, booleans, arrays from repeated fields, objects from a JSON string) before the same
checks as a JSON body. In strict mode only JSON is accepted (415 otherwise): the project's own
client only ever sends JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

from ._http import MAX_BODY, ApiError, invalid

MAX_DEPTH = 64  # nesting levels of arrays/objects in a JSON body (deeper: 400)
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


def header(headers: Mapping[str, str], name: str) -> str:
    return next((v for k, v in headers.items() if k.lower() == name), "")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """True when ``value`` nests arrays/objects more than ``limit`` levels (checked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)  # built once: json.loads builds one per call


def parse_json(raw: bytes | str, field: str = "non_field_errors") -> Any:
    """``json.loads`` that answers 400 (never 500) for bad, deep or huge-number input."""
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
        if text.startswith("\ufeff"):  # as json.loads says it
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        value = _DECODER.decode(text)
    except RecursionError:
        raise invalid(field, f"JSON parse error - nesting deeper than {MAX_DEPTH} levels") from None
    except ValueError as exc:  # includes UnicodeDecodeError and over-long integer literals
        raise invalid(field, f"JSON parse error - {exc}") from None
    if (raw.count(b"[") + raw.count(b"{") if isinstance(raw, bytes) else raw.count("[") + raw.count("{")) > MAX_DEPTH \
            and too_deep(value):  # nesting deeper than MAX_DEPTH takes more than MAX_DEPTH brackets
        raise invalid(field, f"JSON parse error - nesting deeper than {MAX_DEPTH} levels")
    return value


def parse_body(headers: Mapping[str, str], body: bytes, schema: dict[str, Any] | None, strict: bool) -> Any:
    """The request body as the handlers see it (``{}`` when empty)."""
    if len(body) > MAX_BODY:
        raise ApiError(413, {"detail": f"Request body is larger than {MAX_BODY} bytes."})
    content_type = header(headers, "content-type")
    media = content_type.split(";")[0].strip().lower()
    if not body.strip() and (media not in FORM_TYPES or not body):
        return {}
    if media == "application/json" or media.endswith("+json"):
        return parse_json(body)
    if not strict and media in FORM_TYPES:
        fields = _form_fields(content_type, media, body)
        return _coerce_form(fields, schema or {})
    raise ApiError(415, {"detail": f'Unsupported media type "{content_type}" in request.'})


def _form_fields(content_type: str, media: str, body: bytes) -> list[tuple[str, str]]:
    if media == "application/x-www-form-urlencoded":
        try:
            return parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                             max_num_fields=10_000)
        except (UnicodeDecodeError, ValueError) as exc:
            raise ApiError(400, {"detail": f"Form parse error - {exc}"}) from None
    return _multipart_fields(content_type, body)


def _multipart_fields(content_type: str, body: bytes) -> list[tuple[str, str]]:
    from email.parser import BytesParser
    from email.policy import HTTP

    if "boundary=" not in content_type.lower():
        raise ApiError(400, {"detail": "Multipart form parse error - Invalid boundary in multipart: None"})
    try:
        message = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\nMIME-Version: 1.0\r\n\r\n" + body)
        out = []
        for part in message.iter_parts() if message.is_multipart() else ():
            name = part.get_param("name", header="content-disposition")
            if not name:
                continue
            payload = part.get_payload(decode=True) or b""
            text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)
            out.append((str(name), text))
    except (ValueError, TypeError, UnicodeError, LookupError) as exc:
        raise ApiError(400, {"detail": f"Multipart form parse error - {exc}"}) from None
    if not message.is_multipart():
        raise ApiError(400, {"detail": "Multipart form parse error - no parts found"})
    return out


def _scalar(text: str, kind: Any) -> Any:
    """A form string as the JSON value the schema expects (left as text when it does not convert)."""
    kinds = kind if isinstance(kind, list) else [kind]
    stripped = text.strip()
    if "null" in kinds and stripped == "":
        return None
    if "integer" in kinds and stripped.lstrip("-").isdigit() and len(stripped) <= 20:
        return int(stripped)
    if "number" in kinds:
        try:
            return float(stripped) if len(stripped) <= 40 else text
        except ValueError:
            pass
    if "boolean" in kinds and stripped.lower() in _TRUE | _FALSE:
        return stripped.lower() in _TRUE
    if ("object" in kinds or "array" in kinds) and stripped[:1] in "{[":
        try:
            return parse_json(stripped)
        except ApiError:
            return text
    return text


def _coerce_form(fields: list[tuple[str, str]], schema: dict[str, Any]) -> dict[str, Any]:
    props = _properties(schema)
    out: dict[str, Any] = {}
    for name in dict.fromkeys(n for n, _ in fields):
        values = [v for n, v in fields if n == name]
        prop = props.get(name, {})
        kind = prop.get("type")
        if kind == "array" or (isinstance(kind, list) and "array" in kind):
            items = prop.get("items", {}) if isinstance(prop.get("items"), dict) else {}
            if len(values) == 1 and values[0].strip()[:1] == "[":
                out[name] = _scalar(values[0], "array")
            else:  # repeated fields, or one comma-separated field
                parts = values if len(values) > 1 else [p for p in values[0].split(",") if p.strip()]
                out[name] = [_scalar(p, items.get("type")) for p in parts]
        else:
            out[name] = _scalar(values[-1], kind)  # the last value wins, like Django's QueryDict
    return out


def _properties(schema: dict[str, Any]) -> dict[str, Any]:
    """Top-level properties of a body schema (following $ref / allOf / anyOf one level)."""
    from ._spec import load_spec

    spec = load_spec()
    seen = 0
    node = schema
    while isinstance(node, dict) and "$ref" in node and seen < 10:
        target: Any = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node, seen = target, seen + 1
    props: dict[str, Any] = {}
    if not isinstance(node, dict):
        return props
    for sub in [node, *node.get("allOf", []), *node.get("anyOf", []), *node.get("oneOf", [])]:
        sub = _properties(sub) if isinstance(sub, dict) and "$ref" in sub else (sub.get("properties", {})
                                                                               if isinstance(sub, dict) else {})
        for key, value in sub.items():
            props.setdefault(key, _deref(value, spec))
    return props


def _deref(node: Any, spec: dict[str, Any]) -> dict[str, Any]:
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 10:
        target: Any = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node, seen = target, seen + 1
    if isinstance(node, dict) and "type" not in node:
        for key in ("anyOf", "oneOf"):
            types = [_deref(s, spec).get("type") for s in node.get(key, [])]
            if types:
                flat: list[Any] = []
                for t in types:
                    flat.extend(t if isinstance(t, list) else [t])
                return {**node, "type": [t for t in flat if t]}
    return node if isinstance(node, dict) else {}
