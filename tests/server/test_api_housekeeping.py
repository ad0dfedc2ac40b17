"""The server forgets old op ids by itself: soon after start, then daily, without stopping for a failure."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from lms_desktop.server import housekeeping
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.migrate import upgrade
from lms_desktop.server.db.queries import learner, users
from lms_desktop.server.db.schema import applied_ops
from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.waiting import poll_until, until


def test_the_server_prunes_old_op_ids_soon_after_it_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(housekeeping, "FIRST_AFTER_SECONDS", 0.2)  # half a minute in the shipped server
    url = f"sqlite:///{tmp_path / 'lms.sqlite3'}"
    upgrade(url)
    db = Database.open(url)
    try:
        with db.write() as conn:
            uid = users.create_user(conn, "ann", "pw").id
            learner.claim_op(conn, uid, "ancient", "rating")
            learner.claim_op(conn, uid, "fresh", "rating")
            conn.execute(
                sa.update(applied_ops)
                .where(applied_ops.c.op_id == "ancient")
                .values(applied_at=datetime.now(UTC) - timedelta(days=400))
            )
    finally:
        db.close()
    with EmbeddedServer(url, data_dir=tmp_path) as server:
        assert server.database is not None
        database = server.database

        def left() -> list[str]:
            with database.read() as conn:
                return sorted(conn.exec_driver_sql("SELECT op_id FROM applied_ops").scalars())

        poll_until(lambda: left() == ["fresh"], what="the ancient op id forgotten, the fresh one kept")


async def test_a_failed_round_is_logged_and_tried_again(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[int] = []
    second = asyncio.Event()

    class State:
        db = object()

        async def slow(self, fn: object, *args: object) -> int:
            calls.append(1)
            if len(calls) == 1:
                raise OSError("disk I/O error")
            second.set()
            return 3

    with caplog.at_level(logging.INFO, logger="lms.server.housekeeping"):
        upkeep = housekeeping.run(State(), timedelta(days=180), every_s=0.01)  # type: ignore[arg-type]
        task = asyncio.create_task(upkeep)
        await asyncio.wait_for(second.wait(), timeout=5)
        await until(lambda: "forgot 3 op ids" in caplog.text, what="the second round logged its result")
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert "housekeeping failed (OSError)" in caplog.text
    assert "forgot 3 op ids" in caplog.text
