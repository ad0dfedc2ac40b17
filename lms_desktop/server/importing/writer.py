"""One imported course into the database, in the caller's transaction, created or updated in place.

A re-import matches sections by their package key: a matched section keeps its id (so every learner's
progress and attempts stay), gets the new content and a version bump only when something changed; a
section the new package lacks is hidden, never deleted. Positions are first moved out of the way (to
negative numbers) so the unique (course, position) constraints never trip half-way through.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from lms_desktop.contract import ImportedCourse, SkippedItem
from lms_desktop.server.db.fts_content import MAX_BODY_CHARS, MAX_SECTIONS_CHARS
from lms_desktop.server.db.queries.versions import bump_catalog
from lms_desktop.server.db.schema import (
    assets,
    course_assets,
    course_search,
    courses,
    lessons,
    quiz_questions,
    section_bodies,
    sections,
)
from lms_desktop.server.importing.model import REF_RE, CourseData, Question, SectionData

_dumps = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode


def _questions_fingerprint(questions: list[Question]) -> str:
    return _dumps(
        [[q.key, q.kind, q.prompt_html, q.choices, q.answer_key, q.feedback, q.points] for q in questions]
    )


def _stored_questions(conn: Connection, section_id: int) -> str:
    found = conn.execute(
        sa.select(
            quiz_questions.c.question_key,
            quiz_questions.c.kind,
            quiz_questions.c.prompt_html,
            quiz_questions.c.choices,
            quiz_questions.c.answer_key,
            quiz_questions.c.feedback,
            quiz_questions.c.points,
        )
        .where(quiz_questions.c.section_id == section_id)
        .order_by(quiz_questions.c.position)
    ).all()
    return _dumps(
        [[r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4]), json.loads(r[5]), r[6]] for r in found]
    )


def _insert_ignore(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    conn.execute(insert(table).on_conflict_do_nothing(), rows)


def _course_row(
    conn: Connection, course: CourseData, publish: bool, image_key: str | None
) -> tuple[int, bool]:
    now = datetime.now(UTC)
    minutes = sum(s.duration_minutes for s in course.all_sections())
    hours = (
        course.estimated_hours if course.estimated_hours is not None else max(0.5, round(minutes / 30) / 2)
    )
    values = {
        "title": course.title[:300],
        "description": course.description,
        "difficulty": course.difficulty,
        "estimated_hours": hours,
        "image_key": image_key,
        "language": course.language[:35] or "en",
        "is_published": publish,
        "deleted_at": None,
        "updated_at": now,
    }
    existing = conn.execute(
        sa.select(courses.c.id).where(courses.c.source_key == course.source_key)
    ).scalar_one_or_none()
    if existing is not None:
        conn.execute(
            sa.update(courses).where(courses.c.id == existing).values(**values, version=courses.c.version + 1)
        )
        return int(existing), False
    course_id = conn.execute(
        sa.insert(courses)
        .values(**values, source_key=course.source_key, created_at=now)
        .returning(courses.c.id)
    ).scalar_one()
    return int(course_id), True


class _SectionWriter:
    """Places sections of one course: reuse by key, insert new ones, hide the rest."""

    def __init__(self, conn: Connection, course_id: int) -> None:
        self.conn = conn
        self.course_id = course_id
        self.old = {
            r.source_key: r
            for r in conn.execute(
                sa.select(
                    sections.c.id,
                    sections.c.source_key,
                    sections.c.body_id,
                    sections.c.title,
                    sections.c.type,
                    sections.c.duration_minutes,
                    sections.c.hidden,
                ).where(sections.c.course_id == course_id)
            )
        }
        # Out of the way first: every old section hidden at a negative position, every lesson negative.
        conn.execute(
            sa.update(sections)
            .where(sections.c.course_id == course_id)
            .values(course_position=-sections.c.id, sort_order=-sections.c.id, hidden=True)
        )
        self.old_lessons = list(
            conn.execute(
                sa.select(lessons.c.id).where(lessons.c.course_id == course_id).order_by(lessons.c.sort_order)
            ).scalars()
        )
        conn.execute(
            sa.update(lessons).where(lessons.c.course_id == course_id).values(sort_order=-lessons.c.id)
        )

    def lesson(self, order: int, title: str) -> int:
        if order <= len(self.old_lessons):
            lesson_id = self.old_lessons[order - 1]
            self.conn.execute(
                sa.update(lessons)
                .where(lessons.c.id == lesson_id)
                .values(sort_order=order, title=title[:300])
            )
            return lesson_id
        return int(
            self.conn.execute(
                sa.insert(lessons)
                .values(course_id=self.course_id, sort_order=order, title=title[:300])
                .returning(lessons.c.id)
            ).scalar_one()
        )

    def place(self, section: SectionData, lesson_id: int, order: int, position: int) -> int:
        """The section's id at its new place (its content is written by `content`)."""
        values = {
            "lesson_id": lesson_id,
            "sort_order": order,
            "course_position": position,
            "hidden": False,
            "duration_minutes": max(0, section.duration_minutes),
        }
        old = self.old.get(section.key)
        if old is not None:
            self.conn.execute(sa.update(sections).where(sections.c.id == old.id).values(**values))
            return int(old.id)
        body_id = self.conn.execute(
            sa.insert(section_bodies).values(markdown="").returning(section_bodies.c.id)
        ).scalar_one()
        return int(
            self.conn.execute(
                sa.insert(sections)
                .values(
                    **values,
                    course_id=self.course_id,
                    title=section.title[:300],
                    type=section.type,
                    body_id=body_id,
                    source_key=section.key[:300],
                )
                .returning(sections.c.id)
            ).scalar_one()
        )

    def content(self, section_id: int, section: SectionData, html: str) -> None:
        """Write the body and questions; bump the version when a matched section changed."""
        data = _dumps(section.data)
        old = self.old.get(section.key)
        conn = self.conn
        if old is not None:
            body = conn.execute(
                sa.select(section_bodies.c.html, section_bodies.c.plain, section_bodies.c.data).where(
                    section_bodies.c.id == old.body_id
                )
            ).one()
            same = (
                (body.html or "", body.data or "{}") == (html, data)
                and (old.title, old.type) == (section.title[:300], section.type)
                and (
                    section.type != "quiz"
                    or _stored_questions(conn, section_id) == _questions_fingerprint(section.questions)
                )
            )
            if same:
                if body.plain != section.plain:
                    conn.execute(
                        sa.update(section_bodies)
                        .where(section_bodies.c.id == old.body_id)
                        .values(plain=section.plain)
                    )
                return
            conn.execute(
                sa.update(sections)
                .where(sections.c.id == section_id)
                .values(title=section.title[:300], type=section.type, version=sections.c.version + 1)
            )
            body_id = old.body_id
        else:
            body_id = conn.execute(
                sa.select(sections.c.body_id).where(sections.c.id == section_id)
            ).scalar_one()
        conn.execute(
            sa.update(section_bodies)
            .where(section_bodies.c.id == body_id)
            .values(markdown="", html=html, plain=section.plain, data=data)
        )
        conn.execute(sa.delete(quiz_questions).where(quiz_questions.c.section_id == section_id))
        if section.questions:
            conn.execute(
                sa.insert(quiz_questions),
                [
                    {
                        "section_id": section_id,
                        "question_key": q.key[:200],
                        "position": pos,
                        "kind": q.kind,
                        "prompt_html": q.prompt_html,
                        "choices": _dumps(q.choices),
                        "answer_key": _dumps(q.answer_key),
                        "feedback": _dumps(q.feedback),
                        "points": max(0.0, q.points),
                    }
                    for pos, q in enumerate(section.questions, start=1)
                ],
            )


