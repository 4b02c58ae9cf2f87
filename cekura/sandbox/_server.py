"""Serving a ``Sandbox`` over real HTTP: the ASGI app (``_asgi``) on uvicorn (``_uvicorn``).

uvicorn is imported only here, when a server starts. ``serve_main`` is ``cekura sandbox serve``;
``serve`` and ``start_background`` are the Python entry points.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from ._sandbox import Sandbox

DEFAULT_KEY = "sandbox-key"


def _notify(ready: Any, url: str) -> None:
    if ready is None:
        return
    if hasattr(ready, "set"):  # a threading.Event
        ready.set()
    else:
        ready(url)


class RunningSandbox:
    """A sandbox served from a background thread; ``.url``, ``.sandbox``, ``.stop()``, a context manager."""

    def __init__(self, sandbox: Sandbox, host: str = "127.0.0.1", port: int = 0, log: TextIO | None = None,
                 admin: bool = False, limits: Any = None) -> None:
        from ._asgi import SandboxApp
        from ._uvicorn import Limits, ThreadedServer, bind, url_of

        limits = limits or Limits()
        self.sandbox = sandbox
        self.app = SandboxApp(sandbox, log=log, admin=admin, max_body=limits.max_body,
                              max_header_bytes=limits.max_header_bytes)
        sock = bind(host, port, limits.backlog)
        self.url = url_of(sock)
        self._server = ThreadedServer(self.app, sock, limits)
        self._stopped = False
        self._server.start()

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._server.stop()
        self.app.close()
        self.sandbox.close()

    def __enter__(self) -> RunningSandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_background(host: str = "127.0.0.1", port: int = 0, db: str | None = ":memory:",
                     allowed_keys: Iterable[str] | None = None, job_seconds: float = 0.0,
                     log: TextIO | None = None, strict: bool | None = None, admin: bool = False,
                     fixture: str | os.PathLike[str] | None = None, limits: Any = None) -> RunningSandbox:
    """Start a served sandbox in a daemon thread (in memory, instant jobs, quiet by default)."""
    sandbox = Sandbox(db=db, job_seconds=job_seconds, allowed_keys=allowed_keys, strict=strict, fixture=fixture)
    try:
        return RunningSandbox(sandbox, host, port, log, admin, limits)
    except BaseException:
        sandbox.close()
        raise


def serve(host: str = "127.0.0.1", port: int = 0, db: str | None = None, allowed_keys: Iterable[str] | None = None,
          job_seconds: float = 3.0, ready: Callable[[str], Any] | threading.Event | None = None,
          log: TextIO | None = sys.stderr, strict: bool | None = None, admin: bool = False,
          fixture: str | os.PathLike[str] | None = None, stop: threading.Event | None = None) -> None:
    """Serve until interrupted (or ``stop`` is set). ``ready`` (a callable taking the URL, or an Event)
    fires once listening."""
    running = start_background(host, port, db, allowed_keys, job_seconds, log, strict, admin, fixture)
    try:
        _notify(ready, running.url)
        (stop or threading.Event()).wait()
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()


def serve_main(port: int = 8765, db: str | None = None, host: str = "127.0.0.1",
               keys: Iterable[str] | None = None, job_seconds: float = 3.0, workers: int = 1,
               strict: bool = False, admin: bool = False, fixture: str | None = None, fresh: bool = False,
               log: bool = True) -> int:
    """The ``cekura sandbox serve`` command: print how to point the CLI/SDK here, serve until Ctrl-C."""
    import json

    from ._app import tenant_id
    from ._asgi import OPTIONS_ENV, SandboxApp, app_from_env
    from ._uvicorn import Limits, bind, make_config, quiet_uvicorn_logs, url_of

    keys = list(keys or [])
    if workers > 1 and (db == ":memory:"):
        print("error: --workers needs a database file (--db PATH), not :memory:", file=sys.stderr)
        return 2
    limits = Limits()
    # the file is prepared once, before any worker starts
    prepared = Sandbox(db=db, job_seconds=job_seconds, allowed_keys=keys or None, strict=strict)
    if fresh:
        prepared.reset()
    if fixture:
        prepared.load(fixture)
    sock = bind(host, port, limits.backlog)
    url = url_of(sock)
    print(f"Cekura sandbox listening on {url}" + (f" ({workers} worker processes)" if workers > 1 else ""))
    print(f"export CEKURA_API_URL={url}")
    print(f"export CEKURA_API_KEY={keys[0] if keys else DEFAULT_KEY}")
    sys.stdout.flush()
    quiet_uvicorn_logs()
    from uvicorn.server import Server

    try:
        if workers <= 1:
            app = SandboxApp(prepared, log=sys.stderr if log else None, admin=admin, max_body=limits.max_body,
                             max_header_bytes=limits.max_header_bytes)
            try:
                Server(make_config(app, limits)).run(sockets=[sock])
            finally:
                app.close()
            return 0
        db_path = prepared.store.path
        os.environ[OPTIONS_ENV] = json.dumps({
            "db": db_path, "job_seconds": job_seconds, "strict": strict, "admin": admin, "log": log,
            # digests only: the keys themselves never leave this process
            "allowed_tenants": sorted(map(tenant_id, keys)) if keys else None,
        })
        from uvicorn.supervisors import Multiprocess

        config = make_config(f"{app_from_env.__module__}:app_from_env", limits, workers=workers, factory=True)
        import inspect

        if "target" in inspect.signature(Multiprocess).parameters:  # uvicorn < 0.49 wants the target
            Multiprocess(config, target=Server(config).run, sockets=[sock]).run()  # type: ignore[call-arg]
        else:
            Multiprocess(config, sockets=[sock]).run()
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        prepared.close()
        sock.close()
