"""Progress writes as the server runs them: on the writer (`db/writer.py`), in driver autocommit on
PostgreSQL (one statement, its own transaction), grouped into one transaction on SQLite; the bearer token
resolved inside the write. Every sync rule must hold when such writes race and replay."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from lms_desktop.contract import ProgressUpdate
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.errors import InvalidInput, NotEnrolled
from lms_desktop.server.db.queries import authoring, content, learner, tokens, users
from lms_desktop.server.db.writer import Writer, writer_for
from tests.server.db_support import engine_params, scratch_database

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(params=engine_params())
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return scratch_database(request.param, request, tmp_path_factory)


@pytest.fixture
def writer(db: Database) -> Iterator[Writer]:
    w = writer_for(db)
    yield w
    w.close()


def _setup(db: Database, sections: int = 4) -> tuple[int, str, int, list[int]]:
    """(user id, the sha256 of a live token, course id, section ids), the user enrolled."""
    lesson = authoring.NewLesson(
        "Lesson", [authoring.NewSection(f"S{i}", f"# S{i}") for i in range(sections)]
    )
    with db.write() as conn:
        cid = authoring.create_course(conn, title="Course", description="About things", lessons_=[lesson])
        outline = content.get_content(conn, cid, None)
        uid = users.create_user(conn, "ann", "pw").id
        token, _ = tokens.issue(conn, uid, timedelta(hours=1))
        learner.set_enrollment(conn, uid, cid, True)
    assert outline is not None
    return uid, tokens.token_digest(token), cid, [s.id for s in outline.lessons[0].sections]


def _scalar(db: Database, sql: str, **params: object) -> Any:
    with db.read() as conn:
        return conn.execute(sa.text(sql), params).scalar()


def _all(writer: Writer, calls: list[Any]) -> list[Any]:
    """Run the calls on the writer at once; their results (or the errors they raised)."""

    async def main() -> list[Any]:
        return await asyncio.gather(*(writer.run_alone(c) for c in calls), return_exceptions=True)

    return asyncio.run(main())


def test_racing_and_replayed_writes_apply_each_op_once(db: Database, writer: Writer) -> None:
    uid, digest, _cid, sids = _setup(db)
    calls = [  # 10 distinct ops on one section, each sent 3 times at once, plus 10 without an op id
        (
            lambda conn, i=i: learner.put_progress_as(
                conn, digest, sids[0], ProgressUpdate(time_spent_seconds=7, op_id=f"op-{i % 10:04d}")
            )
        )
        for i in range(30)
    ] + [
        (lambda conn: learner.put_progress_as(conn, digest, sids[0], ProgressUpdate(time_spent_seconds=1)))
        for _ in range(10)
    ]
    results = _all(writer, calls)
    assert [r for r in results if isinstance(r, BaseException)] == []
    assert {r[0] for r in results} == {uid}
    assert _scalar(db, "SELECT time_spent_seconds FROM progress WHERE user_id = :u", u=uid) == 80
    assert _scalar(db, "SELECT COUNT(*) FROM applied_ops WHERE user_id = :u", u=uid) == 10


def test_racing_completions_complete_the_enrollment_with_the_earliest_times(
    db: Database, writer: Writer
) -> None:
    uid, digest, cid, sids = _setup(db)

    def complete(section: int, hours: int) -> Any:
        update = ProgressUpdate(completed_at=T0 + timedelta(hours=hours), op_id=f"c-{section}-{hours}")
        return lambda conn: learner.put_progress_as(conn, digest, section, update)

    # every section completed twice at once (two devices), at different times
    results = _all(writer, [complete(s, h) for s in sids for h in (3, 1)])
    assert [r for r in results if isinstance(r, BaseException)] == []
    assert _scalar(
        db, "SELECT status FROM enrollments WHERE user_id = :u AND course_id = :c", u=uid, c=cid
    ) == ("completed")
    with db.read() as conn:
        earliest = {learner.get_progress(conn, uid, s).completed_at for s in sids}  # type: ignore[union-attr]
    assert earliest == {T0 + timedelta(hours=1)}


def test_token_not_live_enrollment_and_visibility_are_told_apart(db: Database, writer: Writer) -> None:
    uid, digest, cid, sids = _setup(db)
    update = ProgressUpdate(time_spent_seconds=5)
    unknown = tokens.token_digest("no-such-token")
    assert _all(writer, [lambda conn: learner.put_progress_as(conn, unknown, sids[0], update)]) == [None]
    with db.write() as conn:
        learner.set_enrollment(conn, uid, cid, False)
    (dropped,) = _all(writer, [lambda conn: learner.put_progress_as(conn, digest, sids[0], update)])
    assert isinstance(dropped, NotEnrolled)
    assert _all(writer, [lambda conn: learner.put_progress_as(conn, digest, 2**31 - 1, update)]) == [
        (uid, None)
    ]
    too_early = ProgressUpdate(completed_at=datetime(1999, 1, 1, tzinfo=UTC))
    (refused,) = _all(writer, [lambda conn: learner.put_progress_as(conn, digest, sids[0], too_early)])
    assert isinstance(refused, NotEnrolled)  # not enrolled is decided before the bad date
    with db.write() as conn:
        learner.set_enrollment(conn, uid, cid, True)
    (refused,) = _all(writer, [lambda conn: learner.put_progress_as(conn, digest, sids[0], too_early)])
    assert isinstance(refused, InvalidInput)
    assert _scalar(db, "SELECT COUNT(*) FROM progress WHERE user_id = :u", u=uid) == 0


def test_a_refused_write_rolls_back_alone(db: Database, writer: Writer) -> None:
    """Writes the database refuses (a negative time breaks a CHECK) sent at once with good ones: each
    refused write leaves no trace (not even its op id), the others are stored (on SQLite in the same
    group transaction), and the connections stay usable."""
    uid, digest, _cid, sids = _setup(db)

    def put(section: int, seconds: int, op_id: str) -> Any:
        update = ProgressUpdate(time_spent_seconds=seconds, op_id=op_id)
        return lambda conn: learner.put_progress_as(conn, digest, section, update)

    calls = [put(sids[i % 2], -5, f"bad-{i}") if i % 2 else put(sids[2], 5, f"good-{i}") for i in range(20)]
    results = _all(writer, calls)
    assert all(isinstance(r, sa.exc.IntegrityError) for r in results[1::2])
    assert all(isinstance(r, tuple) for r in results[0::2])
    assert _scalar(db, "SELECT time_spent_seconds FROM progress WHERE user_id = :u", u=uid) == 50
    assert _scalar(db, "SELECT COUNT(*) FROM applied_ops WHERE op_id LIKE 'bad-%'") == 0
    (again,) = _all(writer, [put(sids[2], 5, "after")])
    assert again[1].time_spent_seconds == 55


def test_a_progress_write_is_one_statement_on_postgresql(db: Database, writer: Writer) -> None:
    """On PostgreSQL the token, the lock, the claim, the upsert and the version bump are one statement; on
    SQLite (no round trips to save) the token is looked up first, then the separate statements run."""
    _uid, digest, _cid, sids = _setup(db)
    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.startswith(("SET plan_cache_mode", "BEGIN", "SAVEPOINT", "RELEASE")):
            seen.append(" ".join(statement.split())[:30])

    update = ProgressUpdate(time_spent_seconds=5, op_id="once")
    event.listen(db.write_engine, "before_cursor_execute", note)
    try:
        _all(writer, [lambda conn: learner.put_progress_as(conn, digest, sids[0], update)])
        first = list(seen)
        seen.clear()
        _all(writer, [lambda conn: learner.put_progress_as(conn, digest, sids[0], update)])  # a replay
    finally:
        event.remove(db.write_engine, "before_cursor_execute", note)
    if db.dialect == "postgresql":
        assert len(first) == 1 and first[0].startswith("WITH who AS")
        assert len(seen) == 2  # the write, then the row as the first send left it
    else:
        assert len(first) == 5 and first[0].startswith("SELECT u.id")
        assert len(seen) == 4  # token, lock, claim (a replay), the row
