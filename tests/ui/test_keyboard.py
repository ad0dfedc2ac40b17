"""Keyboard: Tab reaches every control on every screen and each shows a visible focus ring (light and dark);
Enter presses the focused button, Esc goes back, one activation opens a card, the star rating is set from the
keyboard, and the menu's standard shortcuts work.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget
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


def tab_stop(w: QWidget) -> object:
    """What Tab stops at: a widget, or once for a group of radio buttons (arrows move inside it)."""
    if isinstance(w, QRadioButton) and w.autoExclusive():
        group = w.group()
        return ("radio group", id(group)) if group is not None else ("radios of", id(w.parentWidget()))
    return id(w)


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
        if not controls:  # a progress dialog without buttons: nothing to reach
            close_screen(window, root)
            continue
        controls[0].setFocus(Qt.FocusReason.TabFocusReason)
        reached = {tab_stop(w) for w in tab_through(root, 2 * len(controls) + 4)}
        missing += [f"{screen.name}: {name(w)}" for w in controls if tab_stop(w) not in reached]
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


def test_enter_esc_stars_and_single_activation_without_a_mouse(
    qtbot: QtBot, learner_window: MainWindow
) -> None:
    window = learner_window
    activate(qtbot, window)
    # tabbing into the catalog shows a current card at once; Enter opens it
    view = window.catalog.view
    window.catalog.search.edit.setFocus()
    QTest.keyClick(window.catalog.search.edit, Qt.Key.Key_Tab)
    while QApplication.focusWidget() is not view:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert view.currentIndex().isValid() and view.currentIndex().row() == 0
    first = window.model.course_at(0)
    assert first is not None
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.course and window.course.course_id == first.id
    qtbot.waitUntil(lambda: window.course.detail is not None, timeout=10_000)
    # Enter presses the focused button
    window.course.enroll_button.setFocus()
    QTest.keyClick(window.course.enroll_button, Qt.Key.Key_Return)
    assert window.learner.is_enrolled(first.id)
    qtbot.waitUntil(lambda: window.learner.pending_changes == 0, timeout=10_000)
    # the star rating is reached and set from the keyboard: arrows choose, Enter rates; 1-5 rate at once
    stars = window.course.my_stars
    qtbot.waitUntil(stars.isVisible)
    stars.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(3):
        QTest.keyClick(stars, Qt.Key.Key_Right)
    assert "3 of 5" in stars.accessibleDescription()
    with qtbot.waitSignal(window.learner.ratingConfirmed, timeout=10_000) as confirmed:
        QTest.keyClick(stars, Qt.Key.Key_Return)
    assert confirmed.args is not None and confirmed.args[1].rating == 3
    with qtbot.waitSignal(window.learner.ratingConfirmed, timeout=10_000) as confirmed:
        QTest.keyClick(stars, Qt.Key.Key_5)
    assert confirmed.args is not None and confirmed.args[1].rating == 5
    assert stars.value == 5 and "5 of 5" in stars.accessibleDescription()
    # Esc goes back to where the course was opened
    QTest.keyClick(stars, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.catalog
    # My learning: one click on a card, or Enter on it, opens the course
    window.show_dashboard()
    qtbot.waitUntil(lambda: len(window.dashboard.row_widgets) == 1, timeout=10_000)
    row = window.dashboard.row_widgets[0]
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.course and window.course.course_id == first.id
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.dashboard
    qtbot.waitUntil(lambda: len(window.dashboard.row_widgets) == 1, timeout=10_000)
    row = window.dashboard.row_widgets[0]
    row.setFocus()
    QTest.keyClick(row, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.course


def test_menu_shortcuts_work(qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow) -> None:
    from lms_desktop.ui.about import ShortcutsDialog

    window = learner_window
    activate(qtbot, window)
    names = {
        action.text().replace("&", "")
        for top in window.menuBar().actions()
        if top.menu() is not None
        for action in top.menu().actions()
    }
    expected = {"Quit", "Find courses", "Settings…", "Back", "Refresh", "Zoom in", "Zoom out"}
    assert expected | {"Keyboard shortcuts", "About LMS Desktop", "Open log folder"} <= names
    window.show_dashboard()
    QTest.keySequence(window, window.commands.find.shortcut())
    assert window.stack.currentWidget() is window.catalog and window.catalog.search.edit.hasFocus()
    # Refresh reads the listing again from the server
    before = live_server.count("/api/v1/courses")
    QTest.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: live_server.count("/api/v1/courses") > before, timeout=10_000)
    qtbot.waitUntil(lambda: window.model.status == "ready", timeout=10_000)
    # zoom in and back, keyboard help, quit
    QTest.keySequence(window, window.commands.zoom_in.shortcut())
    assert abs(theme.text_scale() - 1.1) < 1e-6
    QTest.keySequence(window, window.commands.zoom_reset.shortcut())
    assert theme.text_scale() == 1.0
    QTest.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ShortcutsDialog)), timeout=2_000)
    dialog = next(d for d in window.findChildren(ShortcutsDialog) if d.isVisible())
    listed = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert {"Quit", "Refresh", "Back"} <= listed
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible() if shiboken6.isValid(dialog) else True)
    with qtbot.waitSignal(window.closed, timeout=5_000):
        QTest.keySequence(window, window.commands.quit.shortcut())
