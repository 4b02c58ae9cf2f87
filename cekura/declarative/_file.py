"""Reading a metrics file: YAML or JSON, checked against the shipped JSON Schema and a few rules
the schema cannot say, every problem reported with its line, column and JSON path.

Nothing here talks to the API. PyYAML and jsonschema load only when a file is read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._errors import ValidationError
from .._vocabulary import wire_value

SCHEMA_FILE = "metrics-file.schema.json"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 4 * 1024 * 1024  # a metrics file, or one of its code files


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file: where (line/column are 1-based, 0 when unknown) and what."""

    file: str
    line: int
    column: int
    path: str  # JSON path, e.g. "metrics[2].eval_type"
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: {self.path or '(top)'}: {self.message}"


class FileInvalid(ValidationError):
    """A metrics file that cannot be used; `.problems` lists every reason. Nothing was sent."""

    def __init__(self, problems: list[Problem]) -> None:
        count = len(problems)
        head = f"{problems[0].file} has {count} problem{'s' if count != 1 else ''}; nothing was sent"
        super().__init__(
            head + "\n" + "\n".join(f"  {p}" for p in problems),
            errors={p.path or "(top)": [p.message] for p in problems},
        )
        self.problems = problems


@dataclass(slots=True)
class MetricsFile:
    """A valid metrics file: its project, optional agent scope, and its entries (code files read)."""

    path: str
    project: int
    metrics: list[dict[str, Any]]
    agent_id: int | None = None
    #: JSON path -> (line, column) of each value, for messages about an entry.
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)

    @staticmethod
    def key_of(entry: dict[str, Any]) -> str:
        return str(entry.get("key") or entry["name"])


def schema() -> dict[str, Any]:
    """The JSON Schema of a metrics file (shipped with the package)."""
    text = Path(__file__).with_name(SCHEMA_FILE).read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def load(path: str | Path) -> MetricsFile:
    """Read and check a metrics file. Raises FileInvalid listing every problem."""
    label = str(path)
    source = Path(path)
    try:
        if source.stat().st_size > MAX_FILE_BYTES:
            raise FileInvalid([Problem(label, 0, 0, "", f"larger than {MAX_FILE_BYTES // 1048576} MiB")])
        text = source.read_text(encoding="utf-8")
    except FileInvalid:
        raise
    except (OSError, UnicodeDecodeError) as exc:
        raise FileInvalid([Problem(label, 0, 0, "", f"cannot read it: {_os_reason(exc)}")]) from None
    return parse(text, label, base_dir=source.parent)


def parse(text: str, label: str = "<metrics file>", *, base_dir: str | Path = ".") -> MetricsFile:
    """Check a metrics file's text (YAML or JSON). Raises FileInvalid listing every problem."""
    data, marks, problems = _read_tree(text, label)
    if data is None and problems:
        raise FileInvalid(problems)  # not YAML at all: nothing more to check
    problems += _schema_problems(data, marks, label)
    if isinstance(data, dict) and isinstance(data.get("metrics"), list):
        problems += _rule_problems(data["metrics"], marks, label, Path(base_dir))
    if problems:
        problems.sort(key=lambda p: (p.line, p.column, p.path))
        raise FileInvalid(problems)
    metrics = [dict(entry) for entry in data["metrics"]]
    for entry in metrics:
        if "code_file" in entry:
            entry["code"] = _read_code(Path(base_dir) / entry["code_file"])
    return MetricsFile(label, data["project"], metrics, data.get("agent_id"), marks)


# ----------------------------------------------------------------------------- the tree and its marks
def _read_tree(text: str, label: str) -> tuple[Any, dict[str, tuple[int, int]], list[Problem]]:
    """(data, marks, problems): the file's data with each value's place (line, column)."""
    if text.lstrip().startswith(("{", "[")):
        return _read_json(text, label)
    return _read_yaml(text, label, "YAML")


