"""cekura._send on in-memory transports: decoding in bounded slices, size limits, deadlines between chunks."""

from __future__ import annotations

import asyncio
import gzip
import json
import time
import zlib
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from cekura import APIResponseError, APITimeoutError, AsyncCekura, Cekura, CekuraError, ResponseTooLargeError
from cekura._core import _describe

BODY = json.dumps({"id": 55, "name": "Greets caller", "notes": "x" * 5000}).encode()


class Pieces(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that arrives in pieces, optionally with a pause before each."""

    def __init__(self, data: bytes, size: int = 1000, pause: float = 0.0) -> None:
        self.parts = [data[i : i + size] for i in range(0, len(data), size)]
        self.pause = pause

    def __iter__(self) -> Iterator[bytes]:
        for part in self.parts:
            time.sleep(self.pause)
            yield part

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for part in self.parts:
            await asyncio.sleep(self.pause)
            yield part


def streamed(data: bytes, encoding: str | None = None, **kw: Any) -> httpx.MockTransport:
    headers = {"Content-Type": "application/json"}
    if encoding:
        headers["Content-Encoding"] = encoding
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers=headers, stream=Pieces(data, **kw))

    transport = httpx.MockTransport(handler)
    transport.seen = seen  # type: ignore[attr-defined]
    return transport


def get(transport: httpx.MockTransport, **kw: Any) -> Any:
    client = Cekura(
        api_key="k" * 12, api_url="http://127.0.0.1:9", http_client=httpx.Client(transport=transport), **kw
    )
    return client.metrics.get(55)


def aget(transport: httpx.MockTransport, **kw: Any) -> Any:
    async def main() -> Any:
        http = httpx.AsyncClient(transport=transport)
        async with AsyncCekura(
            api_key="k" * 12, api_url="http://127.0.0.1:9", http_client=http, **kw
        ) as client:
            return await client.metrics.get(55)

    return asyncio.run(main())


def deflate(data: bytes, raw: bool) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


ENCODED = {
    "gzip": gzip.compress(BODY),
    "x-gzip": gzip.compress(BODY),
    "deflate": deflate(BODY, raw=False),
    "deflate (raw, as some servers send it)": deflate(BODY, raw=True),
    "gzip, gzip": gzip.compress(gzip.compress(BODY)),
    "identity": BODY,
}


@pytest.mark.parametrize("run", [get, aget])
@pytest.mark.parametrize("label", list(ENCODED))
def test_encoded_answers_are_decoded_whatever_the_piece_size(run, label):
    encoding = label.split(" (")[0]
    for size in (1, 7, 100_000):
        transport = streamed(ENCODED[label], encoding, size=size)
        assert run(transport) == json.loads(BODY)
    assert transport.seen[0].headers["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize("run", [get, aget])
def test_a_bomb_stops_at_the_limit(run):
    bomb = gzip.compress(bytes(32 << 20), compresslevel=9)  # 32 MiB of zeros in ~32 KiB
    with pytest.raises(ResponseTooLargeError) as info:
        run(streamed(bomb, "gzip", size=4096), max_response_bytes=1 << 20)
    assert info.value.limit == 1 << 20 and "(1 MiB)" in str(info.value)


def test_an_answer_read_by_the_transport_is_held_to_the_limit_too():
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=BODY))
    assert get(transport, max_response_bytes=len(BODY)) == json.loads(BODY)
    with pytest.raises(ResponseTooLargeError):
        get(transport, max_response_bytes=len(BODY) - 1)


@pytest.mark.parametrize("encoding", ["br", "zstd", "compress", "gzip, br"])
def test_an_encoding_the_sdk_did_not_ask_for_is_refused(encoding):
    with pytest.raises(APIResponseError, match="did not ask for") as info:
        get(streamed(b"\x00" * 100, encoding), max_retries=3)
    assert not isinstance(info.value, ResponseTooLargeError)


def test_a_corrupt_gzip_body_is_a_cekura_error():
    with pytest.raises(CekuraError):
        get(streamed(b"\x1f\x8b\x08\x00garbage" * 10, "gzip"), max_retries=0)


@pytest.mark.parametrize("run", [get, aget])
def test_a_custom_transport_that_trickles_is_cut_at_the_deadline(run):
    """No httpcore pool to bound each read: the deadline is checked between pieces (sync) or by asyncio."""
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        run(streamed(BODY, size=10, pause=0.05), timeout=0.3, max_retries=0)
    assert time.monotonic() - started < 0.3 + 2  # not the 26 s the whole body would take


def test_error_messages_quote_only_a_marked_excerpt():
    long = "word " * 10_000
    for body in ({"detail": long}, {"name": [long]}, [long], long):
        message = _describe(body, 500)
        assert len(message) < 700 and "more characters; the full body is on the error's .body" in message
    assert _describe({"detail": "short"}, 404) == "HTTP 404: short"


def test_sync_clients_get_the_deadline_backend_in_their_pools():
    """If httpx/httpcore ever move these internals, this fails plainly (the trickle tests would take 20 s)."""
    from cekura._send import _DeadlineBackend

    own = Cekura(api_key="k" * 12, api_url="http://127.0.0.1:9")
    yours = Cekura(
        api_key="k" * 12, api_url="http://127.0.0.1:9", http_client=httpx.Client(proxy="http://127.0.0.1:9")
    )
    for client in (own, yours):
        client._context()
        pools = [client._http._transport._pool, *(t._pool for t in client._http._mounts.values() if t)]
        assert pools and all(isinstance(p._network_backend, _DeadlineBackend) for p in pools)
    from cekura._send import install_deadlines

    install_deadlines(own._http)  # a second time: wraps once
    assert not isinstance(own._http._transport._pool._network_backend._inner, _DeadlineBackend)
