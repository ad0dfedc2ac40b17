"""Every screen and dialog of the app, reachable by name, for the tests that walk them all (layout, keyboard,
accessibility, screenshots).

A screen is a name and a function that brings it up in a running main window and returns the top-level
widget to inspect (the window itself, or a dialog). A new screen joins every walking test by adding one
entry to `SCREENS` (for example the quiz view: open a quiz section and return the window).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from lms_desktop.client import ClientConfig, MemoryTokenStore
from lms_desktop.client.offline.layer import offline_client
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui.main_window import MainWindow
from lms_desktop.ui.tasks import TaskRunner
from tests.fixtures.painting import painted
from tests.fixtures.servers import DEMO_PASSWORD, DEMO_USERNAME
from tests.ui.conftest import Run

SHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "screens"
DEFAULT = (1180, 780)
SMALLEST = (800, 600)

type Opener = Callable[[MainWindow, QtBot], QWidget]


@dataclass(frozen=True)
class Screen:
    name: str
    open: Opener


def settle(qtbot: QtBot, window: MainWindow) -> QImage:
    """Nothing loading, the visible covers decoded, layouts done and drawn; returns the settled picture."""
    painted(qtbot, window)  # a paint first: a new layout asks for its covers only when it is drawn
    qtbot.waitUntil(
        lambda: window.thumbnails.pending() == 0 and window.runner.active_count() <= 1, timeout=15_000
    )
    return painted(qtbot, window)


def _page(window: MainWindow, qtbot: QtBot) -> QWidget:
    settle(qtbot, window)
    return window


def _all_courses(window: MainWindow, qtbot: QtBot) -> None:
    if window.catalog.search.edit.text() or window.model.status != "ready":
        window.catalog.search.edit.clear()
        window.catalog.search.emit_current()
        qtbot.waitUntil(lambda: window.model.status == "ready", timeout=10_000)


def catalog_list(window: MainWindow, qtbot: QtBot) -> QWidget:
    _all_courses(window, qtbot)
    window.show_catalog()
    window.set_catalog_mode("list")
    return _page(window, qtbot)


def catalog_grid(window: MainWindow, qtbot: QtBot) -> QWidget:
    _all_courses(window, qtbot)
    window.show_catalog()
    window.set_catalog_mode("grid")
    return _page(window, qtbot)


def catalog_empty(window: MainWindow, qtbot: QtBot) -> QWidget:
    window.show_catalog()
    window.catalog.search.edit.setText("qqqzzzxxyy")
    window.catalog.search.emit_current()
    qtbot.waitUntil(lambda: window.model.status == "empty", timeout=10_000)
    return _page(window, qtbot)


def _demo_item(window: MainWindow, qtbot: QtBot, *, finished: bool = False) -> int:
    qtbot.waitUntil(lambda: window.learner.dashboard is not None, timeout=10_000)
    dashboard = window.learner.dashboard
    assert dashboard is not None and dashboard.items, "the demo learner has courses"
    items = [i for i in dashboard.items if (i.percent_complete >= 100) == finished] or list(dashboard.items)
    return items[0].course_id


def _open_course(window: MainWindow, qtbot: QtBot, course_id: int) -> QWidget:
    window.open_course(course_id)
    qtbot.waitUntil(
        lambda: window.course.detail is not None and window.course.content is not None, timeout=10_000
    )
    return _page(window, qtbot)


def course_enrolled(window: MainWindow, qtbot: QtBot) -> QWidget:
    return _open_course(window, qtbot, _demo_item(window, qtbot))


def course_not_enrolled(window: MainWindow, qtbot: QtBot) -> QWidget:
    _all_courses(window, qtbot)
    qtbot.waitUntil(lambda: window.learner.dashboard is not None, timeout=10_000)
    for row in range(window.model.rowCount()):
        course = window.model.course_at(row)
        if course is not None and not window.learner.is_enrolled(course.id):
            return _open_course(window, qtbot, course.id)
    raise AssertionError("every course on the first page is enrolled")


def reader(window: MainWindow, qtbot: QtBot) -> QWidget:
    course_enrolled(window, qtbot)
    window.course.continue_button.click()
    qtbot.waitUntil(lambda: window.reader.section is not None, timeout=10_000)
    return _page(window, qtbot)


def quiz(window: MainWindow, qtbot: QtBot) -> QWidget:
    """A quiz section in the reader (the quiz view takes the body's place)."""
    from tests.fixtures.quizzes import make_quiz

    server: EmbeddedServer = window.property("test_server")
    assert server.database is not None
    handle = make_quiz(server.database)
    window.open_section(handle.section_id, handle.course_id)
    view = window.reader.quiz
    qtbot.waitUntil(lambda: view.isVisible() and view.submit_button.isEnabled(), timeout=10_000)
    return _page(window, qtbot)


def dashboard(window: MainWindow, qtbot: QtBot) -> QWidget:
    window.show_dashboard()
    qtbot.waitUntil(lambda: window.learner.dashboard is not None, timeout=10_000)
    qtbot.waitUntil(lambda: len(window.dashboard.row_widgets) > 0, timeout=10_000)
    # the widest row a learner can have: its course downloaded, so it carries the offline badge too
    window.dashboard.set_offline({window.dashboard.row_widgets[0].item.course_id})
    return _page(window, qtbot)


def downloads(window: MainWindow, qtbot: QtBot) -> QWidget:
    page = next(w for w in window.sidebar.entries() if w.text() == "Downloads")
    page.click()
    return _page(window, qtbot)


def signed_out(window: MainWindow, qtbot: QtBot) -> QWidget:
    window.show_signed_out()
    return _page(window, qtbot)


def _dialog[D: QDialog](window: MainWindow, qtbot: QtBot, kind: type[D]) -> D:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(kind)), timeout=5_000)
    dialog = next(d for d in window.findChildren(kind) if d.isVisible())
    QApplication.processEvents()
    return dialog


