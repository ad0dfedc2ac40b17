"""Screenshots of every screen, light and dark, written to `screenshots/` at the repository root.

Anyone can look at them after a test run; the test also checks, where no text is drawn, that each theme's
colours really reached the window (fonts differ between machines, backgrounds do not).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from lms_desktop.client import LmsClient
from lms_desktop.ui import theme
from lms_desktop.ui.tasks import TaskRunner
from tests.fixtures.painting import painted
from tests.ui.conftest import open_window
from tests.ui.screens import settle

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
SIZE = (1280, 820)


def shoot(widget: QWidget, name: str) -> QImage:
    SHOTS.mkdir(exist_ok=True)
    image = widget.grab().toImage()
    assert image.save(str(SHOTS / f"{name}.png"))
    return image


def same(color: QColor, expected: QColor) -> bool:
    return all(abs(a - b) <= 3 for a, b in zip(color.getRgb()[:3], expected.getRgb()[:3], strict=True))


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_screenshots_of_every_screen(
    qtbot: QtBot, qapp: QApplication, demo_client: LmsClient, runner: TaskRunner, tmp_path: Path, mode: str
) -> None:
    t = theme.apply_theme(qapp, mode)  # type: ignore[arg-type]
    try:
        window = open_window(qtbot, demo_client, runner, tmp_path, size=SIZE)
        qtbot.waitUntil(lambda: window.learner.dashboard is not None, timeout=10_000)
        settle(qtbot, window)
        image = shoot(window, f"catalog-list-{mode}")
        # the empty sidebar below the navigation, and the window background between the cards
        sidebar_empty = window.nav_dashboard.mapTo(window, QPoint(20, 200))
        assert same(image.pixelColor(sidebar_empty), t.surface)
        view = window.catalog.view
        gap = view.viewport().mapTo(window, QPoint(view.viewport().width() // 2, 2))
        assert same(image.pixelColor(gap), t.window)

        window.catalog.set_mode("grid")
        settle(qtbot, window)
        shoot(window, f"catalog-grid-{mode}")
        window.catalog.set_mode("list")

        enrolled = [i for i in window.learner.dashboard.items if 0 < i.percent_complete < 100] or list(
            window.learner.dashboard.items
        )
        assert enrolled, "the demo learner has courses in progress"
        course_id = enrolled[0].course_id
        window.open_course(course_id)
        qtbot.waitUntil(
            lambda: window.course.detail is not None and window.course.content is not None, timeout=10_000
        )
        settle(qtbot, window)
        shoot(window, f"course-{mode}")
        assert window.course.continue_button.isVisibleTo(window)

        window.course.continue_button.click()
        qtbot.waitUntil(
            lambda: window.reader.section is not None and window.reader.content is not None, timeout=10_000
        )
        settle(qtbot, window)
        shoot(window, f"reader-{mode}")

        window.show_dashboard()
        qtbot.waitUntil(
            lambda: len(window.dashboard.row_widgets) == len(window.learner.dashboard.items), timeout=10_000
        )
        settle(qtbot, window)
        shoot(window, f"dashboard-{mode}")

        window.show_catalog()
        window.catalog.search.edit.setText("qqqzzzxxyy")
        window.catalog.search.emit_current()
        qtbot.waitUntil(lambda: window.model.status == "empty", timeout=10_000)
        painted(qtbot, window)
        shoot(window, f"catalog-empty-{mode}")
        assert window.catalog.view.overlay.isVisible()
        window.close()
    finally:
        theme.apply_theme(qapp, "light")
