"""JSON Schema (Draft 2020-12) checks against the spec, with errors shaped like DRF's.

Schemas are addressed by JSON pointer into the loaded spec (``#/components/schemas/X``),
so ``$ref``s inside them resolve against the spec itself. Validators are compiled once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from ._spec import SPEC_URI, load_spec

FieldErrors = dict[str, list[str]]

REQUIRED = "This field is required."
_TYPE_MESSAGES = {
    "integer": "A valid integer is required.",
    "number": "A valid number is required.",
    "string": "Not a valid string.",
    "boolean": "Must be a valid boolean.",
    "object": "Expected a dictionary of items.",
    "array": "Expected a list of items.",
    "null": "This field must be null.",
}


@functools.cache
def _registry():
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resource = Resource.from_contents(load_spec(), default_specification=DRAFT202012)
    return Registry().with_resource(SPEC_URI, resource)


class _NotInlinable(Exception):
    pass


def _at_pointer(spec: Any, pointer: str) -> Any:
    node = spec
    for part in pointer[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def _inline(spec: Any, node: Any, seen: tuple[str, ...] = ()) -> Any:
    """``node`` with every local ``$ref`` replaced by (a copy of) what it points at.

    ``{"$ref": X}`` becomes X; ``{"$ref": X, ...annotations}`` becomes
    ``{...annotations, "allOf": [X]}`` (the same checks, the same errors). Raises
    ``_NotInlinable`` for a cycle or a reference that is not local."""
    if isinstance(node, list):
        return [_inline(spec, item, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if ref is not None:
        if not isinstance(ref, str) or not ref.startswith("#/") or ref in seen or "allOf" in node:
            raise _NotInlinable(ref)
        target = _inline(spec, _at_pointer(spec, ref), (*seen, ref))
        if len(node) == 1:
            return target
        rest = {key: value for key, value in node.items() if key != "$ref"}
        return {**_inline(spec, rest, seen), "allOf": [target]}
    return {key: value if key in ("enum", "const", "default", "examples") else _inline(spec, value, seen)
            for key, value in node.items()}


@functools.cache
def validator(schema_pointer: str):
    """A compiled Draft 2020-12 validator for the schema at ``schema_pointer`` in the spec.

    When every ``$ref`` under it is local and acyclic, the schema is inlined once: resolving
    references on each validation was ~40% of a write's validation time under load. Otherwise
    the references are resolved against the spec as they are met."""
    from jsonschema import Draft202012Validator

    try:
        return Draft202012Validator(_inline(load_spec(), {"$ref": schema_pointer}))
    except _NotInlinable:
        return Draft202012Validator({"$ref": SPEC_URI + schema_pointer}, registry=_registry())


# -- the fast "is it valid?" check ---------------------------------------------------------------
#
# Most bodies are valid, and jsonschema takes ~25 us to say so for a MetricWrite; the code that
# fastjsonschema generates takes ~1 us. It implements drafts 4 to 2019-09, not 2020-12, so a schema
# is compiled (as draft-07) only when every keyword in it is on the allow-list of ``_draft7``,
# keywords that mean the same in draft-07 and 2020-12 (both count 1.0 as an integer);
# tests/sandbox/test_fast_validation.py checks the agreement over generated bodies. Annotations are
# stripped first: ``format`` is an annotation in 2020-12 (we have no format checker) but an
# assertion in fastjsonschema. Enums hold strings only (``True == 1`` in Python). The detailed
# errors still come from jsonschema, and only for an invalid body. A schema with any other keyword
# is not compiled: jsonschema answers alone.

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset({"description", "default", "readOnly", "writeOnly", "examples", "title",
                          "deprecated", "$comment", "format"})  # format: annotation only (no format checker)
_TYPES = frozenset({"object", "array", "string", "boolean", "null", "integer", "number"})
_SUBSCHEMA = frozenset({"additionalProperties", "items"})  # patternProperties, prefixItems: not allowed
_BOUNDS = frozenset({"minimum", "maximum"})
_SIZES = frozenset({"minLength", "maxLength", "minItems", "maxItems"})
_DRAFT7 = "http://json-schema.org/draft-07/schema#"


class _Unsupported(Exception):
    pass


def _draft7(schema: Any) -> Any:
    """``schema`` without annotations, for a schema whose keywords all mean the same in draft-07 as
    in Draft 2020-12 (raises _Unsupported otherwise)."""
    if isinstance(schema, bool):
        return schema
    if not isinstance(schema, dict):
        raise _Unsupported(schema)
    out: dict[str, Any] = {}
    for key, arg in schema.items():
        if key in _ANNOTATIONS or key.startswith("x-"):
            continue
        if key == "type":
            names = [arg] if isinstance(arg, str) else arg
            ok = isinstance(names, list) and bool(names) and all(name in _TYPES for name in names)
        elif key == "enum":
            ok = isinstance(arg, list) and all(type(item) is str for item in arg)
        elif key == "required":
            ok = isinstance(arg, list) and all(type(item) is str for item in arg)
        elif key == "properties":
            ok = isinstance(arg, dict)
            arg = {name: _draft7(sub) for name, sub in arg.items()} if ok else arg
        elif key in _SUBSCHEMA:
            ok, arg = True, _draft7(arg)
        elif key in ("allOf", "anyOf"):
            ok = isinstance(arg, list) and bool(arg)
            arg = [_draft7(sub) for sub in arg] if ok else arg
        elif key in _BOUNDS:
            ok = type(arg) in (int, float)
        elif key in _SIZES:
            ok = type(arg) is int and arg >= 0
        else:
            ok = False
        if not ok:
            raise _Unsupported(key)
        out[key] = arg
    return out


def _compile(schema: Any) -> Check:
    """fastjsonschema's yes/no test for a draft-07 ``schema`` (one that ``_draft7`` returned)."""
    import fastjsonschema

    # use_default=False: it would otherwise fill the defaults into the body it checks;
    # detailed_exceptions=False: the errors are jsonschema's (half the code to generate and compile)
    validate = fastjsonschema.compile({"$schema": _DRAFT7, **schema} if isinstance(schema, dict) else schema,
                                      use_default=False, detailed_exceptions=False)
    invalid = fastjsonschema.JsonSchemaValueException

    def check(value: Any) -> bool:
        try:
            validate(value)
        except invalid:
            return False
        return True

    return check


