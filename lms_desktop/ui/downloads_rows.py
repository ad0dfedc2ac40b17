"""The Downloads screen's rows: a course kept offline (Open / Resume / Remove) and a change that needs the
learner (Retry / Discard). The screen (``downloads_view.DownloadsView``) builds and connects them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from lms_desktop.client.offline.manifest import DownloadedCourse
from lms_desktop.client.offline.outbox import OutboxEntry
from lms_desktop.ui import a11y, theme
from lms_desktop.ui.offline_status import change_text, kinds_text, since_text, size_text
from lms_desktop.ui.widgets import muted

if TYPE_CHECKING:
    from lms_desktop.ui.downloads_view import DownloadsView


class _CourseRow(QFrame):  # the name is the translation context of its strings
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
        self.kinds = muted(kinds_text(view.offline.downloads.sizes_by_kind(course.course_id)), self)
        self.kinds.setAccessibleName(self.kinds.text())
        text.addWidget(self.kinds)
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
        text.addWidget(QLabel(change_text(entry), self))
        text.addWidget(muted(f"{why} {entry.last_error or ''}".strip(), self))
        row.addLayout(text, 1)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setObjectName("Secondary")
        a11y.describe(
            self.retry_button,
            self.tr("Retry"),
            self.tr("Send this change again: {0}").format(change_text(entry)),
        )
        self.retry_button.clicked.connect(lambda: view.retry_change(entry.seq))
        self.discard_button = QPushButton(self.tr("Discard"), self)
        self.discard_button.setObjectName("Secondary")
        a11y.describe(
            self.discard_button,
            self.tr("Discard"),
            self.tr("Forget this change: {0}").format(change_text(entry)),
        )
        self.discard_button.clicked.connect(lambda: view.discard_change(entry.seq))
        row.addWidget(self.retry_button)
        row.addWidget(self.discard_button)
