"""AsyncCekura used without `async with` / close(): nothing is printed about unclosed connections at exit."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import asyncio
from cekura import AsyncCekura
from cekura.sandbox import start_background

server = start_background(allowed_keys=["k-0123456789ab"])

async def scoped():
    client = AsyncCekura(api_key="k-0123456789ab", api_url=server.url)
    print(len(await client.metrics.list(agent_id=123)))

asyncio.run(scoped())
kept = AsyncCekura(api_key="k-0123456789ab", api_url=server.url)   # lives until the interpreter exits

async def module_level():
    print(len(await kept.metrics.list(agent_id=123)))

asyncio.run(module_level())
"""


def test_no_unclosed_connector_message_at_exit():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2", "2"]
    assert "Unclosed" not in result.stderr, result.stderr
    assert result.stderr == ""
