"""pytest fixtures for testing code that talks to Cekura, against the offline sandbox.

Loaded automatically (``pytest11`` entry point ``cekura``) for anyone who installs the
package, so this module imports nothing heavy at import time: the sandbox, httpx and the
client classes are imported inside the fixtures.

Fixtures:

* ``cekura_sandbox`` -- a fresh in-memory :class:`cekura.sandbox.Sandbox` whose background
  jobs complete instantly (``job_seconds=0``).
* ``cekura_client`` -- a :class:`cekura.Cekura` client wired to that sandbox in process.
* ``cekura_async_client`` -- the same with :class:`cekura.AsyncCekura`.
"""

from __future__ import annotations

import pytest

SANDBOX_API_KEY = "sandbox-test-key"
SANDBOX_URL = "http://sandbox.local"


@pytest.fixture
def cekura_sandbox():
    """A fresh in-memory sandbox; jobs complete at once."""
    from cekura.sandbox import Sandbox

    sandbox = Sandbox(db=":memory:", job_seconds=0)
    try:
        yield sandbox
    finally:
        sandbox.close()


@pytest.fixture
def cekura_client(cekura_sandbox):
    """A ``cekura.Cekura`` client talking to ``cekura_sandbox`` in process (no port)."""
    import httpx

    from cekura import Cekura

    http_client = httpx.Client(transport=cekura_sandbox.transport(), base_url=SANDBOX_URL)
    client = Cekura(api_key=SANDBOX_API_KEY, api_url=SANDBOX_URL, http_client=http_client)
    try:
        yield client
    finally:
        _close(client)
        http_client.close()


@pytest.fixture
def cekura_async_client(cekura_sandbox):
    """A ``cekura.AsyncCekura`` client talking to ``cekura_sandbox`` in process (no port)."""
    import httpx

    from cekura import AsyncCekura

    http_client = httpx.AsyncClient(transport=cekura_sandbox.async_transport(), base_url=SANDBOX_URL)
    client = AsyncCekura(api_key=SANDBOX_API_KEY, api_url=SANDBOX_URL, http_client=http_client)
    yield client
    # The in-process transport holds no sockets; closing only marks the client closed.
    import asyncio

    try:
        asyncio.run(http_client.aclose())
    except RuntimeError:  # already inside a running loop, or closed by the test
        pass


def _close(client) -> None:
    close = getattr(client, "close", None)
    if callable(close):
        close()
