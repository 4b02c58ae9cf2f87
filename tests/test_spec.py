"""Our OpenAPI document is valid and follows the project's conventions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi" / "cekura-metrics.yaml"
RESOURCE_TAGS = {
    "metrics", "predefined_metrics", "critical_metric_scenarios", "metric_reviews",
    "calls", "runs", "results", "test_sets",
}
METHODS = ("get", "put", "post", "patch", "delete", "options", "head", "trace")


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(path, method, item[method]) for path, item in spec["paths"].items()
            for method in METHODS if method in item]


def test_spec_is_valid_openapi(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_top_level_tags_are_the_resource_tags(spec: dict[str, Any]) -> None:
    assert {t["name"] for t in spec["tags"]} == RESOURCE_TAGS


def test_every_operation_has_a_resource_tag_and_a_matching_operation_id(spec: dict[str, Any]) -> None:
    problems = []
    seen: set[str] = set()
    for path, method, op in operations(spec):
        tags = op.get("tags") or []
        op_id = op.get("operationId", "")
        where = f"{method.upper()} {path}"
        if len(tags) != 1 or tags[0] not in RESOURCE_TAGS:
            problems.append(f"{where}: tags {tags} (want exactly one of {sorted(RESOURCE_TAGS)})")
        elif not op_id.startswith(tags[0] + "_"):
            problems.append(f"{where}: operationId {op_id!r} does not start with {tags[0]!r}")
        if op_id in seen:
            problems.append(f"{where}: duplicate operationId {op_id!r}")
        seen.add(op_id)
    assert operations(spec), "the spec has no operations"
    assert not problems, "\n".join(problems)


def test_every_path_ends_with_a_slash(spec: dict[str, Any]) -> None:
    bad = [p for p in spec["paths"] if not (p.startswith("/") and p.endswith("/"))]
    assert not bad, f"paths must start and end with '/': {bad}"


def test_security_is_the_api_key_header(spec: dict[str, Any]) -> None:
    schemes = spec["components"]["securitySchemes"]
    required = [name for requirement in spec["security"] for name in requirement]
    assert required, "the document declares no global security requirement"
    for name in required:
        scheme = schemes[name]
        assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "X-CEKURA-API-KEY")
    # Operations may not switch to another scheme.
    for path, method, op in operations(spec):
        for requirement in op.get("security", spec["security"]):
            for name in requirement:
                assert schemes[name]["name"] == "X-CEKURA-API-KEY", f"{method.upper()} {path} uses {name}"


def _stray_keys(node: Any, where: str = "") -> list[str]:
    """Keys that a comma inside an unquoted YAML flow-mapping value splits off (`{description: a, b}`)."""
    out = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("example", "examples", "default", "const", "enum"):
                continue
            if value is None and isinstance(key, str) and " " in key:
                out.append(f"{where}/{key}")
            out.extend(_stray_keys(value, f"{where}/{key}"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out.extend(_stray_keys(value, f"{where}/{i}"))
    return out


def test_no_keys_split_off_by_unquoted_commas(spec: dict[str, Any]) -> None:
    stray = _stray_keys(spec)
    assert not stray, "quote these descriptions in the YAML:\n" + "\n".join(stray)
