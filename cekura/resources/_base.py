"""What every resource shares: the link to its client, its mode, and the job-polling flow.

Methods are flows turned into methods by `operation` / `paginator` (see `cekura._typing`):
one definition serves `Cekura`, `AsyncCekura` and both `.with_raw_response` views.
A new resource follows the same pattern:

    class Things(Resource[M]):
        @property
        def with_raw_response(self) -> Things[Raw[M]]:
            return self._raw_view()

        @operation
        def get(self, ctx: Context, thing_id: int, **options: Unpack[RequestOptions]) -> Flow[Thing]:
            # one thing by id
            return (yield from call(ctx, "things_get", id=positive_id(thing_id, "thing_id")))
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from .._core import Context, Flow, Sleep, call
from .._errors import JobError, JobTimeoutError, ValidationError
from .._typing import HasMode, M, Raw, RequestOptions, operation, paginator
from .._vocabulary import with_job_aliases

__all__ = ["Resource", "Raw", "RequestOptions", "operation", "paginator", "pick", "wait_for_job"]

DONE = frozenset({"completed", "complete", "done", "success", "succeeded", "finished"})
FAILED = frozenset({"failed", "failure", "error", "errored", "cancelled", "canceled"})


class Resource(HasMode[M]):
    """Base of every resource class; `M` is the mode its client gives it (see cekura._typing)."""

    _mode: int  # 0 sync, 1 async, 2 sync raw, 3 async raw

    def __init__(self, client: Any, *, raw: bool = False) -> None:
        self._client = client
        self._mode = int(bool(client._async)) + (2 if raw else 0)
        self._raw: Any = None

    def _raw_view(self) -> Any:
        """The same resource whose methods return `RawResponse`s (made once)."""
        if self._mode >= 2:
            return self
        if self._raw is None:
            self._raw = type(self)(self._client, raw=True)
        return self._raw

    def __repr__(self) -> str:
        raw = " (raw responses)" if self._mode >= 2 else ""
        return f"<{type(self).__name__}{raw} of {self._client!r}>"


def pick(name: str, *candidates: Any, required: bool = True) -> Any:
    """The one value given among several spellings of the same argument."""
    given = [c for c in candidates if c is not None]
    if len({repr(g) for g in given}) > 1:
        raise ValidationError(f"{name} was given twice with different values", errors={name: ["given twice"]})
    if not given:
        if required:
            raise ValidationError(f"{name} is required", errors={name: ["This field is required."]})
        return None
    return given[0]


def checked_job_id(name: str, *candidates: Any) -> str:
    """The job id given under any of its spellings (``progress_id``/``job_id``), checked before
    it goes into a URL path: letters, digits, ``-`` and ``_`` only."""
    value = pick(name, *candidates)
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not text or not all(c.isalnum() or c in "-_" for c in text) or not text.isascii():
        raise ValidationError(f"not a valid job id: {value!r}", errors={"progress_id": ["not a valid id"]})
    return text


def wait_for_job(
    ctx: Context,
    operation_id: str,
    progress_id: str,
    *,
    timeout: float,
    poll_interval: float,
    on_progress: Callable[[dict[str, Any]], None] | None,
    **query: Any,
) -> Flow[Any]:
    """Flow: poll a progress endpoint until the job completes; return its final state."""
    if not (isinstance(timeout, (int, float)) and timeout > 0):
        raise ValidationError(
            "timeout must be a positive number of seconds", errors={"timeout": ["must be > 0"]}
        )
    if not (isinstance(poll_interval, (int, float)) and poll_interval >= 0):
        raise ValidationError("poll_interval must be >= 0", errors={"poll_interval": ["must be >= 0"]})
    deadline = time.monotonic() + timeout
    log = ctx.log
    polls = 0
    while True:
        state = with_job_aliases((yield from call(ctx, operation_id, progress_id=progress_id, **query)))
        polls += 1
        if on_progress is not None:
            on_progress(state)
        status = str(state.get("status", "")).lower() if isinstance(state, dict) else ""
        if log is not None and log.isEnabledFor(20):
            progress = state.get("progress") if isinstance(state, dict) else None
            log.info(
                "job %s: %s%s (poll %d)", progress_id, status or "unknown",
                f" {progress}%" if progress is not None else "", polls,
                extra={"cekura_event": "job_poll", "cekura_job": progress_id, "cekura_job_status": status},
            )
        if status in DONE:
            return state
        if status in FAILED:
            reason = state.get("error") or state.get("message") or "no reason given"
            from .._core import _excerpt  # a server's reason can be long: quote a marked excerpt

            raise JobError(f"job {progress_id} {status}: {_excerpt(str(reason), whole='job')}", job=state)
        # The wait lasts its whole timeout: the last sleep is cut short so the last poll
        # falls on the deadline; giving up happens only after a poll at (or past) it.
        left = deadline - time.monotonic()
        if left <= 0:
            raise JobTimeoutError(
                f"job {progress_id} is still {status or 'running'} after {timeout:g}s; "
                f"poll it again later with its progress id {progress_id}",
                job=state,
            )
        yield Sleep(min(poll_interval, left))
