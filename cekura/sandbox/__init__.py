"""An offline Cekura metrics API: every operation of ``cekura/openapi.yaml``, backed by SQLite.

Use it in process (``Sandbox(...).transport()`` for httpx), over HTTP (``serve``,
``start_background``, ``cekura sandbox serve``) or through the pytest fixtures in
``cekura.pytest_plugin``. Importing this package is cheap: the pieces load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._sandbox import Sandbox
    from ._server import RunningSandbox, serve, serve_main, start_background

_EXPORTS = {
    "Sandbox": "._sandbox",
    "RunningSandbox": "._server",
    "serve": "._server",
    "serve_main": "._server",
    "start_background": "._server",
}

__all__ = ["RunningSandbox", "Sandbox", "serve", "serve_main", "start_background"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value
