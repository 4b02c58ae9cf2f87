"""The same evaluation over a Dask bag, for call archives that outgrow one machine.

    import dask.bag as db
    from cekura.local import evaluate_bag

    calls = db.read_text("s3://bucket/calls/*.jsonl")          # JSON lines, payloads or call logs
    results = evaluate_bag(metric, calls).to_dataframe()      # or .compute(), .to_textfiles(...)

Each partition runs through `evaluate_payload`, the runner's pure function: by default inside
a small isolated worker pool on the Dask worker (same limits as locally), or directly in the
Dask worker with `isolated=False`. Items are payloads, call logs / runs, `(call_id, payload)`
pairs or JSON text. Needs the `dask` extra: `pip install 'cekura-metrics-sdk[dask]'`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ._evaluate import Limits, MetricSpec


def evaluate_partition(
    spec: MetricSpec, limits: Limits, isolated: bool, workers: int, items: Iterable[Any]
) -> list[dict[str, Any]]:
    """One partition -> result dicts (`Result.to_dict()`), in order. Module-level, so it pickles."""
    from . import _in_process, _pairs

    pairs = _pairs(items)
    if not isolated:
        return [_in_process(spec, call_id, data, limits.timeout, None).to_dict() for call_id, data in pairs]
    from ._pool import WorkerPool

    with WorkerPool(workers, limits) as pool:
        return [r.to_dict() for r in pool.imap(spec, pairs)]


def evaluate_bag(
    code_or_metric: str | dict[str, Any] | MetricSpec,
    bag: Any,
    *,
    eval_type: str | None = None,
    enum_values: Iterable[str] | None = None,
    trigger_code: str | None = None,
    timeout: float = 10.0,
    memory_mb: int = 1024,
    isolated: bool = True,
    workers_per_partition: int = 1,
) -> Any:
    """A lazy Dask bag of result dicts (call_id, status, result, explanation, extra, error, duration)."""
    from . import to_spec

    spec = to_spec(code_or_metric, eval_type=eval_type, enum_values=enum_values, trigger_code=trigger_code)
    limits = Limits(timeout=timeout, memory_mb=memory_mb)
    return bag.map_partitions(_partition, spec, limits, isolated, max(1, workers_per_partition))


def _partition(items: Iterable[Any], spec: MetricSpec, limits: Limits, isolated: bool, workers: int) -> list[dict[str, Any]]:
    return evaluate_partition(spec, limits, isolated, workers, items)
