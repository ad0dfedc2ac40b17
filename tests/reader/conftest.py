"""One real server for the reader suite, holding the imported fixture course (every section type) and a
course that is never downloaded; tests stop and restart it to go offline, each with its own learner.

`reader_app` is the app as a learner uses it: signed in, enrolled in the fixture course, its window open
(Downloads installed); `open_app` opens another on the same home folder, as after a restart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from lms_desktop.client.api import LmsClient
from lms_desktop.contract import ImportedCourse
from lms_desktop.ui.downloads_view import DownloadsView
from lms_desktop.ui.main_window import MainWindow
from lms_desktop.ui.tasks import TaskRunner
from tests.fixtures.instrumented import InstrumentedServer
from tests.fixtures.servers import new_learner
from tests.reader.fixture_course import import_fixture
from tests.reader.window import UrlCatcher, make_client, open_window
from tests.ui.conftest import Run, qloop, run  # noqa: F401  (the UI suite's qasync loop fixtures)

PASSWORD = "correct horse"


@dataclass
class ReaderServer:
    server: InstrumentedServer
    course: ImportedCourse
    other: ImportedCourse


@pytest.fixture(scope="package")
def _reader_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReaderServer]:
    data_dir = tmp_path_factory.mktemp("reader-server")
    server = InstrumentedServer(None, data_dir=data_dir, seed_courses=5, seed_users=2, seed=3)
    with server:
        assert server.database is not None
        course, other = import_fixture(server.database, data_dir, tmp_path_factory.mktemp("packages"))
        yield ReaderServer(server, course, other)


@pytest.fixture
def served(_reader_server: ReaderServer) -> Iterator[ReaderServer]:
    """The shared server, running; left running afterwards."""
    if not _reader_server.server.running:
        _reader_server.server.start()
    yield _reader_server
    if not _reader_server.server.running:
        _reader_server.server.start()


@pytest.fixture
def learner(served: ReaderServer) -> str:
    """A new learner's username (password `PASSWORD`)."""
    _, username, _ = new_learner(served.server, PASSWORD)
    return username


@pytest.fixture
def url_catcher() -> Iterator[UrlCatcher]:
    """What the app asks the system to open (files, web pages), caught instead of opened."""
    catcher = UrlCatcher()
    yield catcher
    catcher.close()


@dataclass
class ReaderApp:
    """The app of one learner: its client, task runner and window (with Downloads)."""

    client: LmsClient
    runner: TaskRunner
    window: MainWindow
    downloads: DownloadsView
    closed: bool = False

    def close(self, wait: Run) -> None:
        """Quit as the app does: the window, then its tasks, then the client (`wait`: the `run` fixture)."""
        if not self.closed:
            self.closed = True
            self.window.close()
            wait(self.runner.shutdown())
            wait(self.client.aclose())


type AppOpener = Callable[..., ReaderApp]


@pytest.fixture
def open_app(
    served: ReaderServer,
    tmp_path: Path,
    qtbot: QtBot,
    run: Run,  # noqa: F811 - the fixture imported above
) -> Iterator[AppOpener]:
    """open(username, enroll=course_id or None) -> the app signed in, its home in tmp_path (a second one
    is the same app after a restart: close the first). Every app opened is closed at teardown."""
    opened: list[ReaderApp] = []

    def open_(username: str, *, enroll: int | None = None) -> ReaderApp:
        client = make_client(served.server, tmp_path)
        run(client.sign_in(username, PASSWORD))
        if enroll is not None:
            run(client.enroll(enroll))
        runner = TaskRunner()
        window, downloads = open_window(qtbot, client, runner, tmp_path)
        opened.append(ReaderApp(client, runner, window, downloads))
        return opened[-1]

    yield open_
    for app in opened:
        app.close(run)


@pytest.fixture
def reader_app(open_app: AppOpener, learner: str, served: ReaderServer) -> ReaderApp:
    """A new learner's app, enrolled in the fixture course."""
    return open_app(learner, enroll=served.course.id)
