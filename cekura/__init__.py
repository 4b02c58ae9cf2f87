"""Python SDK for the Cekura metrics API.

    from cekura import Cekura, AsyncCekura

    client = Cekura()                       # CEKURA_API_KEY / ~/.cekura/config.toml
    client.metrics.list(agent_id=123)

Imports are lazy: `import cekura` loads neither httpx nor the generated client.
"""

from __future__ import annotations

from . import _errors
from ._version import __version__

TYPE_CHECKING = False  # not `from typing import ...`: keeps `import cekura` (and `cekura --help`) lean

if TYPE_CHECKING:
    from typing import Any

    from ._client import AsyncCekura as AsyncCekura
    from ._client import Cekura as Cekura
    from ._core import RetryPolicy as RetryPolicy
    from ._errors import *  # noqa: F403
    from ._response import RawResponse as RawResponse

_LAZY = {
    "Cekura": "._client",
    "AsyncCekura": "._client",
    "RetryPolicy": "._core",
    "RawResponse": "._response",
}
_ERRORS = _errors.__all__
_LAZY.update(dict.fromkeys(_ERRORS, "._errors"))

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cekura' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
