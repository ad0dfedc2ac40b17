"""An outbox entry as the write request it replays: the same builders as the client's own writes
(``client.writes``), with the entry's op_id and the learner's client_timestamp."""

from __future__ import annotations

from lms_desktop.client.offline.ops import AttemptOp, EnrollOp, ProgressOp, RatingOp, UnenrollOp
from lms_desktop.client.offline.outbox import OutboxEntry
from lms_desktop.client.writes import (
    WriteRequest,
    attempt_request,
    enrollment_request,
    progress_request,
    rating_request,
)
from lms_desktop.contract import ProgressUpdate


def request_for(entry: OutboxEntry) -> WriteRequest:
    op, op_id, stamp = entry.op, entry.op_id, entry.client_timestamp
    if isinstance(op, EnrollOp | UnenrollOp):
        enrolled = isinstance(op, EnrollOp)
        return enrollment_request(op.course_id, enrolled=enrolled, op_id=op_id, client_timestamp=stamp)
    if isinstance(op, ProgressOp):
        update = ProgressUpdate(
            completed_at=op.completed_at,
            time_spent_seconds=op.time_spent_seconds,
            position_seconds=op.position_seconds,
            client_timestamp=stamp,
            op_id=op_id,
        )
        return progress_request(op.section_id, update)
    if isinstance(op, AttemptOp):
        return attempt_request(
            op.section_id, op.answers, course_id=op.course_id, op_id=op_id, client_timestamp=stamp
        )
    assert isinstance(op, RatingOp)
    return rating_request(op.course_id, op.rating, op_id=op_id, client_timestamp=stamp)
