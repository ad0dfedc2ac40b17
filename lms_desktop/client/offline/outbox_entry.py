"""One outbox entry as the rest of the client sees it, and how a row of the outbox table becomes one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from lms_desktop.client.offline.ops import (
    AttemptOp,
    EnrollOp,
    Op,
    OpKind,
    RatingOp,
    UnenrollOp,
    decode_op,
    op_kind,
)

EntryState = Literal["pending", "needs_attention"]
# Why an entry needs the learner: signed out (401), the course or section is gone (404/410), refused (4xx),
# or the server kept failing on it (5xx, a refused answer) after the sync's bounded retries.
AttentionReason = Literal["signed_out", "gone", "refused", "server_error"]
REASONS = ("signed_out", "gone", "refused", "server_error")


def to_ts(value: datetime) -> str:
    """Fixed-width UTC text, so SQL and Python compare timestamps the same way."""
    if value.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def parse_ts(value: str) -> datetime:
    return datetime.fromisoformat(value)


@dataclass(frozen=True)
class OutboxEntry:
    seq: int
    op_id: str
    user_id: int
    op: Op
    client_timestamp: datetime
    created_at: datetime
    attempts: int
    last_error: str | None
    state: EntryState
    reason: AttentionReason | None
    label: str | None

    @property
    def kind(self) -> OpKind:
        return op_kind(self.op)

    @property
    def course_id(self) -> int:
        return self.op.course_id

    def describe(self) -> str:
        """One line for the learner: what this change is."""
        what = self.label or f"course {self.course_id}"
        op = self.op
        if isinstance(op, EnrollOp):
            return f"Enroll in {what}"
        if isinstance(op, UnenrollOp):
            return f"Leave {what}"
        if isinstance(op, RatingOp):
            return f"Rate {what}: {op.rating}/5"
        if isinstance(op, AttemptOp):
            return f"Quiz attempt in {what} (section {op.section_id})"
        parts = []
        if op.completed_at is not None:
            parts.append("completed")
        if op.time_spent_seconds:
            parts.append(f"{op.time_spent_seconds}s spent")
        return f"Progress in {what} (section {op.section_id}): {', '.join(parts) or 'visited'}"


@dataclass(frozen=True)
class OutboxCounts:
    pending: int
    needs_attention: int


COLUMNS = (
    "seq, op_id, user_id, payload, client_timestamp, created_at, attempts, last_error, state, reason, label"
)
# An entry `o` is held when an earlier entry of its course was parked because the server kept failing.
HELD = (
    "EXISTS (SELECT 1 FROM outbox b WHERE b.user_id = o.user_id AND b.course_id = o.course_id"
    " AND b.state = 'needs_attention' AND b.reason = 'server_error' AND b.seq < o.seq)"
)


def row_to_entry(row: Any) -> OutboxEntry:
    seq, op_id, user_id, payload, client_ts, created, attempts, last_error, state, reason, label = row
    return OutboxEntry(
        seq=int(seq),
        op_id=str(op_id),
        user_id=int(user_id),
        op=decode_op(payload),
        client_timestamp=parse_ts(str(client_ts)),
        created_at=parse_ts(str(created)),
        attempts=int(attempts),
        last_error=None if last_error is None else str(last_error),
        state="needs_attention" if state == "needs_attention" else "pending",
        reason=reason if reason in REASONS else None,
        label=None if label is None else str(label),
    )
