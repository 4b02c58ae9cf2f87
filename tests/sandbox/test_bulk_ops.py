"""bulk_manage_agents and bulk-toggle-settings."""

from __future__ import annotations

import pytest

from .conftest import METRICS

MANAGE = f"{METRICS}bulk_manage_agents/"
TOGGLE = f"{METRICS}bulk-toggle-settings/"


def agents_of(client, metric_id):
    return client.get(f"{METRICS}{metric_id}/").json()["agents"]


def test_enable_and_disable_agents(client):
    response = client.post(MANAGE, json={"project_id": 1, "metric_ids": [55, 56], "agent_ids": [124, 500],
                                         "mode": "enable"})
    assert response.status_code == 200
    assert response.json()["updated_count"] == 2 and response.json()["message"]
    assert agents_of(client, 55) == [123, 124, 500] and agents_of(client, 56) == [123, 124, 500]
    assert {m["id"] for m in client.get(METRICS, params={"agent_id": 500}).json()} == {55, 56}
    response = client.post(MANAGE, json={"project_id": 1, "metric_ids": [55], "agent_ids": [123, 500],
                                         "mode": "disable"})
    assert response.json()["updated_count"] == 1
    assert agents_of(client, 55) == [124] and agents_of(client, 56) == [123, 124, 500]


@pytest.mark.parametrize("body, field", [
    ({"project_id": 2, "metric_ids": [55], "agent_ids": [1], "mode": "enable"}, "project_id"),
    ({"project_id": 1, "metric_ids": [55, 9999], "agent_ids": [1], "mode": "enable"}, "metric_ids"),
    ({"project_id": 1, "metric_ids": [55], "agent_ids": [1], "mode": "both"}, "mode"),
    ({"project_id": 1, "metric_ids": [55], "agent_ids": [-3], "mode": "enable"}, "agent_ids"),
    ({"metric_ids": [55], "agent_ids": [1], "mode": "enable"}, "project_id"),
])
def test_manage_agents_errors(client, body, field):
    response = client.post(MANAGE, json=body)
    assert response.status_code == 400 and list(response.json()) == [field]
    assert agents_of(client, 55) == [123]  # nothing changed


def test_toggle_settings(client):
    created = client.post(METRICS, json={"name": "t", "eval_type": "binary"}).json()
    response = client.post(TOGGLE, json={"metric_ids": [55, created["id"]], "is_active": False,
                                         "observability_enabled": True, "alert_enabled": True})
    assert response.status_code == 200 and response.json()["updated_count"] == 2
    for metric_id in (55, created["id"]):
        metric = client.get(f"{METRICS}{metric_id}/").json()
        assert metric["is_active"] is False and metric["observability_enabled"] is True
        assert metric["alert_enabled"] is True and metric["simulation_enabled"] is True
    assert client.get(f"{METRICS}56/").json()["is_active"] is True


@pytest.mark.parametrize("body, field", [
    ({"metric_ids": [55]}, "non_field_errors"),
    ({"metric_ids": [55, 4040], "is_active": True}, "metric_ids"),
    ({"metric_ids": [], "is_active": True}, "metric_ids"),
    ({"is_active": True}, "metric_ids"),
    ({"metric_ids": [55], "is_active": "no"}, "is_active"),
])
def test_toggle_errors(client, body, field):
    response = client.post(TOGGLE, json=body)
    assert response.status_code == 400 and list(response.json()) == [field]
