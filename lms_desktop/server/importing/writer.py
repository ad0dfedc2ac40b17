"""One imported course into the database, in the caller's transaction, created or updated in place.

A re-import matches sections by their package key: a matched section keeps its id (so every learner's
progress and attempts stay), gets the new content and a version bump only when something changed; a
section the new package lacks is hidden, never deleted. Positions are first moved out of the way (to
negative numbers) so the unique (course, position) constraints never trip half-way through.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.contract import ImportedCourse, SkippedItem
from lms_desktop.server.db.queries.versions import bump_catalog
from lms_desktop.server.db.schema import (
    courses,
    lessons,
    quiz_questions,
    section_bodies,
    sections,
)
from lms_desktop.server.importing.course_rows import course_row, search_text, write_assets
from lms_desktop.server.importing.model import REF_RE, CourseData, LessonData, Question, SectionData

_dumps = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode


def _questions_fingerprint(questions: list[Question]) -> str:
    return _dumps(
        [[q.key, q.kind, q.prompt_html, q.choices, q.answer_key, q.feedback, q.points] for q in questions]
    )


class _SectionWriter:
    """Places sections of one course: reuse by key, insert new ones, hide the rest. Statements are
    batched (executemany; psycopg pipelines them), so a course costs a few round trips, not several per
    section."""

    def __init__(self, conn: Connection, course_id: int) -> None:
        self.conn = conn
        self.course_id = course_id
        s, b = sections, section_bodies
        self.old = {
            r.source_key: r
            for r in conn.execute(
                sa.select(
                    s.c.id, s.c.source_key, s.c.body_id, s.c.title, s.c.type, b.c.html, b.c.plain, b.c.data
                )
                .join(b, b.c.id == s.c.body_id)
                .where(s.c.course_id == course_id)
            )
        }
        self.old_questions: dict[int, list[list[Any]]] = {}
        q = quiz_questions
        for r in conn.execute(
            sa.select(
                q.c.section_id,
                q.c.question_key,
                q.c.kind,
                q.c.prompt_html,
                q.c.choices,
                q.c.answer_key,
                q.c.feedback,
                q.c.points,
            )
            .join(s, s.c.id == q.c.section_id)
            .where(s.c.course_id == course_id)
            .order_by(q.c.section_id, q.c.position)
        ):
            row = [r[1], r[2], r[3], json.loads(r[4]), json.loads(r[5]), json.loads(r[6]), r[7]]
            self.old_questions.setdefault(r[0], []).append(row)
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

    def place(self, placements: list[tuple[SectionData, int, int, int]]) -> list[int]:
        """Every section's id at its new place (section, lesson id, order, course position)."""
        moved: list[tuple[SectionData, dict[str, int], Any]] = []
        new: list[tuple[SectionData, dict[str, int], Any]] = []
        self.new_bodies: dict[int, int] = {}
        for section, lesson_id, order, position in placements:
            values = {
                "b_lesson": lesson_id,
                "b_order": order,
                "b_position": position,
                "b_minutes": max(0, section.duration_minutes),
            }
            old = self.old.get(section.key)
            (moved if old is not None else new).append((section, values, old))
        if moved:
            self._move(moved)
        new_ids = self._insert(new) if new else []
        ids = {id(section): old.id for section, _, old in moved}
        ids.update({id(section): sid for (section, _, _), sid in zip(new, new_ids, strict=True)})
        return [int(ids[id(section)]) for section, *_ in placements]

    def _move(self, moved: list[tuple[SectionData, dict[str, int], Any]]) -> None:
        """Put matched sections at their new places (shown again if they were hidden)."""
        self.conn.execute(
            sa.update(sections)
            .where(sections.c.id == sa.bindparam("b_id"))
            .values(
                lesson_id=sa.bindparam("b_lesson"),
                sort_order=sa.bindparam("b_order"),
                course_position=sa.bindparam("b_position"),
                duration_minutes=sa.bindparam("b_minutes"),
                hidden=False,
            ),
            [{**values, "b_id": old.id} for _, values, old in moved],
        )

    def _insert(self, new: list[tuple[SectionData, dict[str, int], Any]]) -> list[int]:
        """Insert the new sections, each with an empty body that `content` fills; their ids in order."""
        body_ids = (
            self.conn.execute(
                sa.insert(section_bodies).returning(section_bodies.c.id, sort_by_parameter_order=True),
                [{"markdown": ""} for _ in new],
            )
            .scalars()
            .all()
        )
        new_ids = list(
            self.conn.execute(
                sa.insert(sections).returning(sections.c.id, sort_by_parameter_order=True),
                [
                    {
                        "lesson_id": v["b_lesson"],
                        "sort_order": v["b_order"],
                        "course_position": v["b_position"],
                        "duration_minutes": v["b_minutes"],
                        "hidden": False,
                        "course_id": self.course_id,
                        "title": section.title[:300],
                        "type": section.type,
                        "body_id": body_id,
                        "source_key": section.key[:300],
                    }
                    for (section, v, _), body_id in zip(new, body_ids, strict=True)
                ],
            ).scalars()
        )
        self.new_bodies = dict(zip(new_ids, body_ids, strict=True))
        return new_ids

    def content(self, placed: list[tuple[int, SectionData, str]]) -> None:
        """Write bodies and questions; bump the version of each matched section that changed."""
        bodies, bumped, replaced = self._changes(placed)
        self._write_bodies(bodies, bumped)
        self._replace_questions(placed, replaced)

    def _changes(
        self, placed: list[tuple[int, SectionData, str]]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[int]]:
        """(bodies to write, sections whose version goes up, sections whose questions are replaced)."""
        bodies: list[dict[str, Any]] = []
        bumped: list[dict[str, Any]] = []
        replaced: list[int] = []
        for sid, section, html in placed:
            data = _dumps(section.data)
            old = self.old.get(section.key)
            if old is not None:
                same = (
                    (old.html or "", old.data or "{}") == (html, data)
                    and (old.title, old.type) == (section.title[:300], section.type)
                    and _dumps(self.old_questions.get(sid, [])) == _questions_fingerprint(section.questions)
                )
                if not same:
                    bumped.append({"b_id": sid, "b_title": section.title[:300], "b_type": section.type})
                    replaced.append(sid)
                elif old.plain == section.plain:
                    continue
                body_id = old.body_id
            else:
                body_id = self.new_bodies[sid]
                replaced.append(sid)
            bodies.append({"b_id": body_id, "b_html": html, "b_plain": section.plain, "b_data": data})
        return bodies, bumped, replaced

    def _write_bodies(self, bodies: list[dict[str, Any]], bumped: list[dict[str, Any]]) -> None:
        conn = self.conn
        if bodies:
            conn.execute(
                sa.update(section_bodies)
                .where(section_bodies.c.id == sa.bindparam("b_id"))
                .values(
                    markdown="",
                    html=sa.bindparam("b_html"),
                    plain=sa.bindparam("b_plain"),
                    data=sa.bindparam("b_data"),
                ),
                bodies,
            )
        if bumped:
            conn.execute(
                sa.update(sections)
                .where(sections.c.id == sa.bindparam("b_id"))
                .values(
                    title=sa.bindparam("b_title"), type=sa.bindparam("b_type"), version=sections.c.version + 1
                ),
                bumped,
            )

    def _replace_questions(self, placed: list[tuple[int, SectionData, str]], replaced: list[int]) -> None:
        conn = self.conn
        stale = [sid for sid in replaced if sid in self.old_questions]
        if stale:
            conn.execute(sa.delete(quiz_questions).where(quiz_questions.c.section_id.in_(stale)))
        by_id = {sid: section for sid, section, _ in placed}
        questions = [
            {
                "section_id": sid,
                "question_key": q.key[:200],
                "position": pos,
                "kind": q.kind,
                "prompt_html": q.prompt_html,
                "choices": _dumps(q.choices),
                "answer_key": _dumps(q.answer_key),
                "feedback": _dumps(q.feedback),
                "points": max(0.0, q.points),
            }
            for sid in replaced
            for pos, q in enumerate(by_id[sid].questions, start=1)
        ]
        if questions:
            conn.execute(sa.insert(quiz_questions), questions)


