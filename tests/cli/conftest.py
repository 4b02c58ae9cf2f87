"""Fixtures for CLI tests: an isolated HOME, a file-backed sandbox, and a `cli` runner."""

from __future__ import annotations

import functools
import io
import json
import shlex
import sys
from dataclasses import dataclass
from typing import Any

import pytest

from cekura.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """No real config or environment leaks in; HOME is a fresh directory."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in (
        "CEKURA_API_KEY",
        "CEKURA_API_URL",
        "CEKURA_PROJECT_ID",
        "CEKURA_ORGANIZATION_ID",
        "COLUMNS",
        "CEKURA_FORCE_TTY",
        "CEKURA_PROFILE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return home


@pytest.fixture
def tty(monkeypatch):
    """stdout counts as a 100-column terminal (tables instead of tab-separated rows)."""
    monkeypatch.setenv("CEKURA_FORCE_TTY", "100")


@pytest.fixture
def job_seconds(monkeypatch):
    """Background jobs of the in-process sandbox complete at once (override per test)."""
    from cekura.sandbox import _sandbox

    seconds = {"value": 0.0}
    original = _sandbox.Sandbox.__init__

    @functools.wraps(original)
    def init(self, *args, **kwargs):
        kwargs.setdefault("job_seconds", seconds["value"])
        original(self, *args, **kwargs)

    monkeypatch.setattr(_sandbox.Sandbox, "__init__", init)
    return seconds


@pytest.fixture
def sandbox_url(tmp_path, monkeypatch, job_seconds):
    """CEKURA_API_URL -> a sandbox whose SQLite file lives in tmp_path (shared by consecutive commands)."""
    url = f"sandbox://{tmp_path}/sb.db"
    monkeypatch.setenv("CEKURA_API_URL", url)
    return url


@pytest.fixture
def run(capsys, monkeypatch):
    """run(*argv, stdin=None) -> Result(code, out, err); run("one command line") is split like a shell."""

    def runner(*argv: str, stdin: str | bytes | None = None) -> Result:
        if len(argv) == 1 and " " in argv[0]:
            argv = tuple(shlex.split(argv[0]))
        if stdin is not None:
            data = stdin.encode() if isinstance(stdin, str) else stdin
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return runner


@pytest.fixture
def cli(run, sandbox_url):
    """`run` against the file-backed sandbox."""
    return run


@pytest.fixture
def requests_sent(monkeypatch):
    """A list of every request the SDK sends (by method and path)."""
    from cekura._client import Cekura

    sent: list[str] = []
    original = Cekura._send

    def counting(self, request):
        sent.append(f"{request.method} {request.url.path}")
        return original(self, request)

    monkeypatch.setattr(Cekura, "_send", counting)
    return sent


@pytest.fixture
def files(tmp_path):
    """write(name, content) -> path (str or bytes content)."""

    def write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return write
