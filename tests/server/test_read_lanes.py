"""Where a short read runs: inline on the loop's held connection, or on PostgreSQL while other requests
are in flight, on the slow-work thread's own held connection, with the loop's limits (a lock is a 503 at
once there too, never a wait that holds up every read queued behind it)."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import Connection

from lms_desktop.server.config import Settings
from lms_desktop.server.db import migrate
from lms_desktop.server.db.errors import DatabaseBusy
from lms_desktop.server.http.app import build_state
from lms_desktop.server.http.state import ServerState
from tests.server.db_support import url_for

ENGINES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _state(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> ServerState:
    url = url_for(kind, request, tmp_path)
    migrate.upgrade(url)
    return build_state(Settings(database_url=url, data_dir=tmp_path / "data"))


def _thread_of_read(conn: Connection) -> str:
    assert conn.exec_driver_sql("SELECT count(*) FROM courses").scalar_one() >= 0
    return threading.current_thread().name


@pytest.mark.parametrize("kind", ENGINES)
def test_short_reads_leave_the_loop_under_load_on_postgresql_only(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    st = _state(kind, request, tmp_path)

    async def read_alone_then_under_load() -> tuple[str, str, str]:
        alone = await st.read_now(_thread_of_read)
        st.metrics.in_flight = 2  # another request is being served
        return threading.current_thread().name, alone, await st.read_now(_thread_of_read)

    try:
        loop_thread, alone, under_load = asyncio.run(read_alone_then_under_load())
    finally:
        st.close()
    assert alone == loop_thread, "a request served alone reads inline"
    if kind == "sqlite":
        assert under_load == loop_thread, "SQLite's reads take microseconds in process: inline"
    else:
        assert under_load.startswith("lms-slow"), "PostgreSQL's round trip stays off the loop under load"


@pytest.mark.postgres
def test_a_locked_table_is_busy_at_once_off_the_loop_too(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    st = _state("postgres", request, tmp_path)
    plain = st.settings.database_url.replace("postgresql+psycopg://", "postgresql://")

    async def read_under_load() -> str:
        st.metrics.in_flight = 2
        return await st.read_now(_thread_of_read)

    try:
        assert asyncio.run(read_under_load()).startswith("lms-slow")
        with psycopg.connect(plain) as locker:
            locker.execute("LOCK TABLE courses IN ACCESS EXCLUSIVE MODE")
            with pytest.raises(DatabaseBusy):
                asyncio.run(read_under_load())
            locker.rollback()
    finally:
        st.close()
