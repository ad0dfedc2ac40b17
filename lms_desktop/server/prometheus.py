"""/metrics in Prometheus' text format, built at scrape time from what the server counts anyway.

A custom collector over this process's registries (requests per route, latency histograms, connection pool
use, writes, op_id syncs, hot-cache hits) rather than prometheus-client's own counters on the request path:
recording stays the one lock-and-add it was, and a scrape costs a pass over the counters. Route labels are
route templates (never raw paths); no SQL text and no parameters are exported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector

from lms_desktop.server.metrics import BUCKETS, GROWTH, MIN_MS, sync_counts

if TYPE_CHECKING:
    from lms_desktop.server.http.state import ServerState

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
BOUNDS_S = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


def _upper_ms(index: int) -> float:
    """The upper bound of a log bucket of `metrics.py` (bucket 0 holds everything up to MIN_MS)."""
    return MIN_MS * GROWTH**index


def cumulative(histogram: list[int]) -> list[tuple[str, float]]:
    """Our log-scale buckets folded into Prometheus' cumulative `le` buckets (each log bucket counted
    under the first bound at or above its upper edge, so a count is never reported early)."""
    counts = [0] * len(BOUNDS_S)
    for index in range(min(len(histogram), BUCKETS)):
        n = histogram[index]
        if not n:
            continue
        upper_s = _upper_ms(index) / 1000.0
        for slot, bound in enumerate(BOUNDS_S):
            if upper_s <= bound * 1.000001:
                counts[slot] += n
                break
    out: list[tuple[str, float]] = []
    running = 0
    for bound, n in zip(BOUNDS_S, counts, strict=True):
        running += n
        out.append((repr(bound), float(running)))
    out.append(("+Inf", float(sum(histogram))))
    return out


class ServerCollector(Collector):
    def __init__(self, st: ServerState) -> None:
        self.st = st

    def collect(self) -> Iterator[Metric]:
        yield from self._requests()
        yield from self._pools()
        yield from self._writes()
        cache = CounterMetricFamily("lms_hot_cache_lookups", "Hot-cache lookups", labels=["result"])
        cache.add_metric(["hit"], self.st.metrics.cache_hits)
        cache.add_metric(["miss"], self.st.metrics.cache_misses)
        yield cache
        in_flight = GaugeMetricFamily("lms_http_requests_in_flight", "Requests being answered now")
        in_flight.add_metric([], self.st.metrics.in_flight)
        yield in_flight

    def _requests(self) -> Iterator[Metric]:
        count = CounterMetricFamily("lms_http_requests", "Answered requests", labels=["route"])
        errors = CounterMetricFamily("lms_http_server_errors", "Answers with a 5xx status", labels=["route"])
        latency = HistogramMetricFamily(
            "lms_http_request_duration_seconds", "Time to answer, per route", labels=["route"]
        )
        for route, n, failed, seconds, histogram in sorted(self.st.metrics.routes()):
            count.add_metric([route], n)
            errors.add_metric([route], failed)
            latency.add_metric([route], cumulative(histogram), seconds)
        yield from (count, errors, latency)

    def _pools(self) -> Iterator[Metric]:
        used = GaugeMetricFamily("lms_db_pool_checked_out", "Connections in use", labels=["pool"])
        size = GaugeMetricFamily("lms_db_pool_size", "Connections the pool keeps", labels=["pool"])
        for name, engine in (("read", self.st.db.read_engine), ("write", self.st.db.write_engine)):
            pool = engine.pool
            checked_out = getattr(pool, "checkedout", None)
            pool_size = getattr(pool, "size", None)
            used.add_metric([name], float(checked_out()) if callable(checked_out) else 0.0)
            size.add_metric([name], float(pool_size()) if callable(pool_size) else 0.0)
        yield from (used, size)

    def _writes(self) -> Iterator[Metric]:
        stats = self.st.writer.stats
        writes = CounterMetricFamily("lms_db_writes", "Learner writes", labels=["result"])
        writes.add_metric(["ok"], stats.writes)
        writes.add_metric(["failed"], stats.failed)
        yield writes
        transactions = CounterMetricFamily("lms_db_write_transactions", "Write transactions committed")
        transactions.add_metric([], stats.transactions)
        yield transactions
        retries = CounterMetricFamily("lms_db_write_retries", "Writes retried after a deadlock")
        retries.add_metric([], stats.retries)
        yield retries
        handed = CounterMetricFamily(
            "lms_db_writes_handed_over",
            "SQLite writes run on the group writer: the lock was held elsewhere, or a statement ran long",
        )
        handed.add_metric([], stats.handed_over)
        yield handed
        sync = CounterMetricFamily(
            "lms_sync_ops", "Writes carrying an op_id (outbox sync)", labels=["kind", "outcome"]
        )
        for (kind, outcome), n in sorted(sync_counts.snapshot().items()):
            sync.add_metric([kind, outcome], n)
        yield sync


def registry_for(st: ServerState) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(ServerCollector(st))
    return registry


def render(registry: CollectorRegistry) -> bytes:
    return generate_latest(registry)
