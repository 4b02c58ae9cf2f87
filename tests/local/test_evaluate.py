"""The pure evaluation function: code styles, eval types, triggers, broken code (no processes)."""

from __future__ import annotations

import pickle

import pytest

from cekura.local import MetricCodeError, MetricSpec, detect_style, evaluate, evaluate_payload

from .conftest import make_call


def run(code, data=None, **spec):
    return evaluate_payload(MetricSpec(code, **spec), data if data is not None else make_call(), 7)


# ----------------------------------------------------------------------------- code styles
def test_script_style_sets_result_explanation_extra():
    r = run('n = len(data["transcript_json"])\n_result = n == 2\n_explanation = f"{n} turns"\n_extra = {"n": n}')
    assert (r.result, r.explanation, r.extra, r.error, r.status) == (True, "2 turns", {"n": 2}, None, "passed")
    assert r.call_id == 7 and r.duration > 0


def test_function_style_from_the_docs_page():
    code = "def evaluate(call):\n    return any(seg['duration'] > 30 for seg in call.get('hold_segments', []))\n"
    assert detect_style(code) == "function"
    assert run(code).result is False
    assert run(code, make_call(hold_segments=[{"duration": 45}])).result is True


def test_function_style_upstream_transcript_signature_gets_the_transcript_and_named_keys():
    code = "def evaluate(transcript, call_duration, metadata=None):\n    return (len(transcript.split()) / call_duration, metadata['customer_tier'])\n"
    r = run(code, eval_type="numeric")
    data = make_call()
    assert r.error is None and r.result == pytest.approx(len(data["transcript"].split()) / 5.0)
    assert r.explanation == "gold"


def test_function_style_returning_a_dict_with_score_as_upstream_shows():
    r = run("def evaluate(transcript):\n    return {'score': 3, 'explanation': 'ok', 'extra': {'a': 1}}", eval_type="numeric")
    assert (r.result, r.explanation, r.extra) == (3, "ok", {"a": 1})


def test_function_with_kwargs_receives_the_rest_of_the_payload():
    r = run("def evaluate(transcript, **rest):\n    return rest['dynamic_variables']['customer_name']", eval_type="enum", enum_values=["Ada", "Bob"])
    assert r.result == "Ada"


def test_script_that_also_defines_evaluate_is_a_script():
    code = "def evaluate(x):\n    return False\n_result = True"
    assert detect_style(code) == "script" and run(code).result is True


def test_indented_code_is_dedented():
    assert run("    _result = True\n    _explanation = 'x'\n").result is True


def test_other_metrics_results_and_explanations_are_readable():
    r = run('_result = data["CSAT"]\n_explanation = data["explanation"]["CSAT"]', eval_type="rating")
    assert (r.result, r.explanation) == (4.0, "polite")


def test_print_output_is_captured_not_leaked(capsys):
    r = run('print("debug", 42)\n_result = True')
    assert r.stdout == "debug 42\n" and capsys.readouterr().out == ""


# ----------------------------------------------------------------------------- eval types
@pytest.mark.parametrize(
    ("eval_type", "value", "expected"),
    [
        ("binary", "True", True),
        ("boolean", "False", False),
        ("numeric", "12", 12),
        ("numeric", "-2.5", -2.5),
        ("continuous_qualitative", "4", 4.0),
        ("rating", "0", 0.0),
        ("enum", "'booked'", "booked"),
    ],
)
def test_each_eval_type_accepts_its_type(eval_type, value, expected):
    r = run(f"_result = {value}", eval_type=eval_type, enum_values=["booked", "declined"] if eval_type == "enum" else None)
    assert r.error is None and r.result == expected and type(r.result) is type(expected)


@pytest.mark.parametrize("eval_type", ["binary", "numeric", "continuous_qualitative", "enum"])
def test_none_is_not_applicable_for_every_eval_type(eval_type):
    r = run("_result = None\n_explanation = 'no hold'", eval_type=eval_type, enum_values=["a"] if eval_type == "enum" else None)
    assert (r.result, r.error, r.status, r.explanation) == (None, None, "n/a", "no hold")


@pytest.mark.parametrize(
    ("eval_type", "value", "words"),
    [
        ("binary", "1", "True, False or None"),
        ("binary", "'yes'", "True, False or None"),
        ("numeric", "True", "number"),
        ("numeric", "'3'", "number"),
        ("numeric", "float('nan')", "finite"),
        ("continuous_qualitative", "7", "between 0 and 5"),
        ("enum", "'maybe'", "not one of"),
        ("enum", "3", "one of"),
    ],
)
def test_a_result_of_the_wrong_type_is_an_error_of_that_call(eval_type, value, words):
    r = run(f"_result = {value}", eval_type=eval_type, enum_values=["booked"] if eval_type == "enum" else None)
    assert r.result is None and r.status == "error" and words in r.error


def test_metric_spec_refuses_what_no_call_could_fix():
    with pytest.raises(MetricCodeError, match="enum_values"):
        MetricSpec("_result = 'a'", eval_type="enum")
    with pytest.raises(MetricCodeError, match="unknown eval_type"):
        MetricSpec("_result = 1", eval_type="score")
    with pytest.raises(MetricCodeError, match="no code"):
        MetricSpec("  ")


