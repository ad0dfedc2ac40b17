"""A learner's progress on a section: completion is monotonic and the earliest completion time wins; time
spent is a delta added once per op_id (every call when there is no op_id); the latest video position on
the learner's clock wins, whatever order replays arrive in.

On PostgreSQL a write is one statement (`progress_pg.py`); this module holds the statements SQLite runs
(inside the group writer's transaction, where a write costs no round trip) and the refusals both share.
A progress write locks the learner's enrollment row first (FOR UPDATE on PostgreSQL), so a learner's
writes on one course take turns and the one that completes the last section sees every other completion.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.contract import Progress, ProgressUpdate
from lms_desktop.server.db import driver_sql
from lms_desktop.server.db.errors import InvalidInput, NotEnrolled
from lms_desktop.server.db.queries import ops, tokens
from lms_desktop.server.db.queries.catalog import visible
from lms_desktop.server.db.queries.versions import bump_user
from lms_desktop.server.db.schema import courses, enrollments, progress, sections
from lms_desktop.server.db.sqlutil import dialect_insert_for

# No completion is older than this: the earliest completion wins for ever, so a year-1 date sent by a broken
# clock would stick; and a time moved to UTC must stay inside the calendar (9999-12-31T23:59-14:00 does not).
EARLIEST_COMPLETION = datetime(2000, 1, 1, tzinfo=UTC)
# a progress row's total time saturates here (the column is a 32-bit INTEGER on both engines)
MAX_TIME_SPENT = 2**31 - 1

_COLUMNS = ("completed_at", "time_spent_seconds", "updated_at", "position_seconds")


def progress_of(section_id: int, course_id: int, row: Any) -> Progress:
    """The answer from a row of `_COLUMNS` (completed_at, time spent, updated_at, position)."""
    completed_at, time_spent, updated_at, position = row
    return Progress(
        section_id=section_id,
        course_id=course_id,
        completed_at=driver_sql.utc(completed_at),
        time_spent_seconds=time_spent,
        updated_at=driver_sql.utc(updated_at),
        position_seconds=position,
    )


def progress_row(conn: Connection, user_id: int, section_id: int, course_id: int) -> Progress:
    row = conn.execute(
        sa.select(*(progress.c[c] for c in _COLUMNS)).where(
            progress.c.user_id == user_id, progress.c.section_id == section_id
        )
    ).first()
    if row is None:
        return Progress(section_id=section_id, course_id=course_id, completed_at=None, time_spent_seconds=0)
    return progress_of(section_id, course_id, row)


def get_progress(conn: Connection, user_id: int, section_id: int) -> Progress | None:
    course_id = visible_section_course(conn, section_id)
    return None if course_id is None else progress_row(conn, user_id, section_id, course_id)


def visible_section_course(conn: Connection, section_id: int) -> int | None:
    value = conn.execute(
        sa.select(sections.c.course_id)
        .join(courses, courses.c.id == sections.c.course_id)
        .where(sections.c.id == section_id, visible(conn.dialect.name))
    ).scalar()
    return None if value is None else int(value)


def refuse(conn: Connection, section_id: int, enrolled_in: int | None) -> None:
    """No write: None (the caller answers 404) when the section is invisible, else NotEnrolled."""
    course_id = enrolled_in if enrolled_in is not None else visible_section_course(conn, section_id)
    if course_id is not None:
        raise NotEnrolled(f"enroll in course {course_id} before recording progress")


def completion_time(update: ProgressUpdate, now: datetime) -> datetime | None:
    """The update's completion time in UTC (clamped to now); InvalidInput before EARLIEST_COMPLETION."""
    if update.completed_at is None:
        return None
    completed = ops.client_time(update.completed_at, now, "completed_at")
    if completed < EARLIEST_COMPLETION:
        raise InvalidInput(f"completed_at before {EARLIEST_COMPLETION.date().isoformat()} is not accepted")
    return completed


def user_of_token(conn: Connection, digest: str) -> int | None:
    """The user behind a live token (its sha256), inside the write's own transaction."""
    dialect = conn.dialect.name
    found = driver_sql.rows(conn, tokens.session_sql(dialect), (digest, tokens.now_param(dialect)))
    return int(found[0][0]) if found else None


# ---- the statements (SQLite; PostgreSQL's refusals) -----------------------------------------------


@functools.cache
def _enrolled_section_statement(dialect: str) -> Any:
    return (
        sa.select(sections.c.course_id, enrollments.c.status)
        .join(courses, courses.c.id == sections.c.course_id)
        .join(
            enrollments,
            sa.and_(
                enrollments.c.course_id == sections.c.course_id,
                enrollments.c.user_id == sa.bindparam("user_id"),
            ),
        )
        .where(sections.c.id == sa.bindparam("section_id"), visible(dialect))
        .with_for_update(of=enrollments)
    )


