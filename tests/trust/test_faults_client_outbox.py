"""The outbox neither loses nor blocks the learner's changes.

Damage: a damaged outbox file is moved aside and every change SQLite can still read comes back into the new
one, in order, with its op id; the learner is told how many could not be saved (`Outbox.salvage`). The files
are real SQLite files damaged on disk, page by page.

A change the server fails on every time (a 503 injected by `tests/client/faults.py::Flaky` after the real
`lms-server` handled the request) is retried a bounded number of times with backoff, then parked as needs
attention; the changes of other courses go through, and the later change of its own course waits behind it.
"""

from __future__ import annotations

import asyncio
import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from lms_desktop.client.api import LmsClient
from lms_desktop.client.auth.token_store import MemoryTokenStore
from lms_desktop.client.config import ClientConfig
from lms_desktop.client.offline import background
from lms_desktop.client.offline.layer import offline_client
from lms_desktop.client.offline.ops import EnrollOp, Op, ProgressOp, RatingOp, UnenrollOp
from lms_desktop.client.offline.outbox import Outbox, OutboxEntry
from lms_desktop.client.offline.sync import MAX_SERVER_FAILURES
from lms_desktop.contract import ProgressUpdate
from tests.client.faults import Flaky
from tests.trust import learners as lrn
from tests.trust.serverproc import ServerProcess

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
GUARD_S = 60.0  # a hang becomes a failure; no duration is asserted


def ops(n: int) -> list[Op]:
    kinds: list[Callable[[int], Op]] = [
        lambda i: EnrollOp(course_id=i),
        lambda i: ProgressOp(course_id=i, section_id=1000 + i, time_spent_seconds=i),
        lambda i: RatingOp(course_id=i, rating=1 + i % 5),
        lambda i: UnenrollOp(course_id=i),
    ]
    return [kinds[i % 4](i + 1) for i in range(n)]


def fill(path: Path, n: int, label: Callable[[int], str]) -> list[OutboxEntry]:
    box = Outbox(path)
    added = [
        box.add(7, op, label=label(i), client_timestamp=T0 + timedelta(seconds=i), coalesce=False)
        for i, op in enumerate(ops(n))
    ]
    box.mark_attention(added[3].seq, "refused", "409: not enrolled")
    added[3] = box.get(added[3].seq) or added[3]
    box.close()  # checkpoints the WAL into the file
    return added


def page_size(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])


