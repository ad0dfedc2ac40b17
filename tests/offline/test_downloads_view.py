"""The Downloads screen, the "Make available offline" button and the status-bar label (pytest-qt, offscreen),
against the real server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lms_desktop.client import ClientConfig, MemoryTokenStore
from lms_desktop.client.offline.layer import OfflineStatus, offline_client
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui import a11y
from lms_desktop.ui.downloads_view import DownloadsView
from lms_desktop.ui.offline_button import OfflineButton
from lms_desktop.ui.offline_status import OfflineStatusBridge, OfflineStatusLabel, status_text
from lms_desktop.ui.tasks import TaskRunner
from tests.fixtures.painting import painted
from tests.fixtures.servers import new_learner
from tests.offline.stack import course_with_sections, get_json, section_list
from tests.ui.conftest import Run

PASSWORD = "correct horse"
SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def test_status_text_says_what_waits() -> None:
    now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    assert status_text(OfflineStatus(True, 0, 0, None, False, None)) == "All changes synced"
    assert (
        status_text(OfflineStatus(True, 0, 0, now, False, None), now)
        == "All changes synced · last sync just now"
    )
    text = status_text(OfflineStatus(False, 3, 0, now - timedelta(minutes=5), False, None), now)
    assert text == "3 changes waiting to sync · last sync 5 min ago"
    text = status_text(OfflineStatus(True, 0, 1, now, False, "404: gone"), now)
    assert text == "⚠ 1 change needs attention · last sync just now"


def test_downloads_screen_button_and_status(
    server: EmbeddedServer, tmp_path: Path, qtbot: QtBot, run: Run
) -> None:
    from lms_desktop.server.db.queries import authoring

    _, username, token = new_learner(server, PASSWORD)
    config = ClientConfig(
        base_url=server.base_url,
        cache_dir=tmp_path / "cache",
        token_store=MemoryTokenStore(),
        probe_initial_s=0.1,
        probe_max_s=0.5,
    )
    client = offline_client(config, offline_dir=tmp_path / "offline")
    run(client.sign_in(username, PASSWORD))
    runner = TaskRunner()
    view = DownloadsView(client.offline, runner)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    bridge = OfflineStatusBridge(client.offline, view)
    label = OfflineStatusLabel(bridge)
    qtbot.addWidget(label)
    try:
        assert view.empty.isVisible() and view.course_rows_widgets() == []
        detail, _ = course_with_sections(server.base_url, token, minimum=6)
        button = OfflineButton(view)
        qtbot.addWidget(button)
        button.set_course(detail.id, detail.title)
        assert button.text() == "Make available offline" and button.isEnabled()

        # start, watch the progress bar, cancel part way
        server.set_delay(0.05)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert view.progress_box.isVisible() and not button.isEnabled()
        qtbot.waitUntil(
            lambda: view.progress_bar.maximum() > 1 and view.progress_bar.value() >= 3, timeout=10_000
        )
        qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.downloading is None, timeout=10_000)
        assert not view.progress_box.isVisible()
        rows = view.course_rows_widgets()
        assert len(rows) == 1 and rows[0].course.state == "partial" and not rows[0].resume_button.isHidden()
        assert button.text() == "Resume download"

        # resume from the row: completes, the row says so with a size and a last sync
        server.set_delay(0)
        qtbot.mouseClick(rows[0].resume_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.state_of(detail.id) == "complete", timeout=10_000)
        qtbot.waitUntil(lambda: view.downloading is None)
        rows = view.course_rows_widgets()
        assert rows[0].course.state == "complete" and rows[0].resume_button.isHidden()
        assert "Available offline" in rows[0].detail.text() and "synced just now" in rows[0].detail.text()
        assert button.text() == "Available offline" and not button.isEnabled()

        # a change made offline on a course that is then deleted: shown, discardable
        page = get_json(server.base_url, token, "/courses?limit=5&sort=newest", dict)
        # a change made offline and sent when the server is back: screen readers hear it was synced
        kept = int(page["items"][-2]["id"])
        run(client.course(kept))
        server.stop()
        run(client.enroll(kept))
        qtbot.waitUntil(lambda: "1 change waiting to sync" in label.text())
        a11y.history.clear()
        server.start()
        run(client.check_online())
        run(client.settle())
        qtbot.waitUntil(lambda: "All changes synced" in a11y.history, timeout=10_000)

        other = int(page["items"][-1]["id"])
        run(client.course(other))
        server.stop()
        run(client.enroll(other))
        qtbot.waitUntil(lambda: "1 change waiting to sync" in label.text())
        assert server.database is not None
        with server.database.write() as conn:
            authoring.delete_course(conn, other)
        server.start()
        run(client.check_online())
        run(client.settle())
        qtbot.waitUntil(lambda: "needs attention" in label.text())
        assert "1 change needs attention" in a11y.history  # announced, not only shown
        qtbot.waitUntil(lambda: len(view.change_rows_widgets()) == 1)
        change = view.change_rows_widgets()[0]
        assert change.entry.reason == "gone" and not change.discard_button.isHidden()
        assert change.entry.describe() == f"Enroll in {page['items'][-1]['title']}"
        SHOTS.mkdir(exist_ok=True)
        assert view.grab().save(str(SHOTS / "downloads.png"))
        qtbot.mouseClick(change.discard_button, Qt.MouseButton.LeftButton)
        assert view.change_rows_widgets() == []
        qtbot.waitUntil(lambda: "needs attention" not in label.text())

        # remove: the list empties, the button offers the download again
        qtbot.mouseClick(view.course_rows_widgets()[0].remove_button, Qt.MouseButton.LeftButton)
        assert view.course_rows_widgets() == [] and not view.empty.isHidden()
        assert button.text() == "Make available offline"
        assert client.offline.downloads.courses() == []
    finally:
        server.set_delay(0)
        if not server.running:
            server.start()
        run(runner.shutdown())
        run(client.aclose())


def test_install_offline_in_the_main_window(
    server: EmbeddedServer, tmp_path: Path, qtbot: QtBot, run: Run
) -> None:
    from PySide6.QtCore import QSettings

    from lms_desktop.ui.main_window import MainWindow
    from lms_desktop.ui.offline_install import install_offline

    _, username, token = new_learner(server, PASSWORD)
    config = ClientConfig(
        base_url=server.base_url, cache_dir=tmp_path / "cache", token_store=MemoryTokenStore()
    )
    client = offline_client(config, offline_dir=tmp_path / "offline")
    run(client.sign_in(username, PASSWORD))
    runner = TaskRunner()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(client, runner, settings, server_label="test server")
    qtbot.addWidget(window)
    try:
        view = install_offline(window, client.offline)
        window.resize(1180, 780)
        window.start()
        window.show()
        detail, content = course_with_sections(server.base_url, token, minimum=3)
        window.open_course(detail.id)
        qtbot.waitUntil(lambda: window.course.detail is not None, timeout=10_000)
        button = next(b for b in window.course.findChildren(OfflineButton))
        qtbot.waitUntil(lambda: not button.isHidden())
        assert button.text() == "Make available offline"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.state_of(detail.id) == "complete", timeout=10_000)
        qtbot.waitUntil(lambda: button.text() == "Available offline")
        SHOTS.mkdir(exist_ok=True)
        assert window.grab().save(str(SHOTS / "course-available-offline.png"))
        label = next(iter(window.status.findChildren(OfflineStatusLabel)))
        assert label.text().startswith("All changes synced") and window.status.pending.isHidden()
        qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is view
        assert [r.course.course_id for r in view.course_rows_widgets()] == [detail.id]
        assert painted(qtbot, window).save(str(SHOTS / "downloads-window.png"))  # the rebuilt rows laid out

        # offline: the downloaded course opens from the Downloads list and every section reads in full
        server.stop()
        view.course_rows_widgets()[0].open_button.click()
        assert window.stack.currentWidget() is window.course
        qtbot.waitUntil(lambda: window.course.content is not None, timeout=10_000)
        assert window.course.detail is not None and window.course.detail.title == detail.title

        def shows(section_id: int) -> Callable[[], bool]:
            return lambda: window.reader.section is not None and window.reader.section.id == section_id

        for sid in section_list(content):
            window.open_section(sid, detail.id)
            qtbot.waitUntil(shows(sid))
            assert window.reader.body.toPlainText().strip()
        assert not client.online
        assert window.grab().save(str(SHOTS / "reader-offline.png"))

        # a change made offline waits in the outbox: queued, so not "saved"
        assert window.status.pending.text() == "All changes saved" and window.status.queued_changes == 0
        assert window.learner.rate(detail.id, 4, None, detail.title)
        qtbot.waitUntil(lambda: window.status.queued_changes == 1, timeout=10_000)
        qtbot.waitUntil(lambda: window.learner.requests_in_flight == 0, timeout=10_000)
        assert window.status.pending.text() == "1 change to sync"
    finally:
        if not server.running:
            server.start()
        window.close()
        run(runner.shutdown())
        run(client.aclose())


def test_a_damaged_outbox_is_reported_once_in_a_toast(
    server: EmbeddedServer, tmp_path: Path, qtbot: QtBot, run: Run
) -> None:
    """Changes brought back from a damaged outbox are counted for the learner, and so are those lost."""
    import sqlite3

    from PySide6.QtCore import QSettings

    from lms_desktop.client.offline.ops import EnrollOp
    from lms_desktop.client.offline.outbox import Outbox
    from lms_desktop.ui.main_window import MainWindow
    from lms_desktop.ui.offline_install import install_offline
    from lms_desktop.ui.offline_status import salvage_text

    user_id, _, _ = new_learner(server, PASSWORD)
    outbox_path = tmp_path / "offline" / "outbox.sqlite3"
    outbox_path.parent.mkdir(parents=True)
    box = Outbox(outbox_path)
    for course in range(1, 301):
        box.add(user_id, EnrollOp(course_id=course), label=f"course {course} " + "·" * 100)
    box.close()
    with sqlite3.connect(outbox_path) as conn:
        leaves = [
            r[0]
            for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'outbox' AND pagetype = 'leaf'")
        ]
    with outbox_path.open("r+b") as fh:  # a table page in the middle turned to noise
        fh.seek((sorted(leaves)[len(leaves) // 2] - 1) * 4096)
        fh.write(b"\xff" * 4096)

    config = ClientConfig(
        base_url=server.base_url, cache_dir=tmp_path / "cache", token_store=MemoryTokenStore()
    )
    client = offline_client(config, offline_dir=tmp_path / "offline")
    salvage = client.offline.outbox.salvage
    assert salvage is not None and salvage.lost and salvage.saved + salvage.lost == 300
    runner = TaskRunner()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(client, runner, settings, server_label="test server")
    qtbot.addWidget(window)
    try:
        install_offline(window, client.offline)
        window.resize(900, 640)
        window.show()
        text = salvage_text(salvage)
        assert f"Recovered: {salvage.saved}." in text and f"Could not be recovered: {salvage.lost}." in text
        qtbot.waitUntil(lambda: window.toaster.current == text)
        assert window.toaster.history == [text]
        SHOTS.mkdir(exist_ok=True)
        assert window.grab().save(str(SHOTS / "outbox-salvaged-toast.png"))
    finally:
        window.close()
        run(runner.shutdown())
        run(client.aclose())
