"""A rolling restart that loses nothing: what `lms-server serve` does between SIGTERM and exit.

1. Readiness fails at once (`ServerState.draining`: /api/v1/health answers 503), while everything else is
   still served, for `drain_delay_seconds`: long enough for the load balancer's health checks to take the
   instance out of rotation, so no new request is routed to a socket about to close.
2. Every answer from then on says `Connection: close`, so clients and the proxy drop their keep-alive
   connections after it instead of reusing one the server is about to close (the early-304 path steps
   aside, see `Revalidator`).
3. Then uvicorn's own shutdown: stop accepting, close idle connections, let requests in flight finish,
   bounded by `drain_timeout_seconds` (requests still running then are cancelled).
A second SIGTERM or SIGINT skips the wait.
"""

from __future__ import annotations

import logging
import signal
import time
from types import FrameType
from typing import TYPE_CHECKING

import uvicorn

if TYPE_CHECKING:
    from litestar.types import Message, Send

    from lms_desktop.server.http.state import ServerState

log = logging.getLogger("lms.server")


class DrainingServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, state: ServerState, delay_s: float) -> None:
        super().__init__(config)
        self.state = state
        self.delay_s = delay_s
        self._leave_at: float | None = None
        self._held_signal = signal.SIGTERM

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        """The first SIGTERM/SIGINT is held for the drain delay; it reaches uvicorn's own handler (which
        starts the shutdown and re-raises the signal at exit) from `on_tick`. A second one goes through."""
        if self._leave_at is None and sig in (signal.SIGTERM, signal.SIGINT) and self.delay_s > 0:
            self.state.draining = True
            self._leave_at = time.monotonic() + self.delay_s
            self._held_signal = signal.Signals(sig)
            log.info("draining: readiness fails now, closing in %.1f s", self.delay_s)
            return
        self.state.draining = True
        super().handle_exit(sig, frame)

    async def on_tick(self, counter: int) -> bool:
        if self._leave_at is not None and not self.should_exit and time.monotonic() >= self._leave_at:
            log.info("draining: no longer accepting; finishing requests in flight")
            super().handle_exit(self._held_signal, None)
        return await super().on_tick(counter)


def closing(send: Send) -> Send:
    """`send` adding `Connection: close` to the answer (uvicorn then closes the connection after it
    instead of keeping it alive): for every answer once the instance drains."""

    async def send_closing(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [h for h in message.get("headers", []) if h[0].lower() != b"connection"]
            message = {**message, "headers": [*headers, (b"connection", b"close")]}
        await send(message)

    return send_closing
