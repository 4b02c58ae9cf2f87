"""Background jobs: generate_metrics and process_feedbacks, their progress and their outcomes."""

from __future__ import annotations

import time
import uuid

import pytest

from .conftest import FEEDBACK, FEEDBACK_PROGRESS, GENERATE, GENERATE_PROGRESS, KEY_A, KEY_B, METRICS

LONG = "A voice agent for a pizza shop that takes delivery orders, checks the address, quotes prices " \
       "and gives the expected delivery time to every caller."


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def start(client, url, body):
    response = client.post(url, json=body)
    assert response.status_code == 200, response.text
    assert list(response.json()) == ["progress_id"]
    assert uuid.UUID(response.json()["progress_id"]).version == 4
    return response.json()["progress_id"]


def poll(client, url, progress_id):
    response = client.get(url, params={"progress_id": progress_id})
    assert response.status_code == 200, response.text
    return response.json()


def test_generate_completes_at_once(client):
    progress_id = start(client, GENERATE, {"agent_id": 123, "num_metrics": 5})
    state = poll(client, GENERATE_PROGRESS, progress_id)
    assert state["status"] == "completed" and state["progress"] == 100 and state["error"] is None
    metrics = state["metrics"]
    assert len(metrics) == 5 and len({m["name"] for m in metrics}) == 5
    assert metrics[0]["name"] == "Appointment booked correctly"  # the dental agent books appointments
    assert all(m["agents"] == [123] for m in metrics)
    again = poll(client, GENERATE_PROGRESS, start(client, GENERATE, {"agent_id": 123, "num_metrics": 5}))
    assert again["metrics"] == metrics  # deterministic


def test_generate_by_assistant_id_and_max_count(client):
    state = poll(client, GENERATE_PROGRESS, start(client, GENERATE,
                                                  {"assistant_id": "asst_demo_telecom", "num_metrics": 100}))
    assert len(state["metrics"]) == 100 and len({m["name"] for m in state["metrics"]}) == 100
    assert all(m["agents"] == [124] for m in state["metrics"])


def test_generated_metrics_can_be_bulk_created(client):
    state = poll(client, GENERATE_PROGRESS, start(client, GENERATE, {"agent_id": 124, "num_metrics": 8}))
    response = client.post(f"{METRICS}bulk_create/", json=state["metrics"])
    assert response.status_code == 201 and len(response.json()) == 8


def test_generate_default_count_is_one(client):
    assert len(poll(client, GENERATE_PROGRESS, start(client, GENERATE, {"agent_id": 124}))["metrics"]) == 1


@pytest.mark.parametrize("body, field", [
    ({}, "non_field_errors"),
    ({"agent_id": 999}, "agent_id"),
    ({"assistant_id": "nobody"}, "assistant_id"),
    ({"agent_id": 123, "num_metrics": 0}, "num_metrics"),
    ({"agent_id": 123, "num_metrics": 101}, "num_metrics"),
    ({"agent_id": "123"}, "agent_id"),
])
def test_generate_errors(client, body, field):
    response = client.post(GENERATE, json=body)
    assert response.status_code == 400 and list(response.json()) == [field]


def test_generate_needs_a_long_description(api):
    api.sandbox.register_agent(KEY_A, 321, "Too short.")
    response = api.client().post(GENERATE, json={"agent_id": 321})
    assert response.status_code == 400 and list(response.json()) == ["agent_id"]


def test_generate_fails_when_description_says_fail(api):
    api.sandbox.register_agent(KEY_A, 322, LONG + " If anything goes wrong the call will fail over to staff.")
    client = api.client()
    state = poll(client, GENERATE_PROGRESS, start(client, GENERATE, {"agent_id": 322}))
    assert state["status"] == "failed" and state["error"] and state["metrics"] == []


def test_registered_agent_drives_generation(api):
    api.sandbox.register_agent(KEY_A, 323, LONG, assistant_id="asst_pizza")
    client = api.client()
    state = poll(client, GENERATE_PROGRESS, start(client, GENERATE, {"assistant_id": "asst_pizza", "num_metrics": 2}))
    assert state["metrics"][0]["name"] == "Charges explained clearly"


