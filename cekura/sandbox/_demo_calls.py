"""Demo production calls and simulation results every tenant gets, in the platform's payload shape.

Each call is a list of turns ``(role, start seconds, end seconds, text)``; ``turns_fields``
turns them into the three shapes the platform uses: the text transcript
(``[MM:SS] Main Agent: ...``), ``transcript_object`` (turns with seconds) and
``transcript_json`` (turns with ``MM:SS`` times, as custom-code metrics receive them).
"""

from __future__ import annotations

from typing import Any

AGENT = "Main Agent"
CALLER = "Testing Agent"

Turn = tuple[str, float, float, str]

#: Call log ids start at 7788 (the id Cekura's docs use in their examples).
FIRST_CALL_LOG = 7788
DEMO_RESULT = 501
FIRST_RUN = 9001


def mmss(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def turns_fields(turns: list[Turn]) -> dict[str, Any]:
    """The transcript fields of a call or run made of ``turns``."""
    return {
        "transcript": "\n".join(f"[{mmss(start)}] {role}: {text}" for role, start, _end, text in turns),
        "transcript_object": [
            {"role": role, "content": text, "timestamp": float(start), "start_time": float(start),
             "end_time": float(end)}
            for role, start, end, text in turns
        ],
        "transcript_json": [
            {"role": role, "time": mmss(start), "content": text, "start_time": float(start), "end_time": float(end)}
            for role, start, end, text in turns
        ],
    }


# (agent, ended reason, customer number, topic, metadata, dynamic variables, turns)
_CALLS: list[tuple[int, str, str, str, dict[str, Any], dict[str, Any], list[Turn]]] = [
    (123, "customer-ended-call", "+14155550101", "appointment booking",
     {"call_type": "inbound", "ringing_duration": 2.4, "language": "en"},
     {"customer_name": "Dana Whitfield", "preferred_dentist": "Dr. Osei"},
     [(AGENT, 0.6, 4.1, "Thank you for calling Bright Smile Dental, this is the front desk. How can I help?"),
      (CALLER, 4.8, 8.9, "Hi, I'd like to book a cleaning next Tuesday morning if you have anything."),
      (AGENT, 9.5, 15.2, "Let me check the calendar. I have Tuesday the 14th at 9:30 with Dr. Osei. Would that work?"),
      (CALLER, 15.9, 17.4, "Yes, 9:30 is perfect."),
      (AGENT, 18.0, 25.6, "Great. I have booked your cleaning for Tuesday the 14th at 9:30 AM with Dr. Osei. "
                          "Can I confirm your name?"),
      (CALLER, 26.2, 28.0, "Dana Whitfield."),
      (AGENT, 28.7, 34.9, "Thank you, Dana. Let me read that back: the date is Tuesday the 14th, the time is "
                          "9:30 AM, and your dentist is Dr. Osei. Is that right?"),
      (CALLER, 35.5, 37.0, "Yes, agreed. Thanks!"),
      (AGENT, 37.6, 40.2, "Your booking is confirmed. Goodbye!")]),
    (123, "customer-ended-call", "+14155550102", "rescheduling",
     {"call_type": "inbound", "ringing_duration": 3.9, "language": "en"},
     {"customer_name": "Marcus Lee"},
     [(AGENT, 0.5, 3.8, "Bright Smile Dental, how can I help you today?"),
      (CALLER, 4.5, 9.1, "I need to move my check-up, I can't make it on Thursday."),
      (AGENT, 9.8, 14.0, "I can help with that. What day would suit you better?"),
      (CALLER, 14.6, 17.2, "Maybe sometime next week? I'm not sure yet."),
      (AGENT, 17.9, 23.5, "No problem. I have released your Thursday slot. Call us back when you know a day "
                          "and we'll find you a time."),
      (CALLER, 24.1, 25.3, "Okay, bye.")]),
    (123, "agent-ended-call", "+14155550103", "insurance question",
     {"call_type": "inbound", "ringing_duration": 1.2, "language": "en"},
     {"customer_name": "Priya Natarajan", "insurer": "Delta Dental"},
     [(AGENT, 0.4, 3.1, "Bright Smile Dental, good afternoon."),
      (CALLER, 3.7, 8.6, "Do you accept Delta Dental PPO? I'm thinking of switching dentists."),
      (AGENT, 9.2, 14.8, "Yes, we are in network for Delta Dental PPO. Cleanings are usually fully covered."),
      (CALLER, 15.5, 19.9, "Great. Could you book me a first visit?"),
      (AGENT, 20.4, 28.3, "Of course. The first new-patient slot is Monday the 20th at 2 PM. I have reserved it "
                          "for you and will text you the confirmation with the date and time."),
      (CALLER, 28.9, 30.2, "Perfect, thank you."),
      (AGENT, 30.8, 33.0, "You're welcome, goodbye.")]),
    (123, "customer-hung-up", "+14155550104", "toothache",
     {"call_type": "inbound", "ringing_duration": 5.1, "language": "en"},
     {"customer_name": "Tom Becker"},
     [(AGENT, 0.5, 3.5, "Bright Smile Dental, how can I help?"),
      (CALLER, 4.0, 9.8, "I have a terrible toothache, it's been throbbing all night."),
      (AGENT, 10.3, 16.9, "I'm sorry to hear that. Let me transfer you to our on-call dentist right away."),
      (CALLER, 17.5, 18.4, "Please hurry.")]),
    (123, "customer-ended-call", "+14155550105", "opening hours",
     {"call_type": "inbound", "ringing_duration": 2.0, "language": "en"},
     {},
     [(AGENT, 0.5, 3.2, "Bright Smile Dental, how can I help?"),
      (CALLER, 3.8, 6.9, "Are you open on Saturday?"),
      (AGENT, 7.4, 12.6, "We are open Saturdays from 9 AM to 1 PM. Would you like to book a visit?"),
      (CALLER, 13.1, 15.0, "Not right now, thanks.")]),
    (123, "silence-timed-out", "+14155550106", "booking abandoned",
     {"call_type": "inbound", "ringing_duration": 4.4, "language": "en", "noise": "road"},
     {"customer_name": "Alex Romero"},
     [(AGENT, 0.5, 3.4, "Bright Smile Dental, how can I help?"),
      (CALLER, 4.2, 8.0, "Hi, I'm driving, can I book two appointments for my kids?"),
      (AGENT, 8.6, 13.9, "Sure. Which days work for you? We have openings on Wednesday and Friday afternoon."),
      (CALLER, 14.6, 16.0, "Wednesday... sorry, you're breaking up.")]),
    (124, "customer-ended-call", "+14155550201", "billing",
     {"call_type": "inbound", "ringing_duration": 2.2, "language": "en"},
     {"customer_name": "Grace Kim", "account_number": "NW-448812"},
     [(AGENT, 0.5, 4.4, "Northwind Telecom support. May I have your account number and date of birth?"),
      (CALLER, 5.0, 9.5, "It's NW-448812, born March 3rd 1985."),
      (AGENT, 10.1, 13.0, "Thank you, you're verified. How can I help?"),
      (CALLER, 13.6, 18.2, "There's a roaming charge on my bill I don't understand."),
      (AGENT, 18.9, 27.5, "That charge is 12 dollars for data used in Canada on the 3rd. It is due with your "
                          "next bill on the 28th."),
      (CALLER, 28.1, 29.6, "Ah, okay, that makes sense.")]),
    (124, "agent-ended-call", "+14155550202", "internet outage",
     {"call_type": "inbound", "ringing_duration": 3.0, "language": "en"},
     {"customer_name": "Omar Haddad", "account_number": "NW-120033"},
     [(AGENT, 0.5, 4.0, "Northwind Telecom support, how can I help?"),
      (CALLER, 4.6, 8.1, "My home internet has been down since this morning."),
      (AGENT, 8.7, 14.2, "Let's troubleshoot. First, please restart your router and tell me when the lights "
                         "come back."),
      (CALLER, 45.0, 48.3, "Okay, it's back but still no internet."),
      (AGENT, 48.9, 56.0, "The line test shows a fault, so I'm escalating to a technician who will call you "
                          "within 4 hours.")]),
]

_SCENARIOS = [
    ("Caller asks to book a cleaning next Tuesday morning", 40),
    ("Caller reschedules a check-up to the following week", 41),
    ("Caller hangs up before the slot is read back", 46),
    ("Caller asks about insurance for a long time", 54),
]
_RUN_TURNS: list[list[Turn]] = [
    [(AGENT, 0.5, 3.9, "Bright Smile Dental, how can I help?"),
     (CALLER, 4.4, 7.8, "I'd like a cleaning next Tuesday morning."),
     (AGENT, 8.3, 15.0, "I have booked you for Tuesday at 10 AM. Reading it back: date Tuesday the 14th, "
                        "time 10 AM, dentist Dr. Osei."),
     (CALLER, 15.6, 16.8, "Agreed, thanks."),
     (AGENT, 17.2, 19.0, "Confirmed. Goodbye!")],
    [(AGENT, 0.5, 3.9, "Bright Smile Dental, how can I help?"),
     (CALLER, 4.4, 8.0, "Can I move my check-up to next week?"),
     (AGENT, 8.6, 14.1, "Done: your check-up is now next Wednesday at 3 PM with Dr. Alvarez."),
     (CALLER, 14.7, 15.5, "Thanks.")],
    [(AGENT, 0.5, 3.9, "Bright Smile Dental, how can I help?"),
     (CALLER, 4.4, 7.2, "I want to book for Friday."),
     (AGENT, 7.8, 10.4, "Let me look at Friday for you...")],
    [(AGENT, 0.5, 3.9, "Bright Smile Dental, how can I help?"),
     (CALLER, 4.4, 12.0, "Does my plan cover whitening? And what about crowns, and implants, and night guards?"),
     (AGENT, 12.5, 20.1, "Whitening is not covered; crowns are covered at 50 percent. I'd check implants with "
                         "your insurer."),
     (CALLER, 20.7, 22.0, "Okay, thank you.")],
]


def _iso(epoch: float) -> str:
    import datetime

    return datetime.datetime.fromtimestamp(epoch, datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def call_logs(now: float) -> list[dict[str, Any]]:
    """The demo calls, the newest an hour before ``now`` (inside the list's 30-day default window)."""
    out = []
    for index, (agent, reason, number, topic, metadata, variables, turns) in enumerate(_CALLS):
        call_log_id = FIRST_CALL_LOG + index
        when = _iso(now - 3600 * (1 + 7 * index))
        seconds = max(end for _r, _s, end, _t in turns)
        out.append({
            "id": call_log_id,
            "call_id": f"call_demo_{call_log_id}",
            "agent": agent,
            "agent_id": str(agent),
            "project": 1,
            "timestamp": when,
            "created_at": when,
            "updated_at": when,
            "duration": mmss(seconds),
            "call_duration": seconds,
            "call_ended_reason": reason,
            "customer_number": number,
            "topic": topic,
            "dropoff_point": "",
            "metadata": metadata,
            "dynamic_variables": variables,
            "voice_recording_url": f"https://sandbox.cekura.local/recordings/{call_log_id}.wav",
            "trace_id": "",
            "error_message": None,
            "feedback": "",
            "is_reviewed": False,
            "critical_categories": [],
            "rubric": None,
            "user_generated_transcript": None,
            "testing_channel_index": None,
            **turns_fields(turns),
        })
    return out


def result_and_runs(now: float) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One completed simulation result of agent 123 and its four runs."""
    when = _iso(now - 86400)
    runs = []
    for index, ((scenario_name, scenario_id), turns) in enumerate(zip(_SCENARIOS, _RUN_TURNS, strict=True)):
        seconds = max(end for _r, _s, end, _t in turns)
        runs.append({
            "id": FIRST_RUN + index,
            "result_id": DEMO_RESULT,
            "result_name": "Booking flows (nightly)",
            "agent": 123,
            "project": 1,
            "scenario": scenario_id,
            "scenario_name": scenario_name,
            "scenario_type": "instruction",
            "personality": 3,
            "personality_name": "Friendly caller",
            "provider_call_id": f"provider_call_{FIRST_RUN + index}",
            "trace_id": "",
            "expected_outcome_prompt": "The caller ends the call with a confirmed appointment.",
            "expected_outcome": None,
            "status": "completed",
            "timestamp": when,
            "executed_at": when,
            "duration": mmss(seconds),
            "call_duration": seconds,
            "call_ended_reason": "testing-agent-ended-call" if index != 2 else "main-agent-hung-up",
            "voice_recording_url": f"https://sandbox.cekura.local/recordings/run-{FIRST_RUN + index}.wav",
            "metadata": {"run_mode": "voice"},
            "tags": ["booking"],
            "feedback": "",
            "is_reviewed": False,
            "error_message": "",
            "scenario_instructions": scenario_name,
            "run_as_text": False,
            "outbound_number": "+14155550900",
            "inbound_number": "+14155550123",
            "critical_categories": [],
            "rubric": None,
            "test_profile_data": None,
            "generated_mock_tool_entries": [],
            "mocked_tool_names": [],
            "provider_call_details": None,
            "agent_number": None,
            "testing_channel_index": None,
            "run_type": "simulation",
            **turns_fields(turns),
        })
    result = {
        "id": DEMO_RESULT,
        "name": "Booking flows (nightly)",
        "agent": 123,
        "project": 1,
        "run_ids": [run["id"] for run in runs],
        "run_as_text": False,
        "created_at": when,
        "updated_at": when,
    }
    return result, runs
