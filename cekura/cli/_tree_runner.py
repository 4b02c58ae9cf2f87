"""The local metric runner's commands: `metrics test`, `metrics render`, `calls export` (issue #12).

Flags, help and examples only; the handlers are in `_cmd_local_runner` (imported when run).
"""

from __future__ import annotations

import argparse

from . import _types as t
from ._parser import Node

RUNNER_NOTES = """\
calls: payloads in the platform's `data` shape, or call logs / runs as the API returns them
(`cekura calls get ID --format json`), converted the way `cekura calls export` does.
isolation: each call runs in a warm worker process with no API key or environment, no network,
no subprocesses, writes only to a temp dir, and --time-limit / --memory-limit; a call that
breaks them is an error of that call and the run goes on. This guards against mistakes in your
own code, not against code written to escape (see the README).
exit codes: 0 every call evaluated, 1 a call errored or --fail-under was not met, 2 bad input."""


def _runner_calls(p: argparse.ArgumentParser, *, many: bool = True) -> None:
    g = p.add_argument_group("calls (give one or more; ids are fetched from the API)")
    g.add_argument("--call", metavar="FILE", action="append", help="a call in a JSON file (object, or array of calls)")
    if many:
        g.add_argument("--calls", metavar="PATH", action="append", help="a JSONL file, '-' (stdin) or a directory of .json/.jsonl")
    g.add_argument(
        "--call-log-id", metavar="ID", type=t.id_list, nargs="+", action="extend",
        help="production call log(s): 7788 7789 or 7788,7789",
    )
    g.add_argument(
        "--run-id", metavar="ID", type=t.id_list, nargs="+", action="extend", help="simulation run(s): 9001 9002"
    )


def _metrics_test(p: argparse.ArgumentParser) -> None:
    which = p.add_argument_group("the metric (give one)").add_mutually_exclusive_group(required=True)
    which.add_argument("--metric-id", metavar="ID", type=t.positive_id, help="a custom-code metric on the platform")
    which.add_argument("--code-file", metavar="FILE", help="Python source of the metric (script or def evaluate)")
    which.add_argument("--from-file", metavar="FILE", help="a metric as JSON (custom_code, eval_type, ...; '-' = stdin)")
    g = p.add_argument_group("metric fields (override the metric's own)")
    g.add_argument("--eval-type", metavar="EVAL", help="binary (boolean), numeric, rating, enum (default binary)")
    g.add_argument("--enum-values", metavar="A,B", type=t.text_list, help="allowed results of an enum metric")
    g.add_argument("--trigger-file", metavar="FILE", help="trigger code: sets _result True to run, False for N/A")
    g.add_argument("--name", help="the metric's name (how --compare finds the platform's stored score)")
    _runner_calls(p)
    r = p.add_argument_group("running")
    r.add_argument("--workers", metavar="N", type=t.workers, help="worker processes (default: CPU count, at most 8)")
    r.add_argument("--time-limit", metavar="SECONDS", type=t.seconds, default=10.0, help="wall time per call (default 10)")
    r.add_argument("--memory-limit", metavar="MB", type=t.megabytes, default=1024, help="memory per worker (default 1024)")
    r.add_argument("--no-isolation", action="store_true", help="run in this process, no limits (to debug with breakpoints)")
    r.add_argument(
        "--judge", choices=("sandbox", "api"),
        help="backs evaluate_llm_judge_metric() in the code: the sandbox's stand-in judge, or the API's (uses credits)",
    )
    r.add_argument("--progress", action=argparse.BooleanOptionalAction, help="progress on stderr (default: on a terminal)")
    c = p.add_argument_group("checking")
    c.add_argument("--compare", action="store_true", help="set each result beside the score the platform stored")
    c.add_argument(
        "--fail-under", metavar="RATE", type=t.rate,
        help="exit 1 when the agreement (--compare) or pass rate is under RATE (0.9 or 90%%)",
    )
    c.add_argument("--summary-file", metavar="FILE", help="also write the summary as JSON (counts, values, agreement)")


