"""Figures measured by the reliability tests, printed at the end of the run (see conftest.py).

Tests add to `FIGURES` as they go; `docs/reliability.md` quotes what a full run prints.
"""

from __future__ import annotations

from collections import Counter

#: "faults injected: <kind>", "requests reaching the sandbox", "retries made", "duplicates found",
#: "bad inputs tried", "leaks found", ...
FIGURES: Counter[str] = Counter()


def note_proxy(proxy) -> None:
    """Add a fault proxy's counts: faults injected by kind, requests seen, requests that arrived."""
    for kind, count in proxy.injected.items():
        FIGURES[f"faults injected: {kind}"] += count
    FIGURES["requests through the fault proxy"] += proxy.received
    FIGURES["requests reaching the sandbox"] += proxy.reached
