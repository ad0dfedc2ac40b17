"""Fault-injecting httpx transports that wrap the REAL transport to the real server.

Used only for what a real server cannot produce on demand: a 503 from a proxy, a dropped connection, an
answer delayed in transit (the server has already answered; the network holds it back).
"""

from __future__ import annotations

import asyncio

import httpx


class HoldResponses(httpx.AsyncBaseTransport):
    """When armed, holds the next GET whose path ends with `path_suffix` after the server answered it."""

    def __init__(self, path_suffix: str) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.path_suffix = path_suffix
        self.armed = False
        self.holding = asyncio.Event()
        self.release = asyncio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if self.armed and request.method == "GET" and request.url.path.endswith(self.path_suffix):
            self.armed = False
            await response.aread()
            self.holding.set()
            await self.release.wait()
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


class Flaky(httpx.AsyncBaseTransport):
    """Replaces the first `failures` answers to matching requests with a fault, AFTER the real server has
    handled them (so the server's request counter shows every attempt), or raises a connection error
    before sending (`connect_errors`)."""

    def __init__(
        self, *, method: str, path: str, failures: int = 0, status: int = 503, connect_errors: int = 0
    ) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.method = method
        self.path = path
        self.failures = failures
        self.status = status
        self.connect_errors = connect_errors
        self.matched = 0  # matching requests seen (each one reached the server unless refused before)

    def _matches(self, request: httpx.Request) -> bool:
        return request.method == self.method and request.url.path.startswith(self.path)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.matched += self._matches(request)
        if self._matches(request) and self.connect_errors > 0:
            self.connect_errors -= 1
            raise httpx.ConnectError("injected: connection refused", request=request)
        response = await self.inner.handle_async_request(request)
        if self._matches(request) and self.failures > 0:
            self.failures -= 1
            await response.aread()
            await response.aclose()
            return httpx.Response(
                self.status, json={"status_code": self.status, "detail": "injected"}, request=request
            )
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()
