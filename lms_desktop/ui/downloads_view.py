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
    QBoxLayout,
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
from lms_desktop.ui import theme
from lms_desktop.ui.offline_videos import VideoChoice
from lms_desktop.ui.tasks import TaskRunner
from lms_desktop.ui.widgets import heading, muted

if TYPE_CHECKING:
    from lms_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

REFRESH_LABEL_MS = 30_000  # "synced 3 min ago" ages while the screen is open


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024**2:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024**2:.1f} MB"


KIND_LABELS = {
    "pages": "Pages",
    "images": "Images",
    "files": "Files",
    "captions": "Captions",
    "videos": "Videos",
}


def kinds_text(sizes: dict[str, int]) -> str:
    """A downloaded course's bytes per kind ("Pages 40 KB · Images 2.1 MB · Videos 80 MB")."""
    return " · ".join(f"{KIND_LABELS.get(k, k)} {size_text(n)}" for k, n in sizes.items() if n)


def since_text(when: datetime | None, now: datetime | None = None) -> str:
    if when is None:
        return "never synced"
    seconds = max(0, int(((now or datetime.now(UTC)) - when).total_seconds()))
    if seconds < 60:
        return "synced just now"
    if seconds < 3600:
        return f"synced {seconds // 60} min ago"
    if seconds < 86400:
        return f"synced {seconds // 3600} h ago"
    return f"synced on {when.astimezone():%d %b %Y}"


