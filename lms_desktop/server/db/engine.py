"""Engines for SQLite and PostgreSQL, tuned for many short reads and a few writers.

SQLite: WAL, synchronous=NORMAL, foreign keys, a busy timeout, a statement clock (`limits.py`), and writes
opened with `BEGIN IMMEDIATE` (a deferred BEGIN that reads then writes loses the lock race under several
writers: "database is locked").
The driver runs in autocommit mode so SQLAlchemy's BEGIN is the only transaction control.

Both: the pools hand out the connection returned last (LIFO). Each SQLite connection has its own page
cache and each PostgreSQL connection its own prepared statements and backend caches; a FIFO pool would
rotate a one-at-a-time reader over every connection a burst had opened, each one cold.

PostgreSQL (psycopg 3): the read engine is AUTOCOMMIT with no reset-on-return, which saves the implicit
BEGIN ... ROLLBACK round trips of every short read; writes use a normal READ COMMITTED engine.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url

from lms_desktop.server.db import limits, sqltime
from lms_desktop.server.db.driver_sql import AUTOCOMMIT_READS
from lms_desktop.server.extras import require

log = logging.getLogger(__name__)

SlowQueryHook = Callable[[str, float], None]


def normalize_url(url: str) -> str:
    """Accept the usual spellings (postgres://, postgresql://) and pick the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_connect_hook(bounds: limits.Limits) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_conn: Any, record: Any) -> None:
        dbapi_conn.isolation_level = None  # autocommit in the driver; SQLAlchemy's begin hook emits BEGIN
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={bounds.lock_ms}")
        cur.close()
        if bounds.statement_ms:
            record.info[limits.CLOCK] = limits.StatementClock(bounds.statement_ms).install(dbapi_conn)

    return on_connect


def _install_statement_clock(engine: Engine) -> None:
    """Start a SQLite connection's clock before each statement and stop it after (or on its error)."""

    @event.listens_for(engine, "before_cursor_execute")
    def _start(conn: Connection, *_args: Any) -> None:
        clock = conn.info.get(limits.CLOCK)
        if clock is not None:
            clock.start()

    @event.listens_for(engine, "after_cursor_execute")
    def _stop(conn: Connection, *_args: Any) -> None:
        clock = conn.info.get(limits.CLOCK)
        if clock is not None:
            clock.stop()

    @event.listens_for(engine, "handle_error")
    def _stop_on_error(context: Any) -> None:
        conn = context.connection
        clock = conn.info.get(limits.CLOCK) if conn is not None else None
        if clock is not None:
            clock.stop()


def _mark_autocommit_reads(_dbapi_conn: Any, record: Any) -> None:
    # every connection of the read engine runs in autocommit: `driver_sql.rows` may skip SQLAlchemy on it
    record.info[AUTOCOMMIT_READS] = True


def _install_timing(engine: Engine, slow_ms: float, hook: SlowQueryHook | None) -> None:
    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn: Connection, _cur: Any, _stmt: str, _params: Any, _ctx: Any, _many: bool) -> None:
        conn.info.setdefault("query_start", []).append(time.perf_counter())

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn: Connection, _cur: Any, stmt: str, _params: Any, _ctx: Any, _many: bool) -> None:
        starts = conn.info.get("query_start")
        if not starts:
            return
        ms = (time.perf_counter() - starts.pop()) * 1000.0
        sqltime.add(round(ms * 1e6))
        if ms >= slow_ms and not _many:  # bulk loads are slow by design
            log.warning("slow query (%.1f ms): %s", ms, " ".join(stmt.split())[:500])
            if hook is not None:
                hook(stmt, ms)


