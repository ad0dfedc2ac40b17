"""Closing the app mid-section keeps the time read: into the outbox at once, sent by the next sync.

A send started while the window closes would be cancelled with the window's tasks, so the time read since
the section opened was lost. The real window, the real offline client and the real server on loopback."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from lms_desktop.client import ClientConfig, MemoryTokenStore
from lms_desktop.client.offline.layer import offline_client
from lms_desktop.client.offline.ops import ProgressOp
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui.tasks import TaskRunner
from tests.fixtures.clocks import ManualClock
from tests.fixtures.servers import new_learner
from tests.offline.stack import course_with_sections
from tests.ui.conftest import Run, open_window

PASSWORD = "correct horse"


def test_closing_the_window_mid_section_keeps_the_time_read(
    server: EmbeddedServer, tmp_path: Path, qtbot: QtBot, run: Run
) -> None:
    user_id, username, token = new_learner(server, PASSWORD)
    detail, _ = course_with_sections(server.base_url, token)
    config = ClientConfig(
        base_url=server.base_url, cache_dir=tmp_path / "cache", token_store=MemoryTokenStore(), timeout_s=5.0
    )
    client = offline_client(config, offline_dir=tmp_path / "offline")
    run(client.sign_in(username, PASSWORD))
    run(client.enroll(detail.id))
    runner = TaskRunner()
    try:
        window = open_window(qtbot, client, runner, tmp_path)
        window.open_course(detail.id)
        qtbot.waitUntil(lambda: window.course.content is not None, timeout=10_000)
        qtbot.waitUntil(lambda: window.learner.is_enrolled(detail.id), timeout=10_000)
        clock = ManualClock()
        window.reader.clock.now = clock
        window.course.continue_button.click()
        reader = window.reader
        qtbot.waitUntil(lambda: reader.section is not None and reader.content is not None, timeout=10_000)
        section_id = reader.section.id
        clock.advance(42)  # forty-two seconds of reading, without waiting for them
        server.reset_log()
        window.close()
        kept = [e for e in client.offline.outbox.entries(user_id) if isinstance(e.op, ProgressOp)]
        assert [(e.op.section_id, e.op.time_spent_seconds) for e in kept] == [(section_id, 42)]
        assert server.count("/progress", "PUT") == 0  # nothing was sent only to be cancelled
    finally:
        run(runner.shutdown())
        run(client.aclose())
