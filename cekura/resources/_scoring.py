"""Helpers shared by the resources that score calls and runs (calls, runs, results, test sets)."""

from __future__ import annotations

import datetime
import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .._core import Context, Emit, call, id_list, positive_id
from .._errors import ValidationError
from .._typing import PageFlow


def ids(value: Any, name: str, *, at_most: int | None = None) -> list[int]:
    """A non-empty list of positive ids (one id or "1,2" accepted), optionally at most `at_most`."""
    numbers = id_list(value, name)
    if not numbers:
        raise ValidationError(f"{name} must not be empty", errors={name: ["expected at least one id"]})
    if at_most is not None and len(numbers) > at_most:
        raise ValidationError(
            f"{name} takes at most {at_most} ids, got {len(numbers)}", errors={name: [f"at most {at_most} ids"]}
        )
    return list(dict.fromkeys(numbers))


def one_of(name: str, *candidates: tuple[str, Any]) -> None:
    """Refuse more than one of several mutually exclusive arguments."""
    given = [label for label, value in candidates if value is not None]
    if len(given) > 1:
        raise ValidationError(
            f"give {' or '.join(label for label, _ in candidates)}, not both", errors={name: ["given twice"]}
        )


def agent_or_project(ctx: Context, body: dict[str, Any], agent_id: Any, project_id: Any, *, named: str,
                     meaning: str) -> None:
    """Put ``agent_id`` or ``project_id`` (else the client's default project) into ``body``.

    ``named`` is the argument errors are filed under, ``meaning`` says what the id is for."""
    other = "project_id" if named == "agent_id" else "agent_id"
    one_of(named, (named, agent_id if named == "agent_id" else project_id),
           (other, project_id if named == "agent_id" else agent_id))
    if agent_id is not None:
        body["agent_id"] = positive_id(agent_id, "agent_id")
    elif project_id is not None or ctx.project_id is not None:
        body["project_id"] = positive_id(project_id if project_id is not None else ctx.project_id, "project_id")
    else:
        raise ValidationError(f"give {named} or {other} ({meaning}), or set a default project",
                              errors={named: ["This field is required."]})


def timestamp(value: Any, name: str) -> str:
    """An ISO 8601 date-time (a datetime or a string) as the API reads it."""
    if isinstance(value, datetime.datetime):
        when = value if value.tzinfo else value.replace(tzinfo=datetime.UTC)
        return when.isoformat().replace("+00:00", "Z")
    if isinstance(value, datetime.date):
        return f"{value.isoformat()}T00:00:00Z"
    if isinstance(value, str):
        try:
            datetime.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return value.strip()
    raise ValidationError(
        f"{name} must be an ISO 8601 date-time such as 2026-01-31T23:59:59Z (or a datetime), got {value!r}",
        errors={name: ["expected an ISO 8601 date-time"]},
    )


def json_filter(value: Any, name: str) -> str:
    """A filter tree (dict) as JSON text; a string must already be a JSON object."""
    if isinstance(value, dict):
        return json.dumps(value, separators=(",", ":"))
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            return value
    raise ValidationError(
        f'{name} must be a filter object such as {{"field": "success", "op": "eq", "value": true}}',
        errors={name: ["expected a JSON object"]},
    )


def _page_of(next_url: Any) -> int | None:
    """The page number in a `next` link, or None when there is no next page."""
    if not next_url or not isinstance(next_url, str):
        return None
    values = parse_qs(urlsplit(next_url).query).get("page")
    try:
        return int(values[0]) if values else None
    except ValueError:
        return None


def walk_pages(
    ctx: Context, operation_id: str, query: dict[str, Any], extra: dict[str, Any] | None = None
) -> PageFlow[Any]:
    """Flow: emit every item of a paginated list, page after page (follows `next`, not `count`)."""
    page = 1
    while True:
        data = yield from call(ctx, operation_id, page=page, extra_params=extra or None, **query)
        results = data.get("results") if isinstance(data, dict) else None
        for item in results or ():
            yield Emit(item)
        next_page = _page_of(data.get("next") if isinstance(data, dict) else None)
        if not results or next_page is None or next_page <= page:
            return
        page = next_page


def page_query(page: Any, page_size: Any) -> dict[str, Any]:
    query: dict[str, Any] = {}
    if page is not None:
        query["page"] = positive_id(page, "page")
    if page_size is not None:
        query["page_size"] = positive_id(page_size, "page_size")
        if query["page_size"] > 1000:
            raise ValidationError("page_size must be at most 1000", errors={"page_size": ["must be <= 1000"]})
    return query


def vote_body(metric_id: Any, thumbs_up: Any, expected_value: Any, feedback: Any) -> dict[str, Any]:
    """The body of mark_metric_vote; refuses a vote that says nothing."""
    if thumbs_up is not None and not isinstance(thumbs_up, bool):
        raise ValidationError("thumbs_up must be True, False or None", errors={"thumbs_up": ["expected a boolean"]})
    if feedback is not None and not isinstance(feedback, str):
        raise ValidationError("feedback must be text", errors={"feedback": ["expected a string"]})
    if thumbs_up is None and expected_value is None and not feedback:
        raise ValidationError(
            "a vote needs thumbs_up=True/False, an expected_value or feedback",
            errors={"thumbs_up": ["give thumbs_up, expected_value or feedback"]},
        )
    body: dict[str, Any] = {
        "metric_id": positive_id(metric_id, "metric_id"),
        "thumbs_up": thumbs_up,
        "expected_value": expected_value,
    }
    if feedback is not None:
        body["feedback"] = feedback
    return body
