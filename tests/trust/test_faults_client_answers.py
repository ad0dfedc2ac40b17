"""A hostile or broken server cannot take the client's memory or hold a call forever, and nothing partial
or oversized is ever cached.

The server here is a real socket server on loopback (`hostile.py`) that sends what a real LMS server never
sends on demand: a gzip bomb, a 10 GB Content-Length, an endless chunked body, a body dripped a byte every
two seconds, a body cut short. Each answer must become a clear client error (AnswerTooLarge, AnswerTooSlow,
OfflineError) and never a hang: every call runs under a guard (`GUARD_S`) that only turns a hang into a
failure; no duration is asserted.
"""

from __future__ import annotations

import asyncio
import dataclasses
import tracemalloc
from collections.abc import AsyncIterator, Coroutine
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from lms_desktop.client import paths
from lms_desktop.client.api import LmsClient
from lms_desktop.client.auth.token_store import MemoryTokenStore
from lms_desktop.client.body import BodyLimit, ResponseLimits
from lms_desktop.client.config import ClientConfig, CourseQuery
from lms_desktop.client.errors import AnswerTooLarge, AnswerTooSlow, ApiError, OfflineError
from lms_desktop.client.results import Fetched
from lms_desktop.contract import CoursePage
from lms_desktop.ui.catalog.model import PAGE_SIZE, CatalogModel
from lms_desktop.ui.tasks import TaskRunner
from tests.trust.hostile import (
    HostileServer,
    bomb,
    cut_short,
    drip,
    endless_chunks,
    gzipped,
    huge_length,
    plain,
)
from tests.ui.conftest import Run, qloop, run, runner  # noqa: F401  (the UI suite's qasync loop fixtures)

MiB = 2**20
DEADLINE_S = 3.0
LIMITS = ResponseLimits(
    json=BodyLimit(1 * MiB, DEADLINE_S),
    image=BodyLimit(4 * MiB, DEADLINE_S),
    download=BodyLimit(2 * MiB, DEADLINE_S),
)
GUARD_S = 30.0  # a hang becomes a failure; the per-read timeout below (10 s) never ends these calls
QUERY = CourseQuery(limit=10)
LISTING = paths.listing(QUERY)
PAGE = b'{"items": [], "total": 0, "page": 1, "limit": 10}'
CACHEABLE = {"Cache_Control": "public, max-age=600"}
IMAGE_URL = "/api/v1/images/courses/1/cover.png?v=1"


@pytest.fixture
async def hostile() -> AsyncIterator[HostileServer]:
    server = HostileServer()
    await server.start()
    yield server
    await server.close()


@pytest.fixture
async def client(hostile: HostileServer, tmp_path: Path) -> AsyncIterator[LmsClient]:
    config = ClientConfig(
        base_url=hostile.base_url,
        cache_dir=tmp_path / "cache",
        token_store=MemoryTokenStore(),
        timeout_s=10.0,  # httpx's timeout is per read: a drip every 2 s never trips it
        limits=LIMITS,
        probe_initial_s=0.05,
    )
    async with LmsClient(config) as lms:
        yield lms


async def guarded[T](call: Coroutine[Any, Any, T]) -> T:
    return await asyncio.wait_for(call, GUARD_S)


async def assert_nothing_cached_then_served(hostile: HostileServer, client: LmsClient) -> None:
    """No entry was stored from the bad answer: once the server behaves, the listing comes from it."""
    assert client.cache_stats().stores == 0
    before = hostile.count(LISTING)
    hostile.routes[LISTING] = plain(PAGE, **CACHEABLE)
    await client.check_online()
    page = await guarded(client.list_courses(QUERY))
    assert page.source == "network" and page.value.total == 0
    assert hostile.count(LISTING) == before + 1


async def test_a_gzip_bomb_stops_at_the_cap(hostile: HostileServer, client: LmsClient) -> None:
    inflated = 256 * MiB
    hostile.routes[LISTING] = plain(bomb(inflated), Content_Encoding="gzip", **CACHEABLE)
    tracemalloc.start()
    try:
        with pytest.raises(AnswerTooLarge) as refused:
            await guarded(client.list_courses(QUERY))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "larger than the 1 MB allowed for json" in refused.value.detail
    assert peak < 16 * MiB, f"the bomb was inflated: {peak / MiB:.0f} MiB allocated for a 1 MiB cap"
    assert hostile.count(LISTING) == 1, "a refused answer is not asked for again"
    await assert_nothing_cached_then_served(hostile, client)


async def test_an_honest_compressed_answer_is_decoded_and_cached(
    hostile: HostileServer, client: LmsClient
) -> None:
    hostile.routes[LISTING] = gzipped(PAGE, **CACHEABLE)
    first = await guarded(client.list_courses(QUERY))
    again = await guarded(client.list_courses(QUERY))
    assert first.value.total == 0 and again.source == "memory"
    assert client.cache_stats().stores == 1 and hostile.count(LISTING) == 1


async def test_a_huge_content_length_is_refused_before_the_body(
    hostile: HostileServer, client: LmsClient
) -> None:
    hostile.routes[LISTING] = huge_length(10 * 2**30)  # then sends nothing: waiting for it would hang
    with pytest.raises(AnswerTooLarge):
        await guarded(client.list_courses(QUERY))
    await assert_nothing_cached_then_served(hostile, client)


