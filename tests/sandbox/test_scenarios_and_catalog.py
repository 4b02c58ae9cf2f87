"""Critical metric scenarios (pagination, filters, triage) and the predefined-metric catalog."""

from __future__ import annotations

import pytest

from .conftest import METRICS, PREDEFINED, SCENARIOS

CATEGORIES = {"Speech Quality", "Conversation Quality", "Accuracy", "Customer Experience"}


def test_catalog_is_a_plain_array_of_real_entries(client):
    catalog = client.get(PREDEFINED).json()
    assert isinstance(catalog, list) and len(catalog) >= 20
    assert [m["id"] for m in catalog] == list(range(1, len(catalog) + 1))
    assert {m["category"] for m in catalog} == CATEGORIES
    names = {m["name"] for m in catalog}
    for name in ["Expected Outcome", "Hallucination", "Latency", "Sentiment", "Tool Call Success",
                 "Transcription Accuracy", "Interruption Score", "Infrastructure Issues"]:
        assert name in names
    for entry in catalog:
        assert entry["cost"] == "0.200000"
        assert entry["slug"] and entry["slug"] == entry["slug"].lower() and " " not in entry["slug"]


def test_catalog_entry(client):
    entry = client.get(f"{PREDEFINED}1/").json()
    assert entry["name"] == "Expected Outcome" and entry["eval_type"] == "binary"
    assert client.get(f"{PREDEFINED}0/").status_code == 404
    assert client.get(f"{PREDEFINED}9999/").json() == {"detail": "Not found."}


def test_demo_scenarios(client):
    page = client.get(SCENARIOS, params={"page_size": 100}).json()
    assert page["count"] == 24 and page["next"] is None and page["previous"] is None
    ids = [s["id"] for s in page["results"]]
    assert ids == list(range(40, 64))
    by_55 = [s for s in page["results"] if s["metric_id"] == 55]
    assert len(by_55) >= 12 and 42 in {s["id"] for s in by_55}
    assert {s["metric_id"] for s in page["results"]} == {55, 56}
    assert {s["category_id"] for s in page["results"]} == {1, 2}
    assert len({s["priority"] for s in page["results"]}) > 1
    assert not any(s["is_resolved"] for s in page["results"])


def test_pagination_links(api):
    client = api.client()
    first = client.get(SCENARIOS).json()
    assert first["count"] == 24 and len(first["results"]) == 10 and first["previous"] is None
    assert first["next"] == f"{api.url}{SCENARIOS}?page=2"
    second = client.get(first["next"]).json()
    assert second["previous"] == f"{api.url}{SCENARIOS}"
    third = client.get(second["next"]).json()
    assert len(third["results"]) == 4 and third["next"] is None
    walked = [s["id"] for p in (first, second, third) for s in p["results"]]
    assert walked == list(range(40, 64))


def test_pagination_keeps_filters_and_caps_page_size(api):
    client = api.client()
    page = client.get(SCENARIOS, params={"metric_id": 55, "page_size": 5, "page": 2}).json()
    assert page["count"] == 14
    assert page["next"] == f"{api.url}{SCENARIOS}?metric_id=55&page=3&page_size=5"
    assert page["previous"] == f"{api.url}{SCENARIOS}?metric_id=55&page_size=5"
    assert len(client.get(SCENARIOS, params={"page_size": 1000}).json()["results"]) == 24  # capped at 100
    assert len(client.get(SCENARIOS, params={"page_size": 0}).json()["results"]) == 10


@pytest.mark.parametrize("page", [0, -1, 4, 99])
def test_out_of_range_page_is_404(client, page):
    response = client.get(SCENARIOS, params={"page": page})
    assert response.status_code == 404 and response.json() == {"detail": "Invalid page."}


def test_empty_list_has_one_page(client):
    page = client.get(SCENARIOS, params={"agent_id": 999}).json()
    assert page == {"count": 0, "next": None, "previous": None, "results": []}


def test_scenario_filters(client):
    def ids(**params):
        return {s["id"] for s in client.get(SCENARIOS, params={"page_size": 100, **params}).json()["results"]}

    assert ids(metric_id=56) == set(range(54, 64))
    assert ids(category_id=1) == set(range(40, 64, 2))
    assert ids(agent_id=123) == set(range(40, 64))
    assert ids(metric_id=55, category_id=2) == set(range(41, 54, 2))


def test_scenario_get_and_patch(client):
    assert client.get(f"{SCENARIOS}42/").json()["metric_id"] == 55
    response = client.patch(f"{SCENARIOS}42/", json={"priority": "not_a_bug", "is_resolved": True})
    assert response.status_code == 200
    assert response.json()["priority"] == "not_a_bug" and response.json()["is_resolved"] is True
    assert client.get(f"{SCENARIOS}42/").json()["is_resolved"] is True
    bad = client.patch(f"{SCENARIOS}42/", json={"priority": "urgent", "is_resolved": "yes"})
    assert bad.status_code == 400
    assert bad.json() == {"priority": ['"urgent" is not a valid choice.'], "is_resolved": ["Must be a valid boolean."]}
    assert client.get(f"{SCENARIOS}39/").status_code == 404
    assert client.patch(f"{SCENARIOS}64/", json={}).status_code == 404


def test_deleting_a_metric_drops_its_scenarios(client):
    assert client.delete(f"{METRICS}56/").status_code == 204
    assert client.get(SCENARIOS, params={"metric_id": 56}).json()["count"] == 0
    assert client.get(SCENARIOS).json()["count"] == 14
