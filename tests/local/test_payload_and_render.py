"""build_payload (call log / run -> the platform's `data`) and judge-prompt rendering."""

from __future__ import annotations

import copy

from cekura.local import build_payload, render_prompt, stored_results
from cekura.local._payload import is_payload

CALL_LOG = {
    "id": 101,
    "agent": 7,
    "duration": "01:05",
    "voice_recording_url": "https://example.com/r.mp3",
    "timestamp": "2026-03-15T10:15:45Z",
    "call_ended_reason": "customer-ended-call",
    "topic": "booking",
    "metadata": {"call_type": "inbound", "ended_reason": "ignored"},
    "dynamic_variables": {"customer_name": "Ada", "order id": "ORD-1"},
    "transcript_object": [
        {"role": "Testing Agent", "content": "Hello", "start_time": 1.2, "end_time": 1.8},
        {"role": "Main Agent", "content": "Hi, how can I help?", "start_time": 1.8, "end_time": 2.5},
        {"role": "user", "content": "Book me for 6 PM.", "start_time": 61.0, "end_time": 63.0},
    ],
    "evaluation": {
        "metrics": [
            {"id": 35, "name": "Instruction Follow", "type": "binary", "score": 0, "explanation": ["missed script"]},
            {"id": 18, "name": "CSAT", "type": "binary", "score": 5, "explanation": ["happy"]},
            {"id": 40, "name": "Sentiment", "type": "enum", "score": None, "value": "positive", "explanation": []},
            {"id": 41, "name": "Latency", "type": "numeric", "score": 820.0, "explanation": []},
        ]
    },
}

RUN = {
    "id": 9001,
    "result_id": 77,
    "scenario": 5,
    "provider_call_id": "call_abc",
    "expected_outcome": "A booking is made",
    "duration": "00:30",
    "transcript_object": [{"role": "Main Agent", "content": "Welcome", "timestamp": 0.4}],
    "test_profile_data": {"id": 1, "name": "Ada", "information": {"user_name": "Ada"}},
    "provider_call_details": {"cost": 0.1},
    "evaluation": {"metrics": [{"id": 3, "name": "Expected Outcome", "type": "binary", "score": 5, "explanation": ["booked"]}]},
}


def test_call_log_becomes_the_platform_payload():
    before = copy.deepcopy(CALL_LOG)
    data = build_payload(CALL_LOG, agent={"description": "Books dental appointments."})
    assert CALL_LOG == before  # input untouched
    assert data["transcript"] == (
        "[00:01] Testing Agent: Hello\n[00:01] Main Agent: Hi, how can I help?\n[01:01] Testing Agent: Book me for 6 PM."
    )
    assert data["transcript_json"][1] == {
        "role": "Main Agent", "time": "00:01", "content": "Hi, how can I help?", "start_time": 1.8, "end_time": 2.5,
    }
    assert data["call_duration"] == 65.0
    assert data["call_end_reason"] == "customer-ended-call"
    assert data["voice_recording"] == "https://example.com/r.mp3"
    assert data["agent_description"] == "Books dental appointments."
    assert (data["date"], data["timestamp"]) == ("2026-03-15", "2026-03-15T10:15:45Z")
    assert data["metadata"] == {"call_type": "inbound", "ended_reason": "ignored"}
    assert data["dynamic_variables"]["customer_name"] == "Ada"
    assert (data["call_log_id"], data["topic"]) == (101, "booking")
    assert data["Instruction Follow"] is False and data["CSAT"] is True
    assert data["Sentiment"] == "positive" and data["Latency"] == 820
    assert data["explanation"]["Instruction Follow"] == ["missed script"]
    assert "run_id" not in data and is_payload(data)


def test_run_becomes_the_simulation_payload():
    data = build_payload(RUN)
    assert data["run_id"] == 9001 and "call_log_id" not in data
    assert data["expected_outcome"] == "A booking is made"
    assert data["expected_outcome_explanation"] == ["booked"]
    assert data["test_profile"] == {"user_name": "Ada"}
    assert (data["provider_call_id"], data["provider_call_data"]) == ("call_abc", {"cost": 0.1})
    assert data["transcript"] == "[00:00] Main Agent: Welcome"
    assert data["cekura_transcript_json"][0]["role"] == "assistant"
    assert data["call_duration"] == 30.0


def test_stored_results_by_id_and_name():
    stored = stored_results(CALL_LOG)
    assert stored[35] is False and stored["CSAT"] is True and stored[40] == "positive"


def test_render_fills_the_documented_placeholders():
    data = build_payload(CALL_LOG, agent={"description": "Books dental appointments."})
    text = (
        "Agent: {{agent.description}} / {{ agent.name }}\nCustomer {{dynamic_variables.customer_name}} "
        "order {{dynamic_variables['order id']}} type {{metadata.call_type}} ended {{call_end_reason}} on {{date}}\n"
        "{{transcript}}\nFirst: {{transcript_json[0].content}} {{Metadata.call_type}} {{metadata.missing}}"
    )
    r = render_prompt(text, data, agent={"name": "Dentist bot"})
    assert "Agent: Books dental appointments. / Dentist bot" in r.text
    assert "Customer Ada order ORD-1 type inbound ended customer-ended-call on 2026-03-15" in r.text
    assert "[01:01] Testing Agent: Book me for 6 PM." in r.text and "First: Hello" in r.text
    assert r.unfilled == ["Metadata.call_type", "metadata.missing"]  # names are case-sensitive
    assert "{{metadata.missing}}" in r.text
    assert "transcript" in r.filled and "agent.description" in r.filled


def test_render_json_values_and_test_profile():
    data = build_payload(RUN)
    r = render_prompt("{{test_profile.user_name}} {{provider_call_data}} {{provider_call_id}} {{agent.language}}", data)
    assert r.text.startswith('Ada {"cost": 0.1} call_abc ')
    assert r.unfilled == ["agent.language"]
