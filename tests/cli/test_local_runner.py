"""`cekura metrics test`, `metrics render`, `calls export`: outputs, summaries, exit codes, bad input."""

from __future__ import annotations

import json

import pytest

SCRIPT = 'n = len(data["transcript"].split())\n_result = n > 10\n_explanation = f"{n} words"\n_extra = {"words": n}\n'


def payload(i: int, words: int, **extra):
    data = {
        "call_log_id": i,
        "transcript": "[00:01] Main Agent: " + " ".join(["hi"] * words),
        "transcript_json": [],
        "call_duration": 3.0,
        "metadata": {"tier": "gold"},
        "dynamic_variables": {"customer_name": "Ada"},
    }
    data.update(extra)
    return data


@pytest.fixture
def calls_jsonl(files):
    rows = [payload(i, words, **{"Long call": words > 5}) for i, words in enumerate([2, 3, 5, 6, 8, 9], 1)]
    return files("calls.jsonl", "".join(json.dumps(r) + "\n" for r in rows))


@pytest.fixture
def script(files):
    return files("metric.py", SCRIPT)


def lines(out: str):
    return [json.loads(line) for line in out.splitlines()]


def test_script_metric_on_a_jsonl_file_table(run, script, calls_jsonl):
    r = run("metrics", "test", "--code-file", script, "--calls", calls_jsonl)
    assert r.code == 0, r.err
    rows = [line.split() for line in r.out.splitlines()[1:7]]
    assert [(row[0], row[1]) for row in rows] == [
        ("1", "failed"), ("2", "failed"), ("3", "failed"), ("4", "failed"), ("5", "passed"), ("6", "passed"),
    ]
    assert "6 calls in" in r.out and "passed 2 · failed 4 · errors 0" in r.out
    assert "values: False ×4, True ×2" in r.out and "slowest:" in r.out


def test_json_lines_carry_the_documented_fields(run, script, calls_jsonl):
    r = run("metrics", "test", "--code-file", script, "--calls", calls_jsonl, "--format", "json", "--workers", "1")
    assert r.code == 0, r.err
    rows = lines(r.out)
    assert len(rows) == 6
    assert rows[4] == {
        "call_id": 5, "status": "passed", "result": True, "explanation": "11 words", "extra": {"words": 11},
        "error": None, "duration": rows[4]["duration"],
    }
    assert all(isinstance(row["duration"], float) for row in rows)
    assert "6 calls in" in r.err  # the summary stays off stdout


def test_function_style_single_call_file_and_numeric(run, files):
    code = files("m.py", "def evaluate(call):\n    return call['call_duration'] * 2\n")
    call = files("call.json", json.dumps(payload(9, 3)))
    r = run("metrics", "test", "--code-file", code, "--eval-type", "numeric", "--call", call, "--format", "json")
    assert r.code == 0, r.err
    assert lines(r.out)[0]["result"] == 6.0 and lines(r.out)[0]["call_id"] == 9
    assert "numbers: min 6 · mean 6 · max 6" in r.err


def test_enum_and_a_wrong_result_type_is_that_calls_error(run, files, calls_jsonl):
    code = files("m.py", '_result = "long" if len(data["transcript"]) > 35 else 3\n')
    r = run("metrics", "test", "--code-file", code, "--eval-type", "enum", "--enum-values", "long,short",
            "--calls", calls_jsonl, "--format", "json")
    assert r.code == 1
    rows = lines(r.out)
    assert [row["status"] for row in rows].count("error") >= 1
    assert any(row["result"] == "long" for row in rows)
    assert "an enum metric's result must be one of ['long', 'short']" in r.out
    assert "could not be evaluated" in r.err


def test_trigger_file_false_gives_na(run, script, calls_jsonl, files):
    trigger = files("trigger.py", '_result = data["call_log_id"] > 4\n')
    r = run("metrics", "test", "--code-file", script, "--trigger-file", trigger, "--calls", calls_jsonl, "--format", "json")
    assert r.code == 0, r.err
    assert [row["status"] for row in lines(r.out)] == ["n/a"] * 4 + ["passed"] * 2
    assert lines(r.out)[0]["triggered"] is False


