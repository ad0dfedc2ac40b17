"""The seed's course content: lessons, sections and their pooled bodies, and each course's search text
(course_search), streamed in batches that respect the foreign keys (lessons and bodies before sections)."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy.engine import Connection

from lms_desktop.server.seed.bulk import insert_rows, max_id
from lms_desktop.server.seed.outline import Outlines
from lms_desktop.server.seed.plan import SeedCourse
from lms_desktop.server.seed.search_text import CourseText

Progress = Callable[[str, int, int], None]
QuizBodies = dict[tuple[int, str, int], int]
SECTION_COLUMNS = (
    "id",
    "lesson_id",
    "course_id",
    "sort_order",
    "course_position",
    "title",
    "type",
    "duration_minutes",
    "body_id",
)
SECTIONS_PER_BATCH = 50_000
LESSONS_PER_BATCH = 20_000


class ContentLoader:
    """Writes the lessons, sections, bodies and search text of planned courses."""

    def __init__(self, conn: Connection, rng: random.Random, course_base: int, tell: Progress) -> None:
        self.conn = conn
        self.course_base = course_base
        self.tell = tell
        self.rnd = rng.random
        self.lesson_base = max_id(conn, "lessons")
        self.outlines = Outlines(rng, max_id(conn, "section_bodies") + 1)
        self.lessons: list[tuple[Any, ...]] = []
        self.n_lessons = 0
        self.text = CourseText(self.outlines.markdown)

    def load(self, catalog: list[SeedCourse]) -> tuple[int, int, QuizBodies]:
        """Lessons and sections; also returns the quiz bodies as (subject, "quiz", variant) -> body id,
        the variant drawn from the body's topic and tool so each quiz body gets its own questions."""
        total = sum(c.sections for c in catalog)
        done = 0
        self.tell("sections", 0, total)
        buffered: list[tuple[Any, ...]] = []
        for row in self._sections(catalog):
            buffered.append(row)
            if len(buffered) >= SECTIONS_PER_BATCH:
                self._flush(buffered)
                done += len(buffered)
                self.tell("sections", done, total)
                buffered = []
        self._flush(buffered)
        self.tell("sections", total, total)
        quiz_bodies = {
            (subject, kind, topic * 31 + tool): body_id
            for (subject, topic, kind, tool), body_id in self.outlines.body_ids.items()
            if kind == "quiz"
        }
        return self.n_lessons, total, quiz_bodies

    def _sections(self, catalog: list[SeedCourse]) -> Iterator[tuple[Any, ...]]:
        """Every section row in course order; lessons and search text are collected on the way."""
        for i, c in enumerate(catalog):
            course_id = self.course_base + i + 1
            section_id = c.first_section
            position = 0
            lessons = self.outlines.lessons(c.subject, c.topics, len(c.lessons))
            for li, ((topic, title), count) in enumerate(zip(lessons, c.lessons, strict=True)):
                self.n_lessons += 1
                lesson_id = self.lesson_base + self.n_lessons
                self.lessons.append((lesson_id, course_id, li + 1, title))
                for si, (section_title, st, body_id) in enumerate(
                    self.outlines.sections(c.subject, topic, count)
                ):
                    position += 1
                    duration = 3 + int(self.rnd() * 23)
                    yield (
                        section_id,
                        lesson_id,
                        course_id,
                        si + 1,
                        position,
                        section_title,
                        st,
                        duration,
                        body_id,
                    )
                    self.text.add_section(section_title, body_id)
                    section_id += 1
            self.text.end_course(course_id)
            if len(self.lessons) >= LESSONS_PER_BATCH:
                self._flush_lessons()

    def _flush(self, sections: list[tuple[Any, ...]]) -> None:
        """Lessons and bodies first, then the sections that refer to them (foreign keys)."""
        self._flush_lessons()
        insert_rows(self.conn, "section_bodies", ("id", "markdown"), self.outlines.take_new_bodies())
        if sections:
            insert_rows(self.conn, "sections", SECTION_COLUMNS, sections)
        self.text.flush(self.conn)

    def _flush_lessons(self) -> None:
        if self.lessons:
            insert_rows(self.conn, "lessons", ("id", "course_id", "sort_order", "title"), self.lessons)
            self.lessons.clear()
