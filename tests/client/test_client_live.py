"""The client against the real bundled server on a loopback port; requests are counted AT THE SERVER.

Freshness is shortened with a clock injected into the cache (the server is real, only time moves).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lms_desktop.client import (
    AuthRequired,
    CourseQuery,
    FileTokenStore,
    MemoryTokenStore,
    OfflineError,
    StoredSession,
    paths,
)
from lms_desktop.client.cache.disk import EVICTABLE_DIR
from lms_desktop.contract import ProgressUpdate, User
from lms_desktop.server.embedded import EmbeddedServer
from tests.client.clock import StepClock
from tests.client.conftest import PASSWORD, ClientFactory, SignedIn, new_username
from tests.fixtures.waiting import until

POPULAR = CourseQuery(sort="popular", limit=10)


async def test_fresh_hit_makes_no_request(
    client_server: EmbeddedServer, make_client: ClientFactory, signed_in: SignedIn
) -> None:
    client = await signed_in(client_server)
    before = client_server.count("/courses")
    first = await client.list_courses(POPULAR)
    assert first.source == "network" and not first.stale
    for _ in range(5):
        again = await client.list_courses(POPULAR)
        assert again.source == "memory" and not again.stale and again.updated is None
        assert again.value is first.value
    assert client_server.count("/courses") - before == 1
    section_id = 1
    before_sections = client_server.count(f"/sections/{section_id}")
    await client.section(section_id)
    assert (await client.section(section_id)).source == "memory"
    assert client_server.count(f"/sections/{section_id}") - before_sections == 1
    stats = client.cache_stats()
    assert stats.hits_memory >= 6 and stats.hit_rate > 0.5


async def test_stale_entry_revalidates_and_gets_304(
    client_server: EmbeddedServer, make_client: ClientFactory, signed_in: SignedIn
) -> None:
    clock = StepClock()
    client = await signed_in(client_server, clock=clock)
    await client.list_courses(POPULAR)
    before = client_server.count("/courses")
    clock.advance(601)  # listings are max-age=600
    blocking = await client.list_courses(POPULAR, swr=False)
    assert client_server.count("/courses") - before == 1
    stats = client.cache_stats()
    assert stats.revalidations == 1 and stats.not_modified == 1
    assert blocking.source == "memory" and not blocking.stale  # the body was not downloaded again
    # the 304 refreshed freshness: no request for the next 600 s
    await client.list_courses(POPULAR)
    assert client_server.count("/courses") - before == 1
    # stale-while-revalidate: the cached value at once, `updated` -> None because nothing changed
    clock.advance(601)
    swr = await client.list_courses(POPULAR)
    assert swr.stale and swr.source == "memory" and swr.updated is not None
    assert await swr.updated is None
    assert client_server.count("/courses") - before == 2
    assert client.cache_stats().not_modified == 2


async def test_swr_delivers_the_new_value_only_when_it_changed(
    client_server: EmbeddedServer, make_client: ClientFactory, signed_in: SignedIn, tmp_path: Path
) -> None:
    username = new_username(client_server)
    reader = make_client(client_server, cache_dir=tmp_path / "a")
    writer = make_client(client_server, cache_dir=tmp_path / "b")  # the same learner on a second machine
    await reader.sign_in(username, PASSWORD)
    await writer.sign_in(username, PASSWORD)
    course_id = (await reader.list_courses(POPULAR)).value.items[3].id
    assert (await reader.course(course_id)).value.enrollment_status is None
    unchanged = await reader.course(course_id)  # private, no-cache: served at once, revalidated behind
    assert unchanged.source == "memory" and unchanged.updated is not None
    assert await unchanged.updated is None
    await writer.enroll(course_id)
    cached = await reader.course(course_id)
    assert cached.value.enrollment_status is None and cached.updated is not None  # the old value first ...
    newer = await cached.updated
    assert newer is not None and newer.enrollment_status == "active"  # ... then the change
    assert (await reader.course(course_id, swr=False)).value.enrollment_status == "active"


async def test_restarted_client_serves_from_disk(
    client_server: EmbeddedServer, make_client: ClientFactory, signed_in: SignedIn, tmp_path: Path
) -> None:
    tokens = FileTokenStore(tmp_path / "sessions.json")
    first = await signed_in(client_server, cache_dir=tmp_path / "c", token_store=tokens)
    page = await first.list_courses(POPULAR)
    section = await first.section(2)
    await first.aclose()

    second = make_client(client_server, cache_dir=tmp_path / "c", token_store=tokens)
    user = await second.restore_session()
    assert user is not None and first.user is not None and user.id == first.user.id
    before = client_server.count("/courses"), client_server.count("/sections")
    again = await second.list_courses(POPULAR)
    assert again.source == "disk" and again.value == page.value
    assert (await second.section(2)).value == section.value
    assert (client_server.count("/courses"), client_server.count("/sections")) == before
    assert (await second.list_courses(POPULAR)).source == "memory"  # promoted to tier 1
    assert second.cache_stats().hits_disk == 2


async def test_server_stopped_serves_stale_offline_then_comes_back(
    client_server: EmbeddedServer, signed_in: SignedIn
) -> None:
    server = client_server
    clock = StepClock()
    client = await signed_in(server, clock=clock)
    changes: list[bool] = []
    client.on_online_changed(changes.append)
    page = await client.list_courses(POPULAR)
    cid = page.value.items[0].id
    other = page.value.items[1].id
    await client.course(cid)
    await client.course(other)
    await client.dashboard()

    server.stop()
    try:
        clock.advance(3600)
        offline_page = await client.list_courses(POPULAR)  # the cached page at once ...
        assert offline_page.stale and offline_page.value == page.value and offline_page.updated is not None
        assert await offline_page.updated is None  # ... its background revalidation finds the server gone
        assert client.online is False and changes == [False]
        again = await client.list_courses(POPULAR)  # known offline: no attempt, no revalidation
        assert again.stale and again.updated is None
        detail = await client.course(cid)  # private no-cache entries are served too, flagged stale
        assert detail.stale and detail.updated is None
        assert (await client.dashboard()).stale
        with pytest.raises(OfflineError):
            await client.course(page.value.items[5].id)  # never cached
        with pytest.raises(OfflineError):
            await client.enroll(other)  # writes need the server (the outbox of issue 5 wraps this)
        kept = await client.course(other)  # the failed write marked it stale, but did not delete it
        assert kept.stale and kept.value.id == other
    finally:
        server.start()  # same port
    await until(lambda: client.online, within_s=5, what="back online")
    assert changes == [False, True]
    fresh = await client.list_courses(POPULAR, swr=False)
    assert not fresh.stale


async def test_enroll_progress_and_rating_are_read_back_at_once(
    client_server: EmbeddedServer, make_client: ClientFactory, signed_in: SignedIn
) -> None:
    client = await signed_in(client_server)
    course_id = (await client.list_courses(POPULAR)).value.items[1].id
    assert (await client.course(course_id)).value.enrollment_status is None
    assert (await client.dashboard()).value.items == []
    content = (await client.content(course_id)).value

    await client.enroll(course_id)
    detail = await client.course(course_id)  # swr=True, yet the writer's own write is not stale
    assert detail.value.enrollment_status == "active" and not detail.stale and detail.updated is None
    dash = await client.dashboard()
    assert [i.course_id for i in dash.value.items] == [course_id] and not dash.stale

    section_id = content.lessons[0].sections[0].id
    await client.put_progress(
        section_id, ProgressUpdate(completed_at=datetime.now(UTC), time_spent_seconds=30)
    )
    outline = (await client.content(course_id)).value
    assert outline.lessons[0].sections[0].completed_at is not None
    assert (await client.dashboard()).value.items[0].completed_sections == 1

    await client.rate(course_id, 4)
    assert (await client.course(course_id)).value.my_rating == 4

    await client.unenroll(course_id)
    assert (await client.course(course_id)).value.enrollment_status in (None, "dropped")


async def test_a_revalidation_started_before_a_write_never_overwrites_it(
    client_server: EmbeddedServer, make_client: ClientFactory, signed_in: SignedIn
) -> None:
    from tests.client.faults import HoldResponses

    hold = HoldResponses(path_suffix="/courses/7")
    client = await signed_in(client_server, http_transport=hold)
    await client.course(7)
    hold.armed = True
    slow_read = asyncio.create_task(client.course(7, swr=False))  # answered pre-enroll, held in transit
    await hold.holding.wait()
    await client.enroll(7)
    hold.release.set()
    old = await slow_read
    assert old.value.enrollment_status is None  # what the server said before the write
    after = await client.course(7)  # swr=True: had the old answer been stored, it would show here
    assert after.value.enrollment_status == "active"


async def test_per_user_isolation_same_url_same_cache_dir(
    client_server: EmbeddedServer, make_client: ClientFactory, signed_in: SignedIn, tmp_path: Path
) -> None:
    shared_dir = tmp_path / "shared"
    alice = await signed_in(client_server, cache_dir=shared_dir)
    bob = await signed_in(client_server, cache_dir=shared_dir)
    course_id = (await alice.list_courses(POPULAR)).value.items[2].id
    await alice.enroll(course_id)
    assert (await alice.course(course_id)).value.enrollment_status == "active"
    assert len((await alice.dashboard()).value.items) == 1

    before = client_server.count(f"/courses/{course_id}")
    bob_view = await bob.course(course_id)
    assert bob_view.source == "network" and bob_view.value.enrollment_status is None
    assert client_server.count(f"/courses/{course_id}") - before == 1
    assert (await bob.dashboard()).value.items == []

    # One client, two accounts one after the other: nothing of the first shows for the second.
    carol = new_username(client_server)
    await alice.sign_out()
    await alice.sign_in(carol, PASSWORD)
    assert (await alice.course(course_id)).value.enrollment_status is None
    assert (await alice.dashboard()).value.items == []


async def test_corrupt_cache_dir_is_recreated(
    client_server: EmbeddedServer, make_client: ClientFactory, signed_in: SignedIn, tmp_path: Path
) -> None:
    first = await signed_in(client_server, cache_dir=tmp_path / "c")
    await first.list_courses(POPULAR)
    await first.aclose()
    (tmp_path / "c" / EVICTABLE_DIR / "cache.db").write_bytes(b"\x00garbage" * 4096)

    second = await signed_in(client_server, cache_dir=tmp_path / "c")
    stats = second.cache_stats()
    assert stats.disk_enabled and stats.disk_warning is not None and "recreated" in stats.disk_warning
    before = client_server.count("/courses")
    assert (await second.list_courses(POPULAR)).source == "network"
    assert client_server.count("/courses") - before == 1


async def test_unusable_cache_dir_is_bypassed(
    client_server: EmbeddedServer, make_client: ClientFactory, signed_in: SignedIn, tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("in the way")
    client = await signed_in(client_server, cache_dir=tmp_path / "file" / "cache")
    stats = client.cache_stats()
    assert not stats.disk_enabled and stats.disk_warning
    page = await client.list_courses(POPULAR)
    assert (await client.list_courses(POPULAR)).value is page.value  # the memory tier still works


async def test_expired_or_revoked_token_means_sign_in(
    client_server: EmbeddedServer, make_client: ClientFactory, signed_in: SignedIn
) -> None:
    import httpx

    # A session that expired while the app was closed: a clean "signed out", no request needed.
    username = new_username(client_server)
    tokens = MemoryTokenStore()
    client = make_client(client_server, token_store=tokens)
    tokens.save(
        client.server_id,
        StoredSession(
            access_token="expired-while-the-app-was-closed",
            expires_at=datetime.now(UTC) - timedelta(minutes=1),
            user=User(id=1, username=username, display_name=username),
        ),
    )
    assert await client.restore_session() is None
    assert tokens.load(client.server_id) is None
    with pytest.raises(AuthRequired):
        await client.dashboard()

    # A token the server no longer accepts (revoked elsewhere): AuthRequired, session forgotten.
    ended: list[str] = []
    client.on_session_ended(lambda: ended.append("ended"))
    await client.sign_in(username, PASSWORD)
    assert tokens.load(client.server_id) is not None
    stolen = tokens.load(client.server_id)
    assert stolen is not None
    async with httpx.AsyncClient() as other_device:
        revoked = await other_device.delete(
            f"{client_server.api_url}/auth/token", headers={"Authorization": f"Bearer {stolen.access_token}"}
        )
    assert revoked.status_code == 204
    with pytest.raises(AuthRequired):
        await client.dashboard(swr=False)
    assert client.user is None and tokens.load(client.server_id) is None
    assert ended == ["ended"]

    # A stored session whose token expires during use: AuthRequired before any request.
    await client.sign_in(username, PASSWORD)
    assert client.session.current is not None
    client.session.current = StoredSession(
        access_token=client.session.current.access_token,
        expires_at=datetime.now(UTC) - timedelta(seconds=1),
        user=client.session.current.user,
    )
    before = client_server.count("/dashboard")
    with pytest.raises(AuthRequired, match="expired"):
        await client.dashboard(swr=False)
    assert client_server.count("/dashboard") == before
    assert ended == ["ended", "ended"]
    await client.sign_in(username, PASSWORD)
    await client.sign_out()  # the learner's own choice: no "session ended" prompt
    assert ended == ["ended", "ended"] and client.user is None


async def test_identical_in_flight_gets_are_shared(
    client_server: EmbeddedServer, make_client: ClientFactory, signed_in: SignedIn
) -> None:
    client = await signed_in(client_server)
    query = CourseQuery(q="python", sort="relevance", limit=7)
    before = client_server.count("/courses")
    client_server.set_delay(0.1)
    try:
        results = await asyncio.gather(*(client.list_courses(query) for _ in range(8)))
    finally:
        client_server.set_delay(0)
    assert client_server.count("/courses") - before == 1
    assert all(r.value is results[0].value for r in results)


async def test_image_is_cached_as_immutable(
    client_server: EmbeddedServer, make_client: ClientFactory, signed_in: SignedIn
) -> None:
    client = await signed_in(client_server)
    page = await client.list_courses(POPULAR)
    url = next(i.image_url for i in page.value.items if i.image_url)
    first = await client.image(url, 160)
    before = client_server.count("/images")
    assert await client.image(url, 160) == first
    assert client_server.count("/images") == before
    assert first[:4] == b"RIFF"  # webp


async def test_cache_warming_fills_the_cache_behind_foreground_requests(
    client_server: EmbeddedServer, make_client: ClientFactory, signed_in: SignedIn
) -> None:
    client = await signed_in(client_server)
    client_server.reset_log()
    client_server.set_delay(0.2)
    try:
        foreground = asyncio.create_task(client.list_courses(CourseQuery(q="data", limit=5)))
        await until(lambda: client_server.count("/courses") == 1)  # the learner's request goes out first ...
        warming = client.start_warming(courses=8, contents=3)
        done = await foreground
        client_server.set_delay(0)
        assert done.source == "network"
        await warming
        # ... and no warming request reached the server while it was in flight (the gate held them
        # back until its answer came, which the server delayed by 0.2 s)
        log = client_server.request_log
        assert "q=data" in log[0].query
        assert log[1].at - log[0].at >= 0.2
    finally:
        client_server.set_delay(0)
    details = [
        r
        for r in client_server.request_log
        if r.path.startswith("/api/v1/courses/") and not r.path.endswith("content")
    ]
    contents = [r for r in client_server.request_log if r.path.endswith("/content")]
    assert len(details) == 8 and len(contents) == 3
    popular = await client.list_courses(CourseQuery(sort="popular", limit=8))
    assert popular.source == "memory"
    warmed = await client.course(popular.value.items[0].id)
    assert warmed.source == "memory"  # shown at once (revalidated behind, as private answers are)


async def test_health(client_server: EmbeddedServer, make_client: ClientFactory, signed_in: SignedIn) -> None:
    client = make_client(client_server)
    health = await client.health()
    assert health.status == "ok" and health.database
    assert paths.HEALTH.endswith("/health")


async def test_one_background_revalidation_per_key(
    client_server: EmbeddedServer, signed_in: SignedIn
) -> None:
    clock = StepClock()
    client = await signed_in(client_server, clock=clock)
    await client.list_courses(POPULAR)
    clock.advance(601)
    before = client_server.count("/courses")
    client_server.set_delay(0.1)
    try:
        reads = [await client.list_courses(POPULAR) for _ in range(5)]  # five screens ask at once
        assert all(r.stale and r.updated is not None for r in reads)
        assert [await r.updated for r in reads if r.updated is not None] == [None] * 5
    finally:
        client_server.set_delay(0)
    assert client_server.count("/courses") - before == 1


async def test_a_caller_giving_up_does_not_cancel_the_shared_request(
    client_server: EmbeddedServer, signed_in: SignedIn
) -> None:
    client = await signed_in(client_server)
    query = CourseQuery(q="guide", limit=4)
    client_server.set_delay(0.2)
    try:
        before = client_server.count("/courses")
        superseded = asyncio.create_task(client.list_courses(query))
        kept = asyncio.create_task(client.list_courses(query))
        await until(lambda: client_server.count("/courses") > before)  # both asked, one request sent
        superseded.cancel()  # e.g. the search box moved on
        page = await kept
    finally:
        client_server.set_delay(0)
    assert superseded.cancelled() and page.source == "network"
    assert (await client.list_courses(query)).source == "memory"  # and it was stored


async def test_a_hung_server_times_out_instead_of_freezing(
    client_server: EmbeddedServer, signed_in: SignedIn
) -> None:
    clock = StepClock()
    client = await signed_in(client_server, clock=clock, timeout_s=0.3)
    page = await client.list_courses(POPULAR)
    clock.advance(601)
    before = client_server.count("/courses")
    client_server.set_delay(1.0)
    try:
        served = await client.list_courses(POPULAR, swr=False)  # revalidation times out -> stale copy
        assert served.stale and served.value == page.value
        assert client_server.count("/courses") - before == 1  # a timeout is not retried
        assert not client.online
        with pytest.raises(OfflineError):
            await client.list_courses(CourseQuery(q="never cached"))
    finally:
        client_server.set_delay(0)


async def test_offline_start_opens_from_disk_with_the_stored_session(
    client_server: EmbeddedServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    tokens = FileTokenStore(tmp_path / "sessions.json")
    first = make_client(client_server, cache_dir=tmp_path / "c", token_store=tokens)
    me = await first.sign_in(new_username(client_server), PASSWORD)
    page = await first.list_courses(POPULAR)
    await first.dashboard()
    await first.aclose()

    client_server.stop()
    try:
        second = make_client(client_server, cache_dir=tmp_path / "c", token_store=tokens)
        assert await second.restore_session() == me  # the stored user: the right cache partition
        assert not second.online
        listing = await second.list_courses(POPULAR)
        assert listing.source == "disk" and listing.value == page.value
        dashboard = await second.dashboard()
        assert dashboard.source == "disk" and dashboard.stale
    finally:
        client_server.start()


async def test_refresh_listings_marks_every_listing_stale(
    client_server: EmbeddedServer, signed_in: SignedIn
) -> None:
    client = await signed_in(client_server)
    queries = [POPULAR, CourseQuery(sort="newest", limit=5)]
    for query in queries:
        await client.list_courses(query)
    await client.course(1)
    client.refresh_listings()
    before = client_server.count("/courses")
    for query in queries:
        shown = await client.list_courses(query)
        assert shown.stale and shown.updated is not None  # at once, refreshed behind
        assert await shown.updated is None  # nothing changed: 304
    assert client_server.count("/courses") - before == 2
    assert client.cache_stats().not_modified >= 2
    assert (await client.list_courses(POPULAR)).stale is False  # the 304 made it fresh again
