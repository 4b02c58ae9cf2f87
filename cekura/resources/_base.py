"""What every resource shares: the link to its client and the decorators that run flows."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from .._core import Context, Flow, Sleep, call
from .._errors import JobError, JobTimeoutError, ValidationError
from .._vocabulary import with_job_aliases

DONE = frozenset({"completed", "complete", "done", "success", "succeeded", "finished"})
FAILED = frozenset({"failed", "failure", "error", "errored", "cancelled", "canceled"})


def operation(flow_fn: Callable[..., Flow]) -> Callable[..., Any]:
    """Turn a flow into a method: it returns the result (sync) or an awaitable (async)."""

    @functools.wraps(flow_fn)
    def method(self: Resource, *args: Any, **kwargs: Any) -> Any:
        client = self._client
        return client._run(flow_fn(self, client._context(), *args, **kwargs))

    return method


def paginator(flow_fn: Callable[..., Flow]) -> Callable[..., Any]:
    """Turn an item-emitting flow into a lazy iterator (sync) or async iterator (async)."""

    @functools.wraps(flow_fn)
    def method(self: Resource, *args: Any, **kwargs: Any) -> Any:
        client = self._client
        return client._iterate(flow_fn(self, client._context(), *args, **kwargs))

    return method


class Resource:
    def __init__(self, client: Any) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


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


def wait_for_job(
    ctx: Context,
    operation_id: str,
    progress_id: str,
    *,
    timeout: float,
    poll_interval: float,
    on_progress: Callable[[dict[str, Any]], None] | None,
    **query: Any,
) -> Flow:
    """Flow: poll a progress endpoint until the job completes; return its final state."""
    if not (isinstance(timeout, (int, float)) and timeout > 0):
        raise ValidationError(
            "timeout must be a positive number of seconds", errors={"timeout": ["must be > 0"]}
        )
    if not (isinstance(poll_interval, (int, float)) and poll_interval >= 0):
        raise ValidationError("poll_interval must be >= 0", errors={"poll_interval": ["must be >= 0"]})
    deadline = time.monotonic() + timeout
    while True:
        state = with_job_aliases((yield from call(ctx, operation_id, progress_id=progress_id, **query)))
        if on_progress is not None:
            on_progress(state)
        status = str(state.get("status", "")).lower() if isinstance(state, dict) else ""
        if status in DONE:
            return state
        if status in FAILED:
            reason = state.get("error") or state.get("message") or "no reason given"
            raise JobError(f"job {progress_id} {status}: {reason}", job=state)
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
