"""Fixtures of the reliability suite, and the figures it prints at the end of a run.

`sandbox`: a sandbox served over loopback HTTP (fresh, in memory, instant jobs).
`KEY`: a distinctive API key, so that a leak anywhere is easy to spot.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest

from cekura.sandbox import start_background
from cekura.sandbox._app import tenant_id

from .figures import FIGURES

KEY = "sk-live-RELIABILITY-" + secrets.token_hex(16)
TENANT = tenant_id(KEY)


@pytest.fixture
def sandbox() -> Iterator:
    with start_background(job_seconds=0) as running:
        yield running


def pytest_terminal_summary(terminalreporter) -> None:
    if not FIGURES:
        return
    terminalreporter.section("reliability figures")
    for name in sorted(FIGURES):
        terminalreporter.write_line(f"{name:<40} {FIGURES[name]}")
