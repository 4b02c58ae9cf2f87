"""Which route answers a request path: the spec's own paths, plus what the real service also routes.

Generic rules, applied to every route of the spec (so routes added later get them too):

* **``-external`` twins.** Upstream serves every ``/<area>/v1/<collection>/...`` path a second time
  as ``/<area>/v1/<collection>-external/...`` with the same behaviour and the same API-key auth
  (the vendor's own client uses them). A twin is answered by its plain route.
* **No trailing slash.** Every path of the API ends in ``/``; the vendor's client sends some
  without it and the service answers them as the same route (FACTS.md). The sandbox does too,
  except in **strict** mode (the project's own tests), where a path without its slash is 404:
  our client must never send one.
"""

from __future__ import annotations

import re

from ._spec import Route, match

_TWIN = re.compile(r"^(/[^/]+/v[0-9]+/[^/]+)-external(?=/|$)")


def plain_path(path: str, strict: bool = False) -> str:
    """The spec path that answers ``path`` (twins and, unless strict, slash-less paths folded)."""
    if "-external" in path:
        path = _TWIN.sub(r"\1", path, count=1)
    if not strict and not path.endswith("/"):
        path += "/"
    return path


def resolve(path: str, strict: bool = False) -> tuple[Route, dict[str, str], str] | None:
    """``(route, raw path parameters, plain path)`` for ``path``, or None (404)."""
    plain = plain_path(path, strict)
    found = match(plain)
    if found is None:
        return None
    return found[0], found[1], plain
