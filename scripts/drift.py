"""Report drift between our OpenAPI spec and a (newer) upstream Cekura API description.

    python scripts/drift.py UPSTREAM [--ours openapi/cekura-metrics.yaml] [--format text|json]
    make drift UPSTREAM=path/to/cekura-openapi.json

Both documents may be JSON or YAML. Operations are matched by method and path (path
parameter names do not matter: `{id}` matches `{metric_id}`). For every operation in our
spec the report lists:

  * the operation missing upstream;
  * parameters added / removed / changed (location, type, enum, required);
  * request body: presence, `required` flag, fields added / removed, type and enum
    changes, differences in the `required` set (nested objects and array items included);
  * status codes upstream lists that we don't, and success codes we list that upstream doesn't;
  * the success response body: fields added / removed, type and enum changes.

Schemas are compared after normalisation, so that equivalent spellings are not drift:
local `$ref`s are resolved (siblings of a `$ref` apply on top of its target), OpenAPI 3.1
type arrays (`[string, "null"]`), 3.0 `nullable: true`, a `null` in an `enum`,
`anyOf`/`oneOf` with a `{type: "null"}` branch and single-`$ref` `allOf` wrappers all mean
the same thing. Descriptions, examples, defaults and numeric/length bounds are not compared.
Request bodies ignore `readOnly` fields, response bodies ignore `writeOnly` fields.
`required` sets are compared for request bodies only: what upstream promises an answer
always carries is not something our client needs to insist on.

Where our spec says `x-cekura-definition: ours` (on an operation, a response, a parameter, a
schema or a property), differences inside it are reported as "ours (intentional)" and are
not drift. A schema whose description contains "Our definition of the required set" marks
just its `required` list as intentional. Error status codes we document that upstream does
not list (typically 401/404) are reported in their own category and are not drift either.

Upstream operations under our path prefixes that we do not cover are listed as
"not covered" (informational).

Exit status: 0 no drift in covered operations, 1 drift found, 2 usage or read error.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
OURS_SPEC = ROOT / "openapi" / "cekura-metrics.yaml"

HTTP_METHODS = ("get", "put", "post", "patch", "delete", "options", "head", "trace")
COVERED_PREFIXES = (
    "/test_framework/v1/metrics/",
    "/test_framework/v1/predefined-metrics/",
    "/test_framework/v1/critical-metric-scenarios/",
    "/test_framework/metric-reviews/",
    "/observability/v1/call-logs/",
    "/test_framework/v1/runs/",
    "/test_framework/v1/results/",
    "/test_framework/test-sets/",
)
MARKER = "x-cekura-definition"
REQUIRED_SET_NOTE = re.compile(r"our definition of the required set", re.IGNORECASE)
MAX_DEPTH = 24

DRIFT, INTENTIONAL, DOCUMENTED = "drift", "intentional", "documented"


class DriftError(Exception):
    """A document could not be read or resolved (exit status 2)."""


# --------------------------------------------------------------------------- documents


class Document:
    """A loaded OpenAPI description with local `$ref` resolution."""

    def __init__(self, data: Any, source: str) -> None:
        if not isinstance(data, dict) or not isinstance(data.get("paths"), dict):
            raise DriftError(f"{source}: not an OpenAPI description (no `paths` object)")
        self.data = data
        self.source = source

    @classmethod
    def load(cls, path: Path) -> Document:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise DriftError(f"cannot read {path}: {exc.strerror or exc}") from exc
        try:
            if path.suffix.lower() in (".yaml", ".yml"):
                data = yaml.safe_load(text)
            else:
                try:
                    data = json.loads(text)
                except json.JSONDecodeError:
                    if path.suffix.lower() == ".json":
                        raise
                    data = yaml.safe_load(text)
        except (json.JSONDecodeError, yaml.YAMLError) as exc:
            raise DriftError(f"cannot parse {path}: {exc}") from exc
        return cls(data, str(path))

    def pointer(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            raise DriftError(f"{self.source}: only local $refs are supported, got {ref!r}")
        node: Any = self.data
        for raw in ref[2:].split("/"):
            key = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and key in node:
                node = node[key]
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                raise DriftError(f"{self.source}: unresolvable $ref {ref!r}")
        return node

    def deref(self, node: Any) -> tuple[Any, tuple[str, ...]]:
        """Follow `$ref`s; keywords beside a `$ref` override its target's. Returns (node, refs)."""
        refs: list[str] = []
        overrides: dict[str, Any] = {}
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if ref in refs:
                raise DriftError(f"{self.source}: $ref cycle through {ref!r}")
            refs.append(ref)
            overrides = {**{k: v for k, v in node.items() if k != "$ref"}, **overrides}
            node = self.pointer(ref)
        if overrides and isinstance(node, dict):
            node = {**node, **overrides}
        return node, tuple(refs)

    def operations(self) -> dict[tuple[str, str], Operation]:
        """Every operation, keyed by (METHOD, normalised path)."""
        out: dict[tuple[str, str], Operation] = {}
        for path, item in self.data["paths"].items():
            item, _ = self.deref(item)
            if not isinstance(item, dict):
                continue
            shared = item.get("parameters") or []
            for method in HTTP_METHODS:
                op = item.get(method)
                if isinstance(op, dict):
                    key = (method.upper(), normalise_path(path))
                    out[key] = Operation(method.upper(), path, op, shared)
        return out


