"""The modes a resource can be in, fixed by the client that owns it (see cekura._typing).

Kept apart from `_typing` so that constructing a client loads only these few classes.
"""

from __future__ import annotations

from typing import Generic, TypeVar

M = TypeVar("M")


class Sync:
    """Mode of the resources of `Cekura`: methods return their result."""


class Async:
    """Mode of the resources of `AsyncCekura`: methods are coroutines of their result."""


class Raw(Generic[M]):
    """Mode of `.with_raw_response`: methods return a `RawResponse` (awaited for `Raw[Async]`)."""


class HasMode(Generic[M]):
    """What the method descriptors dispatch on: `cekura.resources._base.Resource` is one."""

    _mode: int  # 0 sync, 1 async, 2 sync raw, 3 async raw
