"""Deletes ask on a terminal (naming what goes), --yes skips the question, scripts are never asked."""

from __future__ import annotations

import io
import sys

import pytest


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal(monkeypatch):
    """stdin and stderr are a terminal; answer(text) sets what the user types."""

    def answer(text: str) -> Terminal:  # called in the test: pytest's capture resets sys.stderr before it
        err = Terminal()
        monkeypatch.setattr(sys, "stderr", err)
        monkeypatch.setattr(sys, "stdin", Terminal(text))
        return err

    return answer


def test_declining_deletes_nothing(cli, terminal, requests_sent):
    err = terminal("n\n")
    result = cli("metrics", "delete", "55")
    assert result.code == 1
    prompt = err.getvalue()
    assert 'Delete metric 55 ("Booking confirmed")?' in prompt and "[y/N]" in prompt
    assert "nothing was deleted" in prompt
    assert not any(r.startswith("DELETE") for r in requests_sent)
    assert cli("metrics", "get", "55", "--format", "json").json["id"] == 55


def test_yes_at_the_prompt_deletes(cli, terminal):
    err = terminal("y\n")
    assert cli("metrics", "delete", "55").code == 0
    assert "[y/N]" in err.getvalue()
    assert cli("metrics", "get", "55").code == 1


def test_yes_flag_skips_the_question(cli, terminal):
    err = terminal("")
    assert cli("metrics", "delete", "55", "--yes").code == 0
    assert "[y/N]" not in err.getvalue()
    assert cli("metrics", "get", "55").code == 1


def test_without_a_terminal_scripts_are_never_asked(cli):
    result = cli("metrics", "delete", "55")  # stdin is not a terminal: as the seed page runs it
    assert result.code == 0 and "[y/N]" not in result.err
