"""Shared calls for the local runner's tests."""

from __future__ import annotations

import pytest


def make_call(i: int = 1, *, words: int = 6, **extra):
    transcript_json = [
        {"role": "Main Agent", "time": "00:01", "content": "Hello, how can I help?", "start_time": 1.0, "end_time": 2.5},
        {"role": "Testing Agent", "time": "00:03", "content": " ".join(["word"] * words), "start_time": 3.0, "end_time": 5.0},
    ]
    data = {
        "call_log_id": i,
        "transcript": "\n".join(f"[{e['time']}] {e['role']}: {e['content']}" for e in transcript_json),
        "transcript_json": transcript_json,
        "call_duration": 5.0,
        "call_end_reason": "customer-ended-call",
        "metadata": {"customer_tier": "gold"},
        "dynamic_variables": {"customer_name": "Ada"},
        "agent_description": "Books dental appointments.",
        "CSAT": 4.0,
        "explanation": {"CSAT": "polite"},
    }
    data.update(extra)
    return data


@pytest.fixture
def call():
    return make_call()