def test_metric_from_file_in_the_documented_words(run, files, calls_jsonl):
    metric = files("metric.json", json.dumps({"name": "Long call", "type": "python", "eval_type": "boolean", "code": SCRIPT}))
    r = run("metrics", "test", "--from-file", metric, "--calls", calls_jsonl, "--compare")
    assert r.code == 0, r.err
    assert "compare: 5 of 6 calls agree with the platform's stored score (83.3%)" in r.out
    assert "local \\ platform" in r.out


def test_compare_and_fail_under_gate(run, files, calls_jsonl, script):
    base = ["metrics", "test", "--code-file", script, "--name", "Long call", "--calls", calls_jsonl, "--compare"]
    failing = run(*base, "--fail-under", "90%", "--format", "json")
    assert failing.code == 1 and "agreement with the platform 83.3% is under --fail-under 90%" in failing.err
    rows = lines(failing.out)
    assert rows[3]["platform"] is True and rows[3]["agrees"] is False  # 6 words: platform True, local False
    assert run(*base, "--fail-under", "0.8").code == 0


def test_summary_file_for_ci(run, script, calls_jsonl, tmp_path):
    target = tmp_path / "summary.json"
    r = run("metrics", "test", "--code-file", script, "--name", "Long call", "--calls", calls_jsonl, "--compare",
            "--summary-file", str(target), "--format", "json")
    assert r.code == 0, r.err
    summary = json.loads(target.read_text())
    assert (summary["calls"], summary["passed"], summary["failed"], summary["errors"]) == (6, 2, 4, 0)
    assert summary["values"] == {"False": 4, "True": 2}
    comparison = summary["comparison"]
    assert (comparison["comparable"], comparison["agree"]) == (6, 5)
    assert {"local": "False", "platform": "True", "calls": 1} in comparison["confusion"]


def test_pass_rate_gate_without_compare(run, script, calls_jsonl):
    assert run("metrics", "test", "--code-file", script, "--calls", calls_jsonl, "--fail-under", "0.5").code == 1
    assert run("metrics", "test", "--code-file", script, "--calls", calls_jsonl, "--fail-under", "30%").code == 0


def test_directory_of_calls_and_api_shaped_call_logs(run, files, tmp_path, script):
    folder = tmp_path / "calls"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(payload(1, 9)))
    (folder / "b.jsonl").write_text(json.dumps(payload(2, 1)) + "\n\n" + json.dumps(payload(3, 9)) + "\n")
    log = {"id": 77, "transcript_object": [{"role": "agent", "content": "a b c d e f g h i", "start_time": 0}],
           "evaluation": {"metrics": []}}
    (folder / "c.json").write_text(json.dumps([log]))
    (folder / "notes.txt").write_text("ignored")
    (folder / "z-broken.json").write_text("{oops")
    r = run("metrics", "test", "--code-file", script, "--calls", str(folder), "--format", "json")
    assert r.code == 1, r.err  # the broken file is an error of its call; the others ran
    rows = lines(r.out)
    assert [(row["call_id"], row["result"]) for row in rows[:4]] == [(1, True), (2, False), (3, True), (77, True)]
    assert rows[4]["call_id"] == "z-broken" and "not valid JSON" in rows[4]["error"]


def test_a_hostile_call_does_not_stop_the_run(run, files, calls_jsonl):
    code = files("m.py", "import os\nif data['call_log_id'] == 2:\n    os.system('touch /tmp/x')\n_result = True\n")
    r = run("metrics", "test", "--code-file", code, "--calls", calls_jsonl, "--format", "json", "--time-limit", "2")
    assert r.code == 1
    statuses = [row["status"] for row in lines(r.out)]
    assert statuses == ["passed", "error", "passed", "passed", "passed", "passed"]


def test_stdin_jsonl(run, script):
    r = run("metrics", "test", "--code-file", script, "--calls", "-", "--format", "json",
            stdin=json.dumps(payload(4, 9)) + "\n")
    assert r.code == 0 and lines(r.out)[0]["result"] is True