@functools.cache
def fast_check(schema_pointer: str) -> Check | None:
    """The compiled yes/no test for the schema at ``schema_pointer``, or None (jsonschema alone)."""
    try:
        schema = _draft7(_inline(load_spec(), {"$ref": schema_pointer}))
    except (_NotInlinable, _Unsupported):
        return None
    return _compile(schema)


def type_name(value: Any) -> str:
    return {dict: "dict", list: "list", str: "str", bool: "bool", int: "int", float: "float"}.get(
        type(value), "null" if value is None else type(value).__name__)


def _message(error) -> str:
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "type":
        first = expected if isinstance(expected, str) else next(iter(expected), "")
        return _TYPE_MESSAGES.get(first, error.message)
    if kind == "enum":
        return f'"{value}" is not a valid choice.'
    if kind == "minimum":
        return f"Ensure this value is greater than or equal to {expected}."
    if kind == "maximum":
        return f"Ensure this value is less than or equal to {expected}."
    if kind == "minItems":
        return "This list may not be empty." if expected == 1 else f"Ensure this field has at least {expected} elements."
    if kind == "maxLength":
        return f"Ensure this field has no more than {expected} characters."
    if kind == "pattern":
        return "This value does not match the required pattern."
    return error.message


def _leaf_errors(error):
    """Walk into anyOf/oneOf/$ref wrappers so that the deepest, most specific errors are reported."""
    if error.context:
        best = min(error.context, key=lambda e: len(e.relative_path))
        depth = len(best.relative_path)
        for sub in error.context:
            if len(sub.relative_path) == depth:
                yield from _leaf_errors(sub)
        return
    yield error


def field_errors(schema_pointer: str, instance: Any) -> FieldErrors:
    """Errors of ``instance`` (an object) keyed by top-level field; ``{}`` when valid."""
    fast = fast_check(schema_pointer)
    if fast is not None and fast(instance):
        return {}
    out: FieldErrors = {}
    for top in validator(schema_pointer).iter_errors(instance):
        for error in _leaf_errors(top):
            path = list(error.absolute_path)
            if error.validator == "required":
                have = error.instance if isinstance(error.instance, dict) else {}
                for name in error.validator_value:
                    if name not in have:
                        key = str(path[0]) if path else name
                        _add(out, key, REQUIRED)
                continue
            key = str(path[0]) if path else "non_field_errors"
            message = _message(error)
            if not path and error.validator == "type":
                message = f"Invalid data. Expected a dictionary, but got {type_name(instance)}."
            _add(out, key, message)
    return out


def _add(out: FieldErrors, key: str, message: str) -> None:
    messages = out.setdefault(key, [])
    if message not in messages:
        messages.append(message)


def schema_errors(schema_pointer: str, instance: Any) -> list[str]:
    """Plain messages for every violation (used to check responses)."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in validator(schema_pointer).iter_errors(instance)]
