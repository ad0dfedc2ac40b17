"""Learner writes on both engines: idempotent, concurrency-safe, monotonic, replay-safe, versioned."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from lms_desktop.contract import ProgressUpdate, RatingUpdate
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.errors import NotEnrolled
from lms_desktop.server.db.queries import authoring, catalog, content, learner, users, versions
from lms_desktop.server.db.schema import applied_ops
from tests.server.db_support import engine_params, scratch_database

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(params=engine_params())
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return scratch_database(request.param, request, tmp_path_factory)


def _course(db: Database, sections: int = 4, **kw: Any) -> tuple[int, list[int]]:
    lesson = authoring.NewLesson(
        "Lesson", [authoring.NewSection(f"S{i}", f"# S{i}") for i in range(sections)]
    )
    with db.write() as conn:
        cid = authoring.create_course(
            conn, title="Course", description="About things", lessons_=[lesson], **kw
        )
        outline = content.get_content(conn, cid, None)
    assert outline is not None
    return cid, [s.id for s in outline.lessons[0].sections]


def _user(db: Database, name: str = "ann") -> int:
    with db.write() as conn:
        return users.create_user(conn, name, "pw").id


def _count(db: Database, sql: str, **params: object) -> int:
    with db.read() as conn:
        return int(conn.execute(sa.text(sql), params).scalar() or 0)


def _race(n: int, fn: Callable[[int], object]) -> list[BaseException]:
    """Run fn(i) in n threads released at the same moment; returns the errors."""
    barrier = threading.Barrier(n)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        barrier.wait()
        try:
            fn(i)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return errors


def test_twenty_concurrent_enrollments_leave_one_row(db: Database) -> None:
    uid, (cid, _) = _user(db), _course(db)

    def enroll(_i: int) -> None:
        with db.write() as conn:
            learner.set_enrollment(conn, uid, cid, True)

    assert _race(20, enroll) == []
    assert (
        _count(db, "SELECT COUNT(*) FROM enrollments WHERE user_id = :u AND course_id = :c", u=uid, c=cid)
        == 1
    )
    assert _count(db, "SELECT enrollment_count FROM courses WHERE id = :c", c=cid) == 1


def test_concurrent_progress_adds_every_distinct_op_once(db: Database) -> None:
    uid, (cid, sids) = _user(db), _course(db)
    with db.write() as conn:
        learner.set_enrollment(conn, uid, cid, True)

    def put(i: int) -> None:
        with db.write() as conn:  # ten distinct ops, each sent twice at the same moment
            learner.put_progress(
                conn, uid, sids[0], ProgressUpdate(time_spent_seconds=10, op_id=f"op-{i % 10:06d}")
            )

    assert _race(20, put) == []
    assert _count(db, "SELECT time_spent_seconds FROM progress WHERE user_id = :u", u=uid) == 100
    assert _count(db, "SELECT COUNT(*) FROM progress WHERE user_id = :u", u=uid) == 1


def test_enroll_unenroll_counts_and_versions(db: Database) -> None:
    uid, (cid, _) = _user(db), _course(db)
    with db.read() as conn:
        uv0, cv0 = versions.user_version(conn, uid), catalog.course_version(conn, cid)
        catv0 = versions.catalog_version(conn)
    with db.write() as conn:
        e = learner.set_enrollment(conn, uid, cid, True)
    assert e is not None and e.status == "active" and e.enrolled_at is not None
    with db.read() as conn:
        assert versions.user_version(conn, uid) == uv0 + 1
        assert catalog.course_version(conn, cid) == (cv0 or 0) + 1
        assert versions.catalog_version(conn) == catv0  # learner writes never invalidate the catalog
        detail = catalog.get_course(conn, cid, uid)
        assert detail is not None and detail.enrollment_status == "active" and detail.enrollment_count == 1
    with db.write() as conn:  # the same PUT again changes nothing
        learner.set_enrollment(conn, uid, cid, True)
    with db.read() as conn:
        assert versions.user_version(conn, uid) == uv0 + 1
    with db.write() as conn:
        e = learner.set_enrollment(conn, uid, cid, False)
        assert e is not None and e.status is None
        learner.set_enrollment(conn, uid, cid, False)
    assert _count(db, "SELECT enrollment_count FROM courses WHERE id = :c", c=cid) == 0


def test_latest_client_timestamp_wins_for_enrollment(db: Database) -> None:
    uid, (cid, _) = _user(db), _course(db)
    with db.write() as conn:
        learner.set_enrollment(conn, uid, cid, True, client_timestamp=T0 + timedelta(hours=2))
        # an older unenroll from another device, synced late: loses
        e = learner.set_enrollment(conn, uid, cid, False, client_timestamp=T0 + timedelta(hours=1))
        assert e is not None and e.status == "active"
        e = learner.set_enrollment(conn, uid, cid, False, client_timestamp=T0 + timedelta(hours=3))
        assert e is not None and e.status is None
        # a future clock is clamped to now, so it cannot freeze the state
        learner.set_enrollment(conn, uid, cid, True, client_timestamp=datetime.now(UTC) + timedelta(days=365))
        e = learner.set_enrollment(conn, uid, cid, False)
        assert e is not None and e.status is None
    assert _count(db, "SELECT enrollment_count FROM courses WHERE id = :c", c=cid) == 0


def test_enrollment_op_replay_changes_nothing(db: Database) -> None:
    uid, (cid, _) = _user(db), _course(db)
    with db.write() as conn:
        learner.set_enrollment(conn, uid, cid, True, op_id="enroll-0001")
        learner.set_enrollment(conn, uid, cid, False, op_id="drop-0001")
        e = learner.set_enrollment(conn, uid, cid, True, op_id="enroll-0001")  # replayed from an outbox
    assert e is not None and e.status is None


def test_progress_requires_enrollment(db: Database) -> None:
    uid, (_cid, sids) = _user(db), _course(db)
    with db.write() as conn, pytest.raises(NotEnrolled):
        learner.put_progress(conn, uid, sids[0], ProgressUpdate(time_spent_seconds=5))


def test_completion_is_monotonic_and_earliest_wins(db: Database) -> None:
    uid, (cid, sids) = _user(db), _course(db)
    with db.write() as conn:
        learner.set_enrollment(conn, uid, cid, True)
        p = learner.put_progress(conn, uid, sids[0], ProgressUpdate(completed_at=T0 + timedelta(hours=5)))
        assert p is not None and p.completed_at == T0 + timedelta(hours=5)
        p = learner.put_progress(conn, uid, sids[0], ProgressUpdate(completed_at=None, time_spent_seconds=30))
        assert p is not None and p.completed_at == T0 + timedelta(hours=5)  # no un-completing
        p = learner.put_progress(conn, uid, sids[0], ProgressUpdate(completed_at=T0 + timedelta(hours=9)))
        assert p is not None and p.completed_at == T0 + timedelta(hours=5)  # later completion loses
        p = learner.put_progress(conn, uid, sids[0], ProgressUpdate(completed_at=T0 + timedelta(hours=1)))
        assert p is not None and p.completed_at == T0 + timedelta(
            hours=1
        )  # earlier one (offline device) wins
        assert p.time_spent_seconds == 30


def test_progress_op_replay_and_time_deltas(db: Database) -> None:
    uid, (cid, sids) = _user(db), _course(db)
    with db.write() as conn:
        learner.set_enrollment(conn, uid, cid, True)
        for _ in range(3):
            learner.put_progress(
                conn, uid, sids[1], ProgressUpdate(time_spent_seconds=40, op_id="sess-000001")
            )
        learner.put_progress(conn, uid, sids[1], ProgressUpdate(time_spent_seconds=20, op_id="sess-000002"))
        learner.put_progress(conn, uid, sids[1], ProgressUpdate(time_spent_seconds=5))
        p = learner.put_progress(conn, uid, sids[1], ProgressUpdate(time_spent_seconds=5))
    assert p is not None and p.time_spent_seconds == 70
    with db.read() as conn:
        uv = versions.user_version(conn, uid)
    with db.write() as conn:  # a replay does not even bump the version (nothing changed)
        learner.put_progress(conn, uid, sids[1], ProgressUpdate(time_spent_seconds=40, op_id="sess-000001"))
    with db.read() as conn:
        assert versions.user_version(conn, uid) == uv


def test_completing_every_section_completes_the_enrollment(db: Database) -> None:
    uid, (cid, sids) = _user(db), _course(db, sections=2)
    with db.write() as conn:
        learner.set_enrollment(conn, uid, cid, True)
        for sid in sids:
            learner.put_progress(conn, uid, sid, ProgressUpdate(completed_at=T0))
        e = learner.get_enrollment(conn, uid, cid)
    assert e is not None and e.status == "completed"


def test_ratings_latest_wins_and_aggregates(db: Database) -> None:
    a, b = _user(db, "ann"), _user(db, "bob")
    cid, _ = _course(db)
    with db.write() as conn:
        learner.put_rating(conn, a, cid, RatingUpdate(rating=5, client_timestamp=T0))
        r = learner.put_rating(conn, b, cid, RatingUpdate(rating=2, client_timestamp=T0))
        assert r is not None and r.rating_count == 2 and r.rating_avg == 3.5
        r = learner.put_rating(conn, a, cid, RatingUpdate(rating=1, client_timestamp=T0 - timedelta(days=1)))
        assert r is not None and r.rating == 5  # older change loses
        r = learner.put_rating(conn, a, cid, RatingUpdate(rating=3, client_timestamp=T0 + timedelta(days=1)))
        assert r is not None and r.rating == 3 and r.rating_count == 2 and r.rating_avg == 2.5
        r = learner.put_rating(conn, a, cid, RatingUpdate(rating=4, op_id="rate-000001"))
        r = learner.put_rating(conn, a, cid, RatingUpdate(rating=4, op_id="rate-000001"))
        assert r is not None and r.rating_avg == 3.0
    row = _count(db, "SELECT rating_sum FROM courses WHERE id = :c", c=cid)
    assert row == 6


def test_concurrent_ratings_keep_aggregates_exact(db: Database) -> None:
    cid, _ = _course(db)
    uids = [_user(db, f"u{i}") for i in range(6)]

    def rate(i: int) -> None:
        with db.write() as conn:
            learner.put_rating(conn, uids[i % 6], cid, RatingUpdate(rating=1 + i % 5))

    assert _race(12, rate) == []
    with db.read() as conn:
        real = conn.execute(
            sa.text("SELECT COALESCE(SUM(rating), 0), COUNT(*) FROM course_ratings WHERE course_id = :c"),
            {"c": cid},
        ).one()
        stored = conn.execute(
            sa.text("SELECT rating_sum, rating_count FROM courses WHERE id = :c"), {"c": cid}
        ).one()
    assert tuple(real) == tuple(stored)


@pytest.mark.parametrize("hide", ["unpublished", "deleted"])
def test_invisible_courses_are_invisible_everywhere(db: Database, hide: str) -> None:
    uid = _user(db)
    cid, sids = _course(db)
    with db.write() as conn:
        learner.set_enrollment(conn, uid, cid, True)
        if hide == "deleted":
            authoring.delete_course(conn, cid)
        else:
            authoring.update_course(conn, cid, is_published=False)
    with db.read() as conn:
        page = catalog.list_courses(
            conn,
            db.dialect,
            q="course",
            difficulty=None,
            max_hours=None,
            sort="popular",
            page=1,
            limit=20,
            cursor=None,
        )
        assert page.items == [] and page.total == 0
        plain = catalog.list_courses(
            conn,
            db.dialect,
            q=None,
            difficulty=None,
            max_hours=None,
            sort="newest",
            page=1,
            limit=20,
            cursor=None,
        )
        assert plain.total == 0
        assert catalog.get_course(conn, cid, uid) is None
        assert catalog.course_version(conn, cid) is None
        assert content.get_content(conn, cid, uid) is None
        assert content.get_section(conn, sids[0]) is None
        assert learner.get_enrollment(conn, uid, cid) is None
    with db.write() as conn:
        assert learner.set_enrollment(conn, uid, cid, False) is None
        assert learner.put_progress(conn, uid, sids[0], ProgressUpdate(time_spent_seconds=1)) is None
        assert learner.put_rating(conn, uid, cid, RatingUpdate(rating=3)) is None
    from lms_desktop.server.db.queries import dashboard

    with db.read() as conn:
        assert dashboard.get_dashboard(conn, db.dialect, uid).items == []


def test_content_of_a_course_without_sections_is_empty_and_of_a_hidden_one_none(db: Database) -> None:
    lesson = authoring.NewLesson("Lesson", [authoring.NewSection("S", "# S")])
    with db.write() as conn:
        empty = authoring.create_course(conn, title="Empty", description="Nothing yet")
        draft = authoring.create_course(
            conn, title="Draft", description="Soon", lessons_=[lesson], is_published=False
        )
    with db.read() as conn:
        outline = content.get_content(conn, empty, None)
        assert outline is not None and outline.course_id == empty and outline.lessons == []
        assert content.get_content(conn, draft, None) is None
        assert content.get_content(conn, 999_999, None) is None


def test_old_op_ids_are_pruned_in_batches_and_recent_ones_still_guard_replays(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lms_desktop.server import housekeeping

    uid = _user(db)
    cid, sids = _course(db)
    now = datetime.now(UTC)
    with db.write() as conn:
        learner.set_enrollment(conn, uid, cid, True)
        for i in range(7):  # seven old claims, as if applied 200 days ago
            assert learner.claim_op(conn, uid, f"old-{i}", "progress")
        conn.execute(
            sa.update(applied_ops)
            .where(applied_ops.c.op_id.like("old-%"))
            .values(applied_at=now - timedelta(days=200))
        )
    update = ProgressUpdate(time_spent_seconds=30, op_id="recent", client_timestamp=now)
    with db.write() as conn:
        learner.put_progress(conn, uid, sids[0], update)
    monkeypatch.setattr(housekeeping, "BATCH", 3)  # 7 old rows: batches of 3, 3 and 1
    assert housekeeping.prune_applied_ops(db, timedelta(days=180)) == 7
    assert _count(db, "SELECT COUNT(*) FROM applied_ops") == 1
    with db.write() as conn:  # the recent op id still guards its replay
        learner.put_progress(conn, uid, sids[0], update)
    assert _count(db, "SELECT time_spent_seconds FROM progress WHERE user_id = :u", u=uid) == 30
    assert housekeeping.prune_applied_ops(db, timedelta(days=180)) == 0
    # pruning deletes by range on its index, not by a scan
    with db.read() as conn:
        names = {ix["name"] for ix in sa.inspect(conn).get_indexes("applied_ops")}
    assert "ix_applied_ops_applied_at" in names
