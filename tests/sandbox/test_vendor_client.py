"""The vendor's own client (cekura 1.6.7, in bench/.venv-official) against a served, lenient sandbox.

Skipped when that venv is absent (`make vendor-check` or `make bench` creates it). Every call of
the vendor client that reaches an operation the sandbox covers must work.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from cekura.sandbox import start_background

ROOT = Path(__file__).resolve().parents[2]
VENDOR_PYTHON = ROOT / "bench" / ".venv-official" / "bin" / "python"


@pytest.mark.skipif(not VENDOR_PYTHON.exists(), reason="bench/.venv-official not created (make vendor-check)")
def test_vendor_client_calls_work(tmp_path):
    with start_background(strict=False) as running:
        done = subprocess.run([str(VENDOR_PYTHON), str(ROOT / "bench" / "vendor_check.py"), "--client", running.url],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120,
                              env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(done.stdout.strip().splitlines()[-1])
    covered = [r for r in results if r["covered"]]
    assert len(covered) >= 17
    assert [r for r in covered if not r["ok"]] == []