def test_progress_on_stderr_when_asked(run, script, calls_jsonl):
    r = run("metrics", "test", "--code-file", script, "--calls", calls_jsonl, "--progress", "--format", "json")
    assert r.code == 0 and "6 calls ·" in r.err


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--calls", "CALLS"], "one of the arguments --metric-id --code-file --from-file is required"),
        (["--code-file", "SCRIPT"], "no calls given"),
        (["--code-file", "SCRIPT", "--from-file", "SCRIPT", "--calls", "CALLS"], "not allowed with"),
        (["--code-file", "missing.py", "--calls", "CALLS"], "no such file"),
        (["--code-file", "SCRIPT", "--call", "missing.json"], "no such file"),
        (["--code-file", "SCRIPT", "--call", "BADJSON"], "invalid JSON"),
        (["--code-file", "SCRIPT", "--calls", "missing.jsonl"], "no such file or directory"),
        (["--code-file", "SCRIPT", "--calls", "EMPTYDIR"], "no .json or .jsonl files"),
        (["--code-file", "SCRIPT", "--calls", "NOTJSON"], "not JSON lines"),
        (["--code-file", "BROKEN", "--calls", "CALLS"], "does not compile: SyntaxError"),
        (["--code-file", "SCRIPT", "--eval-type", "enum", "--calls", "CALLS"], "enum_values"),
        (["--code-file", "SCRIPT", "--eval-type", "score", "--calls", "CALLS"], "unknown eval_type"),
        (["--code-file", "SCRIPT", "--calls", "CALLS", "--fail-under", "150"], "expected a rate"),
        (["--code-file", "SCRIPT", "--calls", "CALLS", "--workers", "0"], "expected a whole number"),
        (["--code-file", "SCRIPT", "--calls", "CALLS", "--time-limit", "-1"], "positive number"),
        (["--code-file", "SCRIPT", "--calls", "CALLS", "--compare"], "--compare needs the metric's name"),
        (["--code-file", "SCRIPT", "--eval-type", "numeric", "--calls", "CALLS", "--fail-under", "0.5"], "add --compare"),
        (["--from-file", "LIST", "--calls", "CALLS"], "expected a metric"),
        (["--from-file", "SCRIPT", "--calls", "CALLS"], "give Python source with --code-file"),
        (["--code-file", "SCRIPT", "--call", "CALLS"], "give JSON lines with --calls"),
        (["--from-file", "JUDGE", "--calls", "CALLS"], "not custom code"),
    ],
)
def test_bad_input_exits_2_before_running(run, files, tmp_path, script, calls_jsonl, argv, words):
    empty = tmp_path / "empty"
    empty.mkdir()
    names = {
        "SCRIPT": script, "CALLS": calls_jsonl, "BADJSON": files("bad.json", "{nope"),
        "EMPTYDIR": str(empty), "NOTJSON": files("x.jsonl", "hello\n"), "BROKEN": files("broken.py", "_result = (\n"),
        "LIST": files("list.json", "[1]"), "JUDGE": files("judge.json", json.dumps({"type": "llm_judge", "description": "x"})),
    }
    r = run("metrics", "test", *[names.get(a, a) for a in argv])
    assert r.code == 2, (r.out, r.err)
    assert r.out == "" and r.err.startswith("error: ") and words in r.err, r.err


def test_metric_by_id_from_the_sandbox(cli, calls_jsonl):
    created = cli("metrics", "create", "--name", "Long call", "--type", "python", "--eval-type", "boolean",
                  "--agent-id", "123", "--json", json.dumps({"code": SCRIPT}), "--format", "json")
    assert created.code == 0, created.err
    metric_id = created.json["id"]
    r = cli("metrics", "test", "--metric-id", str(metric_id), "--calls", calls_jsonl, "--compare", "--format", "json")
    assert r.code == 0, r.err
    assert [row["result"] for row in lines(r.out)] == [False, False, False, False, True, True]
    assert "5 of 6 calls agree" in r.err
    judge = cli("metrics", "create", "--name", "J", "--type", "llm_judge", "--prompt", "Greets?", "--agent-id", "123",
                "--format", "json")
    refused = cli("metrics", "test", "--metric-id", str(judge.json["id"]), "--calls", calls_jsonl)
    assert refused.code == 2 and "cekura metrics render" in refused.err


