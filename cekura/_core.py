"""The sans-I/O core: every operation is written once, as a generator, and run by two executors.

An operation (a "flow") yields instructions and receives their results:

    Send(request)  -> (httpx.Response | None, exception | None)   one HTTP attempt
    Sleep(seconds) -> None                                          back off / poll interval
    Emit(item)     -> None                                          an item of a lazy iterator

`call(operation_id, **arguments)` is the flow for one API operation: it builds the request
through the generated client (`cekura._generated`), sends it under the retry rules below,
and returns the server's JSON. Resource methods compose such calls with `yield from`.
`cekura._client` drives flows with blocking I/O (`Cekura`) or with asyncio (`AsyncCekura`),
so the sync and async clients are twins by construction.

Retry rules (`RetryPolicy`):
- GET, PUT and DELETE are retried on connection failures, timeouts, malformed answers and
  on 429 / 502 / 503 / 504, with jittered exponential backoff; Retry-After is honoured, capped.
- POST and PATCH are retried only when the request provably never reached the server
  (the connection could not be opened). Otherwise the error says the change may have landed
  (also on a 5xx answer to a write: a gateway may answer after the service applied it).
- A DELETE retried after an attempt that may have landed treats 404 as done.
"""

from __future__ import annotations

import importlib
import json
import random
import time
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from ._errors import (
    APIConnectionError,
    APIResponseError,
    APITimeoutError,
    CekuraError,
    RateLimitError,
    ValidationError,
    error_class_for,
)

GENERATED = "cekura._generated"
# Generated operation ids start with their tag; longest first so `metrics` matches last.
_TAGS = (
    "critical_metric_scenarios",
    "predefined_metrics",
    "metric_reviews",
    "test_sets",
    "results",
    "metrics",
    "calls",
    "runs",
)

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({429, 502, 503, 504})


T = TypeVar("T")
R = TypeVar("R")


@dataclass(slots=True)
class Send:
    request: Any  # httpx.Request
    attempt: int = 0  # 0 for the first attempt of a call, 1 for its first retry, ...


@dataclass(slots=True)
class Sleep:
    seconds: float


@dataclass(slots=True)
class Emit(Generic[T]):
    item: T


#: A flow: yields Send / Sleep / Emit instructions, returns R (the method's result).
Flow = Generator[Any, Any, R]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How failed attempts are retried. `max_retries` extra attempts at most."""

    max_retries: int = 2
    backoff_initial: float = 0.5
    backoff_max: float = 8.0
    retry_after_max: float = 60.0

    def delay(self, retry_number: int, retry_after: float | None = None) -> float:
        if retry_after is not None:
            return max(0.0, min(retry_after, self.retry_after_max))
        base = min(self.backoff_initial * (2**retry_number), self.backoff_max)
        return base * (0.5 + random.random() / 2)  # "equal jitter": between half and all of base


@dataclass(slots=True)
class Context:
    """What every flow needs from the client that runs it."""

    base_url: str
    headers: dict[str, str]
    retry: RetryPolicy
    secret: str | None  # scrubbed from every error message
    build_request: Any  # httpx.Client.build_request or AsyncClient.build_request
    project_id: int | None = None
    # Request options (RequestOptions): the client's defaults, or this call's.
    timeout: float | None = None  # per attempt; None: the http client's own timeout
    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None
    # Observability: the "cekura" logger and the public hooks (see cekura._client).
    log: Any = None  # logging.Logger
    host: str = ""
    on_request: Callable[[Any], None] | None = None
    on_response: Callable[[Any], None] | None = None


def with_request_options(ctx: Context, options: Mapping[str, Any]) -> Context:
    """A copy of `ctx` with this call's RequestOptions (checked before anything is sent)."""
    changes: dict[str, Any] = {}
    for name, value in options.items():
        if value is None:
            continue
        if name in ("timeout", "request_timeout"):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ValidationError(
                    f"{name} must be a positive number of seconds, got {value!r}", errors={name: ["must be > 0"]}
                )
            changes["timeout"] = float(value)
        elif name == "max_retries":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError(
                    f"max_retries must be a whole number >= 0, got {value!r}", errors={name: ["must be >= 0"]}
                )
            changes["retry"] = replace(ctx.retry, max_retries=value)
        else:
            if not isinstance(value, Mapping):
                raise ValidationError(
                    f"{name} must be a dict, got {type(value).__name__}", errors={name: ["expected an object"]}
                )
            if name == "extra_headers":
                bad = [k for k in value if not isinstance(k, str) or k.lower() == "x-cekura-api-key"]
                if bad or not all(isinstance(v, str) for v in value.values()):
                    raise ValidationError(
                        "extra_headers must map header names to strings and cannot set the API key "
                        "(give api_key= to the client)",
                        errors={name: ["invalid header"]},
                    )
            changes[name] = {**(getattr(ctx, name) or {}), **value}
    return replace(ctx, **changes) if changes else ctx


