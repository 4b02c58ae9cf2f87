"""Table rendering details, sandbox serve, and smaller command behaviours."""

from __future__ import annotations

import io

import pytest

from cekura.cli import _render


def table(value, kind="object", **options) -> str:
    out = io.StringIO()
    _render.render(value, kind, json_mode=False, out=out, **options)
    return out.getvalue()


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("metrics", "No metrics found."),
        ("predefined", "No predefined metrics found."),
        ("scenarios", "No critical metric scenarios found."),
    ],
)
def test_empty_lists_say_so(kind, message):
    assert table([], kind).strip() == message
    assert table({"count": 0, "next": None, "results": []}, kind).strip() == message


def test_empty_predefined_catalog_end_to_end(cli, monkeypatch, tty):
    from cekura.resources.predefined_metrics import PredefinedMetrics

    monkeypatch.setattr(PredefinedMetrics, "list", lambda self: [])
    result = cli("predefined-metrics list")
    assert (result.code, result.out.strip()) == (0, "No predefined metrics found.")


def test_cells_are_text_not_markup():
    text = table([{"id": 1, "name": "[bold red]boom[/]", "agents": [1, 2]}], "metrics")
    assert "[bold red]boom[/]" in text and "1, 2" in text


def test_single_object_puts_key_fields_first_and_hides_empty_ones():
    text = table({"prompt": "p", "zeta": None, "name": "N", "id": 7, "agents": []})
    lines = [line.split()[0] for line in text.strip().splitlines()[:3]]
    assert lines == ["id", "name", "prompt"]
    assert "zeta" not in text and "2 empty fields not shown" in text


def test_table_fits_the_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    long = "word " * 40
    text = table(
        [{"id": 1, "name": long, "type": "llm_judge", "eval_type": "binary", "agents": [1], "project": 1}],
        "metrics",
    )
    assert max(len(line) for line in text.splitlines()) <= 60
    assert "llm_judge" in text


def test_scenario_page_caption_points_to_the_next_page():
    page = {"count": 30, "next": "http://x/?page=3&page_size=10", "results": [{"id": 1, "scenario": "s"}]}
    assert "1 shown of 30; next page: --page 3" in table(page, "scenarios")


def test_nested_values_in_a_list_are_compact_json():
    assert _render.cell({"a": [1, 2]}) == '{"a":[1,2]}'
    assert _render.cell([{"a": 1}]) == '[{"a":1}]'
    assert _render.cell(None) == "" and _render.cell(False) == "false"
    assert len(_render.cell({"k": "v" * 500})) == 80


def test_json_output_is_exactly_the_value_indented():
    out = io.StringIO()
    _render.render({"name": "Café", "n": [1]}, json_mode=True, out=out)
    assert out.getvalue() == '{\n  "name": "Café",\n  "n": [\n    1\n  ]\n}\n'


def test_sandbox_serve_passes_its_flags(run, monkeypatch):
    import cekura.sandbox
    from cekura.cli import _cmd_local

    calls = []
    monkeypatch.setattr(cekura.sandbox, "serve_main", lambda **kw: calls.append(kw) or 0, raising=False)
    monkeypatch.setattr(_cmd_local, "_check_port_free", lambda host, port: None)  # fixed ports: not bound here
    assert run("sandbox serve").code == 0
    assert calls[-1] == {"port": 8765, "db": None, "host": "127.0.0.1", "keys": None}
    result = run("sandbox serve --port 9001 --host 0.0.0.0 --db x.db --key a --key b --job-seconds 0.5")
    assert result.code == 0
    assert calls[-1] == {
        "port": 9001,
        "db": "x.db",
        "host": "0.0.0.0",
        "keys": ["a", "b"],
        "job_seconds": 0.5,
    }


def test_sandbox_serve_ctrl_c_is_a_clean_stop(run, monkeypatch):
    import cekura.sandbox

    def interrupted(**kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(cekura.sandbox, "serve_main", interrupted, raising=False)
    result = run("sandbox serve --port 0")
    assert result.code == 0 and "stopped" in result.err


def test_login_reads_piped_stdin_without_a_flag(run, isolated_home):
    result = run("auth", "login", stdin="ck_live_piped_0123456789\n")
    assert result.code == 0, result.err
    assert "ck_live_piped_0123456789" in (isolated_home / ".cekura" / "config.toml").read_text()


def test_version_json(run):
    from cekura import __version__

    assert run("version --format json").json == {"version": __version__}


def test_max_retries_and_timeout_reach_the_client(cli, monkeypatch):
    from cekura import _client

    seen = {}
    original = _client.Cekura.__init__

    def spy(self, **kwargs):
        seen.update(kwargs)
        original(self, **kwargs)

    monkeypatch.setattr(_client.Cekura, "__init__", spy)
    assert cli("--timeout 5 --max-retries 0 --project-id 1 metrics get 55").code == 0
    assert (seen["timeout"], seen["max_retries"], seen["project_id"]) == (5.0, 0, 1)


def test_interrupt_during_a_request_exits_130(cli, monkeypatch):
    from cekura._client import Cekura

    def interrupted(self, request):
        raise KeyboardInterrupt

    monkeypatch.setattr(Cekura, "_send", interrupted)
    result = cli("metrics get 55")
    assert result.code == 130 and "Interrupted" in result.err and "Traceback" not in result.err


def test_sandbox_serve_on_a_busy_port_says_so(run):
    import socket

    with socket.socket() as busy:
        busy.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = run("sandbox", "serve", "--port", str(port), "--db", "sb.db")
    assert result.code == 2, result.err
    assert f"port {port} on 127.0.0.1 is already in use" in result.err
    assert "--port 0" in result.err and "unexpected" not in result.err and "report" not in result.err
