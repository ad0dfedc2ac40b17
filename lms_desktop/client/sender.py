"""The one way a request reaches the server: the session's bearer, the foreground/background priority, the
transport's retries and limits, and a 401 ending the session. Reads, writes, sign-in, downloads and the
offline layer's replays and heartbeat all go through here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import msgspec

from lms_desktop.client import paths
from lms_desktop.client.body import BodyKind
from lms_desktop.client.errors import (
    ApiError,
    AuthRequired,
    BadAnswer,
    OfflineError,
    TransportFailure,
    error_from_response,
)
from lms_desktop.client.priority import PriorityGate
from lms_desktop.client.session import Session
from lms_desktop.client.transport import Transport
from lms_desktop.contract import encoder


class Sender:
    def __init__(self, transport: Transport, session: Session) -> None:
        self.transport = transport
        self.session = session
        self._gate = PriorityGate()

    def build(
        self,
        method: str,
        target: str,
        *,
        content: bytes | None = None,
        authed: bool = True,
        extra: dict[str, str] | None = None,
    ) -> httpx.Request:
        headers = self.session.auth_headers() if authed else {}
        if extra:
            headers = {**headers, **extra}
        return self.transport.build(method, target, content=content, headers=headers)

    async def send(
        self,
        request: httpx.Request,
        *,
        low_priority: bool = False,
        kind: BodyKind = "json",
        sink: Callable[[bytes], None] | None = None,
    ) -> httpx.Response:
        """Send `request`; raises TransportFailure when there is no answer (see transport.py)."""
        authed = "authorization" in request.headers
        current = self.session.current
        if authed and current is not None and current.expired():
            self.session.drop(ended_by_server=True)
            raise AuthRequired("Your session has expired. Please sign in again.")
        if low_priority:
            await self._gate.background_turn()
            response = await self.transport.send(request, kind=kind, sink=sink)
        else:
            with self._gate.foreground():
                response = await self.transport.send(request, kind=kind, sink=sink)
        if response.status_code == 401 and authed:
            self.session.drop(ended_by_server=True)  # revoked or expired at the server: sign in again
        return response

    async def call(
        self,
        method: str,
        path: str,
        body: object | None,
        decode: Callable[[bytes], Any],
        *,
        offline_message: str | None = None,
    ) -> Any:
        """An uncached request (sign-in, writes). Raises OfflineError, AuthRequired or ApiError."""
        content = encoder.encode(body) if body is not None else None
        try:
            response = await self.send(self.build(method, path, content=content))
        except TransportFailure as exc:
            if offline_message is None:
                offline_message = (
                    "The server cannot be reached."
                    if method == "POST"
                    else "The server cannot be reached; the change was not saved."
                )
            raise OfflineError(offline_message) from exc
        return decoded(response, decode)

    async def download(self, target: str, write: Callable[[bytes], None]) -> int:
        """Stream a GET of `target` into `write` within the download kind's limits; the bytes written."""
        written = 0

        def count(piece: bytes) -> None:
            nonlocal written
            write(piece)
            written += len(piece)

        try:
            response = await self.send(self.build("GET", target), kind="download", sink=count)
        except TransportFailure as exc:
            raise OfflineError() from exc
        if not 200 <= response.status_code < 300:
            raise error_from_response(response.status_code, response.content)
        return written

    async def ping(self, timeout_s: float) -> bool:
        """One GET /health, no retry, within `timeout_s`: whether the server answered. The outcome also
        reaches the connectivity monitor, like every request's."""
        request = self.transport.build("GET", paths.HEALTH, timeout_s=timeout_s)
        try:
            await self.transport.send(request, retry=False, deadline_s=timeout_s)
        except (TransportFailure, BadAnswer):
            return False
        return True


def decoded(response: httpx.Response, decode: Callable[[bytes], Any]) -> Any:
    """A 2xx answer's body decoded; any other status as the error it stands for."""
    if not 200 <= response.status_code < 300:
        raise error_from_response(response.status_code, response.content)
    try:
        return decode(response.content)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise ApiError(response.status_code, f"unexpected response from the server: {exc}") from exc
