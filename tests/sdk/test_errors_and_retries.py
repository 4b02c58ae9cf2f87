"""Error classes and retry rules, against a loopback server that misbehaves on purpose."""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest

import cekura
from cekura import AsyncCekura, Cekura, RetryPolicy
from tests.support.faultserver import FaultServer

KEY = "sk-test-0123456789abcdef"
FAST = RetryPolicy(max_retries=2, backoff_initial=0.001, backoff_max=0.002, retry_after_max=0.05)
METRIC = {"name": "Greeting", "type": "llm_judge", "eval_type": "binary", "prompt": "Did the agent greet?"}


@pytest.fixture
def server():
    with FaultServer() as srv:
        yield srv


@pytest.fixture
def client(server):
    with Cekura(api_key=KEY, api_url=server.url, retry_policy=FAST, timeout=2) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ error classes
@pytest.mark.parametrize(
    ("status", "body", "cls"),
    [
        (400, {"name": ["This field is required."]}, cekura.ValidationError),
        (401, {"detail": "Invalid API key."}, cekura.AuthenticationError),
        (403, {"detail": "Forbidden."}, cekura.PermissionDeniedError),
        (404, {"detail": "Not found."}, cekura.NotFoundError),
        (409, {"detail": "Conflict."}, cekura.ConflictError),
        (500, {"detail": "boom"}, cekura.ServerError),
    ],
)
def test_each_status_maps_to_its_error_class(server, client, status, body, cls):
    server.plan(("status", status, body))
    with pytest.raises(cls) as info:
        client.metrics.get(55)
    err = info.value
    assert isinstance(err, cekura.CekuraError)
    assert (err.status, err.body, err.method, err.path) == (
        status,
        body,
        "GET",
        "/test_framework/v1/metrics/55/",
    )
    assert "/test_framework/v1/metrics/55/" in str(err)
    assert len(server.received) == 1  # 4xx and 500 are not retried


def test_validation_error_carries_field_errors(server, client):
    server.plan(
        ("status", 400, {"name": ["This field is required."], "eval_type": ['"x" is not a valid choice.']})
    )
    with pytest.raises(cekura.ValidationError) as info:
        client.metrics.create(**METRIC)
    assert info.value.errors["name"] == ["This field is required."]
    assert "eval_type" in str(info.value)


def test_rate_limit_error_carries_retry_after(server, client):
    server.plan(*[("status", 429, {"detail": "Slow down."}, {"Retry-After": "0.01"})] * 3)
    with pytest.raises(cekura.RateLimitError) as info:
        client.metrics.get(55)
    assert info.value.retry_after == pytest.approx(0.01)
    assert len(server.received) == 3  # first try + max_retries


def test_timeout_error(server):
    server.plan(("stall", 1.0), ("stall", 1.0))
    with Cekura(
        api_key=KEY,
        api_url=server.url,
        retry_policy=RetryPolicy(max_retries=1, backoff_initial=0.001),
        timeout=0.2,
    ) as c:
        with pytest.raises(cekura.APITimeoutError) as info:
            c.metrics.get(55)
    assert info.value.method == "GET"
    assert "gave up after 2 attempts" in str(info.value)


def test_connection_error_when_nothing_listens():
    with Cekura(api_key=KEY, api_url=f"http://127.0.0.1:{free_port()}", retry_policy=FAST) as c:
        with pytest.raises(cekura.APIConnectionError) as info:
            c.metrics.create(**METRIC)
    assert info.value.may_have_reached_server is False
    assert "not sent" in str(info.value)


def test_malformed_json_is_a_cekura_error_not_a_json_exception(server, client):
    server.plan("malformed_json")
    with pytest.raises(cekura.APIResponseError) as info:
        client.metrics.create(**METRIC)
    assert "may have been applied" in str(info.value)
    assert len(server.received) == 1


# ------------------------------------------------------------------ retry rules
@pytest.mark.parametrize(
    "action",
    [
        ("status", 503),
        ("status", 502, "<html>Bad gateway</html>"),
        ("status", 504),
        "malformed_json",
        "drop_after_read",
        "drop_before_read",
    ],
)
@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_idempotent_methods_are_retried(server, client, action, method):
    server.responder = lambda m, p, b: (204, None) if m == "DELETE" else (200, {"id": 55, "name": "x"})
    server.plan(action)
    if method == "get":
        assert client.metrics.get(55)["id"] == 55
    elif method == "put":
        assert client.metrics.replace(55, **METRIC)["id"] == 55
    else:
        assert client.metrics.delete(55) is None
    assert len(server.received) == (1 if action == "drop_before_read" else 2)


@pytest.mark.parametrize(
    "action",
    [
        ("status", 503),
        ("status", 502, "<html>x</html>"),
        ("status", 429, {"detail": "x"}),
        "drop_after_read",
        ("stall", 1.0),
    ],
)
@pytest.mark.parametrize("method", ["post", "patch"])
def test_post_and_patch_are_never_repeated_once_sent(server, action, method):
    with Cekura(api_key=KEY, api_url=server.url, retry_policy=FAST, timeout=0.3) as client:
        server.plan(action)
        with pytest.raises(cekura.CekuraError) as info:
            if method == "post":
                client.metrics.create(**METRIC)
            else:
                client.metrics.update(55, name="Refined")
    assert len(server.received) == 1, "a request that reached the server was sent again"
    if action in ("drop_after_read",) or action[0] == "stall":
        assert isinstance(info.value, cekura.APIConnectionError)
        assert info.value.may_have_reached_server
        assert "may or may not have applied" in str(info.value)


