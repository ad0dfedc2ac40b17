"""The course page shows an average only with enough votes: one 5-star vote is no evidence of quality."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from lms_desktop.contract import MIN_RATINGS_SHOWN
from lms_desktop.ui.main_window import MainWindow
from tests.ui.screens import app_window, course_enrolled  # noqa: F401 - the fixture


def test_an_average_shows_only_with_enough_votes(
    qtbot: QtBot,
    app_window: MainWindow,  # noqa: F811 - the fixture
) -> None:
    window = app_window
    course_enrolled(window, qtbot)
    page = window.course
    page._show_average(5.0, 1)
    assert page.avg_label.text() == "1 rating so far"
    assert page.avg_stars.value == 0
    page._show_average(4.8, MIN_RATINGS_SHOWN - 1)
    assert "4.8" not in page.avg_label.text() and page.avg_stars.value == 0
    page._show_average(4.75, 8)
    assert page.avg_label.text() == "4.8 (8 ratings)"
    assert page.avg_stars.value == 4.75
    page._show_average(None, 0)
    assert page.avg_label.text() == "No ratings yet"
