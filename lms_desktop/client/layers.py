"""The two seams of LmsClient, so an offline layer plugs in without changing how a request is sent:

* ``Writes``: how the learner's changes leave the client. ``DirectWrites`` (client.writes) sends each one
  now; the offline layer's outbox writer commits it to disk first and sends it through the same client.
* ``ReadLayer``: what is laid over a read's answer. ``PlainReads`` changes nothing; the offline layer lays
  the changes still waiting for the server over it, and names a downloaded width for a missing image.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from lms_desktop.client.results import Fetched
from lms_desktop.contract import (
    AnswerValue,
    AttemptResult,
    CourseContent,
    CourseDetail,
    CoursePage,
    CourseRating,
    Dashboard,
    Enrollment,
    Progress,
    ProgressUpdate,
)


class Writes(Protocol):
    async def enroll(
        self, course_id: int, op_id: str | None, client_timestamp: datetime | None
    ) -> Enrollment: ...

    async def unenroll(
        self, course_id: int, op_id: str | None, client_timestamp: datetime | None
    ) -> Enrollment: ...

    async def rate(
        self, course_id: int, rating: int, op_id: str | None, client_timestamp: datetime | None
    ) -> CourseRating: ...

    async def put_progress(self, section_id: int, update: ProgressUpdate) -> Progress: ...

    async def submit_attempt(
        self,
        section_id: int,
        answers: dict[str, AnswerValue],
        course_id: int | None,
        op_id: str | None,
        client_timestamp: datetime | None,
    ) -> AttemptResult | None: ...

    async def attempt_result(self, op_id: str) -> AttemptResult | None: ...

    def pending_attempts(self, section_id: int) -> list[tuple[str, dict[str, AnswerValue]]]: ...

    def keep_progress(self, course_id: int, section_id: int, update: ProgressUpdate) -> bool: ...


class ReadLayer(Protocol):
    async def listing(self, fetched: Fetched[CoursePage]) -> Fetched[CoursePage]: ...

    async def detail(self, course_id: int, fetched: Fetched[CourseDetail]) -> Fetched[CourseDetail]: ...

    async def content(self, course_id: int, fetched: Fetched[CourseContent]) -> Fetched[CourseContent]: ...

    async def dashboard(self, fetched: Fetched[Dashboard]) -> Fetched[Dashboard]: ...

    def image_substitute(self, image_url: str, width: int) -> str | None:
        """Offline: the target of another width of the image that is on this computer, if any."""
        ...


class PlainReads:
    """Answers as the server (or the cache) gave them."""

    async def listing(self, fetched: Fetched[CoursePage]) -> Fetched[CoursePage]:
        return fetched

    async def detail(self, course_id: int, fetched: Fetched[CourseDetail]) -> Fetched[CourseDetail]:
        return fetched

    async def content(self, course_id: int, fetched: Fetched[CourseContent]) -> Fetched[CourseContent]:
        return fetched

    async def dashboard(self, fetched: Fetched[Dashboard]) -> Fetched[Dashboard]:
        return fetched

    def image_substitute(self, image_url: str, width: int) -> str | None:
        return None
