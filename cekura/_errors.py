"""The exception tree. Every failure the SDK raises is a `CekuraError`.

    CekuraError
    ├── ConfigurationError            no API key, unreadable config file
    ├── ValidationError               bad input: caught before sending (status None) or a 400 answer
    ├── APIError                      the server answered with an error status
    │   ├── AuthenticationError       401
    │   ├── PermissionDeniedError     403
    │   ├── NotFoundError             404
    │   ├── ConflictError             409
    │   ├── RateLimitError            429 (carries retry_after)
    │   ├── ServerError               5xx
    │   └── RedirectError             3xx: never followed (the key would go along); names the target
    ├── APIConnectionError            the request did not get an answer
    │   └── APITimeoutError           ... because a timeout expired
    ├── APIResponseError              the answer could not be read (e.g. malformed JSON)
    │   └── ResponseTooLargeError     ... because it is larger than max_response_bytes
    └── JobError                      a background job failed
        └── JobTimeoutError           ... or did not finish in time

`ValidationError` on a 400 is also an `APIError` subclass-compatible object: it carries
`status`, `body`, `method` and `path` like every other error, plus `errors`, the field map.
"""

from __future__ import annotations

TYPE_CHECKING = False  # imported by `import cekura`: no `typing` import at run time
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any

__all__ = [
    "CekuraError",
    "ConfigurationError",
    "ValidationError",
    "APIError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RateLimitError",
    "ServerError",
    "RedirectError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseError",
    "ResponseTooLargeError",
    "JobError",
    "JobTimeoutError",
    "UnknownArgumentError",
]


class CekuraError(Exception):
    """Base class of every error raised by this SDK.

    Attributes: `status` (HTTP status or None), `body` (parsed JSON body, text, or None),
    `method` and `path` of the request concerned (None when no request was involved),
    `headers` of the response (None when none arrived) and its `request_id` (from the
    response's `X-Request-Id` header, when the server sends one).
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        body: Any = None,
        method: str | None = None,
        path: str | None = None,
        headers: Mapping[str, str] | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.body = body
        self.method = method
        self.path = path
        self.headers = headers
        self.request_id = request_id

    def __str__(self) -> str:
        where = f"{self.method} {self.path}: " if self.method and self.path else ""
        return f"{where}{self.message}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r}, status={self.status!r})"


class ConfigurationError(CekuraError):
    """The client cannot be set up (e.g. no API key anywhere)."""


class APIError(CekuraError):
    """The server answered with an error status."""


class ValidationError(APIError):
    """Input was refused: by the SDK before sending (status None) or by the server (400).

    `errors` maps each offending field to a list of messages, as the API does.
    """

    def __init__(self, message: str, *, errors: dict[str, Any] | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.errors: dict[str, Any] = errors or {}


class UnknownArgumentError(ValidationError, TypeError):
    """A keyword argument or field the method does not know; refused before anything is sent.

    Also a `TypeError`, as Python's own unexpected-keyword error is. `suggestions` lists the
    closest known names (`promt` -> `prompt`). Fields the SDK does not know yet can be sent
    with `extra_body={...}`.
    """

    def __init__(self, message: str, *, suggestions: list[str] | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.suggestions = suggestions or []


def suggest(word: str, known: Iterable[str]) -> list[str]:
    """The known names closest to `word`: `agent` -> agent_id, agents; `promt` -> prompt."""
    import difflib

    names = sorted(set(known))
    prefixed = [n for n in names if n.startswith(word + "_") or word.startswith(n + "_")]
    close = difflib.get_close_matches(word, names, n=3, cutoff=0.6)
    return list(dict.fromkeys(prefixed + close))[:3]


def unknown_argument(name: str, known: Iterable[str], where: str, *, kind: str = "argument") -> UnknownArgumentError:
    known = list(known)
    hints = suggest(name, known)
    mean = f"; did you mean {' or '.join(repr(h) for h in hints)}?" if hints else ""
    if kind == "field":
        message = (
            f"unknown field {name!r} in {where}{mean} Nothing was sent "
            "(send fields the SDK does not know yet with extra_body={...})."
        )
    else:
        message = f"{where} got an unknown {kind} {name!r}{mean} Nothing was sent."
    return UnknownArgumentError(
        message,
        errors={name: [f"unknown {kind}" + (f"; did you mean {hints[0]!r}?" if hints else "")]},
        suggestions=hints,
    )


class AuthenticationError(APIError):
    """401: no key, or a key the service does not accept."""


class PermissionDeniedError(APIError):
    """403: the key may not do this."""


class NotFoundError(APIError):
    """404: nothing with that id is visible to this key."""


class ConflictError(APIError):
    """409: the request conflicts with the current state."""


class RateLimitError(APIError):
    """429: too many requests. `retry_after` is the server's advice in seconds, if it gave one."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


class ServerError(APIError):
    """5xx: the service failed."""


class RedirectError(APIError):
    """3xx: the server sent the request elsewhere. The SDK never follows a redirect, since the
    API key would travel with it; `location` is the target the server named (or None)."""

    def __init__(self, message: str, *, location: str | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.location = location


class APIConnectionError(CekuraError):
    """No answer arrived. `may_have_reached_server` says whether the server could have acted on it."""

    def __init__(self, message: str, *, may_have_reached_server: bool = True, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.may_have_reached_server = may_have_reached_server


class APITimeoutError(APIConnectionError):
    """A timeout expired before the answer arrived."""


class APIResponseError(CekuraError):
    """The server's answer could not be understood (e.g. a body that is not JSON)."""


class ResponseTooLargeError(APIResponseError):
    """The answer is larger than the client's `max_response_bytes` (counted after decompression);
    reading stopped there. `limit` is that limit in bytes, `status` the answer's HTTP status."""

    def __init__(self, message: str, *, limit: int | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.limit = limit


class JobError(CekuraError):
    """A background job (metric generation, feedback processing) failed."""

    def __init__(self, message: str, *, job: dict[str, Any] | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.job = job or {}


class JobTimeoutError(JobError):
    """A background job did not finish within the time the caller allowed."""


_BY_STATUS: dict[int, type[APIError]] = {
    400: ValidationError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: ValidationError,
    429: RateLimitError,
}


def error_class_for(status: int) -> type[APIError]:
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    return ServerError if status >= 500 else APIError
