"""Emit docs/reference.md: every SDK method with its parameters, types, defaults, the API
operations it calls, its result type and its errors, read from the SDK's own signatures
(the same ones `inspect.signature` and `help()` show) and from openapi/cekura-metrics.yaml.

Run by scripts/generate.py (`make generate`); `make check-generated` fails when it is stale.
"""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
HTTP_METHODS = ("get", "put", "post", "patch", "delete")


def _operations(spec: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    found = {}
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, dict) and op.get("operationId"):
                found[op["operationId"]] = (method.upper(), path, op)
    return found


def _type(annotation: Any) -> str:
    if annotation is inspect.Parameter.empty:
        return ""
    text = inspect.formatannotation(annotation)
    for prefix in ("cekura.types.", "cekura._response.", "collections.abc.", "typing.", "builtins."):
        text = text.replace(prefix, "")
    return text.replace("|", "\\|")


def _default(param: inspect.Parameter) -> str:
    if param.default is inspect.Parameter.empty:
        return "required" if param.kind is not param.VAR_KEYWORD else ""
    return f"`{param.default!r}`"


def _kind(param: inspect.Parameter) -> str:
    return {
        param.POSITIONAL_ONLY: "positional",
        param.POSITIONAL_OR_KEYWORD: "positional or keyword",
        param.KEYWORD_ONLY: "keyword",
        param.VAR_KEYWORD: "keywords",
        param.VAR_POSITIONAL: "positional (any number)",
    }[param.kind]


def _wire_calls(flow_fn: Any, operations: dict[str, Any]) -> list[str]:
    """The API operations a method's flow calls (read from its source), in order of appearance."""
    source = inspect.getsource(flow_fn)
    names = re.findall(r'"([a-z][a-z0-9_]*)"', source)
    return list(dict.fromkeys(n for n in names if n in operations))


def _field_docs(*sources: str) -> dict[str, dict[str, str]]:
    """class name -> {field: the docstring under it}, read from Python source (TypedDicts)."""
    import ast

    docs: dict[str, dict[str, str]] = {}
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.ClassDef):
                continue
            fields = docs.setdefault(node.name, {})
            body = node.body
            for stmt, following in zip(body, body[1:] + [None], strict=True):
                if (
                    isinstance(stmt, ast.AnnAssign)
                    and isinstance(stmt.target, ast.Name)
                    and isinstance(following, ast.Expr)
                    and isinstance(following.value, ast.Constant)
                    and isinstance(following.value.value, str)
                ):
                    fields[stmt.target.id] = " ".join(following.value.value.split())
    return docs


def _meaning(param: str, flow_fn: Any, docs: dict[str, dict[str, str]]) -> str:
    annotations = getattr(flow_fn, "__annotations__", {})
    for name, annotation in annotations.items():
        text = str(annotation)
        if name != "return" and text.startswith("Unpack["):
            cls = text[len("Unpack[") : -1]
            for candidate in (cls, cls.removesuffix("Params") + "Input"):
                if param in docs.get(candidate, {}):
                    return docs[candidate][param]
    return docs.get("RequestOptions", {}).get(param, "") or docs.get("JobRequestOptions", {}).get(param, "")


def _first_paragraph(doc: str | None) -> str:
    if not doc:
        return ""
    return inspect.cleandoc(doc).strip()


def _resources() -> list[tuple[str, type]]:
    """(client attribute, resource class) for every resource the clients offer."""
    from cekura import _client, resources

    found = []
    for name, value in vars(_client._BaseClient).items():
        if isinstance(value, property) and not name.startswith("_"):
            annotation = str(getattr(value.fget, "__annotations__", {}).get("return", ""))
            cls = getattr(resources, annotation.split("[", 1)[0], None)
            if isinstance(cls, type):
                found.append((name, cls))
    return found


def _methods(cls: type, kinds: tuple[type, ...]) -> list[tuple[str, Any]]:
    """The class's methods, then those it gets from mixins (e.g. metrics.preview), each once."""
    found: dict[str, Any] = {}
    for klass in cls.__mro__:
        for name, value in vars(klass).items():
            if isinstance(value, kinds) and name not in found:
                found[name] = value
    return list(found.items())


