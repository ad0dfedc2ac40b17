"""One real server for the reader suite, holding the imported fixture course (every section type) and a
course that is never downloaded; tests stop and restart it to go offline, each with its own learner."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from lms_desktop.contract import ImportedCourse
from tests.fixtures.instrumented import InstrumentedServer
from tests.reader.fixture_course import import_fixture
from tests.ui.conftest import qloop, run  # noqa: F401  (the UI suite's qasync loop fixtures)


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
