"""wait_for_job lasts its whole timeout, with a last poll at the deadline (a fake clock drives it)."""

from __future__ import annotations

import httpx
import pytest

from cekura._core import Context, RetryPolicy, Send, Sleep
from cekura._errors import JobTimeoutError
from cekura.resources import _base


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now


def drive(monkeypatch, *, done_at: float, timeout: float, poll_interval: float):
    """Run the flow; the job reports completed from `done_at` on. Returns (result or error, poll times)."""
    clock = Clock()
    monkeypatch.setattr(_base, "time", clock)
    ctx = Context(
        base_url="http://api.test",
        headers={},
        retry=RetryPolicy(max_retries=0),
        secret=None,
        build_request=lambda method, url, **kw: httpx.Request(method, url, **kw),
    )
    flow = _base.wait_for_job(
        ctx, "metrics_generate_progress", "job-1", timeout=timeout, poll_interval=poll_interval, on_progress=None
    )
    polls: list[float] = []
    reply = None
    try:
        while True:
            instruction = flow.send(reply)
            reply = None
            if isinstance(instruction, Send):
                polls.append(clock.now)
                status = "completed" if clock.now >= done_at else "in_progress"
                reply = (httpx.Response(200, json={"status": status, "progress_id": "job-1"}), None)
            elif isinstance(instruction, Sleep):
                clock.now += instruction.seconds
    except StopIteration as stop:
        return stop.value, polls
    except JobTimeoutError as exc:
        return exc, polls


def test_a_job_done_before_the_deadline_is_awaited(monkeypatch):
    # The case: done at 3 s, timeout 3.5 s, polls every 2 s (it used to give up at 2 s).
    result, polls = drive(monkeypatch, done_at=3.0, timeout=3.5, poll_interval=2.0)
    assert isinstance(result, dict) and result["status"] == "completed"
    assert polls == [0.0, 2.0, 3.5]  # the last poll falls on the deadline


def test_the_wait_lasts_the_whole_timeout_then_gives_up(monkeypatch):
    # timeout shorter than the poll interval: it used to give up after the first poll.
    result, polls = drive(monkeypatch, done_at=99.0, timeout=1.0, poll_interval=2.0)
    assert isinstance(result, JobTimeoutError)
    assert polls == [0.0, 1.0]
    assert "after 1s" in str(result)


@pytest.mark.parametrize("interval", [0.3, 0.7, 1.0])
def test_no_poll_after_the_deadline(monkeypatch, interval):
    result, polls = drive(monkeypatch, done_at=99.0, timeout=2.0, poll_interval=interval)
    assert isinstance(result, JobTimeoutError)
    assert polls[-1] == pytest.approx(2.0) and all(p <= 2.0 + 1e-9 for p in polls)
