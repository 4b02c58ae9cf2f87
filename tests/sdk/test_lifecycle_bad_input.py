"""Bad input to the calls / runs / results / test-set / preview / history methods: a ValidationError
with `status is None`, raised before any request is sent (sync and async alike)."""

from __future__ import annotations

import asyncio

import pytest

from cekura import AsyncCekura, Cekura
from cekura._errors import ValidationError

NOWHERE = "http://127.0.0.1:9"  # nothing listens there: any request would fail differently

CASES = [
    ("calls.get", (), {"call_id": "../7788"}),
    ("calls.get", (0,), {}),
    ("calls.get", (7788,), {"call_log_id": 7789}),
    ("calls.list", (), {"timestamp_from": "yesterday"}),
    ("calls.list", (), {"filters": "[1, 2]"}),
    ("calls.list", (), {"call_ids": "1,x"}),
    ("calls.list", (), {"page_size": 5000}),
    ("calls.evaluate_metrics", (7788,), {}),
    ("calls.evaluate_metrics", (7788, []), {}),
    ("calls.evaluate_metrics", (7788, [55]), {"call_log_ids": [7789]}),
    ("calls.evaluate_metrics", (7788, [55]), {"agent_id": 123, "project_id": 1}),
    ("calls.rerun_evaluation", ("all",), {}),
    ("calls.rerun_evaluation", ("all", [55]), {"agent_id": 123}),
    ("calls.rerun_evaluation", (7788, [55]), {"assistant_id": "asst_1"}),
    ("calls.rerun_evaluation", (7788,), {"agent_id": 123, "assistant_id": "asst_1"}),
    ("calls.mark_metric_vote", (7788,), {"metric_id": 55}),
    ("calls.mark_metric_vote", (7788,), {"thumbs_up": False}),
    ("calls.mark_metric_vote", (7788,), {"metric_id": 55, "thumbs_up": "no"}),
    ("runs.get", ("9001/..",), {}),
    ("runs.mark_metric_vote", (9001,), {"metric_id": -1, "thumbs_up": True}),
    ("results.get", (True,), {}),
    ("results.evaluate_metrics", (501,), {}),
    ("results.evaluate_metrics", (501, [55]), {"run_ids": []}),
    ("results.bulk_evaluate_metrics", (list(range(1, 102)), [55]), {}),
    ("results.bulk_evaluate_metrics", ([501],), {}),
    ("test_sets.create_from_call_log", (), {"metrics": [55]}),
    ("test_sets.create_from_call_log", (7788,), {"metrics": []}),
    ("test_sets.create_from_call_log", (7788,), {"metrics": [55], "metric_ids": [55]}),
    ("test_sets.create_from_run", (9001,), {"metrics": [{"metric": "x"}]}),
    ("test_sets.create_from_run", (9001,), {"metrics": [55], "name": 5}),
    ("metrics.preview", ({"name": "x"},), {"agent_id": 123}),
    ("metrics.preview", ({"name": "x"},), {"call_log_ids": list(range(1, 12)), "agent_id": 123}),
    ("metrics.preview", ({"name": "x"},), {"call_log_ids": [1], "run_ids": [2], "agent_id": 123}),
    ("metrics.preview", ({"eval_type": "sometimes"},), {"call_log_ids": [1], "agent_id": 123}),
    ("metrics.preview", ("not a dict",), {"call_log_ids": [1], "agent_id": 123}),
    ("metrics.preview", ({"name": "x"},), {"call_log_ids": [1]}),
    ("metrics.preview_progress", ("../x",), {}),
    ("metrics.restore", (55,), {}),
    ("metrics.restore", (55,), {"history_id": 0}),
    ("metrics.history_page", (55,), {"page": -1}),
    ("predefined_metrics.copy", (), {"project_id": 1}),
    ("predefined_metrics.copy", ([2],), {}),
    ("predefined_metrics.copy", ([2],), {"project_id": 1, "agent_id": 123}),
    ("predefined_metrics.copy", (), {"metric_codes": [""], "project_id": 1}),
]


def _method(client, dotted):
    resource, name = dotted.split(".")
    return getattr(getattr(client, resource), name)


@pytest.mark.parametrize(("dotted", "args", "kwargs"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_refused_before_sending(dotted, args, kwargs, sent, monkeypatch):
    monkeypatch.delenv("CEKURA_PROJECT_ID", raising=False)
    with Cekura(api_key="sk-test-bad-input", api_url=NOWHERE, max_retries=0) as client:
        with pytest.raises(ValidationError) as info:
            _method(client, dotted)(*args, **kwargs)
    assert info.value.status is None and sent == []

    async def main():
        async with AsyncCekura(api_key="sk-test-bad-input", api_url=NOWHERE, max_retries=0) as client:
            await _method(client, dotted)(*args, **kwargs)

    with pytest.raises(ValidationError):
        asyncio.run(main())
    assert sent == []


def test_history_refuses_a_bad_id_before_the_first_page(sent):
    with Cekura(api_key="sk-test-bad-input", api_url=NOWHERE) as client:
        with pytest.raises(ValidationError):
            next(iter(client.metrics.history("55/../56")))
    assert sent == []
