"""The UI thread never waits on the network: a slowed server and a stopped server leave the window live."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui.main_window import MainWindow

SERVER_DELAY_S = 2.0


class Heartbeat:
    """A 10 ms timer on the UI thread; the longest gap between ticks is how long the thread was busy."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.ticks.append(time.monotonic())

    def __enter__(self) -> Heartbeat:
        self.timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.timer.stop()

    @property
    def longest_gap(self) -> float:
        return max((b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)), default=float("inf"))


def searched(server: EmbeddedServer, q: str) -> bool:
    """The server has received the search for `q` (it holds its answer for its delay)."""
    return any(r.path.endswith("/courses") and f"q={q}" in r.query for r in list(server.request_log))


def test_window_stays_responsive_while_the_server_is_slow(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow
) -> None:
    window = learner_window
    live_server.set_delay(SERVER_DELAY_S)
    try:
        with Heartbeat() as beat:
            window.catalog.search.edit.setText("testing")
            window.catalog.search.emit_current()
            first = window.model.course_at(0)
            assert first is not None
            window.open_course(first.id + 1)  # an uncached course: its requests wait on the server too
            window.nav_dashboard.click()  # navigation answers at once
            assert window.stack.currentWidget() is window.dashboard
            qtbot.waitUntil(lambda: searched(live_server, "testing"), timeout=5_000)
            assert window.model.status == "loading", "the search must still be waiting on the server"
            qtbot.waitUntil(lambda: window.model.status in ("ready", "empty"), timeout=10_000)
        # A UI thread blocked on the request would show a gap of about SERVER_DELAY_S.
        assert beat.longest_gap < SERVER_DELAY_S / 4, f"UI thread stalled for {beat.longest_gap:.2f}s"
    finally:
        live_server.set_delay(0.0)
    assert window.model.query.q == "testing"


def test_a_stopped_server_means_offline_not_a_frozen_window(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow
) -> None:
    window = learner_window
    assert window.status.online
    live_server.stop()
    try:
        with Heartbeat() as beat:
            window.catalog.search.edit.setText("nothing cached for this")
            window.catalog.search.emit_current()
            qtbot.waitUntil(lambda: window.model.status == "error", timeout=15_000)
        assert beat.longest_gap < 0.5, f"UI thread stalled for {beat.longest_gap:.2f}s"
        assert window.catalog.view.overlay.isVisible()
        assert window.catalog.view.overlay.button.isVisibleTo(window)  # Retry
        qtbot.waitUntil(lambda: not window.status.online, timeout=5_000)
        assert "Offline" in window.status.connection.text()
    finally:
        live_server.start()  # same port: the shared server is back for the next test
    window.catalog.view.overlay.button.click()  # Retry
    qtbot.waitUntil(lambda: window.model.status in ("ready", "empty"), timeout=15_000)
    qtbot.waitUntil(lambda: window.status.online, timeout=15_000)
    overlay = window.catalog.view.overlay
    if window.model.status == "empty":  # the phrase matches nothing: the empty state replaces the error
        assert overlay.title.text() == "No courses found" and not overlay.button.isVisibleTo(window)
    else:
        assert not overlay.isVisible()
