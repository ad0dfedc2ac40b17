"""The learner's writes as outbox operations, and the conflict rules they obey.

Conflict rules (the server enforces them; the outbox and its coalescing never break them):

* Completion is monotonic: once a section is complete it stays complete, and the earliest
  ``completed_at`` wins, whichever machine or replay sent it.
* Time spent adds up without double counting: every progress operation carries a *delta* of seconds and an
  ``op_id``; the server adds each op_id's delta exactly once, so a replay (after a crash, a retry, or a kill
  in the middle of a sync) changes nothing.
* A video's position is a register too: the latest ``client_timestamp`` wins.
* Enrollment state and rating are registers: the write with the latest ``client_timestamp`` (the learner's
  own clock when they acted) wins, regardless of the order in which machines sync.
* A quiz attempt is a new attempt per op_id: the server scores it when it arrives and stores it once, so
  a replay returns the same result; it is never merged or dropped. One the server refuses (no attempts
  left, taken on another machine) waits for the learner with the server's reason.

Because every rule is a merge that is commutative, associative and idempotent per op_id (min, sum over
distinct ids, max by timestamp), the same learner on two machines converges to one server state whatever
order the two outboxes are replayed in.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import msgspec

from lms_desktop.contract import AnswerValue

OpKind = Literal["enroll", "unenroll", "progress", "rating", "attempt"]
MAX_DELTA_SECONDS = 86_400  # the wire contract's bound on one progress delta


class _Op(msgspec.Struct, kw_only=True, frozen=True, tag_field="kind"):
    """Base: every operation names the course it belongs to (for ordering, coalescing and display)."""

    course_id: int


class EnrollOp(_Op, frozen=True, tag="enroll"):
    pass


class UnenrollOp(_Op, frozen=True, tag="unenroll"):
    pass


class ProgressOp(_Op, frozen=True, tag="progress"):
    """Completion and a delta of time spent in one section; the server applies it once per op_id."""

    section_id: int
    completed_at: datetime | None = None
    time_spent_seconds: int = 0
    position_seconds: int | None = None  # video: where the learner stopped (a register, latest wins)


class RatingOp(_Op, frozen=True, tag="rating"):
    rating: int


class AttemptOp(_Op, frozen=True, tag="attempt"):
    """A quiz attempt answered offline: scored by the server at sync, stored once per op_id."""

    section_id: int
    answers: dict[str, AnswerValue]


Op = EnrollOp | UnenrollOp | ProgressOp | RatingOp | AttemptOp

_encoder = msgspec.json.Encoder()
_decoder = msgspec.json.Decoder(Op)


def encode_op(op: Op) -> bytes:
    return _encoder.encode(op)


def decode_op(raw: bytes | str) -> Op:
    return _decoder.decode(raw)


def op_kind(op: Op) -> OpKind:
    if isinstance(op, EnrollOp):
        return "enroll"
    if isinstance(op, UnenrollOp):
        return "unenroll"
    if isinstance(op, ProgressOp):
        return "progress"
    if isinstance(op, AttemptOp):
        return "attempt"
    return "rating"


def validate_op(op: Op) -> None:
    """Refuse what the server would refuse anyway, at the moment the learner acts, not hours later."""
    if op.course_id < 1:
        raise ValueError("course_id must be positive")
    if isinstance(op, RatingOp) and not 1 <= op.rating <= 5:
        raise ValueError("a rating is 1 to 5 stars")
    if isinstance(op, AttemptOp) and op.section_id < 1:
        raise ValueError("section_id must be positive")
    if isinstance(op, ProgressOp):
        if op.section_id < 1:
            raise ValueError("section_id must be positive")
        if not 0 <= op.time_spent_seconds <= MAX_DELTA_SECONDS:
            raise ValueError(f"time spent per update is 0 to {MAX_DELTA_SECONDS} seconds")
        if op.position_seconds is not None and not 0 <= op.position_seconds <= MAX_DELTA_SECONDS:
            raise ValueError(f"a video position is 0 to {MAX_DELTA_SECONDS} seconds")
        if op.completed_at is not None and op.completed_at.tzinfo is None:
            raise ValueError("completed_at must be timezone-aware")


def merge_progress(older: ProgressOp, newer: ProgressOp) -> ProgressOp | None:
    """One progress op equivalent to applying both, or None when they cannot be merged.

    Equivalent under the rules: completion = the earliest of the two (min is what the server keeps), time =
    the sum of the deltas (each would have been added once). Refused when the sum exceeds one delta's bound.
    """
    if older.section_id != newer.section_id or older.course_id != newer.course_id:
        return None
    total = older.time_spent_seconds + newer.time_spent_seconds
    if total > MAX_DELTA_SECONDS:
        return None
    stamps = [t for t in (older.completed_at, newer.completed_at) if t is not None]
    return ProgressOp(
        course_id=older.course_id,
        section_id=older.section_id,
        completed_at=min(stamps) if stamps else None,
        time_spent_seconds=total,
        position_seconds=newer.position_seconds
        if newer.position_seconds is not None
        else older.position_seconds,
    )
