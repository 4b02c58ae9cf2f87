"""The API key never shows: not in cassettes, DEBUG logs, exceptions, reprs, or anything the CLI prints.

The key is distinctive ("sk-live-RELIABILITY-<random hex>", see conftest.py) so any leak is
found by a plain substring search. Servers here echo the key back in error bodies on purpose.
"""

from __future__ import annotations

import asyncio
import logging
import os
import stat
import traceback
from pathlib import Path

import pytest

from cekura import AsyncCekura, Cekura, CekuraError, RetryPolicy, _config
from tests.support.faultproxy import FaultProxy
from tests.support.faultserver import FaultServer

from .conftest import KEY
from .figures import FIGURES

TESTS = Path(__file__).resolve().parents[1]
FAST = RetryPolicy(max_retries=2, backoff_initial=0.001, backoff_max=0.002, retry_after_max=0.01)
METRIC = {"name": "Greeting", "type": "llm_judge", "eval_type": "boolean", "prompt": "Did the agent greet?"}
#: Answers that repeat the key back, as a careless server might.
ECHOES = [
    ("status", 401, {"detail": f"Invalid API key {KEY}."}),
    ("status", 403, {"detail": f"key {KEY} may not do this"}),
    ("status", 400, {"api_key": [f"{KEY} is malformed"], "name": ["required"]}),
    ("status", 404, [f"nothing for {KEY}"]),
    ("status", 500, f"<html><body>Traceback ... X-CEKURA-API-KEY: {KEY}</body></html>"),
    ("status", 409, f"conflict for {KEY}"),
]


def no_key(text: str, where: str) -> None:
    FIGURES["places checked for the key"] += 1
    if KEY in text:
        FIGURES["leaks found"] += 1
    FIGURES.setdefault("leaks found", 0)
    assert KEY not in text, f"the API key leaks in {where}"


def error_texts(err: BaseException) -> str:
    return "\n".join([str(err), repr(err), repr(err.args), "".join(traceback.format_exception(err))])


# ------------------------------------------------------------------ cassettes
def test_no_cassette_holds_a_key():
    cassettes = [p for d in TESTS.rglob("cassettes") if d.is_dir() for p in d.rglob("*") if p.is_file()]
    assert cassettes, "expected the SDK's cassettes under tests/"
    for path in cassettes:
        text = path.read_text(encoding="utf-8", errors="replace")
        lowered = text.lower()
        for header in ("x-cekura-api-key", "authorization", "cookie"):
            assert header not in lowered, f"{path.relative_to(TESTS)} records a {header} header"
        for prefix in ("test-key-", "sk-live", "sk-test", "sandbox-key"):
            assert prefix not in text, f"{path.relative_to(TESTS)} holds a key ({prefix}...)"
        no_key(text, str(path))


def test_a_fresh_recording_drops_the_key(sandbox, tmp_path):
    """Recorded the way tests/sdk/conftest.py records (same filter), with the distinctive key."""
    import vcr

    recorder = vcr.VCR(
        cassette_library_dir=str(tmp_path),
        record_mode="all",
        filter_headers=["x-cekura-api-key", "authorization", "cookie", "set-cookie"],
        decode_compressed_response=True,
    )
    with recorder.use_cassette("fresh.yaml"), Cekura(api_key=KEY, api_url=sandbox.url) as client:
        created = client.metrics.create(**METRIC)
        client.metrics.get(created["id"])
    text = (tmp_path / "fresh.yaml").read_text()
    assert "/test_framework/v1/metrics/" in text
    no_key(text, "a freshly recorded cassette")


# ------------------------------------------------------------------ logs at DEBUG
def test_debug_logs_never_show_the_key(sandbox, caplog):
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "cekura", "cekura.sandbox", "hpack", "asyncio"):
        caplog.set_level(logging.DEBUG, logger=name)
    with Cekura(api_key=KEY, api_url=sandbox.url, retry_policy=FAST) as client:
        created = client.metrics.create(**METRIC)
        client.metrics.update(created["id"], prompt="Refined")
        client.metrics.list()
        client.metrics.delete(created["id"])
        with pytest.raises(CekuraError):
            client.metrics.get(created["id"])  # 404
    with FaultServer() as server, Cekura(api_key=KEY, api_url=server.url, retry_policy=FAST) as client:
        server.plan(*ECHOES, "drop_after_read", "malformed_json")
        for _ in range(len(ECHOES) + 1):
            with pytest.raises(CekuraError):
                client.metrics.create(**METRIC)
    with (
        FaultProxy(sandbox.url, seed=5, fault_rate=0.5, stall_seconds=1) as proxy,
        Cekura(api_key=KEY, api_url=proxy.url, timeout=0.3, retry_policy=FAST) as client,
    ):
        for _ in range(10):
            try:
                client.metrics.list()
            except CekuraError:
                pass

    async def run_async() -> None:
        async with AsyncCekura(api_key=KEY, api_url=sandbox.url) as client:
            await client.metrics.list()

    asyncio.run(run_async())
    assert any(r.name.startswith("httpcore") for r in caplog.records), "DEBUG logging was not captured"
    no_key(caplog.text, "log output")
    for record in caplog.records:
        no_key(record.getMessage() + repr(record.args) + repr(record.__dict__), f"log record {record.name}")
    FIGURES["DEBUG log records scanned"] += len(caplog.records)


