"""What the status bar and screen readers say about offline work: sizes, sync times, the outbox's state.

* ``status_text`` and friends: the words, translated, with real plural forms (also for a waiting change).
* ``OfflineStatusBridge``: the client's status callbacks as a Qt signal (``statusChanged(OfflineStatus)``).
* ``OfflineStatusLabel``: a status-bar label (changes to sync, last sync, needs attention) that announces
  a finished sync and a change needing the learner; a click asks to show the Downloads screen.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from lms_desktop.client.offline.layer import OfflineLayer, OfflineStatus
from lms_desktop.client.offline.ops import AttemptOp, EnrollOp, RatingOp, UnenrollOp
from lms_desktop.client.offline.outbox import OutboxEntry
from lms_desktop.client.offline.outbox_repair import OutboxSalvage
from lms_desktop.ui import a11y, theme
from lms_desktop.ui.i18n import date_text, plural
from lms_desktop.ui.sections.formats import file_size

REFRESH_LABEL_MS = 30_000  # "synced 3 min ago" ages while the screen is open


def size_text(size: int) -> str:
    """Sizes as the file card and "Include videos" say them (one unit system on every screen)."""
    return file_size(size)


KIND_LABELS = {
    "pages": QT_TRANSLATE_NOOP("Downloads", "Pages"),
    "images": QT_TRANSLATE_NOOP("Downloads", "Images"),
    "files": QT_TRANSLATE_NOOP("Downloads", "Files"),
    "captions": QT_TRANSLATE_NOOP("Downloads", "Captions"),
    "videos": QT_TRANSLATE_NOOP("Downloads", "Videos"),
}


def kinds_text(sizes: dict[str, int]) -> str:
    """A downloaded course's bytes per kind ("Pages 40 KB · Images 2.1 MB · Videos 80 MB")."""

    def label(kind: str) -> str:
        known = KIND_LABELS.get(kind)
        return QCoreApplication.translate("Downloads", str(known)) if known is not None else kind

    return " · ".join(f"{label(k)} {size_text(n)}" for k, n in sizes.items() if n)


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


def change_text(entry: OutboxEntry) -> str:
    """One line for the learner: what a change waiting for the server is (the client's own words are
    English)."""
    what = entry.label or QCoreApplication.translate("Downloads", "course {0}").format(entry.course_id)
    op = entry.op
    if isinstance(op, EnrollOp):
        return QCoreApplication.translate("Downloads", "Enroll in {0}").format(what)
    if isinstance(op, UnenrollOp):
        return QCoreApplication.translate("Downloads", "Leave {0}").format(what)
    if isinstance(op, RatingOp):
        return QCoreApplication.translate("Downloads", "Rate {0}: {1} of 5").format(what, op.rating)
    if isinstance(op, AttemptOp):
        attempt = QCoreApplication.translate("Downloads", "Quiz attempt in section {0} of {1}")
        return attempt.format(op.section_id, what)
    if op.completed_at is not None:
        return QCoreApplication.translate("Downloads", "Section {0} of {1} completed").format(
            op.section_id, what
        )
    return QCoreApplication.translate("Downloads", "Progress in section {0} of {1}").format(
        op.section_id, what
    )


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
    """The offline layer's status callbacks (asyncio, on the UI thread under qasync) as a Qt signal."""

    statusChanged = Signal(object)  # OfflineStatus

    def __init__(self, offline: OfflineLayer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._offline = offline
        stop_status = offline.on_status_changed(self.statusChanged.emit)
        stop_online = offline.client.on_online_changed(
            lambda _online: self.statusChanged.emit(offline.offline_status())
        )
        self.destroyed.connect(lambda *_: (stop_status(), stop_online()))

    def current(self) -> OfflineStatus:
        return self._offline.offline_status()

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
