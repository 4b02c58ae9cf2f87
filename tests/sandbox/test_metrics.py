"""Metric CRUD, bulk create, validation errors and list filters."""

from __future__ import annotations

import pytest

from .conftest import METRICS


def create(client, **fields):
    body = {"name": "Greets caller", "eval_type": "binary", **fields}
    response = client.post(METRICS, json=body)
    assert response.status_code == 201, response.text
    return response.json()


def test_demo_metrics_are_seeded(client):
    metrics = client.get(METRICS).json()
    assert isinstance(metrics, list)
    by_id = {m["id"]: m for m in metrics}
    assert by_id[55]["type"] == "llm_judge" and by_id[55]["eval_type"] == "binary"
    assert by_id[55]["agents"] == [123] and by_id[55]["project"] == 1
    assert by_id[56]["type"] == "custom_code" and "def evaluate" in by_id[56]["custom_code"]


def test_create_fills_defaults(client):
    metric = create(client, name="Caller Was Greeted!")
    assert metric["id"] >= 1000
    assert metric["type"] == "llm_judge"
    assert metric["evaluation_trigger"] == "always" and metric["trigger_type"] == "llm_judge"
    assert metric["simulation_enabled"] is True and metric["observability_enabled"] is False
    assert metric["sampling_enabled"] is False and metric["audio_enabled"] is False
    assert metric["description"] == "" and metric["prompt"] == "" and metric["custom_code"] == ""
    assert metric["project"] == 1 and metric["agents"] == [] and metric["enum_values"] == []
    assert metric["is_active"] is True
    assert metric["slug"] == f"caller_was_greeted_{metric['id']}"


def test_create_ids_come_from_one_sequence(client):
    first, second = create(client), create(client)
    assert second["id"] == first["id"] + 1


def test_get_by_id_and_by_slug(client):
    metric = create(client, description="Did the agent greet?")
    by_id = client.get(f"{METRICS}{metric['id']}/")
    assert by_id.status_code == 200 and by_id.json()["description"] == "Did the agent greet?"
    by_slug = client.get(f"{METRICS}{metric['slug']}/")
    assert by_slug.status_code == 200 and by_slug.json()["id"] == metric["id"]
    assert client.get(f"{METRICS}no_such_slug/").json() == {"detail": "Not found."}
    assert client.get(f"{METRICS}987654/").status_code == 404


def test_unknown_agents_are_registered_and_filterable(client):
    metric = create(client, agents=[777, 777, 123])
    assert metric["agents"] == [777, 123]
    listed = client.get(METRICS, params={"agent_id": 777}).json()
    assert [m["id"] for m in listed] == [metric["id"]]
    assert "Agent 777" in listed[0]["agent_names"]


def test_patch_changes_only_sent_fields(client):
    metric = create(client, description="old", agents=[123])
    response = client.patch(f"{METRICS}{metric['id']}/", json={"description": "new", "unknown_field": 1})
    assert response.status_code == 200
    after = response.json()
    assert after["description"] == "new"
    assert {k: v for k, v in after.items() if k != "description"} == \
        {k: v for k, v in metric.items() if k != "description"}


def test_patch_project_is_read_only(client):
    metric = create(client)
    same = client.patch(f"{METRICS}{metric['id']}/", json={"project": 1})
    assert same.status_code == 200
    moved = client.patch(f"{METRICS}{metric['id']}/", json={"project": 2})
    assert moved.status_code == 400 and list(moved.json()) == ["project"]


def test_put_validates_as_create(client):
    metric = create(client)
    url = f"{METRICS}{metric['id']}/"
    missing = client.put(url, json={"description": "x"})
    assert missing.status_code == 400
    assert missing.json() == {"name": ["This field is required."], "eval_type": ["This field is required."]}
    deprecated = client.put(url, json={"name": "n", "eval_type": "binary", "type": "custom_prompt"})
    assert deprecated.status_code == 400 and list(deprecated.json()) == ["type"]
    ok = client.put(url, json={"name": "Renamed", "eval_type": "numeric"})
    assert ok.status_code == 200 and ok.json()["name"] == "Renamed" and ok.json()["eval_type"] == "numeric"


def test_delete_answers_204_without_body(client):
    metric = create(client)
    url = f"{METRICS}{metric['id']}/"
    response = client.delete(url)
    assert response.status_code == 204 and response.content == b""
    assert client.get(url).status_code == 404
    assert client.delete(url).json() == {"detail": "Not found."}


