"""The HTTP/1.1 protocol uvicorn runs: its httptools one, with the bound on the request head and the
connection limits it lacks.

httptools (llhttp, in C) is cheaper per request than h11 (pure Python), but uvicorn does not bound the request
head with it: a 200 KB header was read and kept in memory (h11 refuses large heads by itself). So the head
(request line and headers) is counted here as it arrives, and a request whose head passes MAX_HEAD_BYTES gets
431 and the connection closes. Without httptools (Windows wheels missing, say) uvicorn runs h11.
The connection limits (`connection_limits.py`: a deadline for the request head and for the body, open
connections per client address) are kept here too, since uvicorn has no header or body timeout.
Every request is answered by the app through uvicorn's ASGI cycle; conditional GETs are decided in the app
(`revalidate.py`).

This subclasses uvicorn's `HttpToolsProtocol` and relies on how it calls its parser callbacks: the uvicorn
range in pyproject.toml is the one this was tested with.
"""

from __future__ import annotations

import asyncio
from typing import Any

from lms_desktop.contract import API_PREFIX
from lms_desktop.server.http.connection_limits import OpenPerAddress, limits_of, refusal

# the query string may be 64 KiB (MAX_QUERY_STRING_BYTES: 5,000 emoji percent-encoded), plus ordinary headers
MAX_HEAD_BYTES = 80 * 1024


try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # no httptools wheel for this platform
    HTTPTOOLS = False
else:
    HTTPTOOLS = True


# Requests whose body is streamed to disk as it arrives (course packages): their body timer is idle-based.
STREAMED_UPLOADS = f"{API_PREFIX}/admin/imports".encode()


def http_protocol() -> Any:
    """What to give `uvicorn.Config(http=...)` / `uvicorn.run(http=...)`."""
    return BoundedHttpToolsProtocol if HTTPTOOLS else "h11"


if HTTPTOOLS:

    class BoundedHttpToolsProtocol(HttpToolsProtocol):
        """Module level, so uvicorn's worker processes can unpickle their config."""

        _head_bytes = 0
        _head_too_large = False
        _address: str | None = None  # counted in OpenPerAddress while the connection is open
        _deadline: asyncio.TimerHandle | None = None
        _has_body = False
        _streamed_body = False  # an upload: its body timer restarts with every piece (an idle timeout)

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._limits = limits_of(self.app)

        # ---- connection limits -----------------------------------------------------------------

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            address = self.client[0] if self.client else None
            if address is not None:
                if not OpenPerAddress.of(self.server_state).enter(address, self._limits.per_address):
                    message = "too many connections from this address"
                    transport.write(refusal(b"503 Service Unavailable", message, retry_after=1))
                    transport.close()
                    return
                self._address = address
            self._arm(self._limits.header_s)

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            if self._address is not None:
                OpenPerAddress.of(self.server_state).leave(self._address)
                self._address = None
            super().connection_lost(exc)

        def _arm(self, seconds: float) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(seconds, self._too_slow)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _too_slow(self) -> None:
            """The request head or body did not arrive in time: 408 when no answer is under way, then
            close (nginx's client_header_timeout / client_body_timeout)."""
            self._deadline = None
            if self.transport.is_closing():
                return
            cycle = self.cycle
            if cycle is None or cycle.response_complete or not cycle.response_started:
                self.transport.write(refusal(b"408 Request Timeout", "request not received in time"))
            self.transport.close()  # an app still reading the body sees the client disconnect

        # ---- parsing -----------------------------------------------------------------------------

        def on_message_begin(self) -> None:
            # An idle keep-alive connection is closed by uvicorn's own timer (`timeout_keep_alive`); once
            # a request's first byte arrives, its head has `header_s`.
            super().on_message_begin()
            self._head_bytes = 0
            self._has_body = False
            self._arm(self._limits.header_s)

        def on_message_complete(self) -> None:
            self._disarm()  # the app's time to answer is not the client's to spend
            super().on_message_complete()

        def _count(self, n: int) -> None:
            self._head_bytes += n
            if self._head_bytes > MAX_HEAD_BYTES:
                self._head_too_large = True
                raise ValueError("request head too large")  # httptools stops: send_400_response below

        def on_url(self, url: bytes) -> None:
            self._count(len(url))
            super().on_url(url)

        def on_header(self, name: bytes, value: bytes) -> None:
            self._count(len(name) + len(value) + 4)
            lowered = name.lower()
            if (lowered == b"content-length" and value.strip() != b"0") or lowered == b"transfer-encoding":
                self._has_body = True
            super().on_header(name, value)

        def on_headers_complete(self) -> None:
            self._streamed_body = self._has_body and self.url.startswith(STREAMED_UPLOADS)
            if self._has_body:
                self._arm(self._limits.body_s)  # until the body's end (on_message_complete)
            else:
                self._disarm()
            super().on_headers_complete()

        def on_body(self, body: bytes) -> None:
            # A course package may take minutes to upload: it gets `body_s` per silence, not in total.
            if self._streamed_body and self._deadline is not None:
                self._arm(self._limits.body_s)
            super().on_body(body)

        def send_400_response(self, msg: str) -> None:
            if not self._head_too_large:
                super().send_400_response(msg)
                return
            body = f"request head over {MAX_HEAD_BYTES} bytes".encode("ascii")
            self.transport.write(
                b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
                b"content-type: text/plain; charset=utf-8\r\n"
                b"content-length: " + str(len(body)).encode("ascii") + b"\r\n"
                b"connection: close\r\n\r\n" + body
            )
            self.transport.close()
