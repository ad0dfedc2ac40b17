"""The learner's own writes: enrollment, progress and rating. Safe to retry, replay and race.

Rules (the offline outbox depends on them):
- op_id: a write carrying an op_id is applied at most once per user (applied_ops has a unique key; the
  claim is INSERT ... ON CONFLICT DO NOTHING in the same transaction). A replay returns the current state.
- Enrollment and rating: the latest client timestamp wins (last-writer-wins by the learner's own clock).
  Timestamps from the future are clamped to the server's now, so a bad clock cannot freeze a value.
- Progress: completion is monotonic and the earliest completed_at wins; time spent is a delta added once
  per op_id (every call when there is no op_id).
- Concurrency: row creation is INSERT ... ON CONFLICT, so twenty identical enrollments at once leave one
  row; the existing row is then read FOR UPDATE (PostgreSQL, where writes run concurrently; SQLite writers
  are serialised by BEGIN IMMEDIATE) so the denormalised counters on courses move exactly once per real
  transition. A progress write locks the learner's enrollment row first, so course completion is decided
  by one write at a time.
- Lock order is always learner row -> course row -> user row, so concurrent writes cannot deadlock.
- Every applied change bumps the user's version; count changes also bump the course's version.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from lms_desktop.contract import CourseRating, Enrollment, Progress, ProgressUpdate, RatingUpdate
from lms_desktop.server.db import rating_score
from lms_desktop.server.db.errors import InvalidInput, NotEnrolled
from lms_desktop.server.db.queries.catalog import is_visible, rating_avg, visible
from lms_desktop.server.db.queries.versions import bump_user
from lms_desktop.server.db.schema import applied_ops, course_ratings, courses, enrollments, progress, sections
from lms_desktop.server.db.sqlutil import dialect_insert
from lms_desktop.server.metrics import sync_counts


def _now() -> datetime:
    return datetime.now(UTC)


# No completion is older than this: the earliest completion wins for ever, so a year-1 date sent by a broken
# clock would stick; and a time moved to UTC must stay inside the calendar (9999-12-31T23:59-14:00 does not).
EARLIEST_COMPLETION = datetime(2000, 1, 1, tzinfo=UTC)
# a progress row's total time saturates here (the column is a 32-bit INTEGER on both engines)
MAX_TIME_SPENT = 2**31 - 1


def _client_time(value: datetime | None, now: datetime, field: str = "client_timestamp") -> datetime:
    """The client's time in UTC, clamped to the server's now; InvalidInput outside the calendar."""
    if value is None:
        return now
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        moment = value.astimezone(UTC)
    except OverflowError as exc:
        raise InvalidInput(f"{field} is outside the calendar once moved to UTC") from exc
    return min(moment, now)


def _insert(dialect: str, table: sa.Table) -> Any:
    return postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)


@functools.cache
def _claim_statement(dialect: str) -> Any:
    """Built once per dialect: constructing the Core statement per write cost more than running it."""
    return (
        _insert(dialect, applied_ops)
        .values(
            user_id=sa.bindparam("user_id"),
            op_id=sa.bindparam("op_id"),
            kind=sa.bindparam("kind"),
            applied_at=sa.bindparam("applied_at", type_=applied_ops.c.applied_at.type),
        )
        .on_conflict_do_nothing(index_elements=["user_id", "op_id"])
        .returning(applied_ops.c.op_id)
    )


def claim_op(conn: Connection, user_id: int, op_id: str | None, kind: str) -> bool:
    """True when this op has not been applied before (and is now recorded); always True without op_id."""
    if op_id is None:
        return True
    params = {"user_id": user_id, "op_id": op_id, "kind": kind, "applied_at": _now()}
    applied = conn.execute(_claim_statement(conn.dialect.name), params).first() is not None
    sync_counts.note(kind, applied)
    return applied


def prune_ops(conn: Connection, older_than: datetime, *, batch: int = 5_000) -> int:
    """Forget up to `batch` op ids applied before `older_than`; how many went (call again while it is
    `batch`). The table only guards replays, which come within minutes or days of the first send (an
    answer lost on the way back); kept forever, it would grow by one row per write.

    A replay older than the retention would be applied again: enrollment and rating are last-writer-wins
    by the client's timestamp (the same op changes nothing), but a time-spent delta would count twice,
    so the retention is long (`Settings.op_retention_days`)."""
    oldest = (
        sa.select(applied_ops.c.user_id, applied_ops.c.op_id)
        .where(applied_ops.c.applied_at < older_than)
        .order_by(applied_ops.c.applied_at)
        .limit(batch)
    )
    if conn.dialect.name == "postgresql":
        oldest = oldest.with_for_update(skip_locked=True)  # workers pruning at once take different rows
    gone = conn.execute(
        sa.delete(applied_ops).where(sa.tuple_(applied_ops.c.user_id, applied_ops.c.op_id).in_(oldest))
    )
    return int(gone.rowcount or 0)


def _bump_course(conn: Connection, course_id: int, **values: object) -> None:
    conn.execute(
        sa.update(courses).where(courses.c.id == course_id).values(version=courses.c.version + 1, **values)
    )


# ---- enrollment ---------------------------------------------------------------------------------


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
    if not claim_op(conn, user_id, op_id, "enrollment"):
        return get_enrollment(conn, user_id, course_id)
    now = _now()
    ts = _client_time(client_timestamp, now)
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
        _bump_course(conn, course_id, enrollment_count=courses.c.enrollment_count + delta)
    if changed:
        bump_user(conn, user_id)
    return get_enrollment(conn, user_id, course_id)


# ---- progress -----------------------------------------------------------------------------------


def _progress_row(conn: Connection, user_id: int, section_id: int, course_id: int) -> Progress:
    row = conn.execute(
        sa.select(
            progress.c.completed_at,
            progress.c.time_spent_seconds,
            progress.c.updated_at,
            progress.c.position_seconds,
        ).where(progress.c.user_id == user_id, progress.c.section_id == section_id)
    ).first()
    if row is None:
        return Progress(section_id=section_id, course_id=course_id, completed_at=None, time_spent_seconds=0)
    return Progress(
        section_id=section_id,
        course_id=course_id,
        completed_at=row.completed_at,
        time_spent_seconds=row.time_spent_seconds,
        updated_at=row.updated_at,
        position_seconds=row.position_seconds,
    )


def get_progress(conn: Connection, user_id: int, section_id: int) -> Progress | None:
    course_id = _visible_section_course(conn, section_id)
    return None if course_id is None else _progress_row(conn, user_id, section_id, course_id)


def _visible_section_course(conn: Connection, section_id: int) -> int | None:
    value = conn.execute(
        sa.select(sections.c.course_id)
        .join(courses, courses.c.id == sections.c.course_id)
        .where(sections.c.id == section_id, visible(conn.dialect.name))
    ).scalar()
    return None if value is None else int(value)


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


def _enrolled_section(conn: Connection, user_id: int, section_id: int) -> tuple[int, str] | None:
    """(course id, enrollment status) of a visible section the learner has an enrollment row for, the
    row locked (FOR UPDATE on PostgreSQL): one statement where a lookup and a lock were two."""
    row = conn.execute(
        _enrolled_section_statement(conn.dialect.name), {"user_id": user_id, "section_id": section_id}
    ).first()
    return None if row is None else (int(row.course_id), str(row.status))


_PROGRESS_COLUMNS = (
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
def _progress_upsert(dialect: str, has_position: bool) -> Any:
    """Time spent adds up (saturating), the earliest completion wins, the latest position on the learner's
    clock wins (whatever order replays arrive in); the row as it ends up comes back."""
    ins = _insert(dialect, progress).values(
        {c: sa.bindparam(c, type_=progress.c[c].type) for c in _PROGRESS_COLUMNS}
    )
    old, new = progress.c.completed_at, ins.excluded.completed_at
    set_: dict[str, object] = {
        "time_spent_seconds": _saturating_sum(
            dialect, progress.c.time_spent_seconds, ins.excluded.time_spent_seconds
        ),
        "completed_at": sa.case((old.is_(None), new), (new.is_(None), old), (new < old, new), else_=old),
        "updated_at": ins.excluded.updated_at,
    }
    if has_position:
        newer = sa.or_(progress.c.position_at.is_(None), ins.excluded.position_at >= progress.c.position_at)
        set_["position_seconds"] = sa.case(
            (newer, ins.excluded.position_seconds), else_=progress.c.position_seconds
        )
        set_["position_at"] = sa.case((newer, ins.excluded.position_at), else_=progress.c.position_at)
    return ins.on_conflict_do_update(index_elements=["user_id", "section_id"], set_=set_).returning(
        progress.c.completed_at,
        progress.c.time_spent_seconds,
        progress.c.updated_at,
        progress.c.position_seconds,
    )


def put_progress(conn: Connection, user_id: int, section_id: int, update: ProgressUpdate) -> Progress | None:
    """Record time spent and/or completion; None if the section is invisible, NotEnrolled if not enrolled.

    Four statements for a time-spent write (lock, claim, upsert returning the row, version bump), five
    with a completion: a learner's writes arrive by the thousand after a sync, so each one counts."""
    # FOR UPDATE (PostgreSQL): a learner's progress writes on one course take turns, so the write that
    # completes the last section sees every other completion and marks the enrollment completed
    found = _enrolled_section(conn, user_id, section_id)
    if found is None:
        missing = _visible_section_course(conn, section_id)
        if missing is None:
            return None
        raise NotEnrolled(f"enroll in course {missing} before recording progress")
    course_id, status = found
    if status == "dropped":
        raise NotEnrolled(f"enroll in course {course_id} before recording progress")
    now = _now()
    completed = None
    if update.completed_at is not None:
        completed = _client_time(update.completed_at, now, "completed_at")
    if completed is not None and completed < EARLIEST_COMPLETION:
        raise InvalidInput(f"completed_at before {EARLIEST_COMPLETION.date().isoformat()} is not accepted")
    if not claim_op(conn, user_id, update.op_id, "progress"):
        return _progress_row(conn, user_id, section_id, course_id)
    has_position = update.position_seconds is not None
    params = {
        "user_id": user_id,
        "section_id": section_id,
        "course_id": course_id,
        "completed_at": completed,
        "time_spent_seconds": update.time_spent_seconds,
        "updated_at": now,
        "position_seconds": update.position_seconds,
        "position_at": _client_time(update.client_timestamp, now) if has_position else None,
    }
    row = conn.execute(_progress_upsert(conn.dialect.name, has_position), params).one()
    if completed is not None:
        _complete_enrollment_if_done(conn, user_id, course_id)
    bump_user(conn, user_id)
    return Progress(
        section_id=section_id,
        course_id=course_id,
        completed_at=row.completed_at,
        time_spent_seconds=row.time_spent_seconds,
        updated_at=row.updated_at,
        position_seconds=row.position_seconds,
    )


