"""A database that stalls must not stall the server: statement and lock timeouts on both engines, a prompt
503 with Retry-After when they fire, and every other request answered meanwhile.

- PostgreSQL: a second session holds ACCESS EXCLUSIVE on `courses` (what an `ALTER TABLE` or `VACUUM FULL`
  takes) or EXCLUSIVE on `enrollments` until the checks are done (a request that waited for the lock would
  wait for ever) while one client keeps sending requests that need those tables and a second client sends
  every kind of request. Each answer comes back within a few seconds, either 200 or 503 with Retry-After;
  after the lock goes, everything is 200 again.
- SQLite: another connection holds the write lock (`BEGIN IMMEDIATE`) the same way: reads are unaffected
  (WAL) and writes get a 503 once the busy timeout passes. A statement that runs too long is interrupted
  (SQLite has no statement timeout of its own).

The latency bounds are correctness bounds (a read answered within 3 s, a write within 6 s as its lock wait
is 2 s), not speed goals: without the timeouts these requests wait for the lock, which is never released
while they do.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.trust import learners as lrn
from tests.trust import serverproc
from tests.trust.conftest import sqlite_copy
from tests.trust.learners import Learner
from tests.trust.serverproc import ServerProcess

LOCK_HELD_S = 15.0  # how long the checks may take while the lock is held; also the clients' timeout
READ_BOUND_S = 3.0
WRITE_BOUND_S = 6.0
RECOVERY_S = 10.0  # after the lock goes, every request is 200 again within this
UNCACHED = ["--hot-cache-mb", "0"]  # every listing runs its query


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


@contextlib.contextmanager
def pg_lock(database_url: str, statement: str) -> Iterator[None]:
    """Hold `statement` (a LOCK TABLE) in an open transaction until the block ends (at most LOCK_HELD_S)."""
    import psycopg

    conn = psycopg.connect(_plain(database_url))
    try:
        conn.execute(statement)  # psycopg opened a transaction: the lock stays until rollback
        started = time.monotonic()
        yield
        assert time.monotonic() - started < LOCK_HELD_S + 5, "the checks ran while the lock was held"
    finally:
        conn.rollback()
        conn.close()


@contextlib.contextmanager
def sqlite_write_lock(path: Path) -> Iterator[None]:
    conn = sqlite3.connect(path, isolation_level=None, timeout=10)
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


class Pressure:
    """A client sending `requests` in a loop on its own thread while the lock is held (the work that used
    to stall the loop or the slow-work thread); it records every status it gets."""

    def __init__(self, requests: list[Callable[[httpx.Client], httpx.Response]]) -> None:
        self.requests = requests
        self.statuses: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with httpx.Client(timeout=LOCK_HELD_S + 10) as client:
            while not self._stop.is_set():
                for send in self.requests:
                    self.statuses.append(send(client).status_code)

    def __enter__(self) -> Pressure:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(LOCK_HELD_S + 15)


def timed(client: httpx.Client, method: str, url: str, **kwargs: object) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = client.request(method, url, **kwargs)  # type: ignore[arg-type]
    return response, time.monotonic() - started


def assert_prompt(response: httpx.Response, elapsed: float, bound: float, what: str) -> None:
    assert elapsed < bound, f"{what}: {elapsed:.1f} s while the lock was held"
    assert response.status_code in (200, 503), f"{what}: {response.status_code} {response.text[:200]}"
    if response.status_code == 503:
        assert int(response.headers["retry-after"]) >= 1, what
        assert response.json()["detail"], what


def second_client_reads(server: ServerProcess, learner: Learner, course: int, section: int) -> dict[str, int]:
    """Every kind of read from a second client, each within READ_BOUND_S; their statuses by name."""
    api = server.api
    reads = {
        "listing": ("GET", f"{api}/courses", {"params": {"sort": "newest", "limit": 7, "page": 2}}),
        "search": ("GET", f"{api}/courses", {"params": {"q": "python", "limit": 5}}),
        "course": ("GET", f"{api}/courses/{course}", {}),
        "content": ("GET", f"{api}/courses/{course}/content", {"headers": learner.auth}),
        "section": ("GET", f"{api}/sections/{section}", {}),
        "dashboard": ("GET", f"{api}/dashboard", {"headers": learner.auth}),
        "me": ("GET", f"{api}/me", {"headers": learner.auth}),
        "health": ("GET", f"{api}/health", {}),
    }
    statuses: dict[str, int] = {}
    with httpx.Client(timeout=LOCK_HELD_S + 10) as client:
        for name, (method, url, kwargs) in reads.items():
            response, elapsed = timed(client, method, url, **kwargs)
            assert_prompt(response, elapsed, READ_BOUND_S, name)
            statuses[name] = response.status_code
    return statuses


def world(server: ServerProcess) -> tuple[Learner, int, int]:
    (learner,) = lrn.create_learners(server.database_url, f"slow{uuid.uuid4().hex[:6]}_", 1)
    with httpx.Client(timeout=30) as client:
        course = client.get(f"{server.api}/courses", params={"limit": 1}).json()["items"][0]["id"]
        content = client.get(f"{server.api}/courses/{course}/content").json()
        enrolled = client.put(f"{server.api}/courses/{course}/enrollment", headers=learner.auth)
        assert enrolled.status_code == 200, enrolled.text
    return learner, course, content["lessons"][0]["sections"][0]["id"]


def eventually_200(send: Callable[[], httpx.Response], what: str) -> None:
    """200 once the server has noticed the lock is gone (a read that met it rests a second first)."""
    deadline = time.monotonic() + RECOVERY_S
    response = send()
    while response.status_code == 503 and time.monotonic() < deadline:
        time.sleep(0.1)  # polling the condition (a 200), at a tenth of the rest
        response = send()
    assert response.status_code == 200, f"{what}: {response.status_code} {response.text[:200]}"


def everything_answers(server: ServerProcess, learner: Learner, course: int, section: int) -> None:
    """After the lock: every read and a write are 200 again (the server recovered by itself)."""
    with httpx.Client(timeout=30) as client:
        for url, headers in (
            (f"{server.api}/courses?sort=newest&limit=7&page=3", {}),
            (f"{server.api}/courses/{course}", {}),
            (f"{server.api}/dashboard", learner.auth),
        ):
            eventually_200(lambda: client.get(url, headers=headers), url)  # noqa: B023 (called at once)
        progress = f"{server.api}/progress/{section}"
        eventually_200(
            lambda: client.put(progress, headers=learner.auth, json={"time_spent_seconds": 1}), progress
        )
    assert "Traceback" not in server.log_text()


@pytest.fixture
def pg_server(pg_seeded_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    server = serverproc.start_server(tmp_path, pg_seeded_url, extra_args=UNCACHED)
    try:
        yield server
    finally:
        server.stop()


def test_postgres_access_exclusive_on_courses_stalls_nothing(pg_server: ServerProcess) -> None:
    learner, course, section = world(pg_server)
    listing = f"{pg_server.api}/courses"
    pressure_requests: list[Callable[[httpx.Client], httpx.Response]] = [
        lambda c: c.get(listing, params={"sort": "popular", "limit": 9, "page": 4}),
        lambda c: c.get(f"{pg_server.api}/courses/{course}/content"),
    ]
    lock = pg_lock(pg_server.database_url, "LOCK TABLE courses IN ACCESS EXCLUSIVE MODE")
    with lock, Pressure(pressure_requests) as pressure:
        statuses = second_client_reads(pg_server, learner, course, section)
        with httpx.Client(timeout=LOCK_HELD_S + 10) as client:
            response, elapsed = timed(
                client, "PUT", f"{pg_server.api}/courses/{course}/enrollment", headers=learner.auth
            )
            assert_prompt(response, elapsed, WRITE_BOUND_S, "enrollment")
    assert statuses["listing"] == 503, "a listing needs the locked table: a prompt 503, not a wait"
    assert statuses["course"] == 503
    assert statuses["me"] == 200 and statuses["health"] == 200, "what does not need the table answers"
    assert pressure.statuses and set(pressure.statuses) <= {200, 503}, pressure.statuses
    everything_answers(pg_server, learner, course, section)


def test_postgres_exclusive_on_enrollments_stalls_nothing(pg_server: ServerProcess) -> None:
    learner, course, section = world(pg_server)
    enroll = f"{pg_server.api}/courses/{course}/enrollment"
    lock = pg_lock(pg_server.database_url, "LOCK TABLE enrollments IN EXCLUSIVE MODE")
    with lock, Pressure([lambda c: c.put(enroll, headers=learner.auth)]) as pressure:
        statuses = second_client_reads(pg_server, learner, course, section)
        with httpx.Client(timeout=LOCK_HELD_S + 10) as client:
            progress = f"{pg_server.api}/progress/{section}"
            body = {"time_spent_seconds": 5}
            response, elapsed = timed(client, "PUT", progress, headers=learner.auth, json=body)
            assert_prompt(response, elapsed, WRITE_BOUND_S, "progress")
    assert statuses["listing"] == 200 and statuses["dashboard"] == 200, "EXCLUSIVE lets plain reads through"
    assert 503 in pressure.statuses, "writes to the locked table were refused, not left waiting"
    everything_answers(pg_server, learner, course, section)


def test_sqlite_write_lock_stalls_nothing(sqlite_template: Path, tmp_path: Path) -> None:
    url = sqlite_copy(sqlite_template, tmp_path)
    server = serverproc.start_server(tmp_path, url, extra_args=UNCACHED)
    try:
        learner, course, section = world(server)
        progress = f"{server.api}/progress/{section}"
        with sqlite_write_lock(tmp_path / "data" / "lms.sqlite3"):
            writes = [lambda c: c.put(progress, headers=learner.auth, json={"time_spent_seconds": 1})]
            with Pressure(writes) as pressure:
                statuses = second_client_reads(server, learner, course, section)
                with httpx.Client(timeout=LOCK_HELD_S + 10) as client:
                    response, elapsed = timed(
                        client,
                        "PUT",
                        f"{server.api}/courses/{course}/rating",
                        headers=learner.auth,
                        json={"rating": 4},
                    )
                    assert_prompt(response, elapsed, WRITE_BOUND_S, "rating")
                    assert response.status_code == 503, "the write lock is held: the write cannot commit"
        assert set(statuses.values()) == {200}, f"WAL readers never wait for the writer: {statuses}"
        assert 503 in pressure.statuses
        everything_answers(server, learner, course, section)
    finally:
        server.stop()


RUNAWAY = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


def test_sqlite_statement_past_its_limit_is_interrupted(tmp_path: Path) -> None:
    """SQLite has no statement timeout: the statement clock interrupts a runaway statement, on the loop's
    connection after the loop's limit (to be run off the loop) and on a pooled one after the pool's."""
    from sqlalchemy.exc import OperationalError

    from lms_desktop.server.db import limits
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.db.held import HeldConnection, TooSlowForTheLoop

    db = Database.open(f"sqlite:///{tmp_path / 'x.sqlite3'}", bounded=True)
    held = HeldConnection(db)
    try:
        started = time.monotonic()
        with pytest.raises(TooSlowForTheLoop):
            held.run(lambda conn: conn.exec_driver_sql(RUNAWAY).scalar())
        assert time.monotonic() - started < limits.READ.statement_ms / 1000, "cut at the loop's limit"
        assert held.run(lambda conn: conn.exec_driver_sql("SELECT 1").scalar()) == 1, "still usable"
        with pytest.raises(OperationalError) as raised, db.read() as conn:
            conn.exec_driver_sql(RUNAWAY).scalar()
        assert limits.timeout_kind(raised.value) == limits.STATEMENT
    finally:
        held.close()
        db.close()


def test_a_broken_held_connection_is_replaced_off_the_loop(pg_database_url: str) -> None:
    """PostgreSQL dropped the loop's connection (a restart, a network cut): the read that finds out runs
    again off the loop (the pool's reconnect may wait), so do the reads of the next seconds, and then the
    loop holds a fresh connection again."""
    import psycopg

    from lms_desktop.server.db import held as held_module
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.db.held import HeldConnection, TooSlowForTheLoop

    def pid(conn: object) -> int:
        return int(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())  # type: ignore[attr-defined]

    db = Database.open(pg_database_url, bounded=True)
    held = HeldConnection(db)
    try:
        first = held.run(pid)
        with psycopg.connect(_plain(pg_database_url), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (first,))
        with pytest.raises(TooSlowForTheLoop):
            held.run(pid)
        with pytest.raises(TooSlowForTheLoop):
            held.run(pid)  # resting: off the loop without trying
        held._rest_until = time.monotonic() - held_module.REST_SECONDS  # the rest is over
        again = held.run(pid)
        assert again != first and held.run(pid) == again
        assert held.run(lambda conn: conn.exec_driver_sql("SHOW lock_timeout").scalar_one()) == "20ms"
    finally:
        held.close()
        db.close()


def test_a_read_that_met_a_lock_answers_busy_without_waiting_again(pg_seeded_url: str) -> None:
    """Every request for a locked table would spend the loop's lock wait: after one wait, the same lookup
    (and the same held read) answers busy at once for a second, then tries the database again."""
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.db.errors import DatabaseBusy
    from lms_desktop.server.db.held import HeldConnection
    from lms_desktop.server.db.lookups import Lookups

    db = Database.open(pg_seeded_url, bounded=True)
    lookups, held = Lookups(db), HeldConnection(db)

    def count_courses(conn: object) -> int:
        return int(conn.exec_driver_sql("SELECT count(*) FROM courses").scalar_one())  # type: ignore[attr-defined]

    try:
        assert lookups.course(1)[1] is not None and held.run(count_courses) > 0
        with pg_lock(pg_seeded_url, "LOCK TABLE courses IN ACCESS EXCLUSIVE MODE"):
            with pytest.raises(DatabaseBusy):
                lookups.course(1)
            with pytest.raises(DatabaseBusy):
                held.run(count_courses)
            assert lookups.catalog() >= 1, "a lookup that does not need the table still answers"
        # the lock is gone, but within the rest the same reads do not ask the database yet
        with pytest.raises(DatabaseBusy):
            lookups.course(1)
        with pytest.raises(DatabaseBusy):
            held.run(count_courses)
        lookups._locked_until.clear()  # the rest is over
        held._locked_until.clear()
        assert lookups.course(1)[1] is not None and held.run(count_courses) > 0
    finally:
        lookups.close()
        held.close()
        db.close()


def test_postgres_statement_past_its_limit_is_cancelled(pg_database_url: str) -> None:
    """statement_timeout on every serving session: the loop's connection cuts a statement at the loop's
    limit (to be run off the loop), a pooled read at the pool's; both come back usable."""
    from sqlalchemy.exc import OperationalError

    from lms_desktop.server.db import limits
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.db.held import HeldConnection, TooSlowForTheLoop

    db = Database.open(pg_database_url, bounded=True)
    held = HeldConnection(db)
    try:
        with pytest.raises(TooSlowForTheLoop):
            held.run(lambda conn: conn.exec_driver_sql("SELECT pg_sleep(30)").scalar())
        assert held.run(lambda conn: conn.exec_driver_sql("SELECT 1").scalar()) == 1
        with pytest.raises(OperationalError) as raised, db.read() as conn:
            conn.exec_driver_sql("SELECT pg_sleep(30)").scalar()
        assert limits.timeout_kind(raised.value) == limits.STATEMENT
        ms = "SELECT setting::int FROM pg_settings WHERE name = %s"
        with db.read() as conn, db.write() as wconn:
            assert conn.exec_driver_sql(ms, ("statement_timeout",)).scalar() == limits.READ.statement_ms
            assert conn.exec_driver_sql(ms, ("lock_timeout",)).scalar() == limits.READ.lock_ms
            assert wconn.exec_driver_sql(ms, ("statement_timeout",)).scalar() == limits.WRITE.statement_ms
            assert wconn.exec_driver_sql(ms, ("lock_timeout",)).scalar() == limits.WRITE.lock_ms
    finally:
        held.close()
        db.close()