def _read_json(text: str, label: str) -> tuple[Any, dict[str, tuple[int, int]], list[Problem]]:
    """JSON is read by the json module (YAML 1.1 differs on tabs, escapes and numbers); the
    places come from reading a same-shaped copy of the text as YAML."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        line, column = getattr(exc, "lineno", 0), getattr(exc, "colno", 0)
        return None, {}, [Problem(label, line, column, "", f"not valid JSON: {getattr(exc, 'msg', exc)}")]
    import re

    # same length, same places: tabs become spaces, escapes (which YAML 1.1 reads otherwise) become x's
    plain = re.sub(r"\\(u[0-9a-fA-F]{4}|.)", lambda m: "x" * len(m.group(0)), text.replace("\t", " "))
    located, marks, problems = _read_yaml(plain, label, "JSON")
    if located is None:  # a corner where YAML reads JSON differently: no places, still checked
        return data, {}, []
    return data, marks, [p for p in problems if p.message.endswith("is given twice")]


def _read_yaml(text: str, label: str, kind: str) -> tuple[Any, dict[str, tuple[int, int]], list[Problem]]:
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        what = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        return None, {}, [Problem(label, line, column, "", f"not valid {kind}: {what}")]
    except yaml.YAMLError as exc:
        return None, {}, [Problem(label, 0, 0, "", f"not valid {kind}: {exc}")]
    if node is None:
        return None, {}, [Problem(label, 1, 1, "", "the file is empty")]
    marks: dict[str, tuple[int, int]] = {}
    problems: list[Problem] = []
    constructor = yaml.SafeLoader("")
    data = _construct(node, "", marks, problems, label, constructor)
    return data, marks, problems


def _construct(
    node: Any,
    path: str,
    marks: dict[str, tuple[int, int]],
    problems: list[Problem],
    label: str,
    constructor: Any,
) -> Any:
    """Build the value of `node`; note where each value sits (a mapping value: where its key is)."""
    import yaml

    marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            child = f"{path}.{key}" if path else key
            line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key in out:
                problems.append(Problem(label, line, col, child, f"{key!r} is given twice"))
            else:
                marks[child] = (line, col)
            out[key] = _construct(value_node, child, marks, problems, label, constructor)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(item, f"{path}[{i}]", marks, problems, label, constructor)
            for i, item in enumerate(node.value)
        ]
    try:
        return constructor.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        line, col = marks[path]
        problems.append(Problem(label, line, col, path, f"unreadable value: {exc}"))
        return None


def _json_path(parts: Any) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _at(marks: dict[str, tuple[int, int]], path: str) -> tuple[int, int]:
    while path not in marks and path:
        path = path.rpartition("[")[0] if path.endswith("]") else path.rpartition(".")[0]
    return marks.get(path, (0, 0))


# ----------------------------------------------------------------------------- the schema
def _schema_problems(data: Any, marks: dict[str, tuple[int, int]], label: str) -> list[Problem]:
    import jsonschema  # type: ignore[import-untyped,unused-ignore]

    validator = jsonschema.Draft202012Validator(schema())
    problems = []
    for error in validator.iter_errors(data):
        path = _json_path(error.absolute_path)
        message, path = _message(error, path)
        line, column = _at(marks, path)
        problems.append(Problem(label, line, column, path, message))
    return problems


def _message(error: Any, path: str) -> tuple[str, str]:
    """A schema error in plain words (and the path it is best reported at)."""
    kind, instance = error.validator, error.instance
    if kind == "additionalProperties" and isinstance(instance, dict):
        import difflib

        allowed = list(error.schema.get("properties", {}))
        extra = [k for k in instance if k not in allowed]
        words = []
        for name in extra:
            close = difflib.get_close_matches(name, allowed, n=1)
            words.append(f"unknown field {name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        first = f"{path}.{extra[0]}" if extra and path else (extra[0] if extra else path)
        return "; ".join(words), first
    if kind == "not" and isinstance(instance, dict) and {"code", "code_file"} <= set(instance):
        return "give code or code_file, not both", f"{path}.code_file"
    if kind == "required" and error.schema_path and "then" in error.schema_path:
        return "enum_values is required when eval_type is enum", path
    if kind == "enum":
        return f"{instance!r} is not one of: {', '.join(map(str, error.validator_value))}", path
    if kind == "const" and path == "version":
        return f"unsupported version {instance!r}: this cekura reads version {FORMAT_VERSION}", path
    if kind == "pattern" and path.endswith(".name"):
        return "a name may not be blank", path
    return error.message, path


# ----------------------------------------------------------------------------- rules beyond the schema
def _rule_problems(
    entries: list[Any], marks: dict[str, tuple[int, int]], label: str, base_dir: Path
) -> list[Problem]:
    problems: list[Problem] = []

    def add(path: str, message: str) -> None:
        line, column = _at(marks, path)
        problems.append(Problem(label, line, column, path, message))

    names: dict[str, int] = {}
    keys: dict[str, int] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            continue
        here = f"metrics[{index}]"
        name = entry["name"]
        if name in names:
            add(f"{here}.name", f"name {name!r} is already used by metrics[{names[name]}]")
        names.setdefault(name, index)
        given = entry.get("key")
        key: str = given if isinstance(given, str) else name
        if key in keys and key != name:
            add(f"{here}.key", f"key {key!r} is already used by metrics[{keys[key]}]")
        keys.setdefault(key, index)
        code_file = entry.get("code_file")
        if isinstance(code_file, str) and code_file:
            try:
                _read_code(base_dir / code_file)
            except OSError as exc:
                add(f"{here}.code_file", f"cannot read {code_file}: {_os_reason(exc)}")
            except (UnicodeDecodeError, ValueError) as exc:
                add(f"{here}.code_file", f"cannot read {code_file}: {exc}")
        kind = entry.get("type")
        if isinstance(kind, str) and wire_value("type", kind) == "custom_code" and not entry.get("code") and not entry.get("code_file"):
            add(here, "a python metric needs its source: code: | ... or code_file: path.py")
        if (kind is None or (isinstance(kind, str) and wire_value("type", kind) == "llm_judge")) and ("code" in entry or "code_file" in entry):
            add(f"{here}.type", "code is only used by python metrics; add type: python")
    # names and keys share one namespace: a key equal to another metric's name is ambiguous
    for index, entry in enumerate(entries):
        if isinstance(entry, dict) and isinstance(entry.get("key"), str):
            other = names.get(entry["key"])
            if other is not None and other != index:
                add(f"metrics[{index}].key", f"key {entry['key']!r} is the name of metrics[{other}]")
    return problems


def _read_code(path: Path) -> str:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValueError(f"larger than {MAX_FILE_BYTES // 1048576} MiB")
    return path.read_text(encoding="utf-8")


def _os_reason(exc: BaseException) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
