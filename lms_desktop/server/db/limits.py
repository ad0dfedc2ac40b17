"""How long a statement may run and how long it may wait for a lock, on both engines.

A database that stalls (an `ALTER TABLE` or `VACUUM FULL` holding ACCESS EXCLUSIVE, a writer holding
SQLite's write lock, a pathological query) must cost a request a prompt 503 with Retry-After, never a
hang. PostgreSQL bounds it itself (`statement_timeout`, `lock_timeout`, set per connection); SQLite has
`busy_timeout` for its locks and nothing for a long statement, so a progress handler interrupts any
statement past its deadline (`StatementClock`).

Two sets of limits: the event loop's own connections (`LOOP`: the token and version lookups, the held read
connection) wait for a lock a few milliseconds and run a statement at most a fraction of a second, because
every other request waits while they do; a read that hits them is run again off the loop with the pool's
limits (`READ`). Writes (`WRITE`) wait longer for row locks, which concurrent learners take for
milliseconds at a time.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Limits:
    statement_ms: int
    lock_ms: int

    def pg_options(self) -> str:
        """`-c` settings for a psycopg connection's `options`."""
        if not self.statement_ms:
            return ""
        return f"-c statement_timeout={self.statement_ms} -c lock_timeout={self.lock_ms}"


# 0 is "no limit" for PostgreSQL; SQLite keeps a 5 s busy timeout (a lock wait forever would hang a
# command-line tool behind a running server's writer)
UNBOUNDED = Limits(statement_ms=0, lock_ms=5_000)
LOOP = Limits(statement_ms=500, lock_ms=20)
READ = Limits(statement_ms=5_000, lock_ms=1_000)
WRITE = Limits(statement_ms=10_000, lock_ms=2_000)


LOCK = "lock"
STATEMENT = "statement"


def timeout_kind(exc: BaseException) -> str | None:
    """LOCK (a lock not granted in time) or STATEMENT (a statement cut by its limit), as raised by either
    driver, bare or wrapped by SQLAlchemy; None for everything else, a lost connection included."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        state = getattr(current, "sqlstate", None)
        if state == "55P03":  # lock_not_available: lock_timeout
            return LOCK
        if state == "57014":  # query_canceled: statement_timeout
            return STATEMENT
        if isinstance(current, sqlite3.OperationalError):
            text = str(current)
            if text.startswith(("database is locked", "database table is locked")):
                return LOCK
            if text.startswith("interrupted"):
                return STATEMENT
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return None


def is_timeout(exc: BaseException) -> bool:
    return timeout_kind(exc) is not None


class StatementClock:
    """SQLite's missing statement timeout: installed as a connection's progress handler, it interrupts the
    running statement once `limit_s` has passed since `start()` (sqlite3 then raises "interrupted").
    `stop()` after the statement; a clock that is not started never interrupts."""

    # VM instructions between checks: about a millisecond of work at most, so the check costs nothing and
    # a statement overshoots its limit by little
    EVERY = 20_000

    __slots__ = ("deadline", "limit_s")

    def __init__(self, limit_ms: int) -> None:
        self.limit_s = limit_ms / 1000.0
        self.deadline = float("inf")

    def install(self, dbapi_conn: Any) -> StatementClock:
        dbapi_conn.set_progress_handler(self._check, self.EVERY)
        return self

    def start(self) -> None:
        self.deadline = time.monotonic() + self.limit_s

    def stop(self) -> None:
        self.deadline = float("inf")

    def _check(self) -> int:
        return 1 if time.monotonic() > self.deadline else 0


CLOCK = "lms_statement_clock"  # a pooled SQLite connection's clock, in its connection record's info
