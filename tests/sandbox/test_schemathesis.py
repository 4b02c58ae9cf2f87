"""Property-based run of every operation of the spec against a served sandbox (schemathesis 4).

It must find no 5xx and no response that breaks the spec. Random ids rarely exist, so each
case that names an id (or a progress id) is also replayed with one that does, under a fresh
API key (a fresh tenant with its own demo data). One documented deviation: a bulk_create
400 answers DRF's per-item list (``[{}, {"name": [...]}]``) where the spec only documents
the object form, so that answer is checked item by item instead.

Longer hunt: ``CEKURA_SANDBOX_FUZZ_EXAMPLES=500 pytest tests/sandbox/test_schemathesis.py``.
"""

from __future__ import annotations

import json
import os
import uuid

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from cekura.sandbox import start_background
from cekura.sandbox._spec import spec_path
from cekura.sandbox._validate import schema_errors

from .conftest import FEEDBACK, FIELD_ERRORS, GENERATE, PREVIEW

schema = schemathesis.openapi.from_path(spec_path())
HEADERS = {"X-CEKURA-API-KEY": "schemathesis-key"}
MAX_EXAMPLES = int(os.environ.get("CEKURA_SANDBOX_FUZZ_EXAMPLES", "25"))  # raise it for a longer hunt
EXISTING_IDS = {"predefined-metrics": 1, "critical-metric-scenarios": 42, "metrics": 55, "call-logs": 7788,
                "runs": 9001, "results": 501}
JOB_STARTS = {"generate_metrics_progress": (GENERATE, {"agent_id": 123, "num_metrics": 3}),
              "process_feedbacks_progress": (FEEDBACK, {"metric_id": 55}),
              "preview-progress": (PREVIEW, {"agent_id": 123, "call_log_ids": [7788],
                                             "metric_data": {"name": "Greets", "type": "llm_judge",
                                                             "eval_type": "binary", "description": "greets"}})}


@pytest.fixture(scope="module")
def served_url():
    with start_background(job_seconds=0.2) as running:
        yield running.url


def _check(case, response) -> None:
    if case.operation.definition.raw.get("operationId") == "metrics_bulk_create" and response.status_code == 400:
        body = json.loads(response.content)
        if isinstance(body, list):
            assert not [e for item in body for e in schema_errors(FIELD_ERRORS, item)], body
            case.validate_response(response, checks=[not_a_server_error])
            return
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance,
                                             content_type_conformance])


def _with_existing_ids(case, base_url: str, headers: dict[str, str]):
    """The same case aimed at an id that exists for ``headers``' tenant, or None when it names no id."""
    if "id" in case.path_parameters:
        parts = case.path.strip("/").split("/")
        collection = parts[parts.index("{id}") - 1]
        derived = case.derive(keep_auth=True)
        derived.path_parameters = {**case.path_parameters, "id": EXISTING_IDS[collection]}
        return derived
    start = next((v for k, v in JOB_STARTS.items() if case.path.endswith(f"/{k}/")), None)
    if start is not None:
        progress_id = httpx.post(base_url + start[0], json=start[1], headers=headers).json()["progress_id"]
        return case.derive(query={**case.query, "progress_id": progress_id}, keep_auth=True)
    return None


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms(case, served_url):
    _check(case, case.call(base_url=served_url, headers=HEADERS))
    fresh = {"X-CEKURA-API-KEY": f"schemathesis-{uuid.uuid4()}"}
    derived = _with_existing_ids(case, served_url, fresh)
    if derived is not None:
        _check(derived, derived.call(base_url=served_url, headers=fresh))
