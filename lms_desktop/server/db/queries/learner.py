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

The rules live in `ops.py` (clock, op ids), `enrollment.py`, `progress.py` (with `progress_pg.py`, a
write in one statement on PostgreSQL) and `ratings.py`; this module is what routes and tests call.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from lms_desktop.contract import Progress, ProgressUpdate
from lms_desktop.server.db.queries import progress, progress_pg
from lms_desktop.server.db.queries.enrollment import get_enrollment, set_enrollment
from lms_desktop.server.db.queries.ops import claim_op, prune_ops
from lms_desktop.server.db.queries.progress import EARLIEST_COMPLETION, MAX_TIME_SPENT, get_progress
from lms_desktop.server.db.queries.ratings import get_rating, put_rating

__all__ = [
    "EARLIEST_COMPLETION",
    "MAX_TIME_SPENT",
    "claim_op",
    "get_enrollment",
    "get_progress",
    "get_rating",
    "prune_ops",
    "put_progress",
    "put_progress_as",
    "put_rating",
    "set_enrollment",
]


def put_progress(conn: Connection, user_id: int, section_id: int, update: ProgressUpdate) -> Progress | None:
    """Record time spent, completion and/or position; None if the section is invisible, NotEnrolled if the
    learner is not enrolled in its course."""
    if conn.dialect.name == "postgresql":
        found = progress_pg.put_progress(conn, section_id, update, user_id=user_id)
        return None if found is None else found[1]
    return progress.put_progress_statements(conn, user_id, section_id, update)


def put_progress_as(
    conn: Connection, digest: str, section_id: int, update: ProgressUpdate
) -> tuple[int, Progress | None] | None:
    """`put_progress` for the user behind a bearer token (its sha256), resolved in the write itself (on
    PostgreSQL in the same statement): (user id, the row or None); None when the token is not live."""
    if conn.dialect.name == "postgresql":
        return progress_pg.put_progress(conn, section_id, update, digest=digest)
    user_id = progress.user_of_token(conn, digest)
    if user_id is None:
        return None
    return user_id, progress.put_progress_statements(conn, user_id, section_id, update)
