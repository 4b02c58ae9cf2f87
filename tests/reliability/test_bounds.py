"""The SDK and CLI bounded in time, memory and trust, against servers that misbehave on purpose.

- time: a server that trickles its headers or its body a byte at a time cannot hold a call past
  attempts x timeout + backoff (sync, async, and a client the user passed);
- memory: a 100 MB answer and a gzip bomb stop at `max_response_bytes`; the peak RSS of a child
  process is measured from outside (os.wait4), against a control child that gets a small answer;
- error text: a huge error body shows as a short, marked excerpt; the full body stays on `.body`;
- trust: a 301/307 to another origin (another loopback port) is never followed, whatever client
  the user passes: the other server sees no request at all;
- cleartext: a plain http:// URL to a remote host is refused unless the user opts in.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from cekura import (
    APITimeoutError,
    AsyncCekura,
    Cekura,
    ConfigurationError,
    RedirectError,
    ResponseTooLargeError,
    RetryPolicy,
    ServerError,
    _config,
)
from tests.support.hostileserver import HostileServer, gzip_of_zeros

from .conftest import KEY
from .figures import FIGURES

TIMEOUT = 0.5  # per attempt
POLICY = RetryPolicy(max_retries=1, backoff_initial=0.1, backoff_max=0.1)
ATTEMPTS = POLICY.max_retries + 1
TRICKLE = 0.15  # seconds between bytes: well inside any per-read timeout
SLACK = 2.0  # seconds of slack on the upper bound (loaded CI machines)
MiB = 1 << 20
LIMIT = 64 * MiB  # the documented default of max_response_bytes


# ------------------------------------------------------------------ time
def _sync_call(url: str, http_client: Any = None) -> Callable[[], Any]:
    client = Cekura(api_key=KEY, api_url=url, timeout=TIMEOUT, retry_policy=POLICY, http_client=http_client)
    return lambda: client.metrics.get(55)


def _async_call(url: str, http_client: Any = None) -> Callable[[], Any]:
    async def main() -> Any:
        async with AsyncCekura(
            api_key=KEY, api_url=url, timeout=TIMEOUT, retry_policy=POLICY, http_client=http_client
        ) as client:
            return await client.metrics.get(55)

    return lambda: asyncio.run(main())


CALLERS = {
    "sync": lambda url: _sync_call(url),
    "async": lambda url: _async_call(url),
    "sync, your httpx.Client(timeout=30)": lambda url: _sync_call(url, httpx.Client(timeout=30)),
    "async, your httpx.AsyncClient(timeout=30)": lambda url: _async_call(url, httpx.AsyncClient(timeout=30)),
}
CASES = [
    ("trickle_body", "sync"),
    ("trickle_body", "async"),
    ("trickle_headers", "sync"),
    ("trickle_headers", "async"),
    ("trickle_headers", "sync, your httpx.Client(timeout=30)"),
    ("trickle_headers", "async, your httpx.AsyncClient(timeout=30)"),
]


@pytest.mark.parametrize(("kind", "caller"), CASES)
def test_a_trickling_server_cannot_hold_a_call_past_its_bound(kind, caller):
    """Bytes every 0.15 s never trip a per-read timeout; the whole-attempt deadline still ends each attempt."""
    bound = ATTEMPTS * TIMEOUT + POLICY.max_retries * POLICY.backoff_max
    with HostileServer((kind, TRICKLE)) as server:
        call = CALLERS[caller](server.url)
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as info:
            call()
        elapsed = time.monotonic() - started
        assert len(server.received) == ATTEMPTS, server.received
    assert f"gave up after {ATTEMPTS} attempts" in str(info.value)
    assert ATTEMPTS * TIMEOUT * 0.9 <= elapsed <= bound + SLACK, elapsed
    FIGURES[f"time to give up, {kind.replace('_', ' ')}, {caller} (bound {bound:g} s)"] = round(elapsed, 2)


def test_a_trickled_create_is_sent_once_and_may_have_landed():
    with HostileServer(("trickle_body", TRICKLE)) as server:
        client = Cekura(api_key=KEY, api_url=server.url, timeout=TIMEOUT, retry_policy=POLICY)
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as info:
            client.metrics.create(name="n", type="llm_judge", eval_type="boolean", prompt="p")
        elapsed = time.monotonic() - started
        assert len(server.received) == 1
    assert info.value.may_have_reached_server and "may or may not have applied" in str(info.value)
    assert TIMEOUT * 0.9 <= elapsed <= TIMEOUT + SLACK


def test_the_server_really_trickles_past_a_per_read_timeout():
    """Control: plain httpx with the same timeout is still waiting long after it (so the tests above can fail)."""
    outcome: list[BaseException | None] = []

    def fetch(url: str) -> None:
        try:
            httpx.get(url, timeout=TIMEOUT)
            outcome.append(None)
        except Exception as exc:  # noqa: BLE001 - ends when the server stops
            outcome.append(exc)

    with HostileServer(("trickle_headers", TRICKLE)) as server:
        worker = threading.Thread(target=fetch, args=(server.url,), daemon=True)
        worker.start()
        worker.join(timeout=4 * TIMEOUT)
        still_waiting = worker.is_alive()
    worker.join(timeout=5)
    assert still_waiting, f"plain httpx gave up within {4 * TIMEOUT:g} s: {outcome}"
    FIGURES["control: plain httpx (per-read timeout) still waiting after 4 x timeout"] = 1


# ------------------------------------------------------------------ memory, measured from outside
CHILD = r"""
import asyncio, json, sys
from cekura import AsyncCekura, Cekura, CekuraError
url, flavour = sys.argv[1], sys.argv[2]
def told(exc): return {"error": type(exc).__name__, "message": str(exc)}
if flavour == "sync":
    with Cekura(api_key="k" * 16, api_url=url, max_retries=0) as client:
        try: result = {"ok": len(json.dumps(client.metrics.get(55)))}
        except CekuraError as exc: result = told(exc)
