"""Many learners writing to the same courses at once, through several server processes: nothing is lost,
nothing is duplicated, nothing deadlocks, and no client ever sees "database is locked" or a 5xx.

The same storm runs on SQLite (one process; two processes sharing the file) and on PostgreSQL (a
`--workers 2` server plus a second `serve` process). What it does, all at once:
- group A (already enrolled) posts time spent on one shared section with distinct op ids, each sent twice
  (a replay must count once), plus time spent without op ids on another section (each call adds: the
  classic lost update), plus completions of a third section with different times (earliest must win);
- group B enrolls in the same course, each learner sending the same PUT three times at once;
- everyone rates the course (a shared counter on the course row) and reads the dashboard;
- group A also submits quiz attempts to a quiz allowing two, more than allowed, each sent twice: every
  learner ends with exactly two attempts numbered 1 and 2, the rest refused with 409.
Then the totals are checked through HTTP and in the database.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.trust import learners as lrn
from tests.trust import serverproc
from tests.trust.conftest import sqlite_copy
from tests.trust.learners import Learner
from tests.trust.loadgen import KEEPALIVE_EXPIRY_S
from tests.trust.serverproc import ServerProcess

GROUP_A = 8  # enrolled before the storm; post progress during it
GROUP_B = 8  # enroll during the storm
GROUP_C = 4  # flip-flop: enroll and unenroll at once, several times (final state unknown, counts exact)
FLIPS = 3
OPS_WITH_ID = 6  # distinct op ids per learner on the shared section, each sent twice
OPS_WITHOUT_ID = 4  # plain increments per learner
DELTA_WITH_ID = 7
DELTA_WITHOUT_ID = 3
IDENTICAL_ENROLLS = 3
CONCURRENCY = 32  # requests in flight at once across all clients
QUIZ_SUBMITS = 4  # distinct attempts per group A learner at a quiz allowing QUIZ_MAX, each sent twice
QUIZ_MAX = 2
HANG_GUARD_S = 180  # a deadlock shows up as this guard firing, not as a slow pass


@dataclass
class Storm:
    course: int
    timed: int  # section with op-id deltas
    plain: int  # section with id-less deltas
    completed: int  # section completed at several times
    quiz: int  # a seeded quiz allowing QUIZ_MAX attempts
    a: list[Learner]
    b: list[Learner]
    c: list[Learner]


def completion_times(index: int) -> list[str]:
    """Distinct completion times for learner `index`; the earliest is day 1 at `index` minutes."""
    return [f"2026-03-{day:02d}T10:{index:02d}:00Z" for day in (5, 1, 9)]


def earliest(index: int) -> str:
    return f"2026-03-01T10:{index:02d}:00"


async def _send(
    client: httpx.AsyncClient, gate: asyncio.Semaphore, method: str, url: str, **kw: Any
) -> tuple[str, int, str]:
    async with gate:
        response = await client.request(method, url, **kw)
    return (f"{method} {url}", response.status_code, response.text[:300])


def prepare(apis: list[str], database_url: str) -> Storm:
    """Pick a course with three sections, make the learners, enroll group A (before the storm)."""
    api = apis[0]
    tag = uuid.uuid4().hex[:6]
    group_a = lrn.create_learners(database_url, f"ca{tag}_", GROUP_A)
    group_b = lrn.create_learners(database_url, f"cb{tag}_", GROUP_B)
    group_c = lrn.create_learners(database_url, f"cc{tag}_", GROUP_C)
    with httpx.Client(timeout=60) as client:
        items = client.get(f"{api}/courses", params={"limit": 20, "sort": "newest"}).json()["items"]
        for item in items:
            content = client.get(f"{api}/courses/{item['id']}/content").json()
            sections = [s["id"] for lesson in content["lessons"] for s in lesson["sections"]]
            if len(sections) >= 3:
                break
        else:
            raise AssertionError("the seed has a course with three sections")
        (quiz,) = lrn.query(
            database_url,
            "SELECT s.id FROM sections s JOIN section_bodies b ON b.id = s.body_id WHERE s.type = 'quiz' "
            "AND b.data = :data ORDER BY s.id LIMIT 1",
            {"data": json.dumps({"max_attempts": QUIZ_MAX})},
        )[0]
        storm = Storm(item["id"], sections[0], sections[1], sections[2], quiz, group_a, group_b, group_c)
        for learner in group_a:
            response = client.put(f"{api}/courses/{storm.course}/enrollment", headers=learner.auth, json={})
            assert response.status_code == 200, response.text
    return storm


async def run_storm(apis: list[str], storm: Storm) -> list[tuple[str, int, str]]:
    servers = itertools.cycle(apis)  # spread the clients over every server process
    gate = asyncio.Semaphore(CONCURRENCY)
    limits = httpx.Limits(
        max_connections=CONCURRENCY,
        max_keepalive_connections=CONCURRENCY,
        keepalive_expiry=KEEPALIVE_EXPIRY_S,
    )
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        jobs = []
        for i, learner in enumerate(storm.a):
            for _ in range(OPS_WITH_ID):
                body = {"time_spent_seconds": DELTA_WITH_ID, "op_id": uuid.uuid4().hex}
                for _ in range(2):  # the replay must not count twice
                    url = f"{next(servers)}/progress/{storm.timed}"
                    jobs.append(_send(client, gate, "PUT", url, headers=learner.auth, json=body))
            for _ in range(OPS_WITHOUT_ID):
                url = f"{next(servers)}/progress/{storm.plain}"
                body = {"time_spent_seconds": DELTA_WITHOUT_ID}
                jobs.append(_send(client, gate, "PUT", url, headers=learner.auth, json=body))
            for when in completion_times(i):
                url = f"{next(servers)}/progress/{storm.completed}"
                body = {"completed_at": when, "op_id": uuid.uuid4().hex}
                jobs.append(_send(client, gate, "PUT", url, headers=learner.auth, json=body))
            for _ in range(QUIZ_SUBMITS):
                body = {"op_id": uuid.uuid4().hex, "answers": {}}
                for _ in range(2):
                    url = f"{next(servers)}/sections/{storm.quiz}/attempts"
                    jobs.append(_send(client, gate, "POST", url, headers=learner.auth, json=body))
        for learner in storm.b:
            for _ in range(IDENTICAL_ENROLLS):
                url = f"{next(servers)}/courses/{storm.course}/enrollment"
                jobs.append(_send(client, gate, "PUT", url, headers=learner.auth, json={}))
        for learner in storm.c:
            for _ in range(FLIPS):
                for method in ("PUT", "DELETE"):
                    url = f"{next(servers)}/courses/{storm.course}/enrollment"
                    jobs.append(_send(client, gate, method, url, headers=learner.auth, json={}))
        for n, learner in enumerate(storm.a + storm.b):
            url = f"{next(servers)}/courses/{storm.course}/rating"
            jobs.append(_send(client, gate, "PUT", url, headers=learner.auth, json={"rating": 1 + n % 5}))
            jobs.append(_send(client, gate, "GET", f"{next(servers)}/dashboard", headers=learner.auth))
        async with asyncio.timeout(HANG_GUARD_S):
            return await asyncio.gather(*jobs)


def check_storm(
    apis: list[str], database_url: str, storm: Storm, results: list[tuple[str, int, str]]
) -> None:
    attempts = [r for r in results if r[0].endswith("/attempts")]
    bad = [r for r in results if r[1] != 200 and r not in attempts]
    assert not bad, f"{len(bad)} of {len(results)} requests failed, e.g. {bad[:5]}"
    # 503: a write that waited past its lock timeout under the storm (Retry-After; nothing was stored)
    assert {r[1] for r in attempts} <= {200, 409, 503}, attempts[:5]
    assert 200 in {r[1] for r in attempts}, attempts[:5]
    assert all("no attempts left" in r[2] for r in attempts if r[1] == 409)
    assert not [r for r in results if "locked" in r[2].lower()]

    everyone = storm.a + storm.b
    ids = {learner.id for learner in everyone}
    with httpx.Client(timeout=60) as client:
        flipped_in = 0  # group C learners who ended up enrolled (whichever write was last)
        for learner in storm.c:
            status = client.get(f"{apis[0]}/courses/{storm.course}", headers=learner.auth).json()
            flipped_in += status["enrollment_status"] in ("active", "completed")
        for api in apis:  # every process agrees (no stale per-process cache after the writes)
            detail = client.get(f"{api}/courses/{storm.course}", headers=storm.a[0].auth).json()
            expected_count = GROUP_A + GROUP_B + flipped_in
            assert detail["enrollment_count"] == expected_count, (api, detail["enrollment_count"])
            assert detail["rating_count"] == GROUP_A + GROUP_B
            ratings = [1 + n % 5 for n in range(len(everyone))]
            assert detail["rating_avg"] == pytest.approx(sum(ratings) / len(ratings), abs=0.01)
        for i, learner in enumerate(storm.a):
            content = client.get(f"{apis[-1]}/courses/{storm.course}/content", headers=learner.auth).json()
            sections = {s["id"]: s for lesson in content["lessons"] for s in lesson["sections"]}
            assert sections[storm.timed]["time_spent_seconds"] == OPS_WITH_ID * DELTA_WITH_ID
            assert sections[storm.plain]["time_spent_seconds"] == OPS_WITHOUT_ID * DELTA_WITHOUT_ID
            assert sections[storm.completed]["completed_at"].startswith(earliest(i)[:16])
        for learner in storm.b:
            dashboard = client.get(f"{apis[0]}/dashboard", headers=learner.auth).json()
            assert [item["course_id"] for item in dashboard["items"]].count(storm.course) == 1

    # The database itself: one row per (learner, course) and per (learner, section), counters exact.
    rows = lrn.query(
        database_url,
        "SELECT user_id, COUNT(*) FROM enrollments WHERE course_id = :c GROUP BY user_id",
        {"c": storm.course},
    )
    mine = {user: n for user, n in rows if user in ids}
    assert mine == dict.fromkeys(ids, 1)
    dupes = lrn.query(
        database_url,
        "SELECT user_id, section_id, COUNT(*) FROM progress GROUP BY user_id, section_id HAVING COUNT(*) > 1",
    )
    assert dupes == []
    spent = lrn.query(
        database_url,
        "SELECT user_id, section_id, time_spent_seconds FROM progress WHERE section_id IN (:t, :p)",
        {"t": storm.timed, "p": storm.plain},
    )
    expected = {(learner.id, storm.timed): OPS_WITH_ID * DELTA_WITH_ID for learner in storm.a} | {
        (learner.id, storm.plain): OPS_WITHOUT_ID * DELTA_WITHOUT_ID for learner in storm.a
    }
    assert {(u, s): t for u, s, t in spent if u in ids} == expected
    (counters,) = lrn.query(
        database_url,
        "SELECT enrollment_count, rating_count FROM courses WHERE id = :c",
        {"c": storm.course},
    )
    actual = lrn.query(
        database_url,
        "SELECT (SELECT COUNT(*) FROM enrollments WHERE course_id = :c AND status <> 'dropped'), "
        "(SELECT COUNT(*) FROM course_ratings WHERE course_id = :c)",
        {"c": storm.course},
    )[0]
    assert tuple(counters) == tuple(actual), "denormalised counters match the rows they count"
    numbers = lrn.query(
        database_url,
        "SELECT user_id, attempt_no FROM quiz_attempts WHERE section_id = :q ORDER BY user_id, attempt_no",
        {"q": storm.quiz},
    )
    taken: dict[int, list[int]] = {}
    for user, number in numbers:
        taken.setdefault(user, []).append(number)
    assert taken == {learner.id: list(range(1, QUIZ_MAX + 1)) for learner in storm.a}


def assert_clean_logs(servers: list[ServerProcess]) -> None:
    for server in servers:
        log = server.log_text()
        assert "database is locked" not in log, log[-3000:]
        assert "Traceback" not in log, log[-3000:]
        assert "deadlock" not in log.lower(), log[-3000:]


def storm_through(servers: list[ServerProcess], database_url: str) -> None:
    apis = [server.api for server in servers]
    storm = prepare(apis, database_url)
    results = asyncio.run(run_storm(apis, storm))
    check_storm(apis, database_url, storm, results)
    assert_clean_logs(servers)


@pytest.fixture
def stopper() -> Iterator[list[ServerProcess]]:
    started: list[ServerProcess] = []
    yield started
    for server in started:
        server.stop()


def test_storm_on_sqlite_one_process(
    sqlite_template: Path, tmp_path: Path, stopper: list[ServerProcess]
) -> None:
    url = sqlite_copy(sqlite_template, tmp_path)
    stopper.append(serverproc.start_server(tmp_path, url))
    storm_through(stopper, url)


def test_storm_on_sqlite_two_processes_sharing_the_file(
    sqlite_template: Path, tmp_path: Path, stopper: list[ServerProcess]
) -> None:
    url = sqlite_copy(sqlite_template, tmp_path)
    stopper.append(serverproc.start_server(tmp_path, url, log_name="server-1.log"))
    stopper.append(serverproc.start_server(tmp_path, url, log_name="server-2.log"))
    storm_through(stopper, url)


@pytest.mark.postgres
def test_storm_on_postgres_several_processes(
    pg_seeded_url: str, tmp_path: Path, stopper: list[ServerProcess]
) -> None:
    pg_database_url = pg_seeded_url
    stopper.append(serverproc.start_server(tmp_path, pg_database_url, workers=2, log_name="server-1.log"))
    stopper.append(serverproc.start_server(tmp_path, pg_database_url, log_name="server-2.log"))
    storm_through(stopper, pg_database_url)


def revalidation_sees_writes_from_the_other_process(servers: list[ServerProcess], database_url: str) -> None:
    """A write through one process must turn the other process's ETag stale at once: a 304 from a
    per-process version cache would hide the learner's own write (and a course's new counts) from them."""
    first, second = servers[0].api, servers[1].api
    (learner,) = lrn.create_learners(database_url, f"etag{uuid.uuid4().hex[:6]}_", 1)
    with httpx.Client(timeout=60) as client:
        course = client.get(f"{first}/courses", params={"limit": 1, "sort": "newest"}).json()["items"][0][
            "id"
        ]
        paths = [f"/courses/{course}", f"/courses/{course}/content", "/dashboard"]
        etags = {}
        for path in paths:
            response = client.get(second + path, headers=learner.auth)
            assert response.status_code == 200
            etags[path] = response.headers["etag"]
            again = client.get(second + path, headers={**learner.auth, "If-None-Match": etags[path]})
            assert again.status_code == 304, "sanity: unchanged data revalidates"
        assert (
            client.put(f"{first}/courses/{course}/enrollment", headers=learner.auth, json={}).status_code
            == 200
        )
        for path in paths:
            response = client.get(second + path, headers={**learner.auth, "If-None-Match": etags[path]})
            assert response.status_code == 200, f"{path}: stale 304 after a write through the other process"
        detail = client.get(f"{second}/courses/{course}", headers=learner.auth).json()
        assert detail["enrollment_status"] == "active"


def test_revalidation_across_sqlite_processes(
    sqlite_template: Path, tmp_path: Path, stopper: list[ServerProcess]
) -> None:
    url = sqlite_copy(sqlite_template, tmp_path)
    stopper.append(serverproc.start_server(tmp_path, url, log_name="server-1.log"))
    stopper.append(serverproc.start_server(tmp_path, url, log_name="server-2.log"))
    revalidation_sees_writes_from_the_other_process(stopper, url)


@pytest.mark.postgres
def test_revalidation_across_postgres_processes(
    pg_seeded_url: str, tmp_path: Path, stopper: list[ServerProcess]
) -> None:
    stopper.append(serverproc.start_server(tmp_path, pg_seeded_url, log_name="server-1.log"))
    stopper.append(serverproc.start_server(tmp_path, pg_seeded_url, log_name="server-2.log"))
    revalidation_sees_writes_from_the_other_process(stopper, pg_seeded_url)


@pytest.mark.redis
def test_revalidation_across_processes_sharing_redis(
    sqlite_template: Path, tmp_path: Path, stopper: list[ServerProcess], redis_url: str
) -> None:
    """The same with the shared Redis tier between the processes (it must never serve a stale answer)."""
    url = sqlite_copy(sqlite_template, tmp_path)
    stopper.append(serverproc.start_server(tmp_path, url, redis_url=redis_url, log_name="server-1.log"))
    stopper.append(serverproc.start_server(tmp_path, url, redis_url=redis_url, log_name="server-2.log"))
    revalidation_sees_writes_from_the_other_process(stopper, url)