# --------------------------------------------------------------------------- generated layer

_operation_cache: dict[str, Any] = {}


def generated_operation(operation_id: str) -> Any:
    """The generated module of an operation, e.g. `metrics_get` -> api/metrics/metrics_get.py."""
    module = _operation_cache.get(operation_id)
    if module is None:
        tag = next(t for t in _TAGS if operation_id.startswith(t + "_"))
        module = importlib.import_module(f"{GENERATED}.api.{tag}.{operation_id}")
        _operation_cache[operation_id] = module
    return module


def generated_model(name: str) -> type:
    """A generated model class by its schema name, e.g. `MetricWrite`."""
    snake = "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")
    return getattr(importlib.import_module(f"{GENERATED}.models.{snake}"), name)


# --------------------------------------------------------------------------- one API call


def call(
    ctx: Context, operation_id: str, /, *, extra_params: dict[str, Any] | None = None, **arguments: Any
) -> Flow[Any]:
    """Flow: perform one API operation and return the server's JSON (None for 204)."""
    spec = generated_operation(operation_id)._get_kwargs(**arguments)
    return (yield from call_spec(ctx, spec, extra_params=extra_params))


def call_spec(ctx: Context, spec: Mapping[str, Any], /, *, extra_params: dict[str, Any] | None = None) -> Flow[Any]:
    """Flow: send one request described as generated `_get_kwargs` describe them ({"method", "url",
    "params"?, "json"?, "headers"?}), under the retry rules, and return the server's JSON."""
    method = spec["method"].upper()
    path = spec["url"]
    params = spec.get("params") or {}
    if extra_params:
        params = {**params, **extra_params}
    if ctx.extra_query:
        params = {**params, **ctx.extra_query}
    headers = (ctx.headers or None) if "headers" not in spec else {**ctx.headers, **spec["headers"]}
    if ctx.extra_headers:
        headers = {**(headers or {}), **ctx.extra_headers}
    content = None
    if "json" in spec:
        body = spec["json"]
        if ctx.extra_body:
            body = _with_extra(body, ctx.extra_body)
        content = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
    options = {} if ctx.timeout is None else {"timeout": ctx.timeout}
    request = ctx.build_request(
        method, ctx.base_url + path, params=params or None, headers=headers, content=content, **options
    )
    if options:
        request.extensions["cekura_timeout"] = ctx.timeout  # this call's bound on each attempt (cekura._send)
    idempotent = method in IDEMPOTENT_METHODS
    retry = ctx.retry
    log = ctx.log
    attempt = 0
    maybe_applied = False  # did a failed attempt possibly reach the server?
    started = time.perf_counter()
    while True:
        if ctx.on_request is not None:
            ctx.on_request(request)
        sent_at = time.perf_counter()
        response, exc = yield Send(request, attempt)
        took = time.perf_counter() - sent_at
        if response is not None and ctx.on_response is not None:
            ctx.on_response(response)
        if log is not None and log.isEnabledFor(10):
            outcome = f"{type(exc).__name__}" if exc is not None else f"HTTP {response.status_code}"
            log.debug(
                "%s %s -> %s in %.0f ms (attempt %d/%d)", method, request.url.raw_path.decode("ascii", "replace"),
                outcome, took * 1000, attempt + 1, retry.max_retries + 1,
                extra=_fields("attempt", method, path, response, took, attempt),
            )
        retry_after: float | None = None
        if isinstance(exc, CekuraError):  # the executor's own verdict (_send: too large, redirect): final
            exc.method, exc.path = method, path
            raise _scrub(exc, ctx.secret)
        error: CekuraError
        if exc is not None:
            error = _transport_error(exc, method, path, idempotent)
            retryable = idempotent or not error.may_have_reached_server
        else:
            status = response.status_code
            if status in RETRY_STATUSES:
                error = _status_error(response, method, path, idempotent)
                retryable = idempotent
                retry_after = _retry_after(response.headers.get("retry-after"))
            elif 200 <= status < 300:
                if status == 204 or not response.content:
                    _done(log, method, path, response, started, attempt)
                    return None
                try:
                    result = json.loads(response.content)
                except ValueError:
                    error = APIResponseError(
                        f"the server's answer (HTTP {status}) is not valid JSON"
                        + ("" if idempotent else "; the request may have been applied"),
                        status=status,
                        body=_text(response),
                        method=method,
                        path=path,
                        headers=response.headers,
                        request_id=request_id_of(response.headers),
                    )
                    retryable = idempotent
                else:
                    _done(log, method, path, response, started, attempt)
                    return result
            elif status == 404 and method == "DELETE" and maybe_applied:
                _done(log, method, path, response, started, attempt)
                return None  # an earlier attempt deleted it; its answer was lost on the way
            else:
                _done(log, method, path, response, started, attempt)
                raise _scrub(_status_error(response, method, path, idempotent), ctx.secret)
        # Reached the server but its answer was lost or garbled (or a gateway gave up on it).
        maybe_applied = maybe_applied or (
            getattr(error, "may_have_reached_server", True) if exc is not None else response.status_code in (200, 502, 504)
        )
        if not retryable or attempt >= retry.max_retries:
            if attempt:
                error.message += f" (gave up after {attempt + 1} attempts)"
            if log is not None and log.isEnabledFor(20):
                log.info(
                    "%s %s failed after %d attempt(s): %s", method, path, attempt + 1, error.message,
                    extra=_fields("failed", method, path, response, time.perf_counter() - started, attempt),
                )
            raise _scrub(error, ctx.secret)
        delay = retry.delay(attempt, retry_after)
        if log is not None and log.isEnabledFor(20):
            log.info(
                _retry_notice(ctx.host, error, response, took, attempt, retry.max_retries, delay),
                extra={**_fields("retry", method, path, response, took, attempt), "cekura_delay": delay},
            )
        yield Sleep(delay)
        attempt += 1


