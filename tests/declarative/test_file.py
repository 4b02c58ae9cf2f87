"""The metrics file: schema shipped with the package, offline validation naming every problem's place."""

from __future__ import annotations

import json

import jsonschema
import pytest

from cekura import declarative
from cekura.declarative import FileInvalid, load, parse

BAD = """\
version: 1
project: 1
metrics:
  - name: Booking confirmed
    eval_type: boolen
    promt: Did the agent confirm?
  - name: Booking confirmed
    type: python
    code_file: missing.py
  - name: Mood
    eval_type: enum
    agents: [123, 0]
  - name: Both
    type: python
    code: "_result = 1"
    code_file: both.py
    code: "_result = 2"
"""


def test_the_schema_ships_in_the_package_and_is_a_valid_json_schema():
    path = declarative.schema_path()
    assert path.is_file() and path.name.endswith(".schema.json")
    schema = json.loads(path.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["required"] == ["version", "project", "metrics"]


def test_every_problem_is_named_with_line_column_and_path(tmp_path):
    (tmp_path / "both.py").write_text("_result = 3\n")
    (tmp_path / "metrics.yaml").write_text(BAD)
    with pytest.raises(FileInvalid) as caught:
        load(tmp_path / "metrics.yaml")
    found = [(p.line, p.column, p.path, p.message) for p in caught.value.problems]
    assert found == [
        (
            5,
            5,
            "metrics[0].eval_type",
            "'boolen' is not one of: boolean, rating, numeric, enum, binary, continuous_qualitative",
        ),
        (6, 5, "metrics[0].promt", "unknown field 'promt' (did you mean 'prompt'?)"),
        (7, 5, "metrics[1].name", "name 'Booking confirmed' is already used by metrics[0]"),
        (9, 5, "metrics[1].code_file", "cannot read missing.py: No such file or directory"),
        (10, 5, "metrics[2]", "enum_values is required when eval_type is enum"),
        (12, 19, "metrics[2].agents[1]", "0 is less than the minimum of 1"),
        (16, 5, "metrics[3].code_file", "give code or code_file, not both"),
        (17, 5, "metrics[3].code", "'code' is given twice"),
    ]
    assert caught.value.status is None  # nothing was sent
    assert str(caught.value.problems[0]).startswith(
        f"{tmp_path / 'metrics.yaml'}:5:5: metrics[0].eval_type: "
    )


def test_json_files_are_read_and_located_too():
    text = '{"version": 1, "project": 1,\n "metrics": [{"name": "A", "type": "python", "agents": ["x"]}]}'
    with pytest.raises(FileInvalid) as caught:
        parse(text, "m.json")
    assert [(p.line, p.path) for p in caught.value.problems] == [
        (2, "metrics[0]"),
        (2, "metrics[0].agents[0]"),
    ]
    assert "needs its source" in caught.value.problems[0].message


def test_broken_yaml_is_one_located_problem():
    with pytest.raises(FileInvalid) as caught:
        parse("version: 1\nmetrics: [\n", "m.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 3 and "not valid YAML" in problem.message


def test_json_is_read_as_json_tabs_escapes_and_all():
    text = json.dumps(
        {"version": 1, "project": 1, "metrics": [{"name": "Ünï 😀", "prompt": "a\tb", "promt": 1}]},
        indent="\t",
    )
    with pytest.raises(FileInvalid) as caught:
        parse(text, "m.json")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.path) == (8, 4, "metrics[0].promt")
    fine = json.dumps(
        {"version": 1, "project": 1, "metrics": [{"name": "Ünï 😀", "prompt": "a\tb"}]}, indent="\t"
    )
    assert parse(fine, "m.json").metrics == [{"name": "Ünï 😀", "prompt": "a\tb"}]
    with pytest.raises(FileInvalid) as caught:
        parse('{"version": 1,\n "project": 1,,}', "m.json")
    assert [(p.line, p.column) for p in caught.value.problems] == [(2, 15)]
    assert caught.value.problems[0].message.startswith("not valid JSON: ")


def test_missing_top_level_fields_and_wrong_version():
    with pytest.raises(FileInvalid) as caught:
        parse("version: 2\nmetric: []\n", "m.yaml")
    messages = sorted(p.message for p in caught.value.problems)
    assert "'metrics' is a required property" in messages and "'project' is a required property" in messages
    assert any("unsupported version 2" in m for m in messages)
    assert any("unknown field 'metric' (did you mean 'metrics'?)" in m for m in messages)


def test_code_file_is_read_relative_to_the_file(tmp_path):
    (tmp_path / "code").mkdir()
    (tmp_path / "code" / "short.py").write_text("_result = data['call_duration'] < 180\n")
    (tmp_path / "m.yaml").write_text(
        "version: 1\nproject: 1\nagent_id: 123\nmetrics:\n"
        "  - {name: Short, key: short, type: python, code_file: code/short.py}\n"
    )
    loaded = load(tmp_path / "m.yaml")
    assert loaded.project == 1 and loaded.agent_id == 123
    assert loaded.metrics[0]["code"] == "_result = data['call_duration'] < 180\n"
