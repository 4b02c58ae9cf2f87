"""The SDK against a sandbox behind a proxy that fails 35% of requests on purpose (seeded).

Proven here: idempotent calls get through whenever a retry can; creates, bulk creates,
generate and process_feedbacks never land twice (counted in the sandbox's own store); when
the SDK cannot know whether a write landed its error says so; every failure is a CekuraError
naming the method and path; timeouts hold end to end; the async client obeys the same rules.
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from cekura import (
    APIConnectionError,
    APIResponseError,
    APITimeoutError,
    AsyncCekura,
    Cekura,
    CekuraError,
    NotFoundError,
    RateLimitError,
    RetryPolicy,
    ServerError,
)
from tests.support.faultproxy import FAULTS, FaultProxy
from tests.support.faultserver import FaultServer

from .conftest import KEY, TENANT
from .figures import FIGURES, note_proxy

FAULT_RATE = 0.35
TIMEOUT = 0.3  # per attempt, through the proxy; stalls last longer than this


class CountingPolicy(RetryPolicy):
    """A RetryPolicy that counts the retries it schedules (one `delay` per retry)."""

    __slots__ = ()

    def delay(self, retry_number: int, retry_after: float | None = None) -> float:
        FIGURES["retries made"] += 1
        return super().delay(retry_number, retry_after)


#: Retries that a 35% fault rate cannot exhaust in practice (0.35**9 < 1e-4), backing off fast.
PATIENT = CountingPolicy(max_retries=8, backoff_initial=0.001, backoff_max=0.01, retry_after_max=0.05)
MAY = re.compile(r"may (or may not )?have (been )?applied")
METRICS = "/test_framework/v1/metrics/"
LONG_DESCRIPTION = (
    "A phone agent for a dental clinic that books, moves and cancels appointments, answers questions "
    "about insurance coverage and gives directions to the clinic."
)


# ------------------------------------------------------------------ fixtures and helpers
@pytest.fixture
def proxy(sandbox) -> Iterator[FaultProxy]:
    with FaultProxy(sandbox.url, seed=1234, fault_rate=FAULT_RATE, stall_seconds=5.0) as running:
        yield running


@pytest.fixture
def direct(sandbox) -> Iterator[Cekura]:
    """A client that talks to the sandbox without the proxy (set-up and checks)."""
    with Cekura(api_key=KEY, api_url=sandbox.url) as client:
        yield client


@pytest.fixture
def faulty(proxy) -> Iterator[Cekura]:
    with Cekura(api_key=KEY, api_url=proxy.url, timeout=TIMEOUT, retry_policy=PATIENT) as client:
        yield client


def unique(label: str) -> str:
    return f"rel-{label}-{secrets.token_hex(4)}"


def metric(name: str) -> dict[str, Any]:
    return {"name": name, "type": "llm_judge", "eval_type": "boolean", "prompt": f"Judge {name}."}


def check_error(err: BaseException, method: str, path: str = METRICS) -> bool:
    """Assert `err` is a well-formed CekuraError for `method path...`; True if it says the write may have landed."""
    assert isinstance(err, CekuraError), f"a raw {type(err).__module__}.{type(err).__name__} escaped: {err!r}"
    assert err.method == method, err
    assert err.path and err.path.startswith(path), err
    assert f"{method} {err.path}" in str(err)
    assert KEY not in str(err) and KEY not in repr(err)
    FIGURES[f"errors raised: {type(err).__name__}"] += 1
    said_may = bool(MAY.search(str(err)))
    if method in ("POST", "PATCH"):
        if isinstance(err, APIConnectionError):
            assert said_may == err.may_have_reached_server, err
        if isinstance(err, APIResponseError):
            assert said_may, err
    return said_may


class Ledger:
    """What the SDK reported for each labelled write: done, maybe done, or refused."""

    def __init__(self, method: str, path: str = METRICS) -> None:
        self.method, self.path = method, path
        self.done: dict[str, Any] = {}
        self.maybe: set[str] = set()
        self.refused: set[str] = set()

    def run(self, label: str, call: Callable[[], Any]) -> None:
        try:
            self.done[label] = call()
        except Exception as err:  # noqa: BLE001 - every exception is checked
            self.settle(label, err)

    async def arun(self, label: str, call: Callable[[], Any]) -> None:
        try:
            self.done[label] = await call()
        except Exception as err:  # noqa: BLE001
            self.settle(label, err)

    def settle(self, label: str, err: BaseException) -> None:
        if check_error(err, self.method, self.path):
            self.maybe.add(label)
        else:
            # Under these faults only a 429 is a refusal the SDK can vouch for (5xx may have landed).
            assert isinstance(err, RateLimitError), f"{label}: {err!r}"
            self.refused.add(label)

    def check(self, stored: Counter[str]) -> None:
        """`stored`: how many times each label is found in the sandbox."""
        duplicates = sorted(label for label, count in stored.items() if count > 1)
        FIGURES["duplicates found"] += len(duplicates)
        assert not duplicates, f"stored more than once: {duplicates}"
        missing = set(self.done) - set(stored)
        assert not missing, f"reported as done but not stored: {sorted(missing)}"
        unexplained = set(stored) - set(self.done) - self.maybe
        assert not unexplained, f"stored although the SDK said it was not applied: {sorted(unexplained)}"
        FIGURES["writes under faults: done"] += len(self.done)
        FIGURES["writes under faults: 'may have been applied'"] += len(self.maybe)
        FIGURES["writes under faults: may have been applied, and had landed"] += len(self.maybe & set(stored))
        FIGURES["writes under faults: refused, not applied"] += len(self.refused)


def stored_names(sandbox, prefix: str) -> Counter[str]:
    return Counter(
        doc["name"] for doc in sandbox.sandbox.store.all(TENANT, "metric") if doc["name"].startswith(prefix)
    )


def stored_jobs(sandbox, kind: str) -> list[dict[str, Any]]:
    """The outcomes of the tenant's background jobs of one kind, read from the sandbox's SQLite store."""
    rows = sandbox.sandbox.store._query("SELECT doc FROM jobs WHERE tenant = ? AND kind = ?", (TENANT, kind))
    return [json.loads(doc) for (doc,) in rows]


# ------------------------------------------------------------------ idempotent calls
def test_idempotent_calls_succeed_whenever_a_retry_can(sandbox, proxy, faulty, direct):
    ids = [direct.metrics.create(**metric(unique("idem")))["id"] for _ in range(12)]
    for i in range(100):
        assert faulty.metrics.get(ids[i % len(ids)])["id"] == ids[i % len(ids)]
    for _ in range(10):
        assert set(ids) <= {m["id"] for m in faulty.metrics.list()}
        assert len(faulty.predefined_metrics.list()) > 0
    scenarios = list(faulty.critical_metric_scenarios.iter())
    assert scenarios and len({s["id"] for s in scenarios}) == len(scenarios)
    for i, metric_id in enumerate(ids[:8]):
        new = metric(f"replaced-{i}")
        assert faulty.metrics.replace(metric_id, **new)["name"] == new["name"]
    for metric_id in ids[8:]:
        try:
            assert faulty.metrics.delete(metric_id) is None
        except NotFoundError as err:
            # Only when an earlier attempt reached the sandbox (and deleted it) and its answer was lost.
            check_error(err, "DELETE")
            assert proxy.forwarded[f"DELETE {METRICS}{metric_id}/"] >= 2, err
            FIGURES["DELETE retries answered 404 (already deleted)"] += 1
    for i, metric_id in enumerate(ids[:8]):
        assert direct.metrics.get(metric_id)["name"] == f"replaced-{i}"
    for metric_id in ids[8:]:
        with pytest.raises(NotFoundError):
            direct.metrics.get(metric_id)
    assert set(proxy.injected) == set(FAULTS), proxy.injected  # every kind of fault was exercised
    note_proxy(proxy)


# ------------------------------------------------------------------ writes never land twice
def test_creates_never_land_twice(sandbox, proxy, faulty):
    prefix = unique("create")
    ledger = Ledger("POST")
    for i in range(100):
        name = f"{prefix}-{i}"
        ledger.run(name, lambda name=name: faulty.metrics.create(**metric(name)))
    stored = stored_names(sandbox, prefix)
    ledger.check(stored)
    for name, answer in ledger.done.items():
        assert answer["name"] == name
    assert ledger.maybe and ledger.refused, "the fault rate should have produced both kinds of failure"
    note_proxy(proxy)


def test_bulk_creates_never_land_twice_and_land_whole(sandbox, proxy, faulty):
    prefix = unique("bulk")
    ledger = Ledger("POST", METRICS + "bulk_create/")
    batches = {f"{prefix}-{b}": [f"{prefix}-{b}-{i}" for i in range(5)] for b in range(40)}
    for batch, names in batches.items():
        ledger.run(batch, lambda names=names: faulty.metrics.bulk_create(metrics=[metric(n) for n in names]))
    stored = stored_names(sandbox, prefix)
    assert all(count == 1 for count in stored.values()), "an item was stored twice"
    per_batch: Counter[str] = Counter()
    for batch, names in batches.items():
        landed = sum(1 for n in names if n in stored)
        assert landed in (0, len(names)), f"{batch}: {landed} of {len(names)} items stored"
        if landed:
            per_batch[batch] = 1
    ledger.check(per_batch)
    for batch, answer in ledger.done.items():
        assert [m["name"] for m in answer] == batches[batch]
    note_proxy(proxy)


def test_generate_never_starts_a_job_twice(sandbox, proxy, faulty):
    agents = {f"agent-{n}": 7000 + n for n in range(40)}
    for agent_id in agents.values():
        sandbox.sandbox.register_agent(KEY, agent_id, LONG_DESCRIPTION)
    ledger = Ledger("POST", METRICS + "generate_metrics/")
    for label, agent_id in agents.items():
        ledger.run(label, lambda agent_id=agent_id: faulty.metrics.generate(agent_id=agent_id, count=1))
    by_agent = {agent_id: label for label, agent_id in agents.items()}
    jobs = Counter(
        by_agent[job["metrics"][0]["agents"][0]] for job in stored_jobs(sandbox, "generate_metrics")
    )
    ledger.check(jobs)
    for job in ledger.done.values():  # polling is idempotent: it gets through
        assert faulty.metrics.generate_progress(job["progress_id"])["status"] == "completed"
    note_proxy(proxy)


def test_process_feedbacks_never_starts_a_job_twice(sandbox, proxy, faulty, direct):
    metric_id = direct.metrics.create(**metric(unique("reviewed")))["id"]
    ledger = Ledger("POST", "/test_framework/metric-reviews/process_feedbacks/")
    for n in range(40):
        marker = f"marker {n} {secrets.token_hex(3)}"
        ledger.run(
            marker, lambda m=marker: faulty.metric_reviews.process_feedbacks(metric_id, simplified_prompt=m)
        )
    jobs = Counter(
        job["proposal"]["improved_metric_description"].split("\n")[0].rstrip(".")
        for job in stored_jobs(sandbox, "process_feedbacks")
    )
    ledger.check(jobs)
    for job in ledger.done.values():
        assert faulty.metric_reviews.process_feedbacks_progress(job["progress_id"])["status"] == "completed"
    note_proxy(proxy)


# ------------------------------------------------------------------ every failure is a CekuraError
def test_every_failure_is_a_cekura_error_naming_method_and_path(sandbox, proxy, direct):
    """No retries at all: 100 gets and 100 creates, and each exception is checked."""
    ids = [direct.metrics.create(**metric(unique("shape")))["id"] for _ in range(5)]
    failures: Counter[str] = Counter()
    with Cekura(api_key=KEY, api_url=proxy.url, timeout=TIMEOUT, max_retries=0) as client:
        for i in range(100):
            for method, call in (
                ("GET", lambda i=i: client.metrics.get(ids[i % 5])),
                ("POST", lambda: client.metrics.create(**metric(unique("shape")))),
            ):
                try:
                    call()
                except Exception as err:  # noqa: BLE001 - the point is to check every exception
                    check_error(err, method)
                    failures[method] += 1
    assert failures["GET"] > 10 and failures["POST"] > 10, failures
    FIGURES["exceptions checked (100 gets + 100 creates)"] += sum(failures.values())
    note_proxy(proxy)


# ------------------------------------------------------------------ timeouts end to end
def test_timeouts_hold_end_to_end(sandbox):
    """Every request stalls: a GET gives up after its attempts, a POST after one (it may have landed)."""
    timeout, policy = 2.0, RetryPolicy(max_retries=1, backoff_initial=0.2, backoff_max=0.5)
    attempts = policy.max_retries + 1
    results: dict[str, tuple[BaseException, float]] = {}

    def timed(label: str, call: Callable[[], Any]) -> None:
        start = time.monotonic()
        try:
            call()
        except Exception as err:  # noqa: BLE001
            results[label] = (err, time.monotonic() - start)

    with (
        FaultProxy(sandbox.url, seed=1, fault_rate=1.0, weights={"stall": 1.0}, stall_seconds=60) as proxy,
        Cekura(api_key=KEY, api_url=proxy.url, timeout=timeout, retry_policy=policy) as client,
    ):
        post = threading.Thread(
            target=timed, args=("POST", lambda: client.metrics.create(**metric("stalled")))
        )
        post.start()
        timed("GET", lambda: client.metrics.get(55))
        post.join()
    get_error, get_elapsed = results["GET"]
    assert isinstance(get_error, APITimeoutError) and f"gave up after {attempts} attempts" in str(get_error)
    check_error(get_error, "GET")
    assert (
        timeout * attempts * 0.95
        <= get_elapsed
        <= timeout * attempts + policy.backoff_max * (attempts - 1) + 5
    )
    post_error, post_elapsed = results["POST"]
    assert isinstance(post_error, APITimeoutError) and post_error.may_have_reached_server
    assert check_error(post_error, "POST"), "a timed-out create must say it may have been applied"
    assert timeout * 0.95 <= post_elapsed <= timeout + 5
    assert proxy.received == attempts + 1  # the POST was sent once
    FIGURES["timeouts checked end to end"] += 2
    note_proxy(proxy)


# ------------------------------------------------------------------ the async client
def test_async_client_obeys_the_same_rules(sandbox, direct):
    ids = [direct.metrics.create(**metric(unique("async")))["id"] for _ in range(5)]
    prefix = unique("acreate")
    ledger = Ledger("POST")

    async def main(proxy: FaultProxy) -> None:
        async with AsyncCekura(
            api_key=KEY, api_url=proxy.url, timeout=TIMEOUT, retry_policy=PATIENT
        ) as client:
            gate = asyncio.Semaphore(4)

            async def get(metric_id: int) -> None:
                async with gate:
                    assert (await client.metrics.get(metric_id))["id"] == metric_id

            async def create(name: str) -> None:
                async with gate:
                    await ledger.arun(name, lambda: client.metrics.create(**metric(name)))

            await asyncio.gather(
                *(get(ids[i % 5]) for i in range(40)), *(create(f"{prefix}-c{i}") for i in range(40))
            )
            for metric_id in ids[:2]:
                await client.metrics.replace(metric_id, **metric(f"{prefix}-replaced-{metric_id}"))

    with FaultProxy(sandbox.url, seed=99, fault_rate=FAULT_RATE, stall_seconds=5.0) as proxy:
        asyncio.run(main(proxy))
    ledger.check(stored_names(sandbox, prefix + "-c"))
    for metric_id in ids[:2]:
        assert direct.metrics.get(metric_id)["name"] == f"{prefix}-replaced-{metric_id}"
    assert ledger.maybe, "some creates should have failed in a way that may have landed"
    note_proxy(proxy)


# ------------------------------------------------------------------ gateway errors on writes
@pytest.mark.parametrize("status", [500, 502, 504])
def test_gateway_errors_on_a_create_say_it_may_have_landed(status):
    """A 5xx to a POST may come after the service applied it: not resent, and the error says so."""
    with FaultServer() as server, Cekura(api_key=KEY, api_url=server.url, max_retries=3) as client:
        server.plan(("status", status, "<html>upstream timed out</html>"))
        with pytest.raises(ServerError) as info:
            client.metrics.create(**metric("gateway"))
        assert len(server.received) == 1  # not repeated: good
        assert MAY.search(str(info.value)), str(info.value)
