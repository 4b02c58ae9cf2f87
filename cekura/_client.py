"""`Cekura` and `AsyncCekura`: the same resources, run by a blocking or an asyncio executor.

Nothing heavy is imported until the first request: constructing a client resolves the
configuration and nothing else. httpx and the generated client load on first use.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Generic

from . import _config
from ._core import Context, Emit, Flow, RetryPolicy, Send, Sleep
from ._errors import ConfigurationError
from ._modes import Async, M, Sync
from ._version import __version__

if TYPE_CHECKING:
    from types import EllipsisType
    from typing import Self

    import httpx

    from ._response import RawResponse
    from .resources import (
        Calls,
        CriticalMetricScenarios,
        MetricReviews,
        Metrics,
        PredefinedMetrics,
        Results,
        Runs,
        TestSets,
    )

SANDBOX_BASE = "http://sandbox.local"
#: Seconds allowed to open a connection (the timeout, when shorter, bounds it too).
CONNECT_TIMEOUT = 5.0
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024  # = cekura._send.DEFAULT_MAX_RESPONSE_BYTES (kept lazy)


class _BaseClient(Generic[M]):
    _async = False

    def __init__(
        self,
        *,
        api_key: str | None = None,
        api_url: str | None = None,
        project_id: int | None = None,
        timeout: float = 30.0,
        max_retries: int = 2,
        http_client: Any = None,
        retry_policy: RetryPolicy | None = None,
        max_response_bytes: int | None | EllipsisType = ...,
        allow_insecure_http: bool | None = None,
        on_request: Callable[[httpx.Request], None] | None = None,
        on_response: Callable[[httpx.Response], None] | None = None,
        profile: str | None = None,
    ) -> None:
        """Create a client.

        Settings resolve as: argument > environment (CEKURA_API_KEY, CEKURA_API_URL,
        CEKURA_PROJECT_ID) > ~/.cekura/config.toml > default (https://api.cekura.ai).
        `api_url="sandbox://"` runs against the embedded offline sandbox (no key needed).
        `http_client` may be your own httpx.Client / httpx.AsyncClient (proxies, transports,
        event hooks); the SDK then never closes it.
        `on_request(request)` is called before every HTTP attempt (retries included) and
        `on_response(response)` after every answer, with the httpx objects; plain callables
        for both clients. Logging: `logging.getLogger("cekura")`, or `CEKURA_LOG=debug|info`.
        `profile` (or CEKURA_PROFILE) reads the config file's `[profiles.NAME]` section instead
        of its top level.

        Bounds (see `cekura._send`): `timeout` covers each attempt whole, from connecting to the
        last byte, so a call takes at most (max_retries + 1) x timeout plus the backoff between
        attempts. `max_response_bytes` (default 64 MiB, counted after decompression; None lifts
        it; env CEKURA_MAX_RESPONSE_BYTES, 0 lifts it) caps an answer. Redirects are never
        followed. A plain http:// api_url to a host other than this machine is refused unless
        `allow_insecure_http=True` (or CEKURA_ALLOW_INSECURE_HTTP=1, or the config file's
        `allow_insecure_http = true`).
        """
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
            raise ConfigurationError(f"timeout must be a positive number of seconds, got {timeout!r}")
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
            raise ConfigurationError(f"max_retries must be a whole number >= 0, got {max_retries!r}")
        for name, hook in (("on_request", on_request), ("on_response", on_response)):
            if hook is not None and not callable(hook):
                raise ConfigurationError(f"{name} must be a callable, got {type(hook).__name__}")
            if hook is not None:
                import inspect

                if inspect.iscoroutinefunction(hook):
                    raise ConfigurationError(f"{name} must be a plain function (it is called, not awaited)")
        self._settings = _config.resolve(api_key=api_key, api_url=api_url, project_id=project_id, profile=profile)
        _config.refuse_cleartext(self._settings, allow_insecure_http)
        self.max_response_bytes = _config.max_response_bytes(max_response_bytes, DEFAULT_MAX_RESPONSE_BYTES)
        self.timeout = float(timeout)
        self.retry_policy = retry_policy or RetryPolicy(max_retries=max_retries)
        self._http = http_client
        self._owns_http = http_client is None
        self._ctx: Context | None = None
        self._origin: tuple[str, str, int | None] | None = None  # set with the context (cekura._send)
        self._resources: dict[str, Any] = {}
        self._hooks = (on_request, on_response)
        if os.environ.get("CEKURA_LOG"):
            from ._logs import configure_from_env

            configure_from_env()

    def with_options(
        self,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        retry_policy: RetryPolicy | None = None,
    ) -> Self:
        """A copy of this client with other defaults, sharing its connection pool.

        `client.with_options(timeout=5, max_retries=0).metrics.get(55)`. Closing the copy
        leaves the pool open; closing the original closes it for both.
        """
        if timeout is not None and (
            isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0
        ):
            raise ConfigurationError(f"timeout must be a positive number of seconds, got {timeout!r}")
        if max_retries is not None and (
            isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0
        ):
            raise ConfigurationError(f"max_retries must be a whole number >= 0, got {max_retries!r}")
        ctx = self._context()  # creates the pool now, so that the copy shares it
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone._owns_http = False
        clone._resources = {}
        policy = retry_policy or self.retry_policy
        if max_retries is not None:
            policy = replace(policy, max_retries=max_retries)
        clone.retry_policy = policy
        if timeout is not None:
            clone.timeout = float(timeout)
        clone._ctx = replace(ctx, retry=policy, timeout=ctx.timeout if timeout is None else float(timeout))
        return clone

    # -- settings (read-only views; the key is never shown) --------------------------------
    @property
    def api_url(self) -> str:
        return self._settings.api_url

    @property
    def project_id(self) -> int | None:
        return self._settings.project_id

    @property
    def max_retries(self) -> int:
        return self.retry_policy.max_retries

    def __repr__(self) -> str:
        return f"{type(self).__name__}(api_url={self.api_url!r}, api_key={_config.mask(self._settings.api_key)!r})"

    # -- resources ---------------------------------------------------------------------------
    def _resource(self, name: str) -> Any:
        res = self._resources.get(name)
        if res is None:
            from . import resources

            res = self._resources[name] = getattr(resources, name)(self)
        return res

    @property
    def metrics(self) -> Metrics[M]:
        return self._resource("Metrics")

    @property
    def predefined_metrics(self) -> PredefinedMetrics[M]:
        return self._resource("PredefinedMetrics")

    @property
    def critical_metric_scenarios(self) -> CriticalMetricScenarios[M]:
        return self._resource("CriticalMetricScenarios")

    @property
    def metric_reviews(self) -> MetricReviews[M]:
        return self._resource("MetricReviews")

    # beyond the page (issue #11): scoring calls and runs, votes, Labs test sets
    @property
    def calls(self) -> Calls[M]:
        return self._resource("Calls")

    @property
    def runs(self) -> Runs[M]:
        return self._resource("Runs")

    @property
    def results(self) -> Results[M]:
        return self._resource("Results")

    @property
    def test_sets(self) -> TestSets[M]:
        return self._resource("TestSets")

    # -- plumbing ----------------------------------------------------------------------------
    def _context(self) -> Context:
        if self._ctx is None:
            httpx = _import_httpx()
            settings = self._settings
            base = SANDBOX_BASE if settings.sandbox else settings.api_url
            headers = {
                "X-CEKURA-API-KEY": settings.api_key or "",
                "User-Agent": f"cekura-metrics-sdk/{__version__} python/{sys.version_info[0]}.{sys.version_info[1]} "
                f"httpx/{httpx.__version__}",
                "Accept": "application/json",
                "Accept-Encoding": "gzip, deflate",  # all that cekura._send decodes (in bounded slices)
            }
            owned = self._http is None
            http = self._http_client(headers)
            from ._send import install_deadlines, origin_of

            self._origin = origin_of(base)  # the key goes there and nowhere else
            if not self._async:
                install_deadlines(http)  # every socket wait ends by the attempt's deadline
            import logging

            self._ctx = Context(
                base_url=base,
                # A client of our own carries these headers once; one given to us gets them per request.
                headers={} if owned else headers,
                retry=self.retry_policy,
                secret=settings.api_key,
                build_request=http.build_request,
                project_id=settings.project_id,
                log=logging.getLogger("cekura"),
                host=base.split("://", 1)[-1].split("/", 1)[0],
                on_request=self._hooks[0],
                on_response=self._hooks[1],
            )
        return self._ctx

    def _http_client(self, headers: dict[str, str] | None = None) -> Any:
        if self._http is None:
            httpx = _import_httpx()

            # Connecting gets at most CONNECT_TIMEOUT: a host that does not accept the connection is
            # told (and retried) quickly; answering gets the whole timeout.
            timeout = httpx.Timeout(self.timeout, connect=min(self.timeout, CONNECT_TIMEOUT))
            kwargs: dict[str, Any] = {"timeout": timeout, "follow_redirects": False}
            if self._async:
                # Many requests in flight: keep every connection alive for reuse.
                kwargs["limits"] = httpx.Limits(max_connections=100, max_keepalive_connections=100)
            if headers:
                kwargs["headers"] = headers
            if self._settings.api_url.startswith("http://"):
                # Plain HTTP (a local server): this client never speaks TLS (it only calls api_url
                # and follows no redirects), so skip loading the CA bundle (~40 ms per process).
                # An empty trust store would refuse any certificate: it fails closed.
                import ssl

                kwargs["verify"] = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            if self._settings.sandbox:
                from .sandbox import Sandbox

                sandbox = Sandbox(db=_sandbox_db(self._settings.api_url))
                kwargs["transport"] = sandbox.async_transport() if self._async else sandbox.transport()
            elif self._async:
                kwargs["transport"] = _async_transport(kwargs["limits"], kwargs.get("verify", True))
            self._http = (httpx.AsyncClient if self._async else httpx.Client)(**kwargs)
            if self._async:
                # Used without `async with` or close(), the pool would be reported by aiohttp at
                # exit ("Unclosed client session", "Unclosed connector"): release it when the
                # client is collected, or at interpreter exit, whichever comes first.
                import weakref

                self._finalizer = weakref.finalize(self, _release_pool, self._http)
        return self._http


def _release_pool(http: Any) -> None:
    """Close an abandoned AsyncClient's aiohttp pool without an event loop (it may be gone).

    aiohttp's connector closes its sockets synchronously in `_close()` (a no-op once the loop
    is closed) and then counts as closed, so neither it nor its session warns when collected.
    """
    session = getattr(getattr(http, "_transport", None), "client", None)
    connector = getattr(session, "connector", None)
    close = getattr(connector, "_close", None)
    if close is None or getattr(connector, "closed", True):
        return
    try:
        close()
    except Exception:  # best effort: this runs from a finalizer
        pass


class _Page:
    """Raw-response paging: the answer of the page whose items the flow is emitting."""

    __slots__ = ("response", "retries", "started", "pending")

    def __init__(self) -> None:
        self.response: Any = None
        self.retries = 0
        self.started = time.perf_counter()
        self.pending = False

    def sending(self, attempt: int) -> None:
        self.retries = attempt
        if attempt == 0:
            self.started = time.perf_counter()

    def answered(self, response: Any) -> None:
        if response is not None:
            self.response, self.pending = response, True

    def take(self) -> RawResponse[Any]:
        import json

        from ._response import RawResponse

        self.pending = False
        return RawResponse(
            self.response,
            json.loads(self.response.content),
            retries_taken=self.retries,
            elapsed=time.perf_counter() - self.started,
        )


def _async_transport(limits: Any, verify: Any) -> Any:
    """aiohttp's connection pool behind httpx's API (httpx-aiohttp), as openai-python does.

    httpx's own async pool spends milliseconds of CPU per request when hundreds are in
    flight; aiohttp's does not (see docs/performance.md). Without httpx-aiohttp installed,
    httpx's default transport is used. Errors keep their meaning: `_core` classifies
    aiohttp's exceptions itself (connect failures vs. failures after sending).
    """
    try:
        from httpx_aiohttp import AiohttpTransport
    except ImportError:
        return None
    return AiohttpTransport(limits=limits, verify=verify)


def _import_httpx() -> Any:
    """`import httpx`, without the `httpx` command-line tool's module.

    httpx's __init__ imports its CLI (`httpx._main`) whenever click is installed, and that pulls
    in click, rich.console and pygments: ~40 ms we never use. Blocking it for the duration of the
    import makes httpx fall back to its stub `main`; `import httpx._main` still works afterwards.
    """
    module = sys.modules.get("httpx")
    if module is not None:
        return module
    blocked = "httpx._main" not in sys.modules
    if blocked:
        sys.modules["httpx._main"] = None  # type: ignore[assignment]
    try:
        import httpx
    finally:
        if blocked and sys.modules.get("httpx._main", 0) is None:
            del sys.modules["httpx._main"]
    return httpx


def _sandbox_db(url: str) -> str | None:
    """The sandbox URL's SQLite file (see `_config.sandbox_db`)."""
    return _config.sandbox_db(url)


