"""Server settings: one frozen object built from the command line or from environment variables.

uvicorn's multi-worker mode imports the app in fresh processes by an import string, so everything a worker
needs must survive a trip through the environment; `to_env` / `from_env` are that trip.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

from lms_desktop import dirs
from lms_desktop.server.http.connection_limits import (
    BODY_TIMEOUT_SECONDS,
    HEADER_TIMEOUT_SECONDS,
    KEEP_ALIVE_TIMEOUT_SECONDS,
    MAX_CONNECTIONS_PER_ADDRESS,
)

DEFAULT_HOST = "127.0.0.1"  # loopback unless told otherwise
DEFAULT_PORT = 8765


def default_database_url() -> str:
    """`LMS_DATABASE_URL` if set, else a SQLite file in the user's data dir."""
    env = os.environ.get("LMS_DATABASE_URL")
    if env:
        return env
    return f"sqlite:///{dirs.data_dir() / 'lms.sqlite3'}"


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything one server process needs; immutable so a running app cannot drift from its config."""

    database_url: str = field(default_factory=default_database_url)
    data_dir: Path = field(default_factory=dirs.data_dir)
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    workers: int = 1
    redis_url: str | None = None
    slow_query_ms: float = 200.0
    token_ttl: timedelta = timedelta(days=30)
    max_body_bytes: int = 64 * 1024
    max_query_string_bytes: int = 64 * 1024  # q may be 5,000 emoji: 60,000 bytes percent-encoded
    hot_cache_bytes: int = 32 * 1024 * 1024
    login_failures_allowed: int = 5  # per (account, client address) and minute
    login_failures_per_address: int = 20  # per client address and minute (a classroom shares one NAT)
    sign_in_concurrency: int = 4  # password verifications in flight per process; the excess gets 503
    login_window_seconds: float = 60.0
    redis_ttl_seconds: int = 600
    access_log: bool = True
    server_timing: bool = False  # a Server-Timing header (time in SQL, in the app) on every answer
    op_retention_days: int = 180  # how long an applied op id guards against its replay (pruned daily)
    metrics_token: str | None = None  # bearer token for /metrics and /api/v1/metrics (none: refused)
    drain_delay_seconds: float = 0.0  # after SIGTERM, keep serving with readiness failing this long
    drain_timeout_seconds: float = 20.0  # then at most this long for in-flight requests to finish
    forwarded_allow_ips: str = ""  # proxies trusted for X-Forwarded-For/-Proto (comma list, "*": any)
    assets_root: Path | None = field(
        default_factory=lambda: _env_path("LMS_ASSETS_DIR")
    )  # imported files (content-addressed); default <data dir>/assets
    import_max_mb: int = 2048  # an uploaded or imported package (the archive itself)
    # connection limits (`http/connection_limits.py`): a request head, a body, an idle keep-alive, per address
    header_timeout_s: float = HEADER_TIMEOUT_SECONDS
    body_timeout_s: float = BODY_TIMEOUT_SECONDS
    keep_alive_timeout_s: int = KEEP_ALIVE_TIMEOUT_SECONDS
    max_connections_per_address: int = MAX_CONNECTIONS_PER_ADDRESS

    @property
    def images_dir(self) -> Path:
        return self.data_dir / "images"

    @property
    def assets_dir(self) -> Path:
        return self.assets_root if self.assets_root is not None else self.data_dir / "assets"

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    def to_env(self) -> dict[str, str]:
        """The settings as `LMS_*` variables, for worker processes started by uvicorn."""
        env = {
            "LMS_DATABASE_URL": self.database_url,
            "LMS_DATA_DIR": str(self.data_dir),
            "LMS_HOST": self.host,
            "LMS_PORT": str(self.port),
            "LMS_SLOW_QUERY_MS": str(self.slow_query_ms),
            "LMS_TOKEN_TTL_SECONDS": str(int(self.token_ttl.total_seconds())),
            "LMS_MAX_BODY_BYTES": str(self.max_body_bytes),
            "LMS_HOT_CACHE_BYTES": str(self.hot_cache_bytes),
            "LMS_ACCESS_LOG": "1" if self.access_log else "0",
            "LMS_SERVER_TIMING": "1" if self.server_timing else "0",
            "LMS_OP_RETENTION_DAYS": str(self.op_retention_days),
            "LMS_DRAIN_DELAY_SECONDS": str(self.drain_delay_seconds),
            "LMS_DRAIN_TIMEOUT_SECONDS": str(self.drain_timeout_seconds),
            "LMS_FORWARDED_ALLOW_IPS": self.forwarded_allow_ips,
            "LMS_HEADER_TIMEOUT_S": str(self.header_timeout_s),
            "LMS_BODY_TIMEOUT_S": str(self.body_timeout_s),
            "LMS_KEEP_ALIVE_TIMEOUT_S": str(self.keep_alive_timeout_s),
            "LMS_MAX_CONNECTIONS_PER_ADDRESS": str(self.max_connections_per_address),
            "LMS_SIGN_IN_CONCURRENCY": str(self.sign_in_concurrency),
        }
        if self.metrics_token:
            env["LMS_METRICS_TOKEN"] = self.metrics_token
        env["LMS_IMPORT_MAX_MB"] = str(self.import_max_mb)
        if self.assets_root is not None:
            env["LMS_ASSETS_DIR"] = str(self.assets_root)
        if self.redis_url:
            env["LMS_REDIS_URL"] = self.redis_url
        return env

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Rebuild settings in a worker process; unset variables keep their defaults."""
        e = os.environ if env is None else env
        base = cls(
            database_url=e.get("LMS_DATABASE_URL") or default_database_url(),
            data_dir=Path(e["LMS_DATA_DIR"]) if e.get("LMS_DATA_DIR") else dirs.data_dir(),
        )
        return base.with_(
            host=e.get("LMS_HOST", base.host),
            port=int(e.get("LMS_PORT", base.port)),
            redis_url=e.get("LMS_REDIS_URL") or None,
            slow_query_ms=float(e.get("LMS_SLOW_QUERY_MS", base.slow_query_ms)),
            token_ttl=timedelta(
                seconds=int(e.get("LMS_TOKEN_TTL_SECONDS", int(base.token_ttl.total_seconds())))
            ),
            max_body_bytes=int(e.get("LMS_MAX_BODY_BYTES", base.max_body_bytes)),
            hot_cache_bytes=int(e.get("LMS_HOT_CACHE_BYTES", base.hot_cache_bytes)),
            access_log=e.get("LMS_ACCESS_LOG", "1") != "0",
            server_timing=e.get("LMS_SERVER_TIMING", "0") == "1",
            op_retention_days=int(e.get("LMS_OP_RETENTION_DAYS", base.op_retention_days)),
            metrics_token=e.get("LMS_METRICS_TOKEN") or None,
            drain_delay_seconds=float(e.get("LMS_DRAIN_DELAY_SECONDS", base.drain_delay_seconds)),
            drain_timeout_seconds=float(e.get("LMS_DRAIN_TIMEOUT_SECONDS", base.drain_timeout_seconds)),
            forwarded_allow_ips=e.get("LMS_FORWARDED_ALLOW_IPS", base.forwarded_allow_ips),
            assets_root=Path(e["LMS_ASSETS_DIR"]) if e.get("LMS_ASSETS_DIR") else None,
            import_max_mb=int(e.get("LMS_IMPORT_MAX_MB", base.import_max_mb)),
            header_timeout_s=float(e.get("LMS_HEADER_TIMEOUT_S", base.header_timeout_s)),
            body_timeout_s=float(e.get("LMS_BODY_TIMEOUT_S", base.body_timeout_s)),
            keep_alive_timeout_s=int(e.get("LMS_KEEP_ALIVE_TIMEOUT_S", base.keep_alive_timeout_s)),
            max_connections_per_address=int(
                e.get("LMS_MAX_CONNECTIONS_PER_ADDRESS", base.max_connections_per_address)
            ),
            sign_in_concurrency=int(e.get("LMS_SIGN_IN_CONCURRENCY", base.sign_in_concurrency)),
        )