def _with_extra(body: Any, extra: Mapping[str, Any]) -> Any:
    """extra_body merged into a JSON object body, or into each object of a list body."""
    if isinstance(body, dict):
        return {**body, **extra}
    if isinstance(body, list):
        return [{**item, **extra} if isinstance(item, dict) else item for item in body]
    return body


def request_id_of(headers: Any) -> str | None:
    """The request id a response carries, if the server sends one."""
    if headers is None:
        return None
    value = headers.get("x-request-id") or headers.get("request-id")
    return str(value) if value else None


def _fields(event: str, method: str, path: str, response: Any, seconds: float, attempt: int) -> dict[str, Any]:
    return {
        "cekura_event": event,
        "cekura_method": method,
        "cekura_path": path,
        "cekura_status": None if response is None else response.status_code,
        "cekura_elapsed_ms": round(seconds * 1000, 1),
        "cekura_attempt": attempt + 1,
    }


def _done(log: Any, method: str, path: str, response: Any, started: float, attempt: int) -> None:
    if log is not None and log.isEnabledFor(20):
        took = time.perf_counter() - started
        log.info(
            "%s %s: HTTP %d in %.0f ms%s", method, path, response.status_code, took * 1000,
            f" ({attempt} retries)" if attempt else "",
            extra=_fields("response", method, path, response, took, attempt),
        )


def _seconds(value: float) -> str:
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def _retry_notice(
    host: str, error: CekuraError, response: Any, took: float, attempt: int, retries: int, delay: float
) -> str:
    """The one line a retry is announced with (the CLI shows it on stderr)."""
    counter = f"retrying ({attempt + 2}/{retries + 1}) in {_seconds(delay)} s"
    if isinstance(error, APIConnectionError):
        if not error.may_have_reached_server:
            return f"could not connect to {host}; {counter}"
        if isinstance(error, APITimeoutError):
            return f"no answer from {host} after {_seconds(took)} s; {counter}"
        return f"the connection to {host} failed before an answer arrived; {counter}"
    status = response.status_code
    if 200 <= status < 300:
        return f"unreadable answer (HTTP {status}, not JSON) from {host}; {counter}"
    return f"HTTP {status} from {host}; {counter}"


