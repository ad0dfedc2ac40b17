"""Inputs any anonymous caller can send that used to be answered 500 (each with a traceback in the log), and
conditional requests that used to confirm what does not exist; on SQLite and PostgreSQL.

Every one is now a 4xx with a message, or a clamped value where the rules say so (time totals saturate);
`If-None-Match: *` or a guessed ETag on a missing section, or on a section of an unpublished course, is a
404 on both paths that answer 304s (the protocol's early path and the app's). The cursor codec also gets a
property test: whatever a cursor holds, decoding gives values both drivers bind, or InvalidCursor.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import socket
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from lms_desktop.server.db.driver_sql import datetime_param
from lms_desktop.server.db.errors import InvalidCursor
from lms_desktop.server.db.queries import catalog
from tests.trust import learners as lrn
from tests.trust import serverproc
from tests.trust.conftest import sqlite_copy
from tests.trust.learners import Learner
from tests.trust.serverproc import ServerProcess

MAX_INT32 = 2**31 - 1
EDGE_TIMES = ("9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00")


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(
    request: pytest.FixtureRequest, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    home = tmp_path_factory.mktemp(f"bad-input-{request.param}")
    drop = None
    if request.param == "sqlite":
        url = sqlite_copy(sqlite_template, home)
    else:
        import psycopg

        admin = request.getfixturevalue("pg_admin_url")
        template, template_home = request.getfixturevalue("pg_template")
        name = f"lms_trust_bad_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(_plain(admin), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        url = f"{admin.rpartition('/')[0]}/{name}"
        sqlite_copy(template_home, home)  # the covers

        def drop() -> None:
            with psycopg.connect(_plain(admin), autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    spoil_thumbnail_cache(home / "data" / "images")
    proc = serverproc.start_server(home, url)
    try:
        yield proc
    finally:
        proc.stop()
        if drop is not None:
            drop()


def spoil_thumbnail_cache(images: Path) -> None:
    """Make the thumbnail cache unwritable: read-only for a normal user; for root (whom permissions do not
    stop) a file where the cache folder should be, which fails every write under it the same way."""
    thumbs = images / "thumbs"
    if os.geteuid() == 0:
        if thumbs.is_dir():
            for child in thumbs.iterdir():
                child.unlink()
            thumbs.rmdir()
        thumbs.write_bytes(b"not a folder")
    else:
        thumbs.mkdir(exist_ok=True)
        thumbs.chmod(0o555)
        images.chmod(0o555)


@pytest.fixture(scope="module")
def world(server: ServerProcess) -> tuple[Learner, int, int]:
    (learner,) = lrn.create_learners(server.database_url, f"bad{uuid.uuid4().hex[:6]}_", 1)
    with httpx.Client(timeout=30) as client:
        course = client.get(f"{server.api}/courses", params={"limit": 1}).json()["items"][0]["id"]
        section = client.get(f"{server.api}/courses/{course}/content").json()["lessons"][0]["sections"][0][
            "id"
        ]
        assert (
            client.put(f"{server.api}/courses/{course}/enrollment", headers=learner.auth).status_code == 200
        )
    return learner, course, section


def assert_4xx(response: httpx.Response, *, status: int = 400) -> None:
    assert response.status_code == status, f"{response.status_code} {response.text[:300]}"
    assert response.json()["detail"]


def test_deeply_nested_json_is_400_on_every_json_endpoint(
    server: ServerProcess, world: tuple[Learner, int, int]
) -> None:
    learner, course, section = world
    deep = "[" * 2000 + "]" * 2000
    nested_field = '{"time_spent_seconds": ' + deep + "}"
    targets = [
        ("POST", "/auth/token", {}),
        ("PUT", f"/courses/{course}/enrollment", learner.auth),
        ("DELETE", f"/courses/{course}/enrollment", learner.auth),
        ("PUT", f"/progress/{section}", learner.auth),
        ("PUT", f"/courses/{course}/rating", learner.auth),
    ]
    with httpx.Client(timeout=30) as client:
        for method, path, headers in targets:
            for body in (deep, nested_field):
                response = client.request(
                    method,
                    server.api + path,
                    content=body,
                    headers={**headers, "Content-Type": "application/json"},
                )
                assert_4xx(response)
        fine = client.put(f"{server.api}/courses/{course}/enrollment", headers=learner.auth, json={})
        assert fine.status_code == 200, "an ordinary body still goes through"
    assert "Traceback" not in server.log_text()


def hand_made_cursor(sort: str, keys: list[object], page: int = 2) -> str:
    fingerprint = catalog._fingerprint(sort, None, None, None)
    raw = json.dumps({"f": fingerprint, "p": page, "k": keys}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    ("sort", "keys", "page"),
    [
        ("popular", [2**63, "2024-01-01T00:00:00+00:00", 5], 2),
        ("popular", [10**40, "2024-01-01T00:00:00+00:00", 5], 2),
        ("popular", [-(2**63) - 1, "2024-01-01T00:00:00+00:00", 5], 2),
        ("newest", [EDGE_TIMES[0], 5], 2),
        ("newest", [EDGE_TIMES[1], 5], 2),
        ("newest", ["9999-12-31T23:59:59.999999+00:00", 5], 2),
        ("rating", [float("nan"), 3, 5], 2),
        ("rating", [1e308 * 10, 3, 5], 2),
        ("newest", ["2024-01-01T00:00:00+00:00", 2**64], 2),
        ("newest", ["2024-01-01T00:00:00+00:00", 5], 2**70),
    ],
)
def test_hand_made_cursors_are_400(server: ServerProcess, sort: str, keys: list[object], page: int) -> None:
    with httpx.Client(timeout=30) as client:
        response = client.get(
            f"{server.api}/courses", params={"sort": sort, "cursor": hand_made_cursor(sort, keys, page)}
        )
    assert_4xx(response)


def test_nul_bytes_are_refused_or_harmless(server: ServerProcess) -> None:
    with httpx.Client(timeout=30) as client:
        sign_in = client.post(f"{server.api}/auth/token", json={"username": "de\x00mo", "password": "demo"})
        assert_4xx(sign_in, status=401)
        search = client.get(f"{server.api}/courses", params={"q": "py\x00thon"})
        assert search.status_code == 200, search.text
    assert "Traceback" not in server.log_text()


def test_timestamps_outside_the_calendar_are_400(
    server: ServerProcess, world: tuple[Learner, int, int]
) -> None:
    learner, course, section = world
    with httpx.Client(timeout=30, headers=learner.auth) as client:
        for moment in EDGE_TIMES:
            stamp = {"client_timestamp": moment}
            assert_4xx(client.put(f"{server.api}/courses/{course}/enrollment", json=stamp))
            assert_4xx(client.request("DELETE", f"{server.api}/courses/{course}/enrollment", json=stamp))
            assert_4xx(client.put(f"{server.api}/courses/{course}/rating", json={"rating": 3, **stamp}))
            assert_4xx(client.put(f"{server.api}/progress/{section}", json={"completed_at": moment}))
        old = client.put(f"{server.api}/progress/{section}", json={"completed_at": "1999-12-31T23:59:59Z"})
        assert_4xx(old)
        assert "completed_at" in old.json()["detail"]
        state = client.get(f"{server.api}/courses/{course}/content").json()
        done = [s for lesson in state["lessons"] for s in lesson["sections"] if s.get("completed_at")]
        assert not done, "nothing refused was recorded"
        future = client.put(f"{server.api}/progress/{section}", json={"completed_at": "9999-01-01T00:00:00Z"})
        assert future.status_code == 200, "a future time inside the calendar is clamped to now"
        assert datetime.fromisoformat(future.json()["completed_at"]) <= datetime.now(UTC)


def test_time_spent_totals_saturate_below_2_to_the_31(
    server: ServerProcess, world: tuple[Learner, int, int]
) -> None:
    learner, course, section = world
    with httpx.Client(timeout=30, headers=learner.auth) as client:
        assert (
            client.put(f"{server.api}/progress/{section}", json={"time_spent_seconds": 60}).status_code == 200
        )
        engine = sa.create_engine(server.database_url)
        try:
            with engine.begin() as conn:
                conn.execute(
                    sa.text(
                        "UPDATE progress SET time_spent_seconds = :t WHERE user_id = :u AND section_id = :s"
                    ),
                    {"t": MAX_INT32 - 10, "u": learner.id, "s": section},
                )
        finally:
            engine.dispose()
        for _ in range(2):
            response = client.put(f"{server.api}/progress/{section}", json={"time_spent_seconds": 86_400})
            assert response.status_code == 200, response.text
            assert response.json()["time_spent_seconds"] == MAX_INT32
        dashboard = client.get(f"{server.api}/dashboard").json()["items"]
    totals = [item["time_spent_seconds"] for item in dashboard if item["course_id"] == course]
    assert totals and 0 < totals[0] <= MAX_INT32, totals


def test_unwritable_thumbnail_cache_still_serves_images(server: ServerProcess) -> None:
    with httpx.Client(timeout=30) as client:
        course = client.get(f"{server.api}/courses", params={"limit": 1}).json()["items"][0]
        for width in (160, 320):
            image = client.get(f"{server.base_url}{course['image_url']}", params={"w": width, "fmt": "jpeg"})
            assert image.status_code == 200, image.text[:200]
            assert image.headers["content-type"] == "image/jpeg" and image.content[:2] == b"\xff\xd8"
    assert "Traceback" not in server.log_text()


# ---- conditional requests on what does not exist -------------------------------------------------


def raw_get(port: int, path: str, headers: dict[str, str], *, close: bool) -> int:
    """One GET on a fresh socket. A keep-alive HTTP/1.1 GET with If-None-Match is what the protocol's early
    path answers; `Connection: close` sends it through the app instead."""
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", f"Connection: {'close' if close else 'keep-alive'}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        data = b""
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    return int(data.split(b" ", 2)[1])


def test_if_none_match_never_confirms_a_missing_or_hidden_section(
    server: ServerProcess, world: tuple[Learner, int, int]
) -> None:
    _, course, section = world
    with httpx.Client(timeout=30) as client:
        catalog_version_etag = client.get(f"{server.api}/sections/{section}").headers["etag"]
        courses = client.get(f"{server.api}/courses", params={"limit": 2, "sort": "newest"}).json()["items"]
        hidden_course = next(c["id"] for c in courses if c["id"] != course)
        hidden = client.get(f"{server.api}/courses/{hidden_course}/content").json()["lessons"][0]["sections"][
            0
        ]["id"]
    engine = sa.create_engine(server.database_url)
    try:
        from lms_desktop.server.db.queries import authoring

        with engine.begin() as conn:
            authoring.update_course(conn, hidden_course, is_published=False)
    finally:
        engine.dispose()
    missing = 2_000_000_000
    version = catalog_version_etag.strip('W/"').split(".")[-1]
    for section_id in (missing, hidden):
        for inm in (
            "*",
            f'W/"section.{section_id}.{version}"',
            f'W/"section.{section_id}.{int(version) + 1}"',
        ):
            for close in (False, True):
                status = raw_get(
                    server.port, f"/api/v1/sections/{section_id}", {"If-None-Match": inm}, close=close
                )
                assert status == 404, f"section {section_id}, If-None-Match {inm}, close={close}: {status}"
    assert raw_get(server.port, f"/api/v1/sections/{section}", {"If-None-Match": "*"}, close=False) == 304
    assert (
        raw_get(server.port, "/api/v1/images/cover-999-0123456789abcdef", {"If-None-Match": "*"}, close=True)
        == 404
    )


# ---- the cursor codec ----------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=3), children, max_size=4)
    ),
    max_leaves=12,
)
iso_times = st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat())


@settings(max_examples=400, derandomize=True, deadline=None, database=None)
@given(
    sort=st.sampled_from(sorted(catalog.SORT_KEYS)),
    keys=st.lists(json_values | iso_times, min_size=1, max_size=5),
    page=st.integers() | json_values,
)
def test_cursor_codec_decodes_to_bindable_values_or_refuses(
    sort: str, keys: list[object], page: object
) -> None:
    """Any cursor of the right shape, whatever its values: decoded values fit the drivers (64-bit ints,
    finite floats, UTC times whose SQLite form is a valid timestamp), or InvalidCursor; nothing else."""
    names = catalog.SORT_KEYS[sort]
    fingerprint = catalog._fingerprint(sort, None, None, None)
    try:
        raw = json.dumps({"f": fingerprint, "p": page, "k": keys}, allow_nan=True).encode()
    except (ValueError, TypeError):
        return
    cursor = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    try:
        decoded_page, values = catalog.decode_cursor(cursor, fingerprint, names)
    except InvalidCursor:
        return
    assert 2 <= decoded_page < 2**31
    for value in values:
        if isinstance(value, datetime):
            assert value.tzinfo is not None
            datetime_param("sqlite", value)  # the SQLite text form: must not overflow
            assert datetime_param("postgresql", value) == value
        elif isinstance(value, float):
            assert value == value and abs(value) != float("inf")
        else:
            assert isinstance(value, int) and -(2**63) <= value < 2**63


@settings(max_examples=200, derandomize=True, deadline=None, database=None)
@given(
    sort=st.sampled_from(sorted(catalog.SORT_KEYS)),
    page=st.integers(min_value=2, max_value=2**31 - 1),
    data=st.data(),
)
def test_cursor_codec_round_trips(sort: str, page: int, data: st.DataObject) -> None:
    kinds = {
        "int": st.integers(min_value=0, max_value=2**63 - 1),
        "float": st.floats(allow_nan=False, allow_infinity=False),
        "datetime": st.datetimes(
            min_value=datetime(1, 1, 3), max_value=datetime(9999, 12, 29), timezones=st.just(UTC)
        ),
    }
    names = catalog.SORT_KEYS[sort]
    keys = [data.draw(kinds[catalog._KIND[name]]) for name in names]
    fingerprint = catalog._fingerprint(sort, None, None, None)
    decoded_page, values = catalog.decode_cursor(
        catalog.encode_cursor(fingerprint, page, keys), fingerprint, names
    )
    assert decoded_page == page
    assert values == [float(k) if isinstance(k, float) else k for k in keys]


def test_random_strings_are_never_more_than_invalid() -> None:
    @settings(max_examples=300, derandomize=True, deadline=None, database=None)
    @given(
        text=st.text(max_size=1100)
        | st.binary(max_size=800).map(lambda b: base64.urlsafe_b64encode(b).decode())
    )
    def check(text: str) -> None:
        with contextlib.suppress(InvalidCursor):
            catalog.decode_cursor(text, "0" * 16, catalog.SORT_KEYS["newest"])

    check()
