"""The compiled "is it valid?" check (``_validate.fast_check``, fastjsonschema's code for a draft-07
subset) answers exactly as jsonschema's Draft 2020-12 validator, over generated bodies near each
schema of the spec, valid and not, and leaves the body as it was."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cekura.sandbox import _validate
from cekura.sandbox._spec import SPEC_URI, load_spec, pointer, routes

JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 1, -1, 1.0, 2.0, -3.0, 0.5, 1e300, 2**31, 2**31 - 1, -(2**31), 2**63]),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=8),
)
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)), max_leaves=12)


def _deref(node: Any) -> Any:
    spec = load_spec()
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _near(schema: Any, depth: int = 0, wild: bool = True) -> st.SearchStrategy[Any]:
    """Values close to ``schema``'s boundary: its own enums, types and fields, mixed with anything
    (``wild=False``: mostly what the schema says, so that valid values are common too)."""
    schema = _deref(schema)
    options: list[st.SearchStrategy[Any]] = [JSON_VALUES] if wild else []
    if not isinstance(schema, dict) or depth > 4:
        return JSON_VALUES
    subs = [_deref(s) for key in ("allOf", "anyOf", "oneOf") for s in schema.get(key, [])]
    for sub in subs:
        options.append(_near(sub, depth + 1, wild))
    if "enum" in schema:
        options.append(st.sampled_from(schema["enum"]))
    types = schema.get("type", [])
    for name in [types] if isinstance(types, str) else types:
        options.append({"string": st.text(max_size=300), "integer": st.integers(min_value=-(2**64), max_value=2**64),
                        "number": st.floats(allow_nan=False, allow_infinity=False), "boolean": st.booleans(),
                        "null": st.none(), "array": st.lists(JSON_SCALARS, max_size=3),
                        "object": st.dictionaries(st.text(max_size=5), JSON_SCALARS, max_size=3)}[name])
    if "items" in schema:
        options.append(st.lists(_near(schema["items"], depth + 1, wild), max_size=4))
    props = dict(schema.get("properties", {}))
    for sub in subs:
        props.update(sub.get("properties", {}) if isinstance(sub, dict) else {})
    if props:
        required = [r for r in schema.get("required", []) if r in props]
        tame = {name: _near(sub, depth + 1, wild=False) for name, sub in props.items()}
        mostly = st.fixed_dictionaries({name: tame[name] for name in required},
                                       optional={n: s for n, s in tame.items() if n not in required})
        options.append(mostly)
        if wild:
            fields = {name: _near(sub, depth + 1) for name, sub in props.items()}
            options.append(st.fixed_dictionaries({}, optional=fields))
            # one field (declared or not) set to anything, or one required field dropped
            options.append(st.builds(lambda d, k, v: {**d, k: v}, mostly,
                                     st.sampled_from(sorted(props)) | st.text(max_size=5), JSON_VALUES))
            if required:
                options.append(st.builds(lambda d, k: {n: v for n, v in d.items() if n != k}, mostly,
                                         st.sampled_from(required)))
    return st.one_of(options) if options else JSON_VALUES


def _body_pointers() -> list[str]:
    found = {pointer("components", "schemas", name) for name in load_spec()["components"]["schemas"]}
    found.update(op.body_pointer for route in routes() for op in route.operations.values() if op.body_pointer)
    return sorted(p for p in found if _validate.fast_check(p) is not None)


POINTERS = _body_pointers()


def test_the_request_schemas_of_the_load_are_compiled() -> None:
    for name in ("MetricWrite", "MetricPatch", "CriticalMetricScenarioPatch", "BulkToggleSettings",
                 "BulkAgentAssignment"):
        assert pointer("components", "schemas", name) in POINTERS
    assert len(POINTERS) > 40


@pytest.mark.parametrize("schema_pointer", POINTERS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_check_agrees_with_jsonschema(schema_pointer: str, data: st.DataObject) -> None:
    from jsonschema import Draft202012Validator

    reference = Draft202012Validator({"$ref": SPEC_URI + schema_pointer}, registry=_validate._registry())
    fast = _validate.fast_check(schema_pointer)
    assert fast is not None
    value = data.draw(_near({"$ref": schema_pointer}))
    assert fast(value) == reference.is_valid(value), value
    errors = _validate.field_errors(schema_pointer, value)
    assert (errors == {}) == reference.is_valid(value)


def test_known_answers() -> None:
    write = pointer("components", "schemas", "MetricWrite")
    fast = _validate.fast_check(write)
    assert fast is not None
    assert fast({"name": "n", "eval_type": "binary", "agents": [1, 2.0], "display_order": 3.0})
    assert not fast({"name": "n", "eval_type": "binary", "agents": [True]})
    assert not fast({"name": "n"})
    assert not fast({"name": "n", "eval_type": "Binary"})
    assert not fast([])
    # the detailed errors are jsonschema's, as before
    assert _validate.field_errors(write, {"name": "n", "eval_type": 1}) == {
        "eval_type": ["Not a valid string.", '"1" is not a valid choice.']}


def test_other_keywords_are_left_to_jsonschema() -> None:
    for schema in ({"type": "string", "pattern": "^a"}, {"enum": [1, "a"]}, {"enum": [True]},
                   {"oneOf": [{"type": "string"}]}, {"const": "a"}, {"prefixItems": [{}], "items": False},
                   {"patternProperties": {"^x": {}}, "additionalProperties": False},
                   {"items": [{"type": "string"}]}, {"type": "object", "dependentRequired": {"a": ["b"]}},
                   {"properties": {"a": {"if": {"type": "string"}}}}, {"minimum": True}):
        with pytest.raises(_validate._Unsupported):
            _validate._draft7(schema)


EDGES: list[Any] = [None, True, False, 0, 1, -1, 1.0, 2.5, 1e300, float("inf"), float("nan"), 2**70, "", "a", "1",
                    "x" * 5, [], [1], [True], [1.0, "a"], {}, {"a": 1}, {"a": None}, {"b": "c"}, (1,)]


@pytest.mark.parametrize("schema", [
    {"type": "integer"}, {"type": "number"}, {"type": ["integer", "null"]}, {"type": "boolean"},
    {"enum": ["1", "a", "True"]}, {"minimum": 1}, {"maximum": 0.5}, {"minLength": 1, "maxLength": 3},
    {"minItems": 1, "maxItems": 1}, {"items": {"type": "integer"}}, {"required": ["a"]},
    {"properties": {"a": {"type": "integer"}}, "additionalProperties": False},
    {"properties": {"a": False}}, {"additionalProperties": {"type": "string"}},
    {"anyOf": [{"type": "string"}, {"minimum": 3}]}, {"allOf": [{"type": "number"}, {"maximum": 1}]},
    {"type": "string", "format": "date-time"}, {"type": "string", "format": "email", "maxLength": 3},
    {"properties": {"a": {"type": "string", "format": "uuid", "default": "nope"}}},
])
def test_edge_values_agree_with_jsonschema(schema: dict[str, Any]) -> None:
    """(fastjsonschema before 2.22.3 compared booleans with minimum and maximum: ``{"minimum": 1}`` refused False.)"""
    from jsonschema import Draft202012Validator

    fast = _validate._compile(_validate._draft7(schema))
    reference = Draft202012Validator(schema)
    for value in EDGES:
        if isinstance(value, tuple):  # not JSON (a body never holds one): fastjsonschema takes it for an array
            continue
        assert fast(value) == reference.is_valid(value), (schema, value)


def test_format_is_an_annotation() -> None:
    fast = _validate._compile(_validate._draft7({"type": "string", "format": "date-time"}))
    assert fast("not a date") and not fast(1)
    for name, body in (("HistoryUser", {"name": "n", "email": "not an email"}),
                       ("JobStarted", {"progress_id": "not a uuid"})):
        fast = _validate.fast_check(pointer("components", "schemas", name))
        assert fast is not None and fast(body), name
        assert _validate.field_errors(pointer("components", "schemas", name), body) == {}


def test_the_body_is_not_changed() -> None:
    write = _validate.fast_check(pointer("components", "schemas", "MetricWrite"))
    assert write is not None
    body = {"name": "n", "eval_type": "binary", "agents": [1]}  # evaluation_trigger, trigger_type have defaults
    assert write(body)
    assert body == {"name": "n", "eval_type": "binary", "agents": [1]}
    fast = _validate._compile({"properties": {"a": {"type": "string", "default": "x"}}})  # a default left in
    body = {}
    assert fast(body) and body == {}


def test_the_library_is_imported_only_to_validate() -> None:
    code = "import sys, cekura.sandbox; print('fastjsonschema' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
