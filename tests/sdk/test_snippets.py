"""Every SDK snippet of the documented metrics page, run as written, sync and async.

The snippet texts below are the documentation's, verbatim. The async run is the same text
with `AsyncCekura` and `await` (the async client mirrors the sync one method for method).
Each test checks the requests that went out (method, path, query, body) and the values
that came back; the HTTP exchanges replay from cassettes recorded against the sandbox.
"""

from __future__ import annotations

import ast
import asyncio
import re

import pytest

from cekura import AsyncCekura, Cekura

M = "/test_framework/v1/metrics/"

BROWSE = """
catalog = client.predefined_metrics.list()
for m in catalog:
    print(m["slug"], m["name"], m["eval_type"])
"""

CREATE = '''
from cekura import Cekura

client = Cekura()

# LLM-judge metric
metric = client.metrics.create(
    agents=[123],
    name="Booking confirmed",
    type="llm_judge",
    eval_type="boolean",
    prompt="Did the agent confirm a booking and read back the date and time?",
)

# Python (custom code) metric
client.metrics.create(
    agents=[123],
    name="Hold duration > 30s",
    type="python",
    eval_type="boolean",
    code="""
def evaluate(call):
return any(seg['duration'] > 30 for seg in call.get('hold_segments', []))
""",
)
'''

LIST_UPDATE_DELETE = """
client.metrics.list(agent_id=123)
client.metrics.get(metric_id=55)
client.metrics.update(metric_id=55, prompt="Refined judge prompt")
client.metrics.delete(metric_id=55)
"""

BULK = """
# Create several at once
client.metrics.bulk_create(metrics=[
    {"name": "Greeting present", "type": "llm_judge", "prompt": "...", "agents": [123]},
    {"name": "Closing present",  "type": "llm_judge", "prompt": "...", "agents": [123]},
])

# Attach / detach metrics across agents
client.metrics.bulk_manage_agents(
    metric_ids=[55, 56],
    agents_to_add=[123, 124],
    agents_to_remove=[],
)

# Toggle settings on many metrics at once
client.metrics.bulk_toggle_settings(
    metric_ids=[55, 56],
    is_active=True,
)
"""

GENERATE = """
job = client.metrics.generate(agent_id=123, count=10)
client.metrics.generate_progress(progress_id=job["progress_id"])
"""

SCENARIOS_AND_REVIEWS = """
# Critical metric scenarios
client.critical_metric_scenarios.list(metric_id=55)
client.critical_metric_scenarios.update(id=42, is_resolved=True)

# Metric reviews
job = client.metric_reviews.process_feedbacks(metric_id=55)
client.metric_reviews.process_feedbacks_progress(job_id=job["job_id"])
"""


def as_async(snippet: str) -> str:
    text = snippet.replace("Cekura()", "AsyncCekura()").replace("import Cekura", "import AsyncCekura")
    return re.sub(r"(?<![\w.])client\.(\w+)\.(\w+)\(", r"await client.\1.\2(", text)


def run(snippet: str, mode: str) -> dict:
    """Run a snippet as a user would; return its namespace (with `_` = each statement's value)."""
    if mode == "sync":
        ns: dict = {"client": Cekura()}
        tree = ast.parse(snippet)
        values = []
        for stmt in tree.body:
            if isinstance(stmt, ast.Expr):
                values.append(eval(compile(ast.Expression(stmt.value), "<snippet>", "eval"), ns))
            else:
                exec(compile(ast.Module([stmt], []), "<snippet>", "exec"), ns)
        ns["client"].close()
        ns["_values"] = values
        return ns

    async def main() -> dict:
        ns: dict = {"client": AsyncCekura()}
        tree = ast.parse(as_async(snippet))
        values = []
        flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        for stmt in tree.body:
            if isinstance(stmt, ast.Expr):
                result = eval(compile(ast.Expression(stmt.value), "<snippet>", "eval", flags=flags), ns)
                values.append(await result if asyncio.iscoroutine(result) else result)
            else:
                result = eval(compile(ast.Module([stmt], []), "<snippet>", "exec", flags=flags), ns)
                if asyncio.iscoroutine(result):
                    await result
        await ns["client"].close()
        ns["_values"] = values
        return ns

    return asyncio.run(main())


MODES = ["sync", "async"]


@pytest.mark.parametrize("mode", MODES)
def test_browse_predefined_metrics(api, sent, capsys, mode):
    ns = run(BROWSE, mode)
    assert sent == [("GET", "/test_framework/v1/predefined-metrics/", {}, None)]
    catalog = ns["catalog"]
    assert isinstance(catalog, list) and len(catalog) >= 20
    assert {m["category"] for m in catalog} >= {
        "Speech Quality",
        "Conversation Quality",
        "Accuracy",
        "Customer Experience",
    }
    printed = capsys.readouterr().out.splitlines()
    assert printed == [f"{m['slug']} {m['name']} {m['eval_type']}" for m in catalog]


