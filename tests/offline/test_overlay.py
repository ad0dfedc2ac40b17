"""Pending changes laid over cached answers follow the same rules as the server (pure functions)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from lms_desktop.client.offline.ops import EnrollOp, ProgressOp, RatingOp, UnenrollOp
from lms_desktop.client.offline.outbox import Outbox
from lms_desktop.client.offline.overlay import (
    overlay_content,
    overlay_dashboard,
    overlay_detail,
    pending_view,
)
from lms_desktop.contract import (
    CourseContent,
    CourseDetail,
    Dashboard,
    DashboardItem,
    LessonOutline,
    SectionOutline,
)

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def detail(course_id: int, status: str | None = None, rating: int | None = None) -> CourseDetail:
    return CourseDetail(
        id=course_id,
        title=f"Course {course_id}",
        description="",
        difficulty="beginner",
        estimated_hours=2.0,
        image_url=None,
        enrollment_count=1,
        rating_avg=None,
        rating_count=0,
        created_at=T0,
        updated_at=T0,
        lesson_count=1,
        section_count=3,
        enrollment_status=status,  # type: ignore[arg-type]
        my_rating=rating,
    )


def content(course_id: int) -> CourseContent:
    sections = [
        SectionOutline(
            id=10,
            title="a",
            order=1,
            type="text",
            duration_minutes=5,
            completed_at=at(30),
            time_spent_seconds=60,
        ),
        SectionOutline(id=11, title="b", order=2, type="text", duration_minutes=5),
        SectionOutline(id=12, title="c", order=3, type="text", duration_minutes=5),
    ]
    return CourseContent(
        course_id=course_id, lessons=[LessonOutline(id=1, title="L", order=1, sections=sections)]
    )


def test_overlay_follows_the_conflict_rules(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "o.sqlite3")
    box.add(
        1,
        ProgressOp(course_id=7, section_id=10, completed_at=at(10), time_spent_seconds=20),
        client_timestamp=at(10),
    )
    box.add(
        1,
        ProgressOp(course_id=7, section_id=11, completed_at=at(40), time_spent_seconds=30),
        client_timestamp=at(40),
    )
    box.add(1, ProgressOp(course_id=7, section_id=11, time_spent_seconds=15), client_timestamp=at(41))
    box.add(1, RatingOp(course_id=7, rating=2), client_timestamp=at(5))
    box.add(1, RatingOp(course_id=7, rating=4), client_timestamp=at(3))  # older by the learner's clock
    box.add(1, UnenrollOp(course_id=8), client_timestamp=at(50))
    box.add(1, EnrollOp(course_id=9), client_timestamp=at(51))
    parked = box.add(1, RatingOp(course_id=9, rating=1), client_timestamp=at(52))
    box.mark_attention(parked.seq, "gone", "404")
    view = pending_view(box.entries(1))
    box.close()

    seen = {s.id: s for lesson in overlay_content(content(7), view).lessons for s in lesson.sections}
    assert (seen[10].completed_at, seen[10].time_spent_seconds) == (at(10), 80)  # earliest completion wins
    assert (seen[11].completed_at, seen[11].time_spent_seconds) == (at(40), 45)
    assert (seen[12].completed_at, seen[12].time_spent_seconds) == (None, 0)
    assert overlay_detail(detail(7), view).my_rating == 2  # latest by client timestamp, not by order
    assert overlay_detail(detail(8, "active"), view).enrollment_status is None
    enrolled = overlay_detail(detail(9), view)
    assert enrolled.enrollment_status == "active" and enrolled.enrolled_at == at(51)
    assert enrolled.my_rating is None  # a change that needs attention is not shown as done
    assert overlay_detail(detail(5, "active", 3), view) == detail(5, "active", 3)  # untouched course

    def item(course_id: int) -> DashboardItem:
        return DashboardItem(
            course_id=course_id,
            title="x",
            image_url=None,
            difficulty="beginner",
            enrollment_status="active",
            enrolled_at=T0,
            total_sections=3,
            completed_sections=1,
            percent_complete=33.3,
            time_spent_seconds=60,
            last_activity=at(30),
            next_section_id=11,
        )

    board = overlay_dashboard(
        Dashboard(items=[item(7), item(8), item(5)]), view, {7: overlay_content(content(7), view)}
    )
    assert [i.course_id for i in board.items] == [7, 5]  # left course 8 offline
    seven = board.items[0]
    assert (seven.completed_sections, seven.time_spent_seconds, seven.next_section_id) == (2, 125, 12)
    assert seven.percent_complete == 66.7
    assert board.items[1] == item(5)
