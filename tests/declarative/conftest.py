"""Fixtures: a sandbox served on a loopback port, a direct client to it, and an in-process `cekura` runner."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from cekura import Cekura

KEY = "ck_test_metrics_as_code_0123456789"


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
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in (
        "CEKURA_API_KEY",
        "CEKURA_API_URL",
        "CEKURA_PROJECT_ID",
        "CEKURA_ORGANIZATION_ID",
        "COLUMNS",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return home


@pytest.fixture
def served() -> Iterator[Any]:
    from cekura.sandbox import start_background

    with start_background(allowed_keys=[KEY], job_seconds=0) as running:
        yield running


@pytest.fixture
def direct(served) -> Iterator[Cekura]:
    """A client straight to the served sandbox (set-up and checks, never through a proxy)."""
    with Cekura(api_key=KEY, api_url=served.url) as client:
        yield client


@pytest.fixture
def run(capsys, monkeypatch):
    """run(*argv, stdin=None, tty=False) -> Result, running `cekura` in process."""
    from cekura.cli import main

    def runner(*argv: str, stdin: str = "", tty: bool = False) -> Result:
        stream = io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8")
        if tty:
            stream.isatty = lambda: True  # type: ignore[method-assign]
        monkeypatch.setattr(sys, "stdin", stream)
        capsys.readouterr()
        code = main(list(argv))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return runner
