"""Cassette plumbing for the SDK tests.

Replay (the default, and CI): every HTTP exchange comes from tests/sdk/cassettes/ with no
network; a request that was not recorded fails the test (record_mode="none").
Record (`make record`): CEKURA_RECORD=1; the tests run against CEKURA_API_URL/CEKURA_API_KEY
when both are set (the real API), else against a sandbox served on a loopback port.
The API key header is filtered out of every cassette.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

CASSETTES = Path(__file__).parent / "cassettes"
RECORDING = os.environ.get("CEKURA_RECORD") == "1"
REPLAY_URL = "http://127.0.0.1:9"  # nothing listens there: replay only


@pytest.fixture(scope="session")
def api_target():
    """(url, key factory) of the server the tests talk to while recording."""
    if not RECORDING:
        yield REPLAY_URL, None
        return
    if os.environ.get("CEKURA_API_URL", "").startswith("http") and os.environ.get("CEKURA_API_KEY"):
        real_key = os.environ["CEKURA_API_KEY"]
        yield os.environ["CEKURA_API_URL"], (lambda name: real_key)
        return
    from cekura.sandbox import start_background

    with start_background(job_seconds=0) as sandbox:
        yield sandbox.url, None


@pytest.fixture
def api(request, api_target, monkeypatch, tmp_path):
    """Point Cekura() at the target through the environment, inside this test's cassette."""
    import vcr

    url, key_for = api_target
    # Each test gets its own sandbox tenant (a fresh key) so it sees only the demo data.
    key = key_for(request.node.name) if key_for else "test-key-" + re.sub(r"\W", "-", request.node.name)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("CEKURA_API_URL", url)
    monkeypatch.setenv("CEKURA_API_KEY", key)
    monkeypatch.delenv("CEKURA_PROJECT_ID", raising=False)
    recorder = vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode="all" if RECORDING else "none",
        match_on=["method", "path", "query", "body"],
        filter_headers=["x-cekura-api-key", "authorization", "cookie", "set-cookie"],
        decode_compressed_response=True,
    )
    name = re.sub(r"[^\w.-]", "_", request.node.name) + ".yaml"
    with recorder.use_cassette(name, allow_playback_repeats=False) as cassette:
        yield cassette
    if not RECORDING:
        assert cassette.all_played, f"{name}: some recorded requests were not sent again"


@pytest.fixture
def sent(monkeypatch):
    """Every request the SDK sends, as (method, path, query dict, JSON body or None)."""
    import json

    from cekura._client import AsyncCekura, Cekura

    log: list[tuple] = []

    def note(request):
        body = json.loads(request.content) if request.content else None
        log.append((request.method, request.url.path, dict(request.url.params), body))

    sync_send, async_send = Cekura._send, AsyncCekura._send

    def send(self, request):
        note(request)
        return sync_send(self, request)

    async def asend(self, request):
        note(request)
        return await async_send(self, request)

    monkeypatch.setattr(Cekura, "_send", send)
    monkeypatch.setattr(AsyncCekura, "_send", asend)
    return log
