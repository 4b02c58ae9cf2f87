"""The new resources have the typed surface of the others: twins, raw views, request options, strict keywords."""

from __future__ import annotations

import asyncio
import inspect

import pytest

from cekura import AsyncCekura, Cekura
from cekura._errors import CekuraError

METHODS = [
    "calls.list", "calls.iter", "calls.get", "calls.evaluate_metrics", "calls.rerun_evaluation",
    "calls.mark_metric_vote", "runs.get", "runs.mark_metric_vote", "results.get", "results.evaluate_metrics",
    "results.bulk_evaluate_metrics", "test_sets.create_from_call_log", "test_sets.create_from_run",
    "metrics.preview", "metrics.preview_progress", "metrics.wait_for_preview", "metrics.history",
    "metrics.history_page", "metrics.restore", "predefined_metrics.copy",
]


def _method(client, dotted):
    resource, name = dotted.split(".")
    return getattr(getattr(client, resource), name)


@pytest.mark.parametrize("dotted", METHODS)
def test_twins_and_signatures(dotted):
    sync, asynchronous = Cekura(api_key="k", api_url="sandbox://memory"), AsyncCekura(api_key="k", api_url="sandbox://memory")
    method, twin = _method(sync, dotted), _method(asynchronous, dotted)
    params = inspect.signature(method).parameters
    assert "ctx" not in params and "extra_headers" in params and "max_retries" in params
    assert list(inspect.signature(twin).parameters) == list(params)
    iterating = dotted.endswith(("iter", "history"))
    assert inspect.iscoroutinefunction(twin) is not iterating
    assert not inspect.iscoroutinefunction(method)
    resource = getattr(sync, dotted.split(".")[0])
    assert resource.with_raw_response is resource.with_raw_response  # made once


def test_raw_views_and_options_against_the_sandbox():
    with Cekura(api_key="k", api_url="sandbox://memory") as client:
        raw = client.calls.with_raw_response.get(7788, extra_headers={"X-Trace": "t-1"})
        assert raw.status_code == 200 and raw.parse()["id"] == 7788
        assert client.runs.with_raw_response.get(9001).parse()["result_id"] == 501
        assert client.results.with_raw_response.bulk_evaluate_metrics([501], [55]).status_code == 200
        with pytest.raises(CekuraError) as info:
            client.calls.get(7788, call_logid=1)
        assert "call_log_id" in str(info.value) and "Nothing was sent" in str(info.value)

    async def main():
        async with AsyncCekura(api_key="k", api_url="sandbox://memory") as client:
            raw = await client.test_sets.with_raw_response.create_from_run(9001, metrics=[55])
            return raw.status_code, [v["history_type"] async for v in client.metrics.history(55)]

    assert asyncio.run(main()) == (200, ["+"])
