"""The sign-in throttle cannot be raced, cannot be turned into a lock-out, and bounds the CPU it spends.

- Attempts are counted before argon2 runs: forty concurrent wrong guesses on one account get five
  verifications (401) and the rest 429, not forty verifications.
- At most a few verifications run at once per process: a burst over many accounts and addresses is
  partly refused at once with 503 + Retry-After, and a search sent during the burst is answered.
- Guesses from one address lock the account at that address only: the learner's right password from
  another address still signs in.
- With `--redis`, every process counts in the same windows.
- The in-process windows are a bounded LRU: a spray of fresh names evicts the oldest counters only.
Different accounts and loopback source addresses (127.0.0.0/8) per test keep the tests independent.
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from lms_desktop.server.http.throttle import LoginThrottle, MemoryWindows, Reservation
from tests.trust import learners as lrn
from tests.trust import serverproc
from tests.trust.conftest import sqlite_copy
from tests.trust.serverproc import ServerProcess

BURST = 40


def client_from(address: str) -> httpx.Client:
    return httpx.Client(timeout=60, transport=httpx.HTTPTransport(local_address=address))


def burst(api: str, attempts: list[tuple[str, str, str]]) -> list[httpx.Response]:
    """Send every (address, username, password) sign-in at the same moment, one thread each."""
    gate = threading.Barrier(len(attempts))
    answers: list[httpx.Response | None] = [None] * len(attempts)

    def send(i: int, address: str, username: str, password: str) -> None:
        with client_from(address) as client:
            client.get(f"{api}/health")  # connect before the barrier: the sign-ins leave together
            gate.wait()
            answers[i] = client.post(f"{api}/auth/token", json={"username": username, "password": password})

    threads = [threading.Thread(target=send, args=(i, *attempt)) for i, attempt in enumerate(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert all(answer is not None for answer in answers), "every sign-in was answered"
    return [answer for answer in answers if answer is not None]


@pytest.fixture(scope="module")
def roomy_server(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A server whose verification cap is out of the way, so only the throttle decides."""
    home = tmp_path_factory.mktemp("throttle-roomy")
    server = serverproc.start_server(
        home, sqlite_copy(sqlite_template, home), extra_args=["--sign-in-concurrency", "100"]
    )
    try:
        yield server
    finally:
        server.stop()


def test_concurrent_guesses_are_counted_before_verifying(roomy_server: ServerProcess) -> None:
    (victim,) = lrn.create_learners(roomy_server.database_url, f"race{uuid.uuid4().hex[:6]}_", 1)
    answers = burst(roomy_server.api, [("127.0.1.1", victim.username, f"guess-{i}") for i in range(BURST)])
    statuses = Counter(answer.status_code for answer in answers)
    assert set(statuses) <= {401, 429}, statuses
    assert statuses[401] == 5, f"exactly the allowance was verified: {statuses}"
    assert all(int(a.headers["retry-after"]) >= 1 for a in answers if a.status_code == 429)


