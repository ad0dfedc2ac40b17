"""Reading time is reported when the learner leaves the reader, whichever way: here through the status
bar's Downloads link, which navigates through the window like the sidebar does. The server receives the
section's time once, and the time spent in Downloads is not counted in the next report. The reader's clock
is moved by hand (no waiting for the seconds to pass); the server is real."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lms_desktop.contract import CourseContent
from lms_desktop.ui.offline_status import OfflineStatusLabel
from lms_desktop.ui.tasks import TaskRunner
from tests.fixtures.clocks import ManualClock
from tests.fixtures.servers import new_learner
from tests.offline.stack import get_json
from tests.reader.conftest import ReaderServer
from tests.reader.window import make_client, open_window, showing
from tests.ui.conftest import Run

PASSWORD = "correct horse"


def test_leaving_the_reader_through_the_downloads_link_reports_the_time_read_once(
    served: ReaderServer, tmp_path: Path, qtbot: QtBot, run: Run
) -> None:
    server = served.server
    _, username, token = new_learner(server, PASSWORD)
    cid = served.course.id
    client = make_client(server, tmp_path)
    run(client.sign_in(username, PASSWORD))
    run(client.enroll(cid))
    content = run(client.content(cid, swr=False)).value
    page = next(s for lesson in content.lessons for s in lesson.sections if s.type == "page")

    def time_at_server() -> int:
        after = get_json(server.base_url, token, f"/courses/{cid}/content", CourseContent)
        return next(
            s.time_spent_seconds for lesson in after.lessons for s in lesson.sections if s.id == page.id
        )

    runner = TaskRunner()
    window, downloads = open_window(qtbot, client, runner, tmp_path)
    clock = ManualClock()
    window.reader.clock.now = clock
    link = window.status.findChildren(OfflineStatusLabel)[0]
    try:
        server.reset_log()
        window.open_section(page.id, cid)
        qtbot.waitUntil(showing(window, page.id), timeout=10_000)
        clock.advance(42)  # forty-two seconds of reading
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is downloads
        qtbot.waitUntil(lambda: server.count("/progress", "PUT") == 1, timeout=10_000)
        qtbot.waitUntil(lambda: time_at_server() == 42, timeout=10_000)

        clock.advance(600)  # ten minutes in Downloads: not reading
        window.open_section(page.id, cid)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.reader, timeout=10_000)
        clock.advance(7)
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: server.count("/progress", "PUT") == 2, timeout=10_000)
        qtbot.waitUntil(lambda: time_at_server() == 49, timeout=10_000)
        window.show_catalog()  # leaving Downloads for the catalog reports nothing more
        qtbot.waitUntil(lambda: not client.offline.offline_status().pending, timeout=10_000)
        run(client.settle())
        assert server.count("/progress", "PUT") == 2 and time_at_server() == 49
    finally:
        window.close()
        run(runner.shutdown())
        run(client.aclose())
