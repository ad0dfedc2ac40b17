"""The quiz view offline, through the real window and the app's offline client: the attempt is kept
("Submitted - scored when you're back online") and its result appears in place once the server is back."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from lms_desktop.client import ClientConfig, MemoryTokenStore
from lms_desktop.client.offline.layer import offline_client
from lms_desktop.server.db import schema
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui.tasks import TaskRunner
from tests.fixtures.quizzes import SAMPLE_MAX, make_quiz
from tests.fixtures.servers import new_learner
from tests.ui.conftest import Run, open_window
from tests.ui.test_screenshots import shoot

PASSWORD = "correct horse"


def test_offline_attempt_waits_then_shows_its_score_in_place(
    server: EmbeddedServer, tmp_path: Path, qtbot: QtBot, run: Run
) -> None:
    assert server.database is not None
    quiz = make_quiz(server.database)
    user_id, username, _ = new_learner(server, PASSWORD)
    config = ClientConfig(
        base_url=server.base_url,
        cache_dir=tmp_path / "cache",
        token_store=MemoryTokenStore(),
        timeout_s=5.0,
        probe_initial_s=0.1,
        probe_max_s=0.5,
    )
    client = offline_client(config, offline_dir=tmp_path / "offline")
    run(client.sign_in(username, PASSWORD))
    runner = TaskRunner()
    try:
        window = open_window(qtbot, client, runner, tmp_path)
        window.open_section(quiz.section_id, quiz.course_id)
        view = window.reader.quiz
        qtbot.waitUntil(lambda: view.isVisible() and view.submit_button.isEnabled(), timeout=10_000)
        server.stop()
        view.cards[0].buttons[1].setChecked(True)
        view.cards[2].field.setFocus()
        QTest.keyClicks(view.cards[2].field, "Paris")
        QTest.keyClick(view.cards[2].field, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: view.status.text() == "Submitted - scored when you're back online", timeout=15_000
        )
        assert not view.submit_button.isVisible() and view.cards[2].field.isReadOnly()
        shoot(window, "quiz-offline-waiting-light")
        assert client.offline.offline_status().pending == 1
        qtbot.waitUntil(lambda: window.reader.is_completed(), timeout=10_000)  # done here already

        server.start()  # the probe notices, the sync scores it, the view shows it where it was
        qtbot.waitUntil(lambda: view.status.text().startswith("Score:"), timeout=20_000)
        assert view.status.text() == f"Score: 3 of {SAMPLE_MAX:g} (60%)"
        assert view.cards[0].verdict.text().startswith("✓") and view.cards[1].verdict.text().startswith("✗")
        a = schema.quiz_attempts.c
        with server.database.read() as conn:
            rows = conn.execute(sa.select(a.attempt_no, a.score).where(a.user_id == user_id)).all()
        assert [(n, s) for n, s in rows] == [(1, 3.0)]
        window.close()
    finally:
        run(runner.shutdown())
        run(client.aclose())
