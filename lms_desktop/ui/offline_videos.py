""" "Include videos" beside "Make available offline": videos are opt-in per course because they are large,
so the choice shows their size first (found from the course's video sections, in the background)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from lms_desktop.client.offline.layer import OfflineLayer
from lms_desktop.ui.sections.formats import file_size
from lms_desktop.ui.tasks import TaskRunner


class VideoChoice(QCheckBox):
    def __init__(self, offline: OfflineLayer, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._offline = offline
        self._runner = runner
        self.course_id: int | None = None
        self.video_bytes: int | None = None
        self.setVisible(False)

    def set_course(self, course_id: int) -> None:
        if course_id == self.course_id:
            return
        self.course_id = course_id
        self.video_bytes = None
        self.setVisible(False)
        self.setChecked(
            self._offline.client.user is not None and self._offline.downloads.includes_videos(course_id)
        )
        self._runner.run(
            self._offline.downloads.video_bytes(course_id),
            owner=self,
            key="size",
            done=self._show_size,
            error=lambda _e: None,
        )

    def _show_size(self, size: int) -> None:
        self.video_bytes = size
        text = self.tr("Include videos (%1)").replace("%1", file_size(size))
        self.setText(text)
        self.setAccessibleName(text)
        self.setAccessibleDescription(self.tr("Keep the course's videos on this computer too"))
        self.setVisible(size > 0)

    def chosen(self) -> bool | None:
        """The learner's choice when the course has videos; None keeps an earlier choice."""
        return self.isChecked() if self.isVisible() else None
