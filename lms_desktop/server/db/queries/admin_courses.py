"""Course administration for authors: every course not deleted, drafts included; publish, unpublish,
soft delete (through `authoring`, which bumps the course and catalog versions)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.contract import AuthorCourse, AuthorCoursePage
from lms_desktop.server.db.queries import authoring
from lms_desktop.server.db.schema import courses

_COLUMNS = (
    courses.c.id,
    courses.c.title,
    courses.c.is_published,
    courses.c.source_key,
    courses.c.lesson_count,
    courses.c.section_count,
    courses.c.updated_at,
)


def _course(row: Any) -> AuthorCourse:
    return AuthorCourse(
        id=int(row.id),
        title=str(row.title),
        published=bool(row.is_published),
        source_key=row.source_key,
        lesson_count=int(row.lesson_count),
        section_count=int(row.section_count),
        updated_at=row.updated_at,
    )


def list_courses(conn: Connection, *, page: int, limit: int, drafts_only: bool = False) -> AuthorCoursePage:
    where: list[sa.ColumnElement[bool]] = [courses.c.deleted_at.is_(None)]
    if drafts_only:
        where.append(courses.c.is_published == sa.false())
    total = conn.execute(sa.select(sa.func.count()).select_from(courses).where(*where)).scalar_one()
    found = conn.execute(
        sa.select(*_COLUMNS)
        .where(*where)
        .order_by(courses.c.updated_at.desc(), courses.c.id.desc())
        .limit(limit)
        .offset((page - 1) * limit)
    ).all()
    return AuthorCoursePage(items=[_course(r) for r in found], total=int(total), page=page, limit=limit)


def get_course(conn: Connection, course_id: int) -> AuthorCourse | None:
    row = conn.execute(
        sa.select(*_COLUMNS).where(courses.c.id == course_id, courses.c.deleted_at.is_(None))
    ).first()
    return None if row is None else _course(row)


def set_published(conn: Connection, course_id: int, published: bool) -> AuthorCourse | None:
    if get_course(conn, course_id) is None:
        return None
    authoring.update_course(conn, course_id, is_published=published)
    return get_course(conn, course_id)


def soft_delete(conn: Connection, course_id: int) -> bool:
    if get_course(conn, course_id) is None:
        return False
    authoring.delete_course(conn, course_id)
    return True