def test_from_metric_reads_the_api_shape_and_the_documented_words():
    spec = MetricSpec.from_metric(
        {"id": 9, "name": "Hold", "type": "python", "eval_type": "boolean", "code": "_result = True",
         "evaluation_trigger": "custom", "trigger_type": "custom_code", "evaluation_trigger_custom_code": "_result = False"}
    )
    assert (spec.metric_id, spec.name, spec.eval_type, spec.code, spec.trigger_code) == (9, "Hold", "binary", "_result = True", "_result = False")
    with pytest.raises(MetricCodeError, match="llm_judge"):
        MetricSpec.from_metric({"type": "llm_judge", "description": "x"})


def test_spec_and_result_pickle():
    spec = MetricSpec("_result = True", trigger_code="_result = True")
    assert pickle.loads(pickle.dumps(spec)) == spec
    r = evaluate_payload(spec, make_call(), 1)
    assert pickle.loads(pickle.dumps(r)) == r


# ----------------------------------------------------------------------------- triggers
def test_trigger_true_runs_the_metric():
    r = run("_result = False", trigger_code='_result = data["call_duration"] > 1')
    assert (r.result, r.triggered, r.status) == (False, True, "failed")


def test_trigger_false_gives_na_without_running_the_metric():
    r = run("raise RuntimeError('must not run')", trigger_code="_result = False")
    assert (r.result, r.error, r.triggered, r.status) == (None, None, False, "n/a")


def test_trigger_in_function_style_and_non_bool_trigger():
    assert run("_result = True", trigger_code="def evaluate(call):\n    return 'refund' in call['transcript']").status == "n/a"
    r = run("_result = True", trigger_code="_result = 1")
    assert r.status == "error" and "trigger" in r.error


# ----------------------------------------------------------------------------- broken code
@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("_result = (", "SyntaxError"),
        ("def evaluate(call):\nreturn True", "must be indented"),
        ("x = 1", "never set _result"),
        ("_result = 1 / 0", "ZeroDivisionError: division by zero (metric line 1)"),
        ("_result = data['nope']", "KeyError: 'nope'"),
        ("import sys\nsys.exit(3)", "SystemExit: 3"),
        ("def f(): return f()\n_result = f()", "RecursionError"),
        ("_result = True\n_extra = [1]", "_extra must be a dict"),
        ("_result = True\n_extra = {'s': {1, 2}}", "JSON-serializable"),
        ("def evaluate(call, missing):\n    return True", "'missing' is not a key"),
        ("def evaluate(call):\n    return {'nothing': 1}", "without a 'result'"),
        ("async def evaluate(call):\n    return True", "async"),
    ],
)
def test_broken_code_is_an_error_of_the_call(code, words):
    r = run(code)
    assert r.status == "error" and words in r.error, r.error


def test_helper_without_a_judge_fails_clearly():
    r = run("_result = evaluate_llm_judge_metric(data, description='x')['result']")
    assert r.status == "error" and "--judge sandbox" in r.error


def test_judge_callable_backs_the_helper():
    seen = []

    def judge(data, description="", eval_type=None, **kw):
        seen.append((description, eval_type))
        return {"result": "refund" in data["transcript"], "explanation": ["looked"]}

    r = evaluate_payload(
        MetricSpec("j = evaluate_llm_judge_metric(data, description='refund?', eval_type='binary')\n_result = j['result']"),
        make_call(), 1, judge=judge,
    )
    assert r.result is False and seen == [("refund?", "binary")]


def test_in_process_timeout_interrupts_a_loop():
    r = evaluate_payload(MetricSpec("while True:\n    pass"), make_call(), 1, timeout=0.2)
    assert r.status == "error" and r.error.startswith("timed out after 0.2 s")


def test_non_dict_data_is_an_error():
    assert "JSON object" in evaluate_payload(MetricSpec("_result = True"), ["x"], 1).error  # type: ignore[arg-type]


def test_evaluate_in_process_accepts_an_api_call_log():
    log = {"id": 55, "transcript_object": [{"role": "assistant", "content": "Hi", "start_time": 0.5, "end_time": 1.0}],
           "evaluation": {"metrics": []}, "duration": "00:01"}
    r = evaluate('_result = data["transcript"] == "[00:00] Main Agent: Hi"', log, isolated=False)
    assert (r.call_id, r.result) == (55, True)


def test_llm_judge_trigger_is_asked_of_the_judge_when_there_is_one():
    metric = {"type": "custom_code", "custom_code": "_result = True", "evaluation_trigger": "custom",
              "trigger_type": "llm_judge", "evaluation_trigger_prompt": "Did the caller ask about refunds?"}
    spec = MetricSpec.from_metric(metric)
    assert spec.trigger_prompt == "Did the caller ask about refunds?" and spec.trigger_code is None
    asked = []

    def judge(data, description="", eval_type=None, **kw):
        asked.append((description, eval_type))
        return {"result": "refund" in data["transcript"], "explanation": []}

    assert evaluate_payload(spec, make_call(), 1, judge=judge).status == "n/a"
    assert evaluate_payload(spec, make_call(transcript="a refund please"), 2, judge=judge).result is True
    assert asked == [("Did the caller ask about refunds?", "binary")] * 2
    # without a judge the trigger cannot be decided: the metric runs (the CLI says so)
    assert evaluate_payload(spec, make_call(), 3).result is True
