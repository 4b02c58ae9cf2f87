"""Tables fit the terminal (ellipsis, --wide), rows stream, a closed pipe ends quietly, pipes get TSV."""

from __future__ import annotations

import io
import sys

from cekura.cli import _render

LONG = "Booking confirmed and the date and time were read back to the caller in full"


def rows(n: int = 3) -> list[dict]:
    return [
        {"id": i, "name": f"{LONG} {i}", "type": "llm_judge", "eval_type": "binary", "agents": [123], "project": 1}
        for i in range(n)
    ]


def test_table_cuts_long_cells_with_an_ellipsis_at_80_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = io.StringIO()
    _render.render(rows(), "metrics", mode="table", out=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 + 3  # header, rule, one line per row: nothing wraps
    assert all(len(line) <= 80 for line in lines)
    assert lines[2].startswith("0   Booking confirmed") and "…" in lines[2] and "llm_judge" in lines[2]


def test_wide_shows_every_cell_whole(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = io.StringIO()
    _render.render(rows(), "metrics", mode="table", out=out, wide=True)
    assert f"{LONG} 2" in out.getvalue() and "…" not in out.getvalue()


def test_wide_characters_count_double(monkeypatch):
    out = io.StringIO()
    _render.render([{"id": 1, "name": "予約確認" * 10}], "metrics", mode="table", out=out, width=40)
    assert all(_render.text_width(line) <= 40 for line in out.getvalue().splitlines())


def test_piped_output_is_tab_separated_rows_without_a_header(cli):
    result = cli("metrics", "list", "--agent-id", "123")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines and all(len(line.split("\t")) == 6 for line in lines)
    assert lines[0].split("\t")[0].isdigit()  # a row, not a header
    assert cli("metrics", "get", "55").out.splitlines()[0] == "id\t55"


def test_on_a_terminal_the_same_command_prints_a_table(cli, monkeypatch):
    monkeypatch.setenv("CEKURA_FORCE_TTY", "80")
    lines = cli("metrics", "list", "--agent-id", "123").out.splitlines()
    assert lines[0].split() == ["id", "name", "type", "eval_type", "agents", "project"]
    assert all(len(line) <= 80 for line in lines)


class ClosedPipe(io.StringIO):
    def __init__(self, lines_before: int) -> None:
        super().__init__()
        self.left = lines_before

    def write(self, text: str) -> int:
        if self.left <= 0:
            raise BrokenPipeError(32, "Broken pipe")
        self.left -= text.count("\n")
        return super().write(text)

    def fileno(self) -> int:
        raise OSError("no file")


def test_a_closed_pipe_ends_quietly_with_exit_0_and_stops_fetching(cli, monkeypatch, requests_sent):
    from cekura.cli import main

    pipe = ClosedPipe(lines_before=2)
    monkeypatch.setattr(sys, "stdout", pipe)
    errors = io.StringIO()
    monkeypatch.setattr(sys, "stderr", errors)
    code = main(["critical-metric-scenarios", "list", "--all", "--page-size", "1"])
    assert code == 0 and errors.getvalue() == ""
    assert len(pipe.getvalue().splitlines()) == 2
    assert len(requests_sent) <= 4  # rows were streamed: the remaining pages were never asked for


def test_json_of_a_stream_is_the_same_text_as_of_a_list():
    items = rows(3)
    listed, streamed = io.StringIO(), io.StringIO()
    _render.render(items, "metrics", mode="json", out=listed)
    _render.render(iter(items), "metrics", mode="json", out=streamed)
    assert listed.getvalue() == streamed.getvalue()
    empty = io.StringIO()
    _render.render(iter([]), "metrics", mode="json", out=empty)
    assert empty.getvalue() == "[]\n"


def test_a_single_objects_long_field_name_does_not_widen_every_row():
    out = io.StringIO()
    value = {"id": 1, "a_remarkably_long_field_name_for_a_flag": True, "name": "N"}
    _render.render(value, mode="table", out=out, width=60)
    lines = out.getvalue().splitlines()
    assert lines[0] == "id    1" and lines[1] == "name  N"
    assert lines[2] == "a_remarkably_long_field_name_for_a_flag" and lines[3].strip() == "true"