# ----------------------------------------------------------------------------- render
def test_render_fills_placeholders_and_names_the_rest(run, files):
    judge = files("judge.json", json.dumps({
        "type": "llm_judge", "description": "Did the agent greet {{dynamic_variables.customer_name}} ({{metadata.tier}})? "
        "{{metadata.region}}\n{{transcript}}", "prompt": "",
    }))
    call = files("call.json", json.dumps(payload(1, 2)))
    r = run("metrics", "render", "--from-file", judge, "--call", call)
    assert r.code == 0, r.err
    assert r.out.startswith("Did the agent greet Ada (gold)? {{metadata.region}}\n[00:01] Main Agent: hi hi")
    assert "could not fill {{metadata.region}}" in r.err
    j = run("metrics", "render", "--text", "Hi {{agent.name}} {{call_end_reason}}", "--call", call, "--format", "json")
    assert j.json["texts"][0]["unfilled"] == ["agent.name", "call_end_reason"]


def test_render_bad_input(run, files):
    call = files("call.json", json.dumps(payload(1, 2)))
    assert run("metrics", "render", "--call", call).code == 2
    assert run("metrics", "render", "--text", "x", "--call", "nope.json").code == 2
    empty = files("judge.json", json.dumps({"type": "llm_judge"}))
    assert "no judge text" in run("metrics", "render", "--from-file", empty, "--call", call).err


# ----------------------------------------------------------------------------- export
def test_export_turns_saved_call_logs_into_payloads(run, files, tmp_path):
    log = {"id": 5, "duration": "00:10", "transcript_object": [{"role": "user", "content": "hi", "start_time": 2}],
           "evaluation": {"metrics": [{"id": 1, "name": "CSAT", "type": "binary", "score": 5, "explanation": ["ok"]}]},
           "dynamic_variables": {"x": 1}}
    saved = files("log.json", json.dumps(log))
    r = run("calls", "export", "--call", saved)
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["transcript"] == "[00:02] Testing Agent: hi" and data["CSAT"] is True and data["call_log_id"] == 5
    out = tmp_path / "out.jsonl"
    r = run("calls", "export", "--call", saved, "-o", str(out))
    assert r.code == 0 and json.loads(out.read_text()) == data and "wrote 1 payload" in r.err
    assert run("calls", "export").code == 2


# ----------------------------------------------------------------------------- calls fetched by id (sandbox)
def test_calls_and_runs_by_id_from_the_sandbox(cli, files):
    code = files("m.py", '_result = "booked" in data["transcript"]\n_explanation = data["call_end_reason"]\n')
    r = cli("metrics", "test", "--code-file", code, "--call-log-id", "7788", "7789", "--run-id", "9001", "--format", "json")
    assert r.code == 0, r.err
    rows = lines(r.out)
    assert [row["call_id"] for row in rows] == [7788, 7789, 9001]
    assert rows[0]["result"] is True and rows[0]["explanation"] == "customer-ended-call"


def test_compare_with_scores_the_sandbox_stored(cli, files):
    # the demo calls carry a stand-in verdict of the "Booking confirmed" judge: compare a local guess with it
    code = files("m.py", '_result = "booked" in data["transcript"].lower()\n')
    r = cli("metrics", "test", "--code-file", code, "--name", "Booking confirmed", "--call-log-id", "7788,7789,7790",
            "--compare", "--format", "json")
    assert r.code == 0, r.err
    rows = lines(r.out)
    assert all("platform" in row for row in rows)
    assert "calls agree with the platform's stored score" in r.err


def test_export_by_id_and_unknown_id(cli):
    r = cli("calls", "export", "--call-log-id", "7788", "--run-id", "9001")
    assert r.code == 0, r.err
    call, run = lines(r.out)
    assert call["call_log_id"] == 7788 and call["transcript"].startswith("[00:00] Main Agent: ")
    assert run["run_id"] == 9001 and "expected_outcome" in run
    missing = cli("calls", "export", "--call-log-id", "999999")
    assert missing.code == 1 and missing.out == ""


