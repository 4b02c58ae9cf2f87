"""Commands beyond the metrics page: preview, history and restore of metrics, catalog copies,
production calls, simulation runs and results, votes, and Labs test sets (issue #11).

Declared here and spliced into the tree by `_tree.py`; handlers live in `_cmd_calls.py` and
`_cmd_metric_lifecycle.py` and are imported only when run.
"""

from __future__ import annotations

import argparse

from . import _types as t
from ._parser import Node


def _wait_flags(p: argparse.ArgumentParser, what: str) -> None:
    from ._tree import _wait_flags as shared

    shared(p, what)


def _own_project(p: argparse._ActionsContainer, what: str) -> None:
    p.add_argument("--project-id", metavar="ID", dest="cmd_project_id", type=t.positive_id, help=what)


def _pages(p: argparse.ArgumentParser, what: str) -> None:
    pages = p.add_mutually_exclusive_group()
    pages.add_argument("--page", metavar="N", type=t.positive_id, help="page number (default 1)")
    pages.add_argument("--all", action="store_true", help=f"walk every page and print all {what}")
    p.add_argument("--page-size", metavar="N", type=t.page_size, help=f"{what} per page (max 1000)")


def _vote_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--metric-id", metavar="ID", type=t.positive_id, required=True, help="the metric voted on")
    thumbs = p.add_mutually_exclusive_group()
    thumbs.add_argument("--thumbs-up", dest="thumbs_up", action="store_const", const=True,
                        help="the metric judged right")
    thumbs.add_argument("--thumbs-down", dest="thumbs_up", action="store_const", const=False,
                        help="the metric judged wrong")
    p.add_argument("--expected-value", metavar="VALUE", type=t.json_value,
                   help="what the metric should have answered (JSON when it parses: 5, true, \"label\")")
    p.add_argument("--feedback", metavar="TEXT", help="a note for the reviewers")


# ----------------------------------------------------------------------------- metrics
def _preview(p: argparse.ArgumentParser) -> None:
    source = p.add_mutually_exclusive_group()
    source.add_argument("--from-file", metavar="PATH", help="read the metric from a JSON file ('-' reads stdin)")
    source.add_argument("--json", metavar="JSON", dest="json_body", help="the metric as inline JSON")
    g = p.add_argument_group("metric fields (override --from-file/--json; nothing is saved)")
    g.add_argument("--name", help="display name (default: Preview)")
    g.add_argument("--type", help="llm_judge (default) or python (custom code)")
    g.add_argument("--eval-type", metavar="EVAL", help="boolean (default), rating, numeric or enum")
    g.add_argument("--prompt", metavar="TEXT", help="the LLM judge's prompt")
    g.add_argument("--description", metavar="TEXT", help="what the metric checks (the judge's criterion)")
    g.add_argument("--enum-values", metavar="A,B", type=t.text_list, help="allowed outputs of an enum metric")
    g.add_argument("--code-file", metavar="PATH", help="Python source of a custom-code metric -> code")
    on = p.add_argument_group("what to try it on (1-10 of one kind)")
    which = on.add_mutually_exclusive_group(required=True)
    which.add_argument("--call-log-ids", metavar="ID,ID", type=t.id_list, help="production calls")
    which.add_argument("--run-ids", metavar="ID,ID", type=t.id_list, help="simulation runs")
    on.add_argument("--agent-id", metavar="ID", type=t.positive_id, help="the agent the calls belong to")
    _own_project(on, "or the project they belong to (default: the configured project)")
    _wait_flags(p, "the preview")


def _job(p: argparse.ArgumentParser) -> None:
    p.add_argument("--progress-id", "--job-id", metavar="ID", dest="job_id", type=t.job_id, required=True,
                   help="the job's id (as printed by `cekura metrics preview`)")
    _wait_flags(p, "the preview")


def _history(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="METRIC_ID", type=t.positive_id, help="metric id")
    _pages(p, "versions")


def _restore(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="METRIC_ID", type=t.positive_id, help="metric id")
    p.add_argument("--history-id", metavar="ID", type=t.positive_id, required=True,
                   help="the version to bring back (from `cekura metrics history`)")


