"""scripts/drift.py finds every kind of drift planted in an "upstream" copy of our own spec.

The upstream used here is always derived at test time from openapi/cekura-metrics.yaml
(the real upstream description is only read, never copied, by the last tests).
"""

from __future__ import annotations

import copy
import importlib.util
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "drift.py"
SPEC = ROOT / "openapi" / "cekura-metrics.yaml"
REAL_UPSTREAM = ROOT.parent / "shared" / "reference" / "cekura-openapi.json"

METRICS = "/test_framework/v1/metrics/"
METRIC = "/test_framework/v1/metrics/{id}/"
MANAGE = "/test_framework/v1/metrics/bulk_manage_agents/"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cekura_drift_script", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


drift = _load_script()
OURS: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
#: How many operations our spec covers (each path item's methods).
N_OPS = sum(1 for item in OURS["paths"].values() for m in item if m in ("get", "put", "post", "patch", "delete"))


@pytest.fixture
def upstream() -> dict[str, Any]:
    """A fresh copy of our spec, to plant changes in."""
    return copy.deepcopy(OURS)


def run(doc: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        suffix: str = ".json") -> tuple[int, dict[str, Any]]:
    path = tmp_path / f"upstream{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(doc), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    capsys.readouterr()
    code = drift.main([str(path), "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def op(report: dict[str, Any], operation_id: str) -> dict[str, Any]:
    return next(o for o in report["operations"] if o["operation_id"] == operation_id)


def drifted(report: dict[str, Any]) -> set[str]:
    return {o["operation_id"] for o in report["operations"] if o["drift"]}


def kinds(findings: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(f["kind"], f["where"], f["field"]) for f in findings}


# --------------------------------------------------------------------------- no drift


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_an_unmodified_copy_reports_no_drift(upstream, tmp_path, capsys, suffix) -> None:
    code, report = run(upstream, tmp_path, capsys, suffix)
    assert code == 0
    summary = report["summary"]
    assert summary["covered"] == N_OPS
    assert (summary["drift_findings"], summary["intentional"], summary["documented_only_status_codes"]) == (0, 0, 0)
    assert summary["not_covered"] == 0
    assert summary["text"].startswith(f"covered: {N_OPS} operations; drift in 0; intentional differences 0;")


def _walk(node: Any, fn: Callable[[dict[str, Any]], dict[str, Any]]) -> Any:
    if isinstance(node, dict):
        return fn({k: _walk(v, fn) for k, v in node.items()})
    if isinstance(node, list):
        return [_walk(v, fn) for v in node]
    return node


def test_equivalent_spellings_are_not_drift(upstream, tmp_path, capsys) -> None:
    """Type arrays vs anyOf-with-null vs `nullable`, `$ref` vs allOf wrapper vs inlined copy."""

    def respell(node: dict[str, Any]) -> dict[str, Any]:
        t = node.get("type")
        if isinstance(t, list) and "null" in t and len(t) == 2:
            (other,) = [x for x in t if x != "null"]
            rest = {k: v for k, v in node.items() if k != "type"}
            return {"anyOf": [{**rest, "type": other}, {"type": "null"}]}
        ref = node.get("$ref", "")
        if ref.startswith("#/components/schemas/") and len(node) == 1:
            return {"allOf": [node]}
        return node

    upstream["paths"] = _walk(upstream["paths"], respell)
    upstream["components"]["schemas"] = _walk(upstream["components"]["schemas"], respell)
    # 3.0-style nullable, a null in the enum, and an inlined (not $ref'd) enum schema.
    upstream["components"]["schemas"]["CriticalMetricScenarioPage"]["properties"]["next"] = {
        "type": "string", "format": "uri", "nullable": True}
    upstream["components"]["schemas"]["PredefinedMetric"]["properties"]["category"] = {
        "type": ["string", "null"], "readOnly": True,
        "enum": ["Speech Quality", "Conversation Quality", "Accuracy", "Customer Experience", None]}
    upstream["components"]["schemas"]["MetricWrite"]["properties"]["eval_type"] = copy.deepcopy(
        OURS["components"]["schemas"]["EvalType"])
    # Upstream calls the path parameter differently: it is matched by position, not by name.
    item = upstream["paths"].pop(METRIC)
    for method in ("put", "patch", "delete"):
        item[method]["parameters"] = [{"name": "metric_pk", "in": "path", "required": True,
                                       "schema": {"type": "integer"}}]
    item["get"]["parameters"][0]["name"] = "metric_pk"
    upstream["paths"]["/test_framework/v1/metrics/{metric_pk}/"] = item

    code, report = run(upstream, tmp_path, capsys)
    assert [f for o in report["operations"] for f in o["drift"]] == []
    assert code == 0


# --------------------------------------------------------------------------- planted drift


def test_removed_operation(upstream, tmp_path, capsys) -> None:
    del upstream["paths"][METRIC]["delete"]
    code, report = run(upstream, tmp_path, capsys)
    assert code == 1
    entry = op(report, "metrics_delete")
    assert entry["status"] == "missing upstream"
    assert kinds(entry["drift"]) == {("operation_removed", "operation", "")}
    assert "the path still has GET, PATCH, PUT" in entry["drift"][0]["message"]
    assert drifted(report) == {"metrics_delete"}


def test_added_query_parameter(upstream, tmp_path, capsys) -> None:
    upstream["paths"][METRICS]["get"]["parameters"].append(
        {"name": "ordering", "in": "query", "required": False, "schema": {"type": "string"}})
    code, report = run(upstream, tmp_path, capsys)
    assert code == 1
    assert kinds(op(report, "metrics_list")["drift"]) == {("parameter_added", "parameter `ordering`", "")}
    assert drifted(report) == {"metrics_list"}


def test_changed_parameters(upstream, tmp_path, capsys) -> None:
    params = upstream["paths"][METRICS]["get"]["parameters"]
    params[0]["schema"] = {"type": "string"}  # agent_id
    params[1]["required"] = True  # project_id
    params[4]["in"] = "header"  # slug
    params.remove(params[3])  # agents
    code, report = run(upstream, tmp_path, capsys)
    assert code == 1
    found = op(report, "metrics_list")["drift"]
    assert kinds(found) == {
        ("type_changed", "parameter `agent_id` (query)", ""),
        ("parameter_changed", "parameter `project_id` (query)", ""),
        ("parameter_changed", "parameter `slug` (query)", ""),
        ("parameter_removed", "parameter `agents`", ""),
    }
    messages = " | ".join(f["message"] for f in found)
    assert "type is integer here, string upstream" in messages
    assert "optional here, required upstream" in messages
    assert "location is query here, header upstream" in messages


def test_added_request_field(upstream, tmp_path, capsys) -> None:
    upstream["components"]["schemas"]["BulkAgentAssignment"]["properties"]["dry_run"] = {"type": "boolean"}
    code, report = run(upstream, tmp_path, capsys)
    assert code == 1
    assert kinds(op(report, "metrics_bulk_manage_agents")["drift"]) == {
        ("field_added", "request body", "dry_run")}
    assert drifted(report) == {"metrics_bulk_manage_agents"}


def test_removed_nested_response_field(upstream, tmp_path, capsys) -> None:
    del upstream["components"]["schemas"]["KnowledgeBaseFile"]["properties"]["file_size"]
    code, report = run(upstream, tmp_path, capsys)
    assert code == 1
    assert kinds(op(report, "metrics_list")["drift"]) == {
        ("field_removed", "response 200", "[].knowledge_base_files[].file_size")}


def test_changed_field_type(upstream, tmp_path, capsys) -> None:
    upstream["components"]["schemas"]["MetricListItem"]["properties"]["display_order"]["type"] = "string"
    upstream["components"]["schemas"]["Metric"]["properties"]["prompt"]["type"] = ["string", "null"]  # now nullable
    code, report = run(upstream, tmp_path, capsys)
    assert code == 1
    assert kinds(op(report, "metrics_list")["drift"]) == {("type_changed", "response 200", "[].display_order")}
    create = op(report, "metrics_create")["drift"]
    assert kinds(create) == {("type_changed", "response 201", "prompt")}
    assert "type is string here" in create[0]["message"]


def test_added_enum_value(upstream, tmp_path, capsys) -> None:
    upstream["components"]["schemas"]["EvalType"]["enum"].append("score")
    code, report = run(upstream, tmp_path, capsys)
    assert code == 1
    create = op(report, "metrics_create")["drift"]
    assert ("enum_added", "request body", "eval_type") in kinds(create)
    assert ("enum_added", "response 201", "eval_type") in kinds(create)
    assert '"score"' in create[0]["message"]
    # Everything using EvalType drifts, and nothing else.
    assert "metrics_bulk_manage_agents" not in drifted(report)
    assert {"metrics_list", "metrics_get", "predefined_metrics_list", "metrics_bulk_create"} <= drifted(report)


def test_removed_enum_value(upstream, tmp_path, capsys) -> None:
    upstream["components"]["schemas"]["CriticalMetricScenarioPatch"]["properties"]["priority"]["enum"].remove(
        "not_a_bug")
    code, report = run(upstream, tmp_path, capsys)
    assert code == 1
    assert kinds(op(report, "critical_metric_scenarios_update")["drift"]) == {
        ("enum_removed", "request body", "priority")}


def test_required_set_changes(upstream, tmp_path, capsys) -> None:
    schema = upstream["components"]["schemas"]["BulkAgentAssignment"]
    schema["required"].remove("project_id")
    code, report = run(upstream, tmp_path, capsys)
    assert code == 1
    found = op(report, "metrics_bulk_manage_agents")["drift"]
    assert kinds(found) == {("required_removed", "request body", "")}
    assert "we require `project_id`" in found[0]["message"]

    upstream["components"]["schemas"]["ProcessFeedbacksRequest"]["required"].append("test_set_ids")
    code, report = run(upstream, tmp_path, capsys)
    assert kinds(op(report, "metric_reviews_process_feedbacks")["drift"]) == {
        ("required_added", "request body", "")}


def test_added_status_code(upstream, tmp_path, capsys) -> None:
    upstream["paths"][METRICS]["post"]["responses"]["429"] = {"description": "Slow down."}
    code, report = run(upstream, tmp_path, capsys)
    assert code == 1
    assert kinds(op(report, "metrics_create")["drift"]) == {("status_added", "responses", "429")}
    assert drifted(report) == {"metrics_create"}


def test_changed_success_status_and_body(upstream, tmp_path, capsys) -> None:
    responses = upstream["paths"][MANAGE]["post"]["responses"]
    responses["202"] = responses.pop("200")
    code, report = run(upstream, tmp_path, capsys)
    assert code == 1
    assert kinds(op(report, "metrics_bulk_manage_agents")["drift"]) == {
        ("status_added", "responses", "202"), ("status_removed", "responses", "200")}

    responses["202"] = {"description": "Accepted, nothing described."}
    code, report = run(upstream, tmp_path, capsys)
    assert ("response_body_undescribed", "response 200 (upstream 202)", "") in kinds(
        op(report, "metrics_bulk_manage_agents")["drift"])


def test_request_body_presence_and_required_flag(upstream, tmp_path, capsys) -> None:
    upstream["paths"][METRIC]["patch"]["requestBody"]["required"] = True
    del upstream["paths"][MANAGE]["post"]["requestBody"]
    code, report = run(upstream, tmp_path, capsys)
    assert code == 1
    assert kinds(op(report, "metrics_update")["drift"]) == {("body_required_changed", "request body", "")}
    assert kinds(op(report, "metrics_bulk_manage_agents")["drift"]) == {("body_removed", "request body", "")}


# --------------------------------------------------------------------------- not drift


def test_error_codes_only_we_document_are_their_own_category(upstream, tmp_path, capsys) -> None:
    for item in upstream["paths"].values():
        for operation in item.values():
            operation["responses"].pop("401", None)
    code, report = run(upstream, tmp_path, capsys)
    assert code == 0
    # Every operation documents 401; bulk-toggle-settings is ours as a whole, so its 401 is intentional.
    assert report["summary"]["documented_only_status_codes"] == N_OPS - 1
    assert kinds(op(report, "metrics_bulk_toggle_settings")["intentional"]) == {
        ("status_ours_only", "responses", "401")}
    assert kinds(op(report, "metrics_delete")["documented_only"]) == {("status_ours_only", "responses", "401")}


def test_differences_where_we_say_ours_are_intentional(upstream, tmp_path, capsys) -> None:
    schemas = upstream["components"]["schemas"]
    # Operation marked ours: upstream describes bulk-toggle-settings with another body.
    upstream["paths"]["/test_framework/v1/metrics/bulk-toggle-settings/"]["post"]["requestBody"]["content"][
        "application/json"]["schema"] = {"$ref": "#/components/schemas/MetricWrite"}
    # Property marked ours.
    schemas["CriticalMetricScenarioPatch"]["properties"]["is_resolved"]["type"] = "string"
    # Schema marked ours.
    schemas["FeedbackProgress"]["properties"]["progress"]["type"] = "number"
    # Response marked ours.
    upstream["paths"]["/test_framework/metric-reviews/process_feedbacks/"]["post"]["responses"]["200"].pop("content")
    # Required set, declared ours in the schema's description.
    schemas["MetricWrite"]["required"] = ["name", "eval_type", "description", "project"]

    code, report = run(upstream, tmp_path, capsys)
    assert report["summary"]["drift_findings"] == 0
    assert code == 0
    assert ("field_added", "request body", "name") in kinds(op(report, "metrics_bulk_toggle_settings")["intentional"])
    assert kinds(op(report, "critical_metric_scenarios_update")["intentional"]) == {
        ("type_changed", "request body", "is_resolved")}
    assert kinds(op(report, "metric_reviews_process_feedbacks_progress")["intentional"]) == {
        ("type_changed", "response 200", "progress")}
    assert kinds(op(report, "metric_reviews_process_feedbacks")["intentional"]) == {
        ("response_body_undescribed", "response 200", "")}
    assert kinds(op(report, "metrics_create")["intentional"]) == {("required_added", "request body", "")}


def test_unmarked_differences_next_to_marked_ones_are_still_drift(upstream, tmp_path, capsys) -> None:
    upstream["components"]["schemas"]["CriticalMetricScenarioPatch"]["properties"]["priority"]["type"] = "integer"
    code, report = run(upstream, tmp_path, capsys)
    assert code == 1
    assert ("type_changed", "request body", "priority") in kinds(op(report, "critical_metric_scenarios_update")["drift"])


def test_not_covered_operations_are_listed_but_not_drift(upstream, tmp_path, capsys) -> None:
    upstream["paths"]["/test_framework/v1/metrics/{id}/history/edit/"] = {
        "patch": {"operationId": "metrics_history_edit", "responses": {"200": {"description": "ok"}}}}
    upstream["paths"]["/test_framework/v1/predefined-metrics/"]["post"] = {
        "operationId": "predefined_create", "responses": {"201": {"description": "ok"}}}
    upstream["paths"]["/test_framework/v1/agents/"] = {
        "get": {"operationId": "agents_list", "responses": {"200": {"description": "ok"}}}}
    code, report = run(upstream, tmp_path, capsys)
    assert code == 0
    assert [(o["method"], o["path"]) for o in report["not_covered"]] == [
        ("PATCH", "/test_framework/v1/metrics/{id}/history/edit/"),
        ("POST", "/test_framework/v1/predefined-metrics/"),
    ]
    assert report["summary"]["text"].endswith("upstream has 2 more operations under our paths not covered")


# --------------------------------------------------------------------------- CLI


def test_cli_text_output_and_exit_codes(upstream, tmp_path) -> None:
    del upstream["paths"][METRIC]["delete"]
    path = tmp_path / "upstream.yaml"
    path.write_text(yaml.safe_dump(upstream), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(SCRIPT), str(path)], capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == (f"covered: {N_OPS} operations; drift in 1; intentional differences 0; "
                        "upstream has 0 more operations under our paths not covered")
    assert any(line.startswith("== metrics_delete: DELETE /test_framework/v1/metrics/{id}/") for line in lines)

    for bad in ([str(tmp_path / "missing.json")], [str(path), "--format", "xml"], []):
        proc = subprocess.run([sys.executable, str(SCRIPT), *bad], capture_output=True, text=True)
        assert proc.returncode == 2, bad
    (tmp_path / "broken.json").write_text("{not json")
    proc = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path / "broken.json")], capture_output=True, text=True)
    assert proc.returncode == 2 and "cannot parse" in proc.stderr


