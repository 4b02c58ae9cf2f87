"""The sandbox holds its ground over real HTTP (start_background), seen through the SDK and raw HTTP.

Already covered in tests/sandbox/ and not repeated here: 401 without a key and with a key
outside `allowed_keys` (test_http_rules.py), tenant isolation per method, 413 on a raw 2 MiB
body (test_store_and_server.py), custom code kept verbatim across create/patch/list
(test_metrics.py) and 8 x 200 concurrent creates in process (test_store_and_server.py).
Added here: refusals that are byte-for-byte identical whether the object exists in another
tenant or never existed; 413 as the SDK reports it; custom code never run by any operation,
generate and process_feedbacks included; 8 x 200 concurrent creates over HTTP with every
stored document checked.
"""

from __future__ import annotations

import threading
import uuid
from collections import Counter

import httpx
import pytest

from cekura import APIError, AuthenticationError, Cekura, CekuraError, NotFoundError
from cekura.sandbox import start_background

from .conftest import KEY, TENANT
from .figures import FIGURES

OTHER_KEY = "sk-live-OTHER-TENANT-0123456789"
METRICS = "/test_framework/v1/metrics/"
NEVER = 987654321  # an id no tenant has
LONG_DESCRIPTION = (
    "A phone agent for a dental clinic that books, moves and cancels appointments, answers questions "
    "about insurance coverage and gives directions to the clinic."
)


def _answer(response: httpx.Response) -> tuple[int, bytes, str | None, str | None]:
    return (
        response.status_code,
        response.content,
        response.headers.get("content-type"),
        response.headers.get("content-length"),
    )


def test_refusals_never_reveal_what_exists(sandbox):
    owner = Cekura(api_key=KEY, api_url=sandbox.url)
    metric = owner.metrics.create(name="Private", type="llm_judge", eval_type="boolean", prompt="p")
    agent = sandbox.sandbox.register_agent(KEY, 4242, LONG_DESCRIPTION)
    job = owner.metrics.generate(agent_id=agent["id"], count=1)
    feedback = owner.metric_reviews.process_feedbacks(metric["id"])
    owner.close()
    mine, never = metric["id"], NEVER
    with httpx.Client(base_url=sandbox.url, headers={"X-CEKURA-API-KEY": OTHER_KEY}) as other:
        pairs = {
            "GET by id": lambda i: other.get(f"{METRICS}{i}/"),
            "GET by slug": lambda i: other.get(
                f"{METRICS}{metric['slug'] if i == mine else 'private_' + str(i)}/"
            ),
            "PATCH": lambda i: other.patch(f"{METRICS}{i}/", json={"name": "stolen"}),
            "PUT": lambda i: other.put(f"{METRICS}{i}/", json={"name": "stolen", "eval_type": "binary"}),
            "DELETE": lambda i: other.delete(f"{METRICS}{i}/"),
        }
        for label, request in pairs.items():
            seen, unseen = _answer(request(mine)), _answer(request(never))
            assert seen[0] == 404 and seen == unseen, f"{label}: {seen} != {unseen}"
        for path, pid in (
            (f"{METRICS}generate_metrics_progress/", job["progress_id"]),
            ("/test_framework/metric-reviews/process_feedbacks_progress/", feedback["progress_id"]),
        ):
            seen = _answer(other.get(path, params={"progress_id": pid}))
            unseen = _answer(other.get(path, params={"progress_id": str(uuid.uuid4())}))
            assert seen[0] == 404 and seen == unseen
        # bodies that name an id: the answer differs only by the id it repeats
        for path, body in (
            ("/test_framework/metric-reviews/process_feedbacks/", lambda i: {"metric_id": i}),
            (f"{METRICS}bulk-toggle-settings/", lambda i: {"metric_ids": [i], "is_active": False}),
        ):
            seen, unseen = other.post(path, json=body(mine)), other.post(path, json=body(never))
            assert seen.status_code == unseen.status_code == 400
            assert seen.text.replace(str(mine), "ID") == unseen.text.replace(str(never), "ID")
        # without a key, existence is not even looked at
        for i in (mine, never):
            bare = httpx.get(f"{sandbox.url}{METRICS}{i}/")
            assert bare.status_code == 401
    # and through the SDK, the other tenant sees the same NotFoundError for both
    with Cekura(api_key=OTHER_KEY, api_url=sandbox.url) as client:
        messages = set()
        for i in (mine, never):
            with pytest.raises(NotFoundError) as info:
                client.metrics.get(i)
            messages.add(str(info.value).replace(str(i), "ID"))
        assert len(messages) == 1
    assert Cekura(api_key=KEY, api_url=sandbox.url).metrics.get(mine)["name"] == "Private"
    FIGURES["existence probes answered identically"] += len(pairs) + 4


