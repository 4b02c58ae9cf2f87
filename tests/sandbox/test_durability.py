"""`cekura sandbox serve` as users run it: killed with -9 under writers, and --workers N on one file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

METRICS = "/test_framework/v1/metrics/"


@contextmanager
def serving(db: str, *extra: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    cmd = [sys.executable, "-m", "cekura.cli", "sandbox", "serve", "--port", "0", "--db", db, "--job-seconds", "0",
           *extra]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    try:
        url = proc.stdout.readline().split()[4]  # "Cekura sandbox listening on URL ..."
        for _ in range(100):  # --workers: the socket listens at once, the workers take a moment
            try:
                httpx.get(url + METRICS, headers={"X-CEKURA-API-KEY": "probe"}, timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield url, proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def writers(url: str, keys: list[str], per_key_threads: int, stop: threading.Event, limit: int = 10**9
            ) -> tuple[list[threading.Thread], dict[str, list[int]]]:
    acknowledged: dict[str, list[int]] = {key: [] for key in keys}

    def write(key: str, n: int) -> None:
        with httpx.Client(base_url=url, headers={"X-CEKURA-API-KEY": key}, timeout=10) as client:
            for i in range(limit):
                if stop.is_set():
                    return
                try:
                    response = client.post(METRICS, json={"name": f"{key}-{n}-{i}", "eval_type": "binary"})
                except httpx.TransportError:
                    return  # the server is gone: this write was never acknowledged
                if response.status_code == 201:
                    acknowledged[key].append(response.json()["id"])

    threads = [threading.Thread(target=write, args=(key, n)) for key in keys for n in range(per_key_threads)]
    for thread in threads:
        thread.start()
    return threads, acknowledged


def test_kill_9_under_writers_loses_nothing_acknowledged(tmp_path):
    db = str(tmp_path / "killed.db")
    stop = threading.Event()
    with serving(db) as (url, proc):
        threads, acknowledged = writers(url, ["kill-a", "kill-b"], 3, stop)
        time.sleep(1.0)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        for thread in threads:
            thread.join(20)
    written = sum(map(len, acknowledged.values()))
    assert written > 20
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    with serving(db) as (url, _):
        for key, ids in acknowledged.items():
            listed = {m["id"]: m for m in httpx.get(url + METRICS, headers={"X-CEKURA-API-KEY": key}).json()}
            assert set(ids) <= set(listed), f"{len(set(ids) - set(listed))} acknowledged creates lost"
            assert all(listed[i]["name"].startswith(key) for i in ids)
        all_ids = [i for ids in acknowledged.values() for i in ids]
        assert len(all_ids) == len(set(all_ids))


def test_workers_share_one_file(tmp_path):
    db = str(tmp_path / "workers.db")
    stop = threading.Event()
    with serving(db, "--workers", "2") as (url, _):
        threads, acknowledged = writers(url, ["w-a", "w-b"], 4, stop, limit=25)
        for thread in threads:
            thread.join(60)
        all_ids = [i for ids in acknowledged.values() for i in ids]
        assert len(all_ids) == 200 and len(set(all_ids)) == 200
        for key, ids in acknowledged.items():
            other = "w-b" if key == "w-a" else "w-a"
            mine = {m["id"] for m in httpx.get(url + METRICS, headers={"X-CEKURA-API-KEY": key}).json()}
            theirs = {m["id"] for m in httpx.get(url + METRICS, headers={"X-CEKURA-API-KEY": other}).json()}
            assert set(ids) <= mine and not set(ids) & theirs
        # a reset through one worker is seen by every worker (nothing is cached per process)
        with httpx.Client(base_url=url, headers={"X-CEKURA-API-KEY": "w-a"}) as client:
            client.delete(f"{METRICS}55/")
            assert all(client.get(f"{METRICS}55/").status_code == 404 for _ in range(6))
    subprocess.run([sys.executable, "-m", "cekura.cli", "sandbox", "reset", "--db", db, "--key", "w-a"], check=True,
                   capture_output=True)
    with serving(db, "--workers", "2") as (url, _):
        with httpx.Client(base_url=url, headers={"X-CEKURA-API-KEY": "w-a"}) as client:
            assert all(client.get(f"{METRICS}55/").status_code == 200 for _ in range(6))
