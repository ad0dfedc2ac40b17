"""The loop's held read connection and the one-row lookups survive a connection the server lost.

PostgreSQL is made to drop exactly those connections (pg_terminate_backend), as a restart or a network cut
would; the next read must still answer, through a fresh connection, and nothing may stay broken.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import Connection

from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.held import HeldConnection
from lms_desktop.server.db.lookups import Lookups
from lms_desktop.server.db.queries import tokens, users
from tests.server.db_support import open_migrated, url_for

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    db = open_migrated(url_for("postgres", request, tmp_path))
    yield db  # type: ignore[misc]
    db.close()


def _backend_pid(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())


def _terminate(db: Database, pid: int) -> None:
    with db.read() as conn:
        assert conn.exec_driver_sql(f"SELECT pg_terminate_backend({pid})").scalar_one()


def test_a_held_connection_the_server_dropped_is_replaced_and_the_read_answers(pg: Database) -> None:
    held = HeldConnection(pg)
    first = held.run(_backend_pid)
    assert held.run(_backend_pid) == first  # held: the same session, no checkout
    _terminate(pg, first)
    assert held.run(lambda conn: conn.exec_driver_sql("SELECT 41 + 1").scalar_one()) == 42
    again = held.run(_backend_pid)
    assert again != first and held.run(_backend_pid) == again
    held.close()


def test_lookups_answer_through_the_storage_layer_when_their_connection_dies(pg: Database) -> None:
    with pg.write() as conn:
        user = users.create_user(conn, "ada", "correct horse", "Ada L.")
        token, _ = tokens.issue(conn, user.id, timedelta(hours=1))
    lookups = Lookups(pg)
    session = lookups.session(token)
    assert session is not None and session.user.id == user.id
    pid = lookups._conn.info.backend_pid  # its own driver connection
    _terminate(pg, pid)
    again = lookups.session(token)  # the fast connection is dead: the storage layer answers
    assert again == session
    assert lookups.catalog() == session.catalog_version
    with psycopg.connect(pg.url.replace("postgresql+psycopg://", "postgresql://")) as check:
        alive = check.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone()
    assert alive == (0,)
    lookups.close()


def test_postgresql_sessions_plan_each_statement_for_its_own_parameters(pg: Database) -> None:
    """A prepared search switched to a generic plan ran ~50% slower (it cannot see the terms or LIMIT)."""
    for connect in (pg.read, pg.write):
        with connect() as conn:
            assert conn.exec_driver_sql("SHOW plan_cache_mode").scalar_one() == "force_custom_plan"
            assert conn.exec_driver_sql("SHOW jit").scalar_one() == "off"