def test_right_password_from_another_address_passes_while_an_attacker_hammers(
    roomy_server: ServerProcess,
) -> None:
    (victim,) = lrn.create_learners(roomy_server.database_url, f"hammer{uuid.uuid4().hex[:6]}_", 1)
    api = roomy_server.api
    stop = threading.Event()
    attacker_statuses: list[int] = []

    def hammer() -> None:
        with client_from("127.0.1.2") as attacker:
            while not stop.is_set():
                response = attacker.post(
                    f"{api}/auth/token", json={"username": victim.username, "password": "x"}
                )
                attacker_statuses.append(response.status_code)

    thread = threading.Thread(target=hammer, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while 429 not in attacker_statuses and time.monotonic() < deadline:
            time.sleep(0.05)
        assert 429 in attacker_statuses, "the attacker's address is throttled on this account"
        with client_from("127.0.1.3") as learner:
            for _ in range(3):  # while the attack goes on, again and again
                response = learner.post(
                    f"{api}/auth/token", json={"username": victim.username, "password": victim.password}
                )
                assert response.status_code == 200, response.text
    finally:
        stop.set()
        thread.join(30)
    assert attacker_statuses.count(401) == 5, Counter(attacker_statuses)


def test_excess_verifications_are_refused_at_once(sqlite_server: ServerProcess) -> None:
    """The default cap (4 at once): a burst over many accounts from many addresses (so the throttle does
    not refuse them) is partly refused with 503, nothing it refuses is counted, and a search sent in the
    middle of it is answered promptly (it does not queue behind argon2)."""
    people = lrn.create_learners(sqlite_server.database_url, f"cap{uuid.uuid4().hex[:6]}_", BURST)
    attempts = [(f"127.0.2.{i + 1}", p.username, "wrong") for i, p in enumerate(people)]
    searched: list[tuple[int, float]] = []

    def search_during() -> None:
        with httpx.Client(timeout=30) as client:
            started = time.monotonic()
            response = client.get(f"{sqlite_server.api}/courses", params={"q": "intro", "limit": 5})
            searched.append((response.status_code, time.monotonic() - started))

    searcher = threading.Timer(0.05, search_during)
    searcher.start()
    answers = burst(sqlite_server.api, attempts)
    searcher.join(30)
    statuses = Counter(answer.status_code for answer in answers)
    assert set(statuses) <= {401, 503}, statuses
    assert statuses[503] >= 1 and statuses[401] >= 1, statuses
    for answer in answers:
        if answer.status_code == 503:
            assert int(answer.headers["retry-after"]) >= 1
            assert answer.json()["detail"]
    assert searched and searched[0][0] == 200 and searched[0][1] < 3.0, searched
    refused = [attempts[i] for i, answer in enumerate(answers) if answer.status_code == 503]
    address, username, _ = refused[0]
    person = next(p for p in people if p.username == username)
    with client_from(address) as client:  # a refused attempt used none of the allowance
        for _ in range(4):
            wrong = client.post(
                f"{sqlite_server.api}/auth/token", json={"username": username, "password": "no"}
            )
            assert wrong.status_code == 401, wrong.text
        right = client.post(
            f"{sqlite_server.api}/auth/token", json={"username": username, "password": person.password}
        )
        assert right.status_code == 200, right.text


def test_counters_are_shared_by_processes_through_redis(
    sqlite_template: Path, tmp_path: Path, redis_url: str
) -> None:
    url = sqlite_copy(sqlite_template, tmp_path)
    first = serverproc.start_server(tmp_path, url, redis_url=redis_url, log_name="first.log")
    second = serverproc.start_server(tmp_path, url, redis_url=redis_url, log_name="second.log")
    try:
        (victim,) = lrn.create_learners(url, f"shared{uuid.uuid4().hex[:6]}_", 1)
        with client_from("127.0.3.1") as attacker:
            for i in range(5):
                server = (first, second)[i % 2]
                answer = attacker.post(
                    f"{server.api}/auth/token", json={"username": victim.username, "password": "x"}
                )
                assert answer.status_code == 401, answer.text
            for server in (first, second):
                answer = attacker.post(
                    f"{server.api}/auth/token",
                    json={"username": victim.username, "password": victim.password},
                )
                assert answer.status_code == 429, f"{server.port}: {answer.status_code}"
        with client_from("127.0.3.2") as learner:
            answer = learner.post(
                f"{second.api}/auth/token", json={"username": victim.username, "password": victim.password}
            )
            assert answer.status_code == 200, answer.text
    finally:
        first.stop()
        second.stop()


def test_lru_evicts_only_the_least_recently_used_counters() -> None:
    windows = MemoryWindows(window_seconds=60, max_keys=3)
    for key in ("a", "b", "c"):
        assert windows.reserve([(key, 1)], f"{key}-1") is None
    assert windows.reserve([("b", 1)], "b-2") is not None, "b is at its limit"
    assert windows.reserve([("d", 1)], "d-1") is None  # a fourth key: the least recently used goes
    assert len(windows) == 3
    for key in ("b", "c", "d"):
        assert windows.reserve([(key, 1)], f"{key}-3") is not None, f"{key} kept its count"
    assert windows.reserve([("a", 1)], "a-2") is None, "a was evicted (so it starts again)"


def test_a_right_password_gives_its_reservation_back() -> None:
    async def scenario() -> None:
        throttle = LoginThrottle(2, 60, allowed_per_address=4)
        first = await throttle.reserve("alice", "10.0.0.1")
        assert isinstance(first, Reservation)
        await throttle.settle(first, succeeded=False)
        for _ in range(5):  # right passwords: never counted, and they clear alice's failures here
            ok = await throttle.reserve("alice", "10.0.0.1")
            assert isinstance(ok, Reservation)
            await throttle.settle(ok, succeeded=True)
        for _ in range(2):
            wrong = await throttle.reserve("alice", "10.0.0.1")
            assert isinstance(wrong, Reservation)
            await throttle.settle(wrong, succeeded=False)
        assert isinstance(await throttle.reserve("alice", "10.0.0.1"), int), "two failures: throttled"
        assert isinstance(await throttle.reserve("bob", "10.0.0.1"), Reservation), "the address has room"
        assert isinstance(await throttle.reserve("alice", "10.0.0.2"), Reservation), "another address"

    asyncio.run(scenario())


def test_redis_down_falls_back_to_counting_in_the_process() -> None:
    async def scenario() -> None:
        port = serverproc.free_port()  # nothing listens there
        throttle = LoginThrottle(1, 60, redis_url=f"redis://127.0.0.1:{port}/0")
        try:
            first = await throttle.reserve("carol", "10.0.0.9")
            assert isinstance(first, Reservation)
            await throttle.settle(first, succeeded=False)
            assert isinstance(await throttle.reserve("carol", "10.0.0.9"), int), "counted locally"
        finally:
            await throttle.close()

    asyncio.run(scenario())


def test_ipv6_clients_count_by_their_64() -> None:
    async def scenario() -> None:
        throttle = LoginThrottle(1, 60, allowed_per_address=2)
        first = await throttle.reserve("dave", "2001:db8:1:2::10")
        assert isinstance(first, Reservation)
        await throttle.settle(first, succeeded=False)
        assert isinstance(await throttle.reserve("dave", "2001:db8:1:2::99"), int), "same /64, same count"
        assert isinstance(await throttle.reserve("dave", "2001:db8:1:3::10"), Reservation), "another /64"

    asyncio.run(scenario())
