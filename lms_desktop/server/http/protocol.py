"""The HTTP/1.1 protocol uvicorn runs: its httptools protocol behind a watcher that bounds what one connection
may cost before the app has its request (nginx's `large_client_header_buffers`, `client_header_timeout`,
`client_body_timeout` and `limit_conn`).

With httptools, uvicorn neither bounds the request head (h11 refuses large heads itself) nor times out a
head or body sent slowly; it only closes a keep-alive connection idle after an answer. `LimitedHttp` holds
uvicorn's protocol and drives it only through the `asyncio.Protocol` interface, as the event loop would, and
reads the same bytes with a parser of its own (httptools' callback API):
- a request head (request line and headers) over MAX_HEAD_BYTES gets 431 and the connection closes;
- a head not complete within `header_s` of connecting or of the request's first byte, or a body not complete
  within `body_s` after its head (a streamed upload: `body_s` of silence), closes the connection, with a 408
  first unless an answer is already being written on it;
- one client address holds at most `per_address` connections (the excess gets 503 with Retry-After).
The limits are the app's (`connection_limits.py`). Without httptools (no wheel for the platform) uvicorn runs
h11, which bounds the head by itself (`h11_max_incomplete_event_size`).
"""

from __future__ import annotations

import asyncio
import weakref
from typing import Any, cast

from lms_desktop.contract import API_PREFIX
from lms_desktop.server.http.connection_limits import OpenPerAddress, limits_of, refusal

# the query string may be 64 KiB (MAX_QUERY_STRING_BYTES: 5,000 emoji percent-encoded), plus ordinary headers
MAX_HEAD_BYTES = 80 * 1024

# Requests whose body is streamed to disk as it arrives (course packages): their body timer is idle-based.
STREAMED_UPLOADS = f"{API_PREFIX}/admin/imports".encode()

try:
    import httptools
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # no httptools wheel for this platform
    HTTPTOOLS = False
else:
    HTTPTOOLS = True

# open connections per address, one count per uvicorn server (keyed by its shared state)
_open: weakref.WeakKeyDictionary[Any, OpenPerAddress] = weakref.WeakKeyDictionary()


def http_protocol() -> Any:
    """What to give `uvicorn.Config(http=...)` / `uvicorn.run(http=...)`."""
    return LimitedHttp if HTTPTOOLS else "h11"


class _Watched:
    """The transport as uvicorn's protocol sees it: a write tells the watcher an answer is under way."""

    def __init__(self, transport: asyncio.Transport, watcher: LimitedHttp) -> None:
        self._transport = transport
        self._watcher = watcher

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self._watcher.answering = True
        self._transport.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class LimitedHttp(asyncio.Protocol):
    """uvicorn's httptools protocol with the limits above. Module level, so uvicorn's worker processes can
    unpickle their config."""

    answering = False  # bytes of an answer written since the current request's first byte

    def __init__(self, config: Any, server_state: Any, **kwargs: Any) -> None:
        self._inner = HttpToolsProtocol(config=config, server_state=server_state, **kwargs)
        self._limits = limits_of(config.loaded_app)
        self._open = _open.setdefault(server_state, OpenPerAddress())
        self._parser: Any = httptools.HttpRequestParser(self)
        self._transport: asyncio.Transport | None = None
        self._connected = False  # the inner protocol has the connection
        self._address: str | None = None  # counted in `_open` while the connection is open
        self._deadline: asyncio.TimerHandle | None = None
        self._head_bytes = 0
        self._url = b""  # its start, enough to tell a streamed upload
        self._has_body = False
        self._streamed_body = False

    # ---- asyncio.Protocol --------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport = cast(asyncio.Transport, transport)
        peer = transport.get_extra_info("peername")
        address = peer[0] if isinstance(peer, tuple) else None
        if address is not None:
            if not self._open.enter(address, self._limits.per_address):
                transport.write(
                    refusal(
                        b"503 Service Unavailable", "too many connections from this address", retry_after=1
                    )
                )
                transport.close()
                return
            self._address = address
        self._connected = True
        self._inner.connection_made(cast(asyncio.Transport, _Watched(transport, self)))
        self._arm(self._limits.header_s)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        if self._address is not None:
            self._open.leave(self._address)
            self._address = None
        if self._connected:
            self._inner.connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._parser is not None:
            try:
                self._parser.feed_data(data)
            except httptools.HttpParserCallbackError:  # only `_count` raises: the head is too large
                self._refuse_large_head()
                return
            except (httptools.HttpParserError, httptools.HttpParserUpgrade):
                self._parser = None  # uvicorn's protocol answers or handles it; nothing more to watch
        self._inner.data_received(data)

    def eof_received(self) -> None:
        self._inner.eof_received()  # None: the transport closes (a client that half-closes is done)

    def pause_writing(self) -> None:
        self._inner.pause_writing()

    def resume_writing(self) -> None:
        self._inner.resume_writing()

    # ---- httptools callbacks: where the current request stands ------------------------------------

    def on_message_begin(self) -> None:
        # An idle keep-alive connection is closed by uvicorn's own timer (`timeout_keep_alive`); once a
        # request's first byte arrives, its head has `header_s`.
        self._head_bytes = 0
        self._url = b""
        self._has_body = False
        self.answering = False
        self._arm(self._limits.header_s)

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        if len(self._url) < len(STREAMED_UPLOADS):
            self._url += url[: len(STREAMED_UPLOADS)]

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4)
        lowered = name.lower()
        if (lowered == b"content-length" and value.strip() != b"0") or lowered == b"transfer-encoding":
            self._has_body = True

    def on_headers_complete(self) -> None:
        self._streamed_body = self._has_body and self._url.startswith(STREAMED_UPLOADS)
        if self._has_body:
            self._arm(self._limits.body_s)  # until the body's end (on_message_complete)
        else:
            self._disarm()

    def on_body(self, body: bytes) -> None:
        # A course package may take minutes to upload: it gets `body_s` per silence, not in total.
        if self._streamed_body and self._deadline is not None:
            self._arm(self._limits.body_s)

    def on_message_complete(self) -> None:
        self._disarm()  # the app's time to answer is not the client's to spend

    # ---- limits -------------------------------------------------------------------------------------

    def _count(self, n: int) -> None:
        self._head_bytes += n
        if self._head_bytes > MAX_HEAD_BYTES:
            raise ValueError("request head too large")  # httptools stops: HttpParserCallbackError

    def _refuse_large_head(self) -> None:
        assert self._transport is not None
        message = f"request head over {MAX_HEAD_BYTES} bytes"
        self._transport.write(refusal(b"431 Request Header Fields Too Large", message))
        self._transport.close()

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._deadline = asyncio.get_running_loop().call_later(seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        """The request head or body did not arrive in time: 408 unless an answer is being written, then
        close (an app still reading the body sees the client disconnect)."""
        self._deadline = None
        transport = self._transport
        if transport is None or transport.is_closing():
            return
        if not self.answering:
            transport.write(refusal(b"408 Request Timeout", "request not received in time"))
        transport.close()