@dataclass
class Operation:
    method: str
    path: str
    node: dict[str, Any]
    shared_parameters: list[Any]

    @property
    def operation_id(self) -> str:
        return str(self.node.get("operationId") or f"{self.method} {self.path}")


def normalise_path(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


def path_parameters(path: str) -> list[str]:
    return re.findall(r"\{([^}]*)\}", path)


def is_ours(node: Any) -> bool:
    return isinstance(node, dict) and str(node.get(MARKER, "")).strip().lower() == "ours"


# --------------------------------------------------------------------------- schema shapes


@dataclass
class Shape:
    """A schema reduced to what drift cares about."""

    types: frozenset[str] | None = None  # None: any JSON value; may hold "null"
    fmt: str | None = None
    enum: frozenset[Any] | None = None  # non-null allowed values
    properties: dict[str, Any] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    items: Any = None
    read_only: bool = False
    write_only: bool = False
    ours: bool = False
    description: str = ""
    refs: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.types is None:
            return "any"
        names = sorted(t for t in self.types if t != "null")
        text = " | ".join(names) or "null"
        if self.fmt:
            text += f" ({self.fmt})"
        if "null" in self.types and names:
            text += " | null"
        return text


def _hashable(value: Any) -> Any:
    return json.dumps(value, sort_keys=True) if isinstance(value, (dict, list)) else value


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def shape_of(doc: Document, node: Any) -> Shape:
    """Normalise a schema: refs, type arrays, nullable, enum null, allOf / anyOf / oneOf."""
    node, refs = doc.deref(node)
    if not isinstance(node, dict):  # `true` / `{}`-like schemas
        return Shape(refs=refs)

    types: set[str] | None = None
    raw_type = node.get("type")
    if isinstance(raw_type, str):
        types = {raw_type}
    elif isinstance(raw_type, list):
        types = {str(t) for t in raw_type}
    values = node.get("enum") if isinstance(node.get("enum"), list) else None
    if values is None and "const" in node:
        values = [node["const"]]
    enum = None
    if values is not None:
        enum = frozenset(_hashable(v) for v in values if v is not None)
        if types is None:
            types = {_json_type(v) for v in values if v is not None}
        if None in values:
            types.add("null")
    if types is None and ("properties" in node or "additionalProperties" in node):
        types = {"object"}
    if types is None and "items" in node:
        types = {"array"}
    if types is not None and node.get("nullable") is True:
        types.add("null")

    base = Shape(
        types=frozenset(types) if types is not None else None,
        fmt=node.get("format"),
        enum=enum,
        properties=dict(node.get("properties") or {}),
        required=frozenset(node.get("required") or ()),
        items=node.get("items"),
        read_only=bool(node.get("readOnly")),
        write_only=bool(node.get("writeOnly")),
        ours=is_ours(node),
        description=str(node.get("description") or ""),
        refs=refs,
    )
    parts = [base]
    parts.extend(shape_of(doc, sub) for sub in node.get("allOf") or [])
    for key in ("anyOf", "oneOf"):
        if node.get(key):
            parts.append(_union([shape_of(doc, sub) for sub in node[key]]))
    return _intersect(parts) if len(parts) > 1 else base


def _intersect(parts: list[Shape]) -> Shape:
    """allOf: every part applies."""
    constrained = [p.types for p in parts if p.types is not None]
    types = None
    if constrained:
        types = frozenset.intersection(*constrained) or frozenset().union(*constrained)
    enums = [p.enum for p in parts if p.enum is not None]
    properties: dict[str, Any] = {}
    for p in parts:
        properties.update(p.properties)
    return Shape(
        types=types,
        fmt=next((p.fmt for p in parts if p.fmt), None),
        enum=frozenset.intersection(*enums) if enums else None,
        properties=properties,
        required=frozenset().union(*(p.required for p in parts)),
        items=next((p.items for p in parts if p.items is not None), None),
        read_only=any(p.read_only for p in parts),
        write_only=any(p.write_only for p in parts),
        ours=any(p.ours for p in parts),
        description=next((p.description for p in parts if p.description), ""),
        refs=tuple(r for p in parts for r in p.refs),
    )


def _union(branches: list[Shape]) -> Shape:
    """anyOf / oneOf: one of the branches applies; a `{type: null}` branch means nullable."""
    if any(b.types is None for b in branches):
        types = None
    else:
        types = frozenset().union(*(b.types for b in branches if b.types is not None))
    ours = any(b.ours for b in branches)
    refs = tuple(r for b in branches for r in b.refs)
    real = [b for b in branches if b.types != frozenset({"null"})]
    if len(real) == 1:
        return replace(real[0], types=types, ours=ours, refs=refs)
    properties: dict[str, Any] = {}
    for b in real:
        properties.update(b.properties)
    fmts = {b.fmt for b in real}
    return Shape(
        types=types,
        fmt=fmts.pop() if len(fmts) == 1 else None,
        enum=frozenset().union(*(b.enum for b in real)) if real and all(b.enum is not None for b in real) else None,
        properties=properties,
        required=frozenset.intersection(*(b.required for b in real)) if real else frozenset(),
        items=next((b.items for b in real if b.items is not None), None),
        ours=ours,
        refs=refs,
    )


# --------------------------------------------------------------------------- findings


@dataclass
class Finding:
    category: str  # drift | intentional | documented
    kind: str
    where: str  # "operation", "parameter `x` (query)", "request body", "response 200", "responses"
    field: str  # dotted field path inside a body ("" for the body itself)
    message: str

    def to_json(self) -> dict[str, str]:
        return {"category": self.category, "kind": self.kind, "where": self.where,
                "field": self.field, "message": self.message}


@dataclass
class OperationReport:
    method: str
    path: str
    operation_id: str
    upstream_operation_id: str | None
    findings: list[Finding] = field(default_factory=list)

    def of(self, category: str) -> list[Finding]:
        return [f for f in self.findings if f.category == category]

    @property
    def status(self) -> str:
        if any(f.kind == "operation_removed" and f.category == DRIFT for f in self.findings):
            return "missing upstream"
        return "drift" if self.of(DRIFT) else "ok"

    def to_json(self) -> dict[str, Any]:
        return {
            "operation_id": self.operation_id, "method": self.method, "path": self.path,
            "upstream_operation_id": self.upstream_operation_id, "status": self.status,
            "drift": [f.to_json() for f in self.of(DRIFT)],
            "intentional": [f.to_json() for f in self.of(INTENTIONAL)],
            "documented_only": [f.to_json() for f in self.of(DOCUMENTED)],
        }


@dataclass
class Report:
    operations: list[OperationReport]
    not_covered: list[Operation]

    @property
    def drifted(self) -> list[OperationReport]:
        return [r for r in self.operations if r.of(DRIFT)]

    def count(self, category: str) -> int:
        return sum(len(r.of(category)) for r in self.operations)

    def summary(self) -> str:
        return (f"covered: {len(self.operations)} operations; drift in {len(self.drifted)}; "
                f"intentional differences {self.count(INTENTIONAL)}; upstream has "
                f"{len(self.not_covered)} more operations under our paths not covered")

    def to_json(self) -> dict[str, Any]:
        return {
            "summary": {
                "covered": len(self.operations),
                "drift_operations": len(self.drifted),
                "drift_findings": self.count(DRIFT),
                "intentional": self.count(INTENTIONAL),
                "documented_only_status_codes": self.count(DOCUMENTED),
                "missing_upstream": sum(r.status == "missing upstream" for r in self.operations),
                "not_covered": len(self.not_covered),
                "text": self.summary(),
            },
            "operations": [r.to_json() for r in self.operations],
            "not_covered": [{"method": o.method, "path": o.path, "operation_id": o.node.get("operationId")}
                            for o in self.not_covered],
        }


# --------------------------------------------------------------------------- comparison


def _names(names: Iterable[str]) -> str:
    return ", ".join(f"`{n}`" for n in sorted(names))


def _values(values: Iterable[Any]) -> str:
    return ", ".join(json.dumps(v) for v in sorted(values, key=json.dumps))


def _media_schema(content: Any) -> tuple[bool, Any]:
    """(has a body, its schema) for a `content` map, preferring application/json."""
    if not isinstance(content, dict) or not content:
        return False, None
    key = next((k for k in content if k.split(";")[0].strip() == "application/json"), None)
    key = key or next((k for k in content if "json" in k), None) or next(iter(content))
    media = content.get(key) or {}
    return True, media.get("schema") if isinstance(media, dict) else None


class Comparer:
    def __init__(self, ours: Document, upstream: Document) -> None:
        self.ours = ours
        self.up = upstream

    # -- report -------------------------------------------------------------------------

    def report(self) -> Report:
        ours_ops = self.ours.operations()
        up_ops = self.up.operations()
        reports = []
        for key, op in ours_ops.items():
            reports.append(self.operation(op, up_ops.get(key), up_ops))
        not_covered = [op for key, op in up_ops.items()
                       if key not in ours_ops and op.path.startswith(COVERED_PREFIXES)]
        not_covered.sort(key=lambda o: (o.path, HTTP_METHODS.index(o.method.lower())))
        return Report(reports, not_covered)

    def operation(self, op: Operation, up: Operation | None, up_ops: dict) -> OperationReport:
        report = OperationReport(op.method, op.path, op.operation_id,
                                 up.node.get("operationId") if up else None)
        ours_op = is_ours(op.node)
        out = report.findings
        if up is None:
            others = sorted(m for (m, p) in up_ops if p == normalise_path(op.path))
            hint = (f" (the path still has {', '.join(others)})" if others
                    else " (upstream has no such path)")
            out.append(Finding(INTENTIONAL if ours_op else DRIFT, "operation_removed", "operation", "",
                               f"upstream has no {op.method} {op.path}{hint}"))
            return report
        self.parameters(op, up, ours_op, out)
        self.request_body(op, up, ours_op, out)
        self.responses(op, up, ours_op, out)
        return report

    # -- parameters ---------------------------------------------------------------------

    def _params(self, doc: Document, op: Operation, rename: dict[str, str] | None = None) -> dict[str, dict]:
        """Parameters by name (operation-level ones override path-level ones).

        `rename` maps path-parameter names to the ones to report them under: a path parameter
        is matched by its position in the path template, not by its name.
        """
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for raw in [*op.shared_parameters, *(op.node.get("parameters") or [])]:
            param, _ = doc.deref(raw)
            if isinstance(param, dict) and "name" in param:
                name = str(param["name"])
                if rename and param.get("in") == "path":
                    name = rename.get(name, name)
                merged[(str(param.get("in")), name)] = param
        counts: dict[str, int] = {}
        for _, name in merged:
            counts[name] = counts.get(name, 0) + 1
        return {(name if counts[name] == 1 else f"{name} ({where})"): p for (where, name), p in merged.items()}

    @staticmethod
    def _param_schema(param: dict[str, Any]) -> Any:
        if "schema" in param:
            return param["schema"]
        return _media_schema(param.get("content"))[1]

    def parameters(self, op: Operation, up: Operation, ours_op: bool, out: list[Finding]) -> None:
        rename = dict(zip(path_parameters(up.path), path_parameters(op.path), strict=False))
        mine, theirs = self._params(self.ours, op), self._params(self.up, up, rename)
        for name in sorted(theirs.keys() - mine.keys()):
            p = theirs[name]
            kind = shape_of(self.up, self._param_schema(p)).describe()
            req = ", required" if p.get("required") else ""
            out.append(Finding(INTENTIONAL if ours_op else DRIFT, "parameter_added", f"parameter `{name}`", "",
                               f"upstream has {p.get('in')} parameter `{name}` ({kind}{req}) that we don't"))
        for name in sorted(mine.keys() - theirs.keys()):
            p = mine[name]
            cat = INTENTIONAL if ours_op or is_ours(p) else DRIFT
            out.append(Finding(cat, "parameter_removed", f"parameter `{name}`", "",
                               f"we send {p.get('in')} parameter `{name}`; upstream doesn't list it"))
        for name in sorted(mine.keys() & theirs.keys()):
            p, q = mine[name], theirs[name]
            where = f"parameter `{name}` ({p.get('in')})"
            cat = INTENTIONAL if ours_op or is_ours(p) else DRIFT
            if p.get("in") != q.get("in"):
                out.append(Finding(cat, "parameter_changed", where, "",
                                   f"location is {p.get('in')} here, {q.get('in')} upstream"))
            req_p = bool(p.get("required")) or p.get("in") == "path"
            req_q = bool(q.get("required")) or q.get("in") == "path"
            if req_p != req_q:
                out.append(Finding(cat, "parameter_changed", where, "",
                                   f"{'required' if req_p else 'optional'} here, "
                                   f"{'required' if req_q else 'optional'} upstream"))
            self.schema(self._param_schema(p), self._param_schema(q), where=where, path="",
                        direction="request", intentional=cat == INTENTIONAL, out=out)

    # -- request body -------------------------------------------------------------------

    def request_body(self, op: Operation, up: Operation, ours_op: bool, out: list[Finding]) -> None:
        mine, _ = self.ours.deref(op.node.get("requestBody"))
        theirs, _ = self.up.deref(up.node.get("requestBody"))
        cat = INTENTIONAL if ours_op or is_ours(mine) else DRIFT
        where = "request body"
        if not mine and not theirs:
            return
        if mine and not theirs:
            out.append(Finding(cat, "body_removed", where, "", "we send a body; upstream describes none"))
            return
        if theirs and not mine:
            out.append(Finding(cat, "body_added", where, "", "upstream takes a body that we don't send"))
            return
        if bool(mine.get("required")) != bool(theirs.get("required")):
            out.append(Finding(cat, "body_required_changed", where, "",
                               f"body is {'required' if mine.get('required') else 'optional'} here, "
                               f"{'required' if theirs.get('required') else 'optional'} upstream"))
        _, a = _media_schema(mine.get("content"))
        _, b = _media_schema(theirs.get("content"))
        if a is not None and b is not None:
            self.schema(a, b, where=where, path="", direction="request", intentional=cat == INTENTIONAL, out=out)

    # -- responses ----------------------------------------------------------------------

    def responses(self, op: Operation, up: Operation, ours_op: bool, out: list[Finding]) -> None:
        mine = {str(code): self.ours.deref(r)[0] for code, r in (op.node.get("responses") or {}).items()}
        theirs = {str(code): self.up.deref(r)[0] for code, r in (up.node.get("responses") or {}).items()}
        for code in sorted(theirs.keys() - mine.keys()):
            out.append(Finding(INTENTIONAL if ours_op else DRIFT, "status_added", "responses", code,
                               f"upstream lists status {code}; we don't"))
        for code in sorted(mine.keys() - theirs.keys()):
            if ours_op or is_ours(mine[code]):
                out.append(Finding(INTENTIONAL, "status_ours_only", "responses", code,
                                   f"we document status {code} (ours); upstream doesn't list it"))
            elif code.startswith("2"):
                out.append(Finding(DRIFT, "status_removed", "responses", code,
                                   f"we document success status {code}; upstream doesn't list it"))
            else:
                out.append(Finding(DOCUMENTED, "status_ours_only", "responses", code,
                                   f"we document status {code}; upstream doesn't list it"))

        ok_mine = [c for c in mine if c.startswith("2")]
        ok_theirs = [c for c in theirs if c.startswith("2")]
        pairs = [(c, c) for c in ok_mine if c in theirs]
        if not pairs and ok_mine and ok_theirs:
            pairs = [(ok_mine[0], ok_theirs[0])]
        for a_code, b_code in pairs:
            a_resp, b_resp = mine[a_code], theirs[b_code]
            cat = INTENTIONAL if ours_op or is_ours(a_resp) else DRIFT
            where = f"response {a_code}" if a_code == b_code else f"response {a_code} (upstream {b_code})"
            has_a, a = _media_schema(a_resp.get("content") if isinstance(a_resp, dict) else None)
            has_b, b = _media_schema(b_resp.get("content") if isinstance(b_resp, dict) else None)
            if has_a and not has_b:
                desc = shape_of(self.ours, a).describe() if a is not None else "a body"
                out.append(Finding(cat, "response_body_undescribed", where, "",
                                   f"upstream describes no body; we read {desc}"))
            elif has_b and not has_a:
                desc = shape_of(self.up, b).describe() if b is not None else "a body"
                out.append(Finding(cat, "response_body_added", where, "",
                                   f"upstream describes a body ({desc}); we read none"))
            elif a is not None and b is not None:
                self.schema(a, b, where=where, path="", direction="response",
                            intentional=cat == INTENTIONAL, out=out)

    # -- schemas ------------------------------------------------------------------------

    def schema(self, a_node: Any, b_node: Any, *, where: str, path: str, direction: str,
               intentional: bool, out: list[Finding], seen: frozenset = frozenset(), depth: int = 0) -> None:
        """Compare our schema `a_node` with upstream's `b_node`, appending findings to `out`."""
        a, b = shape_of(self.ours, a_node), shape_of(self.up, b_node)
        intentional = intentional or a.ours
        key = (a.refs, b.refs)
        if depth > MAX_DEPTH or ((a.refs or b.refs) and key in seen):
            return
        seen = seen | {key}
        cat = INTENTIONAL if intentional else DRIFT
        label = f"`{path}`: " if path else ""

        def add(kind: str, message: str) -> None:
            out.append(Finding(cat, kind, where, path, message))

        if (a.types, a.fmt) != (b.types, b.fmt):
            add("type_changed", f"{label}type is {a.describe()} here, {b.describe()} upstream")
        if a.enum != b.enum:
            if a.enum is None:
                add("enum_changed", f"{label}upstream restricts values to {_values(b.enum or ())}; we don't")
            elif b.enum is None:
                add("enum_changed", f"{label}we restrict values to {_values(a.enum)}; upstream doesn't")
            else:
                if b.enum - a.enum:
                    add("enum_added", f"{label}upstream allows values we don't: {_values(b.enum - a.enum)}")
                if a.enum - b.enum:
                    add("enum_removed", f"{label}we allow values upstream doesn't: {_values(a.enum - b.enum)}")

        both = (a.types or frozenset()) & (b.types or frozenset())
        if "object" in both or (a.properties and b.properties):
            self._object(a, b, where=where, path=path, direction=direction, intentional=intentional,
                         out=out, seen=seen, depth=depth)
        if "array" in both and a.items is not None and b.items is not None:
            self.schema(a.items, b.items, where=where, path=f"{path}[]", direction=direction,
                        intentional=intentional, out=out, seen=seen, depth=depth + 1)

    def _visible(self, doc: Document, shape: Shape, direction: str) -> dict[str, Any]:
        """The properties that travel in this direction (no readOnly in requests, no writeOnly in responses)."""
        out = {}
        for name, node in shape.properties.items():
            prop = shape_of(doc, node)
            if (direction == "request" and prop.read_only) or (direction == "response" and prop.write_only):
                continue
            out[name] = node
        return out

    def _object(self, a: Shape, b: Shape, *, where: str, path: str, direction: str, intentional: bool,
                out: list[Finding], seen: frozenset, depth: int) -> None:
        cat = INTENTIONAL if intentional else DRIFT
        mine, theirs = self._visible(self.ours, a, direction), self._visible(self.up, b, direction)
        prefix = f"{path}." if path else ""
        for name in sorted(theirs.keys() - mine.keys()):
            kind = shape_of(self.up, theirs[name]).describe()
            out.append(Finding(cat, "field_added", where, prefix + name,
                               f"upstream has field `{prefix}{name}` ({kind}) that we don't"))
        for name in sorted(mine.keys() - theirs.keys()):
            fcat = INTENTIONAL if intentional or shape_of(self.ours, mine[name]).ours else DRIFT
            note = " (upstream names it in `required` but not in `properties`)" if name in b.required else ""
            out.append(Finding(fcat, "field_removed", where, prefix + name,
                               f"we have field `{prefix}{name}`; upstream doesn't list it{note}"))
        for name in sorted(mine.keys() & theirs.keys()):
            self.schema(mine[name], theirs[name], where=where, path=prefix + name, direction=direction,
                        intentional=intentional, out=out, seen=seen, depth=depth + 1)
        if direction == "request" and a.required != b.required:
            rcat = INTENTIONAL if intentional or REQUIRED_SET_NOTE.search(a.description) else DRIFT
            inside = f" in `{path}`" if path else ""
            if b.required - a.required:
                out.append(Finding(rcat, "required_added", where, path,
                                   f"upstream requires {_names(b.required - a.required)}{inside}; we don't"))
            if a.required - b.required:
                out.append(Finding(rcat, "required_removed", where, path,
                                   f"we require {_names(a.required - b.required)}{inside}; upstream doesn't"))


# --------------------------------------------------------------------------- output


def _lines(findings: list[Finding]) -> list[str]:
    """One line per finding, with field additions / removals of one object folded together."""
    lines: list[str] = []
    folded: dict[tuple[str, str, str], list[str]] = {}
    order: list[tuple[str, Any]] = []
    for f in findings:
        if f.kind in ("field_added", "field_removed"):
            parent, _, leaf = f.field.rpartition(".")
            key = (f.where, f.kind, parent)
            if key not in folded:
                folded[key] = []
                order.append(("fold", key))
            folded[key].append(leaf)
        else:
            order.append(("line", f))
    for tag, item in order:
        if tag == "line":
            lines.append(f"{item.where}: {item.message}")
            continue
        where, kind, parent = item
        names = folded[item]
        inside = f" in `{parent}`" if parent else ""
        if kind == "field_added":
            lines.append(f"{where}: upstream has {len(names)} field(s){inside} we don't: {_names(names)}")
        else:
            lines.append(f"{where}: we have {len(names)} field(s){inside} upstream doesn't list: {_names(names)}")
    return lines


def render_text(report: Report) -> str:
    out = [report.summary()]
    documented = report.count(DOCUMENTED)
    if documented:
        ops = sum(1 for r in report.operations if r.of(DOCUMENTED))
        out.append(f"also: {documented} error status codes in {ops} operations that we document and "
                   f"upstream doesn't list (not counted as drift)")
    out.append("")
    for r in report.operations:
        upstream = f"  [upstream: {r.upstream_operation_id}]" if r.upstream_operation_id else ""
        out.append(f"== {r.operation_id}: {r.method} {r.path}{upstream} -- {r.status}")
        for title, category in (("drift", DRIFT), ("ours (intentional)", INTENTIONAL)):
            items = r.of(category)
            if items:
                out.append(f"   {title}:")
                out.extend(f"     - {line}" for line in _lines(items))
        codes = [f.field for f in r.of(DOCUMENTED)]
        if codes:
            out.append(f"   status codes we document that upstream doesn't: {', '.join(codes)}")
    out.append("")
    out.append(f"not covered: {len(report.not_covered)} upstream operations under our paths")
    by_path: dict[str, list[str]] = {}
    for op in report.not_covered:
        by_path.setdefault(op.path, []).append(op.method)
    out.extend(f"  {' '.join(methods):<18} {path}" for path, methods in by_path.items())
    return "\n".join(out) + "\n"


def compare_files(upstream: Path, ours: Path = OURS_SPEC) -> Report:
    return Comparer(Document.load(ours), Document.load(upstream)).report()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("upstream", type=Path, help="the upstream OpenAPI description (JSON or YAML)")
    parser.add_argument("--ours", type=Path, default=OURS_SPEC, help="our spec (default: %(default)s)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    try:
        report = compare_files(args.upstream, args.ours)
    except DriftError as exc:
        print(f"drift: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(report.to_json(), indent=2))
    else:
        sys.stdout.write(render_text(report))
    return 1 if report.drifted else 0


if __name__ == "__main__":
    raise SystemExit(main())