else:
    async def main():
        async with AsyncCekura(api_key="k" * 16, api_url=url, max_retries=0) as client:
            try: return {"ok": len(json.dumps(await client.metrics.get(55)))}
            except CekuraError as exc: return told(exc)
    result = asyncio.run(main())
print(json.dumps(result), flush=True)
sys.stdin.read()  # stay alive until the parent has read this process's peak
"""


def peak_rss(url: str, flavour: str) -> tuple[float, dict[str, Any]]:
    """(peak RSS in MiB, what it printed) of a child process that makes one call to `url`.

    Read from outside, in /proc/<pid>/status (VmHWM: this process image's high-water mark; unlike
    getrusage's ru_maxrss it does not count the parent's size at fork), after the call, while the
    child waits to be released.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("CEKURA_")}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, url, flavour],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = child.stdout.readline()
        status = Path(f"/proc/{child.pid}/status").read_text()
    finally:
        child.communicate("", timeout=30)
    assert child.returncode == 0 and line, line
    high_water = next(row for row in status.splitlines() if row.startswith("VmHWM:"))
    return int(high_water.split()[1]) / 1024, json.loads(line)


needs_proc = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc/<pid>/status")


@pytest.fixture(scope="module")
def control_rss() -> dict[str, float]:
    with HostileServer(("ok",)) as server:
        return {flavour: peak_rss(server.url, flavour)[0] for flavour in ("sync", "async")}


@needs_proc
@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize(
    ("label", "behaviour"),
    [
        ("100 MB answer, no Content-Length", ("big", 200, 100_000_000, False)),
        ("gzip bomb (256 MiB of zeros)", ("gzip_bomb", 256 * MiB)),
    ],
)
def test_oversized_answers_stop_at_the_limit_and_memory_stays_bounded(control_rss, flavour, label, behaviour):
    if behaviour[0] == "gzip_bomb":
        FIGURES["gzip bomb: compressed size (KiB)"] = len(gzip_of_zeros(behaviour[1])) // 1024
    with HostileServer(behaviour) as server:
        peak, told = peak_rss(server.url, flavour)
    assert told.get("error") == "ResponseTooLargeError", told
    assert "max_response_bytes (64 MiB)" in told["message"] and "None" in told["message"]
    delta = peak - control_rss[flavour]
    # The body kept until the limit, plus one inflated slice and the allocator's slack.
    assert delta <= LIMIT / MiB + 40, f"peak RSS grew by {delta:.0f} MiB"
    FIGURES[f"peak RSS over a small answer: {label}, {flavour} (MiB)"] = round(delta, 1)


