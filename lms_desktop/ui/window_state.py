"""What the main window remembers between runs: its size, position and screen, and the page it showed
("catalog", "dashboard", "course:12", "reader:7:12"), reopened through the window's navigation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

if TYPE_CHECKING:
    from lms_desktop.ui.main_window import MainWindow

KEY_GEOMETRY = "window/geometry"
KEY_SCREEN = "window/screen"


def restore_geometry(window: MainWindow) -> None:
    geometry = window.settings.value(KEY_GEOMETRY)
    if isinstance(geometry, QByteArray | bytes):
        window.restoreGeometry(QByteArray(geometry))


def save(window: MainWindow) -> None:
    window.settings.setValue(KEY_GEOMETRY, window.saveGeometry())
    window.settings.setValue(KEY_SCREEN, window.current_screen())
    window.settings.sync()


def restore_screen(window: MainWindow) -> None:
    """The page remembered, or the catalog when it names nothing usable."""
    kind, _, rest = str(window.settings.value(KEY_SCREEN, "catalog")).partition(":")
    try:
        if kind == "dashboard":
            window.show_dashboard()
        elif kind == "course" and rest:
            window.open_course(int(rest))
        elif kind == "reader" and rest:
            section, _, course = rest.partition(":")
            window.open_section(int(section), int(course))
        else:
            window.show_catalog()
    except ValueError:
        window.show_catalog()


def screen_of(window: MainWindow) -> str:
    page = window.stack.currentWidget()
    if page is window.dashboard:
        return "dashboard"
    if page is window.course and window.course.course_id is not None:
        return f"course:{window.course.course_id}"
    reader = window.reader
    if page is reader and reader.section is not None and reader.course_id is not None:
        return f"reader:{reader.section.id}:{reader.course_id}"
    return "catalog"
