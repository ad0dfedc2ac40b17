"""Per-process request metrics and the slow-query log, served by GET /metrics.

Latencies go into a log-scale histogram per route (buckets 5% apart from 10 us to ~2 min): recording is
O(1), memory is flat however long the server runs, and a snapshot costs a pass over ~340 counters per route
instead of sorting thousands of samples. Percentiles are accurate to the
bucket width (+-2.5%). Everything here is touched from the event loop and from the one slow-work thread,
so updates take a lock (a few hundred nanoseconds, far below a request's cost).
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lms_desktop.contract import EndpointMetrics, Metrics, SlowQuery

SLOW_QUERIES_KEPT = 50
SQL_CHARS_KEPT = 500


MIN_MS = 0.01
GROWTH = 1.05
BUCKETS = 340  # 0.01 ms * 1.05**340 ~ 160 s
_LOG_GROWTH = math.log(GROWTH)


def bucket_of(ms: float) -> int:
    if ms <= MIN_MS:
        return 0
    return min(BUCKETS - 1, int(math.log(ms / MIN_MS) / _LOG_GROWTH) + 1)


def bucket_ms(index: int) -> float:
    """A representative latency for a bucket: the geometric middle of its bounds."""
    if index == 0:
        return MIN_MS
    return MIN_MS * GROWTH ** (index - 0.5)


@dataclass(slots=True)
class _RouteStats:
    count: int = 0
    errors: int = 0
    seconds: float = 0.0
    histogram: list[int] = field(default_factory=lambda: [0] * BUCKETS)


def _percentiles(histogram: list[int], count: int, fractions: tuple[float, ...]) -> list[float]:
    if count == 0:
        return [0.0 for _ in fractions]
    ranks = [max(1, math.ceil(f * count)) for f in fractions]
    out: list[float] = []
    seen = 0
    want = 0
    for index, n in enumerate(histogram):
        if not n:
            continue
        seen += n
        while want < len(ranks) and seen >= ranks[want]:
            out.append(round(bucket_ms(index), 3))
            want += 1
        if want == len(ranks):
            break
    return out


class SyncCounts:
    """Writes carrying an op_id (the clients' outbox sync), per kind: applied, or a replay that changed
    nothing. Process-wide: the storage layer counts them wherever the write came from."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.counts: dict[tuple[str, str], int] = {}

    def note(self, kind: str, applied: bool) -> None:
        key = (kind, "applied" if applied else "replayed")
        with self._lock:
            self.counts[key] = self.counts.get(key, 0) + 1

    def snapshot(self) -> dict[tuple[str, str], int]:
        with self._lock:
            return dict(self.counts)


sync_counts = SyncCounts()


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
        self.in_flight = 0  # requests being served now (the timing middleware counts, on the loop thread)

    def observe(self, route: str, status: int, seconds: float) -> None:
        with self._lock:
            stats = self._routes.get(route)
            if stats is None:
                stats = self._routes[route] = _RouteStats()
            stats.count += 1
            stats.seconds += seconds
            if status >= 500:
                stats.errors += 1
            stats.histogram[bucket_of(seconds * 1000.0)] += 1
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

    def routes(self) -> list[tuple[str, int, int, float, list[int]]]:
        """(route, count, 5xx count, total seconds, histogram) per route, for the Prometheus exporter."""
        with self._lock:
            return [(n, s.count, s.errors, s.seconds, list(s.histogram)) for n, s in self._routes.items()]

    def snapshot(self) -> Metrics:
        with self._lock:
            routes = [(name, s.count, s.errors, list(s.histogram)) for name, s in self._routes.items()]
            slow = list(self._slow)
            requests, hits, misses = self.requests, self.cache_hits, self.cache_misses
        endpoints = []
        for name, count, errors, histogram in sorted(routes):
            p50, p99 = _percentiles(histogram, count, (0.50, 0.99))
            endpoints.append(EndpointMetrics(route=name, count=count, errors=errors, p50_ms=p50, p99_ms=p99))
        return Metrics(
            uptime_seconds=round(time.monotonic() - self._started, 3),
            requests=requests,
            endpoints=endpoints,
            slow_queries=slow,
            cache_hits=hits,
            cache_misses=misses,
        )
