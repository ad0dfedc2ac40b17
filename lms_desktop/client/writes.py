"""The learner's writes as requests of the wire contract: one builder per kind, shared by the client's own
writes and the outbox's replays (``offline.wire``), with the cache entries each write makes stale.

Every request carries an op_id and the learner's client_timestamp: the server applies an op id once and keeps
the latest client timestamp, so a replay is harmless (see ``offline.ops``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec

from lms_desktop.client import paths
from lms_desktop.contract import (
    AnswerValue,
    AttemptRequest,
    AttemptResult,
    CourseRating,
    Enrollment,
    EnrollmentRequest,
    Progress,
    ProgressUpdate,
    RatingUpdate,
    decoder,
)


@dataclass(frozen=True, slots=True)
class WriteRequest:
    method: str
    target: str
    body: msgspec.Struct
    decode: Callable[[bytes], Any]
    #: cache entries stale once it was sent, answered or not (the server may have applied it)
    stale: tuple[str, ...]


_enrollment = decoder(Enrollment)
_progress = decoder(Progress)
_rating = decoder(CourseRating)
_attempt = decoder(AttemptResult)


def enrollment_request(
    course_id: int, *, enrolled: bool, op_id: str, client_timestamp: datetime
) -> WriteRequest:
    body = EnrollmentRequest(op_id=op_id, client_timestamp=client_timestamp)
    stale = (paths.course(course_id), paths.DASHBOARD)
    return WriteRequest(
        "PUT" if enrolled else "DELETE", paths.enrollment(course_id), body, _enrollment.decode, stale
    )


def rating_request(course_id: int, rating: int, *, op_id: str, client_timestamp: datetime) -> WriteRequest:
    body = RatingUpdate(rating=rating, op_id=op_id, client_timestamp=client_timestamp)
    stale = (paths.course(course_id), paths.DASHBOARD)
    return WriteRequest("PUT", paths.rating(course_id), body, _rating.decode, stale)


def progress_request(section_id: int, update: ProgressUpdate) -> WriteRequest:
    """`update` carries its op_id and client_timestamp; what it makes stale follows from the answer."""
    return WriteRequest("PUT", paths.progress(section_id), update, _progress.decode, ())


def attempt_request(
    section_id: int,
    answers: dict[str, AnswerValue],
    *,
    course_id: int | None,
    op_id: str,
    client_timestamp: datetime,
) -> WriteRequest:
    body = AttemptRequest(op_id=op_id, client_timestamp=client_timestamp, answers=answers)
    stale = [paths.attempts(section_id), paths.DASHBOARD]
    if course_id is not None:
        stale += [paths.content(course_id), paths.course(course_id)]
    return WriteRequest("POST", paths.attempts(section_id), body, _attempt.decode, tuple(stale))


def stale_after(answer: object) -> tuple[str, ...]:
    """Cache entries an accepted write makes stale that only its answer names (progress: its course)."""
    if isinstance(answer, Progress):
        return paths.content(answer.course_id), paths.DASHBOARD, paths.course(answer.course_id)
    return ()
