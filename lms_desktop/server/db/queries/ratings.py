"""A learner's 1..5 rating of a course: last-writer-wins by the learner's own clock; the course's sum,
count, average and ranking score move in the same transaction, exactly once per real change."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.contract import CourseRating, RatingUpdate
from lms_desktop.server.db import rating_score
from lms_desktop.server.db.queries import ops
from lms_desktop.server.db.queries.catalog import is_visible, rating_avg
from lms_desktop.server.db.queries.enrollment import bump_course
from lms_desktop.server.db.queries.versions import bump_user
from lms_desktop.server.db.schema import course_ratings, courses
from lms_desktop.server.db.sqlutil import dialect_insert


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
    if not ops.claim_op(conn, user_id, update.op_id, "rating"):
        return _rating_state(conn, user_id, course_id)
    now = ops.now()
    ts = ops.client_time(update.client_timestamp, now)
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
        bump_course(
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
