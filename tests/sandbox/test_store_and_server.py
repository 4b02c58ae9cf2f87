"""Persistence, concurrency, the served HTTP mode and ``serve_main``."""

from __future__ import annotations

import hashlib
import http.client
import importlib.util
import io
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx

from cekura.sandbox import Sandbox, start_background

from .conftest import METRICS, PREDEFINED

KEY = "secret-key-value-123"


def client_for(sandbox: Sandbox, key: str = KEY) -> httpx.Client:
    return httpx.Client(transport=sandbox.transport(), base_url="http://sandbox.local",
                        headers={"X-CEKURA-API-KEY": key})


def test_async_transport():
    import asyncio

    async def main() -> list[int]:
        with Sandbox(db=":memory:", job_seconds=0) as sandbox:
            async with httpx.AsyncClient(transport=sandbox.async_transport(), base_url="http://sandbox.local",
                                         headers={"X-CEKURA-API-KEY": KEY}) as client:
                created = await asyncio.gather(*(client.post(METRICS, json={"name": f"a{i}", "eval_type": "binary"})
                                                 for i in range(20)))
                listed = await client.get(METRICS)
                assert len(listed.json()) == 22
                return [r.status_code for r in created]

    assert asyncio.run(main()) == [201] * 20


def test_file_database_survives_restart(tmp_path):
    db = tmp_path / "nested" / "sandbox.db"
    with Sandbox(db=db, job_seconds=0) as first:
        created = client_for(first).post(METRICS, json={"name": "Kept", "eval_type": "binary"}).json()
        client_for(first).delete(f"{METRICS}56/")
    with Sandbox(db=str(db), job_seconds=0) as second:
        client = client_for(second)
        assert client.get(f"{METRICS}{created['id']}/").json()["name"] == "Kept"
        assert client.get(f"{METRICS}56/").status_code == 404  # not re-seeded
        again = client.post(METRICS, json={"name": "Next", "eval_type": "binary"}).json()
        assert again["id"] == created["id"] + 1  # the id sequence is persisted too


def test_default_database_lives_under_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    with Sandbox(job_seconds=0) as sandbox:
        assert client_for(sandbox).get(PREDEFINED).status_code == 200
    assert (tmp_path / ".cekura" / "sandbox.db").is_file()


def test_api_keys_are_never_stored(tmp_path):
    db = tmp_path / "k.db"
    with Sandbox(db=db, job_seconds=0, allowed_keys={KEY}) as sandbox:
        client_for(sandbox).post(METRICS, json={"name": "m", "eval_type": "binary"})
        client_for(sandbox).post("/test_framework/v1/metrics/generate_metrics/", json={"agent_id": 123})
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert KEY.encode() not in raw
    tenants = [t for (t,) in sqlite3.connect(db).execute("SELECT tenant FROM tenants")]
    assert tenants == [hashlib.sha256(KEY.encode()).hexdigest()]


def test_concurrent_creates_lose_nothing():
    with Sandbox(db=":memory:", job_seconds=0) as sandbox:
        before = len(client_for(sandbox).get(METRICS).json())

        def worker(n: int) -> list[int]:
            client = client_for(sandbox)
            return [client.post(METRICS, json={"name": f"w{n}-{i}", "eval_type": "binary"}).json()["id"]
                    for i in range(200)]

        with ThreadPoolExecutor(8) as pool:
            ids = [i for chunk in pool.map(worker, range(8)) for i in chunk]
        assert len(ids) == 1600 and len(set(ids)) == 1600
        assert len(client_for(sandbox).get(METRICS).json()) == before + 1600


def test_served_keep_alive_and_logging_without_keys():
    log = io.StringIO()
    with start_background(log=log) as running:
        host, port = running.url.removeprefix("http://").split(":")
        conn = http.client.HTTPConnection(host, int(port))
        for _ in range(3):  # one connection, three requests
            conn.request("GET", PREDEFINED, headers={"X-CEKURA-API-KEY": KEY})
            response = conn.getresponse()
            assert response.status == 200 and response.getheader("Content-Length")
            response.read()
        conn.request("DELETE", f"{METRICS}55/", headers={"X-CEKURA-API-KEY": KEY})
        assert conn.getresponse().status == 204
        conn.close()
    lines = [line.rsplit(" ", 1)[0] for line in log.getvalue().splitlines()]  # drop the duration
    assert lines == [f"GET {PREDEFINED} 200"] * 3 + [f"DELETE {METRICS}55/ 204"]
    assert all(line.endswith("ms") for line in log.getvalue().splitlines())
    assert KEY not in log.getvalue()


def test_served_body_too_large_without_reading_it():
    with start_background() as running:
        response = httpx.post(f"{running.url}{METRICS}", content=b"x" * (2 * 1024 * 1024),
                              headers={"X-CEKURA-API-KEY": KEY, "Content-Type": "application/json"})
        assert response.status_code == 413


