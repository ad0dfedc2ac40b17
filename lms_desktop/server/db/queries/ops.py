"""What every learner write shares: the server's clock, the client's clock clamped to it, and op ids.

A write carrying an op_id is applied at most once per user: `applied_ops` has a unique key and the claim is
INSERT ... ON CONFLICT DO NOTHING in the write's own transaction, so a replay (an answer lost on the way
back, the outbox sending again) changes nothing.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.server.db.driver_sql import datetime_param, marks, rows
from lms_desktop.server.db.errors import InvalidInput
from lms_desktop.server.db.schema import applied_ops
from lms_desktop.server.metrics import sync_counts


def now() -> datetime:
    return datetime.now(UTC)


def client_time(value: datetime | None, at: datetime, field: str = "client_timestamp") -> datetime:
    """The client's time in UTC, clamped to the server's `at`; InvalidInput outside the calendar."""
    if value is None:
        return at
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        moment = value.astimezone(UTC)
    except OverflowError as exc:
        raise InvalidInput(f"{field} is outside the calendar once moved to UTC") from exc
    return min(moment, at)


@functools.cache
def _claim_sql(dialect: str) -> str:
    """Parameters: user id, op id, kind, applied at. A row back: claimed now; none: applied before."""
    return (
        f"INSERT INTO applied_ops (user_id, op_id, kind, applied_at) VALUES ({marks(dialect, 4)}) "
        "ON CONFLICT (user_id, op_id) DO NOTHING RETURNING op_id"
    )


def claim_op(conn: Connection, user_id: int, op_id: str | None, kind: str) -> bool:
    """True when this op has not been applied before (and is now recorded); always True without op_id.
    Driver SQL: every learner write with an op id runs it."""
    if op_id is None:
        return True
    dialect = conn.dialect.name
    params = (user_id, op_id, kind, datetime_param(dialect, now()))
    applied = bool(rows(conn, _claim_sql(dialect), params))
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
