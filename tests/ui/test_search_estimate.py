"""A search whose total the server only estimates shows as an estimate ("1,000+ courses"), end to end.

The server counts a search's matches up to a limit (`catalog_search.TOTAL_COUNT_CAP`) and flags the total
as a lower bound (`CoursePage.total_is_estimate`). Here, on each engine, the limit is lowered to CAP (so a
few dozen imports pass it) and more courses than that mention a word only in their text; the real server
answers the search, and the window's count says "CAP+ courses" (spoken "At least CAP courses", with the
reason in its description), while a search under the limit keeps its plain count. The count's wording is
checked at the real limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lms_desktop.client import CourseQuery, LmsClient
from lms_desktop.server.db.queries import catalog_search
from lms_desktop.server.importing.service import ImportTarget, import_package
from lms_desktop.ui import i18n
from lms_desktop.ui.main_window import MainWindow
from lms_desktop.ui.search_bar import SearchBar
from lms_desktop.ui.tasks import TaskRunner
from tests.fixtures.instrumented import InstrumentedServer
from tests.fixtures.servers import new_learner
from tests.server.db_support import engine_params, open_migrated, url_for
from tests.server.importing.packages import write
from tests.ui.conftest import Run, make_client, open_window

WORD = "wombat"
CAP = 12  # the server's count limit for these tests
IN_TEXT_ONLY = CAP + 2  # more courses than the server counts
IN_TITLE = 3
REAL_CAP = catalog_search.TOTAL_COUNT_CAP


def _course(root: Path, ident: str, title: str, body: str) -> Path:
    return write(
        root / ident,
        {
            "course.toml": f'id = "estimate/{ident}"\ntitle = "{title}"\ndescription = "A short course."\n',
            "01-one/01-page.md": f"# Start\n\n{body}\n",
        },
    )


@pytest.fixture(params=engine_params())
def estimating_server(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[InstrumentedServer]:
    """The real server (counting up to CAP) over a catalog where WORD is in a few titles and in the text of
    more courses than it counts."""
    monkeypatch.setattr(catalog_search, "TOTAL_COUNT_CAP", CAP)
    url = url_for(request.param, request, tmp_path)
    db = open_migrated(url)
    data = tmp_path / "data"
    target = ImportTarget(
        db=db, assets_dir=data / "assets", images_dir=data / "images", scratch_dir=data / "import-tmp"
    )
    try:
        for i in range(IN_TITLE):
            import_package(target, _course(tmp_path, f"t{i}", f"The {WORD} koala {i}", "Plain words."))
        for i in range(IN_TEXT_ONLY):
            import_package(target, _course(tmp_path, f"c{i}", f"Otter {i}", f"A {WORD} lives here."))
    finally:
        db.close()
    with InstrumentedServer(url, data_dir=data).start() as server:
        yield server


@pytest.fixture
def estimating_client(estimating_server: InstrumentedServer, tmp_path: Path, run: Run) -> Iterator[LmsClient]:
    _, username, _ = new_learner(estimating_server)
    client = make_client(estimating_server, tmp_path)
    run(client.sign_in(username, "correct horse"))
    yield client
    run(client.aclose())


def _search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.catalog.search.edit.setText(text)
    window.catalog.search.emit_current()
    qtbot.waitUntil(lambda: window.model.query.q == text and window.model.status == "ready", timeout=10_000)


def test_an_estimated_total_shows_as_at_least(
    qtbot: QtBot, estimating_client: LmsClient, runner: TaskRunner, tmp_path: Path, run: Run
) -> None:
    served = run(estimating_client.list_courses(CourseQuery(q=WORD), swr=False)).value
    assert served.total_is_estimate, "the server counted every match: the setup no longer passes its limit"
    assert served.total == CAP
    window = open_window(qtbot, estimating_client, runner, tmp_path)
    count = window.catalog.search.count

    _search(qtbot, window, WORD)
    assert window.model.total_is_estimate and window.model.total == served.total
    assert count.text() == f"{served.total}+ courses"
    assert count.accessibleName() == f"At least {served.total} courses"
    assert "only up to a limit" in count.accessibleDescription() and count.toolTip()

    _search(qtbot, window, "koala")  # title matches under the limit: counted exactly
    assert not window.model.total_is_estimate and window.model.total == IN_TITLE
    assert count.text() == f"{IN_TITLE} courses"
    assert count.accessibleName() == "" and count.accessibleDescription() == "" and count.toolTip() == ""
    window.close()


@pytest.mark.parametrize(
    ("language", "exact", "estimate", "spoken"),
    [
        ("en", "1,234 courses", "1,000+ courses", "At least 1,000 courses"),
        ("de", "1.234 Kurse", "1.000+ Kurse", "Mindestens 1.000 Kurse"),
        ("es", "1234 cursos", "1000+ cursos", "Al menos 1000 cursos"),
    ],
)
def test_the_count_reads_in_each_language(
    qtbot: QtBot, qapp: QApplication, language: str, exact: str, estimate: str, spoken: str
) -> None:
    i18n.install(qapp, language)
    try:
        bar = SearchBar()
        qtbot.addWidget(bar)
        bar.set_result_count(1234)
        assert bar.count.text() == exact and bar.count.accessibleName() == ""
        bar.set_result_count(REAL_CAP, estimate=True)
        assert (bar.count.text(), bar.count.accessibleName()) == (estimate, spoken)
        assert bar.count.accessibleDescription() and bar.count.toolTip()
        bar.set_result_count(REAL_CAP, estimate=True, saved=True)
        assert bar.count.text().startswith(estimate) and len(bar.count.toolTip().splitlines()) == 2
        bar.count.setText("")  # the window's own texts (offline hits, errors) carry no stale reason
        assert (bar.count.accessibleName(), bar.count.toolTip()) == ("", "")
    finally:
        i18n.install(qapp, "en")