def _transport_error(exc: BaseException, method: str, path: str, idempotent: bool) -> APIConnectionError:
    import httpx

    origin = exc
    never_arrived = isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))
    is_timeout = isinstance(exc, (httpx.TimeoutException, TimeoutError))
    if not type(exc).__module__.startswith("aiohttp") and exc.__cause__ is not None:
        origin = exc.__cause__
    if type(origin).__module__.startswith("aiohttp"):
        # httpx-aiohttp maps every aiohttp connection error to ConnectTimeout, including a
        # connection dropped after the request was sent: judge by aiohttp's own class instead.
        kinds = {klass.__name__ for klass in type(origin).__mro__}
        never_arrived = bool(kinds & {"ClientConnectorError", "ConnectionTimeoutError"})
        is_timeout = bool(kinds & {"ServerTimeoutError", "TimeoutError"})
    else:
        origin = exc
    if never_arrived:
        what = "could not connect to the server; the request was not sent"
    elif idempotent:
        what = "no complete answer in time" if is_timeout else "the connection failed before an answer arrived"
    else:
        what = (
            ("no complete answer in time" if is_timeout else "the connection failed")
            + " after the request was sent: the server may or may not have "
            "applied it; check (e.g. list or get) before trying again"
        )
    cls = APITimeoutError if is_timeout else APIConnectionError
    if cls is APITimeoutError:
        what = "timed out; " + what
    return cls(
        f"{what} ({type(origin).__name__})",
        method=method,
        path=path,
        may_have_reached_server=not never_arrived,
    )


def _text(response: Any) -> str:
    """The whole body as text (kept on the error; messages show only an excerpt)."""
    return response.content.decode("utf-8", "replace")


EXCERPT = 500  # characters of a body an error message may quote


def _excerpt(text: str, limit: int = EXCERPT, squeeze: bool = False, whole: str = "body") -> str:
    """`text`, or its first `limit` characters and a mark saying how much was left out."""
    head = " ".join(text[:limit].split()) if squeeze else text[:limit]
    if len(text) <= limit:
        return head
    return f"{head}… ({len(text) - limit:,} more characters; the full {whole} is on the error's .{whole})"


def _status_error(response: Any, method: str, path: str, idempotent: bool = True) -> CekuraError:
    status = response.status_code
    try:
        body: Any = json.loads(response.content) if response.content else None
    except ValueError:
        body = _text(response)
    cls = error_class_for(status)
    message = _describe(body, status)
    if status >= 500 and not idempotent:
        # A gateway may answer 5xx after the service applied the write: say so, never resend.
        message += "; the server may or may not have applied the request: check before trying again"
    kwargs: dict[str, Any] = {
        "status": status,
        "body": body,
        "method": method,
        "path": path,
        "headers": response.headers,
        "request_id": request_id_of(response.headers),
    }
    if cls is ValidationError:
        errors = _field_errors(body, message)
        if isinstance(body, list):
            message = _describe(errors, status)
        return ValidationError(message, errors=errors, **kwargs)
    if cls is RateLimitError:
        return RateLimitError(
            message, retry_after=_retry_after(response.headers.get("retry-after")), **kwargs
        )
    return cls(message, **kwargs)


def _field_errors(body: Any, message: str) -> dict[str, Any]:
    """A 400 body as one field map; a bulk answer's per-item maps become `[i].field` keys."""
    if isinstance(body, dict):
        return body
    if isinstance(body, list) and all(isinstance(item, dict) for item in body):
        return {f"[{i}].{field}": msgs for i, item in enumerate(body) for field, msgs in item.items()}
    return {"non_field_errors": body if isinstance(body, list) else [message]}


