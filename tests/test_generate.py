"""Code generation is deterministic, and the `--check` guard can actually fail.

Each generation runs openapi-python-client plus ruff (about a second or a few); the
baseline tree is generated once per module and shared.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "generate.py"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cekura_generate_script", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _load_script()


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "a"
    gen.generate(out)
    return out


def test_check_passes_on_the_committed_tree() -> None:
    proc = subprocess.run([sys.executable, str(SCRIPT), "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_two_generations_are_byte_identical(baseline: Path, tmp_path: Path) -> None:
    again = tmp_path / "b"
    gen.generate(again)
    assert any(baseline.rglob("*.py"))
    assert gen.differences(baseline, again) == []


def test_differences_sees_a_single_changed_byte(baseline: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(baseline, copy)
    victim = copy / "client.py"
    victim.write_bytes(victim.read_bytes() + b" ")
    (copy / "extra.py").write_text("")
    assert gen.differences(baseline, copy) == ["differs: client.py", f"only in {copy}: extra.py"]


def test_a_planted_spec_change_changes_the_output(baseline: Path, tmp_path: Path) -> None:
    doc = yaml.safe_load(gen.SPEC.read_text(encoding="utf-8"))
    doc["components"]["schemas"]["BulkAgentAssignmentResult"]["properties"]["planted_field"] = {"type": "string"}
    planted = tmp_path / gen.SPEC.name
    planted.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")

    out = tmp_path / "planted"
    gen.generate(out, spec=planted)
    diff = gen.differences(baseline, out)
    assert "differs: models/bulk_agent_assignment_result.py" in diff
    assert "planted_field" in (out / "models" / "bulk_agent_assignment_result.py").read_text()
    # Only the model touched by the planted field changes: the spec's location leaves no trace.
    assert diff == ["differs: models/bulk_agent_assignment_result.py"]
