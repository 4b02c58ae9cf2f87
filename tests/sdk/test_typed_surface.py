"""The SDK's typed surface at run time: strict keywords, request options, raw responses,
request ids, logging and hooks, and signatures that tell the truth.

Typos are proven refused before anything is sent (a transport that counts every request);
escape hatches are checked on the wire (a loopback server that records what arrives); raw
responses and request ids are read from a served sandbox.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import os
import subprocess
import sys
from datetime import timedelta

import httpx
import pytest

import cekura
from cekura import AsyncCekura, Cekura, RetryPolicy
from cekura._typing import Operation, Paginator
from cekura.sandbox import start_background
from tests.support.faultserver import FaultServer

KEY = "sk-live-TYPED-SURFACE-5f0c1d2e3a4b"
FAST = RetryPolicy(max_retries=2, backoff_initial=0.001, backoff_max=0.002, retry_after_max=0.05)
M = "/test_framework/v1/metrics/"


@pytest.fixture(scope="module")
def served():
    with start_background(job_seconds=0) as running:
        yield running


def counting_client(kind: str):
    """A client whose transport records every request and answers 500 (it must never be reached)."""
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(500, json={"detail": "must not be reached"})

    if kind == "sync":
        http = httpx.Client(transport=httpx.MockTransport(answer), base_url="http://counted.localhost")
        return Cekura(api_key=KEY, api_url="http://counted.localhost", http_client=http), seen

    async def async_answer(request: httpx.Request) -> httpx.Response:
        return answer(request)

    http = httpx.AsyncClient(transport=httpx.MockTransport(async_answer), base_url="http://counted.localhost")
    return AsyncCekura(api_key=KEY, api_url="http://counted.localhost", http_client=http), seen


# ------------------------------------------------------------------ strict keywords
TYPOS = [
    ("metrics.list(agent=123)", lambda c: c.metrics.list(agent=123), "agent", "agent_id"),
    ("metrics.create(promt=)", lambda c: c.metrics.create(name="x", promt="..."), "promt", "prompt"),
    ("metrics.update(nmae=)", lambda c: c.metrics.update(55, nmae="y"), "nmae", "name"),
    ("metrics.replace(evel_type=)", lambda c: c.metrics.replace(55, name="x", evel_type="binary"), "evel_type", "eval_type"),
    ("metrics.get(timout=)", lambda c: c.metrics.get(55, timout=1), "timout", "timeout"),
    ("metrics.delete(metricid=)", lambda c: c.metrics.delete(metricid=55), "metricid", "metric_id"),
    ("bulk_create item", lambda c: c.metrics.bulk_create([{"name": "x", "promt": "..."}]), "metrics[0].promt", None),
    ("bulk_toggle_settings(is_actve=)", lambda c: c.metrics.bulk_toggle_settings([55], is_actve=True), "is_actve", "is_active"),
    ("generate(cout=)", lambda c: c.metrics.generate(agent_id=123, cout=3), "cout", "count"),
    ("scenarios.update(is_resolvd=)", lambda c: c.critical_metric_scenarios.update(42, is_resolvd=True), "is_resolvd", "is_resolved"),
    ("scenarios.list(metric=)", lambda c: c.critical_metric_scenarios.list(metric=55), "metric", "metric_id"),
    ("process_feedbacks(skip_evalution=)", lambda c: c.metric_reviews.process_feedbacks(55, skip_evalution=True), "skip_evalution", "skip_evaluation"),
    ("predefined.get(idd=)", lambda c: c.predefined_metrics.get(idd=3), "idd", "id"),
]


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(("label", "call", "field", "suggestion"), TYPOS, ids=[t[0] for t in TYPOS])
def test_unknown_keywords_are_refused_before_any_request(mode, label, call, field, suggestion):
    client, seen = counting_client(mode)
    with pytest.raises(cekura.UnknownArgumentError) as info:
        if mode == "sync":
            call(client)
        else:
            asyncio.run(call(client))
    error = info.value
    assert isinstance(error, cekura.ValidationError) and isinstance(error, TypeError)
    assert error.status is None and "Nothing was sent" in str(error)
    assert field in error.errors
    if suggestion is not None:
        assert error.suggestions[0] == suggestion and f"did you mean {suggestion!r}" in str(error)
    assert seen == [], f"{label}: a request was sent"


def test_a_field_the_sdk_does_not_know_yet_goes_through_extra_body():
    client, seen = counting_client("sync")
    with pytest.raises(cekura.UnknownArgumentError, match=r"extra_body"):
        client.metrics.create(name="x", brand_new_field=1)
    assert seen == []


# ------------------------------------------------------------------ request options on the wire
def test_request_options_are_sent_as_given():
    with FaultServer() as server, Cekura(api_key=KEY, api_url=server.url, retry_policy=FAST) as client:
        server.default_json = {"id": 7, "name": "x", "eval_type": "binary"}
        client.metrics.create(
            name="x",
            eval_type="binary",
            extra_body={"brand_new_field": {"nested": [1, 2]}, "name": "overridden"},
            extra_query={"dry_run": "1"},
            extra_headers={"X-Trace-Id": "trace-42"},
        )
        client.metrics.bulk_create(
            [{"name": "a", "eval_type": "binary"}, {"name": "b", "eval_type": "binary"}], extra_body={"flag": True}
        )
        client.metrics.get(55, extra_query={"expand": "reviews"})
    (method, path, body), (_, bulk_path, bulk_body), (_, get_path, _) = server.received
    assert (method, path) == ("POST", M + "?dry_run=1")
    assert json.loads(body) == {"name": "overridden", "eval_type": "binary", "brand_new_field": {"nested": [1, 2]}}
    assert server.headers_seen[0]["x-trace-id"] == "trace-42"
    assert server.headers_seen[0]["x-cekura-api-key"] == KEY  # the SDK's own headers stay
    assert bulk_path == M + "bulk_create/"
    assert [item["flag"] for item in json.loads(bulk_body)] == [True, True]
    assert get_path == M + "55/?expand=reviews"


def test_extra_headers_cannot_replace_the_key():
    client, seen = counting_client("sync")
    with pytest.raises(cekura.ValidationError, match="API key"):
        client.metrics.get(55, extra_headers={"X-CEKURA-API-KEY": "other"})
    assert seen == []


def test_per_call_max_retries_and_timeout():
    with FaultServer() as server, Cekura(api_key=KEY, api_url=server.url, retry_policy=FAST, timeout=5) as client:
        server.plan(("status", 503))
        with pytest.raises(cekura.ServerError):
            client.metrics.get(55, max_retries=0)
        assert len(server.received) == 1  # the client's default (2 retries) would have sent 3
        server.plan(("stall", 1.0))
        with pytest.raises(cekura.APITimeoutError):
            client.metrics.get(55, timeout=0.2, max_retries=0)
        assert len(server.received) == 2
    client, seen = counting_client("sync")
    for bad in ({"timeout": 0}, {"timeout": "soon"}, {"max_retries": -1}, {"extra_body": [1]}):
        with pytest.raises(cekura.ValidationError):
            client.metrics.get(55, **bad)
    assert seen == []


def test_job_methods_keep_timeout_for_the_wait_and_take_request_timeout():
    client, seen = counting_client("sync")
    with pytest.raises(cekura.ValidationError, match="request_timeout"):
        client.metrics.wait_for_generation("abc", timeout=60, request_timeout=-1)
    assert seen == []


def test_with_options_shares_the_pool(served):
    requests: list[httpx.Request] = []
    with Cekura(api_key=KEY, api_url=served.url, on_request=requests.append) as client:
        fast = client.with_options(timeout=4.5, max_retries=0)
        assert fast.metrics.get(55)["id"] == 55
        assert fast._http is client._http and fast.max_retries == 0 and client.max_retries == 2
        assert requests[-1].extensions["timeout"]["read"] == 4.5
        fast.close()  # a copy never closes the shared pool
        assert client.metrics.get(55)["id"] == 55
        assert requests[-1].extensions["timeout"]["read"] == 30.0


# ------------------------------------------------------------------ what came back
def test_raw_responses_and_request_ids_from_a_served_sandbox(served):
    with Cekura(api_key=KEY, api_url=served.url) as client:
        raw = client.metrics.with_raw_response.get(55)
        assert raw.status_code == 200 and raw.retries_taken == 0
        assert raw.request_id and raw.request_id.startswith("req_") and raw.headers["x-request-id"] == raw.request_id
        assert raw.headers["content-type"].startswith("application/json")
        assert isinstance(raw.elapsed, timedelta) and raw.elapsed.total_seconds() > 0
        assert raw.parse() == client.metrics.get(55)
        listed = client.predefined_metrics.with_raw_response.list()
        assert listed.status_code == 200 and len(listed.parse()) >= 20
        deleted = client.metrics.with_raw_response.delete(56)
        assert deleted.status_code == 204 and deleted.parse() is None
        with pytest.raises(cekura.NotFoundError) as info:
            client.metrics.get(56)
        assert info.value.request_id and info.value.request_id.startswith("req_")
        assert info.value.headers["x-request-id"] == info.value.request_id
        assert client.metrics.with_raw_response.with_raw_response is client.metrics.with_raw_response
        pages = list(client.critical_metric_scenarios.with_raw_response.iter(metric_id=55, page_size=5))
        items = list(client.critical_metric_scenarios.iter(metric_id=55, page_size=5))
        assert len(pages) >= 2 and len({p.request_id for p in pages}) == len(pages)
        assert [s["id"] for p in pages for s in p.parse()["results"]] == [s["id"] for s in items]

    async def run() -> None:
        async with AsyncCekura(api_key=KEY + "-async", api_url=served.url) as client:
            raw = await client.critical_metric_scenarios.with_raw_response.list(metric_id=55)
            assert raw.status_code == 200 and raw.request_id.startswith("req_")
            assert raw.parse()["results"]
            assert inspect.iscoroutinefunction(client.metrics.with_raw_response.get)
            pages = [p async for p in client.critical_metric_scenarios.with_raw_response.iter(metric_id=55, page_size=5)]
            assert len(pages) >= 2 and all(p.status_code == 200 and p.request_id for p in pages)
            assert [s["id"] for p in pages for s in p.parse()["results"]] == [
                s["id"] async for s in client.critical_metric_scenarios.iter(metric_id=55, page_size=5)
            ]

    asyncio.run(run())


def test_retries_taken_counts_the_retries_of_the_answer():
    with FaultServer() as server, Cekura(api_key=KEY, api_url=server.url, retry_policy=FAST) as client:
        server.plan(("status", 503), ("status", 502, "<html>x</html>"))
        raw = client.metrics.with_raw_response.get(55)
        assert raw.retries_taken == 2 and raw.status_code == 200 and raw.parse() == {"ok": True}


# ------------------------------------------------------------------ observability
def test_hooks_see_every_attempt():
    seen: list[str] = []
    with FaultServer() as server, Cekura(
        api_key=KEY,
        api_url=server.url,
        retry_policy=FAST,
        on_request=lambda r: seen.append(f"> {r.method} {r.url.path}"),
        on_response=lambda r: seen.append(f"< {r.status_code}"),
    ) as client:
        server.plan(("status", 503))
        client.metrics.get(55)
    assert seen == [f"> GET {M}55/", "< 503", f"> GET {M}55/", "< 200"]


def test_retry_notice_contract(caplog):
    caplog.set_level(logging.INFO, logger="cekura")
    with FaultServer() as server, Cekura(api_key=KEY, api_url=server.url, retry_policy=FAST) as client:
        server.plan(("status", 503))
        client.metrics.get(55)
    retries = [r for r in caplog.records if getattr(r, "cekura_event", None) == "retry"]
    assert len(retries) == 1 and retries[0].levelno == logging.INFO and retries[0].name == "cekura"
    assert retries[0].getMessage().startswith("HTTP 503 from 127.0.0.1:") and "retrying (2/3) in" in retries[0].getMessage()


LOGGED_SCRIPT = """
import sys
from cekura import Cekura, RetryPolicy
url, key = sys.argv[1], sys.argv[2]
with Cekura(api_key=key, api_url=url, retry_policy=RetryPolicy(backoff_initial=0.001, backoff_max=0.002)) as client:
    created = client.metrics.create(name="Logged", type="llm_judge", prompt="Greets?", agents=[123])
    client.metrics.update(created["id"], prompt="Greets warmly?")
    client.metrics.generate(agent_id=123, count=2, wait=True, poll_interval=0)
    try:
        client.metrics.get(999999)
    except Exception:
        pass