def test_a_declared_oversized_answer_is_refused_before_reading():
    with HostileServer(("big", 200, 100_000_000)) as server:
        client = Cekura(api_key=KEY, api_url=server.url, max_retries=3)
        with pytest.raises(ResponseTooLargeError) as info:
            client.metrics.get(55)
        assert len(server.received) == 1  # not retried: it would be just as large again
    assert info.value.status == 200 and info.value.limit == LIMIT


def test_the_limit_is_configurable_and_can_be_lifted(monkeypatch):
    monkeypatch.delenv("CEKURA_MAX_RESPONSE_BYTES", raising=False)
    with HostileServer(("big", 200, 3 * MiB, False)) as server:
        with pytest.raises(ResponseTooLargeError, match=r"max_response_bytes \(1 MiB\)"):
            Cekura(api_key=KEY, api_url=server.url, max_response_bytes=MiB).metrics.get(55)
        assert (
            len(Cekura(api_key=KEY, api_url=server.url, max_response_bytes=None).metrics.get(55)["detail"])
            > MiB
        )
        assert Cekura(api_key=KEY, api_url=server.url).metrics.get(55)  # 3 MiB is well under the default
        monkeypatch.setenv("CEKURA_MAX_RESPONSE_BYTES", str(MiB))
        with pytest.raises(ResponseTooLargeError):
            Cekura(api_key=KEY, api_url=server.url).metrics.get(55)
        monkeypatch.setenv("CEKURA_MAX_RESPONSE_BYTES", "0")
        assert Cekura(api_key=KEY, api_url=server.url).max_response_bytes is None
    for bad in (0, -1, 1.5, "10", True):
        with pytest.raises(ConfigurationError):
            Cekura(api_key=KEY, api_url="sandbox://memory", max_response_bytes=bad)


# ------------------------------------------------------------------ error text
def test_a_huge_error_body_shows_as_a_marked_excerpt_and_stays_whole_on_the_error():
    size = 5_000_000
    with HostileServer(("big", 500, size)) as server:
        with pytest.raises(ServerError) as info:
            Cekura(api_key=KEY, api_url=server.url, max_retries=0).metrics.get(55)
    message = str(info.value)
    assert len(message) < 1000, len(message)
    assert "more characters; the full body is on the error's .body" in message
    assert len(info.value.body["detail"]) == size - len('{"detail": ""}')
    FIGURES["error message length for a 5 MB error body (chars)"] = len(message)


@pytest.mark.parametrize("offset", [480, 495, 496])
def test_an_excerpt_that_cuts_into_an_echoed_key_shows_none_of_it(offset):
    body = "x" * offset + KEY + "y" * 1000
    with HostileServer(("status_text", 500, body)) as server:
        with pytest.raises(ServerError) as info:
            Cekura(api_key=KEY, api_url=server.url, max_retries=0).metrics.get(55)
    shown = str(info.value)
    FIGURES["places checked for the key"] += 1
    cut = KEY[: 500 - offset]  # the part of the key the 500-character excerpt would hold
    assert "more characters" in shown and cut not in shown and "***…" in shown, shown[-200:]


def test_the_cli_shows_a_short_excerpt_of_a_huge_error_body(cli):
    for behaviour in (("big", 500, 5_000_000), ("big", 500, 100_000_000)):
        with HostileServer(behaviour) as server:
            code, out, err = cli(
                "--api-url", server.url, "--api-key", KEY, "--max-retries", "0", "metrics", "get", "55"
            )
        assert code == 1 and out == ""
        assert err.startswith("error: ") and len(err) < 1200, (len(err), err[:300])
        FIGURES[f"CLI stderr length for a {behaviour[2] // 1_000_000} MB error body (chars)"] = len(err)
    assert "CEKURA_MAX_RESPONSE_BYTES" in err  # the 100 MB one: over the limit, and says how to lift it


