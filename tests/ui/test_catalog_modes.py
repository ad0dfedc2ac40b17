"""The List/Grid switch keeps the learner's place: the first course on screen stays on screen."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from lms_desktop.ui.main_window import MainWindow


def test_switching_list_and_grid_keeps_the_scroll_position(qtbot: QtBot, learner_window: MainWindow) -> None:
    window = learner_window
    view = window.catalog.view
    target = 60
    assert window.model.rowCount() > target + 20
    view.scrollTo(window.model.index(target), QAbstractItemView.ScrollHint.PositionAtTop)
    qtbot.waitUntil(lambda: view.visible_rows()[0] >= target - 1, timeout=5_000)
    for mode in ("grid", "list", "grid"):
        window.catalog.grid_button.click() if mode == "grid" else window.catalog.list_button.click()
        assert view.mode == mode
        qtbot.waitUntil(lambda: view.visible_rows()[0] <= target <= view.visible_rows()[1], timeout=5_000)
        assert window.catalog.grid_button.isChecked() == (mode == "grid")
        assert window.catalog.list_button.isChecked() == (mode == "list")
        assert window.commands.grid_mode.isChecked() == (mode == "grid")
