"""The plan is a pure function: file entries + live metrics (plain dicts) -> changes. No I/O here."""

from __future__ import annotations

import pytest

from cekura.declarative import PlanConflict, compute_plan
from cekura.declarative._model import desired_state, exported_entry, live_state


def live_metric(id: int, name: str, **fields):
    """A metric as the API answers it (wire words, every field the service fills in)."""
    base = {
        "id": id,
        "name": name,
        "project": 1,
        "slug": f"m_{id}",
        "description": "",
        "prompt": "",
        "type": "llm_judge",
        "eval_type": "binary",
        "enum_values": [],
        "agents": [],
        "custom_code": "",
        "audio_enabled": False,
        "simulation_enabled": True,
        "observability_enabled": False,
        "sampling_enabled": False,
        "add_to_new_agents": None,
        "is_active": True,
        "alert_enabled": False,
        "evaluation_trigger": "always",
        "trigger_type": "llm_judge",
        "evaluation_trigger_prompt": "",
        "evaluation_trigger_custom_code": "",
        "display_order": 0,
        "configuration": {},
        "metric_cost": 0.2,
        "window_size": 7,
    }
    return {**base, **fields}


LIVE = [
    live_metric(55, "Booking confirmed", description="Read back the booking?", agents=[123, 124]),
    live_metric(56, "Short call", type="custom_code", custom_code="_result = True\n", agents=[123]),
    live_metric(
        57, "Tone", eval_type="continuous_qualitative", prompt="Rate the tone", description="Rate the tone"
    ),
]


def exported(live):
    return [exported_entry(live_state(m)) for m in live]


def test_exported_entries_plan_no_change_and_leave_defaults_and_server_fields_out():
    entries = exported(LIVE)
    assert entries == [
        {"name": "Booking confirmed", "description": "Read back the booking?", "agents": [123, 124]},
        {"name": "Short call", "type": "python", "code": "_result = True\n", "agents": [123]},
        # documented words; the judge's description is its prompt, so it is left out
        {"name": "Tone", "eval_type": "rating", "prompt": "Rate the tone"},
    ]
    plan = compute_plan(1, entries, LIVE)
    assert not plan.has_changes and plan.changes == []
    assert plan.unchanged == ["Booking confirmed", "Short call", "Tone"]


def test_wire_words_and_documented_words_compare_equal():
    entries = [
        {
            "name": "Booking confirmed",
            "eval_type": "binary",
            "description": "Read back the booking?",
            "agents": [124, 123],
        },
        {
            "name": "Short call",
            "type": "custom_code",
            "eval_type": "Boolean",
            "code": "_result = True\n",
            "agents": [123],
        },
        {
            "name": "Tone",
            "eval_type": "continuous_qualitative",
            "prompt": "Rate the tone",
            "description": "Rate the tone",
        },
    ]
    assert not compute_plan(1, entries, LIVE).has_changes


def test_each_kind_of_change_exactly():
    entries = exported(LIVE)
    entries[0]["agents"] = [123]  # detach 124
    entries[1]["code"] = "_result = False\n_explanation = 'x'\n"
    entries.append({"name": "Polite", "prompt": "Was the agent polite?", "agents": [123]})
    del entries[2]  # Tone is not in the file any more
    plan = compute_plan(1, entries, LIVE, prune=True, source="metrics.yaml")
    summary = [(c.action, c.name, c.metric_id) for c in plan.changes]
    assert summary == [
        ("update", "Booking confirmed", 55),
        ("update", "Short call", 56),
        ("create", "Polite", None),
        ("delete", "Tone", 57),
    ]
    booking, short, polite, _ = plan.changes
    assert booking.fields == [] and booking.attach == [] and booking.detach == [124]
    assert [f.field for f in short.fields] == ["code"]
    diff = short.fields[0].diff("metrics.yaml")
    assert (
        diff is not None
        and "-_result = True" in diff
        and "+_result = False" in diff
        and "+++ metrics.yaml" in diff
    )
    assert polite.attach == [123] and {f.field: f.after for f in polite.fields} == {
        "description": "Was the agent polite?",
        "prompt": "Was the agent polite?",
    }
    assert plan.counts() == {"create": 1, "update": 2, "delete": 1, "attach": 0, "detach": 1}
    data = plan.to_dict()
    assert data["summary"]["create"] == 1 and data["changes"][1]["fields"][0]["diff"] == diff