def garble(path: Path, page: int) -> None:
    """Overwrite one page (numbered from 1) with bytes no SQLite page has."""
    size = page_size(path)
    with path.open("r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(bytes((i * 151 + 7) % 256 for i in range(size)))


def same(entry: OutboxEntry) -> tuple[object, ...]:
    return (entry.seq, entry.op_id, entry.op, entry.client_timestamp, entry.state, entry.reason, entry.label)


def test_a_damaged_last_page_loses_none_of_ten_changes(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    added = fill(path, 10, lambda i: f"Course {i}")
    pages = path.stat().st_size // page_size(path)
    garble(path, pages)

    box = Outbox(path)
    try:
        assert box.recovered_from is not None and box.recovered_from.exists(), "the damage was found"
        assert box.salvage is not None and (box.salvage.saved, box.salvage.lost) == (10, 0)
        assert [same(e) for e in box.entries(7)] == [same(e) for e in added], "every change, in order"
        later = box.add(7, EnrollOp(course_id=99))
        assert later.seq > added[-1].seq, "new changes queue after the saved ones"
    finally:
        box.close()


def test_rows_on_a_damaged_page_are_counted_and_the_rest_come_back(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    labels = [f"<course {i:04d}>" + "·" * 120 for i in range(300)]
    added = fill(path, 300, labels.__getitem__)
    with sqlite3.connect(path) as conn:
        leaves = [
            int(r[0])
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'outbox' AND pagetype = 'leaf' ORDER BY pageno"
            )
        ]
    assert len(leaves) >= 5, "the rows span several pages"
    victim = leaves[len(leaves) // 2]
    size = page_size(path)
    raw = path.read_bytes()[(victim - 1) * size : victim * size]
    on_victim = {i for i, text in enumerate(labels) if text.encode() in raw}
    assert 0 < len(on_victim) < 300
    garble(path, victim)

    box = Outbox(path)
    try:
        assert box.salvage is not None
        assert (box.salvage.saved, box.salvage.lost) == (300 - len(on_victim), len(on_victim))
        kept = [same(e) for i, e in enumerate(added) if i not in on_victim]
        assert [same(e) for e in box.entries(7)] == kept
    finally:
        box.close()


def test_a_file_that_is_not_a_database_says_the_count_is_unknown(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    path.write_bytes(b"not a database at all " * 400)
    box = Outbox(path)
    try:
        assert box.salvage is not None and box.salvage.saved == 0 and box.salvage.lost is None
        assert box.counts(7).pending == 0
    finally:
        box.close()


# ---- a change the server keeps failing on -------------------------------------------------------------


def two_courses_with_sections(server: ServerProcess) -> tuple[int, int, int]:
    """(course A, course B, a section of B)."""
    found: list[tuple[int, int]] = []
    with httpx.Client(timeout=30) as http:
        for item in http.get(f"{server.api}/courses", params={"limit": 20}).json()["items"]:
            content = http.get(f"{server.api}/courses/{item['id']}/content").json()
            sections = [s["id"] for lesson in content["lessons"] for s in lesson["sections"]]
            if sections:
                found.append((int(item["id"]), int(sections[0])))
            if len(found) == 2:
                return found[0][0], found[1][0], found[1][1]
    raise AssertionError("the seeded catalog has fewer than two courses with sections")


def dashboard_courses(server: ServerProcess, token: str) -> dict[int, int]:
    """course id -> time spent, as the server has it."""
    answer = httpx.get(f"{server.api}/dashboard", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    answer.raise_for_status()
    return {int(i["course_id"]): int(i["time_spent_seconds"]) for i in answer.json()["items"]}


async def until(client: LmsClient, what: Callable[[], bool]) -> None:
    """Wait until `what` holds, looking again at each status change (outbox, sync start and end)."""
    changed = asyncio.Event()
    stop = client.offline.on_status_changed(lambda _status: changed.set())
    try:
        async with asyncio.timeout(GUARD_S):
            while not what():
                await changed.wait()
                changed.clear()
    finally:
        stop()


async def test_a_change_the_server_always_fails_on_is_parked_and_the_rest_sync(
    sqlite_server: ServerProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "RETRY_INITIAL_S", 0.05)  # the sync's backoff, shortened
    monkeypatch.setattr(background, "RETRY_MAX_S", 0.4)
    (learner,) = lrn.create_learners(sqlite_server.database_url, f"ob{uuid.uuid4().hex[:6]}_", 1)
    course_a, course_b, section_b = two_courses_with_sections(sqlite_server)
    failing = Flaky(method="PUT", path=f"/api/v1/courses/{course_a}/enrollment", failures=10**6, status=503)
    config = ClientConfig(
        base_url=sqlite_server.base_url, cache_dir=tmp_path / "cache", token_store=MemoryTokenStore()
    )
    client = offline_client(config, offline_dir=tmp_path / "offline", http_transport=failing)
    try:
        await client.sign_in(learner.username, learner.password)
        token = client.session.current.access_token if client.session.current else ""
        await client.enroll(course_a)  # 503: kept, answered locally, retried in the background
        await client.enroll(course_b)
        await client.put_progress(section_b, ProgressUpdate(time_spent_seconds=30))
        await client.unenroll(course_a)  # must not overtake the enroll before it

        await until(
            client,
            lambda: (
                client.offline.offline_status().needs_attention == 1 and not client.offline.syncer.syncing
            ),
        )
        await until(client, lambda: client.offline.offline_status().pending == 1)
        (parked,) = client.offline.attention_changes()
        assert isinstance(parked.op, EnrollOp) and parked.course_id == course_a
        assert parked.reason == "server_error" and parked.attempts == MAX_SERVER_FAILURES
        assert failing.matched == MAX_SERVER_FAILURES * (1 + config.retries), "bounded: no more tries"
        (held,) = client.offline.pending_changes()
        assert isinstance(held.op, UnenrollOp) and held.course_id == course_a
        on_server = dashboard_courses(sqlite_server, token)
        assert on_server.get(course_b) == 30, "the other course's changes went through"
        assert course_a in on_server, "the unenroll waits behind the parked enroll (503s came after it ran)"

        failing.failures = 0  # the server heals; the learner presses Retry
        assert client.offline.retry_change(parked.seq)
        await until(
            client,
            lambda: client.offline.offline_status().pending == 0 and not client.offline.attention_changes(),
        )
        await client.settle()
        assert course_a not in dashboard_courses(sqlite_server, token), "then both, in order"
    finally:
        await client.aclose()
