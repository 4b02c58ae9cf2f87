"""Fuzz the served sandbox with the UPSTREAM description's metrics operations (no 5xx allowed).

Reads ../shared/reference/cekura-openapi.json at test time (never committed; skipped when
absent) and keeps the operations the sandbox serves: the metrics paths of our spec and their
`-external` twins, exactly as upstream describes them (its parameters, and its JSON,
form-encoded and multipart bodies), against a lenient sandbox as a third-party client sees it.
Longer hunt: CEKURA_SANDBOX_FUZZ_EXAMPLES=200.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest

from cekura.sandbox import start_background
from cekura.sandbox._routing import plain_path
from cekura.sandbox._spec import routes

UPSTREAM = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference" / "cekura-openapi.json"
MAX_EXAMPLES = int(os.environ.get("CEKURA_SANDBOX_FUZZ_EXAMPLES", "4"))
HEADERS = {"X-CEKURA-API-KEY": "upstream-fuzz-key"}

if not UPSTREAM.is_file():
    pytest.skip(f"upstream description not found at {UPSTREAM}", allow_module_level=True)

import schemathesis  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402


def _served_subset() -> dict:
    upstream = json.loads(UPSTREAM.read_text())
    ours = {route.template: route for route in routes()}
    kept = {}
    for path, item in upstream["paths"].items():
        route = ours.get(plain_path(path, strict=True))
        if route is None:
            continue
        ops = {m: op for m, op in item.items() if m.upper() in route.operations}
        if ops:
            kept[path] = {**{k: v for k, v in item.items() if k not in ("get", "put", "post", "patch", "delete")},
                          **copy.deepcopy(ops)}
    return {**upstream, "paths": kept}


schema = schemathesis.openapi.from_dict(_served_subset())


@pytest.fixture(scope="module")
def served_url():
    with start_background(job_seconds=0.2, strict=False) as running:
        yield running.url


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_upstream_metrics_operations_never_5xx(case, served_url):
    response = case.call(base_url=served_url, headers=HEADERS)
    case.validate_response(response, checks=[not_a_server_error])
