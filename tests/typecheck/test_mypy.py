"""What a type checker sees: `mypy --strict` on a user's file that calls every method.

`user_code.py` asserts the type of every call's result with `assert_type` (so an `Any`
fails), and marks with `# error: <text>` the calls a type checker must refuse, such as
`metrics.list(agent=123)`. One mypy run (a few seconds, cache in a temporary folder).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
USER_FILE = HERE / "user_code.py"

pytest.importorskip("mypy")


def expected_errors() -> dict[int, str]:
    marks = {}
    for number, line in enumerate(USER_FILE.read_text().splitlines(), start=1):
        found = re.search(r"# error: (.+)$", line)
        if found:
            marks[number] = found.group(1).strip()
    return marks


def test_strict_mypy_sees_concrete_types_and_refuses_unknown_keywords(tmp_path):
    proc = subprocess.run(
        [
            sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-error-summary",
            "--show-error-codes", "--cache-dir", str(tmp_path / "cache"), "--config-file", "", str(USER_FILE),
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    reported: dict[int, list[str]] = {}
    for line in proc.stdout.splitlines():
        found = re.match(r".*user_code\.py:(\d+): error: (.*)$", line)
        if found:
            reported.setdefault(int(found.group(1)), []).append(found.group(2))
        else:
            assert ": note:" in line, f"unexpected mypy output: {line}"
    expected = expected_errors()
    assert len(expected) >= 7 and "agent" in expected[min(expected)]
    unexpected = {n: msgs for n, msgs in reported.items() if n not in expected}
    assert not unexpected, f"mypy reported errors where the file expects none (assert_type failed?): {unexpected}"
    missing = {n: text for n, text in expected.items() if n not in reported}
    assert not missing, f"mypy accepted calls it must refuse: {missing}"
    for number, text in expected.items():
        assert any(text in message for message in reported[number]), (number, text, reported[number])