def _search_text(conn: Connection, course_id: int, placed: list[SectionData]) -> None:
    """The course's section titles and text for content search (db/fts_content.py keeps the index)."""
    values = {
        "sections": " ".join(s.title for s in placed)[:MAX_SECTIONS_CHARS],
        "body": " ".join(s.plain for s in placed if s.plain)[:MAX_BODY_CHARS],
    }
    updated = conn.execute(
        sa.update(course_search).where(course_search.c.course_id == course_id).values(**values)
    )
    if updated.rowcount == 0:
        conn.execute(sa.insert(course_search).values(course_id=course_id, **values))


def write_course(
    conn: Connection, course: CourseData, *, publish: bool, image_key: str | None
) -> ImportedCourse:
    """Create or update the course; return its summary. The caller owns the transaction."""
    course_id, created = _course_row(conn, course, publish, image_key)
    writer = _SectionWriter(conn, course_id)
    placed: list[tuple[int, SectionData]] = []
    position = 0
    kept_lessons = [lesson for lesson in course.lessons if lesson.sections]
    for lesson_order, lesson in enumerate(kept_lessons, start=1):
        lesson_id = writer.lesson(lesson_order, lesson.title)
        for order, section in enumerate(lesson.sections, start=1):
            position += 1
            placed.append((writer.place(section, lesson_id, order, position), section))
    ids = {section.key: sid for sid, section in placed}
    refs = [ids.get(key) for key in course.section_refs]

    def resolve(match: Any) -> str:
        target = refs[int(match.group(1))]
        return f"/api/v1/sections/{target}" if target is not None else "#"

    for sid, section in placed:
        writer.content(sid, section, REF_RE.sub(resolve, section.html))
    conn.execute(
        sa.delete(lessons).where(
            lessons.c.course_id == course_id,
            lessons.c.sort_order < 0,
            ~sa.exists().where(sections.c.lesson_id == lessons.c.id),
        )
    )
    now = datetime.now(UTC)
    _insert_ignore(
        conn,
        assets,
        [
            {"sha256": a.sha256, "size": a.size, "content_type": a.content_type[:200], "created_at": now}
            for a in course.assets.values()
        ],
    )
    conn.execute(sa.delete(course_assets).where(course_assets.c.course_id == course_id))
    if course.assets:
        conn.execute(
            sa.insert(course_assets),
            [
                {"course_id": course_id, "sha256": a.sha256, "name": a.name[:1000]}
                for a in course.assets.values()
            ],
        )
    conn.execute(
        sa.update(courses)
        .where(courses.c.id == course_id)
        .values(lesson_count=len(kept_lessons), section_count=len(placed))
    )
    _search_text(conn, course_id, [section for _, section in placed])
    bump_catalog(conn)
    return ImportedCourse(
        id=course_id,
        title=course.title,
        created=created,
        lessons=len(kept_lessons),
        sections=dict(Counter(section.type for _, section in placed)),
        assets=len(course.assets),
        questions=sum(len(s.questions) for _, s in placed),
        skipped=[SkippedItem(item=i, reason=r) for i, r in course.skipped],
    )
