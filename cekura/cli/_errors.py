"""Exit codes, the CLI's own error type, and how any failure is told on stderr.

0 success · 1 the API refused or failed · 2 usage or bad input (nothing was sent) · 130 Ctrl-C
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

OK = 0
API_FAILURE = 1
USAGE = 2
INTERRUPTED = 130

NO_KEY_HINT = (
    "run `cekura auth login --api-key -` (reads the key from stdin), set CEKURA_API_KEY, "
    "or pass --api-key KEY; add --sandbox to try the offline sandbox without a key"
)


class UsageError(Exception):
    """Bad input detected by the CLI before anything was sent. Exit code 2."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def tell(stream: TextIO, message: str, hint: str | None = None) -> None:
    stream.write(f"error: {message}\n")
    if hint:
        stream.write(f"hint: {hint}\n")
    stream.flush()


def exit_code_for(exc: BaseException) -> int:
    """The exit code of an SDK error (or a UsageError)."""
    if isinstance(exc, UsageError):
        return USAGE
    from .._errors import ConfigurationError, ValidationError

    if isinstance(exc, ConfigurationError):
        return USAGE
    if isinstance(exc, ValidationError) and exc.status is None:
        return USAGE  # refused by the SDK before sending
    return API_FAILURE


def describe(exc: BaseException) -> tuple[str, str | None]:
    """(message, hint) for an SDK error, in the CLI's words."""
    from .._errors import (
        APIConnectionError,
        AuthenticationError,
        ConfigurationError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        ValidationError,
    )

    message = str(exc)
    hint: str | None = getattr(exc, "cli_hint", None)
    if isinstance(exc, ConfigurationError):
        if message.startswith("No API key"):
            return "no API key found", NO_KEY_HINT
        return message, hint or "see `cekura config get` and `cekura auth status`"
    if hint:
        return message, hint
    if isinstance(exc, AuthenticationError):
        hint = "check which key is in use with `cekura auth status`; log in again with `cekura auth login`"
    elif isinstance(exc, PermissionDeniedError):
        hint = "this key may not do that; check the project and organization it belongs to"
    elif isinstance(exc, NotFoundError):
        hint = "check the id; list what exists with " + _LISTERS.get(
            next((k for k in _LISTERS if k in (exc.path or "")), ""), "`cekura metrics list --agent-id ID`"
        )
    elif isinstance(exc, RateLimitError):
        wait = getattr(exc, "retry_after", None)
        hint = (
            f"too many requests; try again in {wait:g}s" if wait else "too many requests; try again shortly"
        )
    elif isinstance(exc, APIConnectionError):
        hint = "check the network and the API URL (`cekura auth status`); --debug logs each request"
    elif isinstance(exc, ValidationError) and exc.status is None:
        hint = "nothing was sent; fix the input and try again"
    return message, hint


def report(exc: BaseException, stream: TextIO | None = None) -> int:
    """Tell an error on stderr in one or two lines and return its exit code."""
    stream = stream or sys.stderr
    if isinstance(exc, UsageError):
        tell(stream, exc.message, exc.hint)
    else:
        tell(stream, *describe(exc))
    return exit_code_for(exc)


def attach_hint(exc: Any, hint: str) -> Any:
    """Give an SDK error a CLI hint (shown by `report`)."""
    exc.cli_hint = hint
    return exc


#: Where to look for valid ids, by the path that answered 404.
_LISTERS = {
    "critical-metric-scenarios": "`cekura critical-metric-scenarios list --metric-id ID`",
    "predefined-metrics": "`cekura predefined-metrics list`",
    "progress": "the id printed when the job started (jobs are kept for a limited time)",
    "call-logs": "`cekura calls list --agent-id ID`",
    "/runs/": "`cekura results get RESULT_ID` (its runs)",
    "/results/": "the result id shown in the dashboard, or a run's `result_id` (`cekura runs get ID`)",
}