def test_without_prune_unlisted_metrics_are_left_alone_and_named():
    plan = compute_plan(1, exported(LIVE)[:1], LIVE)
    assert not plan.has_changes
    assert plan.unmanaged == [(56, "Short call"), (57, "Tone")]
    assert "--prune deletes them" in plan.render()


def test_agent_scope_limits_prune_to_that_agents_metrics():
    plan = compute_plan(1, exported(LIVE)[:1], LIVE, prune=True, agent_id=123)
    assert [(c.action, c.metric_id) for c in plan.changes] == [("delete", 56)]  # 57 has no agent 123


def test_a_prompt_change_carries_the_derived_description_and_is_stable_under_the_judge_rule():
    entries = exported(LIVE)
    entries[2]["prompt"] = "Rate the tone from 1 to 5"
    plan = compute_plan(1, entries, LIVE)
    (change,) = plan.changes
    assert {f.field: (f.before, f.after) for f in change.fields} == {
        "description": ("Rate the tone", "Rate the tone from 1 to 5"),
        "prompt": ("Rate the tone", "Rate the tone from 1 to 5"),
    }
    assert "description: follows the prompt" in plan.render()
    # once the server carries the prompt into the description (the SDK's judge rule), no change:
    after = [
        *LIVE[:2],
        {**LIVE[2], "prompt": "Rate the tone from 1 to 5", "description": "Rate the tone from 1 to 5"},
    ]
    assert not compute_plan(1, entries, after).has_changes


def test_an_explicit_empty_description_beside_a_prompt_round_trips():
    live = [live_metric(60, "Judge", prompt="Is it ok?", description="")]
    (entry,) = exported(live)
    assert entry == {"name": "Judge", "description": "", "prompt": "Is it ok?"}
    assert not compute_plan(1, [entry], live).has_changes


def test_rename_through_key_is_an_update_not_delete_and_create():
    entries = exported(LIVE)
    entries[1] = {**entries[1], "name": "Call under 3 minutes", "key": "Short call"}
    plan = compute_plan(1, entries, LIVE, prune=True)
    (change,) = plan.changes
    assert (change.action, change.metric_id, change.key) == ("update", 56, "Short call")
    assert [(f.field, f.before, f.after) for f in change.fields] == [
        ("name", "Short call", "Call under 3 minutes")
    ]
    renamed = [LIVE[0], {**LIVE[1], "name": "Call under 3 minutes"}, LIVE[2]]
    assert not compute_plan(1, entries, renamed, prune=True).has_changes


def test_two_live_metrics_with_one_name_is_a_conflict_not_a_guess():
    live = [*LIVE, live_metric(90, "Tone")]
    with pytest.raises(PlanConflict, match=r"2 metrics named 'Tone' \(ids 57, 90\)"):
        compute_plan(1, exported(LIVE), live)


def test_fields_the_server_does_not_report_are_not_compared():
    live = [{"id": 5, "name": "Sparse", "type": "llm_judge", "eval_type": "binary", "agents": []}]
    plan = compute_plan(1, [{"name": "Sparse", "audio_enabled": True}], live)
    assert not plan.has_changes
    assert plan.warnings and "did not report audio_enabled" in plan.warnings[0]


def test_toggles_and_triggers_are_compared():
    entries = exported(LIVE)
    entries[0].update(
        is_active=False, evaluation_trigger="custom", evaluation_trigger_prompt="Was a booking made?"
    )
    (change,) = compute_plan(1, entries, LIVE).changes
    assert [f.field for f in change.fields] == [
        "is_active",
        "evaluation_trigger",
        "evaluation_trigger_prompt",
    ]


def test_desired_state_fills_defaults_in_documented_words():
    state = desired_state({"name": "X", "type": "python", "code": "_result = 1"})
    assert (
        state["type"] == "python" and state["eval_type"] == "boolean" and state["simulation_enabled"] is True
    )
    assert state["description"] == ""  # not a judge: nothing derived


def test_display_order_and_configuration_are_left_alone_unless_stated():
    live = [live_metric(70, "Ordered", display_order=4, configuration={"threshold": 3})]
    (entry,) = exported(live)
    assert entry == {"name": "Ordered", "display_order": 4, "configuration": {"threshold": 3}}
    assert not compute_plan(1, [{"name": "Ordered"}], live).has_changes  # not stated: not managed
    (change,) = compute_plan(1, [{**entry, "display_order": 0}], live).changes
    assert [(f.field, f.before, f.after) for f in change.fields] == [("display_order", 4, 0)]