def _describe(body: Any, status: int) -> str:
    """One line that says what the server said: at most an excerpt of the body (see `_excerpt`)."""
    prefix = f"HTTP {status}"
    if isinstance(body, dict):
        if isinstance(body.get("detail"), str):
            return f"{prefix}: {_excerpt(body['detail'])}"
        parts = []
        for field, messages in body.items():
            if isinstance(messages, list):
                messages = "; ".join(str(m) for m in messages)
            parts.append(f"{field}: {messages}")
        return f"{prefix}: " + _excerpt(" | ".join(parts)) if parts else prefix
    if isinstance(body, list):
        return f"{prefix}: {_excerpt(json.dumps(body), 300)}"
    if isinstance(body, str) and body.strip():
        return f"{prefix}: {_excerpt(body, squeeze=True)}"
    return prefix


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    import email.utils  # only for the rare HTTP-date form; ~8 ms to import

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _scrub(error: CekuraError, secret: str | None) -> CekuraError:
    """Remove the API key from everything an error carries (a server may echo it back)."""
    if secret and len(secret) >= 4:
        error.message = _without(error.message, secret)
        # An excerpt may end part way into the key ("…sk-live-12… (N more characters"): hide that part too.
        for n in range(len(secret) - 1, 3, -1):
            if secret[:n] + "…" in error.message:
                error.message = error.message.replace(secret[:n] + "…", "***…")
        error.body = _without(error.body, secret)
        if isinstance(error, ValidationError):
            error.errors = _without(error.errors, secret)
        if error.headers is not None and any(secret in str(v) for v in error.headers.values()):
            error.headers = {k: _without(str(v), secret) for k, v in error.headers.items()}
        error.args = (error.message,)
    return error


def _without(value: Any, secret: str) -> Any:
    if isinstance(value, str):
        return value.replace(secret, "***")
    if isinstance(value, dict):
        return {_without(k, secret): _without(v, secret) for k, v in value.items()}
    if isinstance(value, list):
        return [_without(v, secret) for v in value]
    return value


# --------------------------------------------------------------------------- input checks


def body_through_model(model_name: str, data: Any, *, label: str = "body") -> Any:
    """Check a JSON body against a generated model and serialise it through that model.

    Fields are checked for type, enum value and presence; a field the schema does not know
    is refused with a did-you-mean (`UnknownArgumentError`): send fields the SDK does not know
    yet with the `extra_body` request option. Raises before anything is sent.
    """
    if not isinstance(data, dict):
        raise ValidationError(
            f"{label} must be a JSON object (a dict), got {type(data).__name__}",
            errors={label: ["expected an object"]},
        )
    cls: Any = generated_model(model_name)
    known, _ = _model_fields(cls)
    for name in data:
        if name not in known:
            from ._errors import unknown_argument
            from ._vocabulary import FIELD_ALIASES

            aliases = [doc for doc, wire in FIELD_ALIASES.items() if wire in known]
            raise unknown_argument(name, [*known, *aliases], label, kind="field")
    errors = check_fields(cls, data)
    if errors:
        raise ValidationError(_errors_line(label, errors), errors=errors)
    return cls.from_dict(data)


def _errors_line(label: str, errors: dict[str, list[str]]) -> str:
    parts = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in errors.items())
    return f"invalid {label}: {parts}"


_hints_cache: dict[type, tuple[dict[str, Any], frozenset[str]]] = {}


def _model_fields(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    cached = _hints_cache.get(cls)
    if cached is None:
        import typing

        import attrs

        # Nested models are imported under TYPE_CHECKING in generated code: resolve them here.
        hints = typing.get_type_hints(cls, localns=_ModelNamespace())
        fields = {}
        required = set()
        for field in attrs.fields(cls):
            if field.name == "additional_properties":
                continue
            wire = field.name[:-1] if field.name.endswith("_") else field.name
            fields[wire] = hints[field.name]
            if field.default is attrs.NOTHING:
                required.add(wire)
        cached = _hints_cache[cls] = (fields, frozenset(required))
    return cached


class _ModelNamespace(dict[str, Any]):
    """Names of the generated models, loaded on lookup (the models package imports lazily)."""

    def __missing__(self, name: str) -> Any:
        try:
            return getattr(importlib.import_module(f"{GENERATED}.models"), name)
        except AttributeError:
            raise KeyError(name) from None


def check_fields(cls: type, data: dict[str, Any]) -> dict[str, list[str]]:
    fields, required = _model_fields(cls)
    errors: dict[str, list[str]] = {}
    for name in sorted(required):
        if name not in data:
            errors[name] = ["This field is required."]
    for name, value in data.items():
        hint = fields.get(name)
        if hint is None:
            continue
        problem = _type_problem(value, hint)
        if problem:
            errors[name] = [problem]
    return errors


def _type_problem(value: Any, hint: Any) -> str | None:
    """None if `value` fits the annotation `hint`, else a message."""
    if _fits(value, hint):
        return None
    choices = _enum_choices(hint)
    if choices and isinstance(value, str):
        return f'"{value}" is not a valid choice; expected one of: {", ".join(choices)}'
    return f"expected {_describe_hint(hint)}, got {_describe_value(value)}"


def _fits(value: Any, hint: Any) -> bool:
    import enum
    import types
    import typing

    from ._generated.types import Unset

    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, arg) for arg in typing.get_args(hint))
    if hint is Any:
        return True
    if hint is type(None):
        return value is None
    if hint is Unset:
        return False
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        return isinstance(value, list) and all(_fits(v, item) for v in value)
    if origin is dict or hint is dict:
        return isinstance(value, dict)
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return any(value == member.value for member in hint)
    if isinstance(hint, type) and hasattr(hint, "from_dict"):
        return isinstance(value, dict)
    return True  # a type we do not check (dates etc.): leave it to the server


