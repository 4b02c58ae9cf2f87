"""Every CLI snippet of the documented metrics page, run exactly as written against the sandbox."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

METRIC_JSON = """{
  "agents": [123],
  "name": "Booking confirmed",
  "type": "llm_judge",
  "eval_type": "boolean",
  "prompt": "Did the agent confirm a booking and read back the date and time?"
}
"""
PATCH_JSON = '{"prompt": "Refined judge prompt"}\n'
METRICS_JSON = """[
  {"name": "Greeting present", "type": "llm_judge", "prompt": "...", "agents": [123]},
  {"name": "Closing present",  "type": "llm_judge", "prompt": "...", "agents": [123]}
]
"""

#: The page's CLI blocks, command by command (continuation lines joined).
BLOCKS = [
    ["cekura predefined-metrics list"],
    ["cekura metrics create --from-file metric.json"],
    [
        "cekura metrics list --agent-id 123",
        "cekura metrics get 55",
        "cekura metrics update 55 --from-file patch.json",
        "cekura metrics delete 55",
    ],
    [
        "cekura metrics bulk-create --from-file metrics.json",
        "cekura metrics bulk-manage-agents --metric-ids 55,56 --agents-to-add 123,124",
        "cekura metrics bulk-toggle-settings --metric-ids 55,56 --is-active true",
    ],
    [
        "cekura metrics generate --agent-id 123 --count 10",
        "cekura metrics generate-progress --progress-id <id>",
    ],
    [
        "cekura critical-metric-scenarios list --metric-id 55",
        "cekura critical-metric-scenarios update 42 --json '{\"is_resolved\": true}'",
        "cekura metric-reviews process-feedbacks --metric-id 55",
        "cekura metric-reviews progress --job-id <id>",
    ],
]

PAGE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "seed-metrics-page.md"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def page_commands(text: str) -> list[str]:
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.S):
        joined = re.sub(r"\\\n\s*", "", block)
        commands += [line.strip() for line in joined.splitlines() if line.strip().startswith("cekura ")]
    return commands


@pytest.mark.skipif(not PAGE.exists(), reason="the shared reference page is not beside this checkout")
def test_blocks_are_the_pages_snippets():
    assert [c for block in BLOCKS for c in block] == page_commands(PAGE.read_text())


@pytest.mark.parametrize("block", BLOCKS, ids=[b[0].split(" --")[0][7:] for b in BLOCKS])
def test_snippet_block_runs_as_written(block, run, files, tmp_path, monkeypatch, job_seconds):
    files("metric.json", METRIC_JSON)
    files("patch.json", PATCH_JSON)
    files("metrics.json", METRICS_JSON)
    monkeypatch.setenv("CEKURA_API_URL", f"sandbox://{tmp_path}/page.db")
    job_id = None
    for command in block:
        if "<id>" in command:
            assert job_id, "the previous command printed no job id"
            command = command.replace("<id>", job_id)
        argv = shlex.split(command)
        assert argv[0] == "cekura"
        result = run(*argv[1:])
        assert result.code == 0, (command, result.err)
        assert result.out.strip(), command
        assert "error" not in result.err.lower()
        found = UUID.search(result.out)
        job_id = found.group(0) if found else job_id


def test_quickstart_in_the_readme_runs_offline(run, tty):
    result = run("--sandbox", "predefined-metrics", "list")
    assert result.code == 0, result.err
    assert "slug" in result.out and "eval_type" in result.out
