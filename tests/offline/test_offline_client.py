"""LmsClient against the real server: the app's writes through the outbox, reads with pending changes,
offline detection, and needs-attention as the learner sees it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from lms_desktop.client import ApiError, ClientConfig, MemoryTokenStore
from lms_desktop.client.api import LmsClient
from lms_desktop.client.offline.layer import OfflineStatus, offline_client
from lms_desktop.contract import CourseContent, CourseDetail, ProgressUpdate
from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.servers import new_learner
from tests.fixtures.waiting import until
from tests.offline.stack import course_with_sections, get_json, past, section_list

PASSWORD = "correct horse"


def make_client(server: EmbeddedServer, tmp: Path, **kw: object) -> LmsClient:
    config = ClientConfig(
        base_url=server.base_url,
        cache_dir=tmp / "cache",
        token_store=MemoryTokenStore(),
        probe_initial_s=0.1,
        probe_max_s=0.5,
        timeout_s=5.0,
    )
    return offline_client(config, offline_dir=tmp / "offline", **kw)  # type: ignore[arg-type]


@pytest.fixture
async def learner(server: EmbeddedServer, tmp_path: Path) -> AsyncIterator[tuple[LmsClient, str]]:
    _, username, token = new_learner(server, PASSWORD)
    client = make_client(server, tmp_path)
    await client.sign_in(username, PASSWORD)
    yield client, token
    await client.aclose()


async def test_learning_offline_through_the_app_then_syncing(
    server: EmbeddedServer, learner: tuple[LmsClient, str]
) -> None:
    client, token = learner
    detail, content = course_with_sections(server.base_url, token)
    cid, (s1, s2) = detail.id, section_list(content)[:2]
    await client.course(cid)
    await client.content(cid)
    await client.section(s1)
    await client.section(s2)
    statuses: list[OfflineStatus] = []
    client.offline.on_status_changed(statuses.append)

    server.stop()
    done_at = datetime.now(UTC).replace(microsecond=0)
    enrollment = await client.enroll(cid)  # notices the server is gone, keeps the change
    assert enrollment.status == "active" and not client.online
    progress = await client.put_progress(s1, ProgressUpdate(completed_at=done_at, time_spent_seconds=90))
    assert progress.completed_at == done_at and progress.time_spent_seconds == 90
    await client.put_progress(s1, ProgressUpdate(time_spent_seconds=30))
    await client.put_progress(s2, ProgressUpdate(time_spent_seconds=15))
    rating = await client.rate(cid, 4)
    assert rating.rating == 4
    status = client.offline.offline_status()
    assert status.pending == 4 and status.needs_attention == 0 and not status.online
    assert statuses and statuses[-1].pending == 4 and not statuses[-1].online

    # offline reads show what the learner did (cached data + pending changes)
    seen = await client.content(cid)
    assert seen.stale
    by_id = {s.id: s for lesson in seen.value.lessons for s in lesson.sections}
    assert by_id[s1].completed_at == done_at and by_id[s1].time_spent_seconds == 120
    assert by_id[s2].time_spent_seconds == 15
    meta = (await client.course(cid)).value
    assert meta.enrollment_status == "active" and meta.my_rating == 4

    server.start()
    server.reset_log()
    await until(lambda: client.online and client.offline.offline_status().pending == 0, within_s=15)
    assert client.offline.offline_status().last_sync is not None
    assert any(s.syncing for s in statuses) and statuses[-1].pending == 0 and not statuses[-1].syncing
    assert server.count("/progress", "PUT") == 2  # s1's two updates went as one
    after = get_json(server.base_url, token, f"/courses/{cid}/content", CourseContent)
    by_id = {s.id: s for lesson in after.lessons for s in lesson.sections}
    assert (by_id[s1].completed_at, by_id[s1].time_spent_seconds) == (done_at, 120)
    assert by_id[s2].time_spent_seconds == 15
    meta = get_json(server.base_url, token, f"/courses/{cid}", CourseDetail)
    assert meta.enrollment_status == "active" and meta.my_rating == 4
    # and the app reads its own writes from the server now, with nothing left to lay over
    assert (await client.course(cid, swr=False)).value.my_rating == 4


async def test_online_writes_answer_from_the_server_and_refusals_roll_back(
    server: EmbeddedServer, learner: tuple[LmsClient, str]
) -> None:
    client, token = learner
    detail, content = course_with_sections(server.base_url, token)
    sid = section_list(content)[0]
    await client.section(sid)
    with pytest.raises(ApiError) as refused:  # 409: not enrolled in the section's course
        await client.put_progress(sid, ProgressUpdate(time_spent_seconds=5))
    assert refused.value.status == 409
    assert client.offline.offline_status().pending == 0 and client.offline.attention_changes() == []

    server.reset_log()
    enrollment = await client.enroll(detail.id)
    assert enrollment.status == "active" and enrollment.enrolled_at is not None
    assert server.count(f"/courses/{detail.id}/enrollment", "PUT") == 1
    progress = await client.put_progress(sid, ProgressUpdate(time_spent_seconds=5))
    assert progress.time_spent_seconds == 5 and progress.course_id == detail.id
    assert client.offline.offline_status().pending == 0
    # the read after the write is the server's (the write invalidated the cached detail)
    assert (await client.course(detail.id)).value.enrollment_status == "active"


async def test_deleted_course_needs_attention_in_the_app(
    server: EmbeddedServer, learner: tuple[LmsClient, str]
) -> None:
    from lms_desktop.server.db.queries import authoring

    client, token = learner
    page = get_json(server.base_url, token, "/courses?limit=5&sort=newest", dict)
    cid = int(page["items"][-1]["id"])
    await client.course(cid)
    server.stop()
    await client.enroll(cid)
    assert client.offline.offline_status().pending == 1
    assert server.database is not None
    with server.database.write() as conn:
        authoring.delete_course(conn, cid)
    server.start()
    await until(lambda: client.online and client.offline.offline_status().pending == 0, within_s=15)
    parked = client.offline.attention_changes()
    assert len(parked) == 1 and parked[0].reason == "gone"
    assert parked[0].describe().startswith("Enroll in")
    assert client.offline.offline_status().needs_attention == 1
    assert client.offline.discard_change(parked[0].seq)
    assert client.offline.offline_status().needs_attention == 0


async def test_a_dead_or_hung_server_is_noticed_and_its_return_too(
    server: EmbeddedServer, tmp_path: Path
) -> None:
    _, username, _ = new_learner(server, PASSWORD)
    client = make_client(server, tmp_path, heartbeat_s=0.25)
    await client.sign_in(username, PASSWORD)
    changes: list[bool] = []
    client.on_online_changed(changes.append)
    client.offline.start_heartbeat()
    loop = asyncio.get_running_loop()
    try:
        server.set_delay(2.5)  # hung: accepts, answers too late for the 1 s probe
        started = loop.time()
        await until(lambda: not client.online, within_s=5)
        hung_s = loop.time() - started
        server.set_delay(0)
        await until(lambda: client.online, within_s=10)
        server.stop()  # gone: connection refused
        started = loop.time()
        await until(lambda: not client.online, within_s=5)
        gone_s = loop.time() - started
        server.start()
        await until(lambda: client.online, within_s=10)
    finally:
        server.set_delay(0)
        await client.aclose()
    assert changes == [False, True, False, True]
    print(f"offline noticed after {hung_s:.2f} s (hung server), {gone_s:.2f} s (stopped server)")
    assert hung_s < 2.0 and gone_s < 2.0  # the promise: within two seconds


async def test_signed_out_during_sync_keeps_the_change_until_signed_in_again(
    server: EmbeddedServer, tmp_path: Path
) -> None:
    _, username, token = new_learner(server, PASSWORD)
    client = make_client(server, tmp_path)
    try:
        await client.sign_in(username, PASSWORD)
        page = get_json(server.base_url, token, "/courses?limit=3&sort=popular", dict)
        cid = int(page["items"][0]["id"])
        await client.course(cid)
        server.stop()
        await client.rate(cid, 5)
        assert client.offline.offline_status().pending == 1
        from lms_desktop.server.db.queries import tokens

        assert client.session.current is not None and server.database is not None
        with server.database.write() as conn:  # signed out elsewhere (or expired) while offline
            tokens.revoke(conn, client.session.current.access_token)
        server.start()
        await client.check_online()
        await client.settle()
        # the 401 signed the client out; the change is kept and still shown
        assert client.user is None
        status = client.offline.offline_status()
        assert status.pending == 0 and status.needs_attention == 1
        assert client.offline.attention_changes()[0].reason == "signed_out"
        await client.sign_in(username, PASSWORD)
        await client.settle()
        assert (
            client.offline.offline_status().needs_attention == 0
            and client.offline.offline_status().pending == 0
        )
        assert get_json(server.base_url, token, f"/courses/{cid}", CourseDetail).my_rating == 5
    finally:
        await client.aclose()


async def test_two_installations_of_one_learner_converge_through_the_app(
    server: EmbeddedServer, tmp_path: Path
) -> None:
    """Laptop and desktop (separate caches and outboxes) learn offline, then both come back at once."""
    _, username, token = new_learner(server, PASSWORD)
    detail, content = course_with_sections(server.base_url, token, minimum=3)
    x, (s1, s2, s3) = detail.id, section_list(content)[:3]
    page = get_json(server.base_url, token, "/courses?limit=10&sort=popular", dict)
    y = next(int(c["id"]) for c in page["items"] if c["id"] != x)
    clocks = {"laptop": past(0), "desktop": past(0)}
    laptop = make_client(server, tmp_path / "laptop", now=lambda: clocks["laptop"])
    desktop = make_client(server, tmp_path / "desktop", now=lambda: clocks["desktop"])
    try:
        for client in (laptop, desktop):
            await client.sign_in(username, PASSWORD)
            for sid in (s1, s2, s3):
                await client.section(sid)
        server.stop()

        async def at(client: LmsClient, name: str, seconds: float, action: Any) -> None:
            clocks[name] = past(seconds)
            await action(client)

        await at(laptop, "laptop", 1, lambda c: c.enroll(x))
        await at(desktop, "desktop", 2, lambda c: c.enroll(x))
        await at(
            desktop,
            "desktop",
            5,
            lambda c: c.put_progress(s1, ProgressUpdate(completed_at=past(5), time_spent_seconds=40)),
        )
        await at(
            laptop,
            "laptop",
            10,
            lambda c: c.put_progress(s1, ProgressUpdate(completed_at=past(10), time_spent_seconds=100)),
        )
        await at(laptop, "laptop", 11, lambda c: c.put_progress(s2, ProgressUpdate(time_spent_seconds=60)))
        await at(laptop, "laptop", 12, lambda c: c.rate(x, 2))
        await at(desktop, "desktop", 15, lambda c: c.rate(x, 5))
        await at(
            desktop,
            "desktop",
            16,
            lambda c: c.put_progress(s3, ProgressUpdate(completed_at=past(16), time_spent_seconds=9)),
        )
        await at(laptop, "laptop", 20, lambda c: c.enroll(y))
        await at(desktop, "desktop", 25, lambda c: c.enroll(y))
        await at(laptop, "laptop", 30, lambda c: c.unenroll(y))
        assert laptop.offline.offline_status().pending == 6 and desktop.offline.offline_status().pending == 5

        server.start()  # both probes notice and both sync, in whatever order they happen to run
        await asyncio.gather(laptop.check_online(), desktop.check_online())
        await asyncio.gather(laptop.settle(), desktop.settle())
        for client in (laptop, desktop):
            status = client.offline.offline_status()
            assert status.pending == 0 and status.needs_attention == 0

        after = get_json(server.base_url, token, f"/courses/{x}/content", CourseContent)
        by_id = {s.id: s for lesson in after.lessons for s in lesson.sections}
        assert (by_id[s1].completed_at, by_id[s1].time_spent_seconds) == (past(5), 140)
        assert (by_id[s2].completed_at, by_id[s2].time_spent_seconds) == (None, 60)
        assert (by_id[s3].completed_at, by_id[s3].time_spent_seconds) == (past(16), 9)
        assert get_json(server.base_url, token, f"/courses/{x}", CourseDetail).my_rating == 5
        assert get_json(server.base_url, token, f"/courses/{y}", CourseDetail).enrollment_status is None
        # and both installations now read the same state
        for client in (laptop, desktop):
            assert (await client.course(x, swr=False)).value.my_rating == 5
            assert (await client.course(y, swr=False)).value.enrollment_status is None
    finally:
        await laptop.aclose()
        await desktop.aclose()


async def test_progress_kept_while_closing_is_sent_by_the_next_start(
    server: EmbeddedServer, tmp_path: Path
) -> None:
    """The window closes mid-section: the time goes to the outbox with no request, and the next start
    (a new client on the same offline folder) delivers it once."""
    _, username, token = new_learner(server, PASSWORD)
    detail, content = course_with_sections(server.base_url, token)
    cid, (s1, _) = detail.id, section_list(content)[:2]
    client = make_client(server, tmp_path)
    await client.sign_in(username, PASSWORD)
    await client.enroll(cid)
    await client.content(cid)
    await client.settle()
    server.reset_log()
    assert client.keep_progress(cid, s1, ProgressUpdate(time_spent_seconds=42))
    assert client.offline.offline_status().pending == 1
    assert server.count("/progress", "PUT") == 0  # kept, not sent: the window is going away
    await client.aclose()

    again = make_client(server, tmp_path)  # the next start: same offline folder, signs in again
    try:
        await again.sign_in(username, PASSWORD)
        await until(lambda: again.offline.offline_status().pending == 0, within_s=15)
        after = get_json(server.base_url, token, f"/courses/{cid}/content", CourseContent)
        spent = {s.id: s.time_spent_seconds for lesson in after.lessons for s in lesson.sections}
        assert spent[s1] == 42
        assert server.count("/progress", "PUT") == 1
        await again.sign_out()
        assert not again.keep_progress(cid, s1, ProgressUpdate(time_spent_seconds=5))  # nobody to keep it for
    finally:
        await again.aclose()
