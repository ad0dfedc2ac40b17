"""The quiz view through the real window, the real client and the real server: answered and submitted
with the keyboard only, results in place, Try again; every control named for assistive technology."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from lms_desktop.client import LmsClient
from lms_desktop.server.db import schema
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui import theme
from lms_desktop.ui.main_window import MainWindow
from lms_desktop.ui.quiz import QuizView
from lms_desktop.ui.tasks import TaskRunner
from tests.fixtures.quizzes import SAMPLE_MAX, make_quiz
from tests.ui.conftest import Run


def open_quiz(qtbot: QtBot, window: MainWindow, server: EmbeddedServer, **kwargs: object) -> QuizView:
    assert server.database is not None
    quiz = make_quiz(server.database, **kwargs)  # type: ignore[arg-type]
    window.open_section(quiz.section_id, quiz.course_id)
    view = window.reader.quiz
    qtbot.waitUntil(lambda: view.isVisible() and view.submit_button.isEnabled(), timeout=10_000)
    assert not window.reader.body.isVisible() and not window.reader.complete_button.isVisible()
    return view


def key(
    widget: QWidget | None, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    assert widget is not None
    QTest.keyClick(widget, k, modifier)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def attempts_of(server: EmbeddedServer, section_id: int) -> list[tuple[int, float]]:
    assert server.database is not None
    a = schema.quiz_attempts.c
    with server.database.read() as conn:
        rows = conn.execute(sa.select(a.attempt_no, a.score).where(a.section_id == section_id)).all()
    return [(int(n), float(s)) for n, s in rows]


def test_answer_and_submit_with_the_keyboard(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow, learner_client: LmsClient
) -> None:
    window = learner_window
    view = open_quiz(qtbot, window, live_server)
    controls = (
        view.findChildren(QAbstractButton) + view.findChildren(QLineEdit) + view.findChildren(QPlainTextEdit)
    )
    assert controls and all(c.accessibleName() for c in controls), [
        c for c in controls if not c.accessibleName()
    ]
    single, multiple, text, numeric, essay, hotspot = view.cards
    assert text.field.accessibleName() == "Question 3: your answer"
    assert text.field.accessibleDescription() == "Capital of France?"  # the question, read with the field
    assert single.buttons[1].accessibleName() == "Question 1: B"

    window.activateWindow()
    single.buttons[0].setFocus(Qt.FocusReason.TabFocusReason)  # where Tab lands first in the quiz
    qtbot.waitUntil(lambda: focused() is single.buttons[0])
    key(focused(), Qt.Key.Key_Space)  # pick A ...
    key(focused(), Qt.Key.Key_Down)  # ... then move to B with the arrow keys
    qtbot.waitUntil(lambda: single.buttons[1].isChecked())
    key(focused(), Qt.Key.Key_Tab)
    assert focused() is multiple.buttons[0]
    key(focused(), Qt.Key.Key_Space)  # A; each check box is a tab stop
    key(focused(), Qt.Key.Key_Tab)
    key(focused(), Qt.Key.Key_Tab)
    assert focused() is multiple.buttons[2]
    key(focused(), Qt.Key.Key_Space)  # C
    assert [b.isChecked() for b in multiple.buttons] == [True, False, True]
    key(focused(), Qt.Key.Key_Tab)
    assert focused() is text.field
    QTest.keyClicks(text.field, "paris")
    key(focused(), Qt.Key.Key_Tab)
    assert focused() is numeric.field
    QTest.keyClicks(numeric.field, "3,14")  # a decimal comma is a number too
    key(focused(), Qt.Key.Key_Tab)
    assert focused() is essay.field
    QTest.keyClicks(essay.field, "Because.")
    assert view.answers() == {
        "q-single": "b",
        "q-multiple": ["a", "c"],
        "q-text": "paris",
        "q-numeric": 3.14,
        "q-essay": "Because.",
    }
    key(essay.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter submits

    qtbot.waitUntil(lambda: view.status.text().startswith("Score:"), timeout=10_000)
    assert view.status.text() == f"Score: {SAMPLE_MAX:g} of {SAMPLE_MAX:g} (100%)"
    assert [c.verdict.text().split("  ·  ")[0] for c in view.cards] == [
        "✓ Correct",
        "✓ Correct",
        "✓ Correct",
        "✓ Correct",
        "Not scored",
        "Not scored",
    ]
    assert single.feedback.isVisible() and "right" in single.feedback.text()
    assert hotspot.answer() is None and not view.submit_button.isVisible()
    assert attempts_of(live_server, view.section.id) == [(1, SAMPLE_MAX)]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "Unlimited attempts" in view.summary.text(), timeout=10_000)
    # the section counts as completed at once (the reader and every screen follow)
    qtbot.waitUntil(lambda: window.reader.is_completed(), timeout=10_000)

    # Try again has the focus: Enter starts a fresh attempt, Enter in a text field submits it
    assert focused() is view.retry_button
    key(view.retry_button, Qt.Key.Key_Return)
    assert view.submit_button.isVisible() and view.answers() == {}
    text.field.setFocus()
    QTest.keyClicks(text.field, "Lyon")
    key(text.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.status.text().startswith("Score: 0 of"), timeout=10_000)
    assert text.verdict.text().startswith("✗ Incorrect")
    assert sorted(attempts_of(live_server, view.section.id)) == [(1, SAMPLE_MAX), (2, 0.0)]  # type: ignore[union-attr]


def test_bad_number_and_last_attempt(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow
) -> None:
    view = open_quiz(qtbot, learner_window, live_server, max_attempts=1)
    qtbot.waitUntil(lambda: "1 attempt left" in view.summary.text(), timeout=10_000)
    numeric = view.cards[3]
    numeric.field.setText("three")
    key(numeric.field, Qt.Key.Key_Return)
    assert numeric.error.isVisible() and view.submit_button.isEnabled()
    assert attempts_of(live_server, view.section.id) == []  # type: ignore[union-attr]
    numeric.field.setText("3.1416")
    key(numeric.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.status.text().startswith("Score:"), timeout=10_000)
    assert view.status.text() == f"Score: 1 of {SAMPLE_MAX:g} (20%)"
    qtbot.waitUntil(lambda: "No attempts left" in view.summary.text(), timeout=10_000)
    assert not view.retry_button.isVisible() and not view.submit_button.isVisible()
    # reopened later: the latest attempt's answers and results are shown, and nothing can be submitted
    learner_window.reader.quiz.show_section(view.section)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: view.status.text().startswith("Score:"), timeout=10_000)
    numeric = view.cards[3]  # the cards are made anew for the section
    assert numeric.field.text() == "3.1416" and numeric.verdict.text().startswith("✓")
    assert numeric.field.isReadOnly()
    assert not view.submit_button.isVisible()


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("size", [(1180, 780), (800, 600)])
def test_quiz_screenshots(
    qtbot: QtBot,
    qapp: QApplication,
    live_server: EmbeddedServer,
    learner_client: LmsClient,
    runner: TaskRunner,
    tmp_path: Path,
    mode: str,
    size: tuple[int, int],
) -> None:
    """The quiz answering and after submitting, light and dark, at the default size and at 800x600:
    written to screenshots/ (look at them), the footer with Submit always inside the window."""
    from tests.fixtures.painting import painted
    from tests.ui.conftest import open_window
    from tests.ui.test_screenshots import shoot

    t = theme.apply_theme(qapp, mode)  # type: ignore[arg-type]
    try:
        window = open_window(qtbot, learner_client, runner, tmp_path, size=size)
        view = open_quiz(qtbot, window, live_server)
        view.cards[0].buttons[1].setChecked(True)
        view.cards[1].buttons[0].setChecked(True)
        view.cards[2].field.setText("Lyon")
        view.cards[3].field.setFocus()
        painted(qtbot, window)
        tag = f"{mode}-{size[0]}x{size[1]}"
        shoot(window, f"quiz-answering-{tag}")
        assert view.submit_button.isVisibleTo(window)
        bottom_right = view.submit_button.mapTo(window, view.submit_button.rect().bottomRight())
        assert window.rect().contains(bottom_right)
        view.submit()
        qtbot.waitUntil(lambda: view.status.text().startswith("Score:"), timeout=10_000)
        qtbot.waitUntil(lambda: "attempts" in view.summary.text(), timeout=10_000)
        painted(qtbot, window)
        shoot(window, f"quiz-result-{tag}")
        assert view.minimumSizeHint().width() < 400  # the quiz never widens the window
        assert view.cards[0].verdict.styleSheet().find(t.success.name()) >= 0
        window.close()
    finally:
        theme.apply_theme(qapp, "light")


def test_best_score_in_the_outline_and_quiz_average_on_my_learning(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow, learner_client: LmsClient
) -> None:
    from PySide6.QtWidgets import QLabel, QTreeWidgetItemIterator

    from lms_desktop.ui.course_outline import SECTION_ROLE
    from tests.fixtures.quizzes import WRONG

    window = learner_window
    view = open_quiz(qtbot, window, live_server)
    section = view.section
    assert section is not None
    view.cards[0].buttons[1].setChecked(True)  # 2 of 5 points
    view.submit()
    qtbot.waitUntil(lambda: view.status.text().startswith("Score: 2 of"), timeout=10_000)
    view.try_again()
    view._fill(WRONG)
    view.submit()
    qtbot.waitUntil(lambda: view.status.text().startswith("Score: 0 of"), timeout=10_000)

    window.open_course(section.course_id)
    course = window.course

    def outline_note() -> str:
        it = QTreeWidgetItemIterator(course.outline)
        while it.value():
            item = it.value()
            if item.data(0, SECTION_ROLE) == section.id:
                return item.text(1)
            it += 1
        return ""

    qtbot.waitUntil(lambda: outline_note() == "Quiz  ·  best 2 of 5", timeout=10_000)
    window.nav_dashboard.click()
    window.learner.refresh_dashboard()
    labels = lambda: [w.text() for w in window.dashboard.list.findChildren(QLabel)]  # noqa: E731
    qtbot.waitUntil(lambda: any("quiz average 40%" in t for t in labels()), timeout=10_000)


def test_prompt_images_are_fetched_off_the_ui_thread_and_shown_inline(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow, learner_client: LmsClient, run: Run
) -> None:
    from lms_desktop.client.config import CourseQuery
    from lms_desktop.ui.quiz.images import inline_images

    page = run(learner_client.list_courses(CourseQuery(sort="popular", limit=1))).value
    cover = page.items[0].image_url
    assert cover is not None
    html = f'<p>Which subject is this?</p><img alt="the cover" src="{cover}"><img src="/nowhere.png">'

    async def thumbnails(url: str) -> bytes:  # the real server's images, through the client's cache
        if url == cover:
            return await learner_client.image(url, 160, "jpeg")
        raise LookupError(url)

    inline = run(inline_images(html, thumbnails))
    assert inline.count('src="data:image/jpeg;base64,') == 1 and 'width="160"' in inline
    assert '<img src="/nowhere.png">' in inline  # what cannot be had keeps its tag (and its alt text)

    question = {
        "key": "pic",
        "kind": "single",
        "prompt_html": html,
        "feedback": {},
        "points": 1,
        "choices": [{"id": "a", "html": "A"}, {"id": "b", "html": "B"}],
        "answer_key": {"correct": ["a"]},
    }
    window = learner_window
    window.reader.quiz._load_image = thumbnails
    view = open_quiz(qtbot, window, live_server, questions=[question])
    qtbot.waitUntil(lambda: "data:image/jpeg" in view.cards[0].prompt.text(), timeout=10_000)
    assert view.cards[0].prompt.sizeHint().height() > 100  # the picture is shown, not only its tag


def test_a_quiz_without_questions_says_so(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow
) -> None:
    assert live_server.database is not None
    quiz = make_quiz(live_server.database, questions=[])
    learner_window.open_section(quiz.section_id, quiz.course_id)
    view = learner_window.reader.quiz
    qtbot.waitUntil(lambda: view.status.text() == "This quiz has no questions.", timeout=10_000)
    assert not view.submit_button.isEnabled() and view.cards == []
