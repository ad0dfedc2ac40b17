"""What a connection may cost before it sends a whole request: the limits nginx calls
`client_header_timeout`, `client_body_timeout` and `limit_conn`, applied by our HTTP protocol.

uvicorn closes a keep-alive connection idle after an answer (`timeout_keep_alive`), but not one that never
sends a byte, nor one that drips its request head a byte at a time: enough of those would hold every file
descriptor the process may open, and normal requests would fail. So a connection must send its whole
request head within `header_s` of connecting or of the request's first byte, and its body within `body_s`
after the head; one that does not gets 408 (unless an answer is already under way) and is closed. And one
client address may hold at most `per_address` connections at once (the excess gets 503 with Retry-After and
is closed), so one misbehaving client cannot take every descriptor from the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

HEADER_TIMEOUT_SECONDS = 10.0
BODY_TIMEOUT_SECONDS = 30.0  # 64 KiB (the body limit) at ~2 KB/s
KEEP_ALIVE_TIMEOUT_SECONDS = 5  # uvicorn's `timeout_keep_alive`: idle after an answer
MAX_CONNECTIONS_PER_ADDRESS = 256


@dataclass(frozen=True, slots=True)
class ConnectionLimits:
    header_s: float = HEADER_TIMEOUT_SECONDS
    body_s: float = BODY_TIMEOUT_SECONDS
    per_address: int = MAX_CONNECTIONS_PER_ADDRESS


DEFAULT = ConnectionLimits()


def limits_of(app: Any) -> ConnectionLimits:
    """The limits the app asks for (`LmsApp.connection_limits`), through uvicorn's proxy-headers
    middleware and any wrapper that forwards the attribute; the defaults otherwise."""
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    while isinstance(app, ProxyHeadersMiddleware):
        app = app.app
    found = getattr(app, "connection_limits", None)
    return found if isinstance(found, ConnectionLimits) else DEFAULT


class OpenPerAddress:
    """Open connections per client address, for one uvicorn server."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def enter(self, address: str, cap: int) -> bool:
        """Count a new connection from `address`; False (nothing counted) when it already holds `cap`."""
        n = self.counts.get(address, 0)
        if n >= cap:
            return False
        self.counts[address] = n + 1
        return True

    def leave(self, address: str) -> None:
        n = self.counts.get(address, 0) - 1
        if n > 0:
            self.counts[address] = n
        else:
            self.counts.pop(address, None)


def refusal(status: bytes, message: str, *, retry_after: int | None = None) -> bytes:
    """A complete `Connection: close` answer written straight to the transport."""
    body = message.encode("ascii")
    head = [b"HTTP/1.1 ", status, b"\r\ncontent-type: text/plain; charset=utf-8\r\n"]
    if retry_after is not None:
        head.append(b"retry-after: %d\r\n" % retry_after)
    head.append(b"content-length: %d\r\nconnection: close\r\n\r\n" % len(body))
    return b"".join(head) + body