def test_render_refuses_a_custom_code_metric(cli):
    r = cli("metrics", "render", "--metric-id", "56", "--call-log-id", "7788")
    assert r.code == 2 and "custom code" in r.err and "cekura metrics test" in r.err


def test_render_from_a_call_log_by_id(cli):
    r = cli("metrics", "render", "--text", "{{dynamic_variables.customer_name}} / {{metadata.call_type}}",
            "--call-log-id", "7788")
    assert r.code == 0 and r.out.strip() == "Dana Whitfield / inbound"


# ----------------------------------------------------------------------------- evaluate_llm_judge_metric in code
JUDGE_CODE = (
    "j = evaluate_llm_judge_metric(data, description='Did the agent confirm the booking date and time?', "
    "eval_type='binary')\n_result = j['result']\n_explanation = j['explanation'][0]\n"
)


def test_code_calling_the_judge_needs_a_judge(cli, files):
    code = files("m.py", JUDGE_CODE)
    r = cli("metrics", "test", "--code-file", code, "--call-log-id", "7788", "--format", "json")
    assert r.code == 1 and "--judge sandbox" in lines(r.out)[0]["error"]


def test_code_calling_the_judge_with_the_sandbox_stand_in(cli, files):
    code = files("m.py", JUDGE_CODE)
    r = cli("metrics", "test", "--code-file", code, "--call-log-id", "7788", "--judge", "sandbox", "--format", "json")
    assert r.code == 0, r.err
    row = lines(r.out)[0]
    assert row["result"] is True and "stand-in" in row["explanation"]


def test_api_judge_needs_a_saved_metric_and_a_key(run, cli, files, requests_sent):
    code = files("m.py", JUDGE_CODE)
    r = cli("metrics", "test", "--code-file", code, "--call-log-id", "7788", "--judge", "api")
    assert r.code == 2 and "--judge api needs a saved metric" in r.err and requests_sent == []
    keyless = run("--api-url", "https://api.cekura.ai", "metrics", "test", "--metric-id", "5", "--call", code,
                  "--judge", "api")
    assert keyless.code == 2 and "error:" in keyless.err and requests_sent == []


def test_api_judge_through_the_api_opted_in(cli, files, requests_sent):
    created = cli("metrics", "create", "--name", "Judged", "--type", "python", "--eval-type", "boolean",
                  "--agent-id", "123", "--json", json.dumps({"code": JUDGE_CODE}), "--format", "json")
    r = cli("metrics", "test", "--metric-id", str(created.json["id"]), "--call-log-id", "7788", "--judge", "api",
            "--format", "json")
    assert r.code == 0, r.err
    row = lines(r.out)[0]
    assert row["result"] is True and "stand-in" in row["explanation"]
    assert any(s.endswith("/evaluate_llm_judge_metric/") for s in requests_sent)
    assert any(s.endswith("/evaluate_metric_progress/") for s in requests_sent)


def test_help_and_import_do_not_load_the_runner():
    import subprocess
    import sys

    script = (
        "import sys, io, contextlib\nimport cekura\nfrom cekura.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    for argv in (['--help'], ['metrics', 'test', '--help'], ['calls', 'export', '--help']):\n"
        "        try:\n            main(argv)\n        except SystemExit:\n            pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('cekura.local', 'dask', 'distributed'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_sandbox_scores_custom_code_with_the_runner_and_compare_agrees(cli):
    # metric 56 is the sandbox's demo custom-code metric; the sandbox scored its demo calls with cekura.local
    r = cli("metrics", "test", "--metric-id", "56", "--call-log-id", "7788,7789", "--run-id", "9001", "--compare",
            "--fail-under", "100%", "--format", "json")
    assert r.code == 0, r.err
    rows = lines(r.out)
    assert [row["agrees"] for row in rows] == [True, True, True]
    assert "3 of 3 calls agree" in r.err
