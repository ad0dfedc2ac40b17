"""'Make available offline' on the course page: follows the course's download state (downloading, queued,
kept, partly downloaded) and is offered only for a course that is loaded or already kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QWidget

from lms_desktop.client.offline.downloads import DownloadProgress

if TYPE_CHECKING:
    from lms_desktop.ui.downloads_view import DownloadsView


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
        course page loads its meta after it is shown). `videos`: whether to keep the course's videos."""
        super().__init__(self.tr("Make available offline"), parent)
        self.setObjectName("Secondary")
        self.setAccessibleName(self.tr("Make available offline"))
        self._downloads = downloads
        self._title = title
        self._videos = videos
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
            videos = self._videos() if self._videos is not None else None
            self._downloads.start_download(course_id, title, videos=videos)

    def _on_state(self, course_id: int, state: str) -> None:
        if self._course is not None and course_id == self._course[0]:
            self._show(self._downloads.state_of(course_id) if state == "removed" else state)

    def _on_progress(self, p: DownloadProgress) -> None:
        if self._course is not None and p.course_id == self._course[0] and p.total:
            self.setText(self.tr("Downloading… {0}%").format(int(100 * p.fraction)))
