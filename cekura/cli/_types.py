"""argparse `type=` converters. They refuse bad input at parse time, so nothing is sent.

Each raises argparse.ArgumentTypeError; argparse then names the flag in the message.
They check shape only (numbers, ids, booleans); documented words such as `boolean` or
`python` pass through unchanged: the SDK owns that vocabulary.
"""

from __future__ import annotations

from argparse import ArgumentTypeError

MAX_ID = 2**63 - 1
TRUE_WORDS = ("true", "yes", "y", "1", "on")
FALSE_WORDS = ("false", "no", "n", "0", "off")


def positive_id(text: str) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or not 0 < int(value) <= MAX_ID:
        raise ArgumentTypeError(f"expected a positive whole-number id, got {text!r}")
    return int(value)


def id_list(text: str) -> list[int]:
    """`55,56` or `55` -> [55, 56]."""
    parts = [p.strip() for p in text.split(",")]
    if not text.strip() or any(not p for p in parts):
        raise ArgumentTypeError(f"expected comma-separated ids such as 55,56, got {text!r}")
    return [positive_id(p) for p in parts]


def slug(text: str) -> str:
    """A metric slug (booking_confirmed_55); never a path (`/`, `..`)."""
    value = text.strip()
    if value and value.isascii() and value[0].isalpha() and all(c.isalnum() or c in "_-" for c in value):
        return value
    raise ArgumentTypeError(f"expected a slug (a letter, then letters, digits, _ and -), got {text!r}")


def job_id(text: str) -> str:
    value = text.strip()
    if not value or not value.isascii() or not all(c.isalnum() or c in "_-" for c in value):
        raise ArgumentTypeError(f"expected a job id (letters, digits, - and _), got {text!r}")
    return value


def boolean(text: str) -> bool:
    value = text.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ArgumentTypeError(f"expected true or false, got {text!r}")


def _whole(text: str, low: int, high: int) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
        raise ArgumentTypeError(f"expected a whole number from {low} to {high}, got {text!r}")
    return int(value)


def count(text: str) -> int:
    return _whole(text, 1, 100)


def page_size(text: str) -> int:
    number = positive_id(text)
    if number > 1000:
        raise ArgumentTypeError(f"expected at most 1000, got {text!r}")
    return number


def _number(text: str, zero_ok: bool) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not (0 <= value if zero_ok else 0 < value) or value == float("inf"):
        least = "a number of seconds >= 0" if zero_ok else "a positive number of seconds"
        raise ArgumentTypeError(f"expected {least}, got {text!r}")
    return value


def seconds(text: str) -> float:
    return _number(text, zero_ok=False)


def interval(text: str) -> float:
    return _number(text, zero_ok=True)


def retries(text: str) -> int:
    return _whole(text, 0, 100)


def port(text: str) -> int:
    return _whole(text, 0, 65535)


def api_url(text: str) -> str:
    value = text.strip()
    lowered = value.lower()
    if lowered.startswith("sandbox:") or (lowered.startswith(("http://", "https://")) and len(value) > 8):
        return value
    raise ArgumentTypeError(f"expected a URL starting with https://, http:// or sandbox://, got {text!r}")


def text_list(text: str) -> list[str]:
    """`a,b,c` -> ["a", "b", "c"] (for --enum-values)."""
    parts = [p.strip() for p in text.split(",")]
    if any(not p for p in parts):
        raise ArgumentTypeError(f"expected comma-separated values such as pass,fail, got {text!r}")
    return parts


def jmespath_expression(text: str) -> str:
    """A JMESPath expression (checked here, so a bad one is refused before anything is sent)."""
    import jmespath
    from jmespath.exceptions import JMESPathError

    try:
        jmespath.compile(text)
    except JMESPathError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ArgumentTypeError(f"not a valid JMESPath expression ({first}): {text!r}") from None
    return text


def http_method(text: str) -> str:
    value = text.strip().upper()
    if value not in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        raise ArgumentTypeError(f"expected GET, POST, PUT, PATCH or DELETE, got {text!r}")
    return value


def field(text: str) -> tuple[str, str]:
    """`key=value` (for -f/-F): the key is not empty."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value


# ----------------------------------------------------------------------------- calls, runs, votes (issue #11)
def json_value(text: str) -> object:
    """--expected-value: JSON when it parses (5, true, null, "x", [..]), else the text itself."""
    import json

    try:
        return json.loads(text)
    except ValueError:
        return text


def json_object(text: str) -> dict:
    """--filters: a JSON object."""
    import json

    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise ArgumentTypeError(f'expected a JSON object such as {{"field": "success", "op": "eq", "value": true}}, '
                                f"got {text!r}")
    return value


def timestamp(text: str) -> str:
    """An ISO 8601 date or date-time (2026-01-31 or 2026-01-31T23:59:59Z)."""
    from datetime import datetime

    value = text.strip()
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ArgumentTypeError(f"expected an ISO 8601 time such as 2026-01-31T23:59:59Z, got {text!r}") from None
    return value if "T" in value else f"{value}T00:00:00Z"


def ids_or_all(text: str) -> list[int] | str:
    """`7788,7789` or `all`."""
    if text.strip().lower() == "all":
        return "all"
    return id_list(text)


# ----------------------------------------------------------------------------- local metric runner
def rate(text: str) -> float:
    """`0.9`, `90%` -> 0.9 (for --fail-under)."""
    value = text.strip()
    try:
        number = float(value[:-1]) / 100 if value.endswith("%") else float(value)
    except ValueError:
        number = float("nan")
    if not 0 <= number <= 1:
        raise ArgumentTypeError(f"expected a rate from 0 to 1 or a percentage such as 90%, got {text!r}")
    return number


def workers(text: str) -> int:
    return _whole(text, 1, 64)


def megabytes(text: str) -> int:
    return _whole(text, 16, 1024 * 1024)
