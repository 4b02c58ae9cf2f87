"""Each command through main([...]) against the file-backed sandbox; JSON output checked."""

from __future__ import annotations

import json
import shlex

import pytest

from .test_seed_page import METRIC_JSON


@pytest.fixture
def metric_file(files):
    return files("metric.json", METRIC_JSON)


def created(cli, line: str) -> dict:
    result = cli(f"metrics create {line} --format json")
    assert result.code == 0, result.err
    return result.json


# ----------------------------------------------------------------------------- predefined metrics
def test_predefined_list_json_is_the_catalog(cli):
    result = cli("--format", "json", "predefined-metrics", "list")
    assert result.code == 0
    catalog = result.json
    assert isinstance(catalog, list) and len(catalog) >= 10
    assert {"id", "slug", "name", "eval_type"} <= set(catalog[0])


def test_predefined_list_table_has_the_useful_columns(cli, tty):
    result = cli("predefined-metrics", "list")
    header = result.out.strip().splitlines()[0].split()
    assert header == ["id", "slug", "name", "category", "eval_type", "cost"]
    assert "Hallucination" in result.out


def test_predefined_get(cli):
    first = cli("predefined-metrics", "list", "--format", "json").json[0]
    result = cli("predefined-metrics", "get", str(first["id"]), "--format", "json")
    assert result.code == 0 and result.json["slug"] == first["slug"]


# ----------------------------------------------------------------------------- metrics
def test_create_from_file_translates_through_the_sdk(cli, metric_file):
    metric = created(cli, "--from-file metric.json")
    assert metric["name"] == "Booking confirmed"
    assert metric["eval_type"] == "binary"  # "boolean" in metric.json
    assert metric["agents"] == [123]
    again = cli("metrics", "get", str(metric["id"]), "--format", "json").json
    assert again["name"] == metric["name"] and again["prompt"] == metric["prompt"]


def test_create_from_flags_with_code_file(cli, files):
    files("hold.py", "def evaluate(call):\n    return True\n")
    metric = created(
        cli, "--name 'Hold > 30s' --type python --eval-type boolean --agent-id 123 --code-file hold.py"
    )
    assert metric["type"] == "custom_code"
    assert metric["custom_code"].startswith("def evaluate(call)")


def test_flags_override_file_fields_and_agent_ids_combine(cli, metric_file):
    metric = created(
        cli, "--from-file metric.json --name Renamed --agent-id 123,124 --agent-id 123 --project-id 1"
    )
    assert metric["name"] == "Renamed"
    assert metric["prompt"].startswith("Did the agent")
    assert sorted(set(metric["agents"])) == [123, 124]
    assert metric["project"] == 1


def test_create_enum_metric(cli):
    metric = created(
        cli,
        "--name Outcome --type llm_judge --eval-type enum --enum-values 'booked, not booked' --prompt 'What happened?' --agent-id 123",
    )
    assert metric["eval_type"] == "enum" and metric["enum_values"] == ["booked", "not booked"]


def test_create_from_stdin(cli):
    result = cli("metrics", "create", "--from-file", "-", "--format", "json", stdin=METRIC_JSON)
    assert result.code == 0, result.err
    assert result.json["name"] == "Booking confirmed"


def test_create_with_inline_json(cli):
    body = json.loads(METRIC_JSON) | {"name": "Inline"}
    metric = created(cli, "--json " + shlex.quote(json.dumps(body)))
    assert metric["name"] == "Inline"


def test_list_by_agent_and_by_project(cli):
    by_agent = cli("metrics", "list", "--agent-id", "123", "--format", "json")
    assert by_agent.code == 0
    assert {55, 56} <= {m["id"] for m in by_agent.json}
    by_project = cli("--format", "json", "metrics", "list", "--project-id", "1")
    assert {55, 56} <= {m["id"] for m in by_project.json}


def test_list_table_columns(cli, tty):
    result = cli("metrics", "list", "--agent-id", "123")
    assert result.out.strip().splitlines()[0].split() == [
        "id",
        "name",
        "type",
        "eval_type",
        "agents",
        "project",
    ]


def test_list_of_nothing_says_so(cli, tty):
    result = cli("metrics", "list", "--agent-id", "999")
    assert result.code == 0
    assert result.out.strip() == "No metrics found."
    assert cli("metrics", "list", "--agent-id", "999", "--format", "json").json == []


