"""HTTP transport: one httpx.AsyncClient, timeouts on every call, and retries only where they are safe.

Retries (with exponential backoff and jitter) happen only for idempotent methods and only when the request
got no answer (a connection or protocol error; not a timeout, which already waited) or a 502/503/504 from
a proxy or a briefly unhealthy server. A POST is
never retried: the server may already have acted on it. Every outcome is reported to the connectivity
monitor, so one failed request flips the app to offline.

Every body is streamed and capped (``body.py``), and every request has a total deadline covering its
retries, headers and body: httpx's own timeout is per read, so a body dripped a byte a second would
otherwise hold a call for as long as the server likes. An answer past either limit is refused whole.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from lms_desktop import __version__
from lms_desktop.client.body import (
    ACCEPT_ENCODING,
    BodyKind,
    BodyLimit,
    ResponseLimits,
    decoded_response,
    read_capped,
)
from lms_desktop.client.errors import AnswerTooSlow, BadAnswer, TransportFailure

log = logging.getLogger(__name__)

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({502, 503, 504})
RETRY_AFTER_CAP_S = 5.0


class Transport:
    def __init__(
        self,
        base_url: str,
        *,
        timeout_s: float = 10.0,
        retries: int = 2,
        http_transport: httpx.AsyncBaseTransport | None = None,
        on_outcome: Callable[[bool], None] | None = None,
        is_online: Callable[[], bool] | None = None,
        has_answered: Callable[[], bool] | None = None,
        backoff_base_s: float = 0.1,
        backoff_max_s: float = 2.0,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        limits: ResponseLimits | None = None,
    ) -> None:
        self.timeout_s = timeout_s
        self.limits = limits or ResponseLimits()
        self.retries = retries
        self.backoff_base_s = backoff_base_s
        self.backoff_max_s = backoff_max_s
        self._on_outcome = on_outcome
        self._is_online = is_online
        self._has_answered = has_answered
        self._sleep = sleep
        self.attempts = 0  # requests put on the wire (for tests and the metrics screen)
        self.client = httpx.AsyncClient(
            base_url=base_url,
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0)),
            transport=http_transport,
            # Idle connections are dropped before uvicorn's 5 s keep-alive closes them under us: a request
            # written onto a connection the server is closing fails, and POSTs are never retried.
            limits=httpx.Limits(max_connections=20, max_keepalive_connections=10, keepalive_expiry=2.0),
            follow_redirects=False,
            headers={
                "User-Agent": f"lms-desktop/{__version__}",
                "Accept": "application/json",
                "Accept-Encoding": ACCEPT_ENCODING,  # only what body.py decodes with a bounded output
            },
        )

    async def aclose(self) -> None:
        await self.client.aclose()

    def build(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, str] | None = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout_s: float | None = None,
    ) -> httpx.Request:
        hdrs = dict(headers or {})
        if content is not None:
            hdrs.setdefault("Content-Type", "application/json")
        timeout = httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0)) if timeout_s is not None else None
        return self.client.build_request(
            method,
            url,
            params=params,
            content=content,
            headers=hdrs,
            timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
        )

    def _backoff(self, attempt: int) -> float:
        base = min(self.backoff_base_s * (2**attempt), self.backoff_max_s)
        return base * (0.5 + random.random() / 2)  # jitter, not crypto

    def _report(self, ok: bool) -> None:
        if self._on_outcome is not None:
            self._on_outcome(ok)

    async def send(
        self,
        request: httpx.Request,
        *,
        retry: bool | None = None,
        kind: BodyKind = "json",
        deadline_s: float | None = None,
        sink: Callable[[bytes], None] | None = None,
    ) -> httpx.Response:
        """Send with retries where safe; the body is read (into `sink` when given) within the kind's size
        cap and the request's total deadline (the kind's, or `deadline_s` if shorter). Raises
        TransportFailure if no answer came, AnswerTooLarge / AnswerTooSlow / BadAnswer for a refused one."""
        limit = self.limits.of(kind)
        budget = limit.deadline_s if deadline_s is None else min(deadline_s, limit.deadline_s)
        try:
            async with asyncio.timeout(budget):
                return await self._send(request, retry, limit, kind, sink)
        except TimeoutError as exc:
            self._report(False)  # like a timeout: the app goes offline and probes for a working server
            raise AnswerTooSlow(budget) from exc

    async def _send(
        self,
        request: httpx.Request,
        retry: bool | None,
        limit: BodyLimit,
        kind: BodyKind,
        sink: Callable[[bytes], None] | None,
    ) -> httpx.Response:
        may_retry = request.method in IDEMPOTENT_METHODS if retry is None else retry
        if self._is_online is not None and not self._is_online():
            may_retry = False  # known offline: fail fast, the health probe watches for the server's return
        attempts = 1 + (self.retries if may_retry else 0)
        for attempt in range(attempts):
            last = attempt + 1 >= attempts
            self.attempts += 1
            try:
                response = await self.client.send(request, stream=True)
                try:
                    if response.status_code in RETRY_STATUSES and not last:
                        delay = self._backoff(attempt)
                        retry_after = response.headers.get("retry-after")
                        if retry_after and retry_after.strip().isdigit():
                            delay = max(delay, min(float(retry_after), RETRY_AFTER_CAP_S))
                        log.debug("%s %s -> %s; retrying", request.method, request.url, response.status_code)
                        await response.aclose()
                        await self._sleep(delay)
                        continue
                    if 200 <= response.status_code < 300:
                        body = await read_capped(response, limit, kind, sink)
                    else:  # an error's body is a message, never part of a download
                        body = await read_capped(response, self.limits.json, "json")
                finally:
                    await response.aclose()
            except httpx.TransportError as exc:
                # A timeout already cost timeout_s; retrying it would multiply the wait the learner sees.
                # A refused connection to a server that has not answered once this session means it is not
                # there (the app starting offline): the retries' back-off only delayed the cached screen.
                never_answered = self._has_answered is not None and not self._has_answered()
                hopeless = isinstance(exc, httpx.ConnectError) and never_answered
                if not last and not hopeless and not isinstance(exc, httpx.TimeoutException):
                    log.debug("%s %s failed (%r); retrying", request.method, request.url, exc)
                    await self._sleep(self._backoff(attempt))
                    continue
                self._report(False)
                raise TransportFailure(f"{request.method} {request.url.path}: {exc!r}") from exc
            except BadAnswer:
                self._report(True)  # it answered, with something refused (too large, undecodable)
                raise
            self._report(True)
            return decoded_response(response, body)
        raise AssertionError("unreachable")  # pragma: no cover
