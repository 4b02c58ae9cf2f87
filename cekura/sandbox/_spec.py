"""The project's OpenAPI document, loaded once per process on first use, and its routes."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SPEC_URI = "urn:cekura:openapi"
METHODS = ("get", "put", "post", "delete", "patch")


def spec_path() -> Path:
    import cekura

    return Path(cekura.__file__).parent / "openapi.yaml"


@functools.cache
def load_spec() -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with spec_path().open("rb") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader


def pointer(*parts: str) -> str:
    """A JSON pointer (``#/a/b``) into the spec, escaping each part."""
    return "#/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


@dataclass(frozen=True)
class Param:
    name: str
    location: str
    required: bool
    type: str | None


@dataclass
class Operation:
    operation_id: str
    method: str
    template: str
    params: list[Param] = field(default_factory=list)
    body_pointer: str | None = None  # JSON pointer of the request body schema

    def query_params(self) -> list[Param]:
        return [p for p in self.params if p.location == "query"]

    def path_param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.location == "path" and p.name == name), None)

    @functools.cached_property
    def declared_query(self) -> tuple[Param, ...]:
        """``query_params()``, computed once (``params`` is set when the routes are built)."""
        return tuple(self.query_params())


@dataclass
class Route:
    template: str
    regex: re.Pattern[str]
    operations: dict[str, Operation]  # upper-case method -> operation

    @property
    def literal(self) -> bool:
        return "{" not in self.template


def _resolve(spec: dict[str, Any], obj: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in obj:
        node: Any = spec
        for part in obj["$ref"].lstrip("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        obj = node
    return obj


def _param(spec: dict[str, Any], raw: dict[str, Any]) -> Param:
    p = _resolve(spec, raw)
    schema = _resolve(spec, p.get("schema", {}))
    typ = schema.get("type")
    return Param(p["name"], p["in"], bool(p.get("required")), typ if isinstance(typ, str) else None)


def _template_regex(template: str) -> re.Pattern[str]:
    # Like a DRF router: a lookup segment matches anything but "/" and ".".
    parts = re.split(r"(\{[^}]+\})", template)
    regex = "".join(f"(?P<{p[1:-1]}>[^/.]+)" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(f"^{regex}$")


@functools.cache
def routes() -> tuple[Route, ...]:
    """Every path of the spec, literal paths first (``metrics/bulk_create/`` before ``metrics/{id}/``)."""
    spec = load_spec()
    out = []
    for template, item in spec["paths"].items():
        ops = {}
        for method in METHODS:
            if method not in item:
                continue
            raw = item[method]
            op = Operation(raw["operationId"], method.upper(), template)
            op.params = [_param(spec, p) for p in item.get("parameters", []) + raw.get("parameters", [])]
            if "requestBody" in raw:
                op.body_pointer = pointer("paths", template, method, "requestBody", "content",
                                          "application/json", "schema")
            ops[op.method] = op
        out.append(Route(template, _template_regex(template), ops))
    out.sort(key=lambda r: not r.literal)
    return tuple(out)


@functools.cache
def _route_table() -> tuple[dict[str, Route], dict[int, tuple[Route, ...]]]:
    """Literal routes by path, and templated routes by the number of ``/`` in what they match
    (a path parameter never holds a ``/``), each group in ``routes()`` order."""
    literal: dict[str, Route] = {}
    templated: dict[int, list[Route]] = {}
    for route in routes():
        if route.literal:
            literal.setdefault(route.template, route)
        else:
            templated.setdefault(route.template.count("/"), []).append(route)
    return literal, {count: tuple(group) for count, group in templated.items()}


def match(path: str) -> tuple[Route, dict[str, str]] | None:
    """The first route of ``routes()`` whose regex matches ``path``, with its raw parameters.

    Same answer as trying every route's regex in order, by a dict lookup and a few regexes."""
    literal, templated = _route_table()
    route = literal.get(path)
    if route is not None:
        return route, {}
    if path.endswith("\n"):  # `$` also matches before a final newline: keep the regexes' answer
        route = literal.get(path[:-1])
        if route is not None:
            return route, {}
    for route in templated.get(path.count("/"), ()):
        m = route.regex.match(path)
        if m:
            return route, m.groupdict()
    return None


def response_pointer(operation_id: str, status: int) -> str | None:
    """JSON pointer of the documented response schema, or None when undocumented/bodiless."""
    spec = load_spec()
    for template, item in spec["paths"].items():
        for method in METHODS:
            raw = item.get(method)
            if not raw or raw["operationId"] != operation_id:
                continue
            resp = raw["responses"].get(str(status))
            if resp is None:
                return None
            if "$ref" in resp:
                name = resp["$ref"].rsplit("/", 1)[-1]
                base: tuple[str, ...] = ("components", "responses", name)
                resp = _resolve(spec, resp)
            else:
                base = ("paths", template, method, "responses", str(status))
            if "application/json" not in resp.get("content", {}):
                return None
            return pointer(*base, "content", "application/json", "schema")
    raise KeyError(operation_id)
