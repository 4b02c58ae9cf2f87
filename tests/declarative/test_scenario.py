"""The issue's check, end to end with the `cekura` command against a sandbox served on a loopback port.

Export, plan (no change), edit (a new metric, a changed prompt, a changed code file, an agent
detached, a metric removed), plan (exactly those, exit 2), apply, plan (exit 0); apply twice
changes nothing; bad files are refused with every problem named and no request sent.
Requests are counted by a proxy in front of the sandbox (fault rate 0: it only relays and counts).
"""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from tests.support.faultproxy import FaultProxy

from .conftest import KEY

METRICS = "/test_framework/v1/metrics/"
SHORT_CALL_V2 = '''def evaluate(call):
    """Pass when the call stayed under two minutes."""
    return call["call_duration"] < 120
'''


@pytest.fixture
def counted(served, monkeypatch):
    """A relaying proxy in front of the sandbox; CEKURA_API_URL/KEY point the CLI at it."""
    with FaultProxy(served.url, seed=1, fault_rate=0.0) as proxy:
        monkeypatch.setenv("CEKURA_API_URL", proxy.url)
        monkeypatch.setenv("CEKURA_API_KEY", KEY)
        yield proxy


def writes(proxy: FaultProxy) -> Counter[str]:
    return Counter({k: v for k, v in proxy.forwarded.items() if not k.startswith("GET ")})


def set_up(direct) -> None:
    """The demo project, plus a second agent on metric 55, a prompt on it, and a third metric."""
    seed = direct.metrics.get(55)["description"]  # stated, so it does not follow the prompt
    direct.metrics.update(
        55, prompt="Did the agent read back the date and time?", description=seed, agents=[123, 124]
    )
    direct.metrics.create(
        name="Greets caller",
        type="llm_judge",
        eval_type="boolean",
        project=1,
        agents=[123],
        prompt="Did the agent greet the caller by the clinic's name?",
    )


