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


class Declined(Exception):
    """The user answered no to a confirmation. Exit code 1; nothing was changed."""


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


def connection_flags(args: Any) -> str:
    """The global flags that chose the server (never the key), to repeat in suggested commands."""
    parts = []
    if getattr(args, "sandbox", False):
        parts.append("--sandbox")
    url = getattr(args, "api_url", None)
    if url:
        import shlex

        parts.append(f"--api-url {shlex.quote(url)}")
    profile = getattr(args, "profile", None)
    if profile:
        parts.append(f"--profile {profile}")
    return "".join(" " + part for part in parts)


def describe(exc: BaseException, flags: str = "", origin: str | None = None) -> tuple[str, str | None]:
    """(message, hint) for an SDK error, in the CLI's words.

    `flags`: the user's connection flags, repeated in every command a hint suggests;
    `origin`: the API URL talked to (named in the message; None for the sandbox).
    """
    from .._errors import (
        APIConnectionError,
        APIResponseError,
        AuthenticationError,
        ConfigurationError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        ValidationError,
    )

    def cmd(command: str) -> str:
        return f"`{command}{flags}`"

    message = str(exc)
    method, path = getattr(exc, "method", None), getattr(exc, "path", None)
    if origin and method and path:
        message = f"{method} {origin}{path}: {exc.message}"  # type: ignore[attr-defined]
    hint: str | None = getattr(exc, "cli_hint", None)
    if isinstance(exc, ConfigurationError):
        if str(exc).startswith("No API key"):
            return "no API key found", NO_KEY_HINT.replace(
                "`cekura auth login --api-key -`", cmd("cekura auth login --api-key -")
            )
        return message, hint or "see `cekura config get` and `cekura auth status`"
    if hint:
        return message, hint
    not_api = isinstance(exc, (NotFoundError, APIResponseError)) and not isinstance(
        getattr(exc, "body", None), (dict, list)
    )
    if not_api and origin:
        status = getattr(exc, "status", None)
        message = (
            f"{method} {origin}{path}: HTTP {status} with an answer that is not the Cekura API's JSON; "
            "the API URL is probably wrong"
        )
        return message, (
            f"the API URL in use is {origin} (the default is https://api.cekura.ai); "
            f"see where it comes from with {cmd('cekura config get api_url')}"
        )
    if isinstance(exc, AuthenticationError):
        hint = (
            f"check which key is in use with {cmd('cekura auth status')}; "
            f"log in again with {cmd('cekura auth login')}"
        )
    elif isinstance(exc, PermissionDeniedError):
        hint = "this key may not do that; check the project and organization it belongs to"
    elif isinstance(exc, NotFoundError):
        where = next((k for k in _LISTERS if k in (exc.path or "")), "")
        hint = "check the id; list what exists with " + (
            _LISTERS[where] if where == "progress" else cmd(_LISTERS.get(where, "cekura metrics list --agent-id ID"))
        )
    elif isinstance(exc, RateLimitError):
        wait = getattr(exc, "retry_after", None)
        hint = (
            f"too many requests; try again in {wait:g}s" if wait else "too many requests; try again shortly"
        )
    elif isinstance(exc, APIConnectionError):
        hint = f"check the network and the API URL ({cmd('cekura auth status')}); --debug logs each request"
    elif isinstance(exc, ValidationError) and exc.status is None:
        hint = "nothing was sent; fix the input and try again"
    return message, hint


def report(
    exc: BaseException, stream: TextIO | None = None, *, flags: str = "", origin: str | None = None
) -> int:
    """Tell an error on stderr in one or two lines and return its exit code."""
    stream = stream or sys.stderr
    if isinstance(exc, UsageError):
        tell(stream, exc.message, exc.hint)
    else:
        tell(stream, *describe(exc, flags, origin))
    return exit_code_for(exc)


def attach_hint(exc: Any, hint: str) -> Any:
    """Give an SDK error a CLI hint (shown by `report`)."""
    exc.cli_hint = hint
    return exc


#: Where to look for valid ids, by the path that answered 404.
_LISTERS = {
    "critical-metric-scenarios": "cekura critical-metric-scenarios list --metric-id ID",
    "predefined-metrics": "cekura predefined-metrics list",
    "progress": "the id printed when the job started (jobs are kept for a limited time)",
    "call-logs": "`cekura calls list --agent-id ID`",
    "/runs/": "`cekura results get RESULT_ID` (its runs)",
    "/results/": "the result id shown in the dashboard, or a run's `result_id` (`cekura runs get ID`)",
}
