"""Search as you type against the real server: one request per phrase, count shown, Ctrl+F and Esc."""

from __future__ import annotations

from urllib.parse import parse_qs

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui.main_window import MainWindow


def searches(server: EmbeddedServer) -> list[dict[str, list[str]]]:
    return [
        parse_qs(r.query)
        for r in list(server.request_log)
        if r.path.endswith("/courses") and r.method == "GET"
    ]


def test_typing_a_phrase_sends_exactly_one_request(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow
) -> None:
    window = learner_window
    edit = window.catalog.search.edit
    live_server.reset_log()
    window.focus_search()
    qtbot.keyClicks(edit, "python basics", delay=60)  # ~16 keys per second: brisk, normal typing
    qtbot.waitUntil(lambda: len(searches(live_server)) >= 1, timeout=5_000)
    # Once the answer is shown and the pause timer is idle, nothing more can be sent: no key was typed since.
    qtbot.waitUntil(
        lambda: window.model.status in ("ready", "empty") and not window.catalog.search._timer.isActive(),
        timeout=10_000,
    )
    sent = searches(live_server)
    assert [s.get("q") for s in sent] == [["python basics"]]
    assert window.model.query.q == "python basics"
    count = window.catalog.search.count.text()
    assert count.startswith(f"{window.model.total:,} course")


def test_filters_apply_at_once_and_escape_clears(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow
) -> None:
    window = learner_window
    search = window.catalog.search
    live_server.reset_log()
    search.difficulty.setCurrentIndex(search.difficulty.findData("advanced"))
    qtbot.waitUntil(lambda: window.model.query.difficulty == "advanced", timeout=2_000)
    qtbot.waitUntil(lambda: window.model.status in ("ready", "empty"), timeout=10_000)
    assert searches(live_server)[-1]["difficulty"] == ["advanced"]
    for row in range(min(window.model.rowCount(), 20)):
        course = window.model.course_at(row)
        assert course is not None and course.difficulty == "advanced"

    window.catalog.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is search.edit
    qtbot.keyClicks(search.edit, "data")
    qtbot.waitUntil(lambda: window.model.query.q == "data", timeout=3_000)
    qtbot.keyClick(search.edit, Qt.Key.Key_Escape)
    assert search.edit.text() == ""
    qtbot.waitUntil(lambda: window.model.query.q == "", timeout=3_000)