def test_export_edit_plan_apply_converges(run, direct, counted, tmp_path):
    set_up(direct)
    exported = run("metrics", "export", "--project-id", "1", "-o", "metrics.yaml")
    assert exported.code == 0, exported.err
    assert "Wrote 3 metrics of project 1 to metrics.yaml." in exported.err
    text = (tmp_path / "metrics.yaml").read_text()
    assert "type: python" in text and "custom_code" not in text and "code: |" in text  # documented words
    assert "slug" not in text and "metric_cost" not in text and "simulation_enabled" not in text

    first = run("metrics", "plan", "-f", "metrics.yaml", "--detailed-exitcode")
    assert (first.code, first.out) == (0, "No changes: project 1 matches metrics.yaml (3 metrics).\n")

    # the edits
    document = yaml.safe_load(text)
    booking, short, greets = document["metrics"]
    booking["prompt"] = "Did the agent read back the date, the time and the dentist's name?"
    booking["agents"] = [123]
    del short["code"]
    short["code_file"] = "short_call.py"
    (tmp_path / "short_call.py").write_text(SHORT_CALL_V2)
    document["metrics"] = [
        booking,
        short,
        {
            "name": "Caller satisfied",
            "eval_type": "rating",
            "prompt": "How satisfied did the caller sound?",
            "agents": [124],
        },
    ]
    (tmp_path / "metrics.yaml").write_text(yaml.safe_dump(document, sort_keys=False))
    assert run("metrics", "validate", "-f", "metrics.yaml").code == 0

    planned = run(
        "metrics", "plan", "-f", "metrics.yaml", "--prune", "--detailed-exitcode", "--format", "json"
    )
    assert planned.code == 2, planned.err
    changes = {(c["action"], c["name"]): c for c in planned.json["changes"]}
    assert set(changes) == {
        ("update", "Booking confirmed"),
        ("update", "Call under three minutes"),
        ("create", "Caller satisfied"),
        ("delete", "Greets caller"),
    }
    booking_change = changes[("update", "Booking confirmed")]
    assert [f["field"] for f in booking_change["fields"]] == ["prompt"]
    assert (booking_change["attach"], booking_change["detach"]) == ([], [124])
    code_change = changes[("update", "Call under three minutes")]
    assert [f["field"] for f in code_change["fields"]] == ["code"]
    assert '+    return call["call_duration"] < 120' in code_change["fields"][0]["diff"]
    assert planned.json["summary"] == {"create": 1, "update": 2, "delete": 1, "attach": 0, "detach": 1}

    text_plan = run("metrics", "plan", "-f", "metrics.yaml", "--prune")
    assert text_plan.code == 0
    for line in (
        "+ create 'Caller satisfied'",
        "~ update 'Booking confirmed' (id 55)",
        "agents: detach 124",
        "- delete 'Greets caller'",
        '-    return call["call_duration"] < 180',
        "Plan for project 1: 1 to create, 2 to update, 1 to delete.",
    ):
        assert line in text_plan.out, line

    before = writes(counted)
    assert before == Counter()  # export, validate and plan only read
    applied = run("metrics", "apply", "-f", "metrics.yaml", "--prune", "--yes")
    assert applied.code == 0, applied.err
    assert "Applied: 1 created, 2 updated, 1 deleted (4 write calls)." in applied.out
    made = writes(counted) - before
    greets_id = next(int(k.rsplit("/", 2)[1]) for k in made if k.startswith("DELETE"))
    assert made == Counter(
        {  # the fewest calls: the detach rides along with the prompt's PATCH
            f"POST {METRICS}bulk_create/": 1,
            f"PATCH {METRICS}55/": 1,
            f"PATCH {METRICS}56/": 1,
            f"DELETE {METRICS}{greets_id}/": 1,
        }
    )

    after = run("metrics", "plan", "-f", "metrics.yaml", "--prune", "--detailed-exitcode")
    assert (after.code, after.out) == (0, "No changes: project 1 matches metrics.yaml (3 metrics).\n")
    live = {m["name"]: m for m in direct.metrics.list(project_id=1)}
    assert sorted(live) == ["Booking confirmed", "Call under three minutes", "Caller satisfied"]
    assert live["Booking confirmed"]["agents"] == [123]
    assert live["Caller satisfied"]["eval_type"] == "continuous_qualitative"
    assert direct.metrics.get(56)["custom_code"] == SHORT_CALL_V2

    again = run("metrics", "apply", "-f", "metrics.yaml", "--prune", "--yes")
    assert again.code == 0 and "No changes" in again.out
    assert writes(counted) - before == made  # the second apply wrote nothing


def test_agents_only_changes_are_grouped_into_bulk_calls(run, direct, counted, tmp_path):
    run("metrics", "export", "--project-id", "1", "-o", "m.yaml")
    document = yaml.safe_load((tmp_path / "m.yaml").read_text())
    for entry in document["metrics"]:
        entry["agents"] = [123, 124, 125]
    (tmp_path / "m.yaml").write_text(yaml.safe_dump(document))
    before = writes(counted)
    assert run("metrics", "apply", "-f", "m.yaml", "--yes").code == 0
    assert writes(counted) - before == Counter(
        {f"POST {METRICS}bulk_manage_agents/": 1}
    )  # two metrics, one call
    assert [m["agents"] for m in direct.metrics.list(project_id=1)] == [[123, 124, 125]] * 2


def test_apply_asks_on_a_terminal_and_needs_yes_elsewhere(run, direct, counted, tmp_path):
    (tmp_path / "m.yaml").write_text(
        "version: 1\nproject: 1\nmetrics:\n  - {name: New one, prompt: Was it ok?}\n"
    )
    refused = run("metrics", "apply", "-f", "m.yaml")  # stdin is not a terminal
    assert refused.code == 2 and "add --yes" in refused.err
    assert counted.received == 0  # refused before reading anything
    declined = run("metrics", "apply", "-f", "m.yaml", stdin="no\n", tty=True)
    assert declined.code == 0 and "Nothing was changed." in declined.err
    assert writes(counted) == Counter()
    accepted = run("metrics", "apply", "-f", "m.yaml", stdin="yes\n", tty=True)
    assert accepted.code == 0 and "Apply these changes?" in accepted.err
    assert "New one" in {m["name"] for m in direct.metrics.list(project_id=1)}


