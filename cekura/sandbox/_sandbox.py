"""The ``Sandbox`` object: state, options, the core ``handle`` call and in-process transports."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._store import Store

if TYPE_CHECKING:
    import httpx


STRICT_ENV = "CEKURA_SANDBOX_STRICT"


def strict_from_env() -> bool:
    return os.environ.get(STRICT_ENV, "").strip().lower() in ("1", "true", "yes", "on")


class Sandbox:
    """An offline Cekura metrics API.

    ``db``: a SQLite file path (created if missing; ``None`` means ``~/.cekura/sandbox.db``)
    or ``":memory:"``. ``job_seconds``: how long background jobs take (0 = complete at once).
    ``allowed_keys``: when given, only these API keys are accepted (others get 401).
    ``clock``: wall-clock seconds, injectable for tests.
    ``strict``: refuse what the project's own client must never send (a path without its
    trailing slash: 404; a form-encoded or multipart body: 415). ``None`` reads the
    ``CEKURA_SANDBOX_STRICT`` environment variable (``1`` = strict); the default is to answer
    like the real service, which accepts both.
    ``fixture``: a state file written by ``save`` (or ``cekura sandbox save``) to start from.
    """

    def __init__(self, db: str | os.PathLike[str] | None = None, job_seconds: float = 3.0,
                 allowed_keys: Iterable[str] | None = None, clock: Callable[[], float] = time.time,
                 strict: bool | None = None, fixture: str | os.PathLike[str] | None = None,
                 allowed_tenants: Iterable[str] | None = None, shared: bool = False) -> None:
        from ._app import tenant_id

        # shared: other processes serve the same file (`--workers N`), so nothing is cached
        self.store = Store(db, cache_tenants=not shared)
        self.shared = shared
        self.job_seconds = float(job_seconds)
        self.clock = clock
        self.strict = strict_from_env() if strict is None else bool(strict)
        # only digests are kept, never the keys
        tenants = None if allowed_keys is None else set(map(tenant_id, allowed_keys))
        if allowed_tenants is not None:
            tenants = (tenants or set()) | set(allowed_tenants)
        self.allowed_tenants = None if tenants is None else frozenset(tenants)
        if fixture is not None:
            self.load(fixture)

    # -- state: reset, save, load -----------------------------------------------------------
    def reset(self, api_key: str | None = None) -> int:
        """Back to the demo data: for ``api_key``'s tenant only, or for every tenant (``None``).

        A tenant is re-seeded on its next request; ids keep growing, so they never repeat.
        Answers how many tenants were reset.
        """
        from ._app import tenant_id

        return self.store.forget(None if api_key is None else tenant_id(api_key))

    def state(self) -> dict[str, Any]:
        """The whole state as a JSON-able document (tenants by key digest; keys are never kept)."""
        return self.store.dump()

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the whole state to ``path`` (JSON), to start later sandboxes from (``fixture=``)."""
        import json
        from pathlib import Path

        target = Path(path)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(json.dumps(self.state(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
        tmp.replace(target)

    def load(self, path_or_state: str | os.PathLike[str] | Mapping[str, Any]) -> None:
        """Replace the whole state with a saved one (a path, or the document ``state()`` answers)."""
        import json
        from pathlib import Path

        if isinstance(path_or_state, Mapping):
            state = dict(path_or_state)
        else:
            state = json.loads(Path(path_or_state).read_text(encoding="utf-8"))
        self.store.load(state)

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
