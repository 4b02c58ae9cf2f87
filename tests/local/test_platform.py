"""The sandbox's entry point: verdicts in the shape of `evaluation.metrics[]`."""

from __future__ import annotations

from cekura.local import platform_verdict, platform_verdicts

from .conftest import make_call

LOG = {"id": 7, "transcript_object": [{"role": "assistant", "content": "Your booking is confirmed", "start_time": 1}],
       "evaluation": {"metrics": []}, "duration": "00:09"}


def metric(code, eval_type="binary", **extra):
    return {"id": 1, "name": "m", "type": "custom_code", "eval_type": eval_type, "custom_code": code, **extra}


def test_binary_numeric_enum_and_na_verdicts():
    assert platform_verdict(metric('_result = "confirmed" in data["transcript"]\n_explanation = "ok"'), LOG) == {
        "score": 5, "value": True, "explanation": ["ok"], "extra": {},
    }
    assert platform_verdict(metric("_result = data['call_duration']", "numeric"), LOG)["score"] == 9.0
    enum = platform_verdict(metric("_result = 'yes'", "enum", enum_values=["yes", "no"]), LOG)
    assert (enum["score"], enum["value"], enum["enum"]) == (None, "yes", "yes")
    na = platform_verdict(metric("_result = None"), make_call())
    assert (na["score"], na["value"]) == (None, None)


def test_errors_are_unscored_verdicts_that_say_why():
    broken = platform_verdicts(metric("_result = 1 / 0"), [LOG, make_call()])
    assert [v["score"] for v in broken] == [None, None]
    assert "ZeroDivisionError" in broken[0]["explanation"][0] and broken[0]["extra"]["error"]
    empty = platform_verdict(metric(""), LOG)
    assert empty["score"] is None and "no code" in empty["explanation"][0]


def test_code_calling_the_judge_gets_the_stand_in():
    code = "j = evaluate_llm_judge_metric(data, description='Is the booking confirmed?')\n_result = j['result']"
    v = platform_verdict(metric(code), LOG)
    assert v["score"] == 5 and v["value"] is True
