"""Screen readers: every control on every screen has an accessible name (without decorative glyphs) and a
description; sidebar entries are buttons, not check boxes; course cards expose their facts through the
model's accessible roles; going offline and failures are announced.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from lms_desktop.contract import MIN_RATINGS_SHOWN
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui import a11y
from lms_desktop.ui.main_window import MainWindow
from tests.ui.screens import (
    GLYPHS,
    SCREENS,
    accessible_text,
    app_window,  # noqa: F401 - the fixture
    close_screen,
    dashboard,
    focusable,
)


def test_every_control_has_a_name_and_a_description(
    qtbot: QtBot,
    app_window: MainWindow,  # noqa: F811 - the fixture
) -> None:
    window = app_window
    problems: list[str] = []
    for screen in SCREENS:
        root = screen.open(window, qtbot)
        for w in focusable(root):
            label = f"{screen.name}: {type(w).__name__}"
            name = accessible_text(w, QAccessible.Text.Name)
            description = accessible_text(w, QAccessible.Text.Description)
            if not name.strip():
                problems.append(f"{label} has no accessible name")
            elif GLYPHS.search(name):
                problems.append(f"{label} name {name!r} holds a decorative glyph")
            if not description.strip():
                problems.append(f"{label} {name!r} has no accessible description")
        close_screen(window, root)
    assert not problems, "\n".join(problems)


def test_sidebar_entries_are_buttons_and_say_which_page_is_current(
    qtbot: QtBot,
    app_window: MainWindow,  # noqa: F811 - the fixture
) -> None:
    window = app_window
    window.show_dashboard()
    for button in window.sidebar.entries():
        interface = QAccessible.queryAccessibleInterface(button)
        assert interface is not None and interface.role() == QAccessible.Role.Button
    assert "current page" in window.nav_dashboard.accessibleDescription()
    assert "current page" not in window.nav_catalog.accessibleDescription()


def test_cards_expose_title_level_rating_enrollment_and_progress(
    qtbot: QtBot,
    app_window: MainWindow,  # noqa: F811 - the fixture
) -> None:
    window = app_window
    qtbot.waitUntil(lambda: window.learner.dashboard is not None, timeout=10_000)
    model = window.model
    enrolled_row = next(
        row
        for row in range(model.rowCount())
        if (c := model.course_at(row)) is not None and window.learner.is_enrolled(c.id)
    )
    other_row = next(
        row
        for row in range(model.rowCount())
        if (c := model.course_at(row)) is not None and not window.learner.is_enrolled(c.id)
    )
    for row in (enrolled_row, other_row):
        course = model.course_at(row)
        assert course is not None
        index = model.index(row)
        assert index.data(Qt.ItemDataRole.AccessibleTextRole) == course.title
        assert index.data(Qt.ItemDataRole.ToolTipRole) == course.title  # the full title, never cut
        description = index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
        assert course.difficulty.capitalize() in description
        assert ("Rated" in description) == (course.rating_count >= MIN_RATINGS_SHOWN)
        assert "learner" in description
    enrolled = model.index(enrolled_row).data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "Enrolled" in enrolled and ("% complete" in enrolled or "Completed" in enrolled)
    assert "Not enrolled" in model.index(other_row).data(Qt.ItemDataRole.AccessibleDescriptionRole)
    # My learning: each row says its course, progress and how to open it
    dashboard(window, qtbot)
    for row in window.dashboard.row_widgets:
        assert row.accessibleName() == row.item.title
        assert "complete" in row.accessibleDescription().lower()


def test_offline_and_back_online_are_announced(
    qtbot: QtBot,
    live_server: EmbeddedServer,
    app_window: MainWindow,  # noqa: F811 - the fixture
) -> None:
    window = app_window
    a11y.history.clear()
    live_server.stop()
    try:
        window.catalog.search.edit.setText("nothing cached for this phrase")
        window.catalog.search.emit_current()
        qtbot.waitUntil(lambda: not window.status.online, timeout=15_000)
        assert any(text.startswith("Offline") for text in a11y.history)
    finally:
        live_server.start()
    window.refresh()
    qtbot.waitUntil(lambda: window.status.online, timeout=15_000)
    assert a11y.history[-1] == "Back online" or "Back online" in a11y.history


def test_an_unhandled_background_failure_is_shown_with_copyable_details(
    qtbot: QtBot,
    app_window: MainWindow,  # noqa: F811 - the fixture
) -> None:
    from PySide6.QtGui import QGuiApplication

    from lms_desktop.ui.error_dialog import ErrorDialog

    window = app_window

    async def broken() -> None:
        raise ValueError("the answer had no 'items' field")

    window.runner.run(broken(), owner=window)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ErrorDialog)), timeout=5_000)
    dialog = next(d for d in window.findChildren(ErrorDialog) if d.isVisible())
    assert "no 'items' field" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()  # the short message; details are one click away
    dialog.copy_button.click()
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    copied = clipboard.text()
    assert "ValueError" in copied and "Traceback" in copied
    assert any("no 'items' field" in text for text in a11y.history)
    dialog.close()
