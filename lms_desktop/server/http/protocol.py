"""The HTTP/1.1 protocol uvicorn runs: its httptools one, with the bound on the request head it lacks.

httptools (llhttp, in C) takes ~100 us off every request against h11 (pure Python), a third of a 304's
time here. But uvicorn does not bound the request head with it: a 200 KB header was read and kept in memory
(h11 refuses large heads by itself). So the head (request line and headers) is counted here as it arrives,
and a request whose head passes MAX_HEAD_BYTES gets 431 and the connection closes. Without httptools
(Windows wheels missing, say) uvicorn runs h11.
"""

from __future__ import annotations

from typing import Any

# the query string may be 64 KiB (MAX_QUERY_STRING_BYTES: 5,000 emoji percent-encoded), plus ordinary headers
MAX_HEAD_BYTES = 80 * 1024


try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # no httptools wheel for this platform
    HTTPTOOLS = False
else:
    HTTPTOOLS = True


def http_protocol() -> Any:
    """What to give `uvicorn.Config(http=...)` / `uvicorn.run(http=...)`."""
    return BoundedHttpToolsProtocol if HTTPTOOLS else "h11"


if HTTPTOOLS:

    class BoundedHttpToolsProtocol(HttpToolsProtocol):
        """Module level, so uvicorn's worker processes can unpickle their config."""

        _head_bytes = 0
        _head_too_large = False

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._head_bytes = 0

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
            super().on_header(name, value)

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
