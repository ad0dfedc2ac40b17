"""Downloads: courses kept for offline use, the download in progress, and changes waiting for the server.

Pieces the rest of the UI wires in (small and separate, so the main window only connects signals):

* ``DownloadsView``: the screen. Downloaded courses with size, state and last sync (Open / Resume / Remove),
  the running download with a progress bar and Cancel (more downloads queue behind it), and the learner's
  changes that need attention (signed out, course deleted, refused) with Retry / Discard.
* ``OfflineButton``: "Make available offline" for the course page; it shows the course's download state.
* ``OfflineStatusBridge``: the client's status callbacks as a Qt signal (``statusChanged(OfflineStatus)``).
* ``OfflineStatusLabel``: a status-bar label: changes to sync, last sync, needs attention; clicking it
  opens the Downloads screen, where the changes are listed.

All client work runs through the shared ``TaskRunner`` (results on the UI thread, cancelled with the owner).
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lms_desktop.client.offline.downloads import DownloadCancelled, DownloadProgress
from lms_desktop.client.offline.manifest import DownloadedCourse
from lms_desktop.client.offline.offline_client import OfflineLmsClient, OfflineStatus
from lms_desktop.client.offline.outbox import OutboxEntry
from lms_desktop.client.offline.outbox_repair import OutboxSalvage
from lms_desktop.ui import a11y, theme
from lms_desktop.ui.i18n import date_text, number_text, plural
from lms_desktop.ui.tasks import TaskRunner
from lms_desktop.ui.widgets import heading, muted

if TYPE_CHECKING:
    from lms_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

REFRESH_LABEL_MS = 30_000  # "synced 3 min ago" ages while the screen is open


def size_text(size: int) -> str:
    if size < 1024:
        return QCoreApplication.translate("Downloads", "{0} B").format(size)
    if size < 1024**2:
        return QCoreApplication.translate("Downloads", "{0} KB").format(f"{size / 1024:.0f}")
    return QCoreApplication.translate("Downloads", "{0} MB").format(number_text(size / 1024**2))


def since_text(when: datetime | None, now: datetime | None = None, *, last: bool = False) -> str:
    """How long ago a course (or, with `last`, the learner's changes) were synced."""
    if when is None:
        return QCoreApplication.translate("Downloads", "never synced")
    seconds = max(0, int(((now or datetime.now(UTC)) - when).total_seconds()))
    if seconds < 60:
        return (
            QCoreApplication.translate("Downloads", "last sync just now")
            if last
            else QCoreApplication.translate("Downloads", "synced just now")
        )
    if seconds < 3600:
        minutes = seconds // 60
        return (
            QCoreApplication.translate("Downloads", "last sync {0} min ago")
            if last
            else QCoreApplication.translate("Downloads", "synced {0} min ago")
        ).format(minutes)
    if seconds < 86400:
        hours = seconds // 3600
        return (
            QCoreApplication.translate("Downloads", "last sync {0} h ago")
            if last
            else QCoreApplication.translate("Downloads", "synced {0} h ago")
        ).format(hours)
    day = date_text(when)
    return (
        QCoreApplication.translate("Downloads", "last sync on {0}")
        if last
        else QCoreApplication.translate("Downloads", "synced on {0}")
    ).format(day)


def status_text(status: OfflineStatus, now: datetime | None = None) -> str:
    """One line for the status bar."""
    parts: list[str] = []
    if status.needs_attention:
        n = status.needs_attention
        parts.append(
            "⚠ "
            + plural(
                QCoreApplication.translate("Downloads", "%n change(s) need(s) attention", None, n),
                n,
                verb=True,
            )
        )
    if status.syncing:
        parts.append(QCoreApplication.translate("Downloads", "Syncing…"))
    elif status.pending:
        n = status.pending
        parts.append(
            plural(QCoreApplication.translate("Downloads", "%n change(s) waiting to sync", None, n), n)
        )
    if not parts:
        parts.append(QCoreApplication.translate("Downloads", "All changes synced"))
    if status.last_sync is not None:
        parts.append(since_text(status.last_sync, now, last=True))
    return " · ".join(parts)


def salvage_text(salvage: OutboxSalvage) -> str:
    """What the learner is told once when their list of unsent changes was damaged."""
    if salvage.lost is None:
        return QCoreApplication.translate(
            "Offline",
            "The list of changes waiting to be sent was damaged and could not be read: changes not yet"
            " sent may be lost.",
        )
    recovered = QCoreApplication.translate(
        "Offline", "The list of changes waiting to be sent was damaged. Recovered: %n.", None, salvage.saved
    )
    lost = QCoreApplication.translate("Offline", "Could not be recovered: %n.", None, salvage.lost)
    return f"{recovered} {lost}"


class OfflineStatusBridge(QObject):
    """The client's status callbacks (asyncio, on the UI thread under qasync) as a Qt signal."""

    statusChanged = Signal(object)  # OfflineStatus

    def __init__(self, client: OfflineLmsClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = client
        stop_status = client.on_status_changed(self.statusChanged.emit)
        stop_online = client.on_online_changed(
            lambda _online: self.statusChanged.emit(client.offline_status())
        )
        self.destroyed.connect(lambda *_: (stop_status(), stop_online()))

    def current(self) -> OfflineStatus:
        return self._client.offline_status()

    def emit_now(self) -> None:
        self.statusChanged.emit(self.current())


class OfflineStatusLabel(QLabel):
    """Status-bar text for offline work; a click asks to show the changes (the Downloads screen)."""

    clicked = Signal()

    def __init__(self, bridge: OfflineStatusBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._status = bridge.current()
        bridge.statusChanged.connect(self.show_status)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_LABEL_MS)
        self._timer.timeout.connect(lambda: self.show_status(self._status))
        self._timer.start()
        self.show_status(self._status)

    def show_status(self, status: OfflineStatus) -> None:
        before, self._status = self._status, status
        self._announce(before, status)
        text = status_text(status)
        if status.needs_attention:
            self.setText(f"<span style='color:{theme.current().warning.name()}'>{text}</span>")
        else:
            self.setText(text)
        self.setToolTip(
            (self.tr("Last problem: {0}").format(status.last_error) + "\n" if status.last_error else "")
            + self.tr("Changes made offline are kept on this computer and sent when the server is back.")
        )

    def _announce(self, before: OfflineStatus, now: OfflineStatus) -> None:
        """Screen readers hear when waiting changes were sent, and when one needs the learner."""
        if now.needs_attention > before.needs_attention:
            a11y.announce(self, status_text(now).split(" · ")[0].lstrip("⚠ "), assertive=True)
        elif (before.pending or before.syncing) and not now.pending and not now.syncing:
            a11y.announce(self, self.tr("All changes synced"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class _CourseRow(QFrame):
    def __init__(self, view: DownloadsView, course: DownloadedCourse) -> None:
        super().__init__(view)
        self.setObjectName("Card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.course = course
        row = QHBoxLayout(self)
        row.setContentsMargins(theme.SPACE_M, theme.SPACE_S, theme.SPACE_M, theme.SPACE_S)
        text = QVBoxLayout()
        title = QLabel(course.title or self.tr("Course {0}").format(course.course_id), self)
        title.setObjectName("CardTitle")
        text.addWidget(title)
        state = {
            "complete": self.tr("Available offline"),
            "partial": self.tr("Partly downloaded ({0} of {1} items)").format(
                course.items, course.total_items or "?"
            ),
            "gone": self.tr("No longer on the server: this copy stays until you remove it"),
        }[course.state]
        self.detail = muted(
            f"{state} · {size_text(course.size_bytes)} · {since_text(course.last_sync)}", self
        )
        text.addWidget(self.detail)
        if course.last_error and course.state == "partial":
            text.addWidget(muted(self.tr("Stopped: {0}").format(course.last_error), self))
        row.addLayout(text, 1)
        name = course.title or self.tr("Course {0}").format(course.course_id)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("Secondary")
        a11y.describe(self.open_button, self.tr("Open"), self.tr("Open “{0}”").format(name))
        self.open_button.clicked.connect(lambda: view.openCourse.emit(course.course_id))
        self.resume_button = QPushButton(self.tr("Resume"), self)
        a11y.describe(self.resume_button, self.tr("Resume"), self.tr("Finish downloading “{0}”").format(name))
        self.resume_button.clicked.connect(lambda: view.start_download(course.course_id, course.title))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("Secondary")
        a11y.describe(
            self.remove_button, self.tr("Remove"), self.tr("Delete the offline copy of “{0}”").format(name)
        )
        self.remove_button.clicked.connect(lambda: view.remove(course.course_id))
        self.resume_button.setVisible(course.state == "partial")
        for b in (self.open_button, self.resume_button, self.remove_button):
            row.addWidget(b)


class _ChangeRow(QFrame):
    def __init__(self, view: DownloadsView, entry: OutboxEntry) -> None:
        super().__init__(view)
        self.entry = entry
        row = QHBoxLayout(self)
        row.setContentsMargins(theme.SPACE_M, theme.SPACE_XS, theme.SPACE_M, theme.SPACE_XS)
        why = {
            "signed_out": self.tr("Sign in again to send this change."),
            "gone": self.tr("The course was deleted or unpublished."),
            "refused": self.tr("The server refused this change."),
            "server_error": self.tr("The server kept failing on this change; Retry sends it again."),
        }.get(entry.reason or "", "")
        text = QVBoxLayout()
        text.addWidget(QLabel(entry.describe(), self))
        text.addWidget(muted(f"{why} {entry.last_error or ''}".strip(), self))
        row.addLayout(text, 1)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setObjectName("Secondary")
        a11y.describe(
            self.retry_button,
            self.tr("Retry"),
            self.tr("Send this change again: {0}").format(entry.describe()),
        )
        self.retry_button.clicked.connect(lambda: view.retry_change(entry.seq))
        self.discard_button = QPushButton(self.tr("Discard"), self)
        self.discard_button.setObjectName("Secondary")
        a11y.describe(
            self.discard_button,
            self.tr("Discard"),
            self.tr("Forget this change: {0}").format(entry.describe()),
        )
        self.discard_button.clicked.connect(lambda: view.discard_change(entry.seq))
        row.addWidget(self.retry_button)
        row.addWidget(self.discard_button)


class DownloadsView(QWidget):
    """The Downloads screen (see the module docstring)."""

    openCourse = Signal(int)
    #: (course id, state) whenever a course's offline state changes: "downloading", "complete",
    #: "partial", "removed", "failed"
    courseStateChanged = Signal(int, str)
    message = Signal(str)
    progressed = Signal(object)  # DownloadProgress

    def __init__(self, client: OfflineLmsClient, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.runner = runner
        self._queue: deque[tuple[int, str]] = deque()
        self._current: tuple[int, str] | None = None
        self._cancel: asyncio.Event | None = None
        self._stale = True
        self._build()
        self.progressed.connect(self._show_progress)
        stop = client.downloads.on_change(self._schedule_reload)
        stop_status = client.on_status_changed(lambda _s: self._schedule_reload())
        self.destroyed.connect(lambda *_: (stop(), stop_status()))
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        self.reload()

    # ---- construction --------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.SPACE_XL, theme.SPACE_L, theme.SPACE_XL, theme.SPACE_L)
        outer.setSpacing(theme.SPACE_M)
        outer.addWidget(heading(self.tr("Downloads"), parent=self))
        self.summary = muted(parent=self)
        outer.addWidget(self.summary)

        self.progress_box = QFrame(self)
        box = QHBoxLayout(self.progress_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel(self.progress_box)
        self.progress_bar = QProgressBar(self.progress_box)
        self.progress_bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self.progress_box)
        self.cancel_button.setObjectName("Secondary")
        a11y.describe(
            self.cancel_button, self.tr("Cancel download"), self.tr("Stop the download; resume it later")
        )
        a11y.describe(self.progress_bar, self.tr("Download progress"))
        self.cancel_button.clicked.connect(self.cancel_download)
        box.addWidget(self.progress_label, 1)
        box.addWidget(self.progress_bar, 2)
        box.addWidget(self.cancel_button)
        self.progress_box.setVisible(False)
        outer.addWidget(self.progress_box)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        self.rows = QVBoxLayout(body)
        self.rows.setContentsMargins(0, 0, theme.SPACE_S, theme.SPACE_L)
        self.rows.setSpacing(theme.SPACE_S)
        self.empty = muted(
            self.tr(
                "No courses are kept for offline use yet. Open a course and choose “Make available offline”."
            ),
            body,
        )
        self.rows.addWidget(self.empty)
        self.changes_title = heading(self.tr("Changes waiting for the server"), "SectionTitle", body)
        self.changes_summary = muted(parent=body)
        self.changes = QVBoxLayout()
        self.changes.setSpacing(theme.SPACE_XS)
        self.course_rows = QVBoxLayout()
        self.course_rows.setSpacing(theme.SPACE_S)
        self.rows.addLayout(self.course_rows)
        self.rows.addSpacing(theme.SPACE_L)
        self.rows.addWidget(self.changes_title)
        self.rows.addWidget(self.changes_summary)
        self.rows.addLayout(self.changes)
        self.rows.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

    # ---- state -----------------------------------------------------------------------------------

    @property
    def downloading(self) -> int | None:
        return self._current[0] if self._current else None

    def state_of(self, course_id: int) -> str:
        """ "downloading", "queued", "complete", "partial", "gone" or "none" (for OfflineButton)."""
        if self.downloading == course_id:
            return "downloading"
        if any(cid == course_id for cid, _ in self._queue):
            return "queued"
        course = self.client.downloads.get(course_id)
        return course.state if course is not None else "none"

    def _schedule_reload(self) -> None:
        """Rebuild soon if on screen; otherwise when next shown (progress ticks must not rebuild a hidden
        list)."""
        if self.isVisible():
            self._reload_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        """Rebuild the lists from the manifest and the outbox (cheap: local SQLite reads)."""
        self._stale = False
        for layout in (self.course_rows, self.changes):
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()  # gone from the screen now, destroyed on the next turn of the loop
                    widget.deleteLater()
        courses = self.client.downloads.courses()
        for course in courses:
            self.course_rows.addWidget(_CourseRow(self, course))
        self.empty.setVisible(not courses)
        total = sum(c.size_bytes for c in courses)
        self.summary.setText(
            plural(self.tr("%n course(s) kept for offline use, {0}", "", len(courses)), len(courses)).format(
                size_text(total)
            )
            if courses
            else self.tr("Keep courses on this computer to read them without a network.")
        )
        attention = self.client.attention_changes()
        for entry in attention:
            self.changes.addWidget(_ChangeRow(self, entry))
        status = self.client.offline_status()
        self.changes_title.setVisible(bool(attention) or status.pending > 0)
        self.changes_summary.setVisible(bool(attention) or status.pending > 0)
        self.changes_summary.setText(
            status_text(status)
            + (
                self.tr(" — they are sent automatically when the server is reachable.")
                if status.pending
                else ""
            )
        )

    def course_rows_widgets(self) -> list[_CourseRow]:
        out = []
        for i in range(self.course_rows.count()):
            item = self.course_rows.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, _CourseRow):
                out.append(widget)
        return out

    def change_rows_widgets(self) -> list[_ChangeRow]:
        out = []
        for i in range(self.changes.count()):
            item = self.changes.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, _ChangeRow):
                out.append(widget)
        return out

    # ---- downloading -----------------------------------------------------------------------------

    def start_download(self, course_id: int, title: str = "") -> None:
        """Download (or resume) a course; queued behind the one running."""
        if self.downloading == course_id or any(cid == course_id for cid, _ in self._queue):
            return
        self._queue.append((course_id, title))
        self.courseStateChanged.emit(course_id, "queued" if self._current else "downloading")
        self._next()

    def _next(self) -> None:
        if self._current is not None or not self._queue:
            return
        self._current = self._queue.popleft()
        course_id, title = self._current
        self._cancel = asyncio.Event()
        self.progress_label.setText(
            self.tr("Downloading “{0}”…").format(title)
            if title
            else self.tr("Downloading course {0}…").format(course_id)
        )
        self.progress_bar.setRange(0, 0)  # busy until the first numbers arrive
        self.progress_box.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.courseStateChanged.emit(course_id, "downloading")
        self.runner.run(
            self.client.downloads.download(course_id, progress=self.progressed.emit, cancel=self._cancel),
            owner=self,
            key=f"download:{course_id}",
            done=lambda _c: self._finished(course_id, "complete", None),
            error=lambda exc: self._finished(course_id, "partial", exc),
        )

    def _show_progress(self, p: DownloadProgress) -> None:
        if self._current is None or p.course_id != self._current[0]:
            return
        self.progress_bar.setRange(0, max(p.total, 1))
        self.progress_bar.setValue(p.done)
        self.progress_bar.setFormat(f"{p.done} of {p.total} · {size_text(p.bytes)}")

    def cancel_download(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def _finished(self, course_id: int, state: str, exc: BaseException | None) -> None:
        self._current = None
        self._cancel = None
        self.progress_box.setVisible(False)
        if exc is not None and not isinstance(exc, DownloadCancelled):
            log.info("download of course %s failed: %r", course_id, exc)
            reason = str(getattr(exc, "detail", None) or exc).strip().rstrip(".")
            self.message.emit(self.tr("Download stopped: {0}. Resume it any time.").format(reason))
        elif exc is None:
            self.message.emit(self.tr("Course available offline."))
        self.courseStateChanged.emit(
            course_id, state if exc is None or self.client.downloads.get(course_id) else "none"
        )
        self.reload()
        self._next()

    def remove(self, course_id: int) -> None:
        if self.downloading == course_id:
            self.cancel_download()
            self.runner.cancel_key(self, f"download:{course_id}")
            self._current = None
            self.progress_box.setVisible(False)
        self._queue = deque((c, t) for c, t in self._queue if c != course_id)
        self.client.downloads.remove(course_id)
        self.courseStateChanged.emit(course_id, "removed")
        self.reload()
        self._next()

    # ---- the learner's changes -------------------------------------------------------------------

    def retry_change(self, seq: int) -> None:
        self.client.retry_change(seq)
        self.reload()

    def discard_change(self, seq: int) -> None:
        self.client.discard_change(seq)
        self.reload()


class OfflineButton(QPushButton):
    """ "Make available offline" on the course page; follows the course's download state."""

    def __init__(
        self,
        downloads: DownloadsView,
        parent: QWidget | None = None,
        *,
        title: Callable[[], str] | None = None,
    ) -> None:
        """`title`: asked at click time when the course's title was not known at `set_course` (the
        course page loads its meta after it is shown)."""
        super().__init__(self.tr("Make available offline"), parent)
        self.setObjectName("Secondary")
        self.setAccessibleName(self.tr("Make available offline"))
        self._downloads = downloads
        self._title = title
        self._course: tuple[int, str] | None = None
        self.clicked.connect(self._clicked)
        downloads.courseStateChanged.connect(self._on_state)
        downloads.progressed.connect(self._on_progress)
        self.setVisible(False)

    def set_course(self, course_id: int, title: str = "", *, loaded: bool = True) -> None:
        """Follow `course_id`. Offered only for a course whose page loaded (`loaded`) or that is already
        kept: a course that is neither (offline, not in the cache) has nothing to download."""
        self._course = (course_id, title)
        state = self._downloads.state_of(course_id)
        self.setVisible(loaded or state != "none")
        self._show(state)

    def _show(self, state: str) -> None:
        text = {
            "downloading": self.tr("Downloading…"),
            "queued": self.tr("Waiting to download…"),
            "complete": self.tr("Available offline"),
            "gone": self.tr("Kept offline"),
            "partial": self.tr("Resume download"),
        }.get(state, self.tr("Make available offline"))
        self.setText(text)
        self.setAccessibleName(text)
        self.setEnabled(state in ("none", "partial", "removed"))
        why = self.tr("Keep this course on this computer to read it without a network")
        self.setToolTip(why if self.isEnabled() else "")
        self.setAccessibleDescription(
            why if self.isEnabled() else self.tr("This course is kept on this computer")
        )

    def _clicked(self) -> None:
        if self._course is not None:
            course_id, title = self._course
            if not title and self._title is not None:
                title = self._title()
            self._downloads.start_download(course_id, title)

    def _on_state(self, course_id: int, state: str) -> None:
        if self._course is not None and course_id == self._course[0]:
            self._show(self._downloads.state_of(course_id) if state == "removed" else state)

    def _on_progress(self, p: DownloadProgress) -> None:
        if self._course is not None and p.course_id == self._course[0] and p.total:
            self.setText(self.tr("Downloading… {0}%").format(int(100 * p.fraction)))


def install_offline(window: MainWindow, client: OfflineLmsClient) -> DownloadsView:
    """Wire offline learning into the main window through its public parts only: a "Downloads" entry in
    the sidebar, "Make available offline" next to the course page's buttons, the offline status (changes to
    sync, last sync, needs attention) in the status bar, and download messages as toasts."""
    view = DownloadsView(client, window.runner, window)
    window.add_nav_button(
        QCoreApplication.translate("Downloads", "Downloads"),
        view,
        QCoreApplication.translate("Downloads", "Courses kept for offline use, and changes waiting to sync"),
    )
    view.openCourse.connect(window.open_course)
    view.message.connect(window.show_message)

    def show_downloads() -> None:
        window.show_page(view)

    def reload_when_shown(_index: int) -> None:
        if window.stack.currentWidget() is view:
            view.reload()

    window.stack.currentChanged.connect(reload_when_shown)

    bridge = OfflineStatusBridge(client, view)
    label = OfflineStatusLabel(bridge, window.status)
    window.status.pending.setVisible(False)  # the outbox's count replaces the in-flight count
    window.status.addWidget(label)
    label.clicked.connect(show_downloads)
    if client.outbox.salvage is not None:  # said once the window is on screen (placed in its final size)
        text = salvage_text(client.outbox.salvage)
        QTimer.singleShot(0, window.toaster, lambda: window.show_message(text))

    course = window.course
    button = OfflineButton(
        view, course, title=lambda: course.detail.title if course.detail is not None else ""
    )
    course.add_button(button)

    def follow_course(_index: int = 0) -> None:
        if window.stack.currentWidget() is course and course.course_id is not None:
            loaded = course.detail is not None and course.detail.id == course.course_id
            title = course.detail.title if loaded and course.detail is not None else ""
            button.set_course(course.course_id, title, loaded=loaded)

    window.stack.currentChanged.connect(follow_course)
    course.loaded.connect(follow_course)
    course.courseChanged.connect(follow_course)
    follow_course()
    return view
