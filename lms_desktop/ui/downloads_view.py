"""Downloads: courses kept for offline use, the download in progress, and changes waiting for the server.

Pieces the rest of the UI wires in (small and separate, so the main window only connects signals):

* ``DownloadsView``: the screen. Downloaded courses with size, state and last sync (Open / Resume / Remove),
  the running download with a progress bar and Cancel (more downloads queue behind it), and the learner's
  changes that need attention (signed out, course deleted, refused) with Retry / Discard.
* ``OfflineButton`` (``offline_button.py``): "Make available offline" for the course page.
* ``OfflineStatusBridge`` and ``OfflineStatusLabel`` (``offline_status.py``): the outbox's state in the status
  bar; clicking it opens the Downloads screen, where the changes are listed.
* ``install_offline``: wires all of it into the main window.

All client work runs through the shared ``TaskRunner`` (results on the UI thread, cancelled with the owner).
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
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
from lms_desktop.client.offline.layer import OfflineLayer
from lms_desktop.ui import a11y, theme
from lms_desktop.ui.downloads_rows import _ChangeRow, _CourseRow
from lms_desktop.ui.i18n import plural
from lms_desktop.ui.offline_status import (
    size_text,
    status_text,
)
from lms_desktop.ui.tasks import TaskRunner
from lms_desktop.ui.widgets import heading, muted

log = logging.getLogger(__name__)


class DownloadsView(QWidget):
    """The Downloads screen (see the module docstring)."""

    openCourse = Signal(int)
    #: (course id, state) whenever a course's offline state changes: "downloading", "complete",
    #: "partial", "removed", "failed"
    courseStateChanged = Signal(int, str)
    message = Signal(str)
    progressed = Signal(object)  # DownloadProgress

    def __init__(self, offline: OfflineLayer, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offline = offline
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
        stop = offline.downloads.on_change(self._schedule_reload)
        stop_status = offline.on_status_changed(lambda _s: self._schedule_reload())
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
        course = self.offline.downloads.get(course_id)
        return course.state if course is not None else "none"

    def _schedule_reload(self) -> None:
        """Rebuild soon if on screen; otherwise when next shown (progress ticks must not rebuild a hidden
        list)."""
        if self.isVisible():
            self._reload_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale or not event.spontaneous():  # each visit shows the lists as they are now
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
        courses = self.offline.downloads.courses()
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
        attention = self.offline.attention_changes()
        for entry in attention:
            self.changes.addWidget(_ChangeRow(self, entry))
        status = self.offline.offline_status()
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
            self.offline.downloads.download(
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
            course_id, state if exc is None or self.offline.downloads.get(course_id) else "none"
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
        self.offline.downloads.remove(course_id)
        self.courseStateChanged.emit(course_id, "removed")
        self.reload()
        self._next()

    # ---- the learner's changes -------------------------------------------------------------------

    def retry_change(self, seq: int) -> None:
        self.offline.retry_change(seq)
        self.reload()

    def discard_change(self, seq: int) -> None:
        self.offline.discard_change(seq)
        self.reload()