BAD_FILES = {
    "typo.yaml": (
        "version: 1\nproject: 1\nmetrics:\n  - name: A\n    eval_type: boolen\n    promt: x\n",
        ["typo.yaml:5:5: metrics[0].eval_type:", "typo.yaml:6:5: metrics[0].promt: unknown field"],
    ),
    "dupe.json": (
        '{"version": 1, "project": 1, "metrics": [{"name": "A"}, {"name": "A", "agents": [-1]}]}',
        ["dupe.json:1:58: metrics[1].name: name 'A' is already used", "metrics[1].agents[0]: -1 is less"],
    ),
    "nocode.yaml": (
        "version: 1\nproject: 0\nmetrics:\n  - {name: Py, type: python}\n",
        [
            "nocode.yaml:2:1: project: 0 is less than the minimum of 1",
            "nocode.yaml:4:5: metrics[0]: a python",
        ],
    ),
}


@pytest.mark.parametrize("command", ["validate", "plan", "apply"])
def test_invalid_files_are_refused_with_every_problem_and_nothing_sent(run, counted, tmp_path, command):
    for name, (text, expected) in BAD_FILES.items():
        (tmp_path / name).write_text(text)
        extra = ["--yes"] if command == "apply" else []
        result = run("metrics", command, "-f", name, *extra)
        assert result.code == 2, (name, result.err)
        assert result.err.startswith(f"error: {name}: {len(expected)} problems; nothing was sent\n")
        for line in expected:
            assert line in result.err, (name, line, result.err)
        assert result.out == ""
    assert counted.received == 0  # not one request reached the proxy
    if command == "plan":  # CI mode: every error is 1, so that 2 always means "changes"
        assert run("metrics", "plan", "-f", "typo.yaml", "--detailed-exitcode").code == 1


def test_in_process_sandbox_flag_works(run, tmp_path):
    exported = run("--sandbox", "metrics", "export", "--project-id", "1")
    assert exported.code == 0 and exported.out.startswith("# Metrics of project 1, exported by cekura")
    (tmp_path / "m.yaml").write_text(exported.out)
    assert run("--sandbox", "metrics", "plan", "-f", "m.yaml", "--detailed-exitcode").code == 0
    as_json = run("--sandbox", "metrics", "export", "--project-id", "1", "--agent-id", "123", "-o", "m.json")
    assert as_json.code == 0 and (tmp_path / "m.json").read_text().startswith("{")


def test_agent_scoped_export_and_prune(run, direct, counted, tmp_path):
    set_up(direct)  # 55 on agents 123 and 124; 56 and "Greets caller" on 123 only
    assert run("metrics", "export", "--project-id", "1", "--agent-id", "124", "-o", "a.yaml").code == 0
    document = yaml.safe_load((tmp_path / "a.yaml").read_text())
    assert document["agent_id"] == 124 and [m["name"] for m in document["metrics"]] == ["Booking confirmed"]
    assert (
        run("metrics", "plan", "-f", "a.yaml", "--prune", "--detailed-exitcode").code == 0
    )  # others out of scope
    document["metrics"] = []
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(document))
    planned = run("metrics", "plan", "-f", "a.yaml", "--prune", "--format", "json").json
    assert [(c["action"], c["id"]) for c in planned["changes"]] == [("delete", 55)]