async def test_an_endless_chunked_body_stops_at_the_cap(hostile: HostileServer, client: LmsClient) -> None:
    hostile.routes[LISTING] = endless_chunks()
    with pytest.raises(AnswerTooLarge):
        await guarded(client.list_courses(QUERY))
    await assert_nothing_cached_then_served(hostile, client)


async def test_a_dripping_body_fails_at_the_total_deadline(hostile: HostileServer, client: LmsClient) -> None:
    hostile.routes[LISTING] = drip(total=1000, every_s=2.0)  # 2,000 s at that pace
    with pytest.raises(AnswerTooSlow) as slow:
        await guarded(client.list_courses(QUERY))
    assert f"within {DEADLINE_S:g} seconds" in slow.value.detail
    await assert_nothing_cached_then_served(hostile, client)


async def test_a_dripping_answer_to_a_write_fails_at_the_deadline(
    hostile: HostileServer, client: LmsClient
) -> None:
    hostile.routes[paths.enrollment(5)] = drip(total=1000, every_s=2.0)
    with pytest.raises(AnswerTooSlow):
        await guarded(client.enroll(5))
    assert isinstance(AnswerTooSlow(1.0), ApiError), "shown like any refused request"


async def test_a_body_cut_short_is_not_cached(hostile: HostileServer, client: LmsClient) -> None:
    hostile.routes[LISTING] = cut_short(len(PAGE) + 500, PAGE)
    with pytest.raises(OfflineError):
        await guarded(client.list_courses(QUERY))
    await assert_nothing_cached_then_served(hostile, client)


async def test_a_stale_copy_is_shown_when_the_server_turns_hostile(
    hostile: HostileServer, client: LmsClient
) -> None:
    hostile.routes[LISTING] = plain(PAGE, Cache_Control="max-age=0", ETag='W/"1"')
    await guarded(client.list_courses(QUERY))
    hostile.routes[LISTING] = plain(bomb(64 * MiB), Content_Encoding="gzip")
    shown = await guarded(client.list_courses(QUERY, swr=False))
    assert shown.stale and shown.value.total == 0, "the cached copy, marked stale"


async def test_each_kind_has_its_own_cap(hostile: HostileServer, client: LmsClient, tmp_path: Path) -> None:
    image_target = paths.image(IMAGE_URL, 320, "webp")
    picture = b"\x89PNG" + b"\x01" * (2 * MiB)
    hostile.routes[image_target] = plain(picture, Content_Type="image/webp", **CACHEABLE)
    assert await guarded(client.image(IMAGE_URL, 320)) == picture, "2 MiB is within the image cap"
    hostile.routes[LISTING] = plain(b" " * (2 * MiB) + PAGE)
    with pytest.raises(AnswerTooLarge):  # but not within the JSON cap
        await guarded(client.list_courses(QUERY))

    asset = "/api/v1/assets/7"
    hostile.routes[asset] = plain(b"a" * (MiB + 17), Content_Type="application/octet-stream")
    target = tmp_path / "asset.bin"
    with target.open("wb") as out:
        assert await guarded(client.download_to(asset, out.write)) == MiB + 17
    assert target.stat().st_size == MiB + 17
    hostile.routes[asset] = endless_chunks()
    written: list[int] = []
    with pytest.raises(AnswerTooLarge):
        await guarded(client.download_to(asset, lambda piece: written.append(len(piece))))
    assert sum(written) <= LIMITS.download.max_bytes, "a download stops at its cap too"
    hostile.routes[asset] = plain(b'{"status_code": 404, "detail": "no such asset"}', status=404)
    kept: list[bytes] = []
    with pytest.raises(ApiError, match="no such asset"):
        await guarded(client.download_to(asset, kept.append))
    assert kept == [], "an error's body is never written into the download"


def test_the_catalog_shows_its_error_state_for_a_refused_answer(
    qtbot: QtBot,
    run: Run,  # noqa: F811  (the fixture imported above)
    runner: TaskRunner,  # noqa: F811
    tmp_path: Path,
) -> None:
    """What the learner sees: the catalog's usual error state with the client's message, then the list
    once the server answers properly."""
    server = HostileServer()
    run(server.start())
    server.routes[paths.COURSES + "?"] = plain(bomb(64 * MiB), Content_Encoding="gzip")
    config = ClientConfig(
        base_url=server.base_url, cache_dir=tmp_path / "cache", token_store=MemoryTokenStore(), limits=LIMITS
    )
    lms = LmsClient(config)

    async def fetch(query: CourseQuery, page: int) -> Fetched[CoursePage]:
        return await lms.list_courses(dataclasses.replace(query, page=page, limit=PAGE_SIZE))

    model = CatalogModel(runner, fetch)
    try:
        model.set_query(CourseQuery(sort="newest"))
        qtbot.waitUntil(lambda: model.status == "error", timeout=int(GUARD_S * 1000))
        assert "larger than the 1 MB allowed" in model.error
        server.routes[paths.COURSES + "?"] = plain(PAGE)
        model.set_query(CourseQuery(sort="popular"))
        qtbot.waitUntil(lambda: model.status == "empty", timeout=int(GUARD_S * 1000))
    finally:
        run(lms.aclose())
        run(server.close())
