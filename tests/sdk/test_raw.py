"""cekura._raw: any endpoint through the same flows, sync and async twins."""

from __future__ import annotations

import asyncio

import pytest

from cekura import AsyncCekura, Cekura, ValidationError
from cekura._raw import paginate, request

SCENARIOS = "/test_framework/v1/critical-metric-scenarios/"


def test_sync_request_and_paginate():
    with Cekura(api_url="sandbox://memory") as client:
        assert request(client, "GET", "/test_framework/v1/metrics/55/")["id"] == 55
        items = list(paginate(client, SCENARIOS, {"metric_id": 55, "page_size": 4}))
        page = request(client, "get", SCENARIOS.lstrip("/") + "?metric_id=55&page_size=4")
        assert len(items) == page["count"] > 4 and len({i["id"] for i in items}) == len(items)


def test_async_twin():
    async def main() -> tuple[dict, list]:
        async with AsyncCekura(api_url="sandbox://memory") as client:
            one = await request(client, "GET", "/test_framework/v1/metrics/55/")
            every = [item async for item in paginate(client, SCENARIOS, {"metric_id": 55, "page_size": 4})]
            return one, every

    one, every = asyncio.run(main())
    assert one["id"] == 55 and len(every) > 4


@pytest.mark.parametrize(
    ("method", "path"), [("FETCH", "/x/"), ("GET", "https://elsewhere.example/x/"), ("GET", "/a/../b/"), ("GET", "")]
)
def test_refused_before_sending(method, path):
    with Cekura(api_url="sandbox://memory") as client, pytest.raises(ValidationError):
        request(client, method, path)