def _sqlite_engines(
    url: str, read_limits: limits.Limits, write_limits: limits.Limits
) -> tuple[Engine, Engine]:
    """(read, write) engines over one SQLite file; writes open with BEGIN IMMEDIATE, reads autocommit."""
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)

    def args(bounds: limits.Limits) -> dict[str, Any]:
        return {"check_same_thread": False, "timeout": bounds.lock_ms / 1000.0}

    write = sa.create_engine(
        url,
        pool_size=5,
        max_overflow=30,
        pool_timeout=60,
        pool_use_lifo=True,
        connect_args=args(write_limits),
    )
    read = sa.create_engine(
        url,
        pool_size=8,
        max_overflow=16,
        pool_reset_on_return=None,
        pool_use_lifo=True,
        connect_args=args(read_limits),
    )
    for eng, bounds in ((write, write_limits), (read, read_limits)):
        event.listen(eng, "connect", _sqlite_connect_hook(bounds))
        _install_statement_clock(eng)

    @event.listens_for(write, "begin")
    def _begin_immediate(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    @event.listens_for(read, "begin")
    def _begin_read(conn: Connection) -> None:
        pass  # reads run in autocommit: each statement sees the latest committed snapshot

    return read, write


def _postgres_engines(
    url: str, read_limits: limits.Limits, write_limits: limits.Limits
) -> tuple[Engine, Engine]:
    """(read, write) engines over one PostgreSQL database; the read engine runs in AUTOCOMMIT.

    JIT compiling a query whose estimated cost is high (a broad search) takes longer than short OLTP
    queries run, so it is off for our sessions. psycopg prepares a statement after five runs, and
    PostgreSQL then may switch it to a generic plan, which cannot see the search terms or the LIMIT and
    runs a search markedly slower: custom plans always (a prepared statement still skips parsing, and
    planning our short statements is cheap). Statement and lock timeouts per engine (`limits.py`): a lock
    held by a migration costs a request a prompt 503, not a connection stuck behind it.
    """
    options = "-c jit=off -c plan_cache_mode=force_custom_plan"

    def engine(bounds: limits.Limits, **kwargs: Any) -> Engine:
        return sa.create_engine(
            url,
            pool_size=10,
            max_overflow=20,
            pool_pre_ping=True,
            pool_use_lifo=True,
            connect_args={"connect_timeout": 5, "options": f"{options} {bounds.pg_options()}"},
            **kwargs,
        )

    write = engine(write_limits)
    read = engine(read_limits, isolation_level="AUTOCOMMIT", pool_reset_on_return=None)
    return read, write


class Database:
    """A read path and a write path over one database; see the module docstring for the tuning."""

    dialect: Literal["sqlite", "postgresql"]
    url: str
    bounded: bool = False  # statement and lock timeouts on (the loop's own connections take `limits.LOOP`)

    def __init__(self, url: str, read_engine: Engine, write_engine: Engine) -> None:
        self.url = url
        name = write_engine.dialect.name
        if name not in ("sqlite", "postgresql"):
            raise ValueError(f"unsupported database: {name}")
        self.dialect = "sqlite" if name == "sqlite" else "postgresql"
        self.read_engine = read_engine
        self.write_engine = write_engine

    @classmethod
    def open(
        cls,
        url: str,
        *,
        slow_query_ms: float = 200.0,
        on_slow_query: SlowQueryHook | None = None,
        bounded: bool = False,
    ) -> Database:
        """`bounded`: statement and lock timeouts (`limits.py`), for a server answering requests; the
        command-line tools (migrate, seed) run unbounded, as a long COPY or index build must finish."""
        url = normalize_url(url)
        read_limits = limits.READ if bounded else limits.UNBOUNDED
        write_limits = limits.WRITE if bounded else limits.UNBOUNDED
        backend = make_url(url).get_backend_name()
        if backend == "sqlite":
            read, write = _sqlite_engines(url, read_limits, write_limits)
        elif backend == "postgresql":
            require("psycopg", "postgres", "A PostgreSQL database")
            read, write = _postgres_engines(url, read_limits, write_limits)
        else:
            raise ValueError(f"unsupported database URL: {backend}")
        for eng in (write, read):
            _install_timing(eng, slow_query_ms, on_slow_query)
        event.listen(read, "connect", _mark_autocommit_reads)
        db = cls(url, read, write)
        db.bounded = bounded
        return db

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for short reads; nothing it does is committed."""
        with self.read_engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction (BEGIN IMMEDIATE on SQLite), committed when the block ends without error."""
        with self.write_engine.begin() as conn:
            yield conn

    @property
    def write_pool_size(self) -> int:
        """Connections the write pool keeps: how many writes may run at once without queueing for one."""
        size = getattr(self.write_engine.pool, "size", None)
        return int(size()) if callable(size) else 1

    def ping(self) -> bool:
        """Health check: can we run a query at all?"""
        try:
            with self.read() as conn:
                conn.execute(sa.text("SELECT 1")).scalar()
            return True
        except Exception as exc:
            # One line, no traceback: /health is polled, and an outage would otherwise flood the log.
            log.warning(
                "database ping failed: %s", str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            )
            return False

    def close(self) -> None:
        self.read_engine.dispose()
        self.write_engine.dispose()
