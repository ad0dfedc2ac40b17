"""A progress write on PostgreSQL in one statement: one round trip, and, run alone in autocommit, its own
transaction (no BEGIN and COMMIT round trips).

Data-modifying CTEs run the steps the separate statements did, in the same order and under the same locks:
lock the learner's enrollment row of the section's visible course (FOR UPDATE: a learner's writes on one
course take turns), claim the op id (INSERT ... ON CONFLICT DO NOTHING: a replay waits for the first
send's transaction, then changes nothing), upsert the row (ON CONFLICT DO UPDATE works on the latest
committed row, not the statement's snapshot), bump the user's version. Lock order stays learner row ->
user row. A caller known only by its bearer token is resolved in the same statement.

What needs another statement: the completion check (it counts the learner's completed sections, which
must be read after the lock is held, so with a snapshot taken after this statement), in the same
transaction; the current row answering a replay; and the reason for a refusal (404 or 409), rare.
"""

from __future__ import annotations

import functools

from sqlalchemy.engine import Connection

from lms_desktop.contract import Progress, ProgressUpdate
from lms_desktop.server.db import driver_sql
from lms_desktop.server.db.errors import InvalidInput
from lms_desktop.server.db.queries import ops
from lms_desktop.server.db.queries.progress import (
    MAX_TIME_SPENT,
    complete_sql,
    completion_time,
    progress_of,
    progress_row,
    put_progress_statements,
    refuse,
    user_of_token,
)
from lms_desktop.server.db.schema import visible_sql
from lms_desktop.server.metrics import sync_counts

_BY_ID = "SELECT %(user_id)s::int AS user_id"
_BY_TOKEN = (
    "SELECT t.user_id FROM tokens t WHERE t.token_sha256 = %(digest)s::varchar AND NOT t.revoked "
    "AND t.expires_at > %(now)s::timestamptz"
)


@functools.cache
def write_sql(by_token: bool) -> str:
    """The write; no row when the token is not live, else one: the user, the course and enrollment
    status (NULL: not enrolled in the section's visible course), the row as it ends up (NULL: not
    written) and whether it was written."""
    return f"""
WITH who AS ({_BY_TOKEN if by_token else _BY_ID}),
target AS (
  SELECT e.user_id, s.course_id, e.status
  FROM who JOIN enrollments e ON e.user_id = who.user_id
  JOIN sections s ON s.course_id = e.course_id
  JOIN courses ON courses.id = s.course_id
  WHERE s.id = %(section_id)s::int AND {visible_sql("postgresql")}
  FOR UPDATE OF e
),
claim AS (
  INSERT INTO applied_ops (user_id, op_id, kind, applied_at)
  SELECT user_id, %(op_id)s::varchar, 'progress', %(now)s::timestamptz FROM target
  WHERE status <> 'dropped' AND %(op_id)s::varchar IS NOT NULL
  ON CONFLICT (user_id, op_id) DO NOTHING
  RETURNING user_id
),
up AS (
  INSERT INTO progress AS p (user_id, section_id, course_id, completed_at, time_spent_seconds,
                             updated_at, position_seconds, position_at)
  SELECT user_id, %(section_id)s::int, course_id, %(completed_at)s::timestamptz, %(time_spent)s::int,
         %(now)s::timestamptz, %(position)s::int, %(position_at)s::timestamptz
  FROM target
  WHERE status <> 'dropped' AND (%(op_id)s::varchar IS NULL OR EXISTS (SELECT FROM claim))
  ON CONFLICT (user_id, section_id) DO UPDATE SET
    time_spent_seconds = LEAST(p.time_spent_seconds::bigint + EXCLUDED.time_spent_seconds,
                               {MAX_TIME_SPENT})::int,
    completed_at = LEAST(p.completed_at, EXCLUDED.completed_at),
    updated_at = EXCLUDED.updated_at,
    position_seconds = CASE WHEN {_NEWER} THEN EXCLUDED.position_seconds ELSE p.position_seconds END,
    position_at = CASE WHEN {_NEWER} THEN EXCLUDED.position_at ELSE p.position_at END
  RETURNING p.completed_at, p.time_spent_seconds, p.updated_at, p.position_seconds
),
bump AS (
  UPDATE users SET version = version + 1
  WHERE id = (SELECT user_id FROM target) AND EXISTS (SELECT FROM up)
)
SELECT who.user_id, target.course_id, target.status,
       up.completed_at, up.time_spent_seconds, up.updated_at, up.position_seconds, up.updated_at IS NOT NULL
FROM who LEFT JOIN target ON true LEFT JOIN up ON true
"""


# the position sent is newer on the learner's clock than the stored one (LEAST ignores NULLs: the earliest
# completion wins, and a write without one keeps it)
_NEWER = (
    "(EXCLUDED.position_at IS NOT NULL AND (p.position_at IS NULL OR EXCLUDED.position_at >= p.position_at))"
)


def put_progress(
    conn: Connection, section_id: int, update: ProgressUpdate, *, user_id: int | None = None, digest: str = ""
) -> tuple[int, Progress | None] | None:
    """Record progress for `user_id`, or for the user behind the token whose sha256 is `digest`: (user id,
    the row as it ends up, None when the section is invisible); None when the token is not live. Raises
    NotEnrolled and InvalidInput as `progress.put_progress_statements` does."""
    now = ops.now()
    try:
        completed = completion_time(update, now)
        position_at = None
        if update.position_seconds is not None:
            position_at = ops.client_time(update.client_timestamp, now)
    except InvalidInput:  # the separate statements decide which refusal comes first (404, 409, 400)
        with driver_sql.atomic(conn):
            who = user_id if user_id is not None else user_of_token(conn, digest)
            return None if who is None else (who, put_progress_statements(conn, who, section_id, update))
    params = {
        "user_id": user_id,
        "digest": digest,
        "now": now,
        "section_id": section_id,
        "op_id": update.op_id,
        "completed_at": completed,
        "time_spent": update.time_spent_seconds,
        "position": update.position_seconds,
        "position_at": position_at,
    }
    with driver_sql.atomic(conn, completed is not None):
        found = driver_sql.rows(conn, write_sql(user_id is None), params)
        if not found:
            return None
        who, course_id, status, *row, written = found[0]
        if course_id is None or status == "dropped":
            refuse(conn, section_id, None if course_id is None else int(course_id))
            return int(who), None
        if written and completed is not None:
            driver_sql.execute(
                conn, complete_sql("postgresql"), {"now": now, "user_id": who, "course_id": course_id}
            )
    if update.op_id is not None:
        sync_counts.note("progress", bool(written))
    if not written:  # a replay: the row as the first send left it
        return int(who), progress_row(conn, int(who), section_id, int(course_id))
    return int(who), progress_of(section_id, int(course_id), row)
