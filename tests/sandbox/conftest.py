"""Fixtures for the sandbox tests.

``api`` is parametrised: each test using it runs once against the in-process transport and
once against a sandbox served over real HTTP. Every response that either gives is checked
against the spec's documented response schema (see ``check_conformance``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import httpx
import pytest

from cekura.sandbox import Sandbox, start_background
from cekura.sandbox._spec import match, response_pointer
from cekura.sandbox._validate import schema_errors

KEY_A = "key-tenant-a"
KEY_B = "key-tenant-b"
METRICS = "/test_framework/v1/metrics/"
SCENARIOS = "/test_framework/v1/critical-metric-scenarios/"
PREDEFINED = "/test_framework/v1/predefined-metrics/"
GENERATE = "/test_framework/v1/metrics/generate_metrics/"
GENERATE_PROGRESS = "/test_framework/v1/metrics/generate_metrics_progress/"
FEEDBACK = "/test_framework/metric-reviews/process_feedbacks/"
FEEDBACK_PROGRESS = "/test_framework/metric-reviews/process_feedbacks_progress/"
FIELD_ERRORS = "#/components/schemas/FieldErrors"
PREVIEW = "/test_framework/v1/metrics/preview/"
CALL_LOGS = "/observability/v1/call-logs/"
RUNS = "/test_framework/v1/runs/"
RESULTS = "/test_framework/v1/results/"
TEST_SETS = "/test_framework/test-sets/"


def spec_violations(response: httpx.Response) -> list[str]:
    """What is wrong with ``response`` according to the spec (empty when it conforms)."""
    found = match(response.request.url.path)
    if found is None:
        return []
    op = found[0].operations.get(response.request.method)
    if op is None:
        return []
    if response.status_code == 204:
        return ["204 with a body"] if response.content else []
    schema = response_pointer(op.operation_id, response.status_code)
    if not response.content:  # a documented bodiless answer (e.g. bulk_evaluate_metrics' 200)
        return [] if schema is None else ["an empty body where the spec documents one"]
    body = json.loads(response.content)
    if op.operation_id == "metrics_bulk_create" and response.status_code == 400 and isinstance(body, list):
        # DRF answers one error dict per item; the spec only documents the object form (reported).
        return [e for item in body for e in schema_errors(FIELD_ERRORS, item)]
    return schema_errors(schema, body) if schema else []


def check_conformance(response: httpx.Response) -> None:
    response.read()
    problems = spec_violations(response)
    assert not problems, f"{response.request.method} {response.request.url} -> {response.status_code}: {problems}"


class Api:
    """Makes clients for one sandbox, reached in process or over HTTP."""

    def __init__(self, sandbox: Sandbox, mode: str, url: str = "http://sandbox.local") -> None:
        self.sandbox = sandbox
        self.mode = mode
        self.url = url
        self._clients: list[httpx.Client] = []

    def client(self, key: str | None = KEY_A, **headers: str) -> httpx.Client:
        if key is not None:
            headers["X-CEKURA-API-KEY"] = key
        transport = self.sandbox.transport() if self.mode == "inprocess" else None
        client = httpx.Client(base_url=self.url, transport=transport, headers=headers,
                              event_hooks={"response": [check_conformance]})
        self._clients.append(client)
        return client

    def close(self) -> None:
        for client in self._clients:
            client.close()


def _api(mode: str, **options) -> Iterator[Api]:
    if mode == "inprocess":
        sandbox = Sandbox(db=":memory:", **{"job_seconds": 0, **options})
        api = Api(sandbox, mode)
        yield api
        api.close()
        sandbox.close()
    else:
        with start_background(**options) as running:
            api = Api(running.sandbox, mode, running.url)
            yield api
            api.close()


@pytest.fixture(params=["inprocess", "served"])
def api(request) -> Iterator[Api]:
    yield from _api(request.param)


@pytest.fixture
def make_api() -> Iterator[Callable[..., Api]]:
    """Build an in-process ``Api`` with sandbox options (``allowed_keys=...``, ``job_seconds=...``)."""
    made: list[Api] = []

    def make(**options) -> Api:
        gen = _api("inprocess", **options)
        made.append(gen)
        return next(gen)

    yield make
    for gen in made:
        next(gen, None)


@pytest.fixture
def client(api: Api) -> httpx.Client:
    return api.client(KEY_A)