class Cekura(_BaseClient[Sync]):
    """Blocking client for the Cekura metrics API.

    client = Cekura()                      # key from CEKURA_API_KEY or ~/.cekura/config.toml
    client.metrics.get(55)
    with Cekura(api_url="sandbox://") as client: ...
    """

    def _run_raw(self, flow: Flow[Any]) -> RawResponse[Any]:
        from ._response import RawResponse

        started = time.perf_counter()
        last: Any = None
        retries = 0
        reply: Any = None
        try:
            while True:
                instruction = flow.send(reply)
                if type(instruction) is Send:
                    reply = self._send(instruction.request)
                    if reply[0] is not None:
                        last, retries = reply[0], instruction.attempt
                elif type(instruction) is Sleep:
                    time.sleep(instruction.seconds)
                    reply = None
                else:
                    raise TypeError(f"unexpected instruction {instruction!r}")
        except StopIteration as stop:
            return RawResponse(last, stop.value, retries_taken=retries, elapsed=time.perf_counter() - started)

    def _run(self, flow: Flow[Any]) -> Any:
        ctx_send = self._send
        reply: Any = None
        try:
            while True:
                instruction = flow.send(reply)
                if type(instruction) is Send:
                    reply = ctx_send(instruction.request)
                elif type(instruction) is Sleep:
                    time.sleep(instruction.seconds)
                    reply = None
                else:
                    raise TypeError(f"unexpected instruction {instruction!r}")
        except StopIteration as stop:
            return stop.value

    def _iterate(self, flow: Flow[Any], raw: bool = False) -> Any:
        """Run an item-emitting flow lazily; `raw`: yield each page's RawResponse instead."""
        reply: Any = None
        page = _Page() if raw else None
        while True:
            try:
                instruction = flow.send(reply)
            except StopIteration:
                return
            reply = None
            if type(instruction) is Emit:
                if page is None:
                    yield instruction.item
                elif page.pending:
                    yield page.take()
            elif type(instruction) is Send:
                if page is not None:
                    page.sending(instruction.attempt)
                reply = self._send(instruction.request)
                if page is not None:
                    page.answered(reply[0])
            elif type(instruction) is Sleep:
                time.sleep(instruction.seconds)

    def _send(self, request: Any) -> tuple[Any, BaseException | None]:
        from ._send import send  # one attempt, bounded in time and size; redirects refused

        try:
            return send(
                self._http, request, timeout=self.timeout, max_bytes=self.max_response_bytes, origin=self._origin
            ), None
        except Exception as exc:  # classified by the flow (see _core.call)
            return None, exc

    def close(self) -> None:
        if self._owns_http and self._http is not None:
            self._http.close()
            self._http = None
            self._ctx = None

    def __enter__(self) -> Cekura:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncCekura(_BaseClient[Async]):
    """Asyncio twin of `Cekura`: the same resources and methods, awaited.

    async with AsyncCekura() as client:
        metric = await client.metrics.get(55)
        async for s in client.critical_metric_scenarios.iter(metric_id=55): ...
    """

    _async = True

    async def _run_raw(self, flow: Flow[Any]) -> RawResponse[Any]:
        import asyncio

        from ._response import RawResponse

        started = time.perf_counter()
        last: Any = None
        retries = 0
        reply: Any = None
        try:
            while True:
                instruction = flow.send(reply)
                if type(instruction) is Send:
                    reply = await self._send(instruction.request)
                    if reply[0] is not None:
                        last, retries = reply[0], instruction.attempt
                elif type(instruction) is Sleep:
                    await asyncio.sleep(instruction.seconds)
                    reply = None
                else:
                    raise TypeError(f"unexpected instruction {instruction!r}")
        except StopIteration as stop:
            return RawResponse(last, stop.value, retries_taken=retries, elapsed=time.perf_counter() - started)

    async def _run(self, flow: Flow[Any]) -> Any:
        import asyncio

        reply: Any = None
        try:
            while True:
                instruction = flow.send(reply)
                if type(instruction) is Send:
                    reply = await self._send(instruction.request)
                elif type(instruction) is Sleep:
                    await asyncio.sleep(instruction.seconds)
                    reply = None
                else:
                    raise TypeError(f"unexpected instruction {instruction!r}")
        except StopIteration as stop:
            return stop.value

    async def _iterate(self, flow: Flow[Any], raw: bool = False) -> Any:
        import asyncio

        reply: Any = None
        page = _Page() if raw else None
        while True:
            try:
                instruction = flow.send(reply)
            except StopIteration:
                return
            reply = None
            if type(instruction) is Emit:
                if page is None:
                    yield instruction.item
                elif page.pending:
                    yield page.take()
            elif type(instruction) is Send:
                if page is not None:
                    page.sending(instruction.attempt)
                reply = await self._send(instruction.request)
                if page is not None:
                    page.answered(reply[0])
            elif type(instruction) is Sleep:
                await asyncio.sleep(instruction.seconds)

    async def _send(self, request: Any) -> tuple[Any, BaseException | None]:
        from ._send import asend  # one attempt under asyncio.timeout, bounded in size; redirects refused

        try:
            return await asend(
                self._http, request, timeout=self.timeout, max_bytes=self.max_response_bytes, origin=self._origin
            ), None
        except Exception as exc:
            return None, exc

    async def close(self) -> None:
        if self._owns_http and self._http is not None:
            finalizer = getattr(self, "_finalizer", None)
            if finalizer is not None:
                finalizer.detach()
            await self._http.aclose()
            self._http = None
            self._ctx = None

    async def __aenter__(self) -> AsyncCekura:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
