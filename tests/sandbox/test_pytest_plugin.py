"""The fixtures that ``cekura.pytest_plugin`` gives every project installing the package."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest

from cekura.sandbox import Sandbox


def _client_classes_or_skip():
    try:
        from cekura import AsyncCekura, Cekura
    except ImportError as exc:  # the SDK is written alongside the sandbox
        pytest.skip(f"cekura.Cekura / AsyncCekura not importable yet: {exc}")
    return Cekura, AsyncCekura


def test_plugin_module_is_light():
    code = ("import sys, cekura.pytest_plugin; "
            "print(sorted(m for m in ('httpx', 'yaml', 'jsonschema', 'cekura.sandbox') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_cekura_sandbox_fixture(cekura_sandbox):
    assert isinstance(cekura_sandbox, Sandbox)
    assert cekura_sandbox.job_seconds == 0
    status, _, body = cekura_sandbox.handle("GET", "/test_framework/v1/metrics/", "",
                                            {"X-CEKURA-API-KEY": "k"}, b"", "http://sandbox.local")
    assert status == 200 and body.startswith(b"[")


def test_cekura_client_fixture(request):
    cekura_cls, _ = _client_classes_or_skip()
    client = request.getfixturevalue("cekura_client")
    assert isinstance(client, cekura_cls)
    catalog = client.predefined_metrics.list()
    assert len(catalog) >= 20
    created = client.metrics.create(name="From the plugin", eval_type="binary")
    created_id = created["id"] if isinstance(created, dict) else created.id
    assert created_id >= 1000


def test_cekura_async_client_fixture(request):
    _, async_cls = _client_classes_or_skip()
    client = request.getfixturevalue("cekura_async_client")
    assert isinstance(client, async_cls)
    catalog = asyncio.run(client.predefined_metrics.list())
    assert len(catalog) >= 20
