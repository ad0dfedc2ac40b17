"""Outbox entries as HTTP requests of the wire contract, and the server's error message from an answer.

Each request carries the entry's op_id and the learner's client_timestamp, which is what makes a replay
harmless and lets the latest action by the learner's clock win (see ``ops``).
"""

from __future__ import annotations

import httpx
import msgspec

from lms_desktop.client.offline.ops import AttemptOp, EnrollOp, ProgressOp, RatingOp, UnenrollOp
from lms_desktop.client.offline.outbox import OutboxEntry
from lms_desktop.contract import (
    API_PREFIX,
    AttemptRequest,
    AttemptResult,
    CourseRating,
    Enrollment,
    EnrollmentRequest,
    ErrorBody,
    Progress,
    ProgressUpdate,
    RatingUpdate,
    encoder,
)


class SendError(Exception):
    """The server answered with an error status (its own message kept for the learner)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


def request_for(entry: OutboxEntry) -> tuple[str, str, bytes, type[msgspec.Struct]]:
    """(method, path, JSON body, answer type) for one entry."""
    op = entry.op
    stamp = entry.client_timestamp
    if isinstance(op, EnrollOp | UnenrollOp):
        body = encoder.encode(EnrollmentRequest(op_id=entry.op_id, client_timestamp=stamp))
        method = "PUT" if isinstance(op, EnrollOp) else "DELETE"
        return method, f"{API_PREFIX}/courses/{op.course_id}/enrollment", body, Enrollment
    if isinstance(op, ProgressOp):
        update = ProgressUpdate(
            completed_at=op.completed_at,
            time_spent_seconds=op.time_spent_seconds,
            position_seconds=op.position_seconds,
            client_timestamp=stamp,
            op_id=entry.op_id,
        )
        return "PUT", f"{API_PREFIX}/progress/{op.section_id}", encoder.encode(update), Progress
    if isinstance(op, AttemptOp):
        attempt = AttemptRequest(op_id=entry.op_id, client_timestamp=stamp, answers=op.answers)
        return (
            "POST",
            f"{API_PREFIX}/sections/{op.section_id}/attempts",
            encoder.encode(attempt),
            AttemptResult,
        )
    assert isinstance(op, RatingOp)
    rating = RatingUpdate(rating=op.rating, client_timestamp=stamp, op_id=entry.op_id)
    return "PUT", f"{API_PREFIX}/courses/{op.course_id}/rating", encoder.encode(rating), CourseRating


def error_detail(response: httpx.Response) -> str:
    try:
        return msgspec.json.decode(response.content, type=ErrorBody).detail
    except (msgspec.DecodeError, msgspec.ValidationError):
        return response.reason_phrase or "error"
