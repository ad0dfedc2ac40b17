"""Keyboard: Tab reaches every control on every screen and each shows a visible focus ring (light and dark);
Enter presses the focused button, Esc goes back, one activation opens a card, the star rating is set from the
keyboard, and the menu's standard shortcuts work.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui import theme
from lms_desktop.ui.main_window import MainWindow
from tests.ui.screens import SCREENS, app_window, close_screen, focusable  # noqa: F401 - the fixture


def activate(qtbot: QtBot, root: QWidget) -> None:
    root.activateWindow()
    root.raise_()
    qtbot.waitUntil(root.isActiveWindow, timeout=2_000)


def tab_through(root: QWidget, rounds: int) -> list[QWidget]:
    """Press Tab `rounds` times from the focused widget; the widgets that had the focus, in order."""
    reached = []
    for _ in range(rounds):
        current = QApplication.focusWidget()
        assert current is not None, "the focus left the window"
        QTest.keyClick(current, Qt.Key.Key_Tab)
        QApplication.processEvents()
        if QApplication.focusWidget() is not None:
            reached.append(QApplication.focusWidget())
    return reached


def name(w: QWidget) -> str:
    return f"{type(w).__name__}({w.accessibleName() or getattr(w, 'text', lambda: '')()!r})"


def test_tab_reaches_every_control_on_every_screen(
    qtbot: QtBot,
    app_window: MainWindow,  # noqa: F811 - the fixture
) -> None:
    window = app_window
    missing: list[str] = []
    for screen in SCREENS:
        root = screen.open(window, qtbot)
        activate(qtbot, root)
        controls = focusable(root)
        assert controls, f"{screen.name}: nothing to focus"
        controls[0].setFocus(Qt.FocusReason.TabFocusReason)
        reached = {id(w) for w in tab_through(root, 2 * len(controls) + 4)}
        missing += [f"{screen.name}: {name(w)}" for w in controls if id(w) not in reached]
        close_screen(window, root)
    assert not missing, "not reached with Tab:\n" + "\n".join(missing)


def differs(a: QImage, b: QImage) -> bool:
    if a.size() != b.size():
        return True
    return any(a.pixel(x, y) != b.pixel(x, y) for y in range(a.height()) for x in range(0, a.width(), 1))


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_every_focusable_control_shows_a_focus_ring(
    qtbot: QtBot,
    qapp: QApplication,
    app_window: MainWindow,  # noqa: F811 - the fixture
    mode: str,
) -> None:
    window = app_window
    theme.apply_theme(qapp, mode)  # type: ignore[arg-type]
    invisible: list[str] = []
    try:
        for screen in SCREENS:
            root = screen.open(window, qtbot)
            activate(qtbot, root)
            for w in focusable(root):
                w.clearFocus()
                QApplication.processEvents()
                before = w.grab().toImage()
                w.setFocus(Qt.FocusReason.TabFocusReason)
                QApplication.processEvents()
                after = w.grab().toImage()
                if not w.hasFocus() or not differs(before, after):
                    invisible.append(f"{screen.name}: {name(w)}")
            close_screen(window, root)
    finally:
        theme.apply_theme(qapp, "light")
    assert not invisible, f"no visible focus ({mode}):\n" + "\n".join(invisible)