def test_post_is_retried_when_it_provably_never_left():
    """A connect failure means the server never saw the request: retrying a create is safe."""
    attempts = []

    class FlakyConnect(httpx.HTTPTransport):
        def handle_request(self, request):
            attempts.append(request.method)
            if len(attempts) == 1:
                raise httpx.ConnectError("connection refused", request=request)
            return super().handle_request(request)

    with FaultServer() as server:
        server.default_json = {"id": 1000, **METRIC}
        http = httpx.Client(transport=FlakyConnect())
        client = Cekura(api_key=KEY, api_url=server.url, retry_policy=FAST, http_client=http)
        assert client.metrics.create(**METRIC)["id"] == 1000
        assert attempts == ["POST", "POST"]
        assert len(server.received) == 1
        http.close()


def test_retry_after_is_honoured_and_capped(server, client, monkeypatch):
    slept = []
    monkeypatch.setattr("cekura._client.time.sleep", slept.append)
    server.plan(
        ("status", 429, {"detail": "x"}, {"Retry-After": "0.03"}),
        ("status", 503, {"detail": "x"}, {"Retry-After": "3600"}),
    )
    assert client.metrics.get(55) == {"ok": True}
    assert slept == [pytest.approx(0.03), FAST.retry_after_max]


def test_backoff_grows_with_jitter_and_stays_under_the_cap():
    policy = RetryPolicy(backoff_initial=0.5, backoff_max=4.0)
    for attempt in range(8):
        base = min(0.5 * 2**attempt, 4.0)
        delays = {policy.delay(attempt) for _ in range(20)}
        assert all(base / 2 <= d <= base for d in delays)
        assert len(delays) > 1  # jittered


def test_no_retries_when_max_retries_is_zero(server):
    server.plan(("status", 503))
    with Cekura(api_key=KEY, api_url=server.url, max_retries=0) as c, pytest.raises(cekura.ServerError):
        c.metrics.get(55)
    assert len(server.received) == 1


def test_async_client_follows_the_same_rules(server):
    async def main():
        async with AsyncCekura(api_key=KEY, api_url=server.url, retry_policy=FAST) as c:
            server.plan(("status", 503))
            assert await c.metrics.get(55) == {"ok": True}
            server.plan(("status", 503))
            with pytest.raises(cekura.ServerError):
                await c.metrics.create(**METRIC)

    asyncio.run(main())
    assert [m for m, _, _ in server.received] == ["GET", "GET", "POST"]


# ------------------------------------------------------------------ secrets
def test_key_is_sent_but_never_shown(server, client):
    server.plan(("status", 401, {"detail": f"key {KEY} is not valid"}))
    with pytest.raises(cekura.AuthenticationError) as info:
        client.metrics.get(55)
    assert server.headers_seen[0]["x-cekura-api-key"] == KEY
    assert server.headers_seen[0]["user-agent"].startswith(f"cekura-metrics-sdk/{cekura.__version__}")
    for text in (str(info.value), repr(info.value), repr(client), repr(client._settings)):
        assert KEY not in text


def test_missing_key_fails_at_construction_with_a_hint(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("CEKURA_API_KEY", raising=False)
    with pytest.raises(cekura.ConfigurationError, match="CEKURA_API_KEY"):
        Cekura()


def test_a_retried_delete_whose_first_attempt_landed_is_a_success(server, client):
    server.responder = lambda m, p, b: (404, {"detail": "Not found."})
    server.plan("drop_after_read")  # deleted, but the answer never came back
    assert client.metrics.delete(55) is None
    assert [m for m, _, _ in server.received] == ["DELETE", "DELETE"]


def test_a_delete_of_a_missing_metric_is_still_not_found(server, client):
    server.responder = lambda m, p, b: (404, {"detail": "Not found."})
    server.plan(("status", 503))  # refused before doing anything: the 404 that follows is real
    with pytest.raises(cekura.NotFoundError):
        client.metrics.delete(55)


# ------------------------------------------------------------------ the async client's aiohttp transport
def test_async_client_uses_aiohttp_and_never_repeats_a_create_that_arrived(server):
    """httpx-aiohttp reports a connection dropped after sending as ConnectTimeout; we must not believe it."""

    async def main():
        async with AsyncCekura(api_key=KEY, api_url=server.url, retry_policy=FAST) as c:
            server.plan("drop_after_read")
            with pytest.raises(cekura.APIConnectionError) as info:
                await c.metrics.create(**METRIC)
            assert type(c._http._transport).__name__ == "AiohttpTransport"
            return info.value

    error = asyncio.run(main())
    assert len(server.received) == 1
    assert error.may_have_reached_server and "may or may not have applied" in str(error)


def test_async_client_retries_a_create_that_could_not_connect():
    async def main():
        async with AsyncCekura(api_key=KEY, api_url=f"http://127.0.0.1:{free_port()}", retry_policy=FAST) as c:
            with pytest.raises(cekura.APIConnectionError) as info:
                await c.metrics.create(**METRIC)
            return info.value

    error = asyncio.run(main())
    assert error.may_have_reached_server is False
    assert "gave up after 3 attempts" in str(error) and "not sent" in str(error)


def test_async_timeouts_are_timeout_errors(server):
    async def main():
        async with AsyncCekura(api_key=KEY, api_url=server.url, timeout=0.2, retry_policy=FAST) as c:
            server.plan(("stall", 1.0))
            with pytest.raises(cekura.APITimeoutError) as info:
                await c.metrics.create(**METRIC)
            return info.value

    error = asyncio.run(main())
    assert error.may_have_reached_server and len(server.received) == 1
