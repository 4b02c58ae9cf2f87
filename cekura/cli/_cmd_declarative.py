"""`cekura metrics validate | export | plan | apply`: parse, call cekura.declarative, render."""

from __future__ import annotations

import sys
from typing import Any

from ._errors import API_FAILURE, OK, USAGE, UsageError

CHANGES = 2  # plan --detailed-exitcode: something would change


def _load(rt: Any) -> Any:
    """The checked file; every problem on stderr (exit 2, nothing sent) if it is not valid."""
    from ..declarative import FileInvalid, load

    try:
        return load(rt.args.file)
    except FileInvalid as exc:
        problems = exc.problems
        rt.note(
            f"error: {problems[0].file}: {len(problems)} problem{'s' if len(problems) != 1 else ''}; nothing was sent"
        )
        for problem in problems:
            rt.note(f"  {problem}")
        rt.note("hint: fix them and run `cekura metrics validate -f FILE` again")
        raise _Refused from None


class _Refused(Exception):
    """The file was refused; its problems are already on stderr."""


def schema(rt: Any) -> int:
    from ..declarative import schema_path

    sys.stdout.write(schema_path().read_text(encoding="utf-8"))
    sys.stdout.flush()
    return OK


def validate(rt: Any) -> int:
    try:
        metrics_file = _load(rt)
    except _Refused:
        return USAGE
    count = len(metrics_file.metrics)
    if rt.structured:
        rt.show({"valid": True, "file": metrics_file.path, "project": metrics_file.project, "metrics": count})
    else:
        rt.say(
            f"{metrics_file.path}: valid ({count} metric{'s' if count != 1 else ''} for project {metrics_file.project})"
        )
    return OK


def export(rt: Any) -> int:
    import os

    from .._version import __version__
    from ..declarative import dump, split_code
    from ..declarative import export as export_document

    args = rt.args
    output = None if args.output in (None, "-") else args.output
    fmt = (
        "json"
        if (output or "").lower().endswith(".json") or (output is None and rt.mode == "json")
        else "yaml"
    )
    if args.code_dir is not None and output is None:
        raise UsageError(
            "--code-dir needs -o FILE", "code files are referred to relative to the metrics file"
        )
    if output is not None:
        _check_writable(output)
    document = export_document(rt.client, args.cmd_project_id, agent_id=args.agent_id)
    files: dict[str, str] = {}
    if args.code_dir is not None and output is not None:
        base = os.path.dirname(os.path.abspath(output))
        folder = os.path.relpath(os.path.abspath(args.code_dir), base).replace(os.sep, "/")
        document, files = split_code(document, folder)
    header = (
        f"Metrics of project {args.cmd_project_id}"
        + (f", agent {args.agent_id}" if args.agent_id else "")
        + f", exported by cekura {__version__}.\nEdit, then: cekura metrics plan -f FILE; cekura metrics apply -f FILE"
    )
    text = dump(document, fmt, header=None if fmt == "json" else header)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return OK
    for relative, source in files.items():
        path = os.path.join(os.path.dirname(os.path.abspath(output)), relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(source)
    with open(output, "w", encoding="utf-8") as handle:
        handle.write(text)
    count = len(document["metrics"])
    code = (
        f" (code in {len(files)} file{'s' if len(files) != 1 else ''} under {args.code_dir})" if files else ""
    )
    rt.note(
        f"Wrote {count} metric{'s' if count != 1 else ''} of project {args.cmd_project_id} to {output}{code}."
    )
    return OK


def _check_writable(path: str) -> None:
    import os

    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write {path}: no such directory {folder}", "create it first")
    if os.path.isdir(path):
        raise UsageError(f"cannot write {path}: it is a directory", "give a file name, e.g. -o metrics.yaml")


def _plan(rt: Any, metrics_file: Any) -> Any:
    from ..declarative import plan

    return plan(rt.client, metrics_file, prune=rt.args.prune, project_id=rt.args.cmd_project_id)


def plan(rt: Any) -> int:
    detailed = rt.args.detailed_exitcode
    try:
        metrics_file = _load(rt)
    except _Refused:
        return API_FAILURE if detailed else USAGE
    try:
        result = _plan(rt, metrics_file)
    except Exception as exc:
        if not detailed:
            raise
        from ._errors import report

        report(exc)  # --detailed-exitcode: every error is 1, so that 2 always means "changes"
        return API_FAILURE
    if rt.structured:
        rt.show(result.to_dict())
    else:
        sys.stdout.write(result.render())
        if result.has_changes:
            flags = (" --prune" if rt.args.prune else "") + (
                f" --project-id {rt.args.cmd_project_id}" if rt.args.cmd_project_id else ""
            )
            sys.stdout.write(f"Run `cekura metrics apply -f {rt.args.file}{flags}` to make these changes.\n")
        sys.stdout.flush()
    return CHANGES if detailed and result.has_changes else OK


def apply(rt: Any) -> int:
    args = rt.args
    on_terminal = sys.stdin.isatty()
    if not args.yes and not on_terminal:
        raise UsageError(
            "apply changes your live metrics and asks first; there is no terminal to ask on",
            f"add --yes to apply without asking; see the plan with `cekura metrics plan -f {args.file}`",
        )
    try:
        metrics_file = _load(rt)
    except _Refused:
        return USAGE
    from ..declarative import apply as apply_plan

    planned = _plan(rt, metrics_file)
    if not rt.structured:
        sys.stdout.write(planned.render())
        sys.stdout.flush()
    if not planned.has_changes:
        if rt.structured:
            rt.show({"plan": planned.to_dict(), "applied": None})
        return OK
    if rt.structured and not args.yes:
        sys.stderr.write(planned.render())  # stdout stays JSON; the question needs the plan
    if not args.yes and not _confirm():
        rt.note("Nothing was changed.")
        return OK
    args.yes = True  # the plan was confirmed as a whole: its deletes are not asked one by one
    try:
        result = apply_plan(planned, on_step=lambda line: rt.note("  " + line))
    except KeyboardInterrupt:
        rt.note("Interrupted: some changes may have been made; run the same apply again to finish.")
        raise
    except Exception as exc:
        done = getattr(exc, "applied", None)
        if done is None or not done.calls:
            raise  # nothing was written: the usual message and exit code
        from ._errors import describe, tell

        calls = f"{done.calls} write call{'s' if done.calls != 1 else ''}"
        tell(
            sys.stderr,
            describe(exc)[0],
            f"apply stopped after {calls}; fix the cause and run the same apply again to finish "
            "(it plans from what the server has)",
        )
        return API_FAILURE
    if rt.structured:
        rt.show({"plan": planned.to_dict(), "applied": result.to_dict()})
    else:
        touched = set(result.updated) | set(result.attached) | set(result.detached) | set(result.toggled)
        updated = len(touched - set(result.created.values()))
        calls = f"{result.calls} write call{'s' if result.calls != 1 else ''}"
        again = f"; project read again {result.rereads}x after uncertain answers" if result.rereads else ""
        rt.say(
            f"Applied: {len(result.created)} created, {updated} updated, {len(result.deleted)} deleted "
            f"({calls}{again})."
        )
    return OK


def _confirm() -> bool:
    sys.stderr.write("Apply these changes? Only 'yes' is accepted: ")
    sys.stderr.flush()
    answer = sys.stdin.readline()
    return answer.strip().lower() == "yes"
