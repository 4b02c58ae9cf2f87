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
# Most bodies are valid, and jsonschema takes ~25 us to say so for a MetricWrite. For the keywords
# below (all our request schemas use), an inlined schema is compiled once into plain Python tests
# that answer the same yes/no as Draft 2020-12 (tests/sandbox/test_fast_validation.py checks the
# agreement over generated bodies); the detailed errors still come from jsonschema, and only for
# an invalid body. A schema with any other keyword is not compiled: jsonschema answers alone.

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset({"description", "default", "readOnly", "writeOnly", "examples", "title",
                          "deprecated", "$comment", "format"})  # format: annotation only (no format checker)


class _Unsupported(Exception):
    pass


def _is_integer(value: Any) -> bool:
    kind = type(value)
    return kind is int or (kind is not bool and isinstance(value, int)) or (
        isinstance(value, float) and value.is_integer())


def _is_number(value: Any) -> bool:
    import numbers

    return isinstance(value, numbers.Number) and not isinstance(value, bool)


_TYPE_TESTS: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": _is_integer,
    "number": _is_number,
}


def _compile(schema: Any) -> Check:
    """Plain Python tests equal to Draft 2020-12 validation of ``schema`` (raises _Unsupported)."""
    if schema is True or schema == {}:
        return lambda value: True
    if schema is False:
        return lambda value: False
    if not isinstance(schema, dict):
        raise _Unsupported(schema)
    checks: list[Check] = []
    for key, arg in schema.items():
        if key in _ANNOTATIONS or key.startswith("x-"):
            continue
        checks.append(_keyword(key, arg, schema))
    if not checks:
        return lambda value: True
    if len(checks) == 1:
        return checks[0]
    tests = tuple(checks)
    return lambda value: all(test(value) for test in tests)


def _keyword(key: str, arg: Any, schema: dict[str, Any]) -> Check:
    if key == "type":
        names = [arg] if isinstance(arg, str) else arg
        if not isinstance(names, list) or not names or any(n not in _TYPE_TESTS for n in names):
            raise _Unsupported(key)
        tests = tuple(_TYPE_TESTS[n] for n in names)
        if len(tests) == 1:
            return tests[0]
        return lambda value: any(test(value) for test in tests)
    if key == "enum":
        if not isinstance(arg, list) or not all(type(item) is str for item in arg):
            raise _Unsupported(key)
        allowed = frozenset(arg)
        return lambda value: isinstance(value, str) and value in allowed
    if key == "required":
        names = tuple(arg)
        return lambda value: not isinstance(value, dict) or all(name in value for name in names)
    if key == "properties":
        props = {name: _compile(sub) for name, sub in arg.items()}

        def properties(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            for name, item in value.items():
                test = props.get(name)
                if test is not None and not test(item):
                    return False
            return True

        return properties
    if key == "additionalProperties":
        test = _compile(arg)
        if arg is True or arg == {}:
            return test
        declared = frozenset(schema.get("properties", {}))
        if "patternProperties" in schema:
            raise _Unsupported(key)
        return lambda value: not isinstance(value, dict) or all(
            test(item) for name, item in value.items() if name not in declared)
    if key == "items":
        if "prefixItems" in schema:
            raise _Unsupported(key)
        test = _compile(arg)
        return lambda value: not isinstance(value, list) or all(test(item) for item in value)
    if key == "allOf":
        tests = tuple(_compile(sub) for sub in arg)
        return lambda value: all(test(value) for test in tests)
    if key == "anyOf":
        tests = tuple(_compile(sub) for sub in arg)
        return lambda value: any(test(value) for test in tests)
    if key in ("minimum", "maximum"):
        if not _is_number(arg):
            raise _Unsupported(key)
        bound = arg
        if key == "minimum":
            return lambda value: not _is_number(value) or value >= bound
        return lambda value: not _is_number(value) or value <= bound
    if key in ("minLength", "maxLength", "minItems", "maxItems"):
        if type(arg) is not int:
            raise _Unsupported(key)
        size = arg
        sized: type[str] | type[list[Any]] = str if key.endswith("Length") else list
        at_least = key.startswith("min")

        def size_ok(value: Any) -> bool:
            if not isinstance(value, sized):
                return True
            return len(value) >= size if at_least else len(value) <= size

        return size_ok
    raise _Unsupported(key)


@functools.cache
def fast_check(schema_pointer: str) -> Check | None:
    """The compiled yes/no test for the schema at ``schema_pointer``, or None (jsonschema alone)."""
    try:
        return _compile(_inline(load_spec(), {"$ref": schema_pointer}))
    except (_NotInlinable, _Unsupported):
        return None


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
