"""The request pipeline: route, authenticate, check against the spec, seed, dispatch, encode.

Order of checks, like Django + DRF: unknown path -> 404; no or bad key -> 401; wrong
method -> 405; body over 1 MiB -> 413; body not JSON -> 415/400; bad query parameter
-> 400; path id of the wrong type -> 404; then the handler.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sqlite3
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote

from . import _catalog, _jobs, _judge, _lifecycle, _metrics, _scenarios, _seed
from ._bodies import parse_body
from ._http import ApiError, Ctx, not_found
from ._routing import resolve
from ._spec import Operation
from ._store import MAX_DB_INT
from ._validate import REQUIRED

if TYPE_CHECKING:
    from ._sandbox import Sandbox
    from ._store import Store

log = logging.getLogger("cekura.sandbox")

Handler = Callable[[Ctx], tuple[int, Any]]
HANDLERS: dict[str, Handler] = {
    "predefined_metrics_list": _catalog.list_handler,
    "predefined_metrics_get": _catalog.retrieve_handler,
    "metrics_list": _metrics.list_metrics,
    "metrics_create": _metrics.create,
    "metrics_get": _metrics.retrieve,
    "metrics_replace": _metrics.replace,
    "metrics_update": _metrics.update,
    "metrics_delete": _metrics.destroy,
    "metrics_bulk_create": _metrics.bulk_create,
    "metrics_bulk_manage_agents": _metrics.bulk_manage_agents,
    "metrics_bulk_toggle_settings": _metrics.bulk_toggle_settings,
    "metrics_generate": _jobs.generate,
    "metrics_generate_progress": _jobs.generate_progress,
    "critical_metric_scenarios_list": _scenarios.list_scenarios,
    "critical_metric_scenarios_get": _scenarios.retrieve,
    "critical_metric_scenarios_update": _scenarios.update,
    "metric_reviews_process_feedbacks": _jobs.process_feedbacks,
    "metric_reviews_process_feedbacks_progress": _jobs.feedback_progress,
}
_lifecycle.register(HANDLERS)  # calls, runs, results, test sets, preview, history (cekura/sandbox/_lifecycle.py)
_judge.register(HANDLERS)  # the LLM judge behind evaluate_llm_judge_metric (cekura/sandbox/_judge.py)

API_KEY_HEADER = "x-cekura-api-key"
_INT = re.compile(r"-?[0-9]+")
_DIGITS = re.compile(r"[0-9]+")
_BOOLS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


def tenant_id(api_key: str) -> str:
    """The tenant an API key acts for; the key itself is never stored."""
    return hashlib.sha256(api_key.encode("utf-8", "surrogatepass")).hexdigest()


# json.dumps' own output (same separators, ASCII); handlers' payloads are trees, never cyclic
_encode = json.JSONEncoder(check_circular=False).encode


def encode(status: int, payload: Any, extra: Mapping[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    headers = dict(extra or {})
    if status == 204 or payload is None:
        return status, headers, b""
    headers["Content-Type"] = "application/json"
    return status, headers, _encode(payload).encode("ascii")


def _authenticate(sandbox: Sandbox, headers: Mapping[str, str]) -> str:
    key = next((v for k, v in headers.items() if k.lower() == API_KEY_HEADER), "").strip()
    if not key:
        raise ApiError(401, {"detail": "Authentication credentials were not provided."})
    tenant = tenant_id(key)
    if sandbox.allowed_tenants is not None and tenant not in sandbox.allowed_tenants:
        raise ApiError(401, {"detail": "Invalid API key."})
    return tenant


def _path_params(op: Operation, raw: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in raw.items():
        value = unquote(value)
        param = op.path_param(name)
        if param is not None and param.type == "integer":
            if not _DIGITS.fullmatch(value) or len(value.lstrip("0")) > 19 or int(value.lstrip("0") or "0") > MAX_DB_INT:
                raise not_found()  # huge ids cannot exist (64-bit keys), like a database-backed service
            out[name] = int(value)
        elif _DIGITS.fullmatch(value) and (len(value.lstrip("0")) > 19 or int(value.lstrip("0") or "0") > MAX_DB_INT):
            raise not_found()  # an id or slug that no 64-bit key can hold
        else:
            out[name] = value
    return out


def _query_params(op: Operation, raw_query: str) -> dict[str, Any]:
    declared = op.declared_query
    if not declared:
        return {}
    given = dict(parse_qsl(raw_query, keep_blank_values=True)) if raw_query else {}  # the last value wins
    out: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for param in declared:
        value = given.get(param.name, "")
        if value == "":
            if param.required:
                errors[param.name] = [REQUIRED]
            continue
        if param.type == "integer":
            if not _INT.fullmatch(value):
                errors[param.name] = ["A valid integer is required."]
                continue
            digits = value.lstrip("-").lstrip("0") or "0"
            if len(digits) > 19 or int(digits) > MAX_DB_INT:
                errors[param.name] = [f"Ensure this value is less than or equal to {MAX_DB_INT}."]
                continue
            out[param.name] = -int(digits) if value.startswith("-") else int(digits)
        elif param.type == "boolean":
            if value.lower() not in _BOOLS:
                errors[param.name] = ["Must be a valid boolean."]
                continue
            out[param.name] = _BOOLS[value.lower()]
        else:
            out[param.name] = value
    if errors:
        raise ApiError(400, errors)
    return out


def seed_tenant(store: Store, tenant: str, now: float) -> None:
    """Give a tenant seen for the first time its own copy of the demo data."""
    with store.transaction():
        if not store.add_tenant(tenant, now):
            return
        for kind, docs in (("project", _seed.PROJECTS), ("agent", _seed.AGENTS), ("scenario", _seed.scenarios())):
            for doc in docs:
                store.put(tenant, kind, dict(doc))
        for metric in _seed.METRICS:
            store.put(tenant, "metric", {"id": metric["id"], **_metrics.DEFAULTS, **metric,
                                         "slug": _metrics.make_slug(str(metric["name"]), int(metric["id"]))})  # type: ignore[call-overload]


def handle(sandbox: Sandbox, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes,
           base_url: str) -> tuple[int, dict[str, str], bytes]:
    # Every answer names its request, as API gateways do (X-Request-Id), for support and logs.
    request_id = {"X-Request-Id": "req_" + os.urandom(16).hex()}  # 32 hex digits, as uuid4().hex
    try:
        status, payload = _dispatch(sandbox, method.upper(), path, query, headers, body, base_url.rstrip("/"))
        return encode(status, payload, request_id)
    except ApiError as exc:
        return encode(exc.status, exc.body, {**request_id, **(exc.headers or {})})
    except Exception:  # a sandbox bug: answer 500 like a server would, and say why in the log
        log.exception("sandbox error on %s %s", method, path)
        return encode(500, {"detail": "Internal sandbox error."}, request_id)


def _dispatch(sandbox: Sandbox, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes,
              base_url: str) -> tuple[int, Any]:
    found = resolve(path, sandbox.strict)
    if found is None:
        raise not_found()
    route, raw_params, plain = found
    tenant = _authenticate(sandbox, headers)
    op = route.operations.get(method)
    if op is None:
        raise ApiError(405, {"detail": f'Method "{method}" not allowed.'},
                       {"Allow": ", ".join(sorted(route.operations))})
    data = None
    if op.body_pointer:
        data = parse_body(headers, body, {"$ref": op.body_pointer}, sandbox.strict)
    store = sandbox.store
    now = sandbox.clock()
    if not store.has_tenant(tenant):
        seed_tenant(store, tenant, now)
    ctx = Ctx(store=store, tenant=tenant, now=now, job_seconds=sandbox.job_seconds,
              base_url=base_url, path=path, raw_query=query, body=data)
    ctx.query = _query_params(op, query)
    ctx.params = _path_params(op, raw_params)
    handler = HANDLERS[op.operation_id]
    if op.operation_id in _ONE_STATEMENT_READS:
        return handler(ctx)  # one SELECT is its own snapshot
    if method in _READS:
        try:
            with store.transaction(write=False):  # a snapshot: never waits for writers
                return handler(ctx)
        except sqlite3.OperationalError as exc:  # a read handler that wrote, and lost the race
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
    with store.transaction():  # SQLite's write lock: writes are serialised, across processes too
        return handler(ctx)


_READS = ("GET", "HEAD", "OPTIONS")
# Handlers that run at most one SELECT and never write: no explicit transaction needed.
_ONE_STATEMENT_READS = frozenset({"metrics_get", "critical_metric_scenarios_get", "predefined_metrics_list",
                                  "predefined_metrics_get"})