METRIC_COMMANDS = (
    Node(
        "preview",
        "try an unsaved metric on a few calls or runs",
        setup=_preview,
        handler="_cmd_metric_lifecycle:preview",
        own=("--timeout", "--project-id"),
        description="Score a metric that is not saved on 1-10 production calls (or simulation runs).\n"
        "Nothing is stored. Prints the job id at once, or with --wait the verdicts.\n"
        "Evaluations cost credits like a saved metric's.",
        examples=(
            "cekura metrics preview --from-file metric.json --call-log-ids 7788,7789 --agent-id 123 --wait",
            "cekura metrics preview --name 'Read back' --prompt 'Did the agent read back the time?' \\\n"
            "      --call-log-ids 7788 --agent-id 123 --wait --format json",
        ),
    ),
    Node(
        "preview-progress",
        "show (or --wait for) a preview job",
        setup=_job,
        handler="_cmd_metric_lifecycle:preview_progress",
        own=("--timeout",),
        examples=("cekura metrics preview-progress --progress-id <id> --wait",),
    ),
    Node(
        "history",
        "list the saved versions of a metric",
        setup=_history,
        handler="_cmd_metric_lifecycle:history",
        examples=("cekura metrics history 55", "cekura metrics history 55 --all --format json"),
    ),
    Node(
        "restore",
        "bring back an earlier version of a metric",
        setup=_restore,
        handler="_cmd_metric_lifecycle:restore",
        examples=("cekura metrics restore 55 --history-id 3",),
    ),
)


# ----------------------------------------------------------------------------- predefined metrics
def _copy(p: argparse.ArgumentParser) -> None:
    p.add_argument("--predefined-metric-ids", "--ids", metavar="ID,ID", type=t.id_list,
                   help="catalog ids (from `cekura predefined-metrics list`)")
    p.add_argument("--metric-codes", "--codes", metavar="CODE,CODE", type=t.text_list, help="or catalog codes")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--agent-id", metavar="ID", type=t.positive_id, help="copy onto this agent")
    where.add_argument("--project-id", metavar="ID", dest="cmd_project_id", type=t.positive_id,
                       help="or into this project (default: the configured project)")
    p.add_argument("--scenarios", metavar="ID,ID", type=t.id_list, help="limit the copies to these scenarios")


PREDEFINED_COMMANDS = (
    Node(
        "copy",
        "add catalog metrics to a project or an agent",
        setup=_copy,
        handler="_cmd_metric_lifecycle:copy",
        own=("--project-id",),
        description="Copy predefined metrics into your project (or onto an agent): the only way to turn\n"
        "them on. The copies are metrics of your own.",
        examples=(
            "cekura predefined-metrics copy --ids 2,17 --project-id 1",
            "cekura predefined-metrics copy --codes sentiment --agent-id 123",
        ),
    ),
)


# ----------------------------------------------------------------------------- calls
def _calls_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--agent-id", metavar="ID", type=t.positive_id, help="calls of this agent")
    _own_project(p, "calls of this project")
    p.add_argument("--assistant-id", metavar="ID", help="calls of the agent with this assistant id")
    p.add_argument("--call-ids", metavar="ID,ID", type=t.id_list, help="only these call logs")
    p.add_argument("--from", "--timestamp-from", metavar="TIME", dest="timestamp_from", type=t.timestamp,
                   help="oldest call time (ISO 8601; default: 30 days ago)")
    p.add_argument("--to", "--timestamp-to", metavar="TIME", dest="timestamp_to", type=t.timestamp,
                   help="newest call time (ISO 8601; a range spans 33 days at most)")
    p.add_argument("--filters", metavar="JSON", type=t.json_object,
                   help='a filter tree, e.g. \'{"field": "success", "op": "eq", "value": false}\'')
    _pages(p, "calls")


def _call_id(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="CALL_LOG_ID", type=t.positive_id, help="call log id")


