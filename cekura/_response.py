"""`RawResponse`: what `.with_raw_response` methods return: the HTTP answer and the result."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Generic, TypeVar

from ._core import request_id_of

if TYPE_CHECKING:
    import httpx

R = TypeVar("R")


class RawResponse(Generic[R]):
    """The last HTTP response of a call, with the call's result.

    `client.metrics.with_raw_response.get(55)` -> `raw.status_code`, `raw.headers`,
    `raw.request_id`, `raw.retries_taken`, `raw.elapsed`, and `raw.parse()` (the dict the
    plain method returns). For methods that make several requests (waiting for a job,
    bulk_manage_agents) the response is the last one; `elapsed` covers the whole call.
    """

    __slots__ = ("http_response", "retries_taken", "elapsed", "_parsed")

    def __init__(self, http_response: httpx.Response | None, parsed: R, *, retries_taken: int, elapsed: float) -> None:
        self.http_response = http_response
        """The httpx.Response itself (None when the call needed no request)."""
        self.retries_taken = retries_taken
        """How many times the last request was retried (0: the first attempt answered)."""
        self.elapsed = timedelta(seconds=elapsed)
        """Time the whole call took, retries and back-off included."""
        self._parsed = parsed

    @property
    def status_code(self) -> int:
        """The HTTP status of the last response (0 if the call needed no request)."""
        return 0 if self.http_response is None else self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers | dict[str, str]:
        """The response's headers (case-insensitive)."""
        return {} if self.http_response is None else self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The server's id for the request (its `X-Request-Id` header), if it sends one."""
        return None if self.http_response is None else request_id_of(self.http_response.headers)

    @property
    def url(self) -> str | None:
        return None if self.http_response is None else str(self.http_response.url)

    def parse(self) -> R:
        """The result, exactly as the plain method returns it (the server's JSON)."""
        return self._parsed

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] request_id={self.request_id!r} retries_taken={self.retries_taken}>"

