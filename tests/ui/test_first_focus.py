"""The app opens ready to search: the keyboard focus starts in the catalog's search box, so typing finds
courses at once (and a screen reader announces the box first)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lms_desktop.client import LmsClient
from lms_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import open_window


def test_focus_starts_in_the_search_box(
    qtbot: QtBot, learner_client: LmsClient, runner: TaskRunner, tmp_path: Path
) -> None:
    window = open_window(qtbot, learner_client, runner, tmp_path)
    try:
        edit = window.catalog.search.edit
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
        assert window.stack.currentWidget() is window.catalog
        qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=5_000)
        qtbot.keyClicks(QApplication.focusWidget(), "otter")
        assert edit.text() == "otter"  # typed straight into the box
    finally:
        window.close()
