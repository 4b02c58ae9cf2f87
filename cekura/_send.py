"""One HTTP attempt, bounded in time, in size and in where it may go.

The executors in `cekura._client` call `send` (httpx.Client) or `asend` (httpx.AsyncClient)
once per attempt. Each returns the answer with its body read (`response.content`), or raises:
an httpx exception (classified by `_core.call`), or a `CekuraError` that is final (never
retried: an answer too large, a redirect, an encoding the SDK did not ask for).

Time: `timeout` bounds the attempt as a whole, from connecting to the last byte of the body.
  - sync: httpcore applies its timeouts per socket operation, so a server that trickles its
    headers or body a byte at a time would never trip them. `install_deadlines` puts a network
    backend into the client's connection pool whose every connect, TLS handshake, read and
    write waits at most the time left before the attempt's deadline (held per thread), so the
    attempt ends at the deadline whatever the server does. Transports without an httpcore pool
    (your own, mocks) get the per-phase timeouts capped and the deadline checked between chunks.
  - async: `asyncio.timeout` around the whole attempt (send, headers, body).
Size: at most `max_bytes` of body, counted after decompression while it streams in. A gzip or
  deflate body is inflated in slices of `_SLICE` bytes, so a decompression bomb stops at the
  limit instead of filling memory; a Content-Length above the limit is refused before reading.
  Only gzip and deflate are accepted (the SDK asks for nothing else).
Place: redirects are never followed, whatever the client's `follow_redirects` says: the API key
  header would go along to the new origin (httpx strips only `Authorization`). A 3xx with a
  Location becomes `RedirectError` naming the target. A request built for another origin than the
  configured API's is refused before it is sent (`ValidationError`, status None).
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import httpcore
import httpx

from ._errors import CekuraError, RedirectError, ResponseTooLargeError

if TYPE_CHECKING:
    import ssl

#: The default `max_response_bytes`: 64 MiB. The largest real answers (a page of scenarios, a
#: list of every metric of a project) are measured in kilobytes to a few megabytes; this leaves
#: a wide margin while keeping a runaway or hostile answer from taking the process's memory.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
#: What the SDK accepts as Content-Encoding (and says so in Accept-Encoding).
ACCEPT_ENCODING = "gzip, deflate"
_SLICE = 256 * 1024  # most bytes one inflate step may produce
_PHASES = ("connect", "read", "write", "pool")
_state = threading.local()  # .deadline: time.monotonic() at which this thread's attempt ends


class AttemptTimeout(httpx.ReadTimeout):
    """The attempt's deadline passed before the whole answer arrived."""


# --------------------------------------------------------------------------- sync


def send(
    http: httpx.Client,
    request: httpx.Request,
    *,
    timeout: float,
    max_bytes: int | None,
    origin: tuple[str, str, int | None] | None = None,
) -> httpx.Response:
    """Send `request` once on `http`; the answer's body is read within `timeout` and `max_bytes`.

    `origin` (scheme, host, port) is the configured API's: a request anywhere else is refused unsent.
    A call's own timeout (request option, `with_options`) comes in the request's "cekura_timeout".
    """
    _check_origin(request, origin)
    timeout = request.extensions.get("cekura_timeout") or timeout
    deadline = time.monotonic() + timeout
    _cap_timeouts(request, timeout)
    outer = getattr(_state, "deadline", None)
    _state.deadline = deadline
    try:
        response = http.send(request, stream=True, follow_redirects=False)
        try:
            _refuse_redirect(response)
            content = getattr(response, "_content", None)
            if content is None:  # still streaming (a real connection, a cassette)
                sink = _Sink(response, max_bytes)
                for chunk in response.iter_raw():
                    if time.monotonic() > deadline:
                        raise AttemptTimeout(_late(timeout))
                    sink.feed(chunk)
                response._content = sink.finish()
            else:  # read already by the transport (the in-process sandbox, httpx.MockTransport)
                _check_size(response, len(content), max_bytes)
        finally:
            response.close()
    finally:
        _state.deadline = outer
    return response


def install_deadlines(http: Any) -> None:
    """Make every socket operation of `http`'s connection pools end by this thread's deadline.

    Works on httpx.Client's own transports (httpx.HTTPTransport, with or without a proxy). The
    wrapper changes nothing for requests sent outside `send` (no deadline is set then).
    Connections already open in the pool keep their old streams until they are replaced.
    """
    transports = [getattr(http, "_transport", None), *getattr(http, "_mounts", {}).values()]
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, httpcore.NetworkBackend) and not isinstance(backend, _DeadlineBackend):
            pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    """The time an operation may wait: its own timeout, or less if the deadline is nearer."""
    deadline: float | None = getattr(_state, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the attempt's deadline passed")
    return left if timeout is None or left < timeout else timeout


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        wait = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_tcp(host, port, wait, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        wait = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, wait, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        wait = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, wait))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


