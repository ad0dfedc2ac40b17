"""The reader's Finish button on a course's last section: the section is marked complete (a quiz is not:
it completes when submitted), a short message says so, and the course page is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lms_desktop.client import CourseQuery
from lms_desktop.contract import CourseContent
from lms_desktop.ui.main_window import MainWindow
from tests.reader.conftest import AppOpener, ReaderServer
from tests.reader.window import showing
from tests.ui.conftest import Run


def _last(content: CourseContent) -> tuple[int, str]:
    section = [s for lesson in content.lessons for s in lesson.sections][-1]
    return section.id, section.type


def _open_last(qtbot: QtBot, window: MainWindow, course_id: int, section_id: int) -> None:
    window.open_section(section_id, course_id)
    qtbot.waitUntil(showing(window, section_id), timeout=10_000)
    qtbot.waitUntil(lambda: window.reader.content is not None, timeout=10_000)
    assert window.reader.next_button.text().startswith("Finish")


def test_finish_completes_the_last_section_and_returns_to_the_course(
    served: ReaderServer, open_app: AppOpener, learner: str, qtbot: QtBot, run: Run
) -> None:
    app = open_app(learner)
    client, window = app.client, app.window
    courses = run(client.list_courses(CourseQuery(limit=50))).value.items
    lasts = {c.id: _last(run(client.content(c.id)).value) for c in courses if c.id != served.course.id}
    course_id = next(cid for cid, (_, kind) in lasts.items() if kind != "quiz")
    section_id = lasts[course_id][0]
    run(client.enroll(course_id))
    window.learner.refresh_dashboard()
    qtbot.waitUntil(lambda: window.learner.is_enrolled(course_id), timeout=10_000)
    _open_last(qtbot, window, course_id, section_id)
    assert not window.reader.is_completed()
    window.reader.next_button.setFocus()
    qtbot.keyClick(window.reader.next_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.course, timeout=10_000)
    assert window.course.course_id == course_id
    assert window.toaster.history and window.toaster.history[-1].endswith("is complete.")

    def saved() -> bool:
        content = run(client.content(course_id, swr=False)).value
        return any(
            s.id == section_id and s.completed_at is not None for ls in content.lessons for s in ls.sections
        )

    qtbot.waitUntil(saved, timeout=10_000)  # the server has it


def test_finish_on_a_quiz_leaves_it_to_its_submission(
    served: ReaderServer, open_app: AppOpener, learner: str, qtbot: QtBot, run: Run
) -> None:
    app = open_app(learner, enroll=served.course.id)
    window, course_id = app.window, served.course.id
    section_id, kind = _last(run(app.client.content(course_id)).value)
    assert kind == "quiz"
    _open_last(qtbot, window, course_id, section_id)
    qtbot.mouseClick(window.reader.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.course, timeout=10_000)
    assert window.toaster.history[-1] == "You reached the end of “Every Section Type”."
    assert not window.learner.in_flight("complete", section_id)
    content = run(app.client.content(course_id, swr=False)).value
    assert all(s.completed_at is None for lesson in content.lessons for s in lesson.sections)
