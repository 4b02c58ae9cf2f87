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


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh HOME (so ~/.cekura is empty) and no CEKURA_* variables; the working directory is tmp_path."""
    path = tmp_path / "home"
    path.mkdir()
    monkeypatch.setenv("HOME", str(path))
    for name in ("CEKURA_API_KEY", "CEKURA_API_URL", "CEKURA_PROJECT_ID", "CEKURA_ORGANIZATION_ID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return path


@pytest.fixture
def cli(home, capsys):
    """cli(*argv) -> (exit code, stdout, stderr), running `cekura` in process."""
    from cekura.cli import main

    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run
