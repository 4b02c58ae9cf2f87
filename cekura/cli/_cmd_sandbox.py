"""`cekura sandbox reset|save|load`, and `--fresh` for `--sandbox` runs (no request is sent)."""

from __future__ import annotations

import json
from typing import Any

from ._errors import UsageError


def _open(rt: Any) -> Any:
    from ..sandbox import Sandbox

    return Sandbox(db=rt.args.db)


def _where(rt: Any) -> str:
    from ..sandbox._store import default_db_path

    return rt.args.db or str(default_db_path())


def reset_embedded(api_url: str) -> None:
    """Before a `--sandbox --fresh` command: every key's data back to the demo data."""
    from .._client import _sandbox_db
    from ..sandbox import Sandbox

    db = _sandbox_db(api_url)
    if db == ":memory:":
        return  # a new in-memory sandbox is fresh already
    with Sandbox(db=db) as sandbox:
        sandbox.reset()


def reset(rt: Any) -> None:
    with _open(rt) as sandbox:
        count = sandbox.reset(rt.args.key)
    who = "that key's data" if rt.args.key else "every key's data"
    rt.say(f"Reset {who} in {_where(rt)} ({count} tenant(s) dropped); the demo data comes back on the next request.")


def save(rt: Any) -> None:
    with _open(rt) as sandbox:
        state = sandbox.state()
        try:
            sandbox.save(rt.args.file)
        except OSError as exc:
            raise UsageError(f"cannot write {rt.args.file}: {exc.strerror or exc}") from None
    rt.say(f"Saved {len(state['tenants'])} tenant(s) from {_where(rt)} to {rt.args.file}")


def load(rt: Any) -> None:
    try:
        with open(rt.args.file, encoding="utf-8") as fh:
            state = json.load(fh)
    except OSError as exc:
        raise UsageError(f"cannot read {rt.args.file}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise UsageError(f"{rt.args.file} is not JSON: {exc}") from None
    with _open(rt) as sandbox:
        try:
            sandbox.load(state)
        except ValueError as exc:
            raise UsageError(f"{rt.args.file}: {exc}", "write one with `cekura sandbox save FILE`") from None
    rt.say(f"Loaded {len(state['tenants'])} tenant(s) from {rt.args.file} into {_where(rt)}")
