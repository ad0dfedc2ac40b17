"""Downloads against the real server: pinned, resumable without refetching, readable offline, refreshed by
ETag, listed with size and last sync, removed. Requests are counted at the server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from lms_desktop.client import ClientConfig, CourseQuery, MemoryTokenStore, paths
from lms_desktop.client.api import LmsClient
from lms_desktop.client.offline.downloads import (
    COVER_WIDTHS,
    DownloadCancelled,
    DownloadError,
    DownloadProgress,
)
from lms_desktop.client.offline.layer import offline_client
from lms_desktop.contract import ProgressUpdate
from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.servers import new_learner
from tests.offline.stack import course_with_sections, section_list

PASSWORD = "correct horse"


def requested(server: EmbeddedServer) -> list[str]:
    return [f"{r.path}?{r.query}" if r.query else r.path for r in server.request_log if r.method == "GET"]


@pytest.fixture
async def client(server: EmbeddedServer, tmp_path: Path) -> AsyncIterator[LmsClient]:
    _, username, _ = new_learner(server, PASSWORD)
    config = ClientConfig(
        base_url=server.base_url,
        cache_dir=tmp_path / "cache",
        token_store=MemoryTokenStore(),
        disk_cache_bytes=200_000,  # small: browsing must not evict what was downloaded
        probe_initial_s=0.1,
        probe_max_s=0.5,
    )
    client = offline_client(config, offline_dir=tmp_path / "offline")
    await client.sign_in(username, PASSWORD)
    yield client
    await client.aclose()


async def test_interrupted_download_resumes_without_fetching_again(
    server: EmbeddedServer, client: LmsClient
) -> None:
    token = client.session.current.access_token if client.session.current else ""
    detail, content = course_with_sections(server.base_url, token, minimum=6)
    cid = detail.id
    sections = section_list(content)
    cancel = asyncio.Event()
    seen: list[DownloadProgress] = []

    def on_progress(p: DownloadProgress) -> None:
        seen.append(p)
        if p.done >= 6:
            cancel.set()  # the learner presses Cancel part way

    server.set_delay(0.02)
    server.reset_log()
    with pytest.raises(DownloadCancelled):
        await client.offline.downloads.download(cid, progress=on_progress, cancel=cancel)
    first_run = requested(server)
    partial = client.offline.downloads.get(cid)
    assert (
        partial is not None
        and partial.state == "partial"
        and not client.offline.downloads.is_available_offline(cid)
    )
    have = client.offline.downloads.manifest.keys(client.partition, cid)
    assert len(have) >= 6 and all(client.is_pinned(k) for k in have)

    server.reset_log()
    done = await client.offline.downloads.download(cid, progress=seen.append)
    second_run = requested(server)
    server.set_delay(0)
    assert done.state == "complete" and done.last_sync is not None and done.size_bytes > 0
    expected = 2 + len(sections) + (len(COVER_WIDTHS) if detail.image_url else 0)
    assert done.items == expected == done.total_items
    # across both runs every item was asked for exactly once: nothing the first run got was fetched again
    everything = set(client.offline.downloads.manifest.keys(client.partition, cid))
    assert len(everything) == expected
    assert not set(second_run) & set(first_run)
    assert sorted(first_run + second_run) == sorted(everything)
    assert have <= set(first_run) and len(second_run) <= expected - len(have)
    assert seen[-1].done == seen[-1].total == expected and seen[-1].fetched == expected - len(have)

    # a third run (e.g. the button pressed again) makes no request at all
    server.reset_log()
    await client.offline.downloads.download(cid)
    assert requested(server) == []


async def test_downloaded_course_reads_fully_offline_refreshes_cheaply_and_is_removed(
    server: EmbeddedServer, client: LmsClient
) -> None:
    token = client.session.current.access_token if client.session.current else ""
    detail, content = course_with_sections(server.base_url, token, minimum=3)
    cid = detail.id
    await client.offline.downloads.download(cid)
    listed = client.offline.downloads.courses()
    assert [(c.course_id, c.title, c.state) for c in listed] == [(cid, detail.title, "complete")]
    assert listed[0].size_bytes > 1000 and listed[0].last_sync is not None

    # browse a lot with a 200 KB cache: the pinned course is not evicted
    for page in range(1, 6):
        await client.list_courses(CourseQuery(page=page, limit=20))
    for q in ("python", "data", "web", "design"):
        await client.list_courses(CourseQuery(q=q))
    assert all(client.is_pinned(k) for k in client.offline.downloads.manifest.keys(client.partition, cid))

    server.stop()
    try:
        meta = await client.course(cid)
        assert meta.stale and meta.value.title == detail.title
        outline = await client.content(cid)
        assert section_list(outline.value) == section_list(content)
        for sid in section_list(content):
            body = await client.section(sid)
            assert body.value.id == sid and body.value.body_markdown
        if detail.image_url:
            assert (await client.image(detail.image_url, 320)).startswith(b"RIFF")
            assert await client.image(detail.image_url, 500)  # another width: the nearest pinned one
        assert not client.online
    finally:
        server.start()
    await client.check_online()
    await client.settle()  # coming back online syncs and refreshes downloads in the background

    # refresh: two conditional requests, both 304, no section fetched
    before = client.cache_stats().not_modified
    server.reset_log()
    report = await client.offline.downloads.refresh(cid)
    assert not report.gone and not report.changed
    assert len(requested(server)) == 2 and client.cache_stats().not_modified - before == 2
    assert client.offline.downloads.get(cid) is not None

    # progress changes the per-user content: refresh takes the new content, still without section requests
    await client.enroll(cid)
    await client.put_progress(section_list(content)[0], _done())
    await client.settle()
    server.reset_log()
    report = await client.offline.downloads.refresh(cid)
    assert server.count("/sections") == 0 and len(requested(server)) == 2

    keys = client.offline.downloads.manifest.keys(client.partition, cid)
    client.offline.downloads.remove(cid)
    assert client.offline.downloads.courses() == []
    assert not any(client.is_pinned(k) for k in keys)


async def test_refresh_marks_a_course_gone_from_the_server(server: EmbeddedServer, client: LmsClient) -> None:
    from lms_desktop.server.db.queries import authoring

    token = client.session.current.access_token if client.session.current else ""
    detail, _ = course_with_sections(server.base_url, token, minimum=1)
    await client.offline.downloads.download(detail.id)
    assert server.database is not None
    with server.database.write() as conn:
        authoring.update_course(conn, detail.id, is_published=False)
    try:
        report = await client.offline.downloads.refresh(detail.id)
        assert report.gone
        gone = client.offline.downloads.get(detail.id)
        assert gone is not None and gone.state == "gone" and gone.last_error
        # still readable: the learner decides when to remove it
        assert client.is_pinned(paths.content(detail.id))
    finally:
        with server.database.write() as conn:
            authoring.update_course(conn, detail.id, is_published=True)


def _done() -> ProgressUpdate:
    return ProgressUpdate(completed_at=datetime.now(UTC), time_spent_seconds=10)


async def test_without_a_usable_disk_cache_a_download_still_works(
    server: EmbeddedServer, tmp_path: Path
) -> None:
    """Downloads are kept apart from the disk cache: a cache directory that cannot be used stops nothing."""
    _, username, token = new_learner(server, PASSWORD)
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the cache directory should be")
    config = ClientConfig(base_url=server.base_url, cache_dir=blocked, token_store=MemoryTokenStore())
    client = offline_client(config, offline_dir=tmp_path / "offline")
    try:
        await client.sign_in(username, PASSWORD)
        assert client.cache_stats().disk_warning
        detail, _ = course_with_sections(server.base_url, token, minimum=1)
        done = await client.offline.downloads.download(detail.id)
        assert done.complete and client.cache_stats().pinned_bytes >= done.size_bytes > 0
    finally:
        await client.aclose()


async def test_without_a_usable_download_store_a_download_says_so(
    server: EmbeddedServer, tmp_path: Path
) -> None:
    _, username, token = new_learner(server, PASSWORD)
    offline = tmp_path / "offline"
    offline.mkdir()
    (offline / "downloads").write_text("a file where the download store should be")
    config = ClientConfig(
        base_url=server.base_url, cache_dir=tmp_path / "cache", token_store=MemoryTokenStore()
    )
    client = offline_client(config, offline_dir=offline)
    try:
        await client.sign_in(username, PASSWORD)
        assert client.offline.download_store.warning
        detail, _ = course_with_sections(server.base_url, token, minimum=1)
        with pytest.raises(DownloadError, match="download store is unavailable"):
            await client.offline.downloads.download(detail.id)
        failed = client.offline.downloads.get(detail.id)
        assert failed is not None and failed.state == "partial" and failed.last_error
    finally:
        await client.aclose()