def test_progress_is_per_tenant(api):
    a, b = api.client(KEY_A), api.client(KEY_B)
    progress_id = start(a, GENERATE, {"agent_id": 123})
    assert b.get(GENERATE_PROGRESS, params={"progress_id": progress_id}).json() == {"detail": "Not found."}
    assert a.get(GENERATE_PROGRESS, params={"progress_id": str(uuid.uuid4())}).status_code == 404
    assert a.get(GENERATE_PROGRESS, params={"progress_id": "not-a-uuid"}).status_code == 404
    # a generation id is not a feedback id
    assert a.get(FEEDBACK_PROGRESS, params={"progress_id": progress_id}).status_code == 404


def test_states_follow_the_clock(make_api):
    clock = FakeClock()
    client = make_api(job_seconds=3, clock=clock).client()
    progress_id = start(client, GENERATE, {"agent_id": 123, "num_metrics": 2})
    states = []
    for _ in range(8):
        states.append(poll(client, GENERATE_PROGRESS, progress_id))
        clock.now += 0.5
    assert [s["status"] for s in states] == ["queued"] * 2 + ["in_progress"] * 4 + ["completed"] * 2
    progress = [s["progress"] for s in states]
    assert progress == sorted(progress) and progress[0] == 0 and progress[-1] == 100
    assert all(s["metrics"] == [] for s in states[:6]) and len(states[-1]["metrics"]) == 2


def test_states_with_a_real_clock(make_api):
    client = make_api(job_seconds=0.3).client()
    progress_id = start(client, GENERATE, {"agent_id": 123})
    seen = [poll(client, GENERATE_PROGRESS, progress_id)["status"]]
    while seen[-1] != "completed":
        time.sleep(0.02)
        seen.append(poll(client, GENERATE_PROGRESS, progress_id)["status"])
    order = ["queued", "in_progress", "completed"]
    assert [order.index(s) for s in seen] == sorted(order.index(s) for s in seen)
    assert seen[0] in ("queued", "in_progress")


def test_process_feedbacks_proposes_an_improved_metric(client):
    progress_id = start(client, FEEDBACK, {"metric_id": 55})
    state = poll(client, FEEDBACK_PROGRESS, progress_id)
    assert state["status"] == "completed" and state["progress"] == 100
    assert state["improved_metric_description"].startswith("Pass when the agent read back")
    assert len(state["improved_metric_description"]) > len(client.get(f"{METRICS}55/").json()["description"])
    assert state["review_results"] == [] and state["improved_evaluation_trigger"] == ""
    assert state["type"] == "llm_judge" and state["improved_trigger_kind"] == "always"


def test_process_feedbacks_uses_the_trigger_prompt(client):
    metric = client.post(METRICS, json={"name": "Refund handled", "eval_type": "binary",
                                        "description": "Agent handled the refund.", "evaluation_trigger": "custom",
                                        "evaluation_trigger_prompt": "the caller asks for a refund"}).json()
    state = poll(client, FEEDBACK_PROGRESS, start(client, FEEDBACK, {"metric_id": metric["id"]}))
    assert state["improved_evaluation_trigger"] == "Evaluate only when: the caller asks for a refund"
    assert state["improved_trigger_kind"] == "llm_judge"


def test_process_feedbacks_fails_without_description(client):
    metric = client.post(METRICS, json={"name": "Empty", "eval_type": "binary"}).json()
    state = poll(client, FEEDBACK_PROGRESS, start(client, FEEDBACK, {"metric_id": metric["id"]}))
    assert state["status"] == "failed" and "description" in state["error"]
    assert "improved_metric_description" not in state


@pytest.mark.parametrize("body, field", [
    ({}, "metric_id"), ({"metric_id": 4242}, "metric_id"), ({"metric_id": 55, "metric_type": "python"}, "metric_type"),
])
def test_process_feedbacks_errors(client, body, field):
    response = client.post(FEEDBACK, json=body)
    assert response.status_code == 400 and list(response.json()) == [field]


def test_jobs_survive_a_restart(tmp_path):
    import httpx

    from cekura.sandbox import Sandbox

    db = tmp_path / "jobs.db"
    clock = FakeClock()
    with Sandbox(db=db, job_seconds=10, clock=clock) as first:
        client = httpx.Client(transport=first.transport(), base_url="http://x", headers={"X-CEKURA-API-KEY": "k"})
        progress_id = start(client, GENERATE, {"agent_id": 123})
    clock.now += 60
    with Sandbox(db=db, job_seconds=10, clock=clock) as second:
        client = httpx.Client(transport=second.transport(), base_url="http://x", headers={"X-CEKURA-API-KEY": "k"})
        assert poll(client, GENERATE_PROGRESS, progress_id)["status"] == "completed"
