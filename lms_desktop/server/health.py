"""What /health reports: can this process read, is the schema the code's, and can it write.

The checks run on a thread of their own, never the slow-work thread or the writer: a health check must not
wait behind a search or a batch of writes, and a load balancer polling it must not add to their queue. The
event loop only awaits the result, bounded by PROBE_TIMEOUT_S; concurrent health requests share one probe.

Reads can work while every write fails (a read-only SQLite file or directory, a full disk, a PostgreSQL
standby), so writes are probed too: on SQLite a no-op UPDATE rolled back at once (a busy write lock leaves
the answer to the writer's last outcome), on PostgreSQL whether the server accepts writes at all.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.db.writer import WriteStats

log = logging.getLogger("lms.server.health")

PROBE_TIMEOUT_S = 2.0
SQLITE_PROBE_BUSY_MS = 100


@dataclass(frozen=True, slots=True)
class Probe:
    database: bool  # a query answered
    migrated: bool  # the schema is at the revision this code expects
    writes: bool | None  # None: not known (the database is down, or busy with a write)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.splitlines()[0] if text else type(exc).__name__


def _sqlite_writes(db: Database) -> bool | None:
    raw = db.write_engine.raw_connection()
    try:
        cur = raw.cursor()
        (busy_ms,) = cur.execute("PRAGMA busy_timeout").fetchone()  # the pool's, put back afterwards
        cur.execute(f"PRAGMA busy_timeout={SQLITE_PROBE_BUSY_MS}")
        try:
            cur.execute("BEGIN IMMEDIATE")
            cur.execute("UPDATE versions SET value = value WHERE name = 'catalog'")
            return True
        except sqlite3.OperationalError as exc:
            message = str(exc).lower()
            if "locked" in message or "busy" in message:
                return None
            log.warning("database refuses writes: %s", _first_line(exc))
            return False
        finally:
            if raw.driver_connection is not None and raw.driver_connection.in_transaction:
                cur.execute("ROLLBACK")
            cur.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
    finally:
        raw.close()


def probe(db: Database, heads: set[str]) -> Probe:
    """One health probe (blocking: run it on the health thread)."""
    try:
        with db.read() as conn:
            found = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars()
            revisions = {str(r) for r in found}
            if db.dialect == "postgresql":
                standby, read_only = conn.exec_driver_sql(
                    "SELECT pg_is_in_recovery(), current_setting('default_transaction_read_only')"
                ).one()
                writes: bool | None = not standby and read_only == "off"
    except Exception as exc:
        # one line, no traceback: /health is polled, and an outage would otherwise flood the log
        log.warning("database probe failed: %s", _first_line(exc))
        return Probe(database=False, migrated=False, writes=None)
    if db.dialect == "sqlite":
        try:
            writes = _sqlite_writes(db)
        except Exception as exc:
            log.warning("database write probe failed: %s", _first_line(exc))
            writes = False
    return Probe(database=True, migrated=revisions == heads, writes=writes)


class HealthProbe:
    """Runs `probe` on its own thread; the loop awaits it for at most PROBE_TIMEOUT_S."""

    def __init__(self, db: Database, write_stats: WriteStats) -> None:
        from lms_desktop.server.db.migrate import head_revisions

        self.db = db
        self.write_stats = write_stats
        self.heads = head_revisions()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lms-health")
        self._running: asyncio.Future[Probe] | None = None

    async def check(self) -> Probe:
        running = self._running
        if running is None or running.done():
            loop = asyncio.get_running_loop()
            running = self._running = loop.run_in_executor(self._executor, probe, self.db, self.heads)
        try:
            result = await asyncio.wait_for(asyncio.shield(running), PROBE_TIMEOUT_S)
        except TimeoutError:
            log.warning("database probe took over %.0f s", PROBE_TIMEOUT_S)
            return Probe(database=False, migrated=False, writes=None)
        return result

    def writes_ok(self, result: Probe) -> bool:
        """The probe's answer, or when it could not tell, whether this process's last write failed."""
        if result.writes is None:
            return result.database and not self.write_stats.failing
        return result.writes

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