@pytest.mark.parametrize("mode", MODES)
def test_create_llm_judge_and_python_metrics(api, sent, mode):
    ns = run(CREATE, mode)
    judge_body = {
        "name": "Booking confirmed",
        "eval_type": "binary",
        "prompt": "Did the agent confirm a booking and read back the date and time?",
        # the judge's criterion also lands where the API reads it (the vocabulary's CRITERION_FIELDS)
        "description": "Did the agent confirm a booking and read back the date and time?",
        "agents": [123],
        "type": "llm_judge",
    }
    assert sent[0] == ("POST", M, {}, judge_body)
    method, path, query, code_body = sent[1]
    assert (method, path) == ("POST", M)
    assert code_body["type"] == "custom_code" and code_body["eval_type"] == "binary"
    assert code_body["custom_code"].strip().startswith("def evaluate(call):") and "code" not in code_body
    assert "description" not in code_body  # only an LLM judge reads its criterion from description
    assert len(sent) == 2
    metric = ns["metric"]
    assert (
        metric["name"] == "Booking confirmed"
        and metric["eval_type"] == "binary"
        and metric["type"] == "llm_judge"
    )
    assert metric["agents"] == [123] and isinstance(metric["id"], int)
    python_metric = ns["_values"][-1]
    assert python_metric["type"] == "custom_code" and python_metric["custom_code"] == code_body["custom_code"]


@pytest.mark.parametrize("mode", MODES)
def test_list_get_update_delete(api, sent, mode):
    ns = run(LIST_UPDATE_DELETE, mode)
    assert sent == [
        ("GET", M, {"agent_id": "123"}, None),
        ("GET", M + "55/", {}, None),
        # update names no type: the SDK reads metric 55 to learn it is an LLM judge, whose
        # criterion the API reads from `description`; the refined prompt goes to both
        ("GET", M + "55/", {}, None),
        ("PATCH", M + "55/", {}, {"prompt": "Refined judge prompt", "description": "Refined judge prompt"}),
        ("DELETE", M + "55/", {}, None),
    ]
    listed, got, updated, deleted = ns["_values"]
    assert any(m["id"] == 55 for m in listed) and all(123 in m["agents"] for m in listed)
    assert got["id"] == 55
    assert updated["id"] == 55 and updated["prompt"] == "Refined judge prompt"
    assert updated["description"] == "Refined judge prompt"
    assert deleted is None


@pytest.mark.parametrize("mode", MODES)
def test_bulk_operations(api, sent, mode):
    ns = run(BULK, mode)
    created, managed, toggled = ns["_values"]
    assert sent[0] == (
        "POST",
        M + "bulk_create/",
        {},
        [
            {
                "name": "Greeting present",
                "eval_type": "binary",
                "type": "llm_judge",
                "prompt": "...",
                "description": "...",
                "agents": [123],
            },
            {
                "name": "Closing present",
                "eval_type": "binary",
                "type": "llm_judge",
                "prompt": "...",
                "description": "...",
                "agents": [123],
            },
        ],
    )
    # no default project configured: the SDK reads it from the metrics, then makes ONE enable call
    assert sent[1:3] == [("GET", M + "55/", {}, None), ("GET", M + "56/", {}, None)]
    assert sent[3] == (
        "POST",
        M + "bulk_manage_agents/",
        {},
        {"project_id": 1, "metric_ids": [55, 56], "agent_ids": [123, 124], "mode": "enable"},
    )
    assert sent[4] == ("POST", M + "bulk-toggle-settings/", {}, {"metric_ids": [55, 56], "is_active": True})
    assert len(sent) == 5
    assert [m["name"] for m in created] == ["Greeting present", "Closing present"]
    assert managed["updated_count"] == 2 and toggled["updated_count"] == 2


@pytest.mark.parametrize("mode", MODES)
def test_generate_metrics(api, sent, mode):
    ns = run(GENERATE, mode)
    job, progress = ns["job"], ns["_values"][-1]
    assert sent == [
        ("POST", M + "generate_metrics/", {}, {"agent_id": 123, "num_metrics": 10}),
        ("GET", M + "generate_metrics_progress/", {"progress_id": job["progress_id"]}, None),
    ]
    assert job["job_id"] == job["progress_id"]
    assert progress["status"] == "completed" and len(progress["metrics"]) == 10


@pytest.mark.parametrize("mode", MODES)
def test_critical_scenarios_and_metric_reviews(api, sent, mode):
    ns = run(SCENARIOS_AND_REVIEWS, mode)
    page, scenario, job, progress = (*ns["_values"][:2], ns["job"], ns["_values"][-1])
    assert sent == [
        ("GET", "/test_framework/v1/critical-metric-scenarios/", {"metric_id": "55"}, None),
        ("PATCH", "/test_framework/v1/critical-metric-scenarios/42/", {}, {"is_resolved": True}),
        ("POST", "/test_framework/metric-reviews/process_feedbacks/", {}, {"metric_id": 55}),
        (
            "GET",
            "/test_framework/metric-reviews/process_feedbacks_progress/",
            {"progress_id": job["progress_id"]},
            None,
        ),
    ]
    assert set(page) >= {"count", "next", "previous", "results"} and page["results"]
    assert scenario["id"] == 42 and scenario["is_resolved"] is True
    assert job["job_id"] == job["progress_id"]
    assert progress["status"] == "completed" and progress["improved_metric_description"]


def test_an_unrecorded_request_fails(api, sent):
    """Replay is strict: a request missing from the cassette is an error, never a network call."""
    if api.record_mode != "none":
        pytest.skip("only meaningful when replaying")
    with pytest.raises(Exception) as info:
        Cekura().metrics.get(999_999)
    assert "CannotOverwriteExistingCassette" in str(info.value) or "Can't overwrite" in str(info.value)
