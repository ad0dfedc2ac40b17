"""A learner's enrollment: last-writer-wins by the learner's own clock, the course's count exact under races.

Row creation is INSERT ... ON CONFLICT, so twenty identical enrollments at once leave one row; the existing
row is then read FOR UPDATE (PostgreSQL, where writes run concurrently; SQLite writers are serialised by
BEGIN IMMEDIATE) so the denormalised count on the course moves exactly once per real transition.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.contract import Enrollment
from lms_desktop.server.db.queries import ops
from lms_desktop.server.db.queries.catalog import is_visible
from lms_desktop.server.db.queries.versions import bump_user
from lms_desktop.server.db.schema import courses, enrollments
from lms_desktop.server.db.sqlutil import dialect_insert


def bump_course(conn: Connection, course_id: int, **values: object) -> None:
    """Change the course's denormalised values and its version (its ETags) in one UPDATE."""
    conn.execute(
        sa.update(courses).where(courses.c.id == course_id).values(version=courses.c.version + 1, **values)
    )


def get_enrollment(conn: Connection, user_id: int, course_id: int) -> Enrollment | None:
    """The learner's enrollment (status None when not enrolled); None when the course is invisible."""
    if not is_visible(conn, course_id):
        return None
    row = conn.execute(
        sa.select(enrollments.c.status, enrollments.c.enrolled_at, enrollments.c.updated_at).where(
            enrollments.c.user_id == user_id, enrollments.c.course_id == course_id
        )
    ).first()
    if row is None:
        return Enrollment(course_id=course_id, status=None)
    if row.status == "dropped":
        return Enrollment(course_id=course_id, status=None, updated_at=row.updated_at)
    return Enrollment(
        course_id=course_id, status=row.status, enrolled_at=row.enrolled_at, updated_at=row.updated_at
    )


def set_enrollment(
    conn: Connection,
    user_id: int,
    course_id: int,
    enrolled: bool,
    *,
    op_id: str | None = None,
    client_timestamp: datetime | None = None,
) -> Enrollment | None:
    """Enroll (PUT) or unenroll (DELETE); None when the course is invisible."""
    if not is_visible(conn, course_id):
        return None
    if not ops.claim_op(conn, user_id, op_id, "enrollment"):
        return get_enrollment(conn, user_id, course_id)
    now = ops.now()
    ts = ops.client_time(client_timestamp, now)
    target = "active" if enrolled else "dropped"
    inserted = conn.execute(
        dialect_insert(conn, enrollments)
        .values(
            user_id=user_id, course_id=course_id, status=target, enrolled_at=now, updated_at=now, client_ts=ts
        )
        .on_conflict_do_nothing(index_elements=["user_id", "course_id"])
        .returning(enrollments.c.id)
    ).first()
    delta, changed = 0, False
    if inserted is not None:
        delta, changed = (1 if enrolled else 0), True
    else:
        where = (enrollments.c.user_id == user_id, enrollments.c.course_id == course_id)
        row = conn.execute(
            sa.select(enrollments.c.status, enrollments.c.client_ts).where(*where).with_for_update()
        ).one()
        if ts >= row.client_ts:
            counted = row.status != "dropped"
            new_status = (row.status if counted else "active") if enrolled else "dropped"
            values: dict[str, object] = {"client_ts": ts}
            if new_status != row.status:
                changed = True
                values.update(status=new_status, updated_at=now)
                if new_status == "active" and not counted:
                    values["enrolled_at"] = now
                delta = int(new_status != "dropped") - int(counted)
            conn.execute(sa.update(enrollments).where(*where).values(**values))
    if delta:
        bump_course(conn, course_id, enrollment_count=courses.c.enrollment_count + delta)
    if changed:
        bump_user(conn, user_id)
    return get_enrollment(conn, user_id, course_id)
