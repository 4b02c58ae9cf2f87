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


def test_a_command_that_confirmed_a_batch_is_not_asked_per_delete(cli, terminal):
    """E.g. `metrics apply --prune`, answered "yes" once: the deletes of its plan go without a prompt."""
    import argparse

    from cekura import Cekura
    from cekura.cli import _runtime

    err = terminal("")  # an empty answer would decline
    args = argparse.Namespace(yes=False)
    holder: list = []
    with Cekura(on_request=_runtime._confirm_deletes(None, args, lambda: holder[0])) as client:
        holder.append(client)  # CEKURA_API_URL: the test's sandbox
        args.yes = True  # what the command does once the user agreed to the whole plan
        client.metrics.delete(55)
    assert "[y/N]" not in err.getvalue()
    assert cli("metrics", "get", "55").code == 1