def test_get_by_id_and_slug(cli):
    metric = cli("metrics", "get", "55", "--format", "json").json
    assert metric["id"] == 55
    by_slug = cli("metrics", "get", "--slug", metric["slug"], "--format", "json")
    assert by_slug.code == 0 and by_slug.json["id"] == 55


def test_get_table_is_key_value(cli):
    result = cli("metrics", "get", "55")
    assert result.code == 0
    first = result.out.strip().splitlines()[0].split()
    assert first == ["id", "55"]


def test_update_from_file_and_flags(cli, files):
    files("patch.json", '{"prompt": "Refined judge prompt"}')
    result = cli("metrics", "update", "55", "--from-file", "patch.json", "--format", "json")
    assert result.code == 0, result.err
    assert result.json["prompt"] == "Refined judge prompt"
    result = cli("metrics", "update", "55", "--description", "checks the read-back", "--format", "json")
    assert result.json["description"] == "checks the read-back"
    assert cli("metrics", "get", "55", "--format", "json").json["prompt"] == "Refined judge prompt"


def test_delete_prints_and_deletes(cli):
    result = cli("metrics", "delete", "55")
    assert (result.code, result.out) == (0, "Deleted metric 55.\n")
    gone = cli("metrics", "get", "55")
    assert gone.code == 1 and "404" in gone.err


def test_delete_accepts_yes_and_json_stdout_stays_json(cli):
    result = cli("metrics", "delete", "56", "--yes", "--format", "json")
    assert result.code == 0
    assert result.json is None
    assert "Deleted metric 56." in result.err


def test_bulk_create_array_and_wrapped(cli, files):
    items = [
        {"name": "Greeting present", "type": "llm_judge", "prompt": "...", "agents": [123]},
        {"name": "Closing present", "type": "llm_judge", "prompt": "...", "agents": [123]},
    ]
    files("metrics.json", json.dumps(items))
    files("wrapped.json", json.dumps({"metrics": items[:1]}))
    result = cli("metrics", "bulk-create", "--from-file", "metrics.json", "--format", "json")
    assert result.code == 0, result.err
    assert [m["name"] for m in result.json] == ["Greeting present", "Closing present"]
    assert all(m["eval_type"] == "binary" for m in result.json)
    result = cli("metrics", "bulk-create", "--from-file", "wrapped.json", "--format", "json")
    assert [m["name"] for m in result.json] == ["Greeting present"]


def test_bulk_manage_agents_add_and_remove(cli):
    result = cli(
        "metrics",
        "bulk-manage-agents",
        "--metric-ids",
        "55,56",
        "--agents-to-add",
        "123,124",
        "--format",
        "json",
    )
    assert result.code == 0, result.err
    assert result.json["updated_count"] == 2
    assert 124 in cli("metrics", "get", "55", "--format", "json").json["agents"]
    result = cli(
        "metrics",
        "bulk-manage-agents",
        "--metric-ids",
        "55",
        "--agents-to-remove",
        "124",
        "--project-id",
        "1",
        "--format",
        "json",
    )
    assert result.code == 0, result.err
    assert 124 not in cli("metrics", "get", "55", "--format", "json").json["agents"]


def test_bulk_toggle_settings(cli):
    result = cli(
        "metrics", "bulk-toggle-settings", "--metric-ids", "55,56", "--is-active", "false", "--format", "json"
    )
    assert result.code == 0, result.err
    assert cli("metrics", "get", "56", "--format", "json").json["is_active"] is False
    result = cli(
        "metrics",
        "bulk-toggle-settings",
        "--metric-ids",
        "55",
        "--is-active",
        "true",
        "--sampling-enabled",
        "yes",
    )
    assert result.code == 0
    metric = cli("metrics", "get", "55", "--format", "json").json
    assert metric["is_active"] is True and metric["sampling_enabled"] is True


def test_generate_then_progress(cli):
    job = cli("metrics", "generate", "--agent-id", "123", "--count", "10", "--format", "json")
    assert job.code == 0, job.err
    progress_id = job.json["progress_id"]
    state = cli("metrics", "generate-progress", "--progress-id", progress_id, "--format", "json")
    assert state.code == 0
    assert state.json["progress_id"] == progress_id
    assert state.json["status"] in ("queued", "in_progress", "completed")


def test_generate_num_metrics_alias_and_job_id_alias(cli):
    job = cli("metrics", "generate", "--agent-id", "123", "--num-metrics", "2", "--format", "json").json
    state = cli("metrics", "generate-progress", "--job-id", job["job_id"], "--format", "json")
    assert state.code == 0 and state.json["progress_id"] == job["progress_id"]


