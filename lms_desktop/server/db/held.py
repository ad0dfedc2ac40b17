"""The event loop's own read connection, held for the life of the process.

Reads run inline on the loop thread for most requests (see `ServerState.read`). A pool checkout per request
(and on PostgreSQL the round trip of `pool_pre_ping`) often cost more than the query. One thread never
needs two connections at once, so the loop keeps one. Reads are autocommit on both engines (see
`engine.py`): a held connection pins no snapshot and sees every commit.

A connection that breaks (PostgreSQL restarted, a network cut) is dropped and the read retried once on a
pooled connection, whose pre-ping replaces dead ones (on a bounded database that retry runs off the loop,
and so do reads for a few seconds after); any other error goes to the caller as before.

Every request waits while this connection works, so on a bounded database it runs with the loop's limits
(`limits.LOOP`): a lock wait of a few milliseconds raises `DatabaseBusy` (a migration or `VACUUM FULL` holds
the table; the caller answers 503 at once), and a statement past its limit raises `TooSlowForTheLoop`,
so that the caller runs it again off the loop with the pool's limits (restored when it goes back to the
pool).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from lms_desktop.server.db import limits
from lms_desktop.server.db.errors import DatabaseBusy

if TYPE_CHECKING:
    from lms_desktop.server.db.engine import Database

log = logging.getLogger("lms.server.db")


REST_SECONDS = 5.0
# after a read waited too long for a lock, the same read (its code) answers busy at once for this long: a
# lock held by a migration would otherwise cost the loop its wait on every request
LOCK_REST_SECONDS = 1.0


class TooSlowForTheLoop(Exception):
    """A read ran past the loop's statement limit, or the held connection broke: run it off the loop."""


def apply_limits(conn: Connection, dialect: str, bounds: limits.Limits) -> None:
    """Give a read connection these statement and lock limits."""
    if dialect == "sqlite":
        conn.exec_driver_sql(f"PRAGMA busy_timeout={bounds.lock_ms}")
        clock = conn.info.get(limits.CLOCK)
        if clock is not None:
            clock.limit_s = bounds.statement_ms / 1000.0
    else:
        conn.exec_driver_sql(f"SET statement_timeout = {bounds.statement_ms}")
        conn.exec_driver_sql(f"SET lock_timeout = {bounds.lock_ms}")


def loop_error(exc: BaseException) -> Exception | None:
    """What a timeout on one of the loop's connections becomes: DatabaseBusy for a lock wait,
    TooSlowForTheLoop for a long statement; None for any other error."""
    kind = limits.timeout_kind(exc)
    if kind == limits.LOCK:
        return DatabaseBusy("a lock held in the database; try again shortly")
    if kind == limits.STATEMENT:
        return TooSlowForTheLoop("statement past the loop's limit")
    return None


class HeldConnection:
    """Use from one thread only: the server's event loop has one, its slow-work thread another."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._conn: Connection | None = None
        self._rest_until = 0.0  # bounded: after a broken connection, reads go off the loop until then
        self._locked_until: dict[object, float] = {}  # a read's code -> when it may wait on a lock again

    def run[T](self, fn: Callable[[Connection], T]) -> T:
        key: object = getattr(fn, "__code__", fn)
        if self.db.bounded:
            now = time.monotonic()
            if now < self._rest_until:
                raise TooSlowForTheLoop("the held connection broke recently")
            if self._locked_until and now < self._locked_until.get(key, 0.0):
                raise DatabaseBusy("a lock held in the database; try again shortly")
        conn = self._conn
        if conn is None or conn.closed or conn.invalidated:
            self.close()
            conn = self._conn = self._connect()
        try:
            return fn(conn)
        except DBAPIError as exc:
            if not exc.connection_invalidated:
                mapped = loop_error(exc) if self.db.bounded else None
                if mapped is None:
                    raise
                if isinstance(mapped, DatabaseBusy):
                    self._rest_locked(key)
                raise mapped from exc
            log.warning("the held read connection broke; reconnecting through the pool")
            self.close()
            if self.db.bounded:  # the pool's reconnect (a pre-ping, maybe a connect) waits off the loop
                self._rest_until = time.monotonic() + REST_SECONDS
                raise TooSlowForTheLoop("the held connection broke") from exc
        with self.db.read() as fresh:
            return fn(fresh)

    def _rest_locked(self, key: object) -> None:
        now = time.monotonic()
        if len(self._locked_until) > 256:  # call sites are few; drop the ones whose rest is over
            self._locked_until = {k: t for k, t in self._locked_until.items() if t > now}
        self._locked_until[key] = now + LOCK_REST_SECONDS

    def _connect(self) -> Connection:
        conn = self.db.read_engine.connect()
        if self.db.bounded:
            apply_limits(conn, self.db.dialect, limits.LOOP)
        return conn

    def close(self) -> None:
        if self._conn is not None:
            try:
                if self.db.bounded and not self._conn.invalidated:  # back to the pool with its limits
                    apply_limits(self._conn, self.db.dialect, limits.READ)
                self._conn.close()
            except Exception:  # a broken connection may fail to close; it is dropped either way
                pass
            finally:
                self._conn = None
