"""Course content (lessons and sections in order, with the caller's completion) and one section's body."""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

from sqlalchemy.engine import Connection

from lms_desktop.contract import CourseContent, LessonOutline, Quiz, Section, SectionOutline, SectionType
from lms_desktop.server.db.driver_sql import mark, rows, utc
from lms_desktop.server.db.queries.section_payload import section_payload
from lms_desktop.server.db.schema import visible_sql

# The caller's best quiz score per section of the course (ix_quiz_attempts_user_id_course_id); empty when
# anonymous (user id -1).
BEST_SCORES_SQL = (
    "SELECT section_id, MAX(score) AS best, MAX(max_score) AS top FROM quiz_attempts "
    "WHERE user_id = {p} AND course_id = {p} GROUP BY section_id"
)


def get_content(conn: Connection, course_id: int, user_id: int | None) -> CourseContent | None:
    """The outline in one indexed statement (sections by course position, joined to the course so an
    invisible course gives no row at all); None when the course is invisible.

    Driver SQL: this runs for every course a learner opens, and building it in Core would cost more than
    running it. One statement rather than a visibility check first: on PostgreSQL one round trip, not two."""
    dialect = conn.dialect.name
    p = mark(dialect)
    uid = -1 if user_id is None else user_id
    found = rows(
        conn,
        "SELECT l.id, l.title, l.sort_order, s.id, s.title, s.sort_order, s.type, s.duration_minutes, "
        "p.completed_at, p.time_spent_seconds, s.version, p.position_seconds, qa.best, qa.top FROM courses "
        "LEFT OUTER JOIN sections s ON s.course_id = courses.id AND NOT s.hidden "
        "LEFT OUTER JOIN lessons l ON l.id = s.lesson_id "
        f"LEFT OUTER JOIN progress p ON p.user_id = {p} AND p.course_id = {p} AND p.section_id = s.id "
        f"LEFT OUTER JOIN ({BEST_SCORES_SQL.format(p=p)}) qa ON qa.section_id = s.id "
        f"WHERE courses.id = {p} AND {visible_sql(dialect)} ORDER BY s.course_position",
        [uid, course_id, uid, course_id, course_id],
    )
    if not found:
        return None
    return CourseContent(course_id=course_id, lessons=_outline(found))


def _outline(found: list[tuple[Any, ...]]) -> list[LessonOutline]:
    """Lessons in order, each with its sections, from get_content's rows (one per section)."""
    outline: dict[int, LessonOutline] = {}
    for lesson_id, lesson_title, lesson_order, sid, *section in found:
        if sid is None:  # a visible course without sections: its one row carries no section
            continue
        lesson = outline.get(lesson_id)
        if lesson is None:
            lesson = outline[lesson_id] = LessonOutline(
                id=lesson_id, title=lesson_title, order=lesson_order, sections=[]
            )
        title, order, kind, minutes, done, spent, ver, pos, best, top = section
        lesson.sections.append(
            SectionOutline(
                id=sid,
                title=title,
                order=order,
                type=kind,
                duration_minutes=minutes,
                completed_at=utc(done),
                time_spent_seconds=spent or 0,
                version=ver or 1,
                position_seconds=pos,
                best_score=best,
                max_score=top,
            )
        )
    return sorted(outline.values(), key=lambda lesson: lesson.order)


def section_visible_sql(dialect: str) -> str:
    """One row when the section is shown (not hidden, its course published and not deleted); one parameter:
    the section id."""
    return (
        f"SELECT 1 FROM sections s JOIN courses c ON c.id = s.course_id "
        f"WHERE s.id = {mark(dialect)} AND NOT s.hidden AND {visible_sql(dialect, 'c')}"
    )


def section_is_visible(conn: Connection, section_id: int) -> bool:
    """The section is shown: not hidden, its course published and not deleted."""
    return conn.exec_driver_sql(section_visible_sql(conn.dialect.name), (section_id,)).first() is not None


def get_section(conn: Connection, section_id: int) -> Section | None:
    """A section with its body (Markdown, or an imported section's HTML and payload) and its visible
    neighbours in the course; None when the course is invisible or the section hidden."""
    found = rows(conn, _section_sql(conn.dialect.name), (section_id,))
    if not found:
        return None
    r = _SectionRow._make(found[0])
    payload = {} if r.markdown else section_payload(conn, r.course_id, r.type, r.html, r.data)
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
        version=r.version,
        quiz=_quiz(conn, r.id, r.type, r.data),
        **payload,
    )


class _SectionRow(NamedTuple):
    """`_section_sql`'s columns."""

    id: int
    course_id: int
    lesson_id: int
    title: str
    sort_order: int
    type: SectionType
    duration_minutes: int
    version: int
    markdown: str
    html: str | None
    data: str | None
    prev_id: int | None
    next_id: int | None


# the id of the visible section just before (or after) `s` in its course
_NEIGHBOUR = (
    "(SELECT o.id FROM sections o WHERE o.course_id = s.course_id "
    "AND o.course_position {op} s.course_position AND NOT o.hidden "
    "ORDER BY o.course_position {order} LIMIT 1)"
)


@functools.cache
def _section_sql(dialect: str) -> str:
    """One statement on the driver's cursor: a section is the most read answer that is not a 304, and
    building a Core select of three subqueries per read was a tenth of the loop's time in a 64-learner
    mix on PostgreSQL."""
    return (
        "SELECT s.id, s.course_id, s.lesson_id, s.title, s.sort_order, s.type, s.duration_minutes, "
        f"s.version, b.markdown, b.html, b.data, {_NEIGHBOUR.format(op='<', order='DESC')}, "
        f"{_NEIGHBOUR.format(op='>', order='ASC')} "
        "FROM sections s JOIN courses c ON c.id = s.course_id JOIN section_bodies b ON b.id = s.body_id "
        f"WHERE s.id = {mark(dialect)} AND NOT s.hidden AND {visible_sql(dialect, 'c')}"
    )


def _quiz(conn: Connection, section_id: int, kind: str, data: str | None) -> Quiz | None:
    """A quiz section's questions as learners see them (server/quiz: never the answer key)."""
    if kind != "quiz":
        return None
    from lms_desktop.server.quiz.attempts import public_quiz

    return public_quiz(conn, section_id, data)
