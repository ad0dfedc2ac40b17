"""Questions the reader asks of a course's content: a section's outline entry, the sections in reading
order, those completed."""

from __future__ import annotations

from lms_desktop.contract import CourseContent, SectionOutline


def in_order(content: CourseContent) -> list[SectionOutline]:
    return [s for lesson in content.lessons for s in lesson.sections]


def entry(content: CourseContent | None, section_id: int) -> SectionOutline | None:
    if content is None:
        return None
    return next((s for s in in_order(content) if s.id == section_id), None)


def completed(content: CourseContent) -> set[int]:
    return {s.id for s in in_order(content) if s.completed_at is not None}
