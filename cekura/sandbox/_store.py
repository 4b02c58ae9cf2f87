"""SQLite state: JSON documents keyed by (tenant, kind, id), jobs, and one global id sequence.

One connection shared by all threads, every access serialised by a re-entrant lock; write
groups run inside ``BEGIN IMMEDIATE`` so a file shared by two processes stays consistent.
Only sha256 digests of API keys ever reach this module (the ``tenant`` argument).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

FIRST_ID = 1000
MAX_DB_INT = 2**63 - 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tenants (tenant TEXT PRIMARY KEY, created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS objects (
    tenant TEXT NOT NULL, kind TEXT NOT NULL, id INTEGER NOT NULL, doc TEXT NOT NULL,
    PRIMARY KEY (tenant, kind, id));
CREATE TABLE IF NOT EXISTS jobs (
    progress_id TEXT PRIMARY KEY, tenant TEXT NOT NULL, kind TEXT NOT NULL,
    started_at REAL NOT NULL, doc TEXT NOT NULL);
"""


def default_db_path() -> Path:
    return Path(os.path.expanduser("~")) / ".cekura" / "sandbox.db"


def _dumps(doc: Any) -> str:
    return json.dumps(doc, separators=(",", ":"))


class Store:
    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        target = str(default_db_path() if path is None else path)
        if target != ":memory:":
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._depth = 0
        self._conn = sqlite3.connect(target, check_same_thread=False, isolation_level=None, timeout=30)
        with self._lock:
            if target != ":memory:":
                self._conn.execute("PRAGMA journal_mode=WAL")
                self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.executescript(_SCHEMA)
            self._conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('next_id', ?)", (FIRST_ID,))

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """A write group; nested uses join the outer one."""
        with self._lock:
            outer = self._depth == 0
            if outer:
                self._conn.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self
            except BaseException:
                self._depth -= 1
                if outer:
                    self._conn.execute("ROLLBACK")
                raise
            self._depth -= 1
            if outer:
                self._conn.execute("COMMIT")

    def _query(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    # -- ids and tenants ---------------------------------------------------------------
    def next_id(self) -> int:
        with self.transaction():
            (value,) = self._conn.execute(
                "UPDATE meta SET value = value + 1 WHERE key = 'next_id' RETURNING value - 1").fetchone()
            return value

    def add_tenant(self, tenant: str, now: float) -> bool:
        """Register ``tenant``; True when it is new (the caller seeds it in the same transaction)."""
        with self.transaction():
            cur = self._conn.execute("INSERT OR IGNORE INTO tenants (tenant, created_at) VALUES (?, ?)",
                                     (tenant, now))
            return cur.rowcount == 1

    def has_tenant(self, tenant: str) -> bool:
        return bool(self._query("SELECT 1 FROM tenants WHERE tenant = ?", (tenant,)))

    # -- documents -------------------------------------------------------------------
    def get(self, tenant: str, kind: str, id: int) -> dict[str, Any] | None:
        if not 0 <= id <= MAX_DB_INT:
            return None
        rows = self._query("SELECT doc FROM objects WHERE tenant = ? AND kind = ? AND id = ?", (tenant, kind, id))
        return json.loads(rows[0][0]) if rows else None

    def all(self, tenant: str, kind: str) -> list[dict[str, Any]]:
        rows = self._query("SELECT doc FROM objects WHERE tenant = ? AND kind = ? ORDER BY id", (tenant, kind))
        return [json.loads(doc) for (doc,) in rows]

    def put(self, tenant: str, kind: str, doc: dict[str, Any]) -> None:
        with self.transaction():
            self._conn.execute("INSERT OR REPLACE INTO objects (tenant, kind, id, doc) VALUES (?, ?, ?, ?)",
                               (tenant, kind, doc["id"], _dumps(doc)))

    def delete(self, tenant: str, kind: str, id: int) -> bool:
        with self.transaction():
            cur = self._conn.execute("DELETE FROM objects WHERE tenant = ? AND kind = ? AND id = ?",
                                     (tenant, kind, id))
            return cur.rowcount > 0

    # -- jobs --------------------------------------------------------------------------
    def put_job(self, progress_id: str, tenant: str, kind: str, started_at: float, doc: dict[str, Any]) -> None:
        with self.transaction():
            self._conn.execute("INSERT INTO jobs (progress_id, tenant, kind, started_at, doc) VALUES (?, ?, ?, ?, ?)",
                               (progress_id, tenant, kind, started_at, _dumps(doc)))

    def get_job(self, tenant: str, kind: str, progress_id: str) -> tuple[float, dict[str, Any]] | None:
        rows = self._query("SELECT started_at, doc FROM jobs WHERE progress_id = ? AND tenant = ? AND kind = ?",
                           (progress_id, tenant, kind))
        return (rows[0][0], json.loads(rows[0][1])) if rows else None
