"""Production calls, simulation runs and results, votes and Labs test sets: parse -> SDK -> render."""

from __future__ import annotations

from typing import Any

from . import _input
from ._errors import UsageError

#: Fields of a call or run kept out of its table (shown as the scores table and the transcript).
_BULKY = ("transcript", "transcript_object", "transcript_json", "evaluation", "rubric", "user_generated_transcript",
          "critical_categories", "generated_mock_tool_entries", "provider_call_details")


def _show_scored(rt: Any, item: Any, what: str) -> None:
    """A call or run: JSON as is; as tables, its fields, its metric scores, then its transcript."""
    if rt.json or not isinstance(item, dict):
        rt.show(item)
        return
    rt.show({k: v for k, v in item.items() if k not in _BULKY})
    scores = (item.get("evaluation") or {}).get("metrics") if isinstance(item.get("evaluation"), dict) else None
    rows = []
    for entry in scores or ():
        vote = entry.get("vote") or {}
        thumbs = vote.get("thumbs_up")
        verdict = "agree" if thumbs is True else "disagree" if thumbs is False else ""
        rows.append({**entry, "explanation": " ".join(entry.get("explanation") or []),
                     "vote": verdict + (f" (expected {vote['expected_value']})" if vote.get("expected_value")
                                        is not None else "")})
    rt.show(rows, "scores", title=f"metric scores of this {what} (score 0 fail, 5 pass, empty N/A)")
    if item.get("transcript"):
        rt.say("")
        rt.say(item["transcript"])


def show_page(rt: Any, page: Any, kind: str) -> None:
    """One page of a list: in JSON the items (an array, as with --all), where the rest is on stderr."""
    if rt.json and isinstance(page, dict) and isinstance(page.get("results"), list):
        if page.get("next"):
            from urllib.parse import parse_qs, urlsplit

            number = (parse_qs(urlsplit(str(page["next"])).query).get("page") or ["N"])[0]
            rt.note(f"note: {len(page['results'])} shown of {page.get('count', '?')}; "
                    f"next page: --page {number}, or --all for every page")
        rt.show(page["results"], kind)
    else:
        rt.show(page, kind)


def _pager(rt: Any, resource: Any, kind: str, **filters: Any) -> None:
    args = rt.args
    if args.all:
        if args.page_size is not None:
            filters["page_size"] = args.page_size
        rt.show(list(resource.iter(**filters)), kind)
    else:
        show_page(rt, resource.list(page=args.page, page_size=args.page_size, **filters), kind)


# ----------------------------------------------------------------------------- calls
def calls_list(rt: Any) -> None:
    args = rt.args
    _pager(rt, rt.client.calls, "calls", agent_id=args.agent_id, project_id=args.cmd_project_id,
           assistant_id=args.assistant_id, call_ids=args.call_ids, timestamp_from=args.timestamp_from,
           timestamp_to=args.timestamp_to, filters=args.filters)


def calls_get(rt: Any) -> None:
    _show_scored(rt, rt.client.calls.get(rt.args.id), "call")


def _scoring_note(rt: Any, ids: Any) -> None:
    if not rt.json:
        where = f"cekura calls get {ids[0]}" if ids else "cekura calls list"
        rt.note(f"Scoring in the background; see the new scores with: {where}")


def calls_evaluate(rt: Any) -> None:
    args = rt.args
    answer = rt.client.calls.evaluate_metrics(
        args.ids, args.metric_ids, agent_id=args.agent_id, project_id=args.cmd_project_id
    )
    rt.show(answer, "calls")
    _scoring_note(rt, args.ids)


def calls_rerun(rt: Any) -> None:
    args = rt.args
    if args.metric_ids is not None and args.ids == "all":
        raise UsageError("--metric-ids needs call log ids, not `all`", "list the calls, e.g. 7788,7789")
    answer = rt.client.calls.rerun_evaluation(
        args.ids, args.metric_ids, agent_id=args.agent_id, assistant_id=args.assistant_id
    )
    rt.show(answer, "calls")
    _scoring_note(rt, args.ids if isinstance(args.ids, list) else [])


def _vote(rt: Any, resource: Any) -> None:
    args = rt.args
    if args.thumbs_up is None and args.expected_value is None and args.feedback is None:
        raise UsageError("a vote needs --thumbs-up or --thumbs-down, --expected-value or --feedback",
                         "e.g. --thumbs-down --expected-value 5 --feedback '...'")
    rt.show(resource.mark_metric_vote(args.id, metric_id=args.metric_id, thumbs_up=args.thumbs_up,
                                      expected_value=args.expected_value, feedback=args.feedback))


def calls_vote(rt: Any) -> None:
    _vote(rt, rt.client.calls)


# ----------------------------------------------------------------------------- runs and results
def runs_get(rt: Any) -> None:
    _show_scored(rt, rt.client.runs.get(rt.args.id), "run")


def runs_vote(rt: Any) -> None:
    _vote(rt, rt.client.runs)


def results_get(rt: Any) -> None:
    result = rt.client.results.get(rt.args.id)
    if rt.json or not isinstance(result, dict):
        rt.show(result)
        return
    runs = result.get("runs")
    runs = runs if isinstance(runs, dict) else {}
    rt.show({k: v for k, v in result.items() if k not in ("runs", "overall_evaluation", "metrics")})
    rows = []
    for run in runs.values():
        if isinstance(run, dict):
            scores = (run.get("evaluation") or {}).get("metrics") or []
            rows.append({**run, "scores": ", ".join(f"{s.get('name')}={s.get('score')}" for s in scores)})
    rt.show(rows, "runs", title="runs")


def results_evaluate(rt: Any) -> None:
    args = rt.args
    rt.show(rt.client.results.evaluate_metrics(args.id, args.metric_ids, args.run_ids))


def results_bulk_evaluate(rt: Any) -> None:
    args = rt.args
    result = rt.client.results.bulk_evaluate_metrics(result_ids=args.result_ids, metric_ids=args.metric_ids)
    if rt.json:
        rt.show(result)
    rt.say(f"Scheduled {len(args.metric_ids)} metric(s) on the finished runs of {len(args.result_ids)} result(s).")


# ----------------------------------------------------------------------------- test sets
def _labels(rt: Any) -> Any:
    args = rt.args
    if args.metric_ids is not None:
        return args.metric_ids
    given = _input.json_input(args)
    if given is None:
        return None
    value, label = given
    if isinstance(value, dict) and isinstance(value.get("metrics"), list):
        value = value["metrics"]
    if not isinstance(value, list) or not value or not all(isinstance(v, (dict, int)) for v in value):
        raise UsageError(f'{label}: expected a JSON array like [{{"metric": 55, "expected_value": 5}}]',
                         "see the example in --help")
    return value


def test_set_from_call_log(rt: Any) -> None:
    args = rt.args
    rt.show(rt.client.test_sets.create_from_call_log(
        args.source_id, name=args.name, metrics=_labels(rt), project_id=args.cmd_project_id))


def test_set_from_run(rt: Any) -> None:
    args = rt.args
    rt.show(rt.client.test_sets.create_from_run(
        args.source_id, name=args.name, metrics=_labels(rt), project_id=args.cmd_project_id))
