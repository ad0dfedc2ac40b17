"""Losing an instance without a learner noticing: three instances on 127.0.0.2-4 behind the shipped
HAProxy configuration, on PostgreSQL + Redis, 24 learners reading and writing (every write with an op_id)
for 30 s while one instance gets SIGTERM and is restarted and another is SIGKILLed and restarted.

Zero failed learner requests (every request answered 2xx/304 through the proxy), every acknowledged write in
the database exactly once (each learner's time spent per section equals the sum of its acknowledged writes,
and the applied op ids are exactly the acknowledged ones), both restarted instances back in rotation and
serving. Also: the instances migrated once together, and the proxy's X-Forwarded-For reaches the servers.
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from tests.trust import fleet, serverproc
from tests.trust.loadgen import OK_STATUSES, discover_catalog

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

LEARNERS = 24
DURATION_S = 30.0
SIGTERM_AT_S = 7.0
SIGKILL_AT_S = 16.0
KEEPALIVE_EXPIRY_S = 2.0  # under HAProxy's client keep-alive timeout (10 s): the client closes first


@dataclass
class Ledger:
    failures: list[str] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    acknowledged: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # op -> user, section, s
    unanswered: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    requests: int = 0
    t0: float = field(default_factory=time.monotonic)


async def _call(
    client: httpx.AsyncClient, ledger: Ledger, what: str, method: str, url: str, **kw: object
) -> httpx.Response | None:
    ledger.requests += 1
    try:
        response = await client.request(method, url, **kw)  # type: ignore[arg-type]
    except httpx.HTTPError as exc:
        at = time.monotonic() - ledger.t0
        ledger.failures.append(f"{what} at {at:.2f} s: {type(exc).__name__}: {exc}")
        return None
    ledger.statuses[response.status_code] += 1
    if response.status_code not in OK_STATUSES:
        ledger.failures.append(f"{what}: {response.status_code} {response.text[:200]}")
        return None
    return response


async def _learner(
    api: str, token: str, user_id: int, sections: list[int], ledger: Ledger, stop_at: float, seed: int
) -> None:
    rng = random.Random(seed)
    auth = {"Authorization": f"Bearer {token}"}
    limits = httpx.Limits(max_connections=2, keepalive_expiry=KEEPALIVE_EXPIRY_S)
    async with httpx.AsyncClient(timeout=20, limits=limits, headers=auth) as client:
        while time.monotonic() < stop_at:
            await _call(client, ledger, "browse", "GET", f"{api}/courses", params={"page": rng.randint(1, 3)})
            section = rng.choice(sections)
            await _call(client, ledger, "section", "GET", f"{api}/sections/{section}")
            op_id, seconds = uuid.uuid4().hex, rng.randint(1, 90)
            ledger.unanswered[op_id] = (user_id, section, seconds)
            answer = await _call(
                client,
                ledger,
                "progress",
                "PUT",
                f"{api}/progress/{section}",
                json={"op_id": op_id, "time_spent_seconds": seconds},
            )
            if answer is not None:
                ledger.acknowledged[op_id] = ledger.unanswered.pop(op_id)
            await _call(client, ledger, "dashboard", "GET", f"{api}/dashboard")


async def _disturb(proxy: fleet.HAProxy, servers: list[serverproc.ServerProcess], t0: float) -> list[str]:
    """SIGTERM lms1 and restart it, SIGKILL lms2 and restart it; back in rotation and serving."""
    notes = []
    await asyncio.sleep(max(0.0, t0 + SIGTERM_AT_S - time.monotonic()))
    drained = servers[0]
    await asyncio.to_thread(drained.stop, 30.0)
    notes.append(f"lms1 drained and exited with {drained.proc.returncode}")
    await asyncio.to_thread(drained.restart)
    await asyncio.sleep(max(0.0, t0 + SIGKILL_AT_S - time.monotonic()))
    killed = servers[1]
    await asyncio.to_thread(killed.kill)
    await asyncio.to_thread(killed.restart)
    await asyncio.to_thread(proxy.wait_up, ["lms1", "lms2", "lms3"], 30.0)
    served = {name: int(row["stot"]) for name, row in proxy.stats().items()}
    notes.append(f"all UP again at {time.monotonic() - t0:.1f} s; sessions so far {served}")
    return notes


async def _run(proxy: fleet.HAProxy, servers: list[serverproc.ServerProcess], tokens: list[str]) -> Ledger:
    ledger = Ledger()
    api = proxy.api
    async with httpx.AsyncClient(timeout=20) as client:
        catalog = await discover_catalog(client, api, courses=24)
    courses = list(catalog.sections)
    users: list[int] = []
    plan: list[list[int]] = []
    async with httpx.AsyncClient(timeout=20) as client:
        for index, token in enumerate(tokens):
            auth = {"Authorization": f"Bearer {token}"}
            me = (await client.get(f"{api}/me", headers=auth)).json()
            users.append(int(me["id"]))
            course = courses[index % len(courses)]
            (await client.put(f"{api}/courses/{course}/enrollment", headers=auth, json={})).raise_for_status()
            plan.append(catalog.sections[course][:4])
    t0 = ledger.t0 = time.monotonic()
    stop_at = t0 + DURATION_S
    disturb = asyncio.create_task(_disturb(proxy, servers, t0))
    await asyncio.gather(
        *(_learner(api, tokens[i], users[i], plan[i], ledger, stop_at, seed=i) for i in range(len(tokens)))
    )
    notes = await disturb
    print("\n".join(notes))
    return ledger


def _totals(database_url: str) -> dict[tuple[int, int], int]:
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT user_id, section_id, time_spent_seconds FROM progress"))
            return {(int(u), int(s)): int(t) for u, s, t in rows}
    finally:
        engine.dispose()


def _applied_ops(database_url: str) -> set[str]:
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            found = conn.execute(sa.text("SELECT op_id FROM applied_ops WHERE kind = 'progress'"))
            return {str(op) for (op,) in found}
    finally:
        engine.dispose()


def _check_database(database_url: str, ledger: Ledger, before: dict[tuple[int, int], int]) -> None:
    applied = _applied_ops(database_url)
    missing = set(ledger.acknowledged) - applied
    assert not missing, f"{len(missing)} acknowledged writes are not in the database"
    unexpected = applied - set(ledger.acknowledged) - set(ledger.unanswered)
    assert not unexpected, f"{len(unexpected)} applied op ids were never sent"
    expected: Counter[tuple[int, int]] = Counter(before)
    for op, (user, section, seconds) in {**ledger.acknowledged, **ledger.unanswered}.items():
        if op in applied:
            expected[(user, section)] += seconds
    after = _totals(database_url)
    wrong = {k: (after.get(k), v) for k, v in expected.items() if after.get(k) != v}
    assert not wrong, f"time spent differs from the sum of the applied writes (twice or lost): {wrong}"


def test_three_instances_lose_one_to_sigterm_and_one_to_sigkill_and_no_learner_notices(
    pg_database_url: str, redis_url: str, tmp_path: Path
) -> None:
    if fleet.haproxy_binary() is None:
        message = "haproxy is not installed (apt-get install haproxy; .ci/run installs it)"
        if __import__("os").environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    serverproc.seed(tmp_path / "seed", pg_database_url, courses=30, users=LEARNERS + 2, seed_value=3)
    servers = fleet.start_instances(tmp_path, pg_database_url, redis_url)
    proxy = None
    try:
        proxy = fleet.start_haproxy(tmp_path, servers)
        names = [f"learner{i:06d}" for i in range(1, LEARNERS + 1)]
        tokens = fleet.sign_in(proxy.api, names, "learner")

        # the learner's address reaches the servers through the proxy (access log, throttle)
        with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.9")) as client:
            assert client.get(f"{proxy.api}/courses", params={"limit": 3, "page": 2}).status_code == 200

        before = _totals(pg_database_url)
        ledger = asyncio.run(_run(proxy, servers, tokens))
        stats = proxy.stats()
        sessions = {n: r["stot"] for n, r in stats.items()}
        retries = {n: (r.get("wretr"), r.get("wredis")) for n, r in stats.items()}
        print(
            f"requests {ledger.requests}, statuses {dict(ledger.statuses)}, acknowledged writes "
            f"{len(ledger.acknowledged)}, failures {len(ledger.failures)}; proxy sessions {sessions}, "
            f"(retries, redispatches) {retries}"
        )
        assert ledger.failures == [], ledger.failures[:10]
        assert len(ledger.acknowledged) > 200
        _check_database(pg_database_url, ledger, before)

        # both restarted instances are in rotation and serving again
        before = {n: int(r["stot"]) for n, r in proxy.stats().items()}
        with httpx.Client(timeout=10) as client:
            for _ in range(30):
                assert client.get(f"{proxy.api}/courses", params={"limit": 5}).status_code == 200
        after = {n: int(r["stot"]) for n, r in proxy.stats().items()}
        assert all(after[n] > before[n] for n in ("lms1", "lms2")), (before, after)
        assert any("127.0.0.9" in s.log_text() for s in servers), "X-Forwarded-For was not used"
    finally:
        if proxy is not None:
            proxy.stop()
        for server in servers:
            server.stop()


@pytest.mark.postgres
def test_instances_started_together_on_an_empty_database_migrate_once(
    pg_database_url: str, tmp_path: Path
) -> None:
    """Three `lms-server migrate` at once on an empty PostgreSQL database (as three instances starting
    together do): all succeed, one after the other under the advisory lock, and the schema is at head."""
    from concurrent.futures import ThreadPoolExecutor

    from lms_desktop.server.db.migrate import current_revision, head_revisions

    def migrate(index: int) -> str:
        home = tmp_path / f"m{index}"
        home.mkdir()
        return serverproc.run_cli(["migrate"], home=home, database_url=pg_database_url).stdout

    with ThreadPoolExecutor(max_workers=3) as pool:
        outputs = list(pool.map(migrate, range(3)))
    assert all("database at revision" in out for out in outputs)
    assert {current_revision(pg_database_url)} == head_revisions()
