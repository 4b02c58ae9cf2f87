"""The predefined-metric catalog: shared by every tenant, read-only, ids 1..N."""

from __future__ import annotations

import functools
import re
from typing import Any

SPEECH = "Speech Quality"
CONVERSATION = "Conversation Quality"
ACCURACY = "Accuracy"
EXPERIENCE = "Customer Experience"
COST = "0.200000"  # credits per evaluation, as the service writes decimals

# (name, category, type, eval_type, audio_enabled, description, extra fields)
_ENTRIES: list[tuple[str, str, str, str, bool, str, dict[str, Any]]] = [
    ("Expected Outcome", ACCURACY, "llm_judge", "binary", False,
     "Checks whether the call reached the outcome the scenario expected, judged from the transcript.", {}),
    ("Hallucination", ACCURACY, "llm_judge", "binary", False,
     "Flags calls where the agent stated facts that its instructions or knowledge base do not support.", {}),
    ("Relevancy", ACCURACY, "llm_judge", "binary", False,
     "Checks that every agent turn answers what the caller actually asked instead of drifting off topic.", {}),
    ("Response Consistency", CONVERSATION, "llm_judge", "binary", False,
     "Checks that the agent does not contradict itself or earlier answers within the same call.", {}),
    ("Tool Call Success", ACCURACY, "llm_judge", "binary", False,
     "Checks that the tool or function calls the agent made succeeded and that their results were used.", {}),
    ("Transcription Accuracy", SPEECH, "custom_code", "numeric", True,
     "Scores from 0 to 100 how closely the agent's transcript matches what was really said on the recording.",
     {"configuration": {"min": 0, "max": 100}}),
    ("Voicemail Detection", CONVERSATION, "llm_judge", "binary", True,
     "Detects whether the call reached a voicemail box and whether the agent handled it correctly.", {}),
    ("AI Interrupting User", CONVERSATION, "custom_code", "numeric", True,
     "Counts the times the agent started speaking while the caller was still talking.",
     {"configuration": {"unit": "count"}}),
    ("User Interrupting AI", CONVERSATION, "custom_code", "numeric", True,
     "Counts the times the caller talked over the agent before it finished a sentence.",
     {"configuration": {"unit": "count"}}),
    ("Interruption Score", CONVERSATION, "custom_code", "continuous_qualitative", True,
     "Rates turn-taking on a 0 to 5 scale, where 5 means nobody was cut off during the call.",
     {"configuration": {"min": 0, "max": 5}}),
    ("Stop Time After User Interruption", SPEECH, "custom_code", "numeric", True,
     "Measures in milliseconds how long the agent kept talking after the caller interrupted it.",
     {"configuration": {"unit": "ms"}}),
    ("Latency", SPEECH, "custom_code", "numeric", True,
     "Measures in milliseconds the pause between the end of a caller turn and the agent's reply.",
     {"configuration": {"unit": "ms", "percentiles": ["p25", "p50", "p75", "p90", "p95", "p99"]}}),
    ("Unnecessary Repetition Count", CONVERSATION, "llm_judge", "numeric", False,
     "Counts the agent turns that repeat information the caller already had, without being asked to.",
     {"configuration": {"unit": "count"}}),
    ("Unnecessary Repetition Score", CONVERSATION, "llm_judge", "continuous_qualitative", False,
     "Rates on a 0 to 5 scale how free the agent's answers were from needless repetition.",
     {"configuration": {"min": 0, "max": 5}}),
    ("Verbosity", CONVERSATION, "llm_judge", "continuous_qualitative", False,
     "Rates from 1 to 5 whether the agent's turns were short enough for a phone conversation.",
     {"configuration": {"min": 1, "max": 5}}),
    ("Detect Silence", SPEECH, "custom_code", "binary", True,
     "Flags calls with a stretch of dead air long enough for the caller to wonder if the line dropped.", {}),
    ("Sentiment", EXPERIENCE, "llm_judge", "enum", False,
     "Labels how the caller felt by the end of the call.",
     {"enum_values": ["positive", "neutral", "negative"]}),
    ("Topic of Call", EXPERIENCE, "llm_judge", "enum", False,
     "Labels the main reason the caller got in touch.",
     {"enum_values": ["appointment", "billing", "support", "sales", "other"]}),
    ("Dropoff Node", EXPERIENCE, "llm_judge", "enum", False,
     "Names the step of the agent's flow at which the caller hung up, when the call ended early.",
     {"enum_values": []}),
    ("Pronunciation Check", SPEECH, "llm_judge", "binary", True,
     "Checks from the recording that names, numbers and domain words were pronounced correctly.", {}),
    ("Infrastructure Issues", SPEECH, "custom_code", "binary", True,
     "Flags calls hurt by the platform itself: dropped audio, failed speech recognition or provider errors.", {}),
    ("Customer Satisfaction", EXPERIENCE, "llm_judge", "continuous_qualitative", False,
     "Rates from 1 to 5 how satisfied the caller most likely was with the way the call went.",
     {"configuration": {"min": 1, "max": 5}}),
]


def snake_case(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


@functools.cache
def _catalog() -> tuple[dict[str, Any], ...]:
    out = []
    for number, (name, category, typ, eval_type, audio, description, extra) in enumerate(_ENTRIES, start=1):
        slug = snake_case(name)
        out.append({
            "id": number, "name": name, "slug": slug, "description": description, "code": "",
            "type": typ, "eval_type": eval_type, "audio_enabled": audio, "prompt": "",
            "function_name": slug, "enum_values": extra.get("enum_values"),
            "custom_code": "", "simulation_enabled": True, "observability_enabled": True,
            "configuration": extra.get("configuration", {}), "cost": COST,
            "evaluation_trigger": "always", "evaluation_trigger_prompt": "",
            "category": category, "sub_category": None, "organization": None,
        })
    return tuple(out)


def predefined_metrics() -> list[dict[str, Any]]:
    return [dict(m) for m in _catalog()]


def predefined_metric(id: int) -> dict[str, Any] | None:
    entries = _catalog()
    return dict(entries[id - 1]) if 1 <= id <= len(entries) else None


# -- handlers -------------------------------------------------------------------------------

def list_handler(ctx) -> tuple[int, Any]:
    return 200, predefined_metrics()


def retrieve_handler(ctx) -> tuple[int, Any]:
    from ._http import not_found

    entry = predefined_metric(ctx.params["id"])
    if entry is None:
        raise not_found()
    return 200, entry