def emit(spec_path: Path, types_text: str) -> str:
    docs = _field_docs(types_text, (ROOT / "cekura" / "_typing.py").read_text())
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from cekura._errors import error_class_for
    from cekura._typing import Operation, Paginator, public_signature

    spec = yaml.safe_load(spec_path.read_text())
    operations = _operations(spec)
    out = [
        "# SDK reference",
        "",
        "<!-- GENERATED by scripts/generate.py from the SDK's signatures and openapi/cekura-metrics.yaml:",
        "     do not edit by hand; `make generate` rewrites it, `make check-generated` fails when it is stale. -->",
        "",
        "Every method exists on `Cekura` (returns the result), on `AsyncCekura` (a coroutine of the same",
        "result, `await` it) and on each resource's `.with_raw_response` (a `RawResponse` of the result:",
        "`status_code`, `headers`, `request_id`, `retries_taken`, `elapsed`, `parse()`). Results are the",
        "server's JSON as plain dicts and lists; their types are the TypedDicts of `cekura.types`.",
        "",
        "Every method also takes the request options `extra_headers`, `extra_query`, `extra_body`,",
        "`timeout` and `max_retries` for that one call (`request_timeout` where `timeout` bounds a job's",
        "wait). A keyword the method does not know raises `UnknownArgumentError` (a `ValidationError`",
        "and a `TypeError`) before anything is sent; so do bad values (`ValidationError`, `status` None).",
        "",
    ]
    resources = _resources()
    out.append("| resource | methods |")
    out.append("|---|---|")
    for attr, cls in resources:
        names = [n for n, _ in _methods(cls, (Operation, Paginator))]
        out.append(f"| `client.{attr}` | " + ", ".join(f"[`{n}`](#{attr}{n})" for n in names) + " |")
    out.append("")
    for attr, cls in resources:
        out += [f"## client.{attr}", "", _first_paragraph(cls.__doc__), ""]
        for name, value in _methods(cls, (Operation, Paginator)):
            flow_fn = value.__wrapped__
            is_pages = isinstance(value, Paginator)
            sig = public_signature(flow_fn, iterator=is_pages)
            params = [p for p in sig.parameters.values() if p.name != "self"]
            own = set(inspect.signature(flow_fn).parameters)
            options = {"extra_headers", "extra_query", "extra_body", "timeout", "max_retries", "request_timeout"}
            shown = ", ".join(p.name for p in params if p.name in own or p.name not in options)
            out += [f"### {attr}.{name}", "", f"```python\nclient.{attr}.{name}({shown})\n```", ""]
            doc = _first_paragraph(flow_fn.__doc__)
            if doc:
                out += [doc, ""]
            out += ["| parameter | type | default | passed as | meaning |", "|---|---|---|---|---|"]
            for p in params:
                meaning = _meaning(p.name, flow_fn, docs).replace("|", "\\|")
                out.append(f"| `{p.name}` | `{_type(p.annotation)}` | {_default(p)} | {_kind(p)} | {meaning} |")
            out.append("")
            result = _type(sig.return_annotation)
            if is_pages:
                async_result = result.replace("Iterator[", "AsyncIterator[", 1)
                out.append(
                    f"**Returns** `{result}` (async: `{async_result}`), fetching pages as you go; "
                    "raw: one `RawResponse` per page."
                )
            else:
                out.append(f"**Returns** `{result}` (async: a coroutine of it; raw: `RawResponse[{result}]`).")
            out.append("")
            calls = _wire_calls(flow_fn, operations)
            statuses: set[int] = set()
            if calls:
                out.append("**Calls**")
                out.append("")
                for op_id in calls:
                    method, path, op = operations[op_id]
                    summary = op.get("summary") or ""
                    out.append(f"- `{method} {path}` (`{op_id}`){': ' + summary if summary else ''}")
                    statuses |= {int(code) for code in op.get("responses", {}) if str(code).isdigit()}
                out.append("")
            errors = ["`ValidationError` / `UnknownArgumentError` before sending"]
            for status in sorted(s for s in statuses if s >= 400):
                errors.append(f"`{error_class_for(status).__name__}` ({status})")
            errors += ["`RateLimitError` (429)", "`ServerError` (5xx)", "`APIConnectionError` / `APITimeoutError`"]
            if "wait_for_job(" in inspect.getsource(flow_fn):
                errors.append("`JobError` / `JobTimeoutError` while waiting")
            out += ["**Raises** " + ", ".join(dict.fromkeys(errors)) + ".", ""]
    return "\n".join(line.rstrip() for line in out).rstrip() + "\n"
