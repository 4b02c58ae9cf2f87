"""How a resource method is typed, and how it is built from its one flow.

Every API method is written once, as a flow (`def get(self, ctx, metric_id, ...) -> Flow[Metric]`,
see `cekura._core`). `@operation` turns it into a descriptor that hands out, depending on the
client that owns the resource:

    Cekura().metrics.get                          def get(...) -> Metric
    AsyncCekura().metrics.get                     async def get(...) -> Metric
    Cekura().metrics.with_raw_response.get        def get(...) -> RawResponse[Metric]
    AsyncCekura().metrics.with_raw_response.get   async def get(...) -> RawResponse[Metric]

For type checkers this is spelled with a ParamSpec: the flow's own parameters, minus `self`
and `ctx`, are the method's; its `Flow[R]` return is the method's `R` (a coroutine of `R` for
the async client). The resource classes are generic in a *mode* (`Sync`, `Async`, `Raw[Sync]`,
`Raw[Async]`) that the client fixes, and the descriptor's overloaded `__get__` reads it.

At run time the four methods are plain functions made once per operation (async ones are
`async def`), so `inspect.iscoroutinefunction`, `inspect.signature` and `help()` tell the truth.
Their `__signature__` is computed on first inspection only (nothing is paid at import or on a
call): the flow's parameters without `ctx`, its `**options` / `**fields` TypedDicts expanded
into keyword-only parameters, and the evaluated return type.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable, Coroutine, Generator, Iterator, Mapping
from types import MethodType
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypedDict, TypeVar, overload

from ._core import Context, Emit, Flow, Send, Sleep
from ._modes import Async as Async
from ._modes import HasMode as HasMode
from ._modes import M as M
from ._modes import Raw as Raw
from ._modes import Sync as Sync

if TYPE_CHECKING:
    import inspect

    from ._response import RawResponse

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

#: The generator of a paginated flow: it emits items of type T (a flow is `Flow[R]`, see _core).
PageFlow = Generator[Emit[T] | Send | Sleep, Any, None]


class RequestOptions(TypedDict, total=False):
    """Options every method takes, for this one call (openai-python's names)."""

    extra_headers: Mapping[str, str] | None
    """More headers, sent as given (they override the SDK's, never the API key)."""
    extra_query: Mapping[str, Any] | None
    """More query parameters, sent as given."""
    extra_body: Mapping[str, Any] | None
    """More JSON fields, merged into every JSON body the call sends (for fields the spec lacks)."""
    timeout: float | None
    """Seconds each HTTP attempt may take (the client's default otherwise)."""
    max_retries: int | None
    """Retries for this call (the client's default otherwise)."""


class JobRequestOptions(TypedDict, total=False):
    """RequestOptions of methods that wait for a job: `timeout` there bounds the wait, so the
    per-attempt HTTP timeout is called `request_timeout`."""

    extra_headers: Mapping[str, str] | None
    extra_query: Mapping[str, Any] | None
    extra_body: Mapping[str, Any] | None
    request_timeout: float | None
    """Seconds each HTTP attempt may take (`timeout` bounds the whole wait in these methods)."""
    max_retries: int | None


OPTION_NAMES = frozenset({"extra_headers", "extra_query", "extra_body", "timeout", "request_timeout", "max_retries"})


class _Omitted:
    """Default of a keyword that is simply left out of the request when not given."""

    def __repr__(self) -> str:
        return "<omitted>"


OMITTED: Any = _Omitted()


# --------------------------------------------------------------------------- the descriptors


class _Method:
    """What both kinds of resource method share: the methods made from one flow, one per mode
    (sync, async, raw sync, raw async), and the flow's name and docs."""

    __slots__ = ("_methods", "__dict__")

    def __init__(self, methods: tuple[Callable[..., Any], ...], flow_fn: Callable[..., Any]) -> None:
        self._methods = methods
        self.__doc__ = flow_fn.__doc__
        self.__name__ = flow_fn.__name__
        self.__qualname__ = flow_fn.__qualname__
        self.__module__ = flow_fn.__module__
        self.__wrapped__ = flow_fn

    def _bind(self, obj: Any) -> Any:
        if obj is None:
            return self._methods[0]
        return MethodType(self._methods[obj._mode], obj)


class Operation(_Method, Generic[P, R]):
    """A resource method made from one flow (see the module docstring)."""

    __slots__ = ()

    @overload
    def __get__(self, obj: None, owner: Any) -> Callable[..., Any]: ...
    @overload
    def __get__(self, obj: HasMode[Sync], owner: Any) -> Callable[P, R]: ...
    @overload
    def __get__(self, obj: HasMode[Async], owner: Any) -> Callable[P, Coroutine[Any, Any, R]]: ...
    @overload
    def __get__(self, obj: HasMode[Raw[Sync]], owner: Any) -> Callable[P, RawResponse[R]]: ...
    @overload
    def __get__(
        self, obj: HasMode[Raw[Async]], owner: Any
    ) -> Callable[P, Coroutine[Any, Any, RawResponse[R]]]: ...
    def __get__(self, obj: Any, owner: Any) -> Any:
        return self._bind(obj)


class Paginator(_Method, Generic[P, T]):
    """A resource method that walks every page lazily: an iterator (sync) or async iterator."""

    __slots__ = ()

    @overload
    def __get__(self, obj: None, owner: Any) -> Callable[..., Any]: ...
    @overload
    def __get__(self, obj: HasMode[Sync], owner: Any) -> Callable[P, Iterator[T]]: ...
    @overload
    def __get__(self, obj: HasMode[Async], owner: Any) -> Callable[P, AsyncIterator[T]]: ...
    @overload
    def __get__(self, obj: HasMode[Raw[Sync]], owner: Any) -> Callable[P, Iterator[RawResponse[dict[str, Any]]]]: ...
    @overload
    def __get__(
        self, obj: HasMode[Raw[Async]], owner: Any
    ) -> Callable[P, AsyncIterator[RawResponse[dict[str, Any]]]]: ...
    def __get__(self, obj: Any, owner: Any) -> Any:
        return self._bind(obj)


# --------------------------------------------------------------------------- the decorators


def operation(flow_fn: Callable[Concatenate[Any, Context, P], Flow[R]]) -> Operation[P, R]:
    """Turn a flow into a resource method: see the module docstring."""
    prepare = _preparer(flow_fn)

    def method(self: Any, /, *args: Any, **kwargs: Any) -> Any:
        return self._client._run(prepare(self, args, kwargs))

    async def async_method(self: Any, /, *args: Any, **kwargs: Any) -> Any:
        return await self._client._run(prepare(self, args, kwargs))

    def raw_method(self: Any, /, *args: Any, **kwargs: Any) -> Any:
        return self._client._run_raw(prepare(self, args, kwargs))

    async def async_raw_method(self: Any, /, *args: Any, **kwargs: Any) -> Any:
        return await self._client._run_raw(prepare(self, args, kwargs))

    methods = (method, async_method, raw_method, async_raw_method)
    for fn, raw in zip(methods, (False, False, True, True), strict=True):
        _describe(fn, flow_fn, raw=raw)
    return Operation(methods, flow_fn)


def paginator(flow_fn: Callable[Concatenate[Any, Context, P], PageFlow[T]]) -> Paginator[P, T]:
    """Turn an item-emitting flow into a lazy iterator (sync) or async iterator (async)."""
    prepare = _preparer(flow_fn)

    def method(self: Any, /, *args: Any, **kwargs: Any) -> Any:
        return self._client._iterate(prepare(self, args, kwargs))

    def async_method(self: Any, /, *args: Any, **kwargs: Any) -> Any:  # AsyncCekura._iterate: an async generator
        return self._client._iterate(prepare(self, args, kwargs))

    def raw_method(self: Any, /, *args: Any, **kwargs: Any) -> Any:  # one RawResponse per page
        return self._client._iterate(prepare(self, args, kwargs), raw=True)

    def async_raw_method(self: Any, /, *args: Any, **kwargs: Any) -> Any:
        return self._client._iterate(prepare(self, args, kwargs), raw=True)

    methods = (method, async_method, raw_method, async_raw_method)
    for fn, raw, is_async in zip(methods, (False, False, True, True), (False, True, False, True), strict=True):
        _describe(fn, flow_fn, raw=raw, iterator=True, is_async=is_async)
    return Paginator(methods, flow_fn)



def _preparer(flow_fn: Callable[..., Any]) -> Callable[[Any, tuple[Any, ...], dict[str, Any]], Any]:
    """(resource, args, kwargs) -> the flow to run, with this call's options in its context.

    Keywords the method does not know are refused here, before anything is sent. Methods
    whose flow takes `**fields` check those against the operation's schema themselves.
    """
    code = flow_fn.__code__
    named = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
    positional_only = set(named[: code.co_posonlyargcount])
    # `**options: Unpack[RequestOptions]` takes only the request options; any other `**fields`
    # goes to the operation's schema, which refuses unknown fields itself (body_through_model).
    has_varkw = bool(code.co_flags & 0x08)  # CO_VARKEYWORDS
    varkw = code.co_varnames[len(named) + bool(code.co_flags & 0x04)] if has_varkw else None
    accepts_more = has_varkw and varkw != "options"
    own = frozenset(named[2:]) - positional_only  # without self, ctx
    options = OPTION_NAMES - own
    if "timeout" in own:  # a job-waiting method: its `timeout` bounds the wait
        options = options - {"timeout"}
    else:
        options = options - {"request_timeout"}
    allowed = own | options
    owner, _, method_name = flow_fn.__qualname__.rpartition(".")
    name = "".join("_" + c.lower() if c.isupper() else c for c in owner).lstrip("_") + "." + method_name

    def prepare(resource: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        ctx = resource._client._context()
        if kwargs:
            if not accepts_more:
                for key in kwargs:
                    if key not in allowed:
                        from ._errors import unknown_argument

                        raise unknown_argument(key, allowed, f"{name}()")
            if not options.isdisjoint(kwargs):
                from ._core import with_request_options

                ctx = with_request_options(ctx, {k: kwargs.pop(k) for k in options & kwargs.keys()})
        return flow_fn(resource, ctx, *args, **kwargs)

    return prepare


def _describe(
    fn: Callable[..., Any],
    flow_fn: Callable[..., Any],
    *,
    raw: bool,
    iterator: bool = False,
    is_async: bool = False,
) -> None:
    functools.update_wrapper(fn, flow_fn)
    fn.__wrapped__ = _LazySignature(flow_fn, raw=raw, iterator=iterator, is_async=is_async)  # type: ignore[attr-defined]


class _LazySignature:
    """Stands between a method and its flow so that `inspect.signature` finds the method's
    public signature (computed once, when first asked for) instead of the flow's."""

    def __init__(self, flow_fn: Callable[..., Any], *, raw: bool, iterator: bool, is_async: bool) -> None:
        self.__wrapped__ = flow_fn
        self._raw = raw
        self._iterator = iterator
        self._async = is_async
        self._signature: inspect.Signature | None = None

    @property
    def __signature__(self) -> inspect.Signature:
        if self._signature is None:
            self._signature = public_signature(
                self.__wrapped__, raw=self._raw, iterator=self._iterator, is_async=self._async
            )
        return self._signature


def public_signature(
    flow_fn: Callable[..., Any], *, raw: bool = False, iterator: bool = False, is_async: bool = False
) -> inspect.Signature:
    """The signature a user sees: `self`, the flow's parameters without `ctx`, every
    `**name: Unpack[SomeTypedDict]` expanded into keyword-only parameters, and the result type."""
    import inspect
    import typing

    hints = type_hints(flow_fn)
    sig = inspect.signature(flow_fn, follow_wrapped=False)
    params: list[inspect.Parameter] = []
    expanded: list[inspect.Parameter] = []
    for param in sig.parameters.values():
        if param.name == "ctx":
            continue
        hint = hints.get(param.name, param.annotation)
        if param.kind is param.VAR_KEYWORD and typing.get_origin(hint) is typing.Unpack:
            (typed_dict,) = typing.get_args(hint)
            for key, value in typing.get_type_hints(typed_dict).items():
                default = None if key in OPTION_NAMES else OMITTED
                expanded.append(inspect.Parameter(key, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=value))
            continue
        params.append(param.replace(annotation=hint))
    names = {p.name for p in params}
    params.extend(p for p in expanded if p.name not in names)
    result: Any = hints.get("return", sig.return_annotation)
    args = typing.get_args(result)
    if iterator:
        union = args[0] if args else Any
        emit = next((a for a in typing.get_args(union) if typing.get_origin(a) is Emit), None)
        item = typing.get_args(emit)[0] if emit is not None else Any
        if raw:
            from ._response import RawResponse

            item = RawResponse[dict[str, Any]]
        result = (AsyncIterator if is_async else Iterator)[item]
    else:
        result = args[2] if len(args) == 3 else Any
        if raw:
            from ._response import RawResponse

            result = RawResponse[result]
    return sig.replace(parameters=params, return_annotation=result)


def type_hints(fn: Callable[..., Any]) -> dict[str, Any]:
    """`typing.get_type_hints` of a flow, with the names it imports only for type checkers."""
    import importlib
    import typing

    from . import _core

    namespace: dict[str, Any] = {}
    namespace.update(vars(importlib.import_module("cekura.types")))
    namespace.update(vars(importlib.import_module(__name__)))
    namespace.update({n: getattr(_core, n) for n in ("Context", "Send", "Sleep", "Emit", "Flow")})
    from ._response import RawResponse

    namespace["RawResponse"] = RawResponse
    return typing.get_type_hints(fn, globalns={**namespace, **fn.__globals__}, include_extras=True)