def _saturating_sum(dialect: str, total: sa.ColumnElement[int], delta: sa.ColumnElement[int]) -> Any:
    """`total + delta`, held at MAX_TIME_SPENT (computed in 64 bits: PostgreSQL's int4 + int4 overflows)."""
    wide = sa.cast(total, sa.BigInteger) + delta
    cap = sa.literal(MAX_TIME_SPENT, sa.BigInteger)
    # SQLite's two-argument min() is the scalar one
    least = sa.func.least if dialect == "postgresql" else sa.func.min
    return sa.cast(least(wide, cap), sa.Integer)


def _complete_enrollment_if_done(conn: Connection, user_id: int, course_id: int) -> None:
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
        .values(status="completed", updated_at=_now())
    )


# ---- rating -------------------------------------------------------------------------------------


def _rating_state(conn: Connection, user_id: int, course_id: int) -> CourseRating:
    row = conn.execute(
        sa.select(courses.c.rating_sum, courses.c.rating_count, course_ratings.c.rating)
        .select_from(
            courses.outerjoin(
                course_ratings,
                sa.and_(course_ratings.c.course_id == courses.c.id, course_ratings.c.user_id == user_id),
            )
        )
        .where(courses.c.id == course_id)
    ).one()
    return CourseRating(
        course_id=course_id,
        rating=row.rating,
        rating_avg=rating_avg(row.rating_sum, row.rating_count),
        rating_count=row.rating_count,
    )


