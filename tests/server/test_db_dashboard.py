"""The dashboard: one statement, and the same answer as the naive N+1 way, on both engines."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from lms_desktop.contract import Dashboard, ProgressUpdate
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.queries import authoring, dashboard, learner, users
from tests.server.db_support import engine_params, scratch_database, seeded_database


@pytest.fixture(scope="module", params=engine_params())
def seeded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return seeded_database(request.param, request, tmp_path_factory)


def _dashboard_counting(db: Database, user_id: int) -> tuple[Dashboard, list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cur: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    with db.read() as conn:
        event.listen(conn, "before_cursor_execute", count)
        try:
            result = dashboard.get_dashboard(conn, db.dialect, user_id)
        finally:
            event.remove(conn, "before_cursor_execute", count)
    return result, statements


def _naive(db: Database, user_id: int) -> dict[int, tuple[int, int, int, int | None]]:
    """The N+1 way the seed design warns about: per course, count sections and progress separately."""
    out = {}
    with db.read() as conn:
        mine = conn.execute(
            sa.text(
                "SELECT course_id FROM enrollments WHERE user_id = :u AND status IN ('active', 'completed')"
            ),
            {"u": user_id},
        ).scalars()
        for cid in mine:
            sections = (
                conn.execute(
                    sa.text("SELECT id FROM sections WHERE course_id = :c ORDER BY course_position"),
                    {"c": cid},
                )
                .scalars()
                .all()
            )
            done = set(
                conn.execute(
                    sa.text(
                        "SELECT section_id FROM progress WHERE user_id = :u AND course_id = :c "
                        "AND completed_at IS NOT NULL"
                    ),
                    {"u": user_id, "c": cid},
                ).scalars()
            )
            spent = conn.execute(
                sa.text(
                    "SELECT COALESCE(SUM(time_spent_seconds), 0) FROM progress "
                    "WHERE user_id = :u AND course_id = :c"
                ),
                {"u": user_id, "c": cid},
            ).scalar()
            nxt = next((s for s in sections if s not in done), None)
            out[int(cid)] = (len(sections), len(done), int(spent or 0), nxt)
    return out


def test_dashboard_is_one_statement_and_matches_naive(seeded: Database) -> None:
    with seeded.read() as conn:
        user_ids = conn.execute(sa.text("SELECT id FROM users ORDER BY id LIMIT 25")).scalars().all()
    checked = 0
    for uid in user_ids:
        result, statements = _dashboard_counting(seeded, uid)
        assert len(statements) == 1, statements
        expected = _naive(seeded, uid)
        got = {
            i.course_id: (i.total_sections, i.completed_sections, i.time_spent_seconds, i.next_section_id)
            for i in result.items
        }
        assert got == expected
        for item in result.items:
            assert item.percent_complete == pytest.approx(
                100 * item.completed_sections / item.total_sections, abs=0.06
            )
        last = [i.last_activity for i in result.items]
        touched = [t for t in last if t is not None]
        assert touched == sorted(touched, reverse=True)
        assert last == touched + [None] * (len(last) - len(touched))  # never-touched courses come last
        checked += len(result.items)
    assert checked > 10


def test_demo_learner_has_partial_progress(seeded: Database) -> None:
    with seeded.read() as conn:
        demo = users.get_user_by_name(conn, "demo")
        assert demo is not None
        items = dashboard.get_dashboard(conn, seeded.dialect, demo.id).items
    assert len(items) >= 3
    assert any(0 < i.percent_complete < 100 for i in items)
    assert any(i.next_section_id is not None for i in items)


@pytest.mark.parametrize("kind", engine_params())
def test_order_follows_last_activity(
    kind: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    db = scratch_database(kind, request, tmp_path_factory)
    with db.write() as conn:
        uid = users.create_user(conn, "eve", "pw").id
        lesson = authoring.NewLesson("L", [authoring.NewSection("a", "a"), authoring.NewSection("b", "b")])
        cids = [
            authoring.create_course(conn, title=f"C{i}", description="d", lessons_=[lesson]) for i in range(3)
        ]
        for cid in cids:
            learner.set_enrollment(conn, uid, cid, True)
    from lms_desktop.server.db.queries import content

    with db.write() as conn:
        first = content.get_content(conn, cids[0], uid)
        assert first is not None
        learner.put_progress(conn, uid, first.lessons[0].sections[0].id, ProgressUpdate(time_spent_seconds=9))
    with db.write() as conn:
        third = content.get_content(conn, cids[2], uid)
        assert third is not None
        sid = third.lessons[0].sections[0].id
        learner.put_progress(conn, uid, sid, ProgressUpdate(completed_at=None, time_spent_seconds=3))
    with db.read() as conn:
        items = dashboard.get_dashboard(conn, db.dialect, uid).items
    assert [i.course_id for i in items] == [cids[2], cids[0], cids[1]]
    assert items[0].time_spent_seconds == 3 and items[2].last_activity is None
    assert items[2].next_section_id is not None and items[2].percent_complete == 0.0
