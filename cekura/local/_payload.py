"""From what the API returns about a call to the `data` dict the platform gives metric code.

`build_payload(detail)` accepts a production call log (`GET /observability/v1/call-logs/{id}/`)
or a simulation run (`GET /test_framework/v1/runs/{id}/`) and returns the payload, with:

| payload key | from the call log / run |
|---|---|
| `transcript` | `transcript_object` formatted as `[MM:SS] Main Agent: ...` lines (else the `transcript` text) |
| `transcript_json` | `transcript_object` as `{role, time: "MM:SS", content, start_time, end_time}` |
| `call_duration` | seconds, from `duration` ("MM:SS"), else the transcript's last `end_time` |
| `call_end_reason` | `call_ended_reason`, else `metadata.ended_reason` |
| `voice_recording` | `voice_recording_url` |
| `agent_description` | the `agent` argument's `description` (the call log does not carry it) |
| `date`, `timestamp` | `timestamp` (date: its `YYYY-MM-DD` part) |
| `metadata` | `metadata` |
| `recording_data`, `latency_data` | the same keys when present, else `{}` |
| `<metric name>`, `explanation[<metric name>]` | `evaluation.metrics[]`: binary scores as bool (5 -> True, 0 -> False), enum metrics' `value`, other scores as numbers; explanations as given |
| production: `dynamic_variables`, `call_log_id`, `topic` | `dynamic_variables`, `id`, `topic` |
| simulation: `run_id`, `expected_outcome`, `expected_outcome_explanation`, `test_profile`, `provider_call_id`, `provider_call_data`, `cekura_transcript_json`, `tags` | `id`, `expected_outcome`, the Expected Outcome metric's explanation, `test_profile_data.information`, `provider_call_id`, `provider_call_details`, the transcript with roles `assistant` / `user`, `tags` |

Roles are normalised to the platform's words: the agent under test is "Main Agent", the
caller (or Cekura's testing agent) is "Testing Agent".
"""

from __future__ import annotations

from typing import Any

from .._vocabulary import wire_value

MAIN, TESTER = "Main Agent", "Testing Agent"
_ROLE_WORDS = {
    "main agent": MAIN, "assistant": MAIN, "agent": MAIN, "bot": MAIN, "ai": MAIN, "main_agent": MAIN,
    "testing agent": TESTER, "user": TESTER, "customer": TESTER, "caller": TESTER, "human": TESTER,
    "testing_agent": TESTER,
}
_CEKURA_ROLES = {MAIN: "assistant", TESTER: "user"}

#: Keys that mark a dict as an API call log / run rather than a payload (payloads never carry them).
_API_MARKERS = ("transcript_object", "evaluation", "voice_recording_url", "call_ended_reason", "provider_call_details")


def is_payload(obj: Any) -> bool:
    """True if `obj` already has the payload's shape (not a call log or run from the API)."""
    if not isinstance(obj, dict):
        return False
    return not any(key in obj for key in _API_MARKERS)


def as_payload(obj: Any) -> dict[str, Any]:
    """A payload as is; a call log or run from the API through `build_payload`."""
    if not isinstance(obj, dict):
        raise TypeError(f"a call must be a JSON object; got {type(obj).__name__}")
    return obj if is_payload(obj) else build_payload(obj)


def mmss(seconds: Any) -> str:
    """Seconds -> "MM:SS" (minutes keep counting past 59, as the platform's transcripts do)."""
    try:
        total = int(float(seconds))
    except (TypeError, ValueError):
        return "00:00"
    total = max(total, 0)
    return f"{total // 60:02d}:{total % 60:02d}"


def seconds_of(text: Any) -> float | None:
    """"MM:SS" / "HH:MM:SS" / a number -> seconds."""
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text)
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        parts = [float(p) for p in text.strip().split(":")]
    except ValueError:
        return None
    total = 0.0
    for part in parts:
        total = total * 60 + part
    return total


def role(value: Any) -> str:
    text = str(value or "").strip()
    return _ROLE_WORDS.get(text.lower(), text)


def transcript_entries(items: Any) -> list[dict[str, Any]]:
    """An API `transcript_object` -> the payload's `transcript_json` entries."""
    entries = []
    for item in items or ():
        if not isinstance(item, dict):
            continue
        start = item.get("start_time", item.get("timestamp"))
        start_s = seconds_of(start)
        end_s = seconds_of(item.get("end_time"))
        time_text = item.get("time") if isinstance(item.get("time"), str) else mmss(start_s or 0)
        entries.append(
            {
                "role": role(item.get("role")),
                "time": time_text,
                "content": str(item.get("content") or ""),
                "start_time": start_s,
                "end_time": end_s,
            }
        )
    return entries


def format_transcript(entries: list[dict[str, Any]]) -> str:
    """`[MM:SS] Main Agent: Hello.` lines, one per turn."""
    return "\n".join(f"[{e['time']}] {e['role']}: {e['content']}" for e in entries)


