"""The course-level rows of an import: the course itself, its files, and its text for content search."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from lms_desktop.server.db.fts_content import MAX_BODY_CHARS, MAX_SECTIONS_CHARS
from lms_desktop.server.db.schema import assets, course_assets, course_search, courses
from lms_desktop.server.importing.model import CourseData, SectionData


def course_row(
    conn: Connection, course: CourseData, publish: bool, image_key: str | None
) -> tuple[int, bool]:
    """(course id, created): the course found by its package key and updated, or inserted."""
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


def _insert_ignore(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    conn.execute(insert(table).on_conflict_do_nothing(), rows)


def search_text(conn: Connection, course_id: int, placed: list[SectionData]) -> None:
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


def write_assets(conn: Connection, course_id: int, course: CourseData) -> None:
    """Store the package's files by hash (shared across courses) and the course's names for them."""
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
