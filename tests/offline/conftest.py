"""One seeded server for the whole offline suite (tests stop and restart it; each test uses its own
learner, so they do not see each other's writes)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.instrumented import InstrumentedServer
from tests.ui.conftest import qloop, run  # noqa: F401  (the UI suite's qasync loop fixtures, for the screen tests)

SEED_COURSES = 30


@pytest.fixture(scope="package")
def _offline_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    server = InstrumentedServer(
        None,
        data_dir=tmp_path_factory.mktemp("offline-server"),
        seed_courses=SEED_COURSES,
        seed_users=3,
        seed=5,
    )
    with server:
        yield server


@pytest.fixture
def server(_offline_server: EmbeddedServer) -> Iterator[EmbeddedServer]:
    """The shared server, running, undelayed, with an empty request log; left that way afterwards."""
    if not _offline_server.running:
        _offline_server.start()
    _offline_server.set_delay(0)
    _offline_server.reset_log()
    yield _offline_server
    _offline_server.set_delay(0)
    if not _offline_server.running:
        _offline_server.start()
