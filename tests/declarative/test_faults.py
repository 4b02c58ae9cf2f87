"""apply under faults: a create whose answer is lost is found again before anything is retried,
so no metric is ever created twice, and an apply that had to stop is finished by running it again."""

from __future__ import annotations

from collections import Counter

import httpx
import pytest

from cekura import Cekura, RetryPolicy, ServerError
from cekura import declarative as d
from tests.support.faultproxy import FaultProxy

from .conftest import KEY

FILE = """\
version: 1
project: 1
metrics:
  - name: Booking confirmed
    description: Read back the booking?
    agents: [123]
  - name: Call under three minutes
    type: python
    code: "_result = data['call_duration'] < 180"
    agents: [123, 124]
  - name: Polite closing
    prompt: Did the agent close the call politely?
    agents: [124]
    is_active: false
  - name: Caller satisfied
    eval_type: rating
    prompt: How satisfied did the caller sound?
  - name: Intent
    eval_type: enum
    enum_values: [booking, billing, other]
    prompt: What did the caller want?
    agents: [123, 124]
"""
NEW = {"Polite closing", "Caller satisfied", "Intent"}
FAST = RetryPolicy(max_retries=8, backoff_initial=0.001, backoff_max=0.01, retry_after_max=0.05)


@pytest.fixture
def metrics_file(tmp_path):
    path = tmp_path / "metrics.yaml"
    path.write_text(FILE)
    return path


def names(client) -> Counter[str]:
    return Counter(m["name"] for m in client.metrics.list(project_id=1))


def losing(client, *, when, answer):
    """Make the client's first request matching `when` end with `answer(request)` (sent or not)."""
    original = client._send
    state = {"done": False}

    def send(request):
        if not state["done"] and when(request):
            state["done"] = True
            return answer(request, original)
        return original(request)

    client._send = send
    return state


def is_bulk_create(request) -> bool:
    return request.method == "POST" and request.url.path.endswith("/bulk_create/")


def test_a_create_whose_answer_was_lost_is_found_not_repeated(direct, metrics_file):
    def lost(request, send):
        send(request)  # the server creates the metrics ...
        return None, httpx.ReadError("connection reset by peer")  # ... and the answer never arrives

    state = losing(direct, when=is_bulk_create, answer=lost)
    plan = d.plan(direct, metrics_file)
    assert [c.action for c in plan.changes] == ["update", "update", "create", "create", "create"]
    steps: list[str] = []
    result = d.apply(plan, on_step=steps.append)
    assert state["done"] and result.rereads == 1
    assert steps[0].startswith("uncertain: POST /test_framework/v1/metrics/bulk_create/")
    assert names(direct) == Counter(
        {"Booking confirmed": 1, "Call under three minutes": 1, **dict.fromkeys(NEW, 1)}
    )
    assert not d.plan(direct, metrics_file).has_changes  # the rest (updates, toggles) was finished too


def test_a_create_refused_by_a_gateway_before_it_arrived_is_made_once(direct, metrics_file):
    def gateway(request, send):
        return httpx.Response(503, json={"detail": "unavailable"}, request=request), None

    state = losing(direct, when=is_bulk_create, answer=gateway)
    result = d.apply(d.plan(direct, metrics_file))
    assert state["done"] and result.rereads == 1 and sorted(result.created) == sorted(NEW)
    assert names(direct) == Counter(
        {"Booking confirmed": 1, "Call under three minutes": 1, **dict.fromkeys(NEW, 1)}
    )


def test_when_its_rounds_run_out_apply_stops_and_a_rerun_finishes(direct, metrics_file):
    def refused(request, send):
        return httpx.Response(500, json={"detail": "boom"}, request=request), None

    losing(direct, when=lambda r: r.method == "PATCH", answer=refused)
    with pytest.raises(ServerError) as caught:
        d.apply(d.plan(direct, metrics_file), max_rounds=0)
    assert caught.value.applied.created  # type: ignore[attr-defined]  (the creates had been made)
    d.apply(d.plan(direct, metrics_file))
    assert not d.plan(direct, metrics_file).has_changes
    assert max(names(direct).values()) == 1


@pytest.mark.parametrize("seed", [4, 8, 13, 28])  # seeds whose faults hit writes
def test_through_the_fault_proxy_no_duplicate_and_reruns_converge(served, direct, metrics_file, seed):
    with (
        FaultProxy(served.url, seed=seed, fault_rate=0.35, stall_seconds=0.5) as proxy,
        Cekura(api_key=KEY, api_url=proxy.url, timeout=0.2, retry_policy=FAST) as client,
    ):
        runs, uncertain_writes = 0, 0
        while True:
            runs += 1
            assert runs <= 8, "apply did not converge"
            try:
                plan = d.plan(client, metrics_file, prune=True)
                if not plan.has_changes:
                    break
                result = d.apply(plan, settle_seconds=0.0)
                uncertain_writes += result.rereads
            except Exception as exc:  # a run may stop under faults; the next run finishes the job
                assert d.uncertain(exc), exc
                uncertain_writes += 1
            assert max(names(direct).values()) == 1  # never a duplicate, at any point
    assert uncertain_writes > 0 and proxy.injected["drop_after"] > 0  # the seed did hit writes
    assert names(direct) == Counter(
        {"Booking confirmed": 1, "Call under three minutes": 1, **dict.fromkeys(NEW, 1)}
    )
    assert not d.plan(direct, metrics_file, prune=True).has_changes


@pytest.mark.parametrize("seed", [4])
def test_cli_apply_through_the_fault_proxy(run, served, direct, metrics_file, monkeypatch, seed):
    with FaultProxy(served.url, seed=seed, fault_rate=0.35, stall_seconds=0.5) as proxy:
        monkeypatch.setenv("CEKURA_API_URL", proxy.url)
        monkeypatch.setenv("CEKURA_API_KEY", KEY)
        codes = []
        for _ in range(8):
            result = run(
                "metrics",
                "apply",
                "-f",
                str(metrics_file),
                "--yes",
                "--http-timeout",
                "0.2",
                "--max-retries",
                "6",
            )
            codes.append(result.code)
            assert result.code in (0, 1), result.err
            assert max(names(direct).values()) == 1
            if result.code == 0 and "No changes" in result.out:
                break
        else:
            pytest.fail(f"apply did not converge: {codes}")
        assert sum(proxy.injected.values()) > 0
    assert names(direct) == Counter(
        {"Booking confirmed": 1, "Call under three minutes": 1, **dict.fromkeys(NEW, 1)}
    )


def test_an_interrupted_apply_is_finished_by_running_it_again(direct, metrics_file):
    def interrupt(line: str) -> None:
        if line.startswith("created"):
            raise KeyboardInterrupt  # Ctrl-C right after the bulk create

    with pytest.raises(KeyboardInterrupt):
        d.apply(d.plan(direct, metrics_file), on_step=interrupt)
    rest = d.plan(direct, metrics_file)
    assert {c.action for c in rest.changes} == {"update"}  # the creates are not planned again
    d.apply(rest)
    assert not d.plan(direct, metrics_file).has_changes
    assert max(names(direct).values()) == 1


def test_an_async_client_is_refused_with_a_clear_message(served, metrics_file):
    from cekura import AsyncCekura

    client = AsyncCekura(api_key=KEY, api_url=served.url)
    with pytest.raises(TypeError, match="takes a Cekura client"):
        d.plan(client, metrics_file)