def test_generate_without_wait_tells_how_to_follow_up(cli):
    result = cli("metrics", "generate", "--agent-id", "123", "--count", "3")
    assert result.code == 0
    assert "cekura metrics generate-progress --progress-id" in result.err


# ----------------------------------------------------------------------------- critical metric scenarios
def test_scenarios_list_one_page_is_an_array_like_all(cli):
    # One documented shape: a JSON array of scenarios, with or without --all (one jq filter for both).
    result = cli("critical-metric-scenarios", "list", "--metric-id", "55", "--format", "json")
    assert result.code == 0
    page = result.json
    assert isinstance(page, list) and page
    assert all({"id", "scenario"} <= set(s) for s in page)
    everything = cli("critical-metric-scenarios", "list", "--metric-id", "55", "--all", "--format", "json")
    assert isinstance(everything.json, list) and everything.json[: len(page)] == page


def test_scenarios_paging_and_all(cli):
    result = cli("critical-metric-scenarios", "list", "--page", "2", "--page-size", "5", "--format", "json")
    page2 = result.json
    assert isinstance(page2, list) and len(page2) == 5
    assert "next page: --page 3" in result.err  # where the rest is, on stderr (stdout stays the array)
    everything = cli(
        "critical-metric-scenarios", "list", "--all", "--page-size", "7", "--format", "json"
    ).json
    assert isinstance(everything, list)
    ids = [s["id"] for s in everything]
    assert len(ids) == len(set(ids)) >= 24
    assert {40, 42, 63} <= set(ids)


def test_scenarios_table_and_empty(cli, tty):
    result = cli("critical-metric-scenarios", "list", "--metric-id", "55")
    assert result.out.strip().splitlines()[0].split() == ["id", "scenario", "priority", "is_resolved"]
    empty = cli("critical-metric-scenarios", "list", "--metric-id", "999")
    assert empty.code == 0 and empty.out.strip() == "No critical metric scenarios found."


def test_scenarios_get_and_update(cli):
    assert cli("critical-metric-scenarios", "get", "42", "--format", "json").json["id"] == 42
    result = cli(
        "critical-metric-scenarios", "update", "42", "--json", '{"is_resolved": true}', "--format", "json"
    )
    assert result.code == 0, result.err
    assert result.json["is_resolved"] is True
    result = cli(
        "critical-metric-scenarios",
        "update",
        "42",
        "--priority",
        "not_a_bug",
        "--is-resolved",
        "false",
        "--format",
        "json",
    )
    assert (result.json["priority"], result.json["is_resolved"]) == ("not_a_bug", False)


# ----------------------------------------------------------------------------- metric reviews
def test_process_feedbacks_then_progress(cli):
    job = cli("metric-reviews", "process-feedbacks", "--metric-id", "55", "--format", "json")
    assert job.code == 0, job.err
    job_id = job.json["job_id"]
    for flag in ("--job-id", "--progress-id"):
        state = cli("metric-reviews", "progress", flag, job_id, "--format", "json")
        assert state.code == 0, state.err
        assert state.json["progress_id"] == job_id


# ----------------------------------------------------------------------------- misc
def test_version(run):
    from cekura import __version__

    result = run("version")
    assert (result.code, result.out) == (0, f"cekura {__version__}\n")
    assert run("--version").out == f"cekura {__version__}\n"


def test_global_flags_work_before_and_after_the_command(cli):
    before = cli("--format", "json", "metrics", "get", "55")
    after = cli("metrics", "get", "55", "--format", "json")
    assert before.json == after.json


def test_sandbox_flag_needs_no_key_and_no_config(run, isolated_home, job_seconds):
    result = run("--sandbox", "metrics", "get", "55", "--format", "json")
    assert result.code == 0, result.err
    assert result.json["id"] == 55


def test_debug_logs_requests_without_the_key(cli):
    result = cli("--debug", "--api-key", "secret-key-123456789", "metrics", "get", "55")
    assert result.code == 0
    assert "debug: > GET" in result.err and "HTTP 200" in result.err
    assert "secret-key-123456789" not in result.err + result.out


def test_bare_group_lists_its_commands(run):
    result = run("metrics")
    assert result.code == 2
    assert "list" in result.err and "bulk-create" in result.err


def test_bare_cekura_prints_help(run):
    result = run()
    assert result.code == 0 and "usage: cekura" in result.out
