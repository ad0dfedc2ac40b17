"""The reader's outline starts narrow, so the text keeps the room: a quarter of the reader at most, and never
over 240 px, at any window size; once the learner drags the splitter, their width is kept."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from lms_desktop.ui.main_window import MainWindow
from tests.reader.conftest import ReaderApp, ReaderServer
from tests.reader.window import all_sections, showing
from tests.ui.conftest import Run


def _resize(qtbot: QtBot, window: MainWindow, width: int) -> None:
    window.resize(width, 800)
    splitter = window.reader.splitter
    qtbot.waitUntil(lambda: window.width() == width, timeout=5_000)
    # laid out: the panes share the splitter's whole width
    qtbot.waitUntil(lambda: sum(splitter.sizes()) + splitter.handleWidth() == splitter.width(), timeout=5_000)


def test_outline_starts_at_most_a_quarter_and_keeps_the_learners_width(
    served: ReaderServer, reader_app: ReaderApp, qtbot: QtBot, run: Run
) -> None:
    window = reader_app.window
    reader, outline = window.reader, window.reader.outline
    section = all_sections(run, window.client, served.course.id)[0]
    window.open_section(section.id, section.course_id)
    qtbot.waitUntil(showing(window, section.id), timeout=10_000)
    for width in (1100, 1600, 1180):
        _resize(qtbot, window, width)
        assert outline.isVisible()
        assert 0 < outline.width() <= min(240, reader.width() // 4), (width, outline.width(), reader.width())
    first = outline.model().index(0, 0, outline.model().index(0, 0))
    assert first.data(Qt.ItemDataRole.ToolTipRole) == section.title  # the whole title, where it is elided
    handle = reader.splitter.handle(1)
    start = QPoint(handle.width() // 2, handle.height() // 2)
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(handle, start + QPoint(120, 0))
    QTest.mouseRelease(
        handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(120, 0)
    )
    chosen = outline.width()
    assert chosen > min(240, reader.width() // 4)  # the learner widened it
    for width in (1600, 1300):
        _resize(qtbot, window, width)
        assert outline.width() == chosen
