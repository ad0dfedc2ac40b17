"""Course content (lessons and sections in order, with the caller's completion) and one section's body."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.contract import CourseContent, LessonOutline, Section, SectionOutline
from lms_desktop.server.db.queries.catalog import is_visible, visible
from lms_desktop.server.db.schema import courses, lessons, progress, section_bodies, sections


def get_content(conn: Connection, course_id: int, user_id: int | None) -> CourseContent | None:
    """The outline in one indexed query (sections by course position); None when the course is invisible."""
    if not is_visible(conn, course_id):
        return None
    uid = -1 if user_id is None else user_id
    s, lsn, p = sections, lessons, progress
    stmt = (
        sa.select(
            lsn.c.id.label("lesson_id"),
            lsn.c.title.label("lesson_title"),
            lsn.c.sort_order.label("lesson_order"),
            s.c.id,
            s.c.title,
            s.c.sort_order,
            s.c.type,
            s.c.duration_minutes,
            p.c.completed_at,
            p.c.time_spent_seconds,
        )
        .select_from(
            s.join(lsn, lsn.c.id == s.c.lesson_id).outerjoin(
                p, sa.and_(p.c.user_id == uid, p.c.course_id == course_id, p.c.section_id == s.c.id)
            )
        )
        .where(s.c.course_id == course_id)
        .order_by(s.c.course_position)
    )
    outline: dict[int, LessonOutline] = {}
    for r in conn.execute(stmt):
        lesson = outline.get(r.lesson_id)
        if lesson is None:
            lesson = outline[r.lesson_id] = LessonOutline(
                id=r.lesson_id, title=r.lesson_title, order=r.lesson_order, sections=[]
            )
        lesson.sections.append(
            SectionOutline(
                id=r.id,
                title=r.title,
                order=r.sort_order,
                type=r.type,
                duration_minutes=r.duration_minutes,
                completed_at=r.completed_at,
                time_spent_seconds=r.time_spent_seconds or 0,
            )
        )
    ordered = sorted(outline.values(), key=lambda lesson: lesson.order)
    return CourseContent(course_id=course_id, lessons=ordered)


def get_section(conn: Connection, section_id: int) -> Section | None:
    """A section with its Markdown body and its neighbours in the course; None when invisible."""
    s = sections
    prev_s, next_s = s.alias("prev_s"), s.alias("next_s")
    prev_id = (
        sa.select(prev_s.c.id)
        .where(prev_s.c.course_id == s.c.course_id, prev_s.c.course_position < s.c.course_position)
        .order_by(prev_s.c.course_position.desc())
        .limit(1)
        .scalar_subquery()
    )
    next_id = (
        sa.select(next_s.c.id)
        .where(next_s.c.course_id == s.c.course_id, next_s.c.course_position > s.c.course_position)
        .order_by(next_s.c.course_position.asc())
        .limit(1)
        .scalar_subquery()
    )
    stmt = (
        sa.select(
            s.c.id,
            s.c.course_id,
            s.c.lesson_id,
            s.c.title,
            s.c.sort_order,
            s.c.type,
            s.c.duration_minutes,
            section_bodies.c.markdown,
            prev_id.label("prev_id"),
            next_id.label("next_id"),
        )
        .select_from(
            s.join(courses, courses.c.id == s.c.course_id).join(
                section_bodies, section_bodies.c.id == s.c.body_id
            )
        )
        .where(s.c.id == section_id, visible(conn.dialect.name))
    )
    r = conn.execute(stmt).first()
    if r is None:
        return None
    return Section(
        id=r.id,
        course_id=r.course_id,
        lesson_id=r.lesson_id,
        title=r.title,
        order=r.sort_order,
        type=r.type,
        duration_minutes=r.duration_minutes,
        body_markdown=r.markdown,
        prev_section_id=r.prev_id,
        next_section_id=r.next_id,
    )
