"""Offline, a course page shows only what belongs to that course: never the previous course's rating, and
no download offered for a course that is not on this computer."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui.main_window import MainWindow
from lms_desktop.ui.offline_button import OfflineButton
from tests.ui.screens import app_window, course_enrolled  # noqa: F401 - the fixture


def test_an_uncached_course_offline_shows_nothing_of_the_previous_one(
    qtbot: QtBot,
    live_server: EmbeddedServer,
    app_window: MainWindow,  # noqa: F811 - the fixture
) -> None:
    window = app_window
    course_enrolled(window, qtbot)
    page = window.course
    assert page.detail is not None and page.detail.rating_count > 0
    assert page.avg_label.text() != "", "the loaded course shows its own rating line"
    button = next(iter(page.findChildren(OfflineButton)))
    assert not button.isHidden(), "a loaded course can be made available offline"
    first = page.detail.id
    other = next(
        c.id for row in range(window.model.rowCount()) if (c := window.model.course_at(row)) and c.id != first
    )
    live_server.stop()
    try:
        window.open_course(other + 1_000_000)  # a course this computer has never seen
        qtbot.waitUntil(lambda: page.error.isVisible(), timeout=15_000)
        assert page.title.text() == "Course unavailable"
        assert page.avg_label.text() == "" and page.avg_stars.value == 0 and page.my_stars.value == 0
        assert page.meta.text() == "" and page.outline.topLevelItemCount() == 0
        assert button.isHidden(), "no download offered for a course that is not here"
        assert not page.enroll_button.isVisible() and not page.progress_row.isVisible()
    finally:
        live_server.start()
