"""SQLite's writes on the loop's own connection (`db/loop_writer.py`): inline while the lock is free, handed
to the group writer's thread (and committed there together) while another connection holds it or when a
statement runs past the loop's limit, never waiting on the loop; checkpoints on their own thread."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from lms_desktop.server.db import limits, loop_writer
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.loop_writer import LoopWriter
from lms_desktop.server.db.writer import GroupWriter, writer_for

SLOW_SQL = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(f"sqlite:///{tmp_path / 'w.sqlite3'}", bounded=True)
    with database.write() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
    yield database
    database.close()


@pytest.fixture
def writer(db: Database) -> Iterator[LoopWriter]:
    w = writer_for(db)
    assert isinstance(w, LoopWriter)
    yield w
    w.close()


def _insert(conn: Connection) -> str:
    conn.exec_driver_sql("INSERT INTO t VALUES (1)")
    return threading.current_thread().name


def _rows(db: Database) -> int:
    with db.read() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM t").scalar_one())


def test_a_write_runs_on_the_loop_thread_while_the_lock_is_free(db: Database, writer: LoopWriter) -> None:
    async def main() -> list[str]:
        return [await writer.run(_insert), await writer.run_alone(_insert)]

    assert asyncio.run(main()) == [threading.current_thread().name] * 2
    assert (writer.on_loop, writer.stats.handed_over, _rows(db)) == (2, 0, 2)
    assert writer.fallback.batch_sizes == []


def test_writes_while_another_connection_holds_the_lock_commit_together_off_the_loop(
    db: Database, writer: LoopWriter, tmp_path: Path
) -> None:
    other = sqlite3.connect(tmp_path / "w.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")

    async def main() -> tuple[list[str], float, str]:
        started = time.monotonic()
        writes = asyncio.gather(*(writer.run(_insert) for _ in range(20)))
        await asyncio.sleep(0.3)  # the loop keeps turning while they wait
        turned = time.monotonic() - started
        assert not writes.done()
        other.execute("COMMIT")
        names = await writes
        return names, turned, await writer.run(_insert)

    names, turned, after = asyncio.run(main())
    other.close()
    assert set(names) == {"lms-group-write"} and turned < 1.0
    assert writer.stats.handed_over == 20 and max(writer.fallback.batch_sizes) > 1  # grouped, not one by one
    assert after == threading.current_thread().name  # the lock free again: back on the loop
    assert _rows(db) == 21


def test_a_statement_past_the_loops_limit_runs_again_off_the_loop(db: Database, writer: LoopWriter) -> None:
    def slow_on_the_loop(conn: Connection) -> str:
        name = _insert(conn)
        if name != "lms-group-write":
            conn.exec_driver_sql(SLOW_SQL)  # endless: only the statement clock stops it
        return name

    async def main() -> str:
        return await writer.run(slow_on_the_loop)

    started = time.monotonic()
    assert asyncio.run(main()) == "lms-group-write"
    assert time.monotonic() - started < limits.LOOP.statement_ms / 1000.0 + 2.0
    assert _rows(db) == 1  # the loop's attempt was rolled back: applied once
    assert writer.stats.handed_over == 1


def test_a_write_that_fails_is_rolled_back_and_the_next_one_runs(db: Database, writer: LoopWriter) -> None:
    def breaks_a_rule(conn: Connection) -> None:
        _insert(conn)
        raise LookupError("not enrolled")

    def no_table(conn: Connection) -> None:
        conn.exec_driver_sql("INSERT INTO missing VALUES (1)")

    async def main() -> None:
        with pytest.raises(LookupError):
            await writer.run(breaks_a_rule)
        assert not writer.stats.failing
        with pytest.raises(DBAPIError):
            await writer.run(no_table)
        assert writer.stats.failing  # a database error: readiness reports failing writes
        await writer.run(_insert)
        assert not writer.stats.failing

    asyncio.run(main())
    assert _rows(db) == 1 and writer.stats.handed_over == 0


def test_checkpoints_run_on_their_own_thread_and_the_pool_gets_its_connection_back_as_it_was(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loop_writer, "CHECKPOINT_EVERY", 10)
    writer = LoopWriter(db, str(tmp_path / "w.sqlite3"))

    async def main() -> tuple[int, int]:
        conn = writer._connection()
        driver = conn.connection.driver_connection
        assert driver is not None
        settings = (
            driver.execute("PRAGMA busy_timeout").fetchone()[0],
            driver.execute("PRAGMA wal_autocheckpoint").fetchone()[0],
        )
        for _ in range(35):
            await writer.run(_insert)
        return settings

    assert asyncio.run(main()) == (0, 0)  # never waits for a lock, never checkpoints on the loop
    deadline = time.monotonic() + 10
    while writer._checkpointer.runs < 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert writer._checkpointer.runs >= 1  # woken every 10 commits (wakes close together run once)
    writer.close()
    with db.write_engine.connect() as conn:  # the pool's LIFO hands back the one the writer held
        driver = conn.connection.driver_connection
        assert driver is not None
        assert driver.execute("PRAGMA busy_timeout").fetchone()[0] == limits.WRITE.lock_ms
        assert driver.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        assert conn.info[limits.CLOCK].limit_s == limits.WRITE.statement_ms / 1000.0


def test_the_group_writer_tries_for_a_held_lock_every_few_milliseconds_then_gives_back_the_connection(
    db: Database, tmp_path: Path
) -> None:
    """Not SQLite's busy handler, which sleeps up to 100 ms between tries and so misses the short gaps other
    processes' loops leave; the connection returns to the pool with its lock timeout."""
    attempts: list[float] = []

    def count_begins(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement == "BEGIN IMMEDIATE" and threading.current_thread().name == "lms-group-write":
            attempts.append(time.monotonic())

    event.listen(db.write_engine, "before_cursor_execute", count_begins)
    group = GroupWriter(db)
    other = sqlite3.connect(tmp_path / "w.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")

    async def main() -> str:
        write = asyncio.ensure_future(group.run(_insert))
        await asyncio.sleep(0.3)
        other.execute("COMMIT")
        return await write

    try:
        assert asyncio.run(main()) == "lms-group-write"
    finally:
        group.close()
        other.close()
    assert len(attempts) >= 10  # SQLite's handler: one BEGIN, retried inside the driver
    assert _rows(db) == 1
    with db.write_engine.connect() as conn:
        driver = conn.connection.driver_connection
        assert driver is not None
        assert driver.execute("PRAGMA busy_timeout").fetchone()[0] == limits.WRITE.lock_ms
