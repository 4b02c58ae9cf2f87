"""Waiting for a background job: a one-line progress display (only on a terminal) and a
clean stop on Ctrl-C that says how to pick the job up again."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TextIO

from ._errors import attach_hint


class ProgressLine:
    """One stderr line rewritten in place: bar, percent, status. Silent unless stderr is a TTY."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self.stream = stream
        self.label = label
        try:
            self.live = stream.isatty()
        except (AttributeError, ValueError):
            self.live = False
        self.drawn = False

    def update(self, state: dict[str, Any]) -> None:
        if not self.live:
            return
        status = str(state.get("status") or "waiting") if isinstance(state, dict) else "waiting"
        percent = state.get("progress") if isinstance(state, dict) else None
        if isinstance(percent, (int, float)) and not isinstance(percent, bool):
            filled = max(0, min(20, int(percent) // 5))
            shown = f"[{'#' * filled}{'.' * (20 - filled)}] {int(percent):3d}%"
        else:
            shown = "[....................]    "
        self.stream.write(f"\r\x1b[2K{self.label} {shown} {status}")
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.drawn = False


def resume_command(rt: Any, command: str) -> str:
    """`command` plus the connection flags this run used (never the key)."""
    from ._errors import connection_flags

    return command + connection_flags(rt.args)


def wait_for(rt: Any, waiter: Callable[..., Any], job_id: str, resume: str, label: str) -> tuple[bool, Any]:
    """Run an SDK waiter with a progress line. (True, final state), or (False, None) after Ctrl-C."""
    from .._errors import JobError

    line = ProgressLine(sys.stderr, label)
    try:
        state = waiter(
            job_id, timeout=rt.args.wait_timeout, poll_interval=rt.args.poll_interval, on_progress=line.update
        )
    except KeyboardInterrupt:
        line.clear()
        rt.note(f"Stopped waiting. Resume with: {resume}")
        return False, None
    except JobError as exc:
        line.clear()
        raise attach_hint(exc, f"see the job's state with: {resume}") from None
    line.clear()
    return True, state
