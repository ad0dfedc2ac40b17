"""Server settings: one frozen object, each field declared once with how it is given.

Every field carries its environment variable and, for those a person sets, its `lms-server` option
(`options.py`). The environment (`from_env`), the command line (`from_args`) and `to_env` are derived from
those fields. uvicorn's multi-worker mode imports the app in fresh processes by an import string, so
everything a worker needs must survive a trip through the environment: `to_env` / `from_env` are that trip.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

from lms_desktop import dirs
from lms_desktop.server import options
from lms_desktop.server.http.connection_limits import (
    BODY_TIMEOUT_SECONDS,
    HEADER_TIMEOUT_SECONDS,
    KEEP_ALIVE_TIMEOUT_SECONDS,
    MAX_CONNECTIONS_PER_ADDRESS,
)
from lms_desktop.server.options import option

DEFAULT_HOST = "127.0.0.1"  # loopback unless told otherwise
DEFAULT_PORT = 8765
MB = 1024 * 1024


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

    database_url: str = field(
        default_factory=default_database_url,
        metadata=option(
            "LMS_DATABASE_URL",
            "--database",
            scope="common",
            metavar="URL",
            help="SQLAlchemy URL (sqlite:///path or postgresql://...); default: a SQLite file in the user "
            "data dir",
        ),
    )
    data_dir: Path = field(
        default_factory=dirs.data_dir,
        metadata=option(
            "LMS_DATA_DIR",
            "--data-dir",
            scope="common",
            metavar="DIR",
            help="covers and the thumbnail cache (default: the user data dir)",
        ),
    )
    host: str = field(
        default=DEFAULT_HOST,
        metadata=option("LMS_HOST", "--host", help="interface to bind (default: loopback)"),
    )
    port: int = field(default=DEFAULT_PORT, metadata=option("LMS_PORT", "--port"))
    workers: int = field(
        default=1, metadata=option("LMS_WORKERS", "--workers", help="server processes sharing the port")
    )
    redis_url: str | None = field(
        default=None,
        metadata=option(
            "LMS_REDIS_URL", "--redis", metavar="URL", help="shared hot-cache tier, e.g. redis://..."
        ),
    )
    slow_query_ms: float = field(
        default=200.0,
        metadata=option("LMS_SLOW_QUERY_MS", "--slow-query-ms", help="log queries slower than this"),
    )
    token_ttl: timedelta = field(default=timedelta(days=30), metadata=option("LMS_TOKEN_TTL_SECONDS"))
    max_body_bytes: int = field(default=64 * 1024, metadata=option("LMS_MAX_BODY_BYTES"))
    # q may be 5,000 emoji: 60,000 bytes percent-encoded
    max_query_string_bytes: int = field(default=64 * 1024, metadata=option("LMS_MAX_QUERY_STRING_BYTES"))
    hot_cache_bytes: int = field(
        default=32 * MB,
        metadata=option(
            "LMS_HOT_CACHE_BYTES",
            "--hot-cache-mb",
            scale=MB,
            help="in-process cache of response bodies, in MB (0: off)",
        ),
    )
    # per (account, client address) and minute
    login_failures_allowed: int = field(default=5, metadata=option("LMS_LOGIN_FAILURES_ALLOWED"))
    # per client address and minute (a classroom shares one NAT)
    login_failures_per_address: int = field(default=20, metadata=option("LMS_LOGIN_FAILURES_PER_ADDRESS"))
    sign_in_concurrency: int = field(
        default=4,
        metadata=option(
            "LMS_SIGN_IN_CONCURRENCY",
            "--sign-in-concurrency",
            metavar="N",
            help="password verifications in flight per process; the excess gets 503 at once",
        ),
    )
    login_window_seconds: float = field(default=60.0, metadata=option("LMS_LOGIN_WINDOW_SECONDS"))
    redis_ttl_seconds: int = field(default=600, metadata=option("LMS_REDIS_TTL_SECONDS"))
    access_log: bool = field(
        default=True,
        metadata=option(
            "LMS_ACCESS_LOG",
            "--no-access-log",
            negated=True,
            help="no per-request log line (method, path, status, ms)",
        ),
    )
    server_timing: bool = field(
        default=False,
        metadata=option(
            "LMS_SERVER_TIMING",
            "--server-timing",
            help="add a Server-Timing header to every answer: its time in SQL and in the app (for "
            "profiling; it tells clients how long the database took)",
        ),
    )
    # how long an applied op id guards against its replay (pruned daily)
    op_retention_days: int = field(default=180, metadata=option("LMS_OP_RETENTION_DAYS"))
    assets_root: Path | None = field(
        default_factory=lambda: _env_path("LMS_ASSETS_DIR"),
        metadata=option(
            "LMS_ASSETS_DIR",
            "--assets-dir",
            scope="common",
            metavar="DIR",
            help="imported files, content-addressed (default: <data dir>/assets)",
        ),
    )
    # an uploaded or imported package (the archive itself)
    import_max_mb: int = field(default=2048, metadata=option("LMS_IMPORT_MAX_MB"))
    # connection limits (`http/connection_limits.py`): a request head, a body, an idle keep-alive, per address
    header_timeout_s: float = field(
        default=HEADER_TIMEOUT_SECONDS,
        metadata=option(
            "LMS_HEADER_TIMEOUT_S",
            "--header-timeout",
            metavar="S",
            help="close a connection whose request head is not complete S seconds after it connects or "
            "after the request's first byte (408)",
        ),
    )
    body_timeout_s: float = field(
        default=BODY_TIMEOUT_SECONDS,
        metadata=option(
            "LMS_BODY_TIMEOUT_S",
            "--body-timeout",
            metavar="S",
            help="close a connection whose request body is not complete S seconds after its head (408)",
        ),
    )
    keep_alive_timeout_s: int = field(
        default=KEEP_ALIVE_TIMEOUT_SECONDS,
        metadata=option(
            "LMS_KEEP_ALIVE_TIMEOUT_S",
            "--keep-alive-timeout",
            metavar="S",
            help="close a keep-alive connection idle S seconds after an answer",
        ),
    )
    max_connections_per_address: int = field(
        default=MAX_CONNECTIONS_PER_ADDRESS,
        metadata=option(
            "LMS_MAX_CONNECTIONS_PER_ADDRESS",
            "--max-connections-per-address",
            metavar="N",
            help="open connections one client address may hold; the excess gets 503 and is closed",
        ),
    )
    metrics_token: str | None = field(
        default=None,
        metadata=option(
            "LMS_METRICS_TOKEN",
            "--metrics-token",
            help="bearer token that /metrics and /api/v1/metrics answer to (without one they are refused)",
        ),
    )
    drain_delay_seconds: float = field(
        default=0.0,
        metadata=option(
            "LMS_DRAIN_DELAY_SECONDS",
            "--drain-delay",
            metavar="S",
            help="after SIGTERM, fail readiness and keep serving S seconds before closing (behind a load "
            "balancer: longer than its health checks take to mark the instance down)",
        ),
    )
    drain_timeout_seconds: float = field(
        default=20.0,
        metadata=option(
            "LMS_DRAIN_TIMEOUT_SECONDS",
            "--drain-timeout",
            metavar="S",
            help="then wait at most S seconds for requests in flight",
        ),
    )
    forwarded_allow_ips: str = field(
        default="",
        metadata=option(
            "LMS_FORWARDED_ALLOW_IPS",
            "--forwarded-allow-ips",
            help="proxies whose X-Forwarded-For/-Proto are trusted (comma-separated addresses or networks, "
            "'*' for any; default: none)",
        ),
    )

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
        return options.to_env(self)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Settings from `LMS_*` variables (a worker process's, or `lms-server`'s own); unset or empty
        variables keep their defaults."""
        return cls(**options.env_changes(cls, os.environ if env is None else env))

    def from_args(self, args: argparse.Namespace) -> Settings:
        """These settings with the options given on the command line (see `options.add_arguments`)."""
        changes = options.arg_changes(type(self), args)
        return self.with_(**changes) if changes else self
