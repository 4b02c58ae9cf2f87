"""The CLI refuses bad --from-file input with exit code 2 and a one/two-line message, sending nothing.

The target is a loopback FaultServer that records every request it reads, so "nothing was
sent" is observed on the wire. Complements tests/cli/test_bad_input.py (flags, ids, and the
common file cases: missing, directory, empty, blank, latin-1, invalid JSON, wrong shape), which
is not repeated here: these are the file-level cases it leaves out.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.support.faultserver import FaultServer

from .conftest import KEY
from .figures import FIGURES

GOOD = {"name": "Greeting", "type": "llm_judge", "eval_type": "boolean", "prompt": "Did the agent greet?"}


def _json(value) -> bytes:
    return json.dumps(value).encode()


# (label, command, file content, what the message must mention)
CASES = [
    ("UTF-16 with BOM", "create", json.dumps(GOOD).encode("utf-16"), "UTF-8"),
    ("binary (PNG header)", "create", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "UTF-8"),
    ("bulk: not UTF-8", "bulk-create", b'[{"name": "\xff"}]', "UTF-8"),
    ("bulk: empty file", "bulk-create", b"", "empty"),
    ("malformed: truncated", "create", b'{"name": "x", "prompt": "unfinished', "JSON"),
    ("malformed: single quotes", "create", b"{'name': 'x'}", "JSON"),
    ("nested too deeply", "create", b"[" * 100_000 + b"]" * 100_000, "JSON"),
    ("create: unknown eval_type", "create", _json({**GOOD, "eval_type": "maybe"}), "eval_type"),
    ("create: name is a number", "create", _json({**GOOD, "name": 7}), "name"),
    ("update: prompt is a number", "update", _json({"prompt": 123}), "prompt"),
    (
        "bulk: one bad item of five",
        "bulk-create",
        _json([GOOD] * 4 + [{**GOOD, "eval_type": "bogus"}]),
        "[4]",
    ),
    ("bulk: first item without a name", "bulk-create", _json([{"eval_type": "binary"}, GOOD]), "[0]"),
    ("bulk: one item is a string", "bulk-create", _json([GOOD, "Closing present"]), "item 1"),
]


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as srv:
        yield srv


def _command(command: str, path: str) -> list[str]:
    return ["metrics", command, *(["55"] if command == "update" else []), "--from-file", path]


def _check_refused(code: int, out: str, err: str, server: FaultServer, mention: str) -> None:
    lines = err.strip().splitlines()
    assert code == 2, (code, err)
    assert 1 <= len(lines) <= 2 and lines[0].startswith("error: "), err
    assert mention in lines[0], err
    assert "Traceback" not in err and out == ""
    assert server.received == [], "a request was sent"


@pytest.mark.parametrize(("label", "command", "content", "mention"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_refused_before_sending(cli, server, tmp_path, label, command, content, mention):
    FIGURES["bad inputs tried: CLI files"] += 1
    path = tmp_path / "input.json"
    path.write_bytes(content)
    code, out, err = cli("--api-url", server.url, "--api-key", KEY, *_command(command, str(path)))
    _check_refused(code, out, err, server, mention)
    assert KEY not in out + err


@pytest.mark.parametrize("command", ["create", "bulk-create"])
def test_huge_file_is_refused_before_sending(cli, server, tmp_path, command):
    """A 2 MiB body file: the API refuses bodies over 1 MiB, so the CLI does not send it."""
    FIGURES["bad inputs tried: CLI files"] += 1
    huge = {**GOOD, "prompt": "x" * (2 * 1024 * 1024)}
    path = tmp_path / "huge.json"
    path.write_bytes(_json(huge if command == "create" else [huge]))
    code, out, err = cli("--api-url", server.url, "--api-key", KEY, *_command(command, str(path)))
    _check_refused(code, out, err, server, "large")