# ------------------------------------------------------------------ redirects
def _user_async_aiohttp() -> Any:
    from httpx_aiohttp import AiohttpTransport

    return httpx.AsyncClient(transport=AiohttpTransport(), follow_redirects=True)


CLIENTS: dict[str, tuple[bool, Callable[[], Any]]] = {
    "SDK's own sync client": (False, lambda: None),
    "SDK's own async client": (True, lambda: None),
    "httpx.Client(follow_redirects=True)": (False, lambda: httpx.Client(follow_redirects=True)),
    "httpx.AsyncClient(follow_redirects=True)": (True, lambda: httpx.AsyncClient(follow_redirects=True)),
    "httpx-aiohttp AsyncClient(follow_redirects=True)": (True, _user_async_aiohttp),
}


@pytest.mark.parametrize("status", [301, 307])
@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("client_kind", list(CLIENTS))
def test_a_redirect_to_another_origin_is_never_followed(client_kind, method, status):
    is_async, make_http = CLIENTS[client_kind]
    with HostileServer(("ok",)) as elsewhere:
        target = elsewhere.url + "/stolen/"
        with HostileServer(("redirect", status, target)) as api:
            kwargs = {"api_key": KEY, "api_url": api.url, "max_retries": 3, "http_client": make_http()}

            def call(client: Any) -> Any:
                if method == "GET":
                    return client.metrics.get(55)
                return client.metrics.create(name="n", type="llm_judge", eval_type="boolean", prompt="p")

            async def run_async() -> Any:
                async with AsyncCekura(**kwargs) as client:
                    return await call(client)

            with pytest.raises(RedirectError) as info:
                asyncio.run(run_async()) if is_async else call(Cekura(**kwargs))
            assert len(api.received) == 1  # not retried
        seen = len(elsewhere.received)
    FIGURES["redirects refused"] += 1
    FIGURES["redirects: requests seen by the other host"] += seen
    assert seen == 0, f"{client_kind} followed the redirect"
    err = info.value
    assert err.status == status and err.location == target and target in str(err)
    assert err.method == method and KEY not in str(err)


def test_a_same_origin_redirect_is_named_in_full_and_not_followed():
    with HostileServer(("redirect", 308, "/v2/metrics/55/")) as api:
        with pytest.raises(RedirectError) as info:
            Cekura(api_key=KEY, api_url=api.url).metrics.get(55)
        assert len(api.received) == 1
    assert info.value.location == api.url + "/v2/metrics/55/"


# ------------------------------------------------------------------ cleartext
@pytest.fixture
def no_opt_in(home, monkeypatch):
    monkeypatch.delenv(_config.ALLOW_INSECURE_HTTP_ENV, raising=False)
    return home


@pytest.mark.parametrize("client_class", [Cekura, AsyncCekura])
@pytest.mark.parametrize(
    "url", ["http://example.com", "http://10.0.0.5:8000", "http://api.cekura.ai", "http://[2001:db8::1]"]
)
def test_plain_http_to_a_remote_host_is_refused(no_opt_in, client_class, url):
    with pytest.raises(ConfigurationError) as info:
        client_class(api_key=KEY, api_url=url)
    message = str(info.value)
    assert (
        "clear text" in message
        and "allow_insecure_http=True" in message
        and "CEKURA_ALLOW_INSECURE_HTTP=1" in message
    )
    assert KEY not in message
    FIGURES["cleartext URLs to remote hosts: refused"] += 1


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765",
        "http://127.8.9.10",
        "http://localhost:1",
        "http://api.localhost",
        "http://[::1]:80",
        "http://sandbox.local",
        "https://example.com",
        "sandbox://memory",
    ],
)
def test_loopback_the_sandbox_and_https_need_no_opt_in(no_opt_in, url):
    assert Cekura(api_key=KEY, api_url=url).api_url.lower().startswith(url.lower()[:8])


