"""Per-request plumbing in front of every route: query-string bound, timing, metrics and the access log.

Raw ASGI rather than a Litestar middleware class: it costs one function call per request. The route
template (not the raw path) names the metric, so /courses/1 and /courses/2 count together. The access log
has method, path, status and time only: never the query string's secrets (there are none by design) nor
any header, so a token cannot end up in a log file.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from litestar.exceptions import ClientException

from lms_desktop.server.metrics import MetricsRegistry

if TYPE_CHECKING:
    from litestar.types import ASGIApp, Message, Receive, Scope, Send

access_log = logging.getLogger("lms.server.access")


def record(
    metrics: MetricsRegistry,
    method: str,
    path: str,
    template: str,
    status: int,
    elapsed: float,
    log: bool,
    client: str | None = None,
) -> None:
    """One answered request: into the route's metrics and, when on, the access log (with the client's
    address when known: the learner's behind a trusted proxy, see `--forwarded-allow-ips`)."""
    metrics.observe(f"{method} {template}", status, elapsed)
    if log and access_log.isEnabledFor(logging.INFO):
        if client is None:
            access_log.info("%s %s %d %.2f ms", method, path, status, elapsed * 1000)
        else:
            access_log.info("%s %s %d %.2f ms from %s", method, path, status, elapsed * 1000, client)


def _address(scope: Scope) -> str | None:
    client = scope.get("client")
    return str(client[0]) if client else None


def timing_middleware_factory(
    metrics: MetricsRegistry, *, max_query_string_bytes: int, log_requests: bool
) -> Callable[[ASGIApp], ASGIApp]:
    """Returns a Litestar middleware (a callable taking the next app)."""

    def middleware(app: ASGIApp) -> ASGIApp:
        async def timed(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            if len(scope["query_string"]) > max_query_string_bytes:
                raise ClientException(f"query string longer than {max_query_string_bytes} bytes")
            status = 500
            started = time.perf_counter()

            async def send_wrapper(message: Message) -> None:
                nonlocal status
                if message["type"] == "http.response.start":
                    status = message["status"]
                await send(message)

            metrics.in_flight += 1
            try:
                await app(scope, receive, send_wrapper)
            finally:
                metrics.in_flight -= 1
                record(
                    metrics,
                    str(scope.get("method", "")),
                    scope.get("path", ""),
                    scope.get("path_template") or "<unmatched>",
                    status,
                    time.perf_counter() - started,
                    log_requests,
                    _address(scope),
                )

        return timed

    return middleware