def test_two_live_metrics_with_one_name_stop_the_plan(run, direct, counted, tmp_path):
    direct.metrics.create(name="Booking confirmed", eval_type="boolean", project=1)
    (tmp_path / "m.yaml").write_text("version: 1\nproject: 1\nmetrics:\n  - name: Booking confirmed\n")
    result = run("metrics", "apply", "-f", "m.yaml", "--yes")
    assert result.code == 1 and "2 metrics named 'Booking confirmed'" in result.err
    assert writes(counted) == Counter()


def test_apply_json_output(run, direct, counted, tmp_path):
    (tmp_path / "m.yaml").write_text(
        "version: 1\nproject: 1\nmetrics:\n  - {name: Fresh, prompt: Was it fresh?}\n"
    )
    result = run("metrics", "apply", "-f", "m.yaml", "--yes", "--format", "json")
    assert result.code == 0, result.err
    assert result.json["plan"]["summary"]["create"] == 1
    assert result.json["applied"]["write_calls"] == 1 and list(result.json["applied"]["created"]) == ["Fresh"]
    fresh = next(m for m in direct.metrics.list(project_id=1) if m["name"] == "Fresh")
    assert fresh["description"] == fresh["prompt"] == "Was it fresh?"  # the judge's criterion is set


def test_export_with_code_files_then_plan_shows_no_change(run, counted, tmp_path):
    (tmp_path / "ci").mkdir()
    result = run(
        "metrics", "export", "--project-id", "1", "-o", "ci/metrics.yaml", "--code-dir", "ci/metrics"
    )
    assert result.code == 0, result.err
    assert "(code in 1 file under ci/metrics)" in result.err
    text = (tmp_path / "ci" / "metrics.yaml").read_text()
    assert "code_file: metrics/call_under_three_minutes.py" in text and "def evaluate" not in text
    assert "def evaluate(call):" in (tmp_path / "ci" / "metrics" / "call_under_three_minutes.py").read_text()
    assert run("metrics", "plan", "-f", "ci/metrics.yaml", "--detailed-exitcode").code == 0
    assert run("metrics", "export", "--project-id", "1", "--code-dir", "x").code == 2  # needs -o


def test_a_refusal_after_some_writes_says_how_to_finish(run, direct, counted, tmp_path, monkeypatch):
    from cekura._client import Cekura

    original = Cekura._send

    def refuse_patches(self, request):
        if request.method == "PATCH":
            import httpx

            return httpx.Response(400, json={"prompt": ["Too long for this plan."]}, request=request), None
        return original(self, request)

    run("metrics", "export", "--project-id", "1", "-o", "m.yaml")
    text = (
        (tmp_path / "m.yaml").read_text().replace("agents: [123]", "agents: [123]\n  prompt: Judge this", 1)
    )
    (tmp_path / "m.yaml").write_text(text + "- {name: Fresh, prompt: Was it fresh?}\n")
    monkeypatch.setattr(Cekura, "_send", refuse_patches)
    result = run("metrics", "apply", "-f", "m.yaml", "--yes")
    assert result.code == 1
    assert "Too long for this plan." in result.err
    assert "hint: apply stopped after 1 write call; fix the cause and run the same apply again" in result.err
    monkeypatch.setattr(Cekura, "_send", original)
    finished = run("metrics", "apply", "-f", "m.yaml", "--yes")
    assert finished.code == 0 and "Applied: 0 created, 1 updated, 0 deleted (1 write call)." in finished.out


def test_yaml_and_query_output(run, counted, tmp_path):
    exported = run("metrics", "export", "--project-id", "1", "--format", "yaml")
    assert exported.code == 0 and yaml.safe_load(exported.out)["project"] == 1
    (tmp_path / "m.yaml").write_text(exported.out + "- {name: Extra, prompt: Anything else?}\n")
    planned = run("metrics", "plan", "-f", "m.yaml", "--format", "yaml")
    assert yaml.safe_load(planned.out)["summary"]["create"] == 1
    queried = run("metrics", "plan", "-f", "m.yaml", "--query", "summary.create")
    assert queried.code == 0 and queried.out.strip() == "1"