def test_served_chunked_body():
    def chunks():
        yield b'{"name": "chunked", '
        yield b'"eval_type": "binary"}'

    with start_background() as running:
        response = httpx.post(f"{running.url}{METRICS}", content=chunks(),
                              headers={"X-CEKURA-API-KEY": KEY, "Content-Type": "application/json"})
        assert response.status_code == 201 and response.json()["name"] == "chunked"


def test_serve_calls_ready_and_stops():
    from cekura.sandbox import serve

    urls: list[str] = []
    ready, stop = threading.Event(), threading.Event()

    def on_ready(url: str) -> None:
        urls.append(url)
        ready.set()

    thread = threading.Thread(target=serve, kwargs={"db": ":memory:", "ready": on_ready, "log": None, "stop": stop},
                              daemon=True)
    thread.start()
    assert ready.wait(10)
    assert httpx.get(f"{urls[0]}{PREDEFINED}", headers={"X-CEKURA-API-KEY": KEY}).status_code == 200
    stop.set()
    thread.join(10)
    assert not thread.is_alive()


def test_serve_main_prints_exports_and_exits_on_ctrl_c(tmp_path):
    code = ("import sys; from cekura.sandbox import serve_main; "
            f"sys.exit(serve_main(0, {str(tmp_path / 's.db')!r}, '127.0.0.1', ['first-key', 'other'], 0))")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "HOME": str(tmp_path)})
    try:
        lines = [proc.stdout.readline().rstrip("\n") for _ in range(3)]
        assert lines[0].startswith("Cekura sandbox listening on http://127.0.0.1:")
        url = lines[0].rsplit(" ", 1)[1]
        assert lines[1] == f"export CEKURA_API_URL={url}"
        assert lines[2] == "export CEKURA_API_KEY=first-key"
        ok = httpx.get(f"{url}{PREDEFINED}", headers={"X-CEKURA-API-KEY": "first-key"})
        assert ok.status_code == 200
        assert httpx.get(f"{url}{PREDEFINED}", headers={"X-CEKURA-API-KEY": "nope"}).status_code == 401
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0
    assert f"GET {PREDEFINED} 200" in err and "first-key" not in err and "nope" not in err


def test_import_is_cheap():
    code = ("import sys, cekura.sandbox; "
            "print(sorted(m for m in ('httpx', 'yaml', 'jsonschema', 'sqlite3', 'uvicorn', 'httptools', 'uvloop')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_served_malformed_chunked_body_is_400():
    import socket

    with start_background() as running:
        host, port = running.url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(b"POST " + METRICS.encode() + b" HTTP/1.1\r\nHost: x\r\nX-CEKURA-API-KEY: k\r\n"
                         b"Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n")
            assert sock.recv(1000).startswith(b"HTTP/1.1 400 ")


HAS_UVLOOP = importlib.util.find_spec("uvloop") is not None


def test_uvloop_and_httptools_serve_where_uvloop_installs():
    from cekura.sandbox import _uvicorn

    assert _uvicorn.event_loop() == ("uvloop" if HAS_UVLOOP else "asyncio")
    if sys.platform != "win32":
        assert HAS_UVLOOP  # a declared dependency off Windows
    config = _uvicorn.make_config(lambda *a: None, _uvicorn.Limits())
    assert config.loop == _uvicorn.event_loop() and config.http is _uvicorn.SandboxProtocol
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    assert issubclass(_uvicorn.SandboxProtocol, HttpToolsProtocol)


def test_without_uvloop_the_loop_is_asyncio(monkeypatch):
    from cekura.sandbox import _uvicorn

    monkeypatch.setitem(sys.modules, "uvloop", None)  # importing it now fails, as on Windows
    assert _uvicorn.event_loop() == "asyncio"


def test_log_lines_of_one_loop_turn_are_written_together():
    import asyncio
    import time

    from cekura.sandbox._asgi import SandboxApp

    class CountingLog(io.StringIO):
        writes = 0

        def write(self, text: str) -> int:
            self.writes += 1
            return super().write(text)

    log = CountingLog()
    with Sandbox(db=":memory:", job_seconds=0) as sandbox:
        app = SandboxApp(sandbox, log=log)
        app.log_line("GET", "/outside/", 200, time.perf_counter())  # not on a loop: written at once
        assert log.getvalue().startswith("GET /outside/ 200 ") and log.writes == 1

        async def turn() -> str:
            for n in range(3):
                app.log_line("GET", f"/in/{n}/", 200, time.perf_counter())
            before = log.getvalue()
            await asyncio.sleep(0)  # the end of the loop turn
            return before

        before = asyncio.run(turn())
        app.close()
    assert before.count("\n") == 1  # held until the turn ended
    assert [line.split(" ")[1] for line in log.getvalue().splitlines()] == ["/outside/", "/in/0/", "/in/1/", "/in/2/"]
    assert log.writes == 2  # one write for the three lines of the turn