def _enum_choices(hint: Any) -> list[str]:
    import enum
    import typing

    for arg in (hint, *typing.get_args(hint)):
        if isinstance(arg, type) and issubclass(arg, enum.Enum):
            return [str(m.value) for m in arg]
    return []


def _describe_hint(hint: Any) -> str:
    import enum
    import typing

    from ._generated.types import Unset

    args = [a for a in (typing.get_args(hint) or (hint,)) if a is not Unset]
    names = []
    for arg in args:
        origin = typing.get_origin(arg)
        if arg is type(None):
            names.append("null")
        elif origin is list:
            (item,) = typing.get_args(arg) or (Any,)
            names.append(f"a list of {_PLURALS.get(item, _describe_hint(item))}")
        elif isinstance(arg, type) and issubclass(arg, enum.Enum):
            names.append("one of " + ", ".join(str(m.value) for m in arg))
        elif arg is int:
            names.append("an integer")
        elif arg is str:
            names.append("a string")
        elif arg is bool:
            names.append("true or false")
        elif arg is float:
            names.append("a number")
        elif origin is dict or arg is dict or hasattr(arg, "from_dict"):
            names.append("an object")
        else:
            names.append(getattr(arg, "__name__", str(arg)))
    return " or ".join(names)


_PLURALS = {int: "integers", str: "strings", bool: "booleans", float: "numbers"}


def _describe_value(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "an object"
    text = repr(value)
    return f"{type(value).__name__} {text[:40]}"


def positive_id(value: Any, name: str) -> int:
    """A numeric id: a positive int (or a string of digits). Anything else is refused."""
    if isinstance(value, bool):
        raise ValidationError(
            f"{name} must be a positive integer, got {value!r}", errors={name: ["must be a positive integer"]}
        )
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
        number = int(value.strip())
    else:
        raise ValidationError(
            f"{name} must be a positive integer, got {value!r}", errors={name: ["must be a positive integer"]}
        )
    if number <= 0 or number > 2**63 - 1:
        raise ValidationError(
            f"{name} must be a positive integer, got {value!r}", errors={name: ["must be a positive integer"]}
        )
    return number


def id_or_slug(value: Any, name: str) -> str:
    """A metric id or slug: digits, or letters/digits/_/- (never `/` or `..`)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(positive_id(value, name))
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit():
            return str(positive_id(text, name))
        if text and text.isascii() and all(c.isalnum() or c in "_-" for c in text) and text[0].isalpha():
            return text
    raise ValidationError(
        f"{name} must be a positive integer id or a slug (letters, digits, _ and -), got {value!r}",
        errors={name: ["must be a positive integer id or a slug"]},
    )


def id_list(value: Any, name: str) -> list[int]:
    """A list of positive ids (a single id or a comma-separated string is accepted too)."""
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        value = [v for v in str(value).split(",") if v.strip()] if isinstance(value, str) else [value]
    if not isinstance(value, (list, tuple)):
        raise ValidationError(
            f"{name} must be a list of ids, got {type(value).__name__}",
            errors={name: ["expected a list of ids"]},
        )
    return [positive_id(v, f"{name}[{i}]") for i, v in enumerate(value)]
