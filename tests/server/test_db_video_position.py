"""A learner's video position on both engines: stored with progress, the latest on the learner's clock
wins whatever order replays arrive in, time and completion are untouched, and the outline carries it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from lms_desktop.contract import ProgressUpdate
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.queries import authoring, content, learner, users
from tests.server.db_support import engine_params, scratch_database

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(params=engine_params())
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return scratch_database(request.param, request, tmp_path_factory)


def _setup(db: Database) -> tuple[int, int, int]:
    lesson = authoring.NewLesson("Lesson", [authoring.NewSection("Clip", "# Clip")])
    with db.write() as conn:
        cid = authoring.create_course(conn, title="Course", description="About", lessons_=[lesson])
        uid = users.create_user(conn, "viewer", "pw").id
        learner.set_enrollment(conn, uid, cid, True)
        outline = content.get_content(conn, cid, uid)
    assert outline is not None
    return uid, cid, outline.lessons[0].sections[0].id


def _put(db: Database, uid: int, sid: int, **kw: object) -> None:
    with db.write() as conn:
        learner.put_progress(conn, uid, sid, ProgressUpdate(**kw))  # type: ignore[arg-type]


def _position(db: Database, uid: int, cid: int) -> int | None:
    with db.read() as conn:
        outline = content.get_content(conn, cid, uid)
    assert outline is not None
    return outline.lessons[0].sections[0].position_seconds


def test_latest_position_wins_and_time_adds_up(db: Database) -> None:
    uid, cid, sid = _setup(db)
    assert _position(db, uid, cid) is None
    _put(db, uid, sid, position_seconds=40, client_timestamp=T0 + timedelta(minutes=2), op_id="pos-b-0001")
    _put(db, uid, sid, position_seconds=10, client_timestamp=T0, op_id="pos-a-0001")  # older, arrives late
    assert _position(db, uid, cid) == 40
    _put(db, uid, sid, position_seconds=55, client_timestamp=T0 + timedelta(minutes=5), op_id="pos-c-0001")
    _put(db, uid, sid, time_spent_seconds=30, op_id="time-0001")  # no position: keeps it
    assert _position(db, uid, cid) == 55
    with db.read() as conn:
        progress = learner.get_progress(conn, uid, sid)
    assert progress is not None
    assert progress.position_seconds == 55 and progress.time_spent_seconds == 30
    assert progress.completed_at is None


def test_a_replayed_position_changes_nothing(db: Database) -> None:
    uid, cid, sid = _setup(db)
    _put(db, uid, sid, position_seconds=12, client_timestamp=T0, op_id="pos-same-01")
    _put(db, uid, sid, position_seconds=99, client_timestamp=T0 + timedelta(hours=1), op_id="pos-next-01")
    _put(db, uid, sid, position_seconds=12, client_timestamp=T0, op_id="pos-same-01")
    assert _position(db, uid, cid) == 99
