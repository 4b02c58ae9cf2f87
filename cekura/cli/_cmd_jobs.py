"""Background jobs: metric generation and metric-review feedback processing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._errors import INTERRUPTED
from ._wait import resume_command, wait_for

GENERATE_PROGRESS = "cekura metrics generate-progress --progress-id {}"
REVIEW_PROGRESS = "cekura metric-reviews progress --job-id {}"


def _show_state(rt: Any, state: Any, kind: str) -> None:
    """A job's state: JSON as is; as tables, its fields, then the metrics it proposed."""
    proposed = state.get("metrics") if isinstance(state, dict) and kind == "generated" else None
    if rt.structured or not isinstance(proposed, list):
        rt.show(state, "job")
        return
    rt.show({k: v for k, v in state.items() if k != "metrics"}, "job")
    if proposed or state.get("status") == "completed":
        rt.show(proposed, kind, title="proposed metrics (apply with `cekura metrics bulk-create`)")


def _follow(
    rt: Any, job_id: str, get_state: Callable[[], Any], waiter: Callable[..., Any], how: tuple[str, str, str]
) -> int:
    """Show a job's state now, or with --wait poll it to the end. `how`: (resume template, kind, label)."""
    template, kind, label = how
    if not rt.args.wait:
        _show_state(rt, get_state(), kind)
        return 0
    finished, state = wait_for(rt, waiter, job_id, resume_command(rt, template.format(job_id)), label)
    if not finished:
        return INTERRUPTED
    _show_state(rt, state, kind)
    return 0


def _started(rt: Any, job: dict[str, Any], template: str) -> None:
    rt.show(job, "job")
    if not rt.json:
        rt.note(f"Started. Check progress with: {resume_command(rt, template.format(job['progress_id']))}")


GENERATION = (GENERATE_PROGRESS, "generated", "generating")
REVIEW = (REVIEW_PROGRESS, "review", "processing")


def metrics_generate(rt: Any) -> int:
    args, metrics = rt.args, rt.client.metrics
    job = metrics.generate(agent_id=args.agent_id, count=args.count, assistant_id=args.assistant_id)
    if not args.wait:
        _started(rt, job, GENERATE_PROGRESS)
        return 0
    job_id = job["progress_id"]
    return _follow(rt, job_id, lambda: job, metrics.wait_for_generation, GENERATION)


def metrics_generate_progress(rt: Any) -> int:
    job_id, metrics = rt.args.job_id, rt.client.metrics
    return _follow(
        rt, job_id, lambda: metrics.generate_progress(job_id), metrics.wait_for_generation, GENERATION
    )


def reviews_process(rt: Any) -> int:
    args, reviews = rt.args, rt.client.metric_reviews
    job = reviews.process_feedbacks(
        args.metric_id,
        metric_type=args.metric_type,
        test_set_ids=args.test_set_ids,
        simplified_prompt=args.simplified_prompt,
        skip_evaluation=args.skip_evaluation,
    )
    if not args.wait:
        _started(rt, job, REVIEW_PROGRESS)
        return 0
    return _follow(rt, job["progress_id"], lambda: job, reviews.wait, REVIEW)


def reviews_progress(rt: Any) -> int:
    args, reviews = rt.args, rt.client.metric_reviews

    def state() -> Any:
        return reviews.process_feedbacks_progress(
            args.job_id, agent_id=args.agent_id, project_id=args.cmd_project_id
        )

    return _follow(rt, args.job_id, state, reviews.wait, REVIEW)
