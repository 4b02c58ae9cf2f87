"""pytest fixtures for testing code that talks to Cekura, against the offline sandbox.

Loaded automatically (``pytest11`` entry point ``cekura``) for anyone who installs the
package, so this module imports nothing heavy at import time: the sandbox, httpx and the
client classes are imported inside the fixtures.

Fixtures:

* ``cekura_sandbox`` -- a fresh in-memory :class:`cekura.sandbox.Sandbox` whose background
  jobs complete instantly (``job_seconds=0``).
* ``cekura_client`` -- a :class:`cekura.Cekura` client wired to that sandbox in process.
* ``cekura_async_client`` -- the same with :class:`cekura.AsyncCekura`.

Starting from a known state: save one with ``cekura sandbox save FILE`` (or
``Sandbox.save(FILE)``), then either set ``cekura_sandbox_fixture = FILE`` in the pytest ini
file (every test starts from it; the path is relative to the ini file), or mark a test with
``@pytest.mark.cekura_sandbox_fixture("FILE")`` (relative to the test's file).
"""

from __future__ import annotations

import pytest

SANDBOX_API_KEY = "sandbox-test-key"
SANDBOX_URL = "http://sandbox.local"


FIXTURE_INI = "cekura_sandbox_fixture"
FIXTURE_MARK = "cekura_sandbox_fixture"


def pytest_addoption(parser):
    parser.addini(FIXTURE_INI, "state file (from `cekura sandbox save`) every cekura_sandbox starts from",
                  default="")


def pytest_configure(config):
    config.addinivalue_line("markers", f"{FIXTURE_MARK}(path): start this test's cekura_sandbox from a state file")


def _fixture_file(request):
    import os

    marker = request.node.get_closest_marker(FIXTURE_MARK)
    if marker is not None and marker.args:
        base = os.path.dirname(str(request.node.path))
        return os.path.join(base, str(marker.args[0]))
    configured = request.config.getini(FIXTURE_INI)
    if configured:
        root = request.config.inipath.parent if request.config.inipath else request.config.rootpath
        return os.path.join(str(root), configured)
    return None


@pytest.fixture
def cekura_sandbox(request):
    """A fresh in-memory sandbox (or one loaded from the configured state file); jobs complete at once."""
    from cekura.sandbox import Sandbox

    sandbox = Sandbox(db=":memory:", job_seconds=0, fixture=_fixture_file(request))
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