def status_text(status: OfflineStatus, now: datetime | None = None) -> str:
    """One line for the status bar."""
    parts: list[str] = []
    if status.needs_attention:
        n = status.needs_attention
        parts.append(f"⚠ {n} change{'s' * (n != 1)} need{'s' * (n == 1)} attention")
    if status.syncing:
        parts.append("Syncing…")
    elif status.pending:
        n = status.pending
        parts.append(f"{n} change{'s' * (n != 1)} waiting to sync")
    if not parts:
        parts.append("All changes synced")
    if status.last_sync is not None:
        parts.append(since_text(status.last_sync, now).replace("synced", "last sync", 1))
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
        self._status = status
        text = status_text(status)
        if status.needs_attention:
            self.setText(f"<span style='color:{theme.current().warning.name()}'>{text}</span>")
        else:
            self.setText(text)
        self.setToolTip(
            (f"Last problem: {status.last_error}\n" if status.last_error else "")
            + "Changes made offline are kept on this computer and sent when the server is back."
        )

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
        title = QLabel(course.title or f"Course {course.course_id}", self)
        title.setObjectName("CardTitle")
        text.addWidget(title)
        state = {
            "complete": "Available offline",
            "partial": f"Partly downloaded ({course.items} of {course.total_items or '?'} items)",
            "gone": "No longer on the server: this copy stays until you remove it",
        }[course.state]
        self.detail = muted(
            f"{state} · {size_text(course.size_bytes)} · {since_text(course.last_sync)}", self
        )
        text.addWidget(self.detail)
        self.kinds = muted(kinds_text(view.client.downloads.sizes_by_kind(course.course_id)), self)
        self.kinds.setAccessibleName(self.kinds.text())
        text.addWidget(self.kinds)
        if course.last_error and course.state == "partial":
            text.addWidget(muted(f"Stopped: {course.last_error}", self))
        row.addLayout(text, 1)
        self.open_button = QPushButton("Open", self)
        self.open_button.setObjectName("Secondary")
        self.open_button.clicked.connect(lambda: view.openCourse.emit(course.course_id))
        self.resume_button = QPushButton("Resume", self)
        self.resume_button.clicked.connect(lambda: view.start_download(course.course_id, course.title))
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setObjectName("Secondary")
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
            "signed_out": "Sign in again to send this change.",
            "gone": "The course was deleted or unpublished.",
            "refused": "The server refused this change.",
            "server_error": "The server kept failing on this change; Retry sends it again.",
        }.get(entry.reason or "", "")
        text = QVBoxLayout()
        text.addWidget(QLabel(entry.describe(), self))
        text.addWidget(muted(f"{why} {entry.last_error or ''}".strip(), self))
        row.addLayout(text, 1)
        self.retry_button = QPushButton("Retry", self)
        self.retry_button.setObjectName("Secondary")
        self.retry_button.clicked.connect(lambda: view.retry_change(entry.seq))
        self.discard_button = QPushButton("Discard", self)
        self.discard_button.setObjectName("Secondary")
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
        self._videos: dict[
            int, bool
        ] = {}  # course id -> keep its videos (the learner chose on the course page)
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
        outer.addWidget(heading("Downloads", parent=self))
        self.summary = muted(parent=self)
        outer.addWidget(self.summary)

        self.progress_box = QFrame(self)
        box = QHBoxLayout(self.progress_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.progress_label = QLabel(self.progress_box)
        self.progress_bar = QProgressBar(self.progress_box)
        self.progress_bar.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel", self.progress_box)
        self.cancel_button.setObjectName("Secondary")
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
        body = QWidget()
        self.rows = QVBoxLayout(body)
        self.rows.setContentsMargins(0, 0, theme.SPACE_S, theme.SPACE_L)
        self.rows.setSpacing(theme.SPACE_S)
        self.empty = muted(
            "No courses are kept for offline use yet. Open a course and choose “Make available offline”.",
            body,
        )
        self.rows.addWidget(self.empty)
        self.changes_title = heading("Changes waiting for the server", "SectionTitle", body)
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
            f"{len(courses)} course{'s' * (len(courses) != 1)} kept for offline use, {size_text(total)}"
            if courses
            else "Keep courses on this computer to read them without a network."
        )
        attention = self.client.attention_changes()
        for entry in attention:
            self.changes.addWidget(_ChangeRow(self, entry))
        status = self.client.offline_status()
        self.changes_title.setVisible(bool(attention) or status.pending > 0)
        self.changes_summary.setVisible(bool(attention) or status.pending > 0)
        self.changes_summary.setText(
            status_text(status)
            + (" — they are sent automatically when the server is reachable." if status.pending else "")
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

    def start_download(self, course_id: int, title: str = "", *, videos: bool | None = None) -> None:
        """Download (or resume) a course; queued behind the one running. `videos`: keep its videos too
        (None: as chosen before)."""
        if videos is not None:
            self._videos[course_id] = videos
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
        self.progress_label.setText(f"Downloading {title or f'course {course_id}'}…")
        self.progress_bar.setRange(0, 0)  # busy until the first numbers arrive
        self.progress_box.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.courseStateChanged.emit(course_id, "downloading")
        self.runner.run(
            self.client.downloads.download(
                course_id,
                progress=self.progressed.emit,
                cancel=self._cancel,
                videos=self._videos.pop(course_id, None),
            ),
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
            self.progress_label.setText("Cancelling…")

    def _finished(self, course_id: int, state: str, exc: BaseException | None) -> None:
        self._current = None
        self._cancel = None
        self.progress_box.setVisible(False)
        if exc is not None and not isinstance(exc, DownloadCancelled):
            log.info("download of course %s failed: %r", course_id, exc)
            self.message.emit(f"Download stopped: {getattr(exc, 'detail', None) or exc}. Resume it any time.")
        elif exc is None:
            self.message.emit("Course available offline.")
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
        videos: Callable[[], bool | None] | None = None,
    ) -> None:
        """`title`: asked at click time when the course's title was not known at `set_course` (the
        course page loads its meta after it is shown)."""
        super().__init__("Make available offline", parent)
        self.setObjectName("Secondary")
        self._downloads = downloads
        self._title = title
        self._videos = videos
        self._course: tuple[int, str] | None = None
        self.clicked.connect(self._clicked)
        downloads.courseStateChanged.connect(self._on_state)
        downloads.progressed.connect(self._on_progress)
        self.setVisible(False)

    def set_course(self, course_id: int, title: str = "") -> None:
        self._course = (course_id, title)
        self.setVisible(True)
        self._show(self._downloads.state_of(course_id))

    def _show(self, state: str) -> None:
        text = {
            "downloading": "Downloading…",
            "queued": "Waiting to download…",
            "complete": "✓ Available offline",
            "gone": "✓ Kept offline",
            "partial": "Resume download",
        }.get(state, "Make available offline")
        self.setText(text)
        self.setEnabled(state in ("none", "partial", "removed"))
        self.setToolTip(
            "Keep this course on this computer to read it without a network" if self.isEnabled() else ""
        )

    def _clicked(self) -> None:
        if self._course is not None:
            course_id, title = self._course
            if not title and self._title is not None:
                title = self._title()
            videos = self._videos() if self._videos is not None else None
            self._downloads.start_download(course_id, title, videos=videos)

    def _on_state(self, course_id: int, state: str) -> None:
        if self._course is not None and course_id == self._course[0]:
            self._show(self._downloads.state_of(course_id) if state == "removed" else state)

    def _on_progress(self, p: DownloadProgress) -> None:
        if self._course is not None and p.course_id == self._course[0] and p.total:
            self.setText(f"Downloading… {int(100 * p.fraction)}%")


def _layout_holding(widget: QWidget) -> QBoxLayout | None:
    """The box layout `widget` sits in (searched below its parent's layout)."""
    parent = widget.parentWidget()
    stack = [parent.layout() if parent is not None else None]
    while stack:
        layout = stack.pop()
        if layout is None:
            continue
        if isinstance(layout, QBoxLayout) and layout.indexOf(widget) >= 0:
            return layout
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is not None and item.layout() is not None:
                stack.append(item.layout())
    return None


def install_offline(window: MainWindow, client: OfflineLmsClient) -> DownloadsView:
    """Wire offline learning into the main window through its public parts only: a "Downloads" entry in
    the sidebar, "Make available offline" next to the course page's buttons, the offline status (changes to
    sync, last sync, needs attention) in the status bar, and download messages as toasts."""
    view = DownloadsView(client, window.runner, window)
    nav = window.add_nav_button("Downloads", view)
    view.openCourse.connect(window.open_course)
    view.message.connect(window.toaster.show_message)

    def show_downloads() -> None:
        nav.setChecked(True)
        view.reload()
        window.stack.setCurrentWidget(view)

    nav.clicked.connect(view.reload)
    bridge = OfflineStatusBridge(client, view)
    label = OfflineStatusLabel(bridge, window.status)
    window.status.pending.setVisible(False)  # the outbox's count replaces the in-flight count
    window.status.addWidget(label)
    queued = lambda s: window.status.set_queued_changes(s.pending + s.needs_attention)  # noqa: E731
    bridge.statusChanged.connect(queued)
    queued(bridge.current())
    label.clicked.connect(show_downloads)
    if client.outbox.salvage is not None:  # said once the window is on screen (placed in its final size)
        text = salvage_text(client.outbox.salvage)
        QTimer.singleShot(0, window.toaster, lambda: window.toaster.show_message(text))

    course = window.course
    choice = VideoChoice(client, window.runner, course)
    button = OfflineButton(
        view,
        course,
        title=lambda: course.detail.title if course.detail is not None else "",
        videos=choice.chosen,
    )
    buttons = _layout_holding(course.unenroll_button)
    if buttons is not None:
        buttons.insertWidget(buttons.indexOf(course.unenroll_button) + 1, button)
        buttons.insertWidget(buttons.indexOf(button) + 1, choice)

    def follow_course(_index: int = 0) -> None:
        if window.stack.currentWidget() is course and course.course_id is not None:
            title = course.detail.title if course.detail is not None else ""
            button.set_course(course.course_id, title)
            choice.set_course(course.course_id)

    window.stack.currentChanged.connect(follow_course)
    follow_course()

    def badges(*_: object) -> None:
        ids = {c.course_id for c in client.downloads.courses() if c.complete}
        window.model.set_offline(ids)
        window.dashboard.set_offline(ids)

    view.courseStateChanged.connect(badges)
    window.learner.dashboardChanged.connect(badges)
    badges()
    return view