def metric_value(metric: dict[str, Any]) -> Any:
    """One entry of `evaluation.metrics[]` -> the value other metrics' code sees under its name."""
    kind = str(metric.get("type") or "").lower()
    if kind == "enum" or (metric.get("value") not in (None, "") and metric.get("score") is None):
        return metric.get("value")
    score = metric.get("score")
    if score is None:
        return None
    if wire_value("eval_type", kind) == "binary" or kind.startswith("binary"):
        return score >= 5 if isinstance(score, (int, float)) else score
    if isinstance(score, float) and score.is_integer() and kind == "numeric":
        return int(score)
    return score


def _metrics(detail: dict[str, Any]) -> list[dict[str, Any]]:
    evaluation = detail.get("evaluation")
    metrics = evaluation.get("metrics") if isinstance(evaluation, dict) else None
    return [m for m in metrics or () if isinstance(m, dict) and m.get("name")]


def is_run(detail: dict[str, Any]) -> bool:
    return any(k in detail for k in ("result_id", "scenario", "expected_outcome", "test_profile_data", "run_type"))


def build_payload(detail: dict[str, Any], *, agent: dict[str, Any] | None = None, kind: str | None = None) -> dict[str, Any]:
    """The platform's `data` dict for one call log or run, as the API returned it.

    `agent` (optional): the agent's record, for `agent_description`. `kind`: "call_log" or
    "run" (default: guessed from the fields present). Unknown fields are ignored; the
    input is not modified.
    """
    if not isinstance(detail, dict):
        raise TypeError(f"a call log or run must be a JSON object; got {type(detail).__name__}")
    run = kind == "run" if kind else is_run(detail)
    entries = transcript_entries(detail.get("transcript_object"))
    transcript = format_transcript(entries) if entries else str(detail.get("transcript") or "")
    raw_metadata = detail.get("metadata")
    metadata: dict[str, Any] = raw_metadata if isinstance(raw_metadata, dict) else {}
    given = detail.get("call_duration")  # some answers carry the exact seconds beside "MM:SS"
    duration = float(given) if isinstance(given, (int, float)) and not isinstance(given, bool) else None
    if duration is None:
        duration = seconds_of(detail.get("duration"))
    if duration is None and entries:
        ends = [e["end_time"] or e["start_time"] or 0 for e in entries]
        duration = max(ends) if ends else None
    timestamp = detail.get("timestamp") or detail.get("created_at")
    agent_record: dict[str, Any] = agent or {}
    data: dict[str, Any] = {
        "transcript": transcript,
        "transcript_json": entries,
        "call_duration": duration,
        "call_end_reason": detail.get("call_ended_reason") or metadata.get("ended_reason") or "",
        "voice_recording": detail.get("voice_recording_url") or "",
        "agent_description": agent_record.get("description") or "",
        "date": timestamp[:10] if isinstance(timestamp, str) else None,
        "timestamp": timestamp,
        "metadata": metadata,
        "recording_data": detail.get("recording_data") or {},
        "latency_data": detail.get("latency_data") or {},
    }
    explanations: dict[str, Any] = {}
    for metric in _metrics(detail):
        data[metric["name"]] = metric_value(metric)
        explanations[metric["name"]] = metric.get("explanation")
    data["explanation"] = explanations
    if run:
        profile = detail.get("test_profile_data")
        outcome_explanation = next(
            (m.get("explanation") for m in _metrics(detail) if str(m.get("name")).lower() == "expected outcome"), None
        )
        data.update(
            run_id=detail.get("id"),
            tags=detail.get("tags") or [],
            expected_outcome=detail.get("expected_outcome") or detail.get("expected_outcome_prompt") or "",
            expected_outcome_explanation=outcome_explanation,
            test_profile=(profile.get("information") or {}) if isinstance(profile, dict) else {},
            provider_call_id=detail.get("provider_call_id") or "",
            provider_call_data=detail.get("provider_call_details") or {},
            cekura_transcript_json=[
                {**e, "role": _CEKURA_ROLES.get(e["role"], e["role"])} for e in entries
            ],
        )
    else:
        data.update(
            dynamic_variables=detail.get("dynamic_variables") or {},
            call_log_id=detail.get("id"),
            topic=detail.get("topic") or "",
        )
    return data


def stored_results(detail: dict[str, Any]) -> dict[Any, Any]:
    """{metric id: value, metric name: value} of the scores the platform stored on a call log or run."""
    out: dict[Any, Any] = {}
    for metric in _metrics(detail):
        value = metric_value(metric)
        out[metric["name"]] = value
        if metric.get("id") is not None:
            out[metric["id"]] = value
    return out


def call_id_of(data: Any, default: Any = None) -> Any:
    """The id a payload (or call log / run) is known by: call_log_id, run_id, id, call_id."""
    if isinstance(data, dict):
        for key in ("call_log_id", "run_id", "id", "call_id"):
            value = data.get(key)
            if value not in (None, ""):
                return value
    return default