def settings_dialog(window: MainWindow, qtbot: QtBot) -> QWidget:
    from lms_desktop.ui.settings_dialog import SettingsDialog

    window.open_settings()
    dialog = _dialog(window, qtbot, SettingsDialog)
    dialog.advanced_toggle.click()
    QApplication.processEvents()
    return dialog


def about_dialog(window: MainWindow, qtbot: QtBot) -> QWidget:
    from lms_desktop.ui.about import AboutDialog

    window.commands.about.trigger()
    return _dialog(window, qtbot, AboutDialog)


def shortcuts_dialog(window: MainWindow, qtbot: QtBot) -> QWidget:
    from lms_desktop.ui.about import ShortcutsDialog

    window.commands.shortcuts.trigger()
    return _dialog(window, qtbot, ShortcutsDialog)


def error_dialog(window: MainWindow, qtbot: QtBot) -> QWidget:
    from lms_desktop.ui.error_dialog import ErrorDialog

    window.show_error(
        "the server sent an answer this version cannot read", "Traceback (most recent call last):"
    )
    return _dialog(window, qtbot, ErrorDialog)


def sign_in_dialog(window: MainWindow, qtbot: QtBot) -> QWidget:
    from lms_desktop.ui.sign_in import SignInDialog

    dialog = SignInDialog(window.client, window.runner, "http://lms.example.org:8765", window)
    dialog.open()
    return _dialog(window, qtbot, SignInDialog)


def seed_progress(window: MainWindow, qtbot: QtBot) -> QWidget:
    """The first-run dialog while the demo catalog is generated (a window of its own)."""
    from lms_desktop.ui.startup import SeedProgress

    progress = SeedProgress()
    progress._show("sections", 37, 100)
    dialog = progress.dialog
    assert dialog is not None
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    dialog.setProperty("seed_progress", progress)  # keeps the reporter alive with its dialog
    return dialog


SCREENS: list[Screen] = [
    Screen("catalog-list", catalog_list),
    Screen("catalog-grid", catalog_grid),
    Screen("course-enrolled", course_enrolled),
    Screen("course-not-enrolled", course_not_enrolled),
    Screen("reader", reader),
    Screen("quiz", quiz),
    Screen("dashboard", dashboard),
    Screen("downloads", downloads),
    Screen("signed-out", signed_out),
    Screen("settings", settings_dialog),
    Screen("about", about_dialog),
    Screen("shortcuts", shortcuts_dialog),
    Screen("error", error_dialog),
    Screen("sign-in", sign_in_dialog),
    Screen("seed-progress", seed_progress),
    Screen("catalog-empty", catalog_empty),
]


def close_screen(window: MainWindow, root: QWidget) -> None:
    """Close a dialog the screen opened (the window stays for the next screen)."""
    if root is not window and shiboken6.isValid(root):
        root.close()
        root.deleteLater()
    QApplication.processEvents()


@pytest.fixture
def app_window(qtbot: QtBot, live_server: EmbeddedServer, tmp_path: Path, run: Run) -> Iterator[MainWindow]:
    """The window as the app builds it: the demo learner on the offline client, Downloads installed."""
    from lms_desktop.ui.offline_install import install_offline

    client = offline_client(
        ClientConfig(
            base_url=live_server.base_url,
            cache_dir=tmp_path / "cache",
            token_store=MemoryTokenStore(),
            timeout_s=10.0,
        ),
        offline_dir=tmp_path / "offline",
    )
    run(client.sign_in(DEMO_USERNAME, DEMO_PASSWORD))
    runner = TaskRunner()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(client, runner, settings, server_label="the built-in demo server")
    window.setProperty("test_server", live_server)  # screens that need data made for them (a quiz)
    qtbot.addWidget(window)
    install_offline(window, client.offline)
    window.resize(*DEFAULT)
    window.start()
    window.show()
    qtbot.waitUntil(lambda: window.model.status == "ready", timeout=10_000)
    try:
        yield window
    finally:
        window.close()
        QApplication.processEvents()
        run(runner.shutdown())
        run(client.aclose())


# ---- what the walking tests look at ------------------------------------------------------------------


def visible_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.isVisible() and w.window() is root]


def focusable(root: QWidget) -> list[QWidget]:
    """Controls a keyboard user must reach with Tab: visible, enabled, taking focus by Tab."""
    from PySide6.QtCore import Qt

    out = []
    for w in visible_widgets(root):
        if not w.isEnabled() or not (w.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if w.focusProxy() is not None:
            continue
        out.append(w)
    return out


GLYPHS = re.compile(
    r"[\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff\u25a0-\u25ff\u2605\u2606\u2713\u2714\u26a0\u25cf☰▦]"
)


def accessible_text(widget: QWidget, which: QAccessible.Text) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(which) if interface is not None else ""


def within_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def label_text(label: QLabel) -> str:
    return label.text() if not label.pixmap() or label.pixmap().isNull() else ""


def button_text(button: QAbstractButton) -> str:
    return button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
