"""The command tree: every command, its flags, help text and examples.

Handlers are named as "module:function" (modules of this package), imported only when run.
"""

from __future__ import annotations

import argparse

from .._vocabulary import TOGGLE_SETTINGS
from . import _tree_lifecycle as lifecycle
from . import _tree_runner as runner
from . import _types as t
from ._parser import Node

ROOT_DESCRIPTION = """\
Command-line client for the Cekura metrics API: browse predefined metrics, author and
manage your metrics, generate metric ideas, triage critical scenarios, process reviews.
Try it offline, without a key, with --sandbox."""

ROOT_EXAMPLES = (
    "cekura --sandbox predefined-metrics list",
    "cekura auth login --api-key -            # paste the key on stdin",
    "cekura metrics create --from-file metric.json",
    "cekura metrics list --agent-id 123 --format json | jq '.[].name'",
    "cekura metrics generate --agent-id 123 --count 10 --wait",
    "cekura metrics list --agent-id 123 --query '[].{id: id, name: name}' --format yaml",
    "cekura --profile staging metrics delete 55 --dry-run",
    "cekura api GET /test_framework/v1/metrics/55/",
)

ROOT_NOTES = """\
settings (first match wins): flags > environment (CEKURA_API_KEY, CEKURA_API_URL,
CEKURA_PROJECT_ID) > ~/.cekura/config.toml (cekura config set), or its [profiles.NAME]
section with --profile NAME / CEKURA_PROFILE > defaults.
--format json: list commands print a JSON array (one page, or every page with --all).
exit codes: 0 ok, 1 the API refused or failed (or you declined), 2 bad usage or input (nothing sent),
130 Ctrl-C.
Run `cekura COMMAND --help` for the flags and examples of each command."""

#: `cekura config set` keys (the SDK's cekura._config.KNOWN_KEYS; a test keeps them equal).
CONFIG_KEYS = ("api_key", "api_url", "default_project_id", "default_organization_id", "allow_insecure_http")
SHELLS = ("bash", "zsh", "fish", "tcsh")


# ----------------------------------------------------------------------------- shared flags
def _body_flags(p: argparse.ArgumentParser, what: str) -> None:
    source = p.add_mutually_exclusive_group()
    source.add_argument("--from-file", metavar="PATH", help=f"read {what} from a JSON file ('-' reads stdin)")
    source.add_argument("--json", metavar="JSON", dest="json_body", help=f"{what} as inline JSON")


def _wait_flags(p: argparse.ArgumentParser, what: str) -> None:
    g = p.add_argument_group("waiting")
    g.add_argument(
        "--wait",
        action="store_true",
        help=f"poll until {what} finishes (progress on stderr), print the result",
    )
    g.add_argument(
        "--wait-timeout",
        metavar="SECONDS",
        dest="wait_timeout",
        type=t.seconds,
        default=600.0,
        help="give up waiting after this long (default 600; the job keeps running)",
    )
    g.add_argument(  # the old spelling (before --wait-timeout): still works, with a note
        "--timeout",
        metavar="SECONDS",
        dest="wait_timeout",
        type=t.seconds,
        action="store_renamed",
        renamed="after --wait, --timeout is now spelled --wait-timeout (--http-timeout is the HTTP one); "
        "the old spelling keeps working",
        help=argparse.SUPPRESS,
    )
    g.add_argument(
        "--poll-interval",
        metavar="SECONDS",
        type=t.interval,
        default=2.0,
        help="seconds between progress checks (default 2)",
    )


