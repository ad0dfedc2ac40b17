"""The shared Redis tier: a body cached by one server process is served by another, learners' writes are
announced by pub/sub, Redis is never scanned with KEYS, and a Redis outage only costs speed."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import httpx
import pytest
import redis

from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.server.http.state import ServerState
from tests.fixtures.servers import ServerFactory, auth, new_learner
from tests.fixtures.waiting import poll_until


@pytest.fixture(autouse=True)
def _frozen_listing_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing ETags roll over every 10 minutes; a test must not straddle a boundary by bad luck."""
    from lms_desktop.server.http import validators

    epoch = validators.listing_epoch()
    monkeypatch.setattr(validators, "listing_epoch", lambda: epoch)


def state_of(server: EmbeddedServer) -> ServerState:
    st: ServerState = server.app.state["lms"]
    return st


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivateRedis:
    """A redis-server of our own on a free loopback port, so a test can stop it and count its commands."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        exe = shutil.which("redis-server")
        if exe is None:
            pytest.skip("redis-server not installed")
        self.proc = subprocess.Popen(
            [exe, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None

    def command_calls(self, name: str) -> int:
        stats = redis.Redis.from_url(self.url).info("commandstats")
        entry = stats.get(f"cmdstat_{name}")
        return int(entry["calls"]) if entry else 0


@pytest.fixture
def private_redis(redis_url: str) -> Iterator[PrivateRedis]:
    """Requires the Redis service like the other Redis tests (skips locally without it, fails on CI)."""
    server = PrivateRedis()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_a_body_cached_by_one_process_is_served_by_another(
    server_factory: ServerFactory, private_redis: PrivateRedis
) -> None:
    a = server_factory(redis_url=private_redis.url, seed_courses=60)
    b = server_factory(a.database_url, redis_url=private_redis.url, seed_courses=None, data_dir=a.data_dir)
    path = "/courses?q=data&limit=7"
    first = httpx.get(a.api_url + path)
    assert first.status_code == 200
    with b.capture_sql() as sql:
        second = httpx.get(b.api_url + path)
    assert second.status_code == 200
    assert second.content == first.content
    # B ran at most the version lookup: the body came from Redis
    assert len(sql) <= 1 and all("versions" in s for s in sql)
    assert state_of(b).cache.redis_hits == 1
    assert private_redis.command_calls("keys") == 0 and private_redis.command_calls("scan") == 0


def test_writes_are_announced_to_other_processes(
    server_factory: ServerFactory, private_redis: PrivateRedis
) -> None:
    a = server_factory(redis_url=private_redis.url, seed_courses=30)
    b = server_factory(a.database_url, redis_url=private_redis.url, seed_courses=None, data_dir=a.data_dir)
    user_id, _, token = new_learner(a)
    course_id = httpx.get(f"{a.api_url}/courses?limit=1").json()["items"][0]["id"]
    httpx.get(f"{b.api_url}/dashboard", headers=auth(token))
    httpx.get(f"{b.api_url}/courses/{course_id}", headers=auth(token))
    assert state_of(b).cache.local.count_scope(f"u{user_id}") == 2
    assert httpx.put(f"{a.api_url}/courses/{course_id}/enrollment", headers=auth(token)).status_code == 200
    poll_until(
        lambda: state_of(b).cache.local.count_scope(f"u{user_id}") == 0,
        within_s=5,
        what="B dropped them",
    )
    # and B answers with the new state at once (versions, not the message, guarantee that)
    assert (
        httpx.get(f"{b.api_url}/dashboard", headers=auth(token)).json()["items"][0]["course_id"] == course_id
    )


def test_servers_of_different_databases_do_not_share_entries(
    server_factory: ServerFactory, private_redis: PrivateRedis
) -> None:
    a = server_factory(redis_url=private_redis.url, seed_courses=30, seed=1)
    b = server_factory(redis_url=private_redis.url, seed_courses=30, seed=2)
    assert state_of(a).cache.namespace != state_of(b).cache.namespace
    body_a = httpx.get(f"{a.api_url}/courses?sort=newest").content
    body_b = httpx.get(f"{b.api_url}/courses?sort=newest").content
    assert body_a != body_b


def test_redis_down_keeps_serving_from_the_database(
    server_factory: ServerFactory, private_redis: PrivateRedis, caplog: pytest.LogCaptureFixture
) -> None:
    server = server_factory(redis_url=private_redis.url, seed_courses=30)
    state_of(server).cache.retry_seconds = 0.2
    assert httpx.get(f"{server.api_url}/health").json()["redis"] is True
    warm = httpx.get(f"{server.api_url}/courses?limit=5").content

    private_redis.stop()
    for i in range(5):
        r = httpx.get(f"{server.api_url}/courses", params={"limit": 5, "page": i + 1})
        assert r.status_code == 200
    assert httpx.get(f"{server.api_url}/courses?limit=5").content == warm
    health = httpx.get(f"{server.api_url}/health")
    assert health.status_code == 200  # the database is fine: still serving
    assert health.json() == {**health.json(), "status": "degraded", "database": True, "redis": False}
    downs = [r for r in caplog.records if "Redis unavailable" in r.getMessage()]
    assert len(downs) == 1  # logged once, not per request

    private_redis.start()  # same port
    poll_until(
        lambda: httpx.get(f"{server.api_url}/health").json()["redis"] is True, within_s=5, what="Redis back"
    )
    assert httpx.get(f"{server.api_url}/health").json()["status"] == "ok"


def test_unreachable_redis_from_the_start(server_factory: ServerFactory) -> None:
    server = server_factory(redis_url=f"redis://127.0.0.1:{_free_port()}/0", seed_courses=20)
    assert httpx.get(f"{server.api_url}/courses").status_code == 200
    assert httpx.get(f"{server.api_url}/health").json()["redis"] is False
