"""Settings against the real client and server: clear the cache, switch the theme, remember the server and
cache size for the next start, sign out (the token is revoked at the server)."""

from __future__ import annotations

import httpx
import shiboken6
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui import theme
from lms_desktop.ui.main_window import MainWindow
from lms_desktop.ui.settings_dialog import KEY_CACHE_MB, KEY_LANGUAGE, KEY_SERVER, KEY_THEME, SettingsDialog


def open_dialog(window: MainWindow) -> SettingsDialog:
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    return dialog


def test_settings_clear_cache_theme_and_next_start_values(
    qtbot: QtBot, qapp: QApplication, learner_window: MainWindow
) -> None:
    window = learner_window
    assert window.client.cache_stats().memory_items > 0
    dialog = open_dialog(window)
    assert "MB on disk" in dialog.usage.text()
    dialog.clear.click()
    assert window.client.cache_stats().memory_items == 0
    dialog.server.setText("http://lms.example.org:8000")
    dialog.cache_mb.setValue(800)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    try:
        dialog.accept()
        assert theme.current().dark
        assert window.settings.value(KEY_THEME) == "dark"
        assert window.settings.value(KEY_SERVER) == "http://lms.example.org:8000"
        assert int(window.settings.value(KEY_CACHE_MB)) == 800  # type: ignore[call-overload]
        assert window.settings.value(KEY_LANGUAGE) == "de"  # the next start is in German
    finally:
        theme.apply_theme(qapp, "light")


def test_sign_out_revokes_the_session_closes_settings_and_clears_every_screen(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow
) -> None:
    window = learner_window
    client = window.client
    token = (
        client.session.current.access_token if client.session.current else None
    )  # the bearer the server issued
    assert token
    first = window.model.course_at(0)
    assert first is not None
    window.learner.enroll(first.id, first.title)
    qtbot.waitUntil(lambda: window.learner.requests_in_flight == 0, timeout=10_000)
    window.learner.refresh_dashboard()
    qtbot.waitUntil(lambda: window.learner.is_enrolled(first.id) and window.learner.dashboard is not None)
    window.show_dashboard()
    qtbot.waitUntil(lambda: len(window.dashboard.row_widgets) == 1, timeout=10_000)
    window.open_course(first.id)
    qtbot.waitUntil(lambda: window.course.detail is not None, timeout=10_000)
    dialog = open_dialog(window)
    assert dialog.sign_out.isEnabled()
    with qtbot.waitSignal(window.signedOut, timeout=10_000):
        dialog.sign_out.click()
    assert client.user is None
    assert not shiboken6.isValid(dialog) or not dialog.isVisible(), "Settings closes before the sign-in"
    assert window.sidebar.account.text() == "Not signed in"
    me = httpx.get(f"{live_server.api_url}/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert me.status_code == 401
    # nothing of the previous learner on any screen
    assert window.stack.currentWidget() is window.signed_out_page
    assert window.model.rowCount() == 0
    assert window.learner.dashboard is None and not window.learner.progress
    qtbot.waitUntil(lambda: not window.dashboard.row_widgets)
    assert window.course.course_id is None and window.course.detail is None
    assert window.course.title.text() == "" and window.course.avg_label.text() == ""
    assert window.catalog.search.count.text() == ""
    assert not any(b.isEnabled() for b in window.sidebar.entries())
    window.commands.catalog.trigger()  # Ctrl+1 while signed out shows nothing of anyone
    assert window.stack.currentWidget() is window.signed_out_page
