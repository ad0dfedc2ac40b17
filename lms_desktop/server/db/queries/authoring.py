"""Course edits (create, update, unpublish, soft delete): used by the seed's small paths, tests and tools.

Every edit bumps the course's version and the catalog version in the same transaction, so listing and
course ETags change with it. Full-text search follows through the database triggers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.server.db.errors import NotFound
from lms_desktop.server.db.queries.versions import bump_catalog
from lms_desktop.server.db.schema import courses, lessons, section_bodies, sections


@dataclass(slots=True)
class NewSection:
    title: str
    body_markdown: str
    type: str = "text"
    duration_minutes: int = 5


@dataclass(slots=True)
class NewLesson:
    title: str
    sections: Sequence[NewSection] = field(default_factory=list)


def create_course(
    conn: Connection,
    *,
    title: str,
    description: str,
    difficulty: str = "beginner",
    estimated_hours: float = 1.0,
    lessons_: Sequence[NewLesson] = (),
    image_key: str | None = None,
    is_published: bool = True,
    created_at: datetime | None = None,
) -> int:
    now = datetime.now(UTC)
    created = created_at or now
    course_id = conn.execute(
        sa.insert(courses)
        .values(
            title=title,
            description=description,
            difficulty=difficulty,
            estimated_hours=estimated_hours,
            image_key=image_key,
            is_published=is_published,
            created_at=created,
            updated_at=created,
            lesson_count=len(lessons_),
            section_count=sum(len(lesson.sections) for lesson in lessons_),
        )
        .returning(courses.c.id)
    ).scalar_one()
    position = 0
    for lesson_order, lesson in enumerate(lessons_, start=1):
        lesson_id = conn.execute(
            sa.insert(lessons)
            .values(course_id=course_id, sort_order=lesson_order, title=lesson.title)
            .returning(lessons.c.id)
        ).scalar_one()
        for section_order, section in enumerate(lesson.sections, start=1):
            position += 1
            body_id = conn.execute(
                sa.insert(section_bodies)
                .values(markdown=section.body_markdown)
                .returning(section_bodies.c.id)
            ).scalar_one()
            conn.execute(
                sa.insert(sections).values(
                    lesson_id=lesson_id,
                    course_id=course_id,
                    sort_order=section_order,
                    course_position=position,
                    title=section.title,
                    type=section.type,
                    duration_minutes=section.duration_minutes,
                    body_id=body_id,
                )
            )
    bump_catalog(conn)
    return int(course_id)


def update_course(conn: Connection, course_id: int, **values: object) -> None:
    """Change title / description / difficulty / estimated_hours / image_key / is_published."""
    allowed = {"title", "description", "difficulty", "estimated_hours", "image_key", "is_published"}
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(f"cannot update {sorted(unknown)}")
    result = conn.execute(
        sa.update(courses)
        .where(courses.c.id == course_id)
        .values(**values, updated_at=datetime.now(UTC), version=courses.c.version + 1)
    )
    if result.rowcount == 0:
        raise NotFound(f"course {course_id} does not exist")
    bump_catalog(conn)


def delete_course(conn: Connection, course_id: int) -> None:
    """Soft delete: the row stays (learners' history), but it is invisible everywhere."""
    now = datetime.now(UTC)
    result = conn.execute(
        sa.update(courses)
        .where(courses.c.id == course_id)
        .values(deleted_at=now, updated_at=now, version=courses.c.version + 1)
    )
    if result.rowcount == 0:
        raise NotFound(f"course {course_id} does not exist")
    bump_catalog(conn)


def purge_course(conn: Connection, course_id: int) -> None:
    """Hard delete (cascades to lessons, sections, learner rows); the FTS delete trigger fires."""
    conn.execute(sa.delete(courses).where(courses.c.id == course_id))
    bump_catalog(conn)
