"""The catalog model against the real server: Qt's model tester, paging in place, latest search wins."""

from __future__ import annotations

import dataclasses

import httpx
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from lms_desktop.client import CourseQuery, Fetched, LmsClient
from lms_desktop.contract import CoursePage
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui.catalog.model import PAGE_SIZE, CardRecord, CatalogModel, RecordRole
from lms_desktop.ui.tasks import TaskRunner


def make_model(client: LmsClient, runner: TaskRunner) -> CatalogModel:
    async def fetch(query: CourseQuery, page: int) -> Fetched[CoursePage]:
        return await client.list_courses(dataclasses.replace(query, page=page, limit=PAGE_SIZE))

    return CatalogModel(runner, fetch)


def server_titles(server: EmbeddedServer, query: CourseQuery, page: int) -> list[str]:
    params = dataclasses.replace(query, page=page, limit=PAGE_SIZE).params()
    body = httpx.get(f"{server.api_url}/courses", params=params, timeout=10).json()
    return [item["title"] for item in body["items"]]


def test_model_passes_qt_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, demo_client: LmsClient, runner: TaskRunner
) -> None:
    model = make_model(demo_client, runner)
    qtmodeltester.check(model)  # empty
    model.set_query(CourseQuery(sort="popular"))
    qtbot.waitUntil(lambda: model.status == "ready", timeout=10_000)
    qtmodeltester.check(model)  # total known, page 1 filled, the rest placeholders
    model.request_rows(100, 160)
    qtbot.waitUntil(lambda: {2, 3} <= set(model.loaded_pages()), timeout=10_000)
    qtmodeltester.check(model)
    model.set_query(CourseQuery(q="python", sort="relevance"))  # reset to another result
    qtbot.waitUntil(lambda: model.status in ("ready", "empty"), timeout=10_000)
    qtmodeltester.check(model)


def test_total_from_first_page_and_pages_fill_in_place(
    qtbot: QtBot, live_server: EmbeddedServer, demo_client: LmsClient, runner: TaskRunner
) -> None:
    model = make_model(demo_client, runner)
    query = CourseQuery(sort="newest")
    live_server.reset_log()
    inserted: list[int] = []
    model.rowsInserted.connect(lambda *_: inserted.append(1))
    model.set_query(query)
    qtbot.waitUntil(lambda: model.status == "ready", timeout=10_000)
    assert live_server.count("/courses", "GET") == 1
    total = httpx.get(f"{live_server.api_url}/courses", params={"limit": 1}, timeout=10).json()["total"]
    assert model.rowCount() == total > 2 * PAGE_SIZE
    assert model.loaded_pages() == [0]
    live_server.reset_log()

    far = 2 * PAGE_SIZE + 7  # a row of page 3
    placeholder: CardRecord = model.index(far).data(RecordRole)
    assert placeholder.course is None  # asking for it schedules its page
    with qtbot.waitSignal(model.dataChanged, timeout=10_000) as changed:
        pass
    first, last = changed.args[0].row(), changed.args[1].row()
    assert (first, last) == (2 * PAGE_SIZE, 3 * PAGE_SIZE - 1)
    assert model.loaded_pages() == [0, 2]  # page 2 (rows 50-99) was never asked for
    assert live_server.count("/courses", "GET") == 1
    titles = [model.index(r).data(RecordRole).course.title for r in range(first, last + 1)]
    assert titles == server_titles(live_server, query, 3)
    assert not inserted, "pages fill in place: no row inserts"


def test_fetch_more_reads_the_list_front_to_back_one_page_at_a_time(
    qtbot: QtBot, live_server: EmbeddedServer, demo_client: LmsClient, runner: TaskRunner
) -> None:
    model = make_model(demo_client, runner)
    query = CourseQuery(sort="popular")
    model.set_query(query)
    qtbot.waitUntil(lambda: model.status == "ready", timeout=10_000)
    assert model.canFetchMore()
    live_server.reset_log()
    for page in (1, 2):
        with qtbot.waitSignal(model.dataChanged, timeout=10_000) as changed:
            model.fetchMore()
            assert model.canFetchMore()  # the next page after the one on its way
        assert (changed.args[0].row(), changed.args[1].row()) == (
            page * PAGE_SIZE,
            (page + 1) * PAGE_SIZE - 1,
        )
        titles = [
            model.index(r).data(RecordRole).course.title
            for r in range(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)
        ]
        assert titles == server_titles(live_server, query, page + 1)
    assert model.loaded_pages() == [0, 1, 2]
    assert live_server.count("/courses", "GET") == 2 + 2  # two pages, and the test's own two reads
    pages = -(-model.rowCount() // PAGE_SIZE)
    for _ in range(pages):
        if not model.canFetchMore():
            break
        model.fetchMore()
    qtbot.waitUntil(lambda: len(model.loaded_pages()) == pages, timeout=20_000)
    assert not model.canFetchMore()
    last = model.index(model.rowCount() - 1).data(RecordRole)
    assert last.course is not None


def test_a_stale_answer_never_overwrites_a_newer_search(
    qtbot: QtBot, live_server: EmbeddedServer, demo_client: LmsClient, runner: TaskRunner
) -> None:
    model = make_model(demo_client, runner)
    older = CourseQuery(q="python", sort="relevance")
    newer = CourseQuery(q="design", sort="relevance")
    live_server.set_delay(0.4)
    sent = live_server.count("/courses", "GET")
    try:
        model.set_query(older)
        # the older request is at the server, held there by the delay
        qtbot.waitUntil(lambda: live_server.count("/courses", "GET") > sent, timeout=10_000)
        live_server.set_delay(0.0)
        model.set_query(newer)  # answers first; the older one must not land afterwards
        qtbot.waitUntil(lambda: model.status in ("ready", "empty"), timeout=10_000)
        # the older request has been answered and nothing the model asked for is still in flight
        qtbot.waitUntil(lambda: live_server.idle("/courses") and runner.active_count() == 0, timeout=10_000)
    finally:
        live_server.set_delay(0.0)
    assert model.query == newer
    shown = [model.index(r).data(RecordRole).course.title for r in range(min(model.rowCount(), PAGE_SIZE))]
    assert shown == server_titles(live_server, newer, 1)
