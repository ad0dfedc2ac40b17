"""Offline learning wired into the main window through its public parts: the Downloads screen (a sidebar
entry and Go menu item; the window navigates to it), "Make available offline" beside the course page's
buttons, the outbox's state in the status bar (its link goes to Downloads through the window's one
navigation method), download messages as toasts, and "Available offline" badges."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer

from lms_desktop.client.offline.layer import OfflineLayer
from lms_desktop.ui.downloads_view import DownloadsView
from lms_desktop.ui.main_window import MainWindow
from lms_desktop.ui.offline_button import OfflineButton
from lms_desktop.ui.offline_status import OfflineStatusBridge, OfflineStatusLabel, salvage_text
from lms_desktop.ui.offline_videos import VideoChoice


def install_offline(window: MainWindow, offline: OfflineLayer) -> DownloadsView:
    """Offline learning in `window` (see the module docstring); the Downloads screen it added."""
    view = DownloadsView(offline, window.runner, window)
    window.add_downloads(
        view,
        QCoreApplication.translate("Downloads", "Downloads"),
        QCoreApplication.translate("Downloads", "Courses kept for offline use, and changes waiting to sync"),
    )
    view.openCourse.connect(window.open_course)
    view.message.connect(window.show_message)
    _status(window, offline, view)
    _course_buttons(window, offline, view)
    _badges(window, offline, view)
    return view


def _status(window: MainWindow, offline: OfflineLayer, view: DownloadsView) -> None:
    """The outbox's count and state in the status bar; its link opens Downloads."""
    bridge = OfflineStatusBridge(offline, view)
    label = OfflineStatusLabel(bridge, window.status)
    window.status.pending.setVisible(False)  # the outbox's count replaces the in-flight count
    window.status.addWidget(label)
    queued = lambda s: window.status.set_queued_changes(s.pending + s.needs_attention)  # noqa: E731
    bridge.statusChanged.connect(queued)
    queued(bridge.current())
    label.clicked.connect(window.show_downloads)
    if offline.outbox.salvage is not None:  # said once the window is on screen (placed in its final size)
        text = salvage_text(offline.outbox.salvage)
        QTimer.singleShot(0, window.toaster, lambda: window.show_message(text))


def _course_buttons(window: MainWindow, offline: OfflineLayer, view: DownloadsView) -> None:
    """ "Make available offline" and "Include videos" on the course page, following the course shown."""
    course = window.course
    choice = VideoChoice(offline, window.runner, course)
    button = OfflineButton(
        view,
        course,
        title=lambda: course.detail.title if course.detail is not None else "",
        videos=choice.chosen,
    )
    course.add_button(button)
    course.add_button(choice)

    def follow_course(_index: int = 0) -> None:
        if window.stack.currentWidget() is course and course.course_id is not None:
            loaded = course.detail is not None and course.detail.id == course.course_id
            title = course.detail.title if loaded and course.detail is not None else ""
            button.set_course(course.course_id, title, loaded=loaded)
            choice.set_course(course.course_id)

    window.stack.currentChanged.connect(follow_course)
    course.loaded.connect(follow_course)
    course.courseChanged.connect(follow_course)
    follow_course()


def _badges(window: MainWindow, offline: OfflineLayer, view: DownloadsView) -> None:
    """ "Available offline" on the catalog's cards and My learning's rows."""

    def badges(*_: object) -> None:
        ids = {c.course_id for c in offline.downloads.courses() if c.complete}
        window.model.set_offline(ids)
        window.dashboard.set_offline(ids)

    view.courseStateChanged.connect(badges)
    window.learner.dashboardChanged.connect(badges)
    badges()