def _evaluate(p: argparse.ArgumentParser) -> None:
    p.add_argument("ids", metavar="CALL_LOG_ID[,ID]", type=t.id_list, help="the calls to score")
    p.add_argument("--metric-ids", metavar="ID,ID", type=t.id_list, required=True, help="the metrics to run")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--agent-id", metavar="ID", type=t.positive_id, help="the calls' agent")
    who.add_argument("--project-id", metavar="ID", dest="cmd_project_id", type=t.positive_id,
                     help="or their project (default: configured project, else the first call's agent)")


def _rerun(p: argparse.ArgumentParser) -> None:
    p.add_argument("ids", metavar="CALL_LOG_IDS|all", type=t.ids_or_all, help="calls to re-score, or `all`")
    p.add_argument("--metric-ids", metavar="ID,ID", type=t.id_list,
                   help="score only these metrics (sent as `calls evaluate`; without it every metric runs)")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--agent-id", metavar="ID", type=t.positive_id, help="the calls' agent (needed with `all`)")
    who.add_argument("--assistant-id", metavar="ID", help="or its assistant id")


def _call_vote(p: argparse.ArgumentParser) -> None:
    _call_id(p)
    _vote_flags(p)


CALLS = Node(
    "calls",
    "production calls: list, read, score with metrics, vote on the scores",
    examples=(
        "cekura calls list --agent-id 123",
        "cekura calls evaluate 7788 --metric-ids 55,56",
        "cekura calls mark-metric-vote 7788 --metric-id 55 --thumbs-down --expected-value 5 --feedback '...'",
    ),
    children=(
        Node(
            "list",
            "list production calls (one page, or --all)",
            setup=_calls_list,
            handler="_cmd_calls:calls_list",
            own=("--project-id",),
            examples=(
                "cekura calls list --agent-id 123",
                "cekura calls list --agent-id 123 --from 2026-01-01T00:00:00Z --to 2026-01-31T23:59:59Z --all",
                "cekura calls list --project-id 1 --filters '{\"field\": \"success\", \"op\": \"eq\", \"value\": false}'",
            ),
        ),
        Node(
            "get",
            "show one call: fields, metric scores and transcript",
            setup=_call_id,
            handler="_cmd_calls:calls_get",
            examples=("cekura calls get 7788", "cekura calls get 7788 --format json | jq .evaluation"),
        ),
        Node(
            "evaluate",
            "score calls with chosen metrics (costs credits)",
            setup=_evaluate,
            handler="_cmd_calls:calls_evaluate",
            own=("--project-id",),
            description="Run the chosen metrics on the calls in the background; `cekura calls get` shows the\n"
            "new scores once they land. Costs credits per call and metric.",
            examples=("cekura calls evaluate 7788 --metric-ids 55,56", "cekura calls evaluate 7788,7789 --metric-ids 55"),
        ),
        Node(
            "rerun-evaluation",
            "re-score calls with every metric of their agent (costs credits)",
            setup=_rerun,
            handler="_cmd_calls:calls_rerun",
            examples=(
                "cekura calls rerun-evaluation 7788,7789",
                "cekura calls rerun-evaluation all --agent-id 123",
                "cekura calls rerun-evaluation 7788 --metric-ids 55",
            ),
        ),
        Node(
            "mark-metric-vote",
            "vote on a metric's judgment of a call",
            setup=_call_vote,
            handler="_cmd_calls:calls_vote",
            examples=(
                "cekura calls mark-metric-vote 7788 --metric-id 55 --thumbs-down --expected-value 5 "
                "--feedback 'read-back was complete'",
                "cekura calls mark-metric-vote 7788 --metric-id 55 --thumbs-up",
            ),
        ),
    ),
)


# ----------------------------------------------------------------------------- runs and results
def _run_id(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="RUN_ID", type=t.positive_id, help="run id")


def _run_vote(p: argparse.ArgumentParser) -> None:
    _run_id(p)
    _vote_flags(p)


