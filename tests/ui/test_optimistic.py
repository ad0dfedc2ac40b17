"""Optimistic writes against the real server: shown at once, rolled back with a message when refused,
never sent twice, and progress moves everywhere it is shown."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pytestqt.qtbot import QtBot

from lms_desktop.client import LmsClient
from lms_desktop.server.db.queries import authoring
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui.catalog.model import RecordRole
from lms_desktop.ui.main_window import MainWindow
from tests.fixtures.clocks import ManualClock
from tests.ui.conftest import Run


@contextmanager
def unpublished(server: EmbeddedServer, course_id: int) -> Iterator[None]:
    assert server.database is not None
    with server.database.write() as conn:
        authoring.update_course(conn, course_id, is_published=False)
    try:
        yield
    finally:
        with server.database.write() as conn:
            authoring.update_course(conn, course_id, is_published=True)


@contextmanager
def slowed(server: EmbeddedServer, seconds: float) -> Iterator[None]:
    server.set_delay(seconds)
    try:
        yield
    finally:
        server.set_delay(0.0)


def open_first_course(qtbot: QtBot, window: MainWindow, row: int = 0) -> int:
    course = window.model.course_at(row)
    assert course is not None
    window.open_course(course.id)
    qtbot.waitUntil(
        lambda: window.course.detail is not None and window.course.content is not None, timeout=10_000
    )
    qtbot.waitUntil(lambda: window.learner.dashboard is not None, timeout=10_000)
    return course.id


def test_refused_enroll_rolls_back_with_a_message_and_is_sent_once(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow
) -> None:
    window = learner_window
    course_id = open_first_course(qtbot, window)
    view = window.course
    assert view.enroll_button.isVisibleTo(window)
    live_server.reset_log()
    enrollment_path = f"/courses/{course_id}/enrollment"
    with unpublished(live_server, course_id), slowed(live_server, 0.5):
        view.enroll_button.click()
        # shown at once, before the server has answered
        assert window.learner.is_enrolled(course_id)
        assert view.continue_button.isVisibleTo(window) and not view.enroll_button.isVisibleTo(window)
        row = window.model.row_of(course_id)
        assert row is not None and window.model.index(row).data(RecordRole).enrolled
        view.enroll_button.click()  # the second click of a double click
        assert window.learner.enroll(course_id) is False
        qtbot.waitUntil(lambda: not window.learner.is_enrolled(course_id), timeout=10_000)
    assert live_server.count(enrollment_path, "PUT") == 1
    assert view.enroll_button.isVisibleTo(window) and not view.continue_button.isVisibleTo(window)
    assert not window.model.index(row).data(RecordRole).enrolled
    assert window.toaster.isVisible()
    assert window.toaster.history and window.toaster.history[-1].startswith("Couldn’t enroll")
    assert window.status.requests_in_flight == 0 and window.learner.requests_in_flight == 0


def test_enroll_and_complete_update_every_screen(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow, learner_client: LmsClient, run: Run
) -> None:
    window = learner_window
    course_id = open_first_course(qtbot, window, row=1)
    window.course.enroll_button.click()
    qtbot.waitUntil(lambda: window.learner.item(course_id) is not None, timeout=10_000)  # confirmed
    assert window.course.continue_button.isVisibleTo(window)

    window.course.continue_button.click()
    reader = window.reader
    assert window.stack.currentWidget() is reader
    qtbot.waitUntil(lambda: reader.section is not None and reader.content is not None, timeout=10_000)
    section_id = reader.section.id
    total = reader.total_sections()
    assert reader.complete_button.isEnabled()
    reader.complete_button.click()
    # optimistic: the button, the percent and the catalog card move before the server answers
    assert reader.complete_button.text().startswith("Completed") and not reader.complete_button.isEnabled()
    expected = 100.0 / total
    assert abs((window.learner.percent(course_id) or 0) - expected) < 0.01
    row = window.model.row_of(course_id)
    assert row is not None and abs(window.model.index(row).data(RecordRole).percent - expected) < 0.01

    # confirmed by the server: the dashboard (and course tree) agree
    qtbot.waitUntil(
        lambda: (item := window.learner.item(course_id)) is not None and item.completed_sections == 1,
        timeout=10_000,
    )
    content = run(learner_client.content(course_id, swr=False)).value
    done = [s.id for lesson in content.lessons for s in lesson.sections if s.completed_at is not None]
    assert done == [section_id]
    window.show_dashboard()
    qtbot.waitUntil(
        lambda: any(r.item.course_id == course_id for r in window.dashboard.row_widgets), timeout=10_000
    )

    reader.next_button.click()
    qtbot.waitUntil(lambda: reader.section is not None and reader.section.id != section_id, timeout=10_000)
    window.open_course(course_id)
    qtbot.waitUntil(lambda: window.course.content is not None, timeout=10_000)
    assert window.course.first_open_section() != section_id


def test_time_read_without_completing_is_recorded_once_when_leaving(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow, learner_client: LmsClient, run: Run
) -> None:
    window = learner_window
    course_id = open_first_course(qtbot, window, row=2)
    window.course.enroll_button.click()
    qtbot.waitUntil(lambda: window.learner.item(course_id) is not None, timeout=10_000)
    clock = ManualClock()
    window.reader.clock.now = clock
    window.course.continue_button.click()
    reader = window.reader
    qtbot.waitUntil(lambda: reader.section is not None and reader.content is not None, timeout=10_000)
    section_id = reader.section.id

    def spent_on(sid: int) -> int:
        content = run(learner_client.content(course_id, swr=False)).value
        return next(
            s.time_spent_seconds for lesson in content.lessons for s in lesson.sections if s.id == sid
        )

    before = spent_on(section_id)
    clock.advance(42)  # forty-two seconds of reading, without waiting for them
    live_server.reset_log()
    reader.next_button.click()
    qtbot.waitUntil(lambda: live_server.count("/progress", "PUT") == 1, timeout=10_000)
    qtbot.waitUntil(lambda: spent_on(section_id) == before + 42, timeout=10_000)
    # a glance at the next section and back to the catalog sends nothing more
    qtbot.waitUntil(lambda: reader.section is not None and reader.section.id != section_id, timeout=10_000)
    window.show_catalog()
    # leaving starts any report at once (a task on the runner): when none is left running, all were sent
    qtbot.waitUntil(lambda: window.runner.active_count() == 0, timeout=10_000)
    assert live_server.count("/progress", "PUT") == 1
    assert spent_on(section_id) == before + 42


def test_refused_rating_and_leaving_roll_back_with_a_message(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow
) -> None:
    """Rate and unenroll share enroll's optimistic path: shown at once, undone with a message when refused."""
    window = learner_window
    course_id = open_first_course(qtbot, window, row=2)
    assert window.learner.enroll(course_id)
    qtbot.waitUntil(lambda: window.learner.item(course_id) is not None, timeout=10_000)
    ratings: list[tuple[int, object]] = []
    window.learner.ratingChanged.connect(lambda cid, value: ratings.append((cid, value)))
    with unpublished(live_server, course_id):
        assert window.learner.rate(course_id, 4, None, "Course")
        assert ratings == [(course_id, 4)] and window.learner.requests_in_flight == 1
        assert window.learner.rate(course_id, 5, None, "Course") is False  # one at a time per course
        qtbot.waitUntil(lambda: ratings[-1] == (course_id, None), timeout=10_000)
        assert window.toaster.history[-1].startswith("Couldn’t save your rating of “Course”: ")

        assert window.learner.unenroll(course_id, "Course")
        assert not window.learner.is_enrolled(course_id)
        qtbot.waitUntil(lambda: window.learner.is_enrolled(course_id), timeout=10_000)
        assert window.toaster.history[-1].startswith("Couldn’t leave “Course”: ")
    assert window.learner.requests_in_flight == 0 and window.status.requests_in_flight == 0
