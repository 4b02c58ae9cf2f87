"""Metrics as code costs nothing until used: help and `import cekura` load none of it."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("httpx", "yaml", "jsonschema", "rich", "cekura._client", "cekura._generated", "cekura.declarative")


def loaded_after(code: str) -> set[str]:
    script = (
        "import sys, io, contextlib\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    {code}\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return {m for m in out.strip().split(",") if m}


@pytest.mark.parametrize("command", ["validate", "export", "plan", "apply"])
def test_help_of_each_command_loads_nothing_heavy(command):
    assert loaded_after(f"from cekura.cli import main; main(['metrics', {command!r}, '--help'])") == set()


def test_import_cekura_does_not_load_it_and_importing_it_loads_no_parser_or_http():
    assert loaded_after("import cekura") == set()
    assert loaded_after("import cekura.declarative") == {"cekura.declarative"}


def test_help_teaches_with_examples(run):
    result = run("metrics", "plan", "--help")
    assert result.code == 0
    assert "--detailed-exitcode" in result.out and "cekura metrics plan -f metrics.yaml" in result.out


def test_schema_command_prints_the_shipped_schema(run):
    import json

    from cekura.declarative import schema

    result = run("metrics", "schema")
    assert result.code == 0 and json.loads(result.out) == schema()