def test_a_key_outside_the_allowed_ones_is_refused_by_the_sdk():
    with start_background(allowed_keys=[KEY], job_seconds=0) as running:
        with (
            Cekura(api_key=OTHER_KEY, api_url=running.url) as client,
            pytest.raises(AuthenticationError) as info,
        ):
            client.metrics.list()
        assert info.value.status == 401 and OTHER_KEY not in str(info.value)
        with Cekura(api_key=KEY, api_url=running.url) as client:
            assert isinstance(client.metrics.list(), list)


def test_oversized_body_is_refused_with_413_and_nothing_is_stored(sandbox):
    with Cekura(api_key=KEY, api_url=sandbox.url, max_retries=0) as client:
        before = (
            len(sandbox.sandbox.store.all(TENANT, "metric"))
            if sandbox.sandbox.store.has_tenant(TENANT)
            else 0
        )
        with pytest.raises(APIError) as info:
            client.metrics.create(
                name="Huge", type="llm_judge", eval_type="binary", prompt="x" * (1536 * 1024)
            )
        err = info.value
        assert isinstance(err, CekuraError) and err.status == 413
        assert (err.method, err.path) == ("POST", METRICS)
        assert len(sandbox.sandbox.store.all(TENANT, "metric")) == before
        assert isinstance(client.metrics.list(), list)  # the client and server carry on
    FIGURES["oversized bodies refused (413)"] += 1


def test_custom_code_is_stored_verbatim_and_never_run(sandbox, tmp_path):
    marker, shell_marker = tmp_path / "ran.txt", tmp_path / "shell-ran.txt"
    code = (
        f"open({str(marker)!r}, 'w').write('executed')\n"
        f"__import__('os').system('touch {shell_marker}')\n\n"
        "def evaluate(call):\n"
        f"    open({str(marker)!r}, 'w').write('evaluated')\n"
        "    return True\n"
    )
    agent = sandbox.sandbox.register_agent(KEY, 4343, LONG_DESCRIPTION)
    with Cekura(api_key=KEY, api_url=sandbox.url) as client:
        created = client.metrics.create(
            name="Runs code",
            description="Passes when evaluate() says so.",
            type="python",
            eval_type="boolean",
            code=code,
            agents=[agent["id"]],
            evaluation_trigger="custom",
            trigger_type="custom_code",
            evaluation_trigger_custom_code=code,
        )
        (bulk,) = client.metrics.bulk_create(metrics=[{"name": "Bulk code", "type": "python", "code": code}])
        for metric_id in (created["id"], bulk["id"]):
            fetched = client.metrics.get(metric_id)
            assert fetched["custom_code"] == code
        assert client.metrics.get(created["id"])["evaluation_trigger_custom_code"] == code
        client.metrics.replace(bulk["id"], name="Bulk code", type="python", eval_type="boolean", code=code)
        client.metrics.list(agent_id=agent["id"], include_scores=True)
        client.metrics.bulk_toggle_settings([created["id"], bulk["id"]], is_active=True)
        client.metrics.generate(agent_id=agent["id"], count=3, wait=True, poll_interval=0)
        proposal = client.metric_reviews.process_feedbacks(created["id"], wait=True, poll_interval=0)
        assert proposal["custom_code"] == code
        client.metrics.delete(bulk["id"])
    assert not marker.exists() and not shell_marker.exists(), "the sandbox ran a metric's code"
    FIGURES["custom-code operations checked for execution"] += 11


def test_concurrent_writers_over_http_lose_and_corrupt_nothing(sandbox):
    threads, per_thread = 8, 200
    ids: list[list[int]] = [[] for _ in range(threads)]
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            with Cekura(api_key=KEY, api_url=sandbox.url, max_retries=0) as client:
                for i in range(per_thread):
                    ids[n].append(client.metrics.create(name=f"w{n}-{i}", eval_type="binary")["id"])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    workers = [threading.Thread(target=writer, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not errors, errors[:3]
    stored = [doc for doc in sandbox.sandbox.store.all(TENANT, "metric") if doc["name"].startswith("w")]
    names = Counter(doc["name"] for doc in stored)
    expected = {f"w{n}-{i}" for n in range(threads) for i in range(per_thread)}
    assert len(stored) == threads * per_thread
    assert set(names) == expected and set(names.values()) == {1}
    assert len({doc["id"] for doc in stored}) == len(stored)
    assert sorted(doc["id"] for doc in stored) == sorted(i for chunk in ids for i in chunk)
    for doc in stored:  # each document is whole and its own
        assert doc["slug"] == f"{doc['name'].replace('-', '_')}_{doc['id']}", doc
        assert doc["eval_type"] == "binary" and doc["type"] == "llm_judge"
    FIGURES["concurrent creates over HTTP (8 threads)"] += len(stored)
