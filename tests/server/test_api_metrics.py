"""The latency histogram behind GET /metrics: percentiles within the bucket width of the exact ones."""

from __future__ import annotations

import random

import pytest

from lms_desktop.server.metrics import GROWTH, MetricsRegistry


def test_percentiles_match_exact_ones_within_a_bucket() -> None:
    rng = random.Random(3)
    samples = sorted(rng.lognormvariate(0, 1.2) for _ in range(20_000))  # ms
    registry = MetricsRegistry()
    for ms in samples:
        registry.observe("GET /x", 200, ms / 1000)
    endpoint = registry.snapshot().endpoints[0]
    exact_p50 = samples[len(samples) // 2]
    exact_p99 = samples[int(len(samples) * 0.99)]
    assert endpoint.p50_ms == pytest.approx(exact_p50, rel=GROWTH - 1)
    assert endpoint.p99_ms == pytest.approx(exact_p99, rel=GROWTH - 1)
    assert endpoint.count == 20_000 and endpoint.errors == 0


def test_errors_counts_and_extremes() -> None:
    registry = MetricsRegistry()
    registry.observe("GET /a", 503, 0.0)  # zero and absurdly long latencies land in the end buckets
    registry.observe("GET /a", 200, 10_000.0)
    registry.observe("GET /b", 404, 0.002)
    snap = registry.snapshot()
    a, b = snap.endpoints
    assert (a.route, a.count, a.errors) == ("GET /a", 2, 1)
    assert (b.route, b.count, b.errors) == ("GET /b", 1, 0)  # a 4xx is the client's error, not ours
    assert a.p50_ms <= a.p99_ms and b.p50_ms == pytest.approx(2.0, rel=GROWTH - 1)
    assert snap.requests == 3


def test_an_empty_registry_reports_nothing() -> None:
    snap = MetricsRegistry().snapshot()
    assert snap.endpoints == [] and snap.requests == 0 and snap.slow_queries == []
