"""`--server-timing`: every answer says how long it spent in SQL and in the app, and only when asked.

The benchmarks subtract a request's own SQL time from its latency, so the tally must hold every statement
of that request (the one-row lookups on their own connection included) and nothing of any other request.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from lms_desktop.server.cli import build_parser
from lms_desktop.server.config import Settings
from lms_desktop.server.db import sqltime
from lms_desktop.server.db.queries import versions
from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.instrumented import InstrumentedServer
from tests.fixtures.servers import (
    METRICS_AUTH,
    METRICS_TOKEN,
    SMALL_CATALOG,
    SMALL_USERS,
    auth,
    demo_token,
    new_learner,
)

TIMING = re.compile(r'^db;dur=(\d+\.\d{3});desc="(\d+) SQL", app;dur=(\d+\.\d{3})$')
http = httpx.Client(timeout=30)


@pytest.fixture(scope="module")
def timed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    server = InstrumentedServer(
        None,
        data_dir=tmp_path_factory.mktemp("timed"),
        seed_courses=SMALL_CATALOG,
        seed_users=SMALL_USERS,
        metrics_token=METRICS_TOKEN,
    )
    server.settings = server.settings.with_(server_timing=True)
    with server:
        yield server


@pytest.fixture(scope="module")
def timed_engine_server(db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    """A timed server on each engine: writes run on that engine's writer (a pool, or group commit)."""
    server = InstrumentedServer(
        db_url, data_dir=tmp_path_factory.mktemp("timed-writes"), seed_courses=SMALL_CATALOG, seed_users=2
    )
    server.settings = server.settings.with_(server_timing=True)
    with server:
        yield server


def _timing(response: httpx.Response) -> tuple[float, int, float]:
    match = TIMING.match(response.headers["server-timing"])
    assert match is not None, response.headers["server-timing"]
    return float(match[1]), int(match[2]), float(match[3])


def test_off_unless_asked(live_server: EmbeddedServer) -> None:
    assert Settings().server_timing is False
    response = http.get(f"{live_server.api_url}/courses?limit=5")
    assert response.status_code == 200 and "server-timing" not in response.headers


def test_a_listing_counts_its_lookup_and_its_query(timed_server: EmbeddedServer) -> None:
    url = f"{timed_server.api_url}/courses?sort=newest&limit=7"
    http.get(f"{url}&page=1")  # the first page also counts the catalog (the total is cached after)
    before = timed_server.sql_statements
    versions.note_catalog_changed()  # so the catalog version is read again, not taken from its memo
    response = http.get(f"{url}&page=2")  # not in the hot cache: the lookup, then the page's statement
    db_ms, statements, app_ms = _timing(response)
    assert response.status_code == 200
    # the engine's statements (counted by the embedded server's own hook) plus the catalog-version lookup
    assert statements == timed_server.sql_statements - before + 1
    assert statements >= 2
    assert 0 < db_ms <= app_ms


def test_a_304_from_the_front_and_a_route_without_sql(timed_server: EmbeddedServer) -> None:
    course_id = http.get(f"{timed_server.api_url}/courses?limit=1").json()["items"][0]["id"]
    url = f"{timed_server.api_url}/courses/{course_id}"
    etag = http.get(url).headers["etag"]
    revalidated = http.get(url, headers={"If-None-Match": etag})  # written by the HTTP protocol
    assert revalidated.status_code == 304
    db_ms, statements, app_ms = _timing(revalidated)
    assert statements == 1 and 0 < db_ms <= app_ms  # the catalog and course versions, one statement
    metrics = http.get(f"{timed_server.api_url}/metrics", headers=METRICS_AUTH)
    assert _timing(metrics)[:2] == (0.0, 0)


def test_a_signed_in_page_and_an_error_carry_it_too(timed_server: EmbeddedServer) -> None:
    token = demo_token(timed_server.base_url)
    dashboard = http.get(f"{timed_server.api_url}/dashboard", headers=auth(token))
    assert dashboard.status_code == 200
    assert _timing(dashboard)[1] >= 2  # the session lookup, then the dashboard's statement
    missing = http.get(f"{timed_server.api_url}/courses/999999/content", headers=auth(token))
    assert missing.status_code == 404 and _timing(missing)[1] >= 1


def test_a_write_counts_the_statements_it_ran_on_the_writer(timed_engine_server: EmbeddedServer) -> None:
    api = timed_engine_server.api_url
    _, _, token = new_learner(timed_engine_server)
    course_id = http.get(f"{api}/courses?limit=1").json()["items"][0]["id"]
    enrolled = http.put(f"{api}/courses/{course_id}/enrollment", headers=auth(token), json={})
    assert enrolled.status_code == 200
    db_ms, statements, app_ms = _timing(enrolled)
    assert statements >= 2 and 0 < db_ms <= app_ms  # the session lookup on the loop, then the write
    content = http.get(f"{api}/courses/{course_id}/content", headers=auth(token)).json()
    section_id = content["lessons"][0]["sections"][0]["id"]
    body = {"time_spent_seconds": 5}
    progress = http.put(f"{api}/progress/{section_id}", headers=auth(token), json=body)
    assert progress.status_code == 200
    db_ms, statements, app_ms = _timing(progress)
    assert statements >= 1 and 0 < db_ms <= app_ms  # its token is resolved in the write itself


def test_the_tally_belongs_to_one_request_only() -> None:
    sqltime.add(5_000)  # outside a request: kept nowhere
    tally, token = sqltime.start()
    sqltime.add(1_500)
    sqltime.add(500)
    sqltime.stop(token)
    sqltime.add(7_000)
    assert tally == [2_000, 2]
    inner, token = sqltime.start()
    assert inner == [0, 0]
    sqltime.stop(token)


def test_the_setting_survives_the_trip_to_worker_processes_and_the_command_line(tmp_path: Path) -> None:
    on = Settings(data_dir=tmp_path, server_timing=True)
    assert Settings.from_env(on.to_env()).server_timing is True
    assert Settings.from_env(Settings(data_dir=tmp_path).to_env()).server_timing is False
    given = build_parser().parse_args(["serve", "--server-timing"])
    assert Settings.from_env({}).from_args(given).server_timing is True
    assert Settings.from_env({}).from_args(build_parser().parse_args(["serve"])).server_timing is False
