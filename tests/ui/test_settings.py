"""Settings against the real client and server: clear the cache, switch the theme, remember the server and
cache size for the next start, sign out (the token is revoked at the server)."""

from __future__ import annotations

import httpx
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui import theme
from lms_desktop.ui.main_window import MainWindow
from lms_desktop.ui.settings_dialog import KEY_CACHE_MB, KEY_SERVER, KEY_THEME, SettingsDialog


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
    try:
        dialog.accept()
        assert theme.current().dark
        assert window.settings.value(KEY_THEME) == "dark"
        assert window.settings.value(KEY_SERVER) == "http://lms.example.org:8000"
        assert int(window.settings.value(KEY_CACHE_MB)) == 800  # type: ignore[call-overload]
    finally:
        theme.apply_theme(qapp, "light")


def test_sign_out_revokes_the_session(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow
) -> None:
    window = learner_window
    client = window.client
    token = client._session.access_token if client._session else None  # the bearer the server issued
    assert token
    dialog = open_dialog(window)
    assert dialog.sign_out.isEnabled()
    with qtbot.waitSignal(window.signedOut, timeout=10_000):
        dialog.sign_out.click()
    assert client.user is None
    assert window.status.account.text() == "Not signed in"
    me = httpx.get(f"{live_server.api_url}/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert me.status_code == 401
    dialog.reject()
