"""A new learner in the real example course (resources/courses/git-first-steps, imported into a real server
as the first-run demo does): every section type is named in words on the course page, page images stay
inside the text column when the window narrows, and a quiz answer that cannot be sent is pointed at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from lms_desktop.client import LmsClient
from lms_desktop.server.db import schema
from lms_desktop.server.importing.demo import import_demo_courses
from lms_desktop.ui.main_window import MainWindow
from lms_desktop.ui.quiz.questions import NumericCard
from lms_desktop.ui.tasks import TaskRunner
from tests.fixtures.instrumented import InstrumentedServer
from tests.fixtures.servers import new_learner
from tests.ui.conftest import Run, make_client, open_window


@pytest.fixture(scope="module")
def course_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[InstrumentedServer, int]]:
    """A server holding only the example course, imported the way the first-run demo imports it."""
    with InstrumentedServer(None, data_dir=tmp_path_factory.mktemp("example-course")) as server:
        assert server.database is not None
        (course_id,) = import_demo_courses(
            server.database, assets_dir=server.settings.assets_dir, images_dir=server.settings.images_dir
        )
        yield server, course_id


@pytest.fixture
def window(
    qtbot: QtBot, course_server: tuple[InstrumentedServer, int], runner: TaskRunner, tmp_path: Path, run: Run
) -> Iterator[MainWindow]:
    server, _ = course_server
    _, username, _ = new_learner(server)
    client: LmsClient = make_client(server, tmp_path)
    run(client.sign_in(username, "correct horse"))
    win = open_window(qtbot, client, runner, tmp_path)
    yield win
    win.close()
    run(client.aclose())


def _section(server: InstrumentedServer, course_id: int, title: str) -> int:
    assert server.database is not None
    s = schema.sections.c
    with server.database.read() as conn:
        query = sa.select(s.id).where(s.course_id == course_id, s.title == title)
        return int(conn.execute(query).scalar_one())


def test_the_course_page_names_every_section_type_in_words(
    qtbot: QtBot, window: MainWindow, course_server: tuple[InstrumentedServer, int]
) -> None:
    _, course_id = course_server
    window.open_course(course_id)
    qtbot.waitUntil(lambda: window.course.content is not None, timeout=10_000)
    tree = window.course.outline
    rows: list[QTreeWidgetItem] = []
    for i in range(tree.topLevelItemCount()):
        lesson = tree.topLevelItem(i)
        assert lesson is not None
        rows += [child for j in range(lesson.childCount()) if (child := lesson.child(j)) is not None]
    kinds = {row.text(1) for row in rows}
    assert kinds == {"Reading", "Web link", "File", "Quiz"}, kinds  # never the wire's "page", "link"


def test_page_images_stay_inside_the_text_column_when_the_window_narrows(
    qtbot: QtBot, window: MainWindow, course_server: tuple[InstrumentedServer, int]
) -> None:
    server, course_id = course_server
    window.open_section(_section(server, course_id, "The three areas"), course_id)
    body = window.reader.body
    qtbot.waitUntil(lambda: len(body.loaded_images()) > 0, timeout=10_000)
    for size in ((1180, 780), (800, 600)):
        window.resize(*size)
        QApplication.processEvents()
        qtbot.waitUntil(lambda: body.document().size().width() <= body.viewport().width() + 1, timeout=5_000)
        assert body.horizontalScrollBar().maximum() == 0, size


def test_a_number_that_is_not_one_points_at_its_question(
    qtbot: QtBot, window: MainWindow, course_server: tuple[InstrumentedServer, int]
) -> None:
    server, course_id = course_server
    window.resize(800, 600)
    window.activateWindow()
    section_id = _section(server, course_id, "Check your understanding")
    window.open_section(section_id, course_id)
    view = window.reader.quiz
    qtbot.waitUntil(lambda: view.isVisible() and view.submit_button.isEnabled(), timeout=10_000)
    numeric = next(card for card in view.cards if isinstance(card, NumericCard))
    numeric.field.setText("two")
    view.scroller.verticalScrollBar().setValue(0)  # the learner is at the top, the bad answer far below
    view.submit_button.click()
    assert view.status.text().startswith(f"Question {numeric.number}: "), view.status.text()
    assert QApplication.focusWidget() is numeric.field
    viewport = view.scroller.viewport()
    top = numeric.mapTo(viewport, QPoint(0, 0)).y()
    assert top >= 0 and top + numeric.error.geometry().bottom() <= viewport.height()
    assert view.submit_button.isEnabled()  # nothing sent: the learner fixes it and submits again
    a = schema.quiz_attempts.c
    assert server.database is not None
    with server.database.read() as conn:
        assert conn.execute(sa.select(a.attempt_no).where(a.section_id == section_id)).first() is None