RUNS = Node(
    "runs",
    "simulated calls (runs): read and vote on their scores",
    examples=("cekura runs get 9001", "cekura runs mark-metric-vote 9001 --metric-id 55 --thumbs-up"),
    children=(
        Node("get", "show one run: fields, metric scores and transcript", setup=_run_id,
             handler="_cmd_calls:runs_get", examples=("cekura runs get 9001",)),
        Node("mark-metric-vote", "vote on a metric's judgment of a run", setup=_run_vote,
             handler="_cmd_calls:runs_vote",
             examples=("cekura runs mark-metric-vote 9001 --metric-id 55 --thumbs-down --expected-value true",)),
    ),
)


def _result_id(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="RESULT_ID", type=t.positive_id, help="result id")


def _result_evaluate(p: argparse.ArgumentParser) -> None:
    _result_id(p)
    p.add_argument("--metric-ids", metavar="ID,ID", type=t.id_list, required=True, help="the metrics to run")
    p.add_argument("--run-ids", metavar="ID,ID", type=t.id_list, help="only these runs (default: every run)")


def _bulk_evaluate(p: argparse.ArgumentParser) -> None:
    p.add_argument("--result-ids", metavar="ID,ID", type=t.id_list, required=True, help="up to 100 results")
    p.add_argument("--metric-ids", metavar="ID,ID", type=t.id_list, required=True, help="the metrics to run")


RESULTS = Node(
    "results",
    "simulation results: read, re-score their runs (never places calls)",
    examples=("cekura results get 501", "cekura results evaluate-metrics 501 --metric-ids 55"),
    children=(
        Node("get", "show one result and its runs", setup=_result_id, handler="_cmd_calls:results_get",
             examples=("cekura results get 501", "cekura results get 501 --format json | jq '.runs | keys'")),
        Node("evaluate-metrics", "re-score a result's runs with chosen metrics (costs credits)",
             setup=_result_evaluate, handler="_cmd_calls:results_evaluate",
             examples=("cekura results evaluate-metrics 501 --metric-ids 55",
                       "cekura results evaluate-metrics 501 --metric-ids 55,56 --run-ids 9001,9002")),
        Node("bulk-evaluate-metrics", "re-score every finished run of many results (costs credits)",
             setup=_bulk_evaluate, handler="_cmd_calls:results_bulk_evaluate",
             examples=("cekura results bulk-evaluate-metrics --result-ids 501,502 --metric-ids 55",)),
    ),
)


# ----------------------------------------------------------------------------- test sets
def _test_set(source: str) -> object:
    def setup(p: argparse.ArgumentParser) -> None:
        flag = "--call-log-id" if source == "call" else "--run-id"
        p.add_argument(flag, metavar="ID", dest="source_id", type=t.positive_id, required=True,
                       help=f"the {'call log' if source == 'call' else 'run'} to keep")
        p.add_argument("--name", help="the test set's name (default: made from the id)")
        what = p.add_mutually_exclusive_group()
        what.add_argument("--metric-ids", metavar="ID,ID", type=t.id_list,
                          help="metrics to review (default: the metrics voted on, with the votes' values)")
        what.add_argument("--from-file", metavar="PATH",
                          help='metrics as JSON: [{"metric": 55, "expected_value": 5, "feedback": "..."}]')
        what.add_argument("--json", metavar="JSON", dest="json_body", help="the same, inline")
        _own_project(p, "the project that owns it (default: the configured project)")

    return setup


TEST_SETS = Node(
    "test-sets",
    "Labs test sets from calls and runs (ground truth for metric reviews)",
    examples=("cekura test-sets create-from-call-log --call-log-id 7788 --name 'Missed read-back'",),
    children=(
        Node("create-from-call-log", "keep a production call as a labelled test set", setup=_test_set("call"),
             handler="_cmd_calls:test_set_from_call_log", own=("--project-id",),
             examples=("cekura test-sets create-from-call-log --call-log-id 7788 --name 'Missed read-back'",
                       "cekura test-sets create-from-call-log --call-log-id 7788 --metric-ids 55")),
        Node("create-from-run", "keep a simulation run as a labelled test set", setup=_test_set("run"),
             handler="_cmd_calls:test_set_from_run", own=("--project-id",),
             examples=("cekura test-sets create-from-run --run-id 9001 --metric-ids 55",)),
    ),
)

TOP_LEVEL = (CALLS, RUNS, RESULTS, TEST_SETS)
