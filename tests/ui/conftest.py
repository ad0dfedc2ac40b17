"""UI test fixtures: a qasync loop over pytest-qt's QApplication, a real client on the real bundled server,
and the main window wired to them. Every fixture cleans up after itself and the `qloop` fixture fails a test
that leaves an asyncio task or a decode thread running (napari's rule: leaks are bugs).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lms_desktop.client import ClientConfig, LmsClient, MemoryTokenStore
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui import theme
from lms_desktop.ui.app import create_application
from lms_desktop.ui.gc_guard import MainThreadGarbageCollector
from lms_desktop.ui.main_window import MainWindow
from lms_desktop.ui.tasks import TaskRunner
from tests.fixtures.instrumented import InstrumentedServer
from tests.fixtures.servers import DEMO_PASSWORD, DEMO_USERNAME, SMALL_CATALOG, SMALL_USERS, new_learner

type Run = Callable[..., Any]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    """One seeded server for the whole UI suite (seeding costs ~10 s). Tests that write use their own new
    learner, and a test that hides a course or stops the server puts it back in a `finally`."""
    server = InstrumentedServer(
        None,
        data_dir=tmp_path_factory.mktemp("ui-live"),
        seed_courses=SMALL_CATALOG,
        seed_users=SMALL_USERS,
        seed=1,
    )
    with server:
        yield server


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop driven by Qt's event processing (qtbot.wait*, waitSignal, waitUntil)."""
    create_application()
    theme.apply_theme(qapp, "light")
    collector = MainThreadGarbageCollector()  # as the app does: no GC in the server's thread
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        # Give cancelled tasks a few turns to unwind, then insist nothing is left behind.
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            if not pending:
                break
            qapp.processEvents()
            time.sleep(0.01)
        leftover = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for t in leftover:
            t.cancel()
        qapp.processEvents()
        threads = [t.name for t in threading.enumerate() if t.name.startswith("lms-decode")]
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)
        loop._QEventLoop__is_running = False  # type: ignore[attr-defined]  # stop() would call app.exit()
        loop.close()
        collector.stop()  # collects this test's Qt objects here, on the UI thread
        collector.deleteLater()
        assert not leftover, f"tasks left running after the test: {leftover}"
        assert not threads, f"decode threads left running: {threads}"


@pytest.fixture
def run(qloop: asyncio.AbstractEventLoop, qtbot: QtBot) -> Run:
    """run(coro, timeout=10) -> result: drive one coroutine to completion on the qasync loop."""

    def _run(coro: Coroutine[Any, Any, Any], timeout: float = 10.0) -> Any:
        task = qloop.create_task(coro)
        qtbot.waitUntil(task.done, timeout=int(timeout * 1000))
        return task.result()

    return _run


def make_client(server: EmbeddedServer, tmp_path: Path) -> LmsClient:
    return LmsClient(
        ClientConfig(
            base_url=server.base_url,
            cache_dir=tmp_path / "cache",
            token_store=MemoryTokenStore(),
            timeout_s=10.0,
        )
    )


@pytest.fixture
def demo_client(live_server: EmbeddedServer, tmp_path: Path, run: Run) -> Iterator[LmsClient]:
    """The demo learner (read-only tests: nothing here changes the demo learner's state)."""
    client = make_client(live_server, tmp_path)
    run(client.sign_in(DEMO_USERNAME, DEMO_PASSWORD))
    yield client
    run(client.aclose())


@pytest.fixture
def learner_client(live_server: EmbeddedServer, tmp_path: Path, run: Run) -> Iterator[LmsClient]:
    """A brand-new learner, for tests that write (enroll, complete, rate)."""
    _, username, _ = new_learner(live_server)
    client = make_client(live_server, tmp_path)
    run(client.sign_in(username, "correct horse"))
    yield client
    run(client.aclose())


@pytest.fixture
def runner(qloop: asyncio.AbstractEventLoop, run: Run) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    run(r.shutdown())


def open_window(
    qtbot: QtBot,
    client: LmsClient,
    runner: TaskRunner,
    tmp_path: Path,
    *,
    size: tuple[int, int] = (1180, 780),
) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(client, runner, settings, server_label="test server")
    qtbot.addWidget(window)
    window.resize(*size)
    window.start()
    window.show()
    qtbot.waitUntil(lambda: window.model.status in ("ready", "empty", "error"), timeout=10_000)
    return window


@pytest.fixture
def learner_window(
    qtbot: QtBot, learner_client: LmsClient, runner: TaskRunner, tmp_path: Path
) -> Iterator[MainWindow]:
    window = open_window(qtbot, learner_client, runner, tmp_path)
    yield window
    window.close()
