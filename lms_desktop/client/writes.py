"""The learner's writes as requests of the wire contract: one builder per kind, shared by the client's own
writes (``DirectWrites``) and the outbox's replays (``offline.wire``), with the cache entries each write
makes stale.

Every request carries an op_id and the learner's client_timestamp: the server applies an op id once and keeps
the latest client timestamp, so a replay is harmless (see ``offline.ops``).

What each write marks stale (the next read of it revalidates before answering, so the writer sees its own
write at once; the entry itself is kept for offline use):
- enroll / unenroll: the course's detail and the dashboard;
- progress: the course's content, the dashboard and the course's detail (its status may become completed);
- rating: the course's detail and the dashboard.
- quiz attempt: the quiz's attempts, the dashboard, and (given its course) the course's content and detail.
Catalog listings are not invalidated by these writes: their cards show enrollment counts and averages, but
the server's listing ETag follows the catalog version, which learner writes do not bump, so a revalidation
would only return 304. Cards may lag by up to the listing's max-age (10 min); the course view is exact.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

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


def new_op_id() -> str:
    return uuid.uuid4().hex


def _now() -> datetime:
    return datetime.now(UTC)


class DirectWrites:
    """Each write sent now through the client's one write path (``LmsClient.send_write``); nothing is kept
    to send later."""

    def __init__(self, send: Callable[[WriteRequest], Awaitable[Any]]) -> None:
        self._send = send

    async def enroll(
        self, course_id: int, op_id: str | None, client_timestamp: datetime | None
    ) -> Enrollment:
        stamp = client_timestamp or _now()
        request = enrollment_request(
            course_id, enrolled=True, op_id=op_id or new_op_id(), client_timestamp=stamp
        )
        return cast(Enrollment, await self._send(request))

    async def unenroll(
        self, course_id: int, op_id: str | None, client_timestamp: datetime | None
    ) -> Enrollment:
        stamp = client_timestamp or _now()
        request = enrollment_request(
            course_id, enrolled=False, op_id=op_id or new_op_id(), client_timestamp=stamp
        )
        return cast(Enrollment, await self._send(request))

    async def rate(
        self, course_id: int, rating: int, op_id: str | None, client_timestamp: datetime | None
    ) -> CourseRating:
        stamp = client_timestamp or _now()
        request = rating_request(course_id, rating, op_id=op_id or new_op_id(), client_timestamp=stamp)
        return cast(CourseRating, await self._send(request))

    async def put_progress(self, section_id: int, update: ProgressUpdate) -> Progress:
        if update.op_id is None or update.client_timestamp is None:
            update = msgspec.structs.replace(
                update, op_id=update.op_id or new_op_id(), client_timestamp=update.client_timestamp or _now()
            )
        return cast(Progress, await self._send(progress_request(section_id, update)))

    async def submit_attempt(
        self,
        section_id: int,
        answers: dict[str, AnswerValue],
        course_id: int | None,
        op_id: str | None,
        client_timestamp: datetime | None,
    ) -> AttemptResult | None:
        request = attempt_request(
            section_id,
            answers,
            course_id=course_id,
            op_id=op_id or new_op_id(),
            client_timestamp=client_timestamp or _now(),
        )
        return cast(AttemptResult, await self._send(request))

    async def attempt_result(self, op_id: str) -> AttemptResult | None:
        return None  # nothing is kept to send later, so there is no result to wait for

    def pending_attempts(self, section_id: int) -> list[tuple[str, dict[str, AnswerValue]]]:
        return []

    def keep_progress(self, course_id: int, section_id: int, update: ProgressUpdate) -> bool:
        return False
