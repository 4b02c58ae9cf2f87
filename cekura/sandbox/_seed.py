"""Demo data every tenant starts with (stored per tenant, so each key can change its own copy)."""

from __future__ import annotations

from typing import Any

DEMO_PROJECT = 1

PROJECTS = [{"id": DEMO_PROJECT, "name": "Demo project"}]

AGENTS = [
    {
        "id": 123,
        "name": "Bright Smile Dental receptionist",
        "assistant_id": "asst_demo_dental",
        "project": DEMO_PROJECT,
        "description": (
            "A voice receptionist for Bright Smile Dental Clinic. It answers inbound calls, books, "
            "reschedules and cancels cleaning and check-up appointments in the clinic calendar, checks "
            "whether the caller's dental insurance is accepted, gives opening hours and directions, and "
            "hands urgent toothache cases over to the on-call dentist."
        ),
    },
    {
        "id": 124,
        "name": "Northwind Telecom support line",
        "assistant_id": "asst_demo_telecom",
        "project": DEMO_PROJECT,
        "description": (
            "A voice support agent for Northwind Telecom. It verifies the caller's identity with the "
            "account number and date of birth, explains bills and roaming charges, troubleshoots home "
            "internet outages step by step, and escalates to a human technician when the line test shows a fault."
        ),
    },
]


def generic_agent(agent_id: int) -> dict[str, Any]:
    """An agent first referenced by a metric: registered on the fly to the demo project."""
    return {
        "id": agent_id,
        "name": f"Agent {agent_id}",
        "assistant_id": None,
        "project": DEMO_PROJECT,
        "description": (
            f"Agent {agent_id} was registered automatically by the Cekura sandbox the first time a metric "
            "referred to it. It is a generic voice assistant that greets callers, works out what they need, "
            "answers their questions and closes the call politely."
        ),
    }


_BOOKING_CODE = '''def evaluate(call):
    """Pass when the call stayed under three minutes."""
    return call["call_duration"] < 180
'''

METRICS = [
    {
        "id": 55,
        "name": "Booking confirmed",
        "description": (
            "Pass when the agent read back the booked appointment's date, time and dentist to the caller "
            "and the caller agreed; fail when the call ended without a confirmed booking."
        ),
        "type": "llm_judge",
        "eval_type": "binary",
        "agents": [123],
    },
    {
        "id": 56,
        "name": "Call under three minutes",
        "description": "Custom code: passes when the call lasted less than 180 seconds.",
        "type": "custom_code",
        "eval_type": "binary",
        "custom_code": _BOOKING_CODE,
        "agents": [123],
    },
]

_SCENARIO_NAMES = [
    "Caller asks to book a cleaning next Tuesday morning",
    "Caller reschedules a check-up to the following week",
    "Caller books two appointments for their children",
    "Caller wants the earliest slot available",
    "Caller cancels and immediately rebooks",
    "Caller gives the date in a European format",
    "Caller hangs up before the slot is read back",
    "Caller asks for a dentist who speaks Spanish",
    "Caller books while driving with road noise",
    "Caller asks whether the booking was saved",
    "Caller changes their mind about the time twice",
    "Caller books for an elderly parent",
    "Caller asks to be put on the waiting list",
    "Caller confirms by text instead of voice",
    "Caller asks about insurance for a long time",
    "Caller describes a toothache at length",
    "Caller asks for directions and parking",
    "Caller is transferred to the on-call dentist",
    "Caller asks about opening hours on holidays",
    "Caller disputes a missed-appointment fee",
    "Caller spells a long surname letter by letter",
    "Caller is put on hold while the calendar loads",
    "Caller asks the same question three times",
    "Caller reports a billing mistake on a filling",
]

_PRIORITIES = ["critical", "non-critical", "not_a_bug"]


def scenarios() -> list[dict[str, Any]]:
    """24 scenarios, ids 40..63: 14 flagged by metric 55 (ids 40..53), 10 by metric 56."""
    out = []
    for index, name in enumerate(_SCENARIO_NAMES):
        scenario_id = 40 + index
        metric = 55 if scenario_id <= 53 else 56
        out.append({
            "id": scenario_id,
            "scenario": name,
            "priority": _PRIORITIES[index % 3],
            "is_resolved": False,
            "metric_id": metric,
            "agent_id": 123,
            "category_id": 1 + index % 2,
            "project": DEMO_PROJECT,
        })
    return out
