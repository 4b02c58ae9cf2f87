"""--query (JMESPath) on every command's JSON value, and --format yaml."""

from __future__ import annotations

import json

import pytest


def test_query_selects_from_a_list(cli):
    result = cli("metrics", "list", "--agent-id", "123", "--format", "json", "--query", "[].id")
    assert result.code == 0, result.err
    ids = result.json
    assert 55 in ids and all(isinstance(i, int) for i in ids)


def test_query_on_one_object_and_on_a_streamed_list(cli):
    assert cli("metrics get 55 --format json --query name").json == "Booking confirmed"
    result = cli(
        "critical-metric-scenarios", "list", "--metric-id", "55", "--all", "--page-size", "3",
        "--format", "json", "--query", "[?priority=='critical'].id",
    )
    assert result.code == 0 and result.json and all(isinstance(i, int) for i in result.json)


def test_query_without_format_prints_plain_values(cli):
    result = cli("metrics", "list", "--agent-id", "123", "--query", "[?id==`55`].name | [0]")
    assert result.out == "Booking confirmed\n"
    rows = cli("metrics", "list", "--agent-id", "123", "--query", "[].{id: id, name: name}").out.splitlines()
    assert rows[0].split("\t")[0].isdigit()


def test_query_works_on_local_commands_too(run):
    from cekura import __version__

    assert run("version", "--format", "json", "--query", "version").json == __version__
    assert run("--sandbox", "auth", "status", "--query", "api_url").out.strip() == "sandbox://"


def test_a_bad_query_is_refused_before_sending(cli, requests_sent):
    result = cli("metrics", "list", "--agent-id", "123", "--query", "[?id==")
    assert result.code == 2 and requests_sent == []
    assert result.err.startswith("error: argument --query") and "JMESPath" in result.err


def test_yaml_output(cli):
    import yaml

    result = cli("metrics", "get", "55", "--format", "yaml")
    assert result.code == 0
    as_yaml = yaml.safe_load(result.out)
    assert as_yaml == cli("metrics", "get", "55", "--format", "json").json
    listed = yaml.safe_load(cli("metrics list --agent-id 123 --format yaml --query [].slug").out)
    assert isinstance(listed, list) and all(isinstance(s, str) for s in listed)


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_machine_formats_keep_messages_off_stdout(cli, fmt):
    result = cli("metrics", "delete", "56", "--format", fmt)
    assert result.code == 0 and "Deleted metric 56" in result.err
    assert json.dumps(None) in result.out or result.out.strip() in ("null", "")
