"""Metric preview (never saved), versions and restore, and catalog copies: parse -> SDK -> render."""

from __future__ import annotations

from typing import Any

from . import _input
from ._errors import INTERRUPTED
from ._wait import resume_command, wait_for

PREVIEW_PROGRESS = "cekura metrics preview-progress --progress-id {}"
_FIELDS = ("name", "type", "eval_type", "prompt", "description", "enum_values")


def _show_state(rt: Any, state: Any) -> None:
    results = state.get("results") if isinstance(state, dict) else None
    if rt.json or not isinstance(results, list):
        rt.show(state, "job")
        return
    rt.show({k: v for k, v in state.items() if k != "results"}, "job")
    if results or state.get("status") == "completed":
        rt.show(results, "verdicts", title="verdicts (nothing was saved)")


def preview(rt: Any) -> int:
    args = rt.args
    metric = _input.json_object(args)
    for name in _FIELDS:
        value = getattr(args, name, None)
        if value is not None:
            metric[name] = value
    if args.code_file is not None:
        metric["code"] = _input.read_text(args.code_file, "--code-file")
    metrics = rt.client.metrics
    job = metrics.preview(
        metric,
        call_log_ids=args.call_log_ids,
        run_ids=args.run_ids,
        agent_id=args.agent_id,
        project_id=args.cmd_project_id,
    )
    pid = job["progress_id"]
    if not args.wait:
        rt.show(job, "job")
        if not rt.json:
            rt.note(f"Started. Check progress with: {resume_command(rt, PREVIEW_PROGRESS.format(pid))}")
        return 0
    return _follow(rt, pid, lambda: job)


def preview_progress(rt: Any) -> int:
    pid, metrics = rt.args.job_id, rt.client.metrics
    return _follow(rt, pid, lambda: metrics.preview_progress(pid))


def _follow(rt: Any, pid: str, get_state: Any) -> int:
    if not rt.args.wait:
        _show_state(rt, get_state())
        return 0
    resume = resume_command(rt, PREVIEW_PROGRESS.format(pid))
    finished, state = wait_for(rt, rt.client.metrics.wait_for_preview, pid, resume, "previewing")
    if not finished:
        return INTERRUPTED
    _show_state(rt, state)
    return 0


def history(rt: Any) -> None:
    args, metrics = rt.args, rt.client.metrics
    if args.all:
        options = {} if args.page_size is None else {"page_size": args.page_size}
        rt.show(list(metrics.history(args.id, **options)), "versions")
    else:
        from ._cmd_calls import show_page

        show_page(rt, metrics.history_page(args.id, page=args.page, page_size=args.page_size), "versions")


def restore(rt: Any) -> None:
    rt.show(rt.client.metrics.restore(rt.args.id, history_id=rt.args.history_id))


def copy(rt: Any) -> None:
    from ._errors import UsageError

    args = rt.args
    if not args.predefined_metric_ids and not args.metric_codes:
        raise UsageError("give --ids (catalog ids) and/or --codes", "see `cekura predefined-metrics list`")
    rt.show(
        rt.client.predefined_metrics.copy(
            args.predefined_metric_ids,
            metric_codes=args.metric_codes,
            project_id=args.cmd_project_id,
            agent_id=args.agent_id,
            scenarios=args.scenarios,
        ),
        "metrics",
    )