def test_unresolvable_ref_is_a_read_error(upstream, tmp_path, capsys) -> None:
    upstream["paths"][METRICS]["post"]["requestBody"]["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/Nope"}
    path = tmp_path / "upstream.json"
    path.write_text(json.dumps(upstream))
    assert drift.main([str(path)]) == 2
    assert "unresolvable $ref" in capsys.readouterr().err


# --------------------------------------------------------------------------- the real upstream


@pytest.mark.skipif(not REAL_UPSTREAM.exists(), reason="the upstream reference description is not available")
def test_against_the_real_upstream(capsys) -> None:
    code = drift.main([str(REAL_UPSTREAM), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    assert code == (1 if report["summary"]["drift_operations"] else 0)
    assert report["summary"]["covered"] == N_OPS
    assert report["summary"]["missing_upstream"] == 0
    assert all(o["upstream_operation_id"] for o in report["operations"])
    assert report["summary"]["not_covered"] > 0
    drift_findings = [f for o in report["operations"] for f in o["drift"]]
    # Spelling differences between the two documents must not surface as drift.
    for f in drift_findings:
        assert not f["field"].endswith(("category", "next", "previous", "alert_filters",
                                        "pending_optimisation_proposal", "enum_values", "configuration")), f
    # The documented intentional differences are classified as such.
    create = op(report, "metrics_create")
    assert ("required_added", "request body", "") in kinds(create["intentional"])
    assert op(report, "metrics_bulk_toggle_settings")["drift"] == []
    assert op(report, "critical_metric_scenarios_update")["drift"] == []
    assert op(report, "metric_reviews_process_feedbacks")["drift"] == []
