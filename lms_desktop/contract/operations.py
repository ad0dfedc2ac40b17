"""Operations: readiness, liveness and metrics."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from lms_desktop.contract.base import Struct


class Health(Struct, kw_only=True):
    """Readiness: 200 only while this instance should get traffic (database answering, schema migrated,
    writes accepted, not shutting down); `status` is "degraded" when anything is wrong, Redis included."""

    status: Literal["ok", "degraded"]
    database: bool
    redis: bool | None = None
    version: str
    ready: bool = True
    migrated: bool = True
    writes: bool = True
    draining: bool = False


class Liveness(Struct, kw_only=True):
    """The process's event loop answers (restart it if not); says nothing about the database."""

    status: Literal["ok"] = "ok"
    version: str


class EndpointMetrics(Struct, kw_only=True):
    route: str
    count: int
    errors: int
    p50_ms: float
    p99_ms: float


class SlowQuery(Struct, kw_only=True):
    sql: str
    ms: float
    at: datetime


class Metrics(Struct, kw_only=True):
    uptime_seconds: float
    requests: int
    endpoints: list[EndpointMetrics]
    slow_queries: list[SlowQuery]
    cache_hits: int
    cache_misses: int
