"""The learner's writes through the outbox: the writer the offline layer plugs into LmsClient.

A write is first committed to the outbox with its op_id and the learner's clock, so it survives a crash.
Online, a sync runs at once and the caller gets the server's answer; a refusal the learner can act on now
drops the entry and raises, so the UI rolls its optimistic change back. Offline (or when the send fails on
the way) the caller gets a local answer built from the change and the cached data, and the entry waits.

The writer is also the syncer's sender: replays reach the server through the client's one write path
(``LmsClient.send_write``), the same as a write made online without an outbox.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, cast

from lms_desktop.client import paths
from lms_desktop.client.errors import ApiError, AuthRequired, OfflineError
from lms_desktop.client.offline.ops import AttemptOp, EnrollOp, Op, ProgressOp, RatingOp, UnenrollOp
from lms_desktop.client.offline.outbox import OutboxEntry, new_op_id
from lms_desktop.client.offline.sync import Applied, NeedsAttention, Outcome, Queued
from lms_desktop.client.offline.wire import request_for
from lms_desktop.contract import (
    AnswerValue,
    AttemptResult,
    CourseDetail,
    CourseRating,
    Enrollment,
    Progress,
    ProgressUpdate,
)

if TYPE_CHECKING:
    from lms_desktop.client.api import LmsClient
    from lms_desktop.client.offline.layer import OfflineLayer

MAX_TITLES = 5000


class OutboxWriter:
    def __init__(self, client: LmsClient, offline: OfflineLayer, now: Callable[[], datetime]) -> None:
        """`offline`: its outbox, syncer and kept attempts (read when used: they are built after this)."""
        self._client = client
        self._offline = offline
        self._outbox = offline.outbox
        self._now = now
        self._titles: dict[int, str] = {}

    # ---- sending one entry (the syncer calls this) -----------------------------------------------

    async def send(self, entry: OutboxEntry) -> object:
        answer = await self._client.send_write(request_for(entry))
        if isinstance(entry.op, AttemptOp) and answer is not None:
            self._offline.kept_attempts.sent(entry.op_id, answer)
        return answer

    # ---- writes ----------------------------------------------------------------------------------

    def queue(
        self,
        op: Op,
        label: str | None = None,
        *,
        op_id: str | None = None,
        client_timestamp: datetime | None = None,
    ) -> OutboxEntry:
        user = self._client.user
        if user is None:
            raise AuthRequired("Sign in to save your progress.")
        return self._outbox.add(
            user.id, op, label=label, client_timestamp=client_timestamp or self._now(), op_id=op_id
        )

    async def deliver(self, entry: OutboxEntry) -> Outcome:
        """Send now when online; the answer, or Queued when it has to wait. Immediate refusals raise."""
        if not self._client.online:
            return Queued("offline")
        outcome_f = self._offline.syncer.outcome_of(entry.op_id)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._client.config.timeout_s + 1.0
        for _ in range(3):  # a run that began before this entry was queued may finish without it
            task = self._offline.request_sync()
            if task is None or outcome_f.done():
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(task), max(deadline - loop.time(), 0.0))
            if outcome_f.done() or not task.done():
                break
        outcome: Outcome = outcome_f.result() if outcome_f.done() else Queued("syncing")
        if isinstance(outcome, NeedsAttention):
            if outcome.reason == "signed_out":
                raise AuthRequired(outcome.detail or "Please sign in.")  # kept: signing in sends it
            if outcome.reason == "server_error":
                return outcome  # never judged by the server: kept for the learner, answered locally
            self._outbox.discard_op(entry.op_id)  # the learner is here: roll back and say why
            raise ApiError(outcome.status or 409, outcome.detail)
        return outcome

    async def _write(
        self, op: Op, op_id: str | None, client_timestamp: datetime | None
    ) -> tuple[OutboxEntry, Outcome]:
        entry = self.queue(op, await self.title(op.course_id), op_id=op_id, client_timestamp=client_timestamp)
        return entry, await self.deliver(entry)

    async def enroll(
        self, course_id: int, op_id: str | None, client_timestamp: datetime | None
    ) -> Enrollment:
        entry, outcome = await self._write(EnrollOp(course_id=course_id), op_id, client_timestamp)
        if isinstance(outcome, Applied):
            return cast(Enrollment, outcome.value)
        stamp = entry.client_timestamp
        return Enrollment(course_id=course_id, status="active", enrolled_at=stamp, updated_at=stamp)

    async def unenroll(
        self, course_id: int, op_id: str | None, client_timestamp: datetime | None
    ) -> Enrollment:
        entry, outcome = await self._write(UnenrollOp(course_id=course_id), op_id, client_timestamp)
        if isinstance(outcome, Applied):
            return cast(Enrollment, outcome.value)
        return Enrollment(course_id=course_id, status=None, updated_at=entry.client_timestamp)

    async def rate(
        self, course_id: int, rating: int, op_id: str | None, client_timestamp: datetime | None
    ) -> CourseRating:
        _, outcome = await self._write(RatingOp(course_id=course_id, rating=rating), op_id, client_timestamp)
        if isinstance(outcome, Applied):
            return cast(CourseRating, outcome.value)
        detail = await self._cached_detail(course_id)
        return CourseRating(
            course_id=course_id,
            rating=rating,
            rating_avg=detail.rating_avg if detail else None,
            rating_count=detail.rating_count if detail else 0,
        )

    async def put_progress(self, section_id: int, update: ProgressUpdate) -> Progress:
        """The update's op_id and client_timestamp give way to the entry's: the entry is replayed."""
        course_id = await self._course_of_section(section_id)
        _, outcome = await self._write(_progress_op(course_id, section_id, update), None, None)
        if isinstance(outcome, Applied):
            return cast(Progress, outcome.value)
        return await self._local_progress(course_id, section_id, update)

    async def submit_attempt(
        self,
        section_id: int,
        answers: dict[str, AnswerValue],
        course_id: int | None,
        op_id: str | None,
        client_timestamp: datetime | None,
    ) -> AttemptResult | None:
        """The server's result when it can be reached now; None when the attempt waits in the outbox."""
        cid = course_id if course_id is not None else await self._course_of_section(section_id)
        op = AttemptOp(course_id=cid, section_id=section_id, answers=answers)
        _, outcome = await self._write(op, op_id or new_op_id(), client_timestamp)
        return cast(AttemptResult, outcome.value) if isinstance(outcome, Applied) else None

    async def attempt_result(self, op_id: str) -> AttemptResult | None:
        return await self._offline.kept_attempts.result(op_id)

    def pending_attempts(self, section_id: int) -> list[tuple[str, dict[str, AnswerValue]]]:
        return self._offline.kept_attempts.waiting(section_id)

    def keep_progress(self, course_id: int, section_id: int, update: ProgressUpdate) -> bool:
        """Into the outbox only (a local write, no request): the window is closing and a send would be
        cancelled with it. The next sync (this run's, or the next start's) delivers it once (op_id)."""
        if self._client.user is None:
            return False
        record = self._offline.downloads.manifest.course(self._client.partition, course_id)
        title = self._titles.get(course_id) or (record.title if record is not None else None)
        self.queue(_progress_op(course_id, section_id, update), title)
        return True

    # ---- titles and local answers ----------------------------------------------------------------

    def remember_titles(self, pairs: list[tuple[int, str]]) -> None:
        if len(self._titles) > MAX_TITLES:
            self._titles.clear()
        self._titles.update(pairs)

    async def title(self, course_id: int) -> str | None:
        """For the needs-attention list ("Enroll in Rust for Beginners"); never worth a request: titles
        seen in reads are remembered, downloads have theirs, offline the cache answers without one."""
        if course_id in self._titles:
            return self._titles[course_id]
        record = self._offline.downloads.manifest.course(self._client.partition, course_id)
        if record is not None and record.title:
            return record.title
        if not self._client.online:
            detail = await self._cached_detail(course_id)
            return detail.title if detail else None
        return None

    async def _cached_detail(self, course_id: int) -> CourseDetail | None:
        with contextlib.suppress(OfflineError, ApiError, AuthRequired):
            return (await self._client.course(course_id)).value
        return None

    async def _course_of_section(self, section_id: int) -> int:
        with contextlib.suppress(OfflineError, ApiError, AuthRequired):
            return (await self._client.section(section_id)).value.course_id
        held = self._offline.downloads.manifest.course_of(self._client.partition, paths.section(section_id))
        if held is None:
            raise OfflineError("This section is not available offline; progress cannot be recorded.")
        return held

    async def _local_progress(self, course_id: int, section_id: int, update: ProgressUpdate) -> Progress:
        content = None
        with contextlib.suppress(OfflineError, ApiError, AuthRequired):
            content = (await self._client.content(course_id)).value
        for lesson in content.lessons if content else []:
            for s in lesson.sections:
                if s.id == section_id:
                    return Progress(
                        section_id=section_id,
                        course_id=course_id,
                        completed_at=s.completed_at,
                        time_spent_seconds=s.time_spent_seconds,
                    )
        return Progress(
            section_id=section_id,
            course_id=course_id,
            completed_at=update.completed_at,
            time_spent_seconds=update.time_spent_seconds,
            position_seconds=update.position_seconds,
        )


def _progress_op(course_id: int, section_id: int, update: ProgressUpdate) -> ProgressOp:
    return ProgressOp(
        course_id=course_id,
        section_id=section_id,
        completed_at=update.completed_at,
        time_spent_seconds=update.time_spent_seconds,
        position_seconds=update.position_seconds,
    )
