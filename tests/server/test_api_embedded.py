"""The embedded server that client and UI tests rely on: restart on the same port, server-side request
counting, a deliberate delay, and the shared fixtures themselves."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.instrumented import InstrumentedServer
from tests.fixtures.servers import ServerFactory, auth, demo_token


def test_live_server_is_seeded_and_demo_signs_in(live_server: EmbeddedServer) -> None:
    assert live_server.base_url == f"http://127.0.0.1:{live_server.port}"
    body = httpx.get(f"{live_server.api_url}/courses?limit=1").json()
    assert body["total"] >= 250  # 300 seeded, a few unpublished
    assert (
        httpx.get(f"{live_server.api_url}/me", headers=auth(demo_token(live_server.base_url))).json()[
            "username"
        ]
        == "demo"
    )


def test_stop_goes_offline_and_start_returns_on_the_same_port(server_factory: ServerFactory) -> None:
    server = server_factory(seed_courses=20, seed_users=2)
    port, url = server.port, f"{server.api_url}/health"
    token = demo_token(server.base_url)
    assert httpx.get(url).status_code == 200
    server.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(url, timeout=2)
    server.start()
    assert server.port == port
    assert httpx.get(url).status_code == 200
    # tokens live in the database: the restarted server still knows them
    assert httpx.get(f"{server.api_url}/me", headers=auth(token)).status_code == 200


def test_a_new_server_can_take_over_a_stopped_ones_port(server_factory: ServerFactory) -> None:
    first = server_factory(seed_courses=10, seed_users=2)
    first.stop()
    second = server_factory(first.database_url, seed_courses=10, port=first.port, data_dir=first.data_dir)
    assert second.port == first.port
    assert httpx.get(f"{second.api_url}/courses").json()["total"] >= 5  # same data, not reseeded


def test_requests_are_counted_at_the_server(live_server: EmbeddedServer) -> None:
    live_server.reset_log()
    with httpx.Client(base_url=live_server.api_url) as client:
        client.get("/courses", params={"q": "python"})
        client.get("/courses", params={"q": "data"})
        client.get("/health")
    assert live_server.count("/courses") == 2
    assert live_server.count("/api/v1/courses", method="GET") == 2
    assert live_server.count("/health") == 1
    assert [r.query for r in list(live_server.request_log)[:2]] == ["q=python", "q=data"]


def test_set_delay_slows_every_request_without_blocking_others(live_server: EmbeddedServer) -> None:
    live_server.set_delay(0.3)
    try:

        async def three() -> float:
            async with httpx.AsyncClient(base_url=live_server.api_url) as client:
                started = time.perf_counter()
                await asyncio.gather(*(client.get("/health") for _ in range(3)))
                return time.perf_counter() - started

        elapsed = asyncio.run(three())
    finally:
        live_server.set_delay(0)
    assert elapsed >= 0.3  # every request waited ...
    assert elapsed < 0.9  # ... concurrently: the delay does not serialise the server
    started = time.perf_counter()
    httpx.get(f"{live_server.api_url}/health")
    assert time.perf_counter() - started < 0.3  # and it is off again


def test_context_manager_closes_everything(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    with InstrumentedServer(None, data_dir=tmp_path, seed_courses=None) as server:
        url = f"{server.api_url}/health"
        assert httpx.get(url).status_code == 200
    assert not server.running and server.database is None
    with pytest.raises(httpx.ConnectError):
        httpx.get(url, timeout=2)