def _metrics_render(p: argparse.ArgumentParser) -> None:
    which = p.add_argument_group("the judge (give one)").add_mutually_exclusive_group(required=True)
    which.add_argument("--metric-id", metavar="ID", type=t.positive_id, help="an LLM-judge metric on the platform")
    which.add_argument("--from-file", metavar="FILE", help="a metric as JSON (description, prompt, ...)")
    which.add_argument("--text", metavar="TEXT", help="a judge text with {{placeholders}}")
    call = p.add_argument_group("the call (give one)").add_mutually_exclusive_group(required=True)
    call.add_argument("--call", metavar="FILE", help="a call (payload, call log or run) in a JSON file")
    call.add_argument("--call-log-id", metavar="ID", type=t.positive_id, help="a production call log")
    call.add_argument("--run-id", metavar="ID", type=t.positive_id, help="a simulation run")
    p.add_argument("--agent-file", metavar="FILE", help="the agent as JSON, for {{agent.name}}, {{agent.language}}, ...")


def _calls_export(p: argparse.ArgumentParser) -> None:
    _runner_calls(p)
    p.add_argument("--output", "-o", metavar="FILE", help="write the JSONL here (default: stdout)")


METRICS_TEST = Node(
    "test",
    "run a custom-code metric on calls, locally and isolated",
    setup=_metrics_test,
    handler="_cmd_local_runner:metrics_test",
    description="Run a custom-code metric's Python on calls on this machine, the way the platform does:\n"
    "script style (reads `data`, sets _result/_explanation/_extra) or `def evaluate(call)`,\n"
    "results checked against the eval_type, trigger code first. Prints one line per call\n"
    "(JSON lines with --format json) and a summary.\n\n" + RUNNER_NOTES,
    examples=(
        "cekura metrics test --code-file metric.py --calls calls.jsonl",
        "cekura metrics test --metric-id 55 --call-log-id 101,102,103 --compare",
        "cekura metrics test --from-file metric.json --calls exported/ --compare --fail-under 95%",
        "cekura metrics test --code-file m.py --eval-type enum --enum-values good,bad --call call.json --format json",
    ),
)

METRICS_RENDER = Node(
    "render",
    "show an LLM judge's prompt with a call's values filled in",
    setup=_metrics_render,
    handler="_cmd_local_runner:metrics_render",
    description="Print an LLM-judge metric's text (description, prompt) with the platform's placeholders\n"
    "({{transcript}}, {{agent.description}}, {{dynamic_variables.x}}, {{metadata.x}}, ...) filled from\n"
    "one call, and name on stderr the placeholders that call cannot fill. Nothing is judged.",
    examples=(
        "cekura metrics render --metric-id 55 --call call.json",
        "cekura metrics render --from-file judge.json --call-log-id 101 --format json",
        "cekura metrics render --text 'Greets {{dynamic_variables.customer_name}}?' --call call.json",
    ),
)

CALLS_EXPORT = Node(
    "export",
    "write calls as the payloads metric code sees (JSONL)",
    setup=_calls_export,
    handler="_cmd_local_runner:calls_export",
    description="Turn call logs and runs (fetched by id, or saved as JSON) into the platform's `data`\n"
    "payloads, one JSON object per line, for `cekura metrics test --calls` and for your own tests.",
    examples=(
        "cekura calls export --call-log-id 101,102 -o calls.jsonl",
        "cekura calls export --run-id 9001 --call saved-call.json",
    ),
)

def with_calls_export(groups: tuple[Node, ...]) -> tuple[Node, ...]:
    """The top-level groups, with the local runner's `export` added to `calls`."""
    out = []
    for node in groups:
        if node.name == "calls":
            node = Node(
                node.name, node.help, description=node.description,
                examples=(*node.examples, "cekura calls export --call-log-id 7788,7789 -o calls.jsonl"),
                children=(*node.children, CALLS_EXPORT), aliases=node.aliases,
            )
        out.append(node)
    return tuple(out)



METRIC_COMMANDS = (METRICS_TEST, METRICS_RENDER)
