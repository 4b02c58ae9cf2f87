"""The ``Sandbox`` object: state, options, the core ``handle`` call and in-process transports."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._store import Store

if TYPE_CHECKING:
    import httpx


class Sandbox:
    """An offline Cekura metrics API.

    ``db``: a SQLite file path (created if missing; ``None`` means ``~/.cekura/sandbox.db``)
    or ``":memory:"``. ``job_seconds``: how long background jobs take (0 = complete at once).
    ``allowed_keys``: when given, only these API keys are accepted (others get 401).
    ``clock``: wall-clock seconds, injectable for tests.
    """

    def __init__(self, db: str | os.PathLike[str] | None = None, job_seconds: float = 3.0,
                 allowed_keys: Iterable[str] | None = None, clock: Callable[[], float] = time.time) -> None:
        from ._app import tenant_id

        self.store = Store(db)
        self.job_seconds = float(job_seconds)
        self.clock = clock
        # only digests are kept, never the keys
        self.allowed_tenants = None if allowed_keys is None else frozenset(map(tenant_id, allowed_keys))

    def handle(self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes,
               base_url: str) -> tuple[int, dict[str, str], bytes]:
        """Answer one request: ``(status, headers, body)``. ``path`` is percent-encoded, without query."""
        from ._app import handle

        return handle(self, method, path, query, headers, body, base_url)

    def transport(self) -> httpx.BaseTransport:
        """An ``httpx.BaseTransport`` answering from this sandbox in process."""
        from ._transport import SandboxTransport

        return SandboxTransport(self)

    def async_transport(self) -> httpx.AsyncBaseTransport:
        """An ``httpx.AsyncBaseTransport`` answering from this sandbox in process."""
        from ._transport import AsyncSandboxTransport

        return AsyncSandboxTransport(self)

    def register_agent(self, api_key: str, agent_id: int, description: str, name: str | None = None,
                       assistant_id: str | None = None) -> dict[str, Any]:
        """Add or replace an agent of ``api_key``'s tenant (agents are not an API resource).

        Handy in tests: an agent whose description is under 100 characters cannot have
        metrics generated; one whose description contains "fail" makes the generation job fail.
        """
        from ._app import seed_tenant, tenant_id
        from ._seed import DEMO_PROJECT

        tenant = tenant_id(api_key)
        seed_tenant(self.store, tenant, self.clock())
        doc = {"id": agent_id, "name": name or f"Agent {agent_id}", "assistant_id": assistant_id,
               "project": DEMO_PROJECT, "description": description}
        self.store.put(tenant, "agent", doc)
        return doc

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
