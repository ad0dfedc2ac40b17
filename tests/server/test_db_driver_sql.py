"""`driver_sql.rows`: the hot path's plain driver cursor behaves like SQLAlchemy's execution where it counts.

Statement events still fire (the slow-query log and the statement-count tests depend on them), a driver
error surfaces as SQLAlchemy's error (which the app maps to a clear 4xx/503), a lost connection is
invalidated so the held connection replaces it, and inside a write transaction SQLAlchemy still runs the
statement (so SQLite's BEGIN IMMEDIATE comes first).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy import exc as sa_exc

from lms_desktop.server.db.driver_sql import AUTOCOMMIT_READS, mark, rows
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.held import HeldConnection
from tests.server.db_support import engine_params, open_migrated, url_for


@pytest.fixture(params=engine_params())
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    database = open_migrated(url_for(request.param, request, tmp_path))
    yield database  # type: ignore[misc]
    database.close()


def test_a_read_gives_the_drivers_tuples_and_fires_both_cursor_events_once(db: Database) -> None:
    seen: list[tuple[str, str, Any]] = []
    sql = f"SELECT {mark(db.dialect)} + 1, 'x'"
    with db.read() as conn:
        assert conn.info.get(AUTOCOMMIT_READS) is True  # the direct path is taken
        expected = [tuple(r) for r in conn.exec_driver_sql(sql, (41,)).all()]

        def before(_c: Any, _cur: Any, statement: str, params: Any, *_rest: Any) -> None:
            seen.append(("before", statement, params))

        def after(_c: Any, _cur: Any, statement: str, params: Any, *_rest: Any) -> None:
            seen.append(("after", statement, params))

        event.listen(conn, "before_cursor_execute", before)
        event.listen(conn, "after_cursor_execute", after)
        try:
            got = rows(conn, sql, [41])
        finally:
            event.remove(conn, "before_cursor_execute", before)
            event.remove(conn, "after_cursor_execute", after)
    assert got == expected == [(42, "x")]
    assert seen == [("before", sql, (41,)), ("after", sql, (41,))]


def test_slow_statements_on_the_direct_path_reach_the_slow_query_hook(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = url_for("sqlite", request, tmp_path)
    open_migrated(url).close()
    slow: list[str] = []
    db = Database.open(url, slow_query_ms=0.0, on_slow_query=lambda stmt, _ms: slow.append(stmt))
    try:
        with db.read() as conn:
            rows(conn, "SELECT 7")
    finally:
        db.close()
    assert slow == ["SELECT 7"]


def test_a_driver_error_is_raised_as_sqlalchemys_and_the_connection_still_works(db: Database) -> None:
    with db.read() as conn:
        with pytest.raises(sa_exc.DBAPIError) as caught:
            rows(conn, "SELECT no_such_column FROM courses")
        assert "no_such_column" in str(caught.value)
        assert caught.value.statement == "SELECT no_such_column FROM courses"
        assert not caught.value.connection_invalidated
        assert rows(conn, "SELECT 1") == [(1,)]


def test_inside_a_write_transaction_sqlalchemy_runs_the_statement(db: Database) -> None:
    with db.write() as conn:
        assert not conn.info.get(AUTOCOMMIT_READS)
        rows(conn, "SELECT COUNT(*) FROM courses")
        dbapi = conn.connection.driver_connection
        if db.dialect == "sqlite":
            assert dbapi.in_transaction  # type: ignore[union-attr]  # BEGIN IMMEDIATE came first
        else:
            from psycopg.pq import TransactionStatus

            assert dbapi.info.transaction_status == TransactionStatus.INTRANS  # type: ignore[union-attr]


@pytest.mark.postgres
def test_a_lost_connection_is_invalidated_and_the_held_connection_answers_on_a_new_one(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    db = open_migrated(url_for("postgres", request, tmp_path))
    held = HeldConnection(db)
    try:
        first = held.run(lambda conn: rows(conn, "SELECT pg_backend_pid()")[0][0])
        with db.read() as admin:
            assert rows(admin, f"SELECT pg_terminate_backend({int(first)})") == [(True,)]
        # the direct path meets the dead socket; the error is wrapped as invalidated and run() retries
        again = held.run(lambda conn: rows(conn, "SELECT pg_backend_pid()")[0][0])
        assert again != first
        assert held.run(lambda conn: rows(conn, "SELECT 41 + 1")) == [(42,)]
    finally:
        held.close()
        db.close()


@pytest.mark.parametrize(
    ("stored", "iso"),
    [
        ("2025-03-04 05:06:07.123456", "2025-03-04T05:06:07.123456+00:00"),  # SQLite's fixed-width text
        ("2025-03-04 05:06:07", "2025-03-04T05:06:07+00:00"),
        ("2025-03-04 05:06:07.1+0200", "2025-03-04T03:06:07.100000+00:00"),  # 26 characters, not naive
        ("2025-03-04T05:06:07+02:00", "2025-03-04T03:06:07+00:00"),
    ],
)
def test_utc_reads_every_stored_timestamp_as_aware_utc(stored: str, iso: str) -> None:
    from datetime import UTC, datetime, timedelta, timezone

    from lms_desktop.server.db.driver_sql import utc

    got = utc(stored)
    assert got.isoformat() == iso and got.tzinfo is UTC
    aware = datetime(2025, 3, 4, 7, 6, 7, tzinfo=timezone(timedelta(hours=2)))
    assert utc(aware).isoformat() == "2025-03-04T05:06:07+00:00"
    assert utc(None) is None
