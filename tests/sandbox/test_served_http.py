"""The served sandbox (uvicorn) against hostile and sloppy HTTP, spoken over raw sockets.

Every refusal must be a real status line with a JSON body, arrive at once (not after a
timeout) unless the point is the timeout, and leave the server serving. Limits are the
documented ones except the read deadline and the connection cap, shrunk here to keep it fast.
Every test runs on both event loops the server may use: uvloop (where it is installed) and
asyncio's own (the fallback, e.g. on Windows).
"""

from __future__ import annotations

import importlib.util
import io
import json
import re
import socket
import threading
import time

import httpx
import pytest

from cekura.sandbox import _uvicorn, start_background
from cekura.sandbox._bodies import MAX_DEPTH
from cekura.sandbox._uvicorn import Limits

from .conftest import METRICS, PREDEFINED, SCENARIOS

KEY = "served-secret-key-0123"
HEAD = f"Host: x\r\nX-CEKURA-API-KEY: {KEY}\r\nContent-Type: application/json\r\n".encode()
LIMITS = Limits(read_timeout=8.0, max_connections=40)  # "at once" below means well before this deadline
SLOW = Limits(read_timeout=0.5)


HAS_UVLOOP = importlib.util.find_spec("uvloop") is not None


@pytest.fixture(scope="module", autouse=True, params=[
    pytest.param("uvloop", marks=pytest.mark.skipif(not HAS_UVLOOP, reason="uvloop is not installed")),
    "asyncio",
])
def loop_name(request):
    """Serve every test of this module on this event loop."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_uvicorn, "event_loop", lambda: request.param)
        yield request.param


@pytest.fixture(scope="module")
def served(loop_name):
    log = io.StringIO()
    with start_background(log=log, limits=LIMITS) as running:
        running.log = log  # type: ignore[attr-defined]
        yield running


def exchange(url: str, data: bytes, wait: float = 5.0) -> tuple[bytes, float]:
    """Send ``data`` on a fresh connection; everything answered until the server closes, and how long it took."""
    host, port = url.removeprefix("http://").split(":")
    started = time.perf_counter()
    with socket.create_connection((host, int(port)), timeout=wait) as sock:
        sock.sendall(data)
        out = b""
        while chunk := sock.recv(65536):
            out += chunk
    return out, time.perf_counter() - started


def parse(raw: bytes) -> tuple[int, dict[str, str], object]:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return status, headers, json.loads(body)


@pytest.mark.parametrize("data", [
    b"POST " + METRICS.encode() + b" HTTP/1.1\r\n" + HEAD + b"Content-Length: -1\r\n\r\n{}",
    b"POST " + METRICS.encode() + b" HTTP/1.1\r\n" + HEAD + b"Content-Length: 12abc\r\n\r\n{}",
    b"POST " + METRICS.encode() + b" HTTP/1.1\r\n" + HEAD + b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
    b"POST " + METRICS.encode() + b" HTTP/1.1\r\n" + HEAD + b"Transfer-Encoding: chunked\r\n\r\n-5\r\nabc\r\n",
    b"POST " + METRICS.encode() + b" HTTP/1.1\r\n" + HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz\r\n",
    b"POST " + METRICS.encode() + b" HTTP/1.1\r\n" + HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + b"f" * 100,
    b"POST " + METRICS.encode() + b" HTTP/1.1\r\n" + HEAD + b"Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n",
    b"GARBAGE\r\n\r\n",
    b"GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET " + METRICS.encode() + b" HTTP/1.1\r\n\r\n",  # HTTP/1.1 without Host
    b"GET " + METRICS.encode() + b" HTTP/1.1\r\nBad Header Name: x\r\n\r\n",
], ids=["negative-length", "non-numeric-length", "two-lengths", "negative-chunk", "bad-chunk", "chunk-size-overflow",
        "chunked-and-length", "garbage-line",
        "spaces-in-target", "no-host", "bad-header-name"])
def test_malformed_framing_is_400_json_at_once(served, data):
    raw, took = exchange(served.url, data)
    status, headers, body = parse(raw)
    assert status == 400 and headers["content-type"] == "application/json"
    assert headers["connection"] == "close" and "Malformed HTTP request" in body["detail"]
    assert took < LIMITS.read_timeout  # refused at once, not at the read deadline


@pytest.mark.parametrize("tail", [
    b"5;" + b"e" * 100_000,  # a chunk extension that never ends
    b"0\r\nX-Trailer: " + b"t" * 100_000,  # a trailer that never ends
], ids=["chunk-extension", "trailer"])
def test_endless_chunk_size_line_is_refused_once_over_the_head_limit(served, tail):
    raw, took = exchange(served.url, b"POST " + METRICS.encode() + b" HTTP/1.1\r\n" + HEAD
                         + b"Transfer-Encoding: chunked\r\n\r\n" + tail)
    status, headers, body = parse(raw)
    assert status == 431 and headers["connection"] == "close" and "exceeds 16384 bytes" in body["detail"]
    assert took < LIMITS.read_timeout


def test_declared_length_over_the_limit_is_413_before_any_body(served):
    raw, took = exchange(served.url, b"POST " + METRICS.encode() + b" HTTP/1.1\r\n" + HEAD
                         + b"Content-Length: 99999999999999\r\n\r\n")
    status, headers, body = parse(raw)
    assert status == 413 and headers["connection"] == "close" and "larger than" in body["detail"]
    assert took < LIMITS.read_timeout


def test_chunked_body_over_the_limit_is_413_as_it_crosses(served):
    host, port = served.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"POST " + METRICS.encode() + b" HTTP/1.1\r\n" + HEAD + b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"%x\r\n%s\r\n" % (64 * 1024, b"x" * 64 * 1024)
        try:
            for _ in range(40):  # 2.5 MiB offered; the answer comes after ~1 MiB
                sock.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        raw = sock.recv(65536)
    assert raw.startswith(b"HTTP/1.1 413 ")


def test_oversized_head_is_431(served):
    raw, _ = exchange(served.url, b"GET " + METRICS.encode() + b" HTTP/1.1\r\nHost: x\r\nX-Big: "
                      + b"a" * 20_000 + b"\r\n\r\n")
    status, _, body = parse(raw)
    assert status == 431 and "exceed" in body["detail"]


@pytest.mark.parametrize("data", [
    b"GET " + METRICS.encode() + b" HTTP/1.1\r\nHost: x\r\n",  # the head never ends
    b"POST " + METRICS.encode() + b" HTTP/1.1\r\n" + HEAD + b"Content-Length: 10\r\n\r\n{",  # nor the body
    b"",  # connects and says nothing
], ids=["slow-head", "slow-body", "silent"])
def test_slow_senders_get_408_at_the_read_deadline(data):
    with start_background(limits=SLOW) as running:
        raw, took = exchange(running.url, data, wait=30)
    status, headers, body = parse(raw)
    assert status == 408 and headers["connection"] == "close" and "not received" in body["detail"]
    assert took >= SLOW.read_timeout * 0.8  # held until the deadline, then cut off (not after the 30 s wait)


def test_connections_over_the_cap_get_503_json():
    limits = Limits(max_connections=3, read_timeout=5)
    with start_background(limits=limits) as running:
        host, port = running.url.removeprefix("http://").split(":")
        held = [socket.create_connection((host, int(port)), timeout=5) for _ in range(3)]
        try:
            time.sleep(0.2)
            raw, took = exchange(running.url, b"")
            status, _, body = parse(raw)
            assert status == 503 and "Too many open connections" in body["detail"]
            assert took < limits.read_timeout  # refused on connect, not left to time out
        finally:
            for sock in held:
                sock.close()
        time.sleep(0.2)
        assert httpx.get(running.url + PREDEFINED, headers={"X-CEKURA-API-KEY": KEY}).status_code == 200


def test_a_hundred_simultaneous_connects_are_all_answered():
    running = start_background()  # default limits: backlog 2048, 1000 connections
    host, port = running.url.removeprefix("http://").split(":")
    request = b"GET " + SCENARIOS.encode() + b" HTTP/1.1\r\n" + HEAD + b"Connection: close\r\n\r\n"
    statuses: list[int] = []
    barrier = threading.Barrier(100)

    def one() -> None:
        barrier.wait()
        with socket.create_connection((host, int(port)), timeout=5) as sock:
            sock.sendall(request)
            out = b""
            while chunk := sock.recv(65536):
                out += chunk
        statuses.append(int(out.split(b" ", 2)[1]))

    threads = [threading.Thread(target=one) for _ in range(100)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    running.stop()
    assert statuses == [200] * 100  # the old server's backlog of 5 left some of these waiting 1-8 s
    assert Limits().backlog == 2048


def test_client_going_away_is_not_an_error(served, capfd):
    host, port = served.url.removeprefix("http://").split(":")
    for _ in range(5):
        with socket.create_connection((host, int(port)), timeout=5) as sock:
            sock.sendall(b"POST " + METRICS.encode() + b" HTTP/1.1\r\n" + HEAD + b"Content-Length: 100\r\n\r\n{")
        with socket.create_connection((host, int(port)), timeout=5) as sock:  # gone before the answer
            sock.sendall(b"GET " + METRICS.encode() + b" HTTP/1.1\r\n" + HEAD + b"\r\n")
    time.sleep(0.3)
    assert httpx.get(served.url + PREDEFINED, headers={"X-CEKURA-API-KEY": KEY}).status_code == 200
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and "Traceback" not in served.log.getvalue()
    assert "client went away" in served.log.getvalue()


def test_huge_numbers_and_deep_json_are_400_or_404_never_500(served):
    client = httpx.Client(base_url=served.url, headers={"X-CEKURA-API-KEY": KEY})
    huge = "9" * 5000
    assert client.get(f"{METRICS}{huge}/").status_code == 404
    assert client.get(f"{METRICS}0000{huge}/").status_code == 404
    assert client.patch(f"{METRICS}{huge}/", json={}).status_code == 404
    assert client.delete(f"{METRICS}{2**63}/").status_code == 404
    assert client.get(f"{SCENARIOS}{huge}/").status_code == 404
    for params in ({"page": huge}, {"metric_id": huge}, {"page_size": "-" + huge}, {"page": str(2**63)}):
        response = client.get(SCENARIOS, params=params)
        assert response.status_code == 400, params
    assert client.get(METRICS, params={"agent_id": huge}).status_code == 400
    for depth in (MAX_DEPTH + 1, 976, 980, 5000, 200_000):
        body = '{"name": "deep", "eval_type": "binary", "configuration": ' + "[" * depth + "]" * depth + "}"
        response = client.post(METRICS, content=body, headers={"Content-Type": "application/json"})
        assert response.status_code == 400 and "JSON parse error" in response.text, depth
    ok = '{"name": "deep", "eval_type": "binary", "configuration": {"a": ' + "[" * 50 + "]" * 50 + "}}"
    assert client.post(METRICS, content=ok, headers={"Content-Type": "application/json"}).status_code == 201
    big_number = '{"name": "n", "eval_type": "binary", "display_order": ' + "9" * 5000 + "}"
    assert client.post(METRICS, content=big_number, headers={"Content-Type": "application/json"}).status_code == 400
    client.close()


def test_one_log_line_per_request_and_never_a_key():
    log = io.StringIO()
    with start_background(log=log) as running:
        with httpx.Client(base_url=running.url, headers={"X-CEKURA-API-KEY": KEY}) as client:
            client.get(PREDEFINED, params={"api_key": KEY})
            client.post(METRICS, json={"name": KEY, "eval_type": "binary"})
            client.get(f"{METRICS}nope/")
    lines = log.getvalue().splitlines()
    assert [line.split(" ")[:3] for line in lines] == [
        ["GET", PREDEFINED, "200"], ["POST", METRICS, "201"], ["GET", f"{METRICS}nope/", "404"]]
    assert KEY not in log.getvalue()


def test_the_server_runs_on_the_chosen_loop(served, loop_name):
    host, port = served.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5):
        time.sleep(0.2)
        protocols = list(served._server.server.server_state.connections)
        assert protocols and all(type(p).__name__ == "SandboxProtocol" for p in protocols)
        loop = protocols[0].loop
    if loop_name == "uvloop":
        import uvloop

        assert isinstance(loop, uvloop.Loop)
    else:
        assert type(loop).__module__.startswith("asyncio")


@pytest.mark.parametrize("pieces", [1, 40], ids=["one-read", "in-pieces"])
def test_a_head_that_never_ends_is_431_once_past_the_limit(served, pieces):
    """llhttp buffers a head without limit; the server counts and refuses it (not at the read deadline)."""
    head = b"GET " + METRICS.encode() + b" HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40_000
    host, port = served.url.removeprefix("http://").split(":")
    started = time.perf_counter()
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        step = -(-len(head) // pieces)
        try:
            for start in range(0, len(head), step):
                sock.sendall(head[start:start + step])
                if pieces > 1:
                    time.sleep(0.005)  # separate reads on the server
        except (BrokenPipeError, ConnectionResetError):
            pass
        raw = b""
        while chunk := sock.recv(65536):
            raw += chunk
    status, headers, body = parse(raw)
    assert status == 431 and headers["connection"] == "close"
    assert body == {"detail": "The request line and headers exceed 16384 bytes."}
    assert time.perf_counter() - started < LIMITS.read_timeout


def test_a_long_head_under_the_limit_is_served(served):
    client = httpx.Client(base_url=served.url, headers={"X-CEKURA-API-KEY": KEY})
    assert client.get(PREDEFINED, headers={"X-Padding": "p" * 15_000}).status_code == 200
    # in several reads, and after a request on the same connection (keep-alive)
    host, port = served.url.removeprefix("http://").split(":")
    request = (b"GET " + PREDEFINED.encode() + b" HTTP/1.1\r\n" + HEAD + b"X-Padding: " + b"p" * 15_000 + b"\r\n\r\n")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        for _ in range(2):
            for start in range(0, len(request), 4000):
                sock.sendall(request[start:start + 4000])
                time.sleep(0.005)
            raw = b""
            while b"\r\n\r\n" not in raw or len(raw) < raw.index(b"\r\n\r\n") + 4 + int(
                    parse_length(raw)):
                raw += sock.recv(65536)
            assert raw.startswith(b"HTTP/1.1 200 ")
    client.close()


def parse_length(raw: bytes) -> int:
    head = raw.split(b"\r\n\r\n", 1)[0].decode("latin-1").lower()
    return int(head.split("content-length:", 1)[1].split("\r\n", 1)[0])


def test_pipelined_requests_are_answered_in_order(served):
    host, port = served.url.removeprefix("http://").split(":")
    one = b"GET " + PREDEFINED.encode() + b" HTTP/1.1\r\n" + HEAD + b"\r\n"
    last = b"GET " + f"{METRICS}nope/".encode() + b" HTTP/1.1\r\n" + HEAD + b"Connection: close\r\n\r\n"
    raw, _ = exchange(served.url, one * 3 + last)
    assert re.findall(rb"HTTP/1\.1 (\d{3}) ", raw) == [b"200", b"200", b"200", b"404"]