@pytest.mark.parametrize("body, errors", [
    ({}, {"name": ["This field is required."], "eval_type": ["This field is required."]}),
    ({"name": "x", "eval_type": "boolean"}, {"eval_type": ['"boolean" is not a valid choice.']}),
    ({"name": 5, "eval_type": "binary"}, {"name": ["Not a valid string."]}),
    ({"name": "x", "eval_type": "binary", "agents": ["a"]}, {"agents": ["A valid integer is required."]}),
    ({"name": "x", "eval_type": "binary", "type": "basic"}, {"type": None}),
    ({"name": "x", "eval_type": "binary", "type": "custom_prompt"}, {"type": None}),
    ({"name": "x", "eval_type": "enum"}, {"enum_values": None}),
    ({"name": "x", "eval_type": "binary", "project": 99}, {"project": ['Invalid pk "99" - object does not exist.']}),
    ({"name": "x", "eval_type": "binary", "evaluation_trigger": "sometimes"},
     {"evaluation_trigger": ['"sometimes" is not a valid choice.']}),
    ({"name": "x" * 256, "eval_type": "binary"}, {"name": ["Ensure this field has no more than 255 characters."]}),
    ({"name": "x", "eval_type": "binary", "display_order": 2**40}, {"display_order": None}),
    ({"name": "x", "eval_type": "binary", "agents": [0]}, {"agents": ['Invalid pk "0" - object does not exist.']}),
])
def test_create_errors_name_each_bad_field(client, body, errors):
    response = client.post(METRICS, json=body)
    assert response.status_code == 400
    got = response.json()
    assert set(got) == set(errors)
    for field, messages in errors.items():
        assert isinstance(got[field], list) and got[field]
        if messages is not None:
            assert got[field] == messages


def test_enum_metric_with_values(client):
    metric = create(client, eval_type="enum", enum_values=["yes", "no"])
    assert metric["enum_values"] == ["yes", "no"]
    cleared = client.patch(f"{METRICS}{metric['id']}/", json={"enum_values": []})
    assert cleared.status_code == 400 and list(cleared.json()) == ["enum_values"]


def test_bulk_create(client):
    response = client.post(f"{METRICS}bulk_create/", json=[
        {"name": "One", "eval_type": "binary"}, {"name": "Two", "eval_type": "numeric", "agents": [124]}])
    assert response.status_code == 201
    created = response.json()
    assert [m["name"] for m in created] == ["One", "Two"]
    assert created[1]["id"] == created[0]["id"] + 1


def test_bulk_create_errors_per_item_and_atomic(client):
    before = len(client.get(METRICS).json())
    response = client.post(f"{METRICS}bulk_create/", json=[
        {"name": "ok", "eval_type": "binary"}, {"eval_type": "binary"}, {"name": "x", "eval_type": "x"}])
    assert response.status_code == 400
    assert response.json() == [{}, {"name": ["This field is required."]}, {"eval_type": ['"x" is not a valid choice.']}]
    assert len(client.get(METRICS).json()) == before
    not_list = client.post(f"{METRICS}bulk_create/", json={"name": "x", "eval_type": "binary"})
    assert not_list.status_code == 400 and list(not_list.json()) == ["non_field_errors"]
    deprecated = client.post(f"{METRICS}bulk_create/", json=[{"name": "x", "eval_type": "binary", "type": "basic"}])
    assert deprecated.status_code == 400 and list(deprecated.json()[0]) == ["type"]


def test_list_filters(client):
    a = create(client, name="A", agents=[123])
    b = create(client, name="B", agents=[124])
    c = create(client, name="C", agents=[900])

    def ids(**params):
        response = client.get(METRICS, params=params)
        assert response.status_code == 200
        return {m["id"] for m in response.json()}

    assert ids(agent_id=123) == {55, 56, a["id"]}
    assert ids(agent_id=124) == {b["id"]}
    assert ids(project_id=1) == {55, 56, a["id"], b["id"], c["id"]}
    assert ids(project_id=2) == set()
    assert ids(project_id=2, agent_id=124) == {b["id"]}  # union
    assert ids(agents="124,900") == {b["id"], c["id"]}
    assert ids(slug=a["slug"]) == {a["id"]}
    assert ids(assistant_id="asst_demo_telecom") == {b["id"]}
    assert ids(filters='{"operator":"and","conditions":[{"field":"type","op":"eq","value":"custom_code"}]}') == {56}
    assert ids(filters='{"conditions":[{"field":"name","op":"contains","value":"booking"}]}') == {55}
    assert ids(filters='{"conditions":[{"field":"agents__id","op":"in","value":[900]}]}') == {c["id"]}
    assert all("overall_score" in m for m in client.get(METRICS, params={"include_scores": "true"}).json())


@pytest.mark.parametrize("params, field", [
    ({"agent_id": "abc"}, "agent_id"),
    ({"project_id": "1.5"}, "project_id"),
    ({"agents": "1,x"}, "agents"),
    ({"filters": "{not json"}, "filters"),
    ({"include_scores": "maybe"}, "include_scores"),
])
def test_list_bad_query_params(client, params, field):
    response = client.get(METRICS, params=params)
    assert response.status_code == 400 and list(response.json()) == [field]


def test_custom_code_is_stored_verbatim_and_never_run(client, tmp_path):
    marker = tmp_path / "ran.txt"
    code = f"open({str(marker)!r}, 'w').write('executed')\n\ndef evaluate(call):\n    return True\n"
    metric = create(client, type="custom_code", custom_code=code, evaluation_trigger_custom_code=code)
    fetched = client.get(f"{METRICS}{metric['id']}/").json()
    assert fetched["custom_code"] == code and fetched["evaluation_trigger_custom_code"] == code
    client.patch(f"{METRICS}{metric['id']}/", json={"custom_code": code + "# edited\n"})
    client.get(METRICS)
    assert not marker.exists()