"""


def test_cekura_log_debug_logs_every_attempt_and_never_the_key(served, tmp_path):
    env = {**os.environ, "CEKURA_LOG": "debug", "HOME": str(tmp_path)}
    env.pop("CEKURA_API_KEY", None)
    proc = subprocess.run(
        [sys.executable, "-c", LOGGED_SCRIPT, served.url, KEY], env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    log = proc.stderr
    assert f"POST {M} -> HTTP 201" in log and "(attempt 1/3)" in log  # each attempt (DEBUG)
    assert f"PATCH {M}" in log and "HTTP 200 in" in log  # each call's outcome (INFO)
    assert "job " in log and "completed" in log  # job polls
    assert "HTTP 404" in log
    assert KEY not in log and KEY[-12:] not in log
    quiet = subprocess.run(
        [sys.executable, "-c", LOGGED_SCRIPT, served.url, KEY],
        env={k: v for k, v in env.items() if k != "CEKURA_LOG"}, capture_output=True, text=True, timeout=60,
    )
    assert quiet.returncode == 0 and quiet.stderr == ""


# ------------------------------------------------------------------ signatures that tell the truth
def _methods():
    """(client attribute, method name, is_paginator) of every resource method the clients offer."""
    from cekura._client import _BaseClient

    client = Cekura(api_key=KEY, api_url="sandbox://memory")
    for attr, value in vars(_BaseClient).items():
        if isinstance(value, property) and not attr.startswith("_") and "Resource" in str(
            [c.__name__ for c in type(getattr(client, attr)).__mro__]
        ):
            seen: set[str] = set()
            for klass in type(getattr(client, attr)).__mro__:  # mixins too (metrics.preview, ...)
                for name, member in vars(klass).items():
                    if isinstance(member, (Operation, Paginator)) and name not in seen:
                        seen.add(name)
                        yield attr, name, isinstance(member, Paginator)


def test_every_method_has_its_public_signature():
    sync = Cekura(api_key=KEY, api_url="sandbox://memory")
    asyn = AsyncCekura(api_key=KEY, api_url="sandbox://memory")
    count = 0
    methods = list(_methods())
    assert len(methods) >= 21 and {m[0] for m in methods} >= {"metrics", "predefined_metrics", "metric_reviews"}
    for attr, name, is_pages in methods:
        for client in (sync, asyn):
            for resource in (getattr(client, attr), getattr(client, attr).with_raw_response):
                method = getattr(resource, name)
                sig = inspect.signature(method)
                kinds = {p.kind for p in sig.parameters.values()}
                assert "ctx" not in sig.parameters and "self" not in sig.parameters, (attr, name)
                assert inspect.Parameter.VAR_KEYWORD not in kinds and inspect.Parameter.VAR_POSITIONAL not in kinds
                assert {"extra_headers", "extra_query", "extra_body", "max_retries"} <= set(sig.parameters)
                assert sig.return_annotation is not inspect.Signature.empty
                assert "Flow" not in str(sig) and "Generator" not in str(sig)
                assert inspect.iscoroutinefunction(method) == (client is asyn and not is_pages), (attr, name)
                if resource._mode >= 2:
                    assert "RawResponse[" in str(sig.return_annotation)
                count += 1
    assert count == len(methods) * 4


def test_help_shows_parameters_not_internals():
    import pydoc

    text = pydoc.render_doc(Cekura(api_key=KEY, api_url="sandbox://memory").metrics.create, renderer=pydoc.plaintext)
    assert "prompt: str" in text and "eval_type: Literal[" in text and "'boolean'" in text
    assert "ctx" not in text and "Flow" not in text and "-> cekura.types.Metric" in text


def test_sync_and_async_methods_are_made_from_one_flow():
    sync = type(Cekura(api_key=KEY, api_url="sandbox://memory").metrics)
    asyn = type(AsyncCekura(api_key=KEY, api_url="sandbox://memory").metrics)
    assert sync is asyn  # one class; the client's mode picks the executor
    descriptor = vars(sync)["get"]
    assert len({id(m.__wrapped__.__wrapped__) for m in descriptor._methods}) == 1


# ------------------------------------------------------------------ the judge's criterion
def test_the_judges_criterion_lands_in_description(served):
    requests: list[httpx.Request] = []
    with Cekura(api_key=KEY + "-judge", api_url=served.url, on_request=requests.append) as client:
        judge = client.metrics.create(name="J", type="llm_judge", prompt="Greets?", agents=[123])
        assert judge["description"] == "Greets?"
        code = client.metrics.create(name="C", type="python", code="def evaluate(call): return True", prompt="p")
        assert json.loads(requests[-1].content).get("description") is None
        explicit = client.metrics.create(name="E", type="llm_judge", prompt="P", description="D")
        assert explicit["description"] == "D"
        requests.clear()
        client.metrics.update(judge["id"], type="llm_judge", prompt="Greets warmly?")  # type named: no read
        assert [r.method for r in requests] == ["PATCH"]
        assert json.loads(requests[0].content)["description"] == "Greets warmly?"
        requests.clear()
        client.metrics.update(code["id"], prompt="still code")  # the stored type decides
        assert [r.method for r in requests] == ["GET", "PATCH"]
        assert "description" not in json.loads(requests[1].content)


def test_emitted_files_are_fresh():
    """cekura/types and docs/reference.md are what scripts/generate.py emits now (as make check-generated)."""
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("_gen_for_test", root / "scripts" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    for path, text in module.emitted().items():
        assert path.read_text() == text, f"{path} is stale: run `make generate`"


def test_every_component_schema_has_its_typed_dict():
    from pathlib import Path

    import yaml

    import cekura.types as types

    spec = yaml.safe_load((Path(__file__).resolve().parents[2] / "openapi" / "cekura-metrics.yaml").read_text())
    for name, schema in spec["components"]["schemas"].items():
        assert hasattr(types, name), name
        if schema.get("properties"):
            typed = getattr(types, name)
            assert set(schema["properties"]) <= set(typed.__annotations__), name
            assert typed.__required_keys__ - {"job_id"} == set(schema.get("required", ())), name


def test_types_cost_nothing_at_run_time(served):
    """Constructing a client loads no typing machinery; calling methods never loads cekura.types."""
    script = (
        "import sys, cekura\n"
        "client = cekura.Cekura(api_key='k-0123456789', api_url=sys.argv[1])\n"
        "before = {m for m in ('cekura._typing', 'cekura.types', 'cekura.resources') if m in sys.modules}\n"
        "client.metrics.get(55); client.metrics.with_raw_response.list(agent_id=123)\n"
        "print(sorted(before), 'cekura.types' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, served.url], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["[]", "False"]


def test_async_with_options_shares_the_pool(served):
    async def run() -> None:
        async with AsyncCekura(api_key=KEY, api_url=served.url) as client:
            quick = client.with_options(max_retries=0)
            assert (await quick.metrics.get(55))["id"] == 55
            assert quick._http is client._http and quick.max_retries == 0
            raw = await quick.metrics.with_raw_response.get(55, timeout=3.0)
            assert raw.status_code == 200 and raw.request_id.startswith("req_")
            await quick.close()  # the copy leaves the shared pool open
            assert (await client.metrics.get(55))["id"] == 55

    asyncio.run(run())
