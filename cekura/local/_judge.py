"""LLM-judge metrics, locally: the judge's prompt with the platform's placeholders filled.

Placeholders are written `{{name}}` with dot or bracket paths, case-sensitive:
`{{transcript}}`, `{{transcript_json}}`, `{{call_end_reason}}`, `{{date}}`, `{{timestamp}}`,
`{{agent.description}}` (also `.name`, `.language`, `.inbound`, `.contact_number`),
`{{dynamic_variables.x}}`, `{{metadata.x}}`, `{{metadata['x y']}}`, `{{test_profile.x}}`,
`{{provider_call_data.x}}`, `{{provider_call_id}}`. Any other key of the payload resolves
too. Strings are inserted as they are; other values as JSON.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_SEGMENT = re.compile(r"""\.?([A-Za-z_][A-Za-z0-9_]*)|\[\s*(-?\d+)\s*\]|\[\s*(['"])(.*?)\3\s*\]""")
_MISSING = object()


@dataclass
class RenderedPrompt:
    """The text with placeholders filled; `filled` / `unfilled` name the placeholders (in order, once each)."""

    text: str
    filled: list[str] = field(default_factory=list)
    unfilled: list[str] = field(default_factory=list)


def _path(expression: str) -> list[str | int] | None:
    """`metadata['a b'].c[0]` -> ["metadata", "a b", "c", 0]; None if it is not a path."""
    parts: list[str | int] = []
    pos = 0
    while pos < len(expression):
        match = _SEGMENT.match(expression, pos)
        if match is None or match.end() == pos or (pos == 0 and expression.startswith(".")):
            return None
        name, index, _, key = match.groups()
        parts.append(name if name is not None else int(index) if index is not None else key)
        pos = match.end()
    return parts or None


def _agent_view(data: dict[str, Any], agent: dict[str, Any] | None) -> dict[str, Any]:
    view: dict[str, Any] = {}
    if isinstance(data.get("agent"), dict):
        view.update(data["agent"])
    if agent:
        view.update(agent)
    if "description" not in view and data.get("agent_description"):
        view["description"] = data["agent_description"]
    return view


def resolve(expression: str, data: dict[str, Any], agent: dict[str, Any] | None = None) -> Any:
    """The value a placeholder names, or `_MISSING`."""
    parts = _path(expression)
    if not parts or not isinstance(parts[0], str):
        return _MISSING
    root, rest = parts[0], parts[1:]
    value: Any = _agent_view(data, agent) if root == "agent" else data.get(root, _MISSING)
    for part in rest:
        if isinstance(value, dict) and isinstance(part, str):
            value = value.get(part, _MISSING)
        elif isinstance(value, list) and isinstance(part, int) and -len(value) <= part < len(value):
            value = value[part]
        else:
            return _MISSING
        if value is _MISSING:
            return _MISSING
    if value is None or (root == "agent" and not rest):
        return _MISSING
    return value


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def render_prompt(text: str, data: dict[str, Any], agent: dict[str, Any] | None = None) -> RenderedPrompt:
    """Fill the platform's placeholders in `text` from a call's payload (and the agent's record).

    Placeholders that cannot be filled stay as written and are listed in `unfilled`.
    """
    filled: list[str] = []
    unfilled: list[str] = []

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        value = resolve(name, data, agent)
        if value is _MISSING:
            if name not in unfilled:
                unfilled.append(name)
            return match.group(0)
        if name not in filled:
            filled.append(name)
        return _text(value)

    return RenderedPrompt(PLACEHOLDER.sub(substitute, text or ""), filled, unfilled)


def judge_texts(metric: dict[str, Any]) -> list[tuple[str, str]]:
    """The texts of an LLM-judge metric that the platform fills: (field, text), non-empty ones.

    Upstream's judge reads its criterion from `description`; `prompt` matters with a
    non-default provider; `evaluation_trigger_prompt` decides whether the metric runs.
    """
    out = []
    for name in ("description", "prompt", "evaluation_trigger_prompt"):
        value = metric.get(name)
        if isinstance(value, str) and value.strip():
            if name == "prompt" and value.strip() == str(metric.get("description") or "").strip():
                continue
            if name == "evaluation_trigger_prompt" and metric.get("evaluation_trigger") not in ("custom", None):
                continue
            out.append((name, value))
    return out