def write_course(
    conn: Connection, course: CourseData, *, publish: bool, image_key: str | None
) -> ImportedCourse:
    """Create or update the course; return its summary. The caller owns the transaction."""
    course_id, created = course_row(conn, course, publish, image_key)
    writer = _SectionWriter(conn, course_id)
    kept_lessons = [lesson for lesson in course.lessons if lesson.sections]
    placed = _place_sections(writer, kept_lessons)
    writer.content(_with_links(course, placed))
    conn.execute(
        sa.delete(lessons).where(
            lessons.c.course_id == course_id,
            lessons.c.sort_order < 0,
            ~sa.exists().where(sections.c.lesson_id == lessons.c.id),
        )
    )
    write_assets(conn, course_id, course)
    conn.execute(
        sa.update(courses)
        .where(courses.c.id == course_id)
        .values(lesson_count=len(kept_lessons), section_count=len(placed))
    )
    search_text(conn, course_id, [section for _, section in placed])
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


def _place_sections(writer: _SectionWriter, kept_lessons: list[LessonData]) -> list[tuple[int, SectionData]]:
    """Each lesson at its order and each section at its place; (section id, section) in course order."""
    placements: list[tuple[SectionData, int, int, int]] = []
    for lesson_order, lesson in enumerate(kept_lessons, start=1):
        lesson_id = writer.lesson(lesson_order, lesson.title)
        for order, section in enumerate(lesson.sections, start=1):
            placements.append((section, lesson_id, order, len(placements) + 1))
    ids = writer.place(placements)
    return [(sid, section) for sid, (section, *_) in zip(ids, placements, strict=True)]


def _with_links(
    course: CourseData, placed: list[tuple[int, SectionData]]
) -> list[tuple[int, SectionData, str]]:
    """Each section with its HTML, links to other sections of the package pointing at their new ids."""
    by_key = {section.key: sid for sid, section in placed}
    refs = [by_key.get(key) for key in course.section_refs]

    def resolve(match: Any) -> str:
        target = refs[int(match.group(1))]
        return f"/api/v1/sections/{target}" if target is not None else "#"

    return [(sid, section, REF_RE.sub(resolve, section.html)) for sid, section in placed]