# ------------------------------------------------------------------ exceptions and reprs
@pytest.mark.parametrize("method", ["get", "create"])
def test_errors_never_show_the_key_even_when_the_server_echoes_it(method):
    with FaultServer() as server, Cekura(api_key=KEY, api_url=server.url, retry_policy=FAST) as client:
        server.plan(*ECHOES, *[("status", 503, f"<p>{KEY}</p>")] * 3, *[("status", 429, {"detail": KEY})] * 3)
        for _ in range(len(ECHOES) + 2):
            with pytest.raises(CekuraError) as info:
                client.metrics.get(55) if method == "get" else client.metrics.create(**METRIC)
            no_key(error_texts(info.value), f"{type(info.value).__name__} ({method})")
        assert server.headers_seen[0]["x-cekura-api-key"] == KEY  # it was sent, just never shown


def test_error_bodies_never_keep_the_key():
    with FaultServer() as server, Cekura(api_key=KEY, api_url=server.url, retry_policy=FAST) as client:
        server.plan(("status", 400, {"api_key": [f"{KEY} is malformed"]}))
        with pytest.raises(CekuraError) as info:
            client.metrics.get(55)
    kept = repr(info.value.body) + repr(getattr(info.value, "errors", None))
    assert KEY not in kept, "the key a server echoed is kept in err.body / err.errors"


def test_reprs_never_show_the_key(sandbox):
    sync, asyn = Cekura(api_key=KEY, api_url=sandbox.url), AsyncCekura(api_key=KEY, api_url=sandbox.url)
    for obj in (sync, asyn, sync.metrics, asyn.metric_reviews, sync._settings):
        no_key(repr(obj) + str(obj), f"repr of {type(obj).__name__}")
    sync.close()


# ------------------------------------------------------------------ the CLI
def test_cli_shows_only_a_masked_key(cli, home, monkeypatch):
    code, out, err = cli("auth", "login", "--api-key", KEY)
    assert code == 0
    no_key(out + err, "`cekura auth login`")
    path = _config.config_path()
    assert KEY in path.read_text()  # stored, for the SDK to use
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    commands = [
        ("config", "get"),
        ("config", "get", "--format", "json"),
        ("config", "get", "api_key"),
        ("auth", "status"),
        ("auth", "status", "--format", "json"),
        ("config", "set", "api_key", KEY),
    ]
    for argv in commands:
        code, out, err = cli(*argv)
        assert code == 0, (argv, err)
        no_key(out + err, f"`cekura {' '.join(argv)}` (key from the config file)")
    assert _config.mask(KEY) in cli("auth", "status")[1]  # it does say which key
    monkeypatch.setenv("CEKURA_API_KEY", KEY)
    for argv in (("auth", "status"), ("config", "get", "--format", "json")):
        code, out, err = cli(*argv)
        no_key(out + err, f"`cekura {' '.join(argv)}` (key from the environment)")
    monkeypatch.delenv("CEKURA_API_KEY")
    code, out, err = cli("auth", "status", "--api-key", KEY)
    no_key(out + err, "`cekura auth status --api-key`")
    FIGURES["CLI outputs checked for the key"] += len(commands) + 4


def test_cli_debug_output_on_errors_never_shows_the_key(cli):
    with FaultServer() as server:
        server.plan(*ECHOES, "drop_after_read", "malformed_json")
        base = ("--debug", "--api-url", server.url, "--api-key", KEY, "--max-retries", "0")
        runs = [("metrics", "get", "55")] * 4 + [("metrics", "create", "--json", '{"name": "x"}')] * 4
        for argv in runs:
            code, out, err = cli(*base, *argv)
            assert code != 0 and "debug:" in err, err
            no_key(out + err, f"`cekura --debug {' '.join(argv)}`")
        code, out, err = cli(*base, "--format", "json", "metrics", "get", "55")  # the server answers 200 now
        no_key(out + err, "`cekura --debug --format json`")
        assert server.headers_seen[0]["x-cekura-api-key"] == KEY
    FIGURES["CLI outputs checked for the key"] += len(runs) + 1


def test_cli_warns_when_the_config_file_is_readable_by_others(cli):
    assert cli("config", "set", "api_key", KEY)[0] == 0
    path = _config.config_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "warning" not in cli("config", "get")[2]
    for mode in (0o640, 0o604, 0o644):
        path.chmod(mode)
        code, out, err = cli("config", "get")
        assert code == 0 and "warning" in err and "chmod 600" in err, (oct(mode), err)
        no_key(out + err, "the permissions warning")
    path.chmod(0o600)
    assert "warning" not in cli("auth", "status")[2]


def test_config_file_is_written_0600_even_under_a_loose_umask(home):
    old = os.umask(0)
    try:
        path = _config.write_config_file({"api_key": KEY})
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        path.chmod(0o644)  # loosened by hand: the next write tightens it again
        _config.write_config_file({"api_key": KEY, "api_url": "http://127.0.0.1:9"})
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