def _metric_fields(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("metric fields (override the same fields of --from-file/--json)")
    g.add_argument("--name", help="display name")
    g.add_argument("--type", help="llm_judge or python (custom code)")
    g.add_argument(
        "--eval-type",
        metavar="EVAL",
        help="boolean, rating, numeric or enum (API words such as binary work too)",
    )
    g.add_argument("--prompt", metavar="TEXT", help="the LLM judge's prompt")
    g.add_argument("--description", metavar="TEXT", help="what the metric checks")
    g.add_argument(
        "--agent-id",
        metavar="ID[,ID]",
        dest="agents",
        type=t.id_list,
        action="append",
        help="agent the metric applies to (repeat, or comma-separate) -> agents",
    )
    g.add_argument(
        "--project-id",
        metavar="ID",
        dest="project",
        type=t.positive_id,
        help="the metric's project -> project",
    )
    g.add_argument(
        "--enum-values",
        metavar="A,B",
        type=t.text_list,
        help="allowed outputs of an enum metric -> enum_values",
    )
    g.add_argument("--code-file", metavar="PATH", help="Python source of a custom-code metric -> code")


def _own_project(p: argparse.ArgumentParser, what: str) -> None:
    """A command's own --project-id (a filter or a body field, not the global default project)."""
    p.add_argument("--project-id", metavar="ID", dest="cmd_project_id", type=t.positive_id, help=what)


def _metric_ids(p: argparse.ArgumentParser) -> None:
    p.add_argument("--metric-ids", metavar="ID,ID", type=t.id_list, required=True, help="metrics to change")


# ----------------------------------------------------------------------------- predefined metrics
def _id(p: argparse.ArgumentParser, metavar: str = "ID", what: str = "id") -> None:
    p.add_argument("id", metavar=metavar, type=t.positive_id, help=what)


PREDEFINED = Node(
    "predefined-metrics",
    "browse the platform's predefined metrics (read-only)",
    examples=("cekura predefined-metrics list", "cekura predefined-metrics get 12 --format json"),
    children=(
        Node(
            "list",
            "list every predefined metric",
            handler="_cmd_metrics:predefined_list",
            examples=(
                "cekura predefined-metrics list",
                "cekura predefined-metrics list --format json | jq '.[].slug'",
            ),
        ),
        Node(
            "get",
            "show one predefined metric",
            handler="_cmd_metrics:predefined_get",
            setup=lambda p: _id(p, what="predefined metric id"),
            examples=("cekura predefined-metrics get 12",),
        ),
        *lifecycle.PREDEFINED_COMMANDS,  # copy
    ),
)


# ----------------------------------------------------------------------------- metrics
def _metrics_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--agent-id", metavar="ID", type=t.positive_id, help="metrics of this agent")
    _own_project(p, "metrics of this project")


def _metrics_get(p: argparse.ArgumentParser) -> None:
    p.add_argument("metric", metavar="METRIC_ID", nargs="?", type=t.positive_id, help="metric id")
    p.add_argument("--slug", type=t.slug, help="fetch by slug instead of id (e.g. booking_confirmed_55)")


def _metrics_create(p: argparse.ArgumentParser) -> None:
    _body_flags(p, "the metric")
    _metric_fields(p)


def _metrics_update(p: argparse.ArgumentParser) -> None:
    _id(p, "METRIC_ID", "metric id")
    _body_flags(p, "the fields to change")
    _metric_fields(p)


def _metrics_delete(p: argparse.ArgumentParser) -> None:
    _id(p, "METRIC_ID", "metric id")


def _metrics_bulk_create(p: argparse.ArgumentParser) -> None:
    _body_flags(p, 'a JSON array of metrics (or {"metrics": [...]})')


def _bulk_manage(p: argparse.ArgumentParser) -> None:
    _metric_ids(p)
    p.add_argument("--agents-to-add", metavar="ID,ID", type=t.id_list, help="agents to attach the metrics to")
    p.add_argument("--agents-to-remove", metavar="ID,ID", type=t.id_list, help="agents to detach them from")
    _own_project(p, "the metrics' project (default: the configured project, else the metrics' own)")


def _bulk_toggle(p: argparse.ArgumentParser) -> None:
    _metric_ids(p)
    g = p.add_argument_group("settings (give at least one)")
    for name in TOGGLE_SETTINGS:
        g.add_argument("--" + name.replace("_", "-"), metavar="BOOL", type=t.boolean, help="true or false")


def _generate(p: argparse.ArgumentParser) -> None:
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--agent-id", metavar="ID", type=t.positive_id, help="agent to propose metrics for")
    who.add_argument("--assistant-id", metavar="ID", help="or the agent's assistant id")
    p.add_argument(
        "--count", "--num-metrics", metavar="N", dest="count", type=t.count, help="how many metrics (1-100)"
    )
    _wait_flags(p, "the generation")


def _job_flags(p: argparse.ArgumentParser, first: str, second: str) -> None:
    p.add_argument(
        first,
        second,
        metavar="ID",
        dest="job_id",
        type=t.job_id,
        required=True,
        help=f"the job's id (as printed by the starting command; {second} is the same)",
    )


def _generate_progress(p: argparse.ArgumentParser) -> None:
    _job_flags(p, "--progress-id", "--job-id")
    _wait_flags(p, "the generation")


# ----------------------------------------------------------------------------- metrics as code (i13)
def _file_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("-f", "--file", metavar="FILE", required=True, help="the metrics file (YAML or JSON)")


def _plan_flags(p: argparse.ArgumentParser) -> None:
    _file_flag(p)
    p.add_argument("--prune", action="store_true", help="also delete live metrics the file does not list")
    _own_project(p, "the project to compare with (default: the file's `project`)")


def _metrics_plan(p: argparse.ArgumentParser) -> None:
    _plan_flags(p)
    p.add_argument(
        "--detailed-exitcode",
        action="store_true",
        help="exit 0 when nothing would change, 2 when something would, 1 on any error (for CI)",
    )


def _metrics_apply(p: argparse.ArgumentParser) -> None:
    _plan_flags(p)
    p.add_argument("--yes", "-y", action="store_true", help="apply without asking (required off a terminal)")


def _metrics_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("--project-id", metavar="ID", dest="cmd_project_id", type=t.positive_id, required=True,
                   help="the project to export")
    p.add_argument("--agent-id", metavar="ID", type=t.positive_id, help="only the metrics of this agent")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (.json: JSON; else YAML); default stdout")
    p.add_argument(
        "--code-dir",
        metavar="DIR",
        help="write each python metric's code to DIR/<name>.py and refer to it (code_file); needs -o",
    )


AS_CODE = (
    Node(
        "schema",
        "print the JSON Schema of a metrics file (for editors)",
        handler="_cmd_declarative:schema",
        description="Print the JSON Schema of metrics files, for editors that complete and check YAML/JSON.",
        examples=(
            "cekura metrics schema > metrics.schema.json",
            "# then, first line of metrics.yaml: # yaml-language-server: $schema=metrics.schema.json",
        ),
    ),
    Node(
        "validate",
        "check a metrics file offline (nothing is sent)",
        setup=_file_flag,
        handler="_cmd_declarative:validate",
        description="Check a metrics file against its schema and rules without contacting the API.\n"
        "Every problem is listed with its line, column and JSON path; exit 2 if there is any.",
        examples=("cekura metrics validate -f metrics.yaml",),
    ),
    Node(
        "export",
        "write a project's metrics as a metrics file",
        setup=_metrics_export,
        handler="_cmd_declarative:export",
        own=("--project-id",),
        description="Write the live metrics of a project (or of one agent) as a metrics file, in the\n"
        "documented words and without defaults: a plan right after shows no change.",
        examples=(
            "cekura metrics export --project-id 1 -o metrics.yaml",
            "cekura metrics export --project-id 1 --agent-id 123 -o agent-123.yaml",
            "cekura metrics export --project-id 1 -o metrics.yaml --code-dir metrics",
        ),
    ),
    Node(
        "plan",
        "show what apply would change (create, update, attach/detach, delete)",
        setup=_metrics_plan,
        handler="_cmd_declarative:plan",
        own=("--project-id",),
        description="Compare a metrics file with the live project and print what `apply` would do.\n"
        "Nothing is changed. Metrics are matched by name (or by `key:` after a rename).",
        examples=(
            "cekura metrics plan -f metrics.yaml",
            "cekura metrics plan -f metrics.yaml --prune --detailed-exitcode   # CI: 2 = changes",
            "cekura metrics plan -f metrics.yaml --format json | jq .summary",
        ),
    ),
    Node(
        "apply",
        "make the live project match a metrics file",
        setup=_metrics_apply,
        handler="_cmd_declarative:apply",
        own=("--project-id",),
        description="Show the plan, ask (on a terminal; elsewhere --yes is required), then carry it\n"
        "out with the fewest calls. Safe to re-run: a second apply changes nothing, and an\n"
        "interrupted one finishes the job. A create whose answer was lost is looked for before\n"
        "anything is retried, so no metric is created twice.",
        examples=(
            "cekura metrics apply -f metrics.yaml",
            "cekura metrics apply -f metrics.yaml --prune --yes",
        ),
    ),
)


METRICS = Node(
    "metrics",
    "create, list, update and delete your metrics; bulk changes; AI generation",
    examples=(
        "cekura metrics list --agent-id 123",
        "cekura metrics create --from-file metric.json",
        "cekura metrics update 55 --from-file patch.json",
        "cekura metrics delete 55",
    ),
    children=(
        Node(
            "list",
            "list the metrics of an agent or a project",
            setup=_metrics_list,
            handler="_cmd_metrics:metrics_list",
            own=("--project-id",),
            examples=(
                "cekura metrics list --agent-id 123",
                "cekura metrics list --project-id 1 --format json",
            ),
        ),
        Node(
            "get",
            "show one metric",
            setup=_metrics_get,
            handler="_cmd_metrics:metrics_get",
            examples=("cekura metrics get 55", "cekura metrics get 55 --format json | jq .prompt"),
        ),
        Node(
            "create",
            "create a metric from a JSON file, inline JSON and/or flags",
            setup=_metrics_create,
            handler="_cmd_metrics:metrics_create",
            own=("--project-id",),
            description=(
                "Create a metric. Fields use the documented words: type llm_judge or python,\n"
                "eval_type boolean/rating/numeric/enum, code for custom-code source. Flags override\n"
                "the same fields read from --from-file or --json."
            ),
            examples=(
                "cekura metrics create --from-file metric.json",
                "cekura metrics create --name 'Booking confirmed' --type llm_judge --eval-type boolean \\\n"
                "      --agent-id 123 --prompt 'Did the agent confirm a booking?'",
                "cekura metrics create --name 'Hold > 30s' --type python --code-file hold.py --agent-id 123",
                "cat metric.json | cekura metrics create --from-file -",
            ),
        ),
        Node(
            "update",
            "change some fields of a metric",
            setup=_metrics_update,
            handler="_cmd_metrics:metrics_update",
            own=("--project-id",),
            examples=(
                "cekura metrics update 55 --from-file patch.json",
                "cekura metrics update 55 --prompt 'Refined judge prompt'",
                'cekura metrics update 55 --json \'{"description": "checks the read-back"}\'',
            ),
        ),
        Node(
            "delete",
            "delete a metric (on a terminal, asks first)",
            setup=_metrics_delete,
            handler="_cmd_metrics:metrics_delete",
            description="Delete a metric. On a terminal it asks first, naming the metric; --yes skips the\n"
            "question. Without a terminal (scripts, CI) it never asks.",
            examples=("cekura metrics delete 55", "cekura metrics delete 55 --yes"),
        ),
        Node(
            "bulk-create",
            "create several metrics in one request",
            setup=_metrics_bulk_create,
            handler="_cmd_metrics:metrics_bulk_create",
            description='Create several metrics at once from a JSON array (or an object with a "metrics" array).\n'
            "Every item is checked before anything is sent.",
            examples=("cekura metrics bulk-create --from-file metrics.json",),
        ),
        Node(
            "bulk-manage-agents",
            "attach / detach metrics to / from agents",
            setup=_bulk_manage,
            handler="_cmd_metrics:metrics_bulk_manage_agents",
            own=("--project-id",),
            examples=(
                "cekura metrics bulk-manage-agents --metric-ids 55,56 --agents-to-add 123,124",
                "cekura metrics bulk-manage-agents --metric-ids 55 --agents-to-remove 124 --project-id 1",
            ),
        ),
        Node(
            "bulk-toggle-settings",
            "switch settings on many metrics at once",
            setup=_bulk_toggle,
            handler="_cmd_metrics:metrics_bulk_toggle_settings",
            examples=(
                "cekura metrics bulk-toggle-settings --metric-ids 55,56 --is-active true",
                "cekura metrics bulk-toggle-settings --metric-ids 55 --sampling-enabled false",
            ),
        ),
        Node(
            "generate",
            "have Cekura propose metrics for an agent",
            setup=_generate,
            handler="_cmd_jobs:metrics_generate",
            own=("--timeout",),
            description="Start an AI job that proposes metrics for an agent. Prints the job id at once,\n"
            "or with --wait polls until it completes and prints the proposed metrics.",
            examples=(
                "cekura metrics generate --agent-id 123 --count 10",
                "cekura metrics generate --agent-id 123 --count 10 --wait --wait-timeout 300",
                "cekura metrics generate --agent-id 123 --wait --format json | jq .metrics > metrics.json",
            ),
        ),
        Node(
            "generate-progress",
            "show (or --wait for) a generation job",
            setup=_generate_progress,
            handler="_cmd_jobs:metrics_generate_progress",
            own=("--timeout",),
            examples=(
                "cekura metrics generate-progress --progress-id <id>",
                "cekura metrics generate-progress --progress-id <id> --wait",
            ),
        ),
        *lifecycle.METRIC_COMMANDS,  # preview, preview-progress, history, restore
        *AS_CODE,
        *runner.METRIC_COMMANDS,  # test, render (the local metric runner)
    ),
)


# ----------------------------------------------------------------------------- critical scenarios
def _scenarios_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--metric-id", metavar="ID", type=t.positive_id, help="scenarios flagged by this metric")
    p.add_argument("--agent-id", metavar="ID", type=t.positive_id, help="scenarios of this agent")
    p.add_argument("--category-id", metavar="ID", type=t.positive_id, help="scenarios of this category")
    pages = p.add_mutually_exclusive_group()
    pages.add_argument("--page", metavar="N", type=t.positive_id, help="page number (default 1)")
    pages.add_argument("--all", action="store_true", help="walk every page and print all scenarios")
    p.add_argument("--page-size", metavar="N", type=t.page_size, help="scenarios per page (max 1000)")


def _scenarios_update(p: argparse.ArgumentParser) -> None:
    _id(p, "ID", "critical metric scenario id")
    _body_flags(p, "the fields to change")
    g = p.add_argument_group("fields (override --from-file/--json)")
    g.add_argument("--priority", help="critical, non-critical or not_a_bug")
    g.add_argument("--is-resolved", metavar="BOOL", type=t.boolean, help="true: triage done; false: reopen")


SCENARIOS = Node(
    "critical-metric-scenarios",
    "triage scenarios flagged because a metric drifted",
    examples=(
        "cekura critical-metric-scenarios list --metric-id 55",
        "cekura critical-metric-scenarios update 42 --json '{\"is_resolved\": true}'",
    ),
    children=(
        Node(
            "list",
            "list flagged scenarios (one page, or --all)",
            setup=_scenarios_list,
            handler="_cmd_metrics:scenarios_list",
            description="List flagged scenarios: one page, or every page with --all. With --format json the\n"
            "output is always a JSON array of scenarios (one page or all of them), so one jq filter\n"
            "serves both; when more pages exist, where the next one is goes to stderr.",
            examples=(
                "cekura critical-metric-scenarios list --metric-id 55",
                "cekura critical-metric-scenarios list --metric-id 55 --page 2 --page-size 10",
                "cekura critical-metric-scenarios list --metric-id 55 --all --format json | jq '.[].id'",
            ),
        ),
        Node(
            "get",
            "show one scenario",
            setup=lambda p: _id(p, what="critical metric scenario id"),
            handler="_cmd_metrics:scenarios_get",
            examples=("cekura critical-metric-scenarios get 42",),
        ),
        Node(
            "update",
            "triage a scenario (priority, resolved)",
            setup=_scenarios_update,
            handler="_cmd_metrics:scenarios_update",
            examples=(
                "cekura critical-metric-scenarios update 42 --json '{\"is_resolved\": true}'",
                "cekura critical-metric-scenarios update 42 --priority not_a_bug --is-resolved true",
            ),
        ),
    ),
)


# ----------------------------------------------------------------------------- metric reviews
def _process_feedbacks(p: argparse.ArgumentParser) -> None:
    p.add_argument("--metric-id", metavar="ID", type=t.positive_id, required=True, help="metric to improve")
    p.add_argument("--metric-type", metavar="TYPE", help="llm_judge or python")
    p.add_argument("--test-set-ids", metavar="ID,ID", type=t.id_list, help="limit the run to these test sets")
    p.add_argument("--simplified-prompt", metavar="TEXT", help="a simplified prompt to start from")
    p.add_argument("--skip-evaluation", metavar="BOOL", type=t.boolean, help="propose without re-scoring")
    _wait_flags(p, "the processing")


def _review_progress(p: argparse.ArgumentParser) -> None:
    _job_flags(p, "--job-id", "--progress-id")
    p.add_argument("--agent-id", metavar="ID", type=t.positive_id, help="the agent the job ran for")
    p.add_argument(
        "--project-id", metavar="ID", dest="cmd_project_id", type=t.positive_id, help="the job's project"
    )
    _wait_flags(p, "the processing")


REVIEWS = Node(
    "metric-reviews",
    "improve a metric from reviewer feedback (Labs pipeline)",
    examples=(
        "cekura metric-reviews process-feedbacks --metric-id 55",
        "cekura metric-reviews progress --job-id <id>",
    ),
    children=(
        Node(
            "process-feedbacks",
            "start processing a metric's feedback",
            setup=_process_feedbacks,
            handler="_cmd_jobs:reviews_process",
            own=("--timeout",),
            examples=(
                "cekura metric-reviews process-feedbacks --metric-id 55",
                "cekura metric-reviews process-feedbacks --metric-id 55 --wait",
            ),
        ),
        Node(
            "progress",
            "show (or --wait for) a feedback job",
            setup=_review_progress,
            handler="_cmd_jobs:reviews_progress",
            own=("--timeout", "--project-id"),
            examples=(
                "cekura metric-reviews progress --job-id <id>",
                "cekura metric-reviews progress --job-id <id> --wait",
            ),
        ),
    ),
)


# ----------------------------------------------------------------------------- local commands
def _config_key(p: argparse.ArgumentParser, **kw) -> None:
    p.add_argument("key", metavar="KEY", choices=CONFIG_KEYS, help="one of: " + ", ".join(CONFIG_KEYS), **kw)


def _config_set(p: argparse.ArgumentParser) -> None:
    _config_key(p)
    p.add_argument("value", metavar="VALUE", help="the value ('-' reads it from stdin, e.g. for api_key)")


CONFIG = Node(
    "config",
    "read and write ~/.cekura/config.toml",
    examples=(
        "cekura config get",
        "cekura config set default_project_id 1",
        "cekura config set --profile staging api_url https://staging.example",
        "cekura config path",
    ),
    children=(
        Node(
            "get",
            "show the settings in effect (the key masked) and where they come from",
            setup=lambda p: _config_key(p, nargs="?"),
            handler="_cmd_local:config_get",
            examples=("cekura config get", "cekura config get api_url"),
        ),
        Node(
            "set",
            "store a setting in the config file",
            setup=_config_set,
            handler="_cmd_local:config_set",
            examples=(
                "cekura config set api_url https://api.cekura.ai",
                "cekura config set default_project_id 1",
                "cekura config set api_key - < key.txt",
            ),
        ),
        Node(
            "unset",
            "remove a setting from the config file",
            setup=_config_key,
            handler="_cmd_local:config_unset",
            examples=("cekura config unset default_project_id",),
        ),
        Node(
            "path",
            "print the config file's path",
            handler="_cmd_local:config_path",
            examples=("cekura config path",),
        ),
    ),
)


def _login(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--api-key",
        metavar="KEY",
        dest="login_key",
        help="the key to store; '-' reads it from stdin (keeps it out of shell history); "
        "prompted for when omitted on a terminal",
    )


AUTH = Node(
    "auth",
    "store, remove and inspect your API key",
    examples=("cekura auth login --api-key -", "cekura auth status", "cekura auth logout"),
    children=(
        Node(
            "login",
            "store an API key in ~/.cekura/config.toml (mode 0600)",
            setup=_login,
            handler="_cmd_local:auth_login",
            own=("--api-key",),
            examples=(
                "cekura auth login --api-key -   # then paste the key, Enter, Ctrl-D",
                "cekura auth login --api-key ck_live_...",
                "cekura auth login --profile staging --api-key -",
            ),
        ),
        Node(
            "logout",
            "remove the stored API key",
            handler="_cmd_local:auth_logout",
            examples=("cekura auth logout",),
        ),
        Node(
            "status",
            "which key is in use (masked), from where, and the API URL",
            handler="_cmd_local:auth_status",
            examples=("cekura auth status", "CEKURA_API_KEY=... cekura auth status"),
        ),
    ),
)


def _serve(p: argparse.ArgumentParser) -> None:
    p.add_argument("--port", type=t.port, default=8765, help="port to listen on (default 8765; 0 picks one)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--db", metavar="PATH", help="SQLite file to keep data in (default ~/.cekura/sandbox.db)")
    p.add_argument(
        "--key",
        metavar="KEY",
        dest="keys",
        action="append",
        help="API key the server accepts (repeatable; default: any key, each its own tenant)",
    )
    p.add_argument(
        "--job-seconds",
        metavar="SECONDS",
        type=t.interval,
        help="how long background jobs take to complete (default 3)",
    )
    # -- sandbox serve: server options (i15) --
    p.add_argument("--workers", metavar="N", type=t.workers, default=1,
                   help="serve from N processes sharing the --db file (default 1)")
    p.add_argument("--strict", action="store_true",
                   help="refuse paths without their trailing slash and form bodies (what our client never sends)")
    p.add_argument("--admin", action="store_true",
                   help="enable POST /_sandbox/reset and GET|PUT /_sandbox/state")
    p.add_argument("--fixture", metavar="FILE", help="start from a state file written by `cekura sandbox save`")


def _sandbox_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH", help="SQLite file (default ~/.cekura/sandbox.db, as --sandbox uses)")


def _sandbox_reset(p: argparse.ArgumentParser) -> None:
    _sandbox_db(p)
    p.add_argument("--key", metavar="KEY", help="reset only this API key's data (default: every key's)")


def _sandbox_file(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the state file (JSON)")
    _sandbox_db(p)


SANDBOX = Node(
    "sandbox",
    "run the offline sandbox as a local HTTP server",
    examples=("cekura sandbox serve", "cekura sandbox serve --port 9000 --key test-key", "cekura sandbox reset"),
    children=(
        Node(
            "serve",
            "serve the sandbox API on a local port until Ctrl-C",
            setup=_serve,
            handler="_cmd_local:sandbox_serve",
            examples=(
                "cekura sandbox serve --port 8765",
                "CEKURA_API_URL=http://127.0.0.1:8765 CEKURA_API_KEY=<key> cekura metrics list --agent-id 123",
                "cekura sandbox serve --db /tmp/s.db --workers 2 --admin",
                "cekura sandbox serve --fresh --fixture tests/fixtures/sandbox.json",
            ),
        ),
        Node(
            "reset",
            "put the demo data back (every key's, or one key's) in the sandbox database",
            setup=_sandbox_reset,
            handler="_cmd_sandbox:reset",
            examples=("cekura sandbox reset", "cekura sandbox reset --key test-key --db /tmp/s.db"),
        ),
        Node(
            "save",
            "write the sandbox database's whole state to a JSON file (a test fixture)",
            setup=_sandbox_file,
            handler="_cmd_sandbox:save",
            examples=("cekura sandbox save fixture.json", "cekura sandbox save fixture.json --db /tmp/s.db"),
        ),
        Node(
            "load",
            "replace the sandbox database's state with a saved one",
            setup=_sandbox_file,
            handler="_cmd_sandbox:load",
            examples=("cekura sandbox load fixture.json",),
        ),
    ),
)


COMPLETION = Node(
    "completion",
    "print a shell completion script",
    setup=lambda p: p.add_argument("shell", metavar="SHELL", choices=SHELLS, help="bash, zsh, fish or tcsh"),
    handler="_cmd_local:completion",
    examples=(
        "cekura completion bash > ~/.local/share/bash-completion/completions/cekura",
        "cekura completion zsh > ~/.zfunc/_cekura",
        "cekura completion fish > ~/.config/fish/completions/cekura.fish",
    ),
)

# ----------------------------------------------------------------------------- any endpoint (i14)
def _api(p: argparse.ArgumentParser) -> None:
    p.add_argument("method", metavar="METHOD", type=t.http_method, help="GET, POST, PUT, PATCH or DELETE")
    p.add_argument("path", metavar="PATH", help="path under the API URL, e.g. /test_framework/v1/metrics/55/")
    p.add_argument(
        "-f", "--raw-field", metavar="KEY=VALUE", dest="raw_fields", type=t.field, action="append",
        help="a string field: the query string for GET/DELETE, the JSON body otherwise (repeatable)",
    )
    p.add_argument(
        "-F", "--field", metavar="KEY=VALUE", dest="typed_fields", type=t.field, action="append",
        help="a typed field: numbers, true/false/null and JSON arrays/objects keep their type",
    )
    p.add_argument("--input", metavar="FILE", help="the JSON body from a file ('-' reads stdin)")
    p.add_argument(
        "--paginate", action="store_true", help="GET: follow `next` links and print every item as one JSON array"
    )


API = Node(
    "api",
    "call any Cekura endpoint with your key, URL and retries (JSON out)",
    setup=_api,
    handler="_cmd_api:api",
    description="Send one request to any endpoint, with the configured key, API URL, timeouts and\n"
    "retries (--sandbox works too), and print the JSON answer. A POST or PATCH is retried only\n"
    "when it provably never reached the server. A full URL must be under the API URL in use.",
    examples=(
        "cekura api GET /test_framework/v1/metrics/55/",
        "cekura api GET /test_framework/v1/metrics/ -f agent_id=123 --query '[].name'",
        "cekura api POST /test_framework/v1/metrics/ --input metric.json",
        "cekura api PATCH /test_framework/v1/metrics/55/ -f description='checks the read-back'",
        "cekura api GET /test_framework/v1/critical-metric-scenarios/ -F metric_id=55 --paginate",
        "cekura --sandbox api DELETE /test_framework/v1/metrics/55/ --yes",
    ),
)

VERSION = Node("version", "print the version", handler="_cmd_local:version", examples=("cekura version",))

TREE = (PREDEFINED, METRICS, SCENARIOS, REVIEWS, *runner.with_calls_export(lifecycle.TOP_LEVEL), API, CONFIG, AUTH,
        SANDBOX, COMPLETION, VERSION)