# --------------------------------------------------------------------------- async


async def asend(
    http: httpx.AsyncClient,
    request: httpx.Request,
    *,
    timeout: float,
    max_bytes: int | None,
    origin: tuple[str, str, int | None] | None = None,
) -> httpx.Response:
    """The asyncio twin of `send`: the whole attempt runs under `asyncio.timeout(timeout)`."""
    import asyncio

    _check_origin(request, origin)
    timeout = request.extensions.get("cekura_timeout") or timeout
    _cap_timeouts(request, timeout)
    window = asyncio.timeout(timeout)
    try:
        async with window:
            response = await http.send(request, stream=True, follow_redirects=False)
            try:
                _refuse_redirect(response)
                content = getattr(response, "_content", None)
                if content is None:
                    sink = _Sink(response, max_bytes)
                    async for chunk in response.aiter_raw():
                        sink.feed(chunk)
                    response._content = sink.finish()
                else:
                    _check_size(response, len(content), max_bytes)
            finally:
                await response.aclose()
    except TimeoutError:
        if window.expired():
            raise AttemptTimeout(_late(timeout)) from None
        raise
    return response


# --------------------------------------------------------------------------- shared


def origin_of(url: str | httpx.URL) -> tuple[str, str, int | None]:
    """(scheme, host, port) of a URL, the port made explicit for http and https."""
    if not isinstance(url, httpx.URL):
        url = httpx.URL(url)
    return url.scheme, url.host, url.port or {"http": 80, "https": 443}.get(url.scheme)


def _check_origin(request: httpx.Request, origin: tuple[str, str, int | None] | None) -> None:
    if origin is None or origin_of(request.url) == origin:
        return
    from ._errors import ValidationError

    scheme, host, port = origin
    raise ValidationError(
        f"refusing to send the API key to {request.url.scheme}://{request.url.netloc.decode('ascii')}: "
        f"it goes only to the configured API ({scheme}://{host}{'' if port is None else f':{port}'}); nothing was sent",
        errors={"url": ["another origin than the API's"]},
    )


def _cap_timeouts(request: httpx.Request, timeout: float) -> None:
    """No phase of the attempt may wait longer than the attempt itself."""
    given = request.extensions.get("timeout") or {}
    request.extensions["timeout"] = {
        phase: timeout if given.get(phase) is None else min(given[phase], timeout) for phase in _PHASES
    }


def _late(timeout: float) -> str:
    return f"no complete answer within the timeout of {timeout:g} s"


def _refuse_redirect(response: httpx.Response) -> None:
    if not (300 <= response.status_code < 400 and "location" in response.headers):
        return
    request = response.request
    try:
        target = str(request.url.join(response.headers["location"]))
    except Exception:  # an unparsable Location: name it as given
        target = response.headers["location"]
    status = response.status_code
    message = (
        f"HTTP {status}: the server redirects to {target}; the SDK does not follow redirects "
        f"(the API key would go along). If the API has moved, set api_url to its new address"
    )
    if status == 303 and request.method not in ("GET", "HEAD", "OPTIONS", "PUT", "DELETE"):
        message += "; a 303 usually means the request was applied: check before trying again"
    error = RedirectError(message, status=status, location=target, **_answer(response))
    error.cli_hint = "the SDK never follows redirects; point --api-url (or CEKURA_API_URL) at the new address"  # type: ignore[attr-defined]
    raise error


def _answer(response: httpx.Response) -> dict[str, Any]:
    """What every error about an answer carries: its headers and request id."""
    from ._core import request_id_of

    return {"headers": response.headers, "request_id": request_id_of(response.headers)}


def _check_size(response: httpx.Response, size: int, max_bytes: int | None) -> None:
    if max_bytes is not None and size > max_bytes:
        raise _too_large(response, max_bytes)


def _too_large(response: httpx.Response, limit: int) -> ResponseTooLargeError:
    status = response.status_code
    method = response.request.method
    message = (
        f"the answer (HTTP {status}) is larger than max_response_bytes ({_size(limit)}); reading stopped there. "
        "Raise the limit with Cekura(max_response_bytes=N) or CEKURA_MAX_RESPONSE_BYTES=N, or lift it with None (0)"
    )
    if method in ("POST", "PATCH"):
        if 200 <= status < 300:
            message += f"; the request was applied (HTTP {status})"
        elif status >= 500:
            message += "; the server may or may not have applied the request: check before trying again"
    error = ResponseTooLargeError(message, status=status, limit=limit, **_answer(response))
    error.cli_hint = "set CEKURA_MAX_RESPONSE_BYTES to a larger number of bytes (0 lifts the limit)"  # type: ignore[attr-defined]
    return error


