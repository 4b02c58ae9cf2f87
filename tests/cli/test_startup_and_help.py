"""Start-up cost (no heavy imports for --help), help at every level, completion, tree consistency."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cekura.cli import _parser, _tree

HEAVY = (
    "httpx",
    "rich",
    "cekura._generated",
    "cekura.sandbox",
    "cekura._client",
    "cekura._core",
    "shtab",
    "yaml",
    "jmespath",
)


def imported_after(code: str) -> set[str]:
    script = (
        "import sys, io, contextlib\n"
        "from cekura.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    {code}\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return {m for m in out.strip().split(",") if m}


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["metrics", "--help"],
        ["metrics", "create", "--help"],
        ["critical-metric-scenarios", "list", "--help"],
        ["--version"],
        ["metrics", "get", "0"],
    ],
)
def test_help_and_usage_errors_import_nothing_heavy(argv):
    assert imported_after(f"main({argv!r})") == set()


def test_importing_the_cli_is_cheap():
    assert imported_after("pass") == set()
    script = "import sys; import cekura.cli; print(sorted(m for m in sys.modules if m.startswith('cekura')))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert eval(out) == ["cekura", "cekura._errors", "cekura._version", "cekura.cli"]


def test_json_output_never_builds_a_table(cli, monkeypatch):
    # (rich itself may still be imported by httpx, whose optional CLI loads it when click is installed)
    from cekura.cli import _render

    def no_table(*args, **kwargs):
        raise AssertionError("a table was rendered in JSON mode")

    monkeypatch.setattr(_render, "_table", no_table)
    for argv in (
        ["metrics", "get", "55"],
        ["metrics", "list", "--agent-id", "999"],
        ["version"],
        ["auth", "status"],
    ):
        result = cli(*argv, "--format", "json")
        assert result.code == 0, result.err


def test_python_dash_m_and_console_script_agree():
    result = subprocess.run([sys.executable, "-m", "cekura.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("usage: cekura")


def walk(node, path=()):
    path = (*path, node.name)
    yield path, node
    for child in node.children:
        yield from walk(child, path)


NODES = {path: node for top in _tree.TREE for path, node in walk(top)}


@pytest.mark.parametrize("path", [(), *NODES], ids=["cekura", *(" ".join(p) for p in NODES)])
def test_help_at_every_level_teaches(path, run):
    result = run(*path, "--help")
    assert result.code == 0
    text = result.out
    assert text.startswith("usage: cekura")
    assert "examples:" in text and "\n  cekura " in text
    assert "--format" in text  # the global flags are listed (and accepted) at every level
    if path:
        assert " ".join(NODES[path].description.split())[:50] in " ".join(text.split())


def test_every_documented_flag_has_help_text():
    parser = _parser.build(None)
    missing = []

    def visit(p, prog):
        for action in p._actions:
            if action.help is None and action.option_strings:
                missing.append(f"{prog} {action.option_strings[0]}")
            if action.choices and hasattr(action, "_name_parser_map"):
                for name, sub in action._name_parser_map.items():
                    visit(sub, f"{prog} {name}")

    visit(parser, "cekura")
    assert missing == []


def test_tree_constants_match_the_sdk():
    from cekura._config import KNOWN_KEYS

    assert _tree.CONFIG_KEYS == KNOWN_KEYS


@pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh", "fish"])
def test_completion_scripts(run, shell):
    result = run("completion", shell)
    assert result.code == 0 and len(result.out) > 500
    assert "bulk-manage-agents" in result.out and "critical-metric-scenarios" in result.out


def test_lazy_parser_builds_only_the_named_branch():
    lazy = _parser.build(["metrics", "list", "--help"])
    full = _parser.build(None)

    def count(p):
        total = len(p._actions)
        for action in p._actions:
            for sub in getattr(action, "_name_parser_map", {}).values():
                total += count(sub)
        return total

    assert count(lazy) < count(full) / 3


def test_a_commands_own_flag_wins_over_a_global_one():
    import argparse

    parser = _parser.Parser(prog="cekura x")
    parser.add_argument("--yes", "-y", action="store_true", help="the command's own meaning")
    _parser.add_global_flags(parser)  # no "conflicting option strings" error
    assert parser._option_string_actions["--yes"].help == "the command's own meaning"
    assert isinstance(parser.parse_args(["--yes", "--dry-run"]), argparse.Namespace)


@pytest.mark.parametrize("path", list(NODES), ids=[" ".join(p) for p in NODES])
def test_every_command_gets_the_global_tools(path, run):
    node = NODES[path]
    text = run(*path, "--help").out
    for flag in ("--query", "--wide", "--profile", "--http-timeout"):
        assert flag in text, flag
    if node.handler and not node.handler.startswith("_cmd_local:"):
        assert "--dry-run" in text and "--yes" in text


def test_the_help_states_how_long_a_dead_server_can_take(run):
    text = " ".join(run("--help").out.split())
    assert "92 s with the defaults" in text and "Retries are told on stderr" in text
