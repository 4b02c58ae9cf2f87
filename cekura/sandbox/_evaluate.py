"""How the sandbox scores a metric on a call or a run, without an LLM and without running code blindly.

* An LLM-judge metric gets a deterministic stand-in verdict, said to be one in its explanation:
  the share of the criterion's key words that occur in the transcript decides it.
* A custom-code metric runs through the local metric runner (``cekura.local``) when that
  package is installed; otherwise the score is ``None`` and the explanation says it was not
  evaluated. The sandbox never makes a score up.

Scores follow the platform: a binary metric scores 5 (pass) or 0 (fail); ``None`` is N/A.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

STAND_IN = "Sandbox stand-in verdict (no LLM was called)"
NOT_EVALUATED = ("Not evaluated: the sandbox runs custom code only through the local metric runner "
                 "(cekura.local), which is not available here. No score was made up.")
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_STOP = frozenset("""
    that this with when what will have from they them then than there their about after before
    call calls caller agent agents metric fail fails pass passes only every each other into were
    been being does done your yours just also should would could must answer true false clearly
    """.split())


def criterion_words(metric: dict[str, Any]) -> list[str]:
    text = f"{metric.get('description') or ''} {metric.get('prompt') or ''}".lower()
    return list(dict.fromkeys(w for w in _WORD.findall(text) if w not in _STOP))


def _judge(metric: dict[str, Any], subject: dict[str, Any]) -> dict[str, Any]:
    words = criterion_words(metric)
    transcript = str(subject.get("transcript") or "").lower()
    matched = [w for w in words if w[:5] in transcript]  # a crude stem: "booked" matches "booking"
    ratio = len(matched) / len(words) if words else 0.5
    shown = ", ".join(matched[:8]) or "none"
    reason = (f"{STAND_IN}: {len(matched)} of {len(words)} key words of the metric's criterion occur in the "
              f"transcript ({shown}).")
    eval_type = metric.get("eval_type", "binary")
    out: dict[str, Any] = {"extra": {"sandbox_stand_in": True, "matched_words": matched}}
    if eval_type == "binary":
        passed = ratio >= 0.25
        out.update(score=5 if passed else 0, value=passed)
    elif eval_type == "continuous_qualitative":
        out.update(score=round(min(5.0, ratio * 5 / 0.6), 1))
        out["value"] = out["score"]
    elif eval_type == "numeric":
        turns = [t for t in subject.get("transcript_json") or () if t.get("role") == "Main Agent"]
        out.update(score=len(turns), value=len(turns))
        reason = f"{STAND_IN}: counted the agent's turns ({len(turns)})."
    else:  # enum
        labels = [str(v) for v in metric.get("enum_values") or []]
        if not labels:
            out.update(score=None, value=None)
        else:
            digest = hashlib.sha256((",".join(words) + transcript).encode()).digest()
            label = labels[digest[0] % len(labels)]
            out.update(score=None, value=label, enum=label)
            reason = f"{STAND_IN}: label chosen from a hash of the criterion and the transcript."
    out["explanation"] = [reason]
    return out


def _custom_code(metric: dict[str, Any], subject: dict[str, Any]) -> dict[str, Any]:
    runner = _local_runner()
    if runner is None:
        return {"score": None, "value": None, "explanation": [NOT_EVALUATED],
                "extra": {"evaluated": False}}
    found: dict[str, Any] = runner(metric, subject)  # isolated worker processes (cekura.local)
    found.setdefault("extra", {})
    return found


def _local_runner() -> Any:
    """`cekura.local.platform_verdict(metric, call_or_run)`, or None while the runner is absent."""
    try:
        from cekura import local  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    return getattr(local, "platform_verdict", None)


def verdict(metric: dict[str, Any], subject: dict[str, Any]) -> dict[str, Any]:
    """{score, value, explanation, extra[, enum]}: the metric's raw verdict on a call or run."""
    return _custom_code(metric, subject) if metric.get("type") == "custom_code" else _judge(metric, subject)


def score(metric: dict[str, Any], subject: dict[str, Any]) -> dict[str, Any]:
    """One metric's verdict on a call or run, in the shape of `evaluation.metrics[]`."""
    found = verdict(metric, subject)
    entry = {"id": metric["id"], "name": metric["name"], "type": metric.get("eval_type", "binary"),
             "score": found["score"], "explanation": found["explanation"], "extra": found["extra"]}
    if "enum" in found:  # enum metrics answer a label instead of a score
        entry["enum"] = entry["value"] = found["enum"]
    if metric.get("function_name"):
        entry["function_name"] = metric["function_name"]
    return entry


def apply(subject: dict[str, Any], metrics: list[dict[str, Any]]) -> dict[str, Any]:
    """Score ``metrics`` on ``subject`` (a call log or run doc), replacing their earlier scores."""
    evaluation = subject.setdefault("evaluation", {"metrics": []})
    by_id = {entry["id"]: entry for entry in evaluation["metrics"]}
    for metric in metrics:
        previous = by_id.get(metric["id"], {})
        entry = score(metric, subject)
        if "vote" in previous:  # a reviewer's vote stays with the judgment it was about
            entry["vote"] = previous["vote"]
        by_id[metric["id"]] = entry
    evaluation["metrics"] = sorted(by_id.values(), key=lambda e: e["id"])
    refresh_status(subject)
    return subject


def refresh_status(subject: dict[str, Any]) -> None:
    """`success`/`status` from the binary scores (a vote's expected value wins over the metric's)."""
    verdicts = []
    for entry in subject.get("evaluation", {}).get("metrics", []):
        if entry.get("type") != "binary":
            continue
        vote = entry.get("vote") or {}
        value = entry.get("score")
        if vote.get("expected_value") is not None:
            expected = vote["expected_value"]
            value = 5 if expected in (True, 5, "5", "true", "True", "pass") else 0
        elif vote.get("thumbs_up") is False and value is not None:
            value = 0 if value else 5
        if value is not None:
            verdicts.append(value >= 5)
    success = all(verdicts) if verdicts else None
    is_call = "call_id" in subject
    subject["success"] = success if is_call else success is not False  # a run's success is never null
    prefix = "reviewed_" if subject.get("is_reviewed") else ""
    subject["status" if is_call else "evaluation_status"] = (
        f"{prefix}{'success' if success is not False else 'failure'}")