def get_rating(conn: Connection, user_id: int, course_id: int) -> CourseRating | None:
    return _rating_state(conn, user_id, course_id) if is_visible(conn, course_id) else None


def put_rating(conn: Connection, user_id: int, course_id: int, update: RatingUpdate) -> CourseRating | None:
    """Set the learner's 1..5 rating (latest client timestamp wins); None when the course is invisible."""
    if not is_visible(conn, course_id):
        return None
    if not 1 <= update.rating <= 5:
        raise ValueError("rating must be between 1 and 5")
    if not claim_op(conn, user_id, update.op_id, "rating"):
        return _rating_state(conn, user_id, course_id)
    now = _now()
    ts = _client_time(update.client_timestamp, now)
    inserted = conn.execute(
        dialect_insert(conn, course_ratings)
        .values(user_id=user_id, course_id=course_id, rating=update.rating, updated_at=now, client_ts=ts)
        .on_conflict_do_nothing(index_elements=["user_id", "course_id"])
        .returning(course_ratings.c.id)
    ).first()
    d_sum, d_count, changed = 0, 0, False
    if inserted is not None:
        d_sum, d_count, changed = update.rating, 1, True
    else:
        where = (course_ratings.c.user_id == user_id, course_ratings.c.course_id == course_id)
        row = conn.execute(
            sa.select(course_ratings.c.rating, course_ratings.c.client_ts).where(*where).with_for_update()
        ).one()
        if ts >= row.client_ts:
            values: dict[str, object] = {"client_ts": ts}
            if row.rating != update.rating:
                d_sum, changed = update.rating - row.rating, True
                values.update(rating=update.rating, updated_at=now)
            conn.execute(sa.update(course_ratings).where(*where).values(**values))
    if d_sum or d_count:
        new_sum = courses.c.rating_sum + d_sum
        new_count = courses.c.rating_count + d_count
        _bump_course(
            conn,
            course_id,
            rating_sum=new_sum,
            rating_count=new_count,
            rating_avg=sa.cast(new_sum, sa.Float) / new_count,
            rating_score=rating_score.score_sql(new_sum, new_count),
        )
    if changed:
        bump_user(conn, user_id)
    return _rating_state(conn, user_id, course_id)