def _size(n: int) -> str:
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= factor and n % factor == 0:
            return f"{n // factor} {unit}"
    return f"{n:,} bytes"


class _Sink:
    """Collects a body as it streams in: decodes it in bounded slices and counts what it keeps."""

    __slots__ = ("_response", "_limit", "_decoders", "_chunks", "_size")

    def __init__(self, response: httpx.Response, limit: int | None) -> None:
        self._response = response
        self._limit = limit
        self._chunks: list[bytes] = []
        self._size = 0
        encoding = response.headers.get("content-encoding")
        self._decoders = _decoders(response, encoding) if encoding else []
        if limit is not None and not self._decoders:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise _too_large(response, limit)  # refused before reading a byte of it

    def feed(self, raw: bytes) -> None:
        if not self._decoders:  # the common case: kept as it comes
            self._size += len(raw)
            if self._limit is not None and self._size > self._limit:
                self._chunks.clear()
                raise _too_large(self._response, self._limit)
            self._chunks.append(raw)
            return
        pieces: Iterable[bytes] = (raw,)
        for decoder in self._decoders:
            pieces = decoder.feed_all(pieces)
        self._keep(pieces)

    def finish(self) -> bytes:
        for i, decoder in enumerate(self._decoders):
            pieces: Iterable[bytes] = decoder.flush()
            for later in self._decoders[i + 1 :]:
                pieces = later.feed_all(pieces)
            self._keep(pieces)
        return b"".join(self._chunks)

    def _keep(self, pieces: Iterable[bytes]) -> None:
        for piece in pieces:
            self._size += len(piece)
            if self._limit is not None and self._size > self._limit:
                self._chunks.clear()
                raise _too_large(self._response, self._limit)
            self._chunks.append(piece)


def _decoders(response: httpx.Response, header: str) -> list[_Inflater]:
    """Decoders for the Content-Encoding `header`, in decoding order (the last encoding applied first)."""
    names = [n.strip().lower() for n in header.split(",") if n.strip()]
    decoders = []
    for name in reversed(names):
        if name in ("gzip", "x-gzip", "deflate"):
            decoders.append(_Inflater(name))
        elif name != "identity":
            raise _unsupported_encoding(response, header)
    return decoders


def _unsupported_encoding(response: httpx.Response, header: str) -> CekuraError:
    from ._errors import APIResponseError

    status = response.status_code
    message = (
        f"the answer (HTTP {status}) is encoded as {header!r}, which the SDK did not ask for "
        f"(Accept-Encoding: {ACCEPT_ENCODING}); it was not read"
    )
    if response.request.method in ("POST", "PATCH") and 200 <= status < 300:
        message += f"; the request was applied (HTTP {status})"
    return APIResponseError(message, status=status, **_answer(response))


class _Inflater:
    """gzip or deflate, inflated `_SLICE` bytes at a time (zlib's max_length)."""

    __slots__ = ("_gzip", "_z", "_head")

    def __init__(self, name: str) -> None:
        self._gzip = name != "deflate"
        self._z: Any = zlib.decompressobj(16 + zlib.MAX_WBITS) if self._gzip else None
        self._head = b""

    def feed_all(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            yield from self.feed(chunk)

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._z is None:  # deflate: with a zlib header (RFC 9110) or raw, as servers differ
            data = self._head + data
            if len(data) < 2:
                self._head = data
                return
            self._head = b""
            zlib_header = data[0] & 0x0F == 8 and ((data[0] << 8) | data[1]) % 31 == 0
            self._z = zlib.decompressobj(zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS)
        try:
            while data:
                piece = self._z.decompress(data, _SLICE)
                data = self._z.unconsumed_tail
                if piece:
                    yield piece
                elif data:  # no progress: cannot happen with max_length, but never spin
                    break
        except zlib.error as exc:
            raise httpx.DecodingError(f"the answer's compressed body is corrupt ({exc})") from None

    def flush(self) -> Iterator[bytes]:
        if self._z is None:  # a deflate body of fewer than 2 bytes
            data, self._head = self._head, b""
            self._z = zlib.decompressobj(-zlib.MAX_WBITS)
            yield from self.feed(data)
        try:
            tail = self._z.flush()
        except zlib.error as exc:
            raise httpx.DecodingError(f"the answer's compressed body is corrupt ({exc})") from None
        if tail:
            yield tail
