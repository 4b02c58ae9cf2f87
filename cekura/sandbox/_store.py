"""SQLite state: JSON documents keyed by (tenant, kind, id), jobs, and one global id sequence.

A file database is opened in WAL mode with one connection per thread: reads run in their own
snapshot and never wait for a writer, writes run inside ``BEGIN IMMEDIATE`` (SQLite's one
writer lock, which also serialises writers in other processes sharing the file, e.g.
``cekura sandbox serve --workers N``). An in-memory database cannot be shared between
connections, so it keeps one connection guarded by a re-entrant lock.
Only sha256 digests of API keys ever reach this module (the ``tenant`` argument).

Derived data, never part of a saved state: ``metric_keys`` (which metrics an agent's list must
look at, kept by every metric write; built on opening a file written before it), and, when this
process is the file's only user, the set of tenants known to be seeded (forget/load clear it).
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
BUSY_TIMEOUT = 30.0  # seconds a writer waits for SQLite's write lock

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
# Candidates for "the metrics of agent A" (see ``metric_keys``): ('a', A, id) for each integer A
# in a metric's `agents`, ('x', 0, id) for a metric the integer rows cannot speak for (a null or
# missing project, or agents SQLite might equate with an integer in another spelling). Rows are
# added whenever a metric is written and only dropped with the tenant, so they are a superset:
# the query still applies the exact test to each candidate it reads.
_INDEX_SCHEMA = """CREATE TABLE metric_keys (
    tenant TEXT NOT NULL, field TEXT NOT NULL, value INTEGER NOT NULL, id INTEGER NOT NULL,
    PRIMARY KEY (tenant, field, value, id)) WITHOUT ROWID"""
INDEXED_KIND = "metric"
TABLES = ("tenants", "objects", "jobs", "metric_keys")
STATE_FORMAT = "cekura-sandbox-state"


def metric_keys(doc: dict[str, Any]) -> set[tuple[str, int]]:
    """The ``metric_keys`` rows of a metric document (see ``_INDEX_SCHEMA``)."""
    agents = doc.get("agents")
    keys: set[tuple[str, int]] = set()
    exact = isinstance(agents, list) and doc.get("project") is not None
    if exact:
        for agent in agents:  # type: ignore[union-attr]
            if type(agent) is int and -(2**63) <= agent < 2**63:
                keys.add(("a", agent))
            elif isinstance(agent, (int, float)):  # bools, floats, huge ints: json_each may equate them
                exact = False
    if not exact:
        keys.add(("x", 0))
    return keys


def default_db_path() -> Path:
    return Path(os.path.expanduser("~")) / ".cekura" / "sandbox.db"


_dumps = json.JSONEncoder(separators=(",", ":")).encode  # built once: json.dumps builds one per call
_dumps_tree = json.JSONEncoder(separators=(",", ":"), check_circular=False).encode  # handlers' docs: never cyclic


class _NullLock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


_JOINED = _NullLock()


class Store:
    def __init__(self, path: str | os.PathLike[str] | None = None, cache_tenants: bool = True) -> None:
        target = str(default_db_path() if path is None else path)
        self.path = target
        self.memory = target == ":memory:"
        if not self.memory:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
        # memory: one shared connection, one lock; file: a connection per thread, no lock
        self._lock: threading.RLock | _NullLock = threading.RLock() if self.memory else _NullLock()
        # Threads of this process queue here for SQLite's write lock: SQLite's own busy handler
        # waits by sleeping (up to 100 ms a try), which under load is slow and unfair.
        self._write_lock = threading.Lock()
        self._local = threading.local()
        self._all_conns: list[sqlite3.Connection] = []
        self._conns_lock = threading.Lock()
        self._shared: sqlite3.Connection | None = None
        self._shared_depth = 0
        self._closed = False
        # Tenants known to be seeded. Only safe while this process is the only one that can reset
        # the file (`--workers N` turns it off: another worker may reset a tenant at any time).
        self._known: set[str] | None = set() if cache_tenants else None
        # Processes sharing the file (`--workers N`) queue in the kernel (flock on a side file)
        # rather than in SQLite's sleep-and-retry busy handler.
        self._flock_fd: int | None = None
        if not cache_tenants and not self.memory:
            try:
                import fcntl  # noqa: F401 - POSIX only; elsewhere SQLite's busy handler does the waiting

                self._flock_fd = os.open(target + "-writelock", os.O_RDWR | os.O_CREAT, 0o600)
            except (ImportError, OSError):
                self._flock_fd = None
        conn = self._connect()
        if self.memory:
            self._shared = conn
        else:
            self._local.conn = conn
            self._local.depth = 0
            conn.execute("PRAGMA journal_mode=WAL")
        with self._lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'metric_keys'").fetchone() is None:
                    # a new file, or one written before the index: build it from the metrics there
                    conn.execute(_INDEX_SCHEMA)
                    for tenant, id, doc in conn.execute(
                            "SELECT tenant, id, doc FROM objects WHERE kind = ?", (INDEXED_KIND,)).fetchall():
                        self._index(conn, tenant, id, json.loads(doc))
                conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('next_id', ?)", (FIRST_ID,))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _connect(self) -> sqlite3.Connection:
        if self._closed:
            raise sqlite3.ProgrammingError("the sandbox store is closed")
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=BUSY_TIMEOUT)
        if not self.memory:
            conn.execute("PRAGMA synchronous=NORMAL")  # WAL: a commit survives a process kill
        with self._conns_lock:
            self._all_conns.append(conn)
        return conn

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._shared is not None:
            return self._shared
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
            self._local.depth = 0
        return conn

    def _get_depth(self) -> int:
        return self._shared_depth if self.memory else getattr(self._local, "depth", 0)

    def _set_depth(self, value: int) -> None:
        if self.memory:
            self._shared_depth = value
        else:
            self._local.depth = value

    def close(self) -> None:
        with self._lock, self._conns_lock:
            self._closed = True
            for conn in self._all_conns:
                try:
                    conn.close()
                except sqlite3.Error:
                    pass
            self._all_conns.clear()
            self._shared = None
            if self._flock_fd is not None:
                os.close(self._flock_fd)
                self._flock_fd = None

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[Store]:
        """A group of statements seeing one snapshot; nested uses join the outer one.

        ``write=True`` takes SQLite's write lock at once (``BEGIN IMMEDIATE``); ``write=False``
        is a read snapshot that never waits for writers (a write inside it upgrades it, and may
        then fail with ``sqlite3.OperationalError`` "database is locked": callers retry as a
        write transaction).
        """
        with self._lock:
            conn = self._conn
            depth = self._get_depth()
            outer = depth == 0
            queued = outer and write and not self.memory
            if queued:
                self._write_lock.acquire()
                if self._flock_fd is not None:
                    import fcntl

                    fcntl.flock(self._flock_fd, fcntl.LOCK_EX)
            try:
                if outer:
                    conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                self._set_depth(depth + 1)
                try:
                    yield self
                except BaseException:
                    self._set_depth(depth)
                    if outer:
                        conn.execute("ROLLBACK")
                    raise
                self._set_depth(depth)
                if outer:
                    conn.execute("COMMIT")
            finally:
                if queued:
                    if self._flock_fd is not None:
                        import fcntl

                        fcntl.flock(self._flock_fd, fcntl.LOCK_UN)
                    self._write_lock.release()

    def _joined(self) -> Any:
        """``transaction()``, or nothing to do when this thread is already in one (a file's
        connections are per thread; the in-memory one always goes through its lock)."""
        if not self.memory and getattr(self._local, "depth", 0) > 0:
            return _JOINED
        return self.transaction()

    def _query(self, sql: str, args: tuple[Any, ...] = ()) -> list[Any]:
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    # -- ids and tenants ---------------------------------------------------------------
    def next_id(self) -> int:
        with self._joined():
            (value,) = self._conn.execute(
                "UPDATE meta SET value = value + 1 WHERE key = 'next_id' RETURNING value - 1").fetchone()
            return value

    def next_ids(self, count: int) -> int:
        """The first of ``count`` consecutive ids taken at once (as ``count`` calls of ``next_id``)."""
        with self._joined():
            (value,) = self._conn.execute(
                "UPDATE meta SET value = value + ? WHERE key = 'next_id' RETURNING value - ?", (count, count)).fetchone()
            return value

    def add_tenant(self, tenant: str, now: float) -> bool:
        """Register ``tenant``; True when it is new (the caller seeds it in the same transaction)."""
        with self.transaction():
            cur = self._conn.execute("INSERT OR IGNORE INTO tenants (tenant, created_at) VALUES (?, ?)",
                                     (tenant, now))
            return cur.rowcount == 1

    def has_tenant(self, tenant: str) -> bool:
        if self._known is not None and tenant in self._known:
            return True
        found = bool(self._query("SELECT 1 FROM tenants WHERE tenant = ?", (tenant,)))
        if found and self._known is not None:
            self._known.add(tenant)
        return found

    # -- documents -------------------------------------------------------------------
    def get(self, tenant: str, kind: str, id: int) -> dict[str, Any] | None:
        if not 0 <= id <= MAX_DB_INT:
            return None
        rows = self._query("SELECT doc FROM objects WHERE tenant = ? AND kind = ? AND id = ?", (tenant, kind, id))
        return json.loads(rows[0][0]) if rows else None

    def has(self, tenant: str, kind: str, id: int) -> bool:
        """Whether the document exists (without reading it)."""
        if not 0 <= id <= MAX_DB_INT:
            return False
        return bool(self._query("SELECT 1 FROM objects WHERE tenant = ? AND kind = ? AND id = ?", (tenant, kind, id)))

    def next_in_sequence(self, tenant: str, kind: str, floor_kind: str, floor_id: int, floor_field: str) -> int:
        """1 + the highest id of the tenant's ``kind`` documents, and at least 1 + the integer
        ``floor_field`` of the document (``floor_kind``, ``floor_id``) when there is one."""
        (value,) = self._query(
            "SELECT max(coalesce((SELECT MAX(id) FROM objects WHERE tenant = ? AND kind = ?), 0),"
            " coalesce((SELECT json_extract(doc, ?) FROM objects WHERE tenant = ? AND kind = ? AND id = ?), 0))",
            (tenant, kind, "$." + floor_field, tenant, floor_kind, floor_id))[0]
        return int(value) + 1

    def all(self, tenant: str, kind: str) -> list[dict[str, Any]]:
        rows = self._query("SELECT doc FROM objects WHERE tenant = ? AND kind = ? ORDER BY id", (tenant, kind))
        return [json.loads(doc) for (doc,) in rows]

    def count(self, tenant: str, kind: str) -> int:
        return int(self._query("SELECT COUNT(*) FROM objects WHERE tenant = ? AND kind = ?", (tenant, kind))[0][0])

    def page(self, tenant: str, kind: str, limit: int, offset: int) -> list[dict[str, Any]]:
        """``all(tenant, kind)[offset:offset + limit]``, sliced by SQLite."""
        rows = self._query("SELECT doc FROM objects WHERE tenant = ? AND kind = ? ORDER BY id LIMIT ? OFFSET ?",
                           (tenant, kind, limit, offset))
        return [json.loads(doc) for (doc,) in rows]

    def where_field_is(self, tenant: str, kind: str, field: str, value: Any) -> list[dict[str, Any]]:
        """The documents whose ``field`` SQLite finds equal to ``value`` (an int within 64 bits), and
        those without the field; in id order. A superset of what ``doc[field] == value`` selects
        in Python (a missing field is left for the caller's own test to meet)."""
        path = "$." + field
        rows = self._query(
            "SELECT doc FROM objects WHERE tenant = ? AND kind = ? AND"
            " (json_extract(doc, ?) = ? OR json_type(doc, ?) IS NULL) ORDER BY id",
            (tenant, kind, path, value, path))
        return [json.loads(doc) for (doc,) in rows]

    def all_of_agent_or_project(self, tenant: str, kind: str, agent: Any, project: Any) -> list[dict[str, Any]]:
        """The documents whose ``agents`` list holds ``agent`` (when not None) or whose ``project``
        is ``project`` (NULL matches a null or missing one), filtered by SQLite's own JSON functions
        so that only the matches are decoded here. A superset of what equality in Python selects:
        callers still apply their exact test to what comes back."""
        if kind == INDEXED_KIND and project is None and type(agent) is int and -(2**63) <= agent < 2**63:
            # the same test, applied only to the candidates metric_keys names
            rows = self._query(
                "SELECT doc FROM objects WHERE tenant = ? AND kind = ? AND id IN ("
                "SELECT id FROM metric_keys WHERE tenant = ? AND field = 'a' AND value = ?"
                " UNION ALL SELECT id FROM metric_keys WHERE tenant = ? AND field = 'x' AND value = 0) AND ("
                "EXISTS (SELECT 1 FROM json_each(doc, '$.agents') WHERE value = ?)"
                " OR json_extract(doc, '$.project') IS NULL) ORDER BY id",
                (tenant, kind, tenant, agent, tenant, agent))
            return [json.loads(doc) for (doc,) in rows]
        return self.scan_agent_or_project(tenant, kind, agent, project)

    def scan_agent_or_project(self, tenant: str, kind: str, agent: Any, project: Any) -> list[dict[str, Any]]:
        """``all_of_agent_or_project`` by testing every document of the kind."""
        rows = self._query(
            "SELECT doc FROM objects WHERE tenant = ? AND kind = ? AND ("
            "(? IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(doc, '$.agents') WHERE value = ?))"
            " OR json_extract(doc, '$.project') IS ?) ORDER BY id",
            (tenant, kind, agent, agent, project))
        return [json.loads(doc) for (doc,) in rows]

    @staticmethod
    def _index(conn: sqlite3.Connection, tenant: str, id: Any, doc: dict[str, Any]) -> None:
        keys = metric_keys(doc)
        if len(keys) == 1:
            ((field, value),) = keys
            conn.execute("INSERT OR IGNORE INTO metric_keys (tenant, field, value, id) VALUES (?, ?, ?, ?)",
                         (tenant, field, value, id))
        else:
            conn.executemany("INSERT OR IGNORE INTO metric_keys (tenant, field, value, id) VALUES (?, ?, ?, ?)",
                             [(tenant, field, value, id) for field, value in keys])

    def put(self, tenant: str, kind: str, doc: dict[str, Any]) -> None:
        with self._joined():
            conn = self._conn
            conn.execute("INSERT OR REPLACE INTO objects (tenant, kind, id, doc) VALUES (?, ?, ?, ?)",
                         (tenant, kind, doc["id"], _dumps_tree(doc)))
            if kind == INDEXED_KIND:
                self._index(conn, tenant, doc["id"], doc)

    def delete(self, tenant: str, kind: str, id: int) -> bool:
        with self._joined():
            cur = self._conn.execute("DELETE FROM objects WHERE tenant = ? AND kind = ? AND id = ?",
                                     (tenant, kind, id))
            return cur.rowcount > 0

    # -- jobs --------------------------------------------------------------------------
    def put_job(self, progress_id: str, tenant: str, kind: str, started_at: float, doc: dict[str, Any]) -> None:
        with self._joined():
            self._conn.execute("INSERT INTO jobs (progress_id, tenant, kind, started_at, doc) VALUES (?, ?, ?, ?, ?)",
                               (progress_id, tenant, kind, started_at, _dumps(doc)))

    def get_job(self, tenant: str, kind: str, progress_id: str) -> tuple[float, dict[str, Any]] | None:
        rows = self._query("SELECT started_at, doc FROM jobs WHERE progress_id = ? AND tenant = ? AND kind = ?",
                           (progress_id, tenant, kind))
        return (rows[0][0], json.loads(rows[0][1])) if rows else None

    # -- whole-state operations (reset, save, load) --------------------------------------
    def tenants(self) -> list[str]:
        return [t for (t,) in self._query("SELECT tenant FROM tenants ORDER BY tenant")]

    def forget(self, tenant: str | None = None) -> int:
        """Drop one tenant's data (or everyone's): it is re-seeded with the demo data on its next request.

        Answers how many tenants were dropped. The id sequence is kept, so ids stay unique.
        """
        if self._known is not None:
            self._known.clear()
        with self.transaction():
            where, args = ("", ()) if tenant is None else (" WHERE tenant = ?", (tenant,))
            count = self._conn.execute("SELECT COUNT(*) FROM tenants" + where, args).fetchone()[0]
            for table in TABLES:
                self._conn.execute(f"DELETE FROM {table}{where}", args)  # noqa: S608 - fixed names
        if self._known is not None:
            self._known.clear()  # again: a check that ran meanwhile may have re-cached it
        return int(count)

    def dump(self) -> dict[str, Any]:
        """The whole state as one JSON-able document (tenants by key digest, never by key)."""
        with self.transaction(write=False):
            (next_id,) = self._conn.execute("SELECT value FROM meta WHERE key = 'next_id'").fetchone()
            tenants: dict[str, Any] = {}
            for tenant, created_at in self._conn.execute("SELECT tenant, created_at FROM tenants ORDER BY tenant"):
                tenants[tenant] = {"created_at": created_at, "objects": {}, "jobs": []}
            for tenant, kind, doc in self._conn.execute(
                    "SELECT tenant, kind, doc FROM objects ORDER BY tenant, kind, id"):
                entry = tenants.setdefault(tenant, {"created_at": 0.0, "objects": {}, "jobs": []})
                entry["objects"].setdefault(kind, []).append(json.loads(doc))
            for progress_id, tenant, kind, started_at, doc in self._conn.execute(
                    "SELECT progress_id, tenant, kind, started_at, doc FROM jobs ORDER BY started_at, progress_id"):
                entry = tenants.setdefault(tenant, {"created_at": 0.0, "objects": {}, "jobs": []})
                entry["jobs"].append({"progress_id": progress_id, "kind": kind, "started_at": started_at,
                                      "doc": json.loads(doc)})
        return {"format": STATE_FORMAT, "version": 1, "next_id": next_id, "tenants": tenants}

    def load(self, state: dict[str, Any]) -> None:
        """Replace the whole state with ``state`` (as ``dump`` answers). Raises ValueError when malformed."""
        if not isinstance(state, dict) or state.get("format") != STATE_FORMAT or state.get("version") != 1:
            raise ValueError(f"not a sandbox state file (expected \"format\": \"{STATE_FORMAT}\", \"version\": 1)")
        try:
            next_id = int(state["next_id"])
            rows = []
            indexed: list[tuple[str, str, int, dict[str, Any]]] = []
            jobs = []
            tenants = []
            for tenant, entry in dict(state["tenants"]).items():
                tenants.append((str(tenant), float(entry.get("created_at", 0.0))))
                for kind, docs in dict(entry.get("objects", {})).items():
                    for doc in docs:
                        rows.append((str(tenant), str(kind), int(doc["id"]), _dumps(doc)))
                        if str(kind) == INDEXED_KIND and isinstance(doc, dict):
                            indexed.append((str(tenant), str(kind), int(doc["id"]), doc))
                for job in entry.get("jobs", []):
                    jobs.append((str(job["progress_id"]), str(tenant), str(job["kind"]), float(job["started_at"]),
                                 _dumps(job["doc"])))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"malformed sandbox state: {exc!r}") from None
        top = max([next_id - 1, FIRST_ID - 1, *(r[2] for r in rows)])
        if self._known is not None:
            self._known.clear()
        with self.transaction():
            for table in TABLES:
                self._conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
            self._conn.executemany("INSERT INTO tenants (tenant, created_at) VALUES (?, ?)", tenants)
            self._conn.executemany("INSERT OR REPLACE INTO objects (tenant, kind, id, doc) VALUES (?, ?, ?, ?)", rows)
            for tenant, _kind, id, doc in indexed:
                self._index(self._conn, tenant, id, doc)
            self._conn.executemany(
                "INSERT OR REPLACE INTO jobs (progress_id, tenant, kind, started_at, doc) VALUES (?, ?, ?, ?, ?)", jobs)
            self._conn.execute("UPDATE meta SET value = ? WHERE key = 'next_id'", (top + 1,))
        if self._known is not None:
            self._known.clear()
