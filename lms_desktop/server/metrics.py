"""Per-process request metrics and the slow-query log, served by GET /metrics.

Latencies keep a bounded ring of recent samples per route, so p50/p99 reflect current behaviour and memory
stays flat however long the server runs. Everything here is touched from the event loop and from the one
slow-work thread, so updates take a lock (a few hundred nanoseconds, far below a request's cost).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lms_desktop.contract import EndpointMetrics, Metrics, SlowQuery

SAMPLES_PER_ROUTE = 2048
SLOW_QUERIES_KEPT = 50
SQL_CHARS_KEPT = 500


@dataclass(slots=True)
class _RouteStats:
    count: int = 0
    errors: int = 0
    samples: deque[float] = field(default_factory=lambda: deque(maxlen=SAMPLES_PER_ROUTE))


def _percentile(sorted_ms: list[float], fraction: float) -> float:
    if not sorted_ms:
        return 0.0
    index = min(len(sorted_ms) - 1, max(0, round(fraction * (len(sorted_ms) - 1))))
    return round(sorted_ms[index], 3)


class MetricsRegistry:
    """Counts and latencies per route template (never per raw path, so ids do not explode the table)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._routes: dict[str, _RouteStats] = {}
        self._slow: deque[SlowQuery] = deque(maxlen=SLOW_QUERIES_KEPT)
        self._started = time.monotonic()
        self.requests = 0
        self.cache_hits = 0
        self.cache_misses = 0

    def observe(self, route: str, status: int, seconds: float) -> None:
        with self._lock:
            stats = self._routes.get(route)
            if stats is None:
                stats = self._routes[route] = _RouteStats()
            stats.count += 1
            if status >= 500:
                stats.errors += 1
            stats.samples.append(seconds * 1000.0)
            self.requests += 1

    def cache_event(self, hit: bool) -> None:
        with self._lock:
            if hit:
                self.cache_hits += 1
            else:
                self.cache_misses += 1

    def slow_query(self, sql: str, ms: float) -> None:
        """Hooked into `Database.open(on_slow_query=...)` (which logs it): kept for /metrics."""
        text = " ".join(sql.split())[:SQL_CHARS_KEPT]
        with self._lock:
            self._slow.append(SlowQuery(sql=text, ms=round(ms, 3), at=datetime.now(UTC)))

    def snapshot(self) -> Metrics:
        with self._lock:
            routes = [(name, s.count, s.errors, sorted(s.samples)) for name, s in self._routes.items()]
            slow = list(self._slow)
            requests, hits, misses = self.requests, self.cache_hits, self.cache_misses
        endpoints = [
            EndpointMetrics(
                route=name,
                count=count,
                errors=errors,
                p50_ms=_percentile(samples, 0.50),
                p99_ms=_percentile(samples, 0.99),
            )
            for name, count, errors, samples in sorted(routes)
        ]
        return Metrics(
            uptime_seconds=round(time.monotonic() - self._started, 3),
            requests=requests,
            endpoints=endpoints,
            slow_queries=slow,
            cache_hits=hits,
            cache_misses=misses,
        )