def test_each_opt_in_allows_plain_http(no_opt_in, monkeypatch):
    url = "http://example.com"
    assert Cekura(api_key=KEY, api_url=url, allow_insecure_http=True).api_url == url
    monkeypatch.setenv(_config.ALLOW_INSECURE_HTTP_ENV, "1")
    assert AsyncCekura(api_key=KEY, api_url=url).api_url == url
    with pytest.raises(ConfigurationError):  # an explicit False wins over the environment
        Cekura(api_key=KEY, api_url=url, allow_insecure_http=False)
    monkeypatch.setenv(_config.ALLOW_INSECURE_HTTP_ENV, "maybe")
    with pytest.raises(ConfigurationError, match="true or false"):
        Cekura(api_key=KEY, api_url=url)
    monkeypatch.delenv(_config.ALLOW_INSECURE_HTTP_ENV)
    _config.write_config_file({"allow_insecure_http": True})
    assert Cekura(api_key=KEY, api_url=url).api_url == url


def test_the_cli_refuses_plain_http_to_a_remote_host_and_says_why(no_opt_in, cli, monkeypatch):
    sent: list[Any] = []
    monkeypatch.setattr(Cekura, "_send", lambda self, request: sent.append(request))
    code, out, err = cli("--api-url", "http://example.com", "--api-key", KEY, "metrics", "get", "55")
    assert code == 2 and out == "" and not sent
    lines = err.splitlines()
    assert len(lines) == 2 and lines[0].startswith("error: refusing to send the API key in clear text"), err
    assert lines[1].startswith("hint: ") and "CEKURA_ALLOW_INSECURE_HTTP=1" in lines[1]
    monkeypatch.setenv(_config.ALLOW_INSECURE_HTTP_ENV, "1")
    code, out, err = cli("--api-url", "http://example.com", "--api-key", KEY, "metrics", "get", "55")
    assert sent, err  # opted in: the request goes out (here to the stub)


@pytest.mark.parametrize("is_async", [False, True])
def test_a_request_built_for_another_origin_is_refused_unsent(is_async):
    """Defence in depth: whatever builds a request, the key goes only to the configured API's origin."""
    from cekura import ValidationError

    with HostileServer(("ok",)) as api, HostileServer(("ok",)) as elsewhere:
        urls = [elsewhere.url + "/x", api.url.replace("http:", "https:") + "/x", api.url + "/x"]

        def outcomes(client: Any) -> list[Any]:
            client._context()
            return [client._http.build_request("GET", url, headers={"X-CEKURA-API-KEY": KEY}) for url in urls]

        if is_async:

            async def main() -> list[Any]:
                async with AsyncCekura(api_key=KEY, api_url=api.url) as client:
                    return [(await client._send(request))[1] for request in outcomes(client)]

            errors = asyncio.run(main())
        else:
            with Cekura(api_key=KEY, api_url=api.url) as client:
                errors = [client._send(request)[1] for request in outcomes(client)]
        assert len(api.received) == 1 and not elsewhere.received
    for error in errors[:2]:
        assert isinstance(error, ValidationError) and "refusing to send the API key" in str(error)
    assert errors[2] is None  # its own origin: sent


@pytest.mark.parametrize("is_async", [False, True])
def test_a_calls_own_timeout_bounds_its_attempts(is_async):
    """Request options and with_options: a longer per-call timeout is honoured whole, a shorter one too."""
    with HostileServer(("trickle_body", TRICKLE)) as server:

        async def run_async(per_call: float) -> float:
            async with AsyncCekura(api_key=KEY, api_url=server.url, timeout=0.3, max_retries=0) as client:
                started = time.monotonic()
                with pytest.raises(APITimeoutError):
                    await client.metrics.get(55, timeout=per_call)
                return time.monotonic() - started

        def run_sync(per_call: float) -> float:
            with Cekura(api_key=KEY, api_url=server.url, timeout=0.3, max_retries=0) as client:
                started = time.monotonic()
                with pytest.raises(APITimeoutError):
                    client.with_options(timeout=per_call).metrics.get(55)
                return time.monotonic() - started

        for per_call in (1.2, 0.15):
            elapsed = asyncio.run(run_async(per_call)) if is_async else run_sync(per_call)
            assert per_call * 0.9 <= elapsed <= per_call + SLACK, (per_call, elapsed)