def _saturating_sum(dialect: str, total: sa.ColumnElement[int], delta: sa.ColumnElement[int]) -> Any:
    """`total + delta`, held at MAX_TIME_SPENT (computed in 64 bits: PostgreSQL's int4 + int4 overflows)."""
    wide = sa.cast(total, sa.BigInteger) + delta
    cap = sa.literal(MAX_TIME_SPENT, sa.BigInteger)
    # SQLite's two-argument min() is the scalar one
    least = sa.func.least if dialect == "postgresql" else sa.func.min
    return sa.cast(least(wide, cap), sa.Integer)


_INSERTED = (
    "user_id",
    "section_id",
    "course_id",
    "completed_at",
    "time_spent_seconds",
    "updated_at",
    "position_seconds",
    "position_at",
)


@functools.cache
def _upsert(dialect: str) -> Any:
    """Time spent adds up (saturating), the earliest completion wins, the latest position on the learner's
    clock wins (a write without a position leaves it); the row as it ends up comes back."""
    ins = dialect_insert_for(dialect, progress).values(
        {c: sa.bindparam(c, type_=progress.c[c].type) for c in _INSERTED}
    )
    old, new = progress.c.completed_at, ins.excluded.completed_at
    new_at, old_at = ins.excluded.position_at, progress.c.position_at
    newer = sa.and_(new_at.is_not(None), sa.or_(old_at.is_(None), new_at >= old_at))
    set_: dict[str, object] = {
        "time_spent_seconds": _saturating_sum(
            dialect, progress.c.time_spent_seconds, ins.excluded.time_spent_seconds
        ),
        "completed_at": sa.case((old.is_(None), new), (new.is_(None), old), (new < old, new), else_=old),
        "updated_at": ins.excluded.updated_at,
        "position_seconds": sa.case(
            (newer, ins.excluded.position_seconds), else_=progress.c.position_seconds
        ),
        "position_at": sa.case((newer, new_at), else_=old_at),
    }
    return ins.on_conflict_do_update(index_elements=["user_id", "section_id"], set_=set_).returning(
        *(progress.c[c] for c in _COLUMNS)
    )


def put_progress_statements(
    conn: Connection, user_id: int, section_id: int, update: ProgressUpdate
) -> Progress | None:
    """The write as separate statements: lock, claim, upsert returning the row, version bump (and the
    completion check after a completion). None if the section is invisible, NotEnrolled if not enrolled."""
    found = conn.execute(
        _enrolled_section_statement(conn.dialect.name), {"user_id": user_id, "section_id": section_id}
    ).first()
    if found is None or found.status == "dropped":
        refuse(conn, section_id, None if found is None else int(found.course_id))
        return None
    course_id = int(found.course_id)
    now = ops.now()
    completed = completion_time(update, now)
    if not ops.claim_op(conn, user_id, update.op_id, "progress"):
        return progress_row(conn, user_id, section_id, course_id)
    has_position = update.position_seconds is not None
    params = {
        "user_id": user_id,
        "section_id": section_id,
        "course_id": course_id,
        "completed_at": completed,
        "time_spent_seconds": update.time_spent_seconds,
        "updated_at": now,
        "position_seconds": update.position_seconds,
        "position_at": ops.client_time(update.client_timestamp, now) if has_position else None,
    }
    row = conn.execute(_upsert(conn.dialect.name), params).one()
    if completed is not None:
        complete_enrollment_if_done(conn, user_id, course_id)
    bump_user(conn, user_id)
    return progress_of(section_id, course_id, row)


def complete_enrollment_if_done(conn: Connection, user_id: int, course_id: int) -> None:
    """One UPDATE: the enrollment becomes completed when every section of the course is completed."""
    done = (
        sa.select(sa.func.count())
        .select_from(progress.join(sections, sections.c.id == progress.c.section_id))
        .where(
            progress.c.user_id == user_id,
            progress.c.course_id == course_id,
            progress.c.completed_at.is_not(None),
            sections.c.hidden == sa.false(),  # a section a re-import removed no longer counts
        )
        .scalar_subquery()
    )
    total = sa.select(courses.c.section_count).where(courses.c.id == course_id).scalar_subquery()
    conn.execute(
        sa.update(enrollments)
        .where(
            enrollments.c.user_id == user_id,
            enrollments.c.course_id == course_id,
            enrollments.c.status == "active",
            total > 0,
            done >= total,
        )
        .values(status="completed", updated_at=ops.now())
    )
