"""What the course page reads from a course's outline: the section to continue with, the completed ones,
and the outline with one section's completion changed (the learner's own mark, before the server answers).
"""

from __future__ import annotations

from datetime import UTC, datetime

import msgspec

from lms_desktop.contract import CourseContent


def first_open_section(content: CourseContent) -> int | None:
    """The first section not completed yet; the first section of a finished course; None if it has none."""
    sections = [s for lesson in content.lessons for s in lesson.sections]
    for s in sections:
        if s.completed_at is None:
            return s.id
    return sections[0].id if sections else None


def completed_sections(content: CourseContent) -> list[int]:
    return [s.id for lesson in content.lessons for s in lesson.sections if s.completed_at is not None]


def with_completion(content: CourseContent, section_id: int, completed: bool) -> CourseContent:
    """The outline with `section_id` marked completed now, or not completed."""
    lessons = []
    for lesson in content.lessons:
        sections = [
            msgspec.structs.replace(s, completed_at=(datetime.now(UTC) if completed else None))
            if s.id == section_id
            else s
            for s in lesson.sections
        ]
        lessons.append(msgspec.structs.replace(lesson, sections=sections))
    return msgspec.structs.replace(content, lessons=lessons)
