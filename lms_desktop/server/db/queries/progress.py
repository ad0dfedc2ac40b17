"""A learner's progress on a section: completion is monotonic and the earliest completion time wins; time
spent is a delta added once per op_id (every call when there is no op_id); the latest video position on
the learner's clock wins, whatever order replays arrive in.

On PostgreSQL a write is one statement (`progress_pg.py`); this module holds the statements SQLite runs
(inside one write transaction, where a statement costs no round trip) and the refusals both share.
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
from lms_desktop.server.db.driver_sql import mark, marks
from lms_desktop.server.db.errors import InvalidInput, NotEnrolled
from lms_desktop.server.db.queries import ops, tokens
from lms_desktop.server.db.queries.catalog import visible
from lms_desktop.server.db.queries.versions import bump_user
from lms_desktop.server.db.schema import courses, progress, sections, visible_sql

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
def _enrolled_section_sql(dialect: str) -> str:
    """The section's visible course and the learner's enrollment status in it (locked on PostgreSQL);
    parameters: user id, section id. No row: invisible, or not enrolled."""
    p = mark(dialect)
    sql = (
        "SELECT s.course_id, e.status FROM sections s JOIN courses ON courses.id = s.course_id "
        f"JOIN enrollments e ON e.course_id = s.course_id AND e.user_id = {p} "
        f"WHERE s.id = {p} AND {visible_sql(dialect)}"
    )
    return sql + " FOR UPDATE OF e" if dialect == "postgresql" else sql


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


# the position sent is newer on the learner's clock than the stored one
_NEWER = (
    "excluded.position_at IS NOT NULL "
    "AND (progress.position_at IS NULL OR excluded.position_at >= progress.position_at)"
)


@functools.cache
def _upsert_sql(dialect: str) -> str:
    """Time spent adds up (saturating, in 64 bits: PostgreSQL's int4 + int4 overflows), the earliest
    completion wins, the latest position on the learner's clock wins (a write without a position leaves
    it); the row as it ends up comes back. Parameters: `_INSERTED` in order."""
    least = "least" if dialect == "postgresql" else "min"  # SQLite's two-argument min() is the scalar one
    return (
        f"INSERT INTO progress ({', '.join(_INSERTED)}) VALUES ({marks(dialect, len(_INSERTED))}) "
        "ON CONFLICT (user_id, section_id) DO UPDATE SET time_spent_seconds = "
        f"CAST({least}(CAST(progress.time_spent_seconds AS BIGINT) + excluded.time_spent_seconds, "
        f"{MAX_TIME_SPENT}) AS INTEGER), completed_at = CASE WHEN progress.completed_at IS NULL "
        "THEN excluded.completed_at WHEN excluded.completed_at IS NULL THEN progress.completed_at "
        "WHEN excluded.completed_at < progress.completed_at THEN excluded.completed_at "
        "ELSE progress.completed_at END, updated_at = excluded.updated_at, "
        f"position_seconds = CASE WHEN {_NEWER} THEN excluded.position_seconds "
        f"ELSE progress.position_seconds END, position_at = CASE WHEN {_NEWER} THEN excluded.position_at "
        f"ELSE progress.position_at END RETURNING {', '.join(_COLUMNS)}"
    )


def put_progress_statements(
    conn: Connection, user_id: int, section_id: int, update: ProgressUpdate
) -> Progress | None:
    """The write as separate statements: lock, claim, upsert returning the row, version bump (and the
    completion check after a completion). None if the section is invisible, NotEnrolled if not enrolled."""
    dialect = conn.dialect.name
    found = driver_sql.rows(conn, _enrolled_section_sql(dialect), (user_id, section_id))
    if not found or found[0][1] == "dropped":
        refuse(conn, section_id, int(found[0][0]) if found else None)
        return None
    course_id = int(found[0][0])
    now = ops.now()
    completed = completion_time(update, now)
    if not ops.claim_op(conn, user_id, update.op_id, "progress"):
        return progress_row(conn, user_id, section_id, course_id)
    position_at = None
    if update.position_seconds is not None:
        position_at = ops.client_time(update.client_timestamp, now)
    at = functools.partial(_datetime_or_none, dialect)
    params = (
        user_id,
        section_id,
        course_id,
        at(completed),
        update.time_spent_seconds,
        at(now),
        update.position_seconds,
        at(position_at),
    )
    row = driver_sql.rows(conn, _upsert_sql(dialect), params)[0]
    if completed is not None:
        complete_enrollment_if_done(conn, user_id, course_id)
    bump_user(conn, user_id)
    return progress_of(section_id, course_id, row)


def _datetime_or_none(dialect: str, value: datetime | None) -> Any:
    return None if value is None else driver_sql.datetime_param(dialect, value)


# the enrollment becomes completed when every visible section of its course is completed
_COMPLETE = (
    "UPDATE enrollments SET status = 'completed', updated_at = {now} FROM courses "
    "WHERE enrollments.user_id = {user_id} AND enrollments.course_id = {course_id} "
    "AND enrollments.status = 'active' AND courses.id = enrollments.course_id AND courses.section_count > 0 "
    "AND (SELECT count(*) FROM progress p JOIN sections s ON s.id = p.section_id "
    "WHERE p.user_id = enrollments.user_id AND p.course_id = enrollments.course_id "
    "AND p.completed_at IS NOT NULL AND NOT s.hidden) >= courses.section_count"
)


@functools.cache
def complete_sql(dialect: str) -> str:
    """`_COMPLETE` with named parameters `now`, `user_id`, `course_id` in the driver's style (typed on
    PostgreSQL, whose writer reuses generic plans). A section a re-import removed no longer counts."""
    if dialect == "postgresql":
        names = {
            "now": "%(now)s::timestamptz",
            "user_id": "%(user_id)s::int",
            "course_id": "%(course_id)s::int",
        }
    else:
        names = {"now": ":now", "user_id": ":user_id", "course_id": ":course_id"}
    return _COMPLETE.format(**names)


def complete_enrollment_if_done(conn: Connection, user_id: int, course_id: int) -> None:
    dialect = conn.dialect.name
    params = {
        "now": driver_sql.datetime_param(dialect, ops.now()),
        "user_id": user_id,
        "course_id": course_id,
    }
    driver_sql.execute(conn, complete_sql(dialect), params)
