"""The learner's own state shared by every screen, and the optimistic writes that change it.

One place owns "which courses am I enrolled in, how far am I, what did I rate", so that a change made on one
screen shows everywhere (catalog badge, course view, reader, dashboard) from the same signal. Writes are
optimistic: the state changes at once, the request runs in the background, and a failure rolls the state
back and says so in a short non-modal message. A write already in flight for the same course (or section)
ignores repeats, so a double click never enrolls twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from lms_desktop.client import AuthRequired, LmsClient, OfflineError
from lms_desktop.contract import CourseRating, Dashboard, DashboardItem, Progress, ProgressUpdate
from lms_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CourseState:
    enrolled: bool
    percent: float | None = None


def describe_error(exc: BaseException) -> str:
    """A short sentence for a message; never a traceback."""
    if isinstance(exc, OfflineError):
        return QCoreApplication.translate("Errors", "you are offline")
    if isinstance(exc, AuthRequired):
        return QCoreApplication.translate("Errors", "please sign in again")
    detail = getattr(exc, "detail", None)
    if isinstance(detail, str) and detail:
        return detail.rstrip(".")
    return str(exc) or type(exc).__name__


class LearnerState(QObject):
    #: course id -> percent complete for every enrolled course (catalog cards read this)
    progressChanged = Signal(object)
    dashboardChanged = Signal(object)  # Dashboard
    #: (course id, enrolled)
    enrollmentChanged = Signal(int, bool)
    #: (course id, own rating or None)
    ratingChanged = Signal(int, object)
    #: (course id, CourseRating) after the server answered a rating (new average)
    ratingConfirmed = Signal(int, object)
    #: (section id, course id, completed)
    sectionCompletion = Signal(int, int, bool)
    message = Signal(str)
    pendingChanged = Signal(int)
    authRequired = Signal()

    def __init__(self, client: LmsClient, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.runner = runner
        self.dashboard: Dashboard | None = None
        self._progress: dict[int, float] = {}
        self._ratings: dict[int, int | None] = {}
        self._completed: set[int] = set()
        self._in_flight: set[tuple[str, int]] = set()
        self._pending = 0

    # ---- reading -------------------------------------------------------------------------------

    @property
    def progress(self) -> dict[int, float]:
        return dict(self._progress)

    def is_enrolled(self, course_id: int) -> bool:
        return course_id in self._progress

    def percent(self, course_id: int) -> float | None:
        return self._progress.get(course_id)

    def in_flight(self, kind: str, ident: int) -> bool:
        return (kind, ident) in self._in_flight

    @property
    def pending_changes(self) -> int:
        """Changes not yet confirmed by the server."""
        return self._pending

    def set_pending_changes(self, count: int) -> None:
        if count != self._pending:
            self._pending = count
            self.pendingChanged.emit(count)

    def item(self, course_id: int) -> DashboardItem | None:
        if self.dashboard is None:
            return None
        return next((i for i in self.dashboard.items if i.course_id == course_id), None)

    def reset(self) -> None:
        """Forget the learner (sign-out): every screen listening shows no enrollment, rating or progress."""
        self.runner.cancel_owner(self)
        self.dashboard = None
        self._progress = {}
        self._ratings = {}
        self._completed = set()
        self._in_flight = set()
        self.set_pending_changes(0)
        self.progressChanged.emit(self.progress)
        self.dashboardChanged.emit(None)

    def refresh_dashboard(self) -> None:
        async def load() -> Dashboard:
            fetched = await self.client.dashboard()
            if fetched.updated is not None:
                self._follow_update(fetched.updated)
            return fetched.value

        self.runner.run(
            load(), owner=self, key="dashboard", done=self._set_dashboard, error=self._dashboard_failed
        )

    def _follow_update(self, updated: Any) -> None:
        async def wait() -> Dashboard | None:
            value = await updated
            return value if isinstance(value, Dashboard) else None

        def apply(value: Dashboard | None) -> None:
            if value is not None:
                self._set_dashboard(value)

        self.runner.run(wait(), owner=self, key="dashboard-swr", done=apply, error=lambda _e: None)

    def _set_dashboard(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard
        progress = {i.course_id: i.percent_complete for i in dashboard.items}
        # keep optimistic enrollments that the server has not confirmed yet
        for kind, ident in self._in_flight:
            if kind == "enroll":
                progress.setdefault(ident, 0.0)
            if kind == "unenroll":
                progress.pop(ident, None)
        self._progress = progress
        self.progressChanged.emit(self.progress)
        self.dashboardChanged.emit(dashboard)

    def _dashboard_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AuthRequired):
            self.authRequired.emit()
        log.info("dashboard failed: %s", describe_error(exc))

    # ---- optimistic writes ---------------------------------------------------------------------

    def _begin(self, kind: str, ident: int) -> bool:
        if (kind, ident) in self._in_flight:
            return False
        self._in_flight.add((kind, ident))
        self.set_pending_changes(self._pending + 1)
        return True

    def _end(self, kind: str, ident: int) -> None:
        self._in_flight.discard((kind, ident))
        self.set_pending_changes(max(0, self._pending - 1))

    def enroll(self, course_id: int, title: str = "") -> bool:
        """Enroll at once; False if this course already is enrolled or an enrollment change is running."""
        if self.is_enrolled(course_id) or self.in_flight("unenroll", course_id):
            return False
        if not self._begin("enroll", course_id):
            return False
        self._progress[course_id] = 0.0
        self._emit_enrollment(course_id, True)

        def ok(_result: object) -> None:
            self._end("enroll", course_id)
            self.refresh_dashboard()

        def failed(exc: BaseException) -> None:
            self._end("enroll", course_id)
            self._progress.pop(course_id, None)
            self._emit_enrollment(course_id, False)
            text = (
                self.tr("Couldn’t enroll in “{0}”: {1}.").format(title, describe_error(exc))
                if title
                else self.tr("Couldn’t enroll: {0}.").format(describe_error(exc))
            )
            self._say(text, exc)

        self.runner.run(self.client.enroll(course_id), owner=self, done=ok, error=failed)
        return True

    def unenroll(self, course_id: int, title: str = "") -> bool:
        if not self.is_enrolled(course_id) or self.in_flight("enroll", course_id):
            return False
        if not self._begin("unenroll", course_id):
            return False
        before = self._progress.pop(course_id, 0.0)
        self._emit_enrollment(course_id, False)

        def ok(_result: object) -> None:
            self._end("unenroll", course_id)
            self.refresh_dashboard()

        def failed(exc: BaseException) -> None:
            self._end("unenroll", course_id)
            self._progress[course_id] = before
            self._emit_enrollment(course_id, True)
            text = (
                self.tr("Couldn’t leave “{0}”: {1}.").format(title, describe_error(exc))
                if title
                else self.tr("Couldn’t leave the course: {0}.").format(describe_error(exc))
            )
            self._say(text, exc)

        self.runner.run(self.client.unenroll(course_id), owner=self, done=ok, error=failed)
        return True

    def rate(self, course_id: int, rating: int, previous: int | None, title: str = "") -> bool:
        if not self._begin("rate", course_id):
            return False
        self._ratings[course_id] = rating
        self.ratingChanged.emit(course_id, rating)

        def ok(result: CourseRating) -> None:
            self._end("rate", course_id)
            self.ratingConfirmed.emit(course_id, result)

        def failed(exc: BaseException) -> None:
            self._end("rate", course_id)
            self._ratings[course_id] = previous
            self.ratingChanged.emit(course_id, previous)
            text = (
                self.tr("Couldn’t save your rating of “{0}”: {1}.").format(title, describe_error(exc))
                if title
                else self.tr("Couldn’t save your rating: {0}.").format(describe_error(exc))
            )
            self._say(text, exc)

        self.runner.run(self.client.rate(course_id, rating), owner=self, done=ok, error=failed)
        return True

    def mark_complete(
        self, section_id: int, course_id: int, total_sections: int, *, time_spent: int = 0
    ) -> bool:
        """Complete a section at once; the course's percent moves by one section optimistically."""
        if section_id in self._completed or not self._begin("complete", section_id):
            return False
        self._completed.add(section_id)
        before = self._progress.get(course_id)
        if before is not None and total_sections > 0:
            self._progress[course_id] = min(100.0, before + 100.0 / total_sections)
            self.progressChanged.emit(self.progress)
        self.sectionCompletion.emit(section_id, course_id, True)
        update = ProgressUpdate(
            completed_at=datetime.now(UTC), time_spent_seconds=max(0, min(time_spent, 86_400))
        )

        def ok(_result: Progress) -> None:
            self._end("complete", section_id)
            self.refresh_dashboard()

        def failed(exc: BaseException) -> None:
            self._end("complete", section_id)
            self._completed.discard(section_id)
            if before is not None:
                self._progress[course_id] = before
                self.progressChanged.emit(self.progress)
            self.sectionCompletion.emit(section_id, course_id, False)
            self._say(self.tr("Couldn’t mark the section complete: {0}.").format(describe_error(exc)), exc)

        self.runner.run(self.client.put_progress(section_id, update), owner=self, done=ok, error=failed)
        return True

    def record_time(self, section_id: int, course_id: int, seconds: int) -> None:
        """Time read in a section left without completing it: added once at the server (op_id), quietly.

        Nothing to show or roll back, so a failure is only logged; offline, the outbox keeps it.
        """
        if seconds <= 0 or not self.is_enrolled(course_id):
            return
        update = ProgressUpdate(time_spent_seconds=min(seconds, 86_400))

        def failed(exc: BaseException) -> None:
            log.info("time spent in section %s not recorded: %r", section_id, exc)

        self.runner.run(self.client.put_progress(section_id, update), owner=self, error=failed)

    def keep_time(self, section_id: int, course_id: int, seconds: int) -> None:
        """Time read when the window closes: kept in the outbox at once (no request, nothing to wait
        for), sent by the next sync; a send started now would be cancelled with the window."""
        if seconds <= 0 or not self.is_enrolled(course_id):
            return
        update = ProgressUpdate(time_spent_seconds=min(seconds, 86_400))
        try:
            kept = self.client.keep_progress(course_id, section_id, update)
        except Exception as exc:  # a full or read-only disk: the time is lost, the window still closes
            log.warning("time spent in section %s not kept: %r", section_id, exc)
            return
        if not kept:
            log.info("time spent in section %s not kept: this client has no outbox", section_id)

    def save_position(self, section_id: int, course_id: int, seconds: int, *, closing: bool = False) -> None:
        """Where the learner stopped in a video, through the outbox like time spent (the latest wins);
        `closing`: only into the outbox, sent by the next sync."""
        if seconds < 0 or not self.is_enrolled(course_id):
            return
        update = ProgressUpdate(position_seconds=min(seconds, 86_400))
        if closing:
            try:
                self.client.keep_progress(course_id, section_id, update)
            except Exception as exc:
                log.warning("video position in section %s not kept: %r", section_id, exc)
            return

        def failed(exc: BaseException) -> None:
            log.info("video position in section %s not recorded: %r", section_id, exc)

        self.runner.run(
            self.client.put_progress(section_id, update), owner=self, key=f"pos{section_id}", error=failed
        )

    def note_completed(self, section_ids: list[int]) -> None:
        """Sections the server reports complete (from course content): completion never goes back."""
        self._completed.update(section_ids)

    # ---- helpers -------------------------------------------------------------------------------

    def _emit_enrollment(self, course_id: int, enrolled: bool) -> None:
        self.enrollmentChanged.emit(course_id, enrolled)
        self.progressChanged.emit(self.progress)

    def _say(self, text: str, exc: BaseException) -> None:
        log.info("%s (%r)", text, exc)
        if isinstance(exc, AuthRequired):
            self.authRequired.emit()
        self.message.emit(text)
