"""SQLite's learner writes on the event loop's own connection, each one short transaction.

In WAL mode with synchronous=NORMAL a commit appends pages to the log and syncs nothing, so a progress
write costs the database a fraction of a millisecond. On a writer thread most of a write's time went to
waiting: every statement's return to Python waited for the GIL the loop held, and the answer for another
turn of the loop. In a 64-learner mix a write spent a median 54-67 ms in the server that way (client p99
149-186 ms); grouping writes on the loop instead (commit on the next turn) cost two turns, p99 124 ms. On
the loop's connection a write spends about 1 ms in the server: client p99 42-81 ms (`bench_writes`, README).

It never waits on the database either:
- its busy timeout is zero: while another connection holds the write lock (an import, a sign-in's new
  token, a quiz attempt, another process on the same file) the write goes to the group writer's thread
  (`writer.GroupWriter`), which waits for the lock and commits every write queued meanwhile in one
  transaction; later writes follow it there until its queue is empty, so they keep their order;
- a statement past the loop's limit is rolled back and the write run again there (`limits.LOOP`);
- this connection never checkpoints (`wal_autocheckpoint=0`): copying the log into the database file
  syncs both, so a thread of its own does that (`Checkpointer`), woken every few hundred commits.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from lms_desktop.server.db import limits
from lms_desktop.server.db.writer import GroupWriter

if TYPE_CHECKING:
    from lms_desktop.server.db.engine import Database

log = logging.getLogger("lms.server.db")

# commits between checkpoints: a progress write changes a few pages, so this keeps the log near SQLite's
# own autocheckpoint size (1,000 pages)
CHECKPOINT_EVERY = 200


class LoopWriter:
    """Use from the server's event loop only (one thread): see the module docstring."""

    def __init__(self, db: Database, path: str, fallback: GroupWriter | None = None) -> None:
        self.db = db
        self.fallback = fallback if fallback is not None else GroupWriter(db)
        self.stats = self.fallback.stats
        self.on_loop = 0  # writes committed here (tests)
        self._conn: Connection | None = None
        self._pool_settings: tuple[int, int, float | None] = (0, 1000, None)  # put back when it returns
        self._since_checkpoint = 0
        self._checkpointer = Checkpointer(path)

    async def run[T](self, fn: Callable[[Connection], T]) -> T:
        if self.fallback.pending:  # writes wait there for the lock: keep their order
            return await self._hand_over(fn)
        conn = self._connection()
        try:
            with conn.begin():
                result = fn(conn)
        except DBAPIError as exc:
            if limits.timeout_kind(exc) is None:
                self._failed(conn, exc)
                raise
            return await self._hand_over(fn)  # rolled back: the lock is held elsewhere, or it ran long
        except Exception:
            self.stats.note(0, 1, None)  # a rule the write broke (not enrolled, not found): rolled back
            raise
        self.stats.note(1, 0, None)
        self.on_loop += 1
        self._since_checkpoint += 1
        if self._since_checkpoint >= CHECKPOINT_EVERY:
            self._since_checkpoint = 0
            self._checkpointer.wake()
        return result

    async def run_alone[T](self, fn: Callable[[Connection], T]) -> T:
        return await self.run(fn)

    async def _hand_over[T](self, fn: Callable[[Connection], T]) -> T:
        self.stats.handed_over += 1
        return await self.fallback.run(fn)

    def _failed(self, conn: Connection, exc: DBAPIError) -> None:
        """A storage error (a read-only file, a full disk): counted; a broken connection is replaced."""
        self.stats.note(0, 1, exc)
        if exc.connection_invalidated or conn.invalidated:
            self._close_connection()

    def _connection(self) -> Connection:
        conn = self._conn
        if conn is None or conn.closed or conn.invalidated:
            self._close_connection()
            conn = self._conn = self.db.write_engine.connect()
            driver: Any = conn.connection.driver_connection
            clock = conn.info.get(limits.CLOCK)
            (busy_ms,) = driver.execute("PRAGMA busy_timeout").fetchone()
            (pages,) = driver.execute("PRAGMA wal_autocheckpoint").fetchone()
            self._pool_settings = (int(busy_ms), int(pages), clock.limit_s if clock is not None else None)
            driver.execute("PRAGMA busy_timeout=0")
            driver.execute("PRAGMA wal_autocheckpoint=0")
            if clock is not None and self.db.bounded:
                clock.limit_s = limits.LOOP.statement_ms / 1000.0
        return conn

    def _close_connection(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if not conn.invalidated:  # back to the pool as the pool made it
                busy_ms, pages, limit_s = self._pool_settings
                driver: Any = conn.connection.driver_connection
                driver.execute(f"PRAGMA busy_timeout={busy_ms}")
                driver.execute(f"PRAGMA wal_autocheckpoint={pages}")
                clock = conn.info.get(limits.CLOCK)
                if clock is not None and limit_s is not None:
                    clock.limit_s = limit_s
            conn.close()
        except Exception:  # a broken connection may fail to reset or close; dropped either way
            pass

    def close(self) -> None:
        self.fallback.close()
        self._close_connection()
        self._checkpointer.close()


class Checkpointer:
    """Copies SQLite's write-ahead log into the database file on a thread of its own (PASSIVE: it never
    blocks readers or writers, and leaves what it cannot copy yet for the next time)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.runs = 0
        self._wake = threading.Event()
        self._stop = False
        self._thread = threading.Thread(target=self._work, name="lms-checkpoint", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def _work(self) -> None:
        conn: sqlite3.Connection | None = None
        while True:
            self._wake.wait()
            self._wake.clear()
            if self._stop:
                break
            try:
                if conn is None:
                    conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                self.runs += 1
            except sqlite3.Error as exc:  # the next wake tries again; the log only grows meanwhile
                log.warning("WAL checkpoint failed: %s", exc)
        if conn is not None:
            conn.close()

    def close(self) -> None:
        self._stop = True
        self._wake.set()
        self._thread.join(timeout=30)
