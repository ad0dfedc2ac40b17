"""304s on the wire (decided by the front, `http/revalidate.py`, answered through uvicorn's ASGI cycle), and
the listing's memo of the catalog version (`Lookups.catalog(max_age=...)`).

Over raw sockets, because what can go wrong is HTTP/1.1 framing: answers out of order on a pipelined
connection, a GET's body read as the next request, a connection kept open that should close.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import httpx
import pytest

from lms_desktop.server.db.queries import versions
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.server.http import validators
from tests.fixtures.waiting import poll_until

http = httpx.Client(timeout=30)
LISTING = "/api/v1/courses?sort=newest&limit=5"


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body


class Connection:
    """One keep-alive connection that sends raw bytes and reads answers one at a time."""

    def __init__(self, server: EmbeddedServer) -> None:
        self.sock = socket.create_connection((server.host, server.port), timeout=10)
        self.file = self.sock.makefile("rb")

    def send(self, *requests: bytes) -> None:
        self.sock.sendall(b"".join(requests))  # one write: the server sees them pipelined

    def read(self) -> Response:
        status_line = self.file.readline()
        assert status_line, "the server closed the connection"
        status = int(status_line.split()[1])
        headers: dict[str, str] = {}
        while (line := self.file.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        body = b""
        if headers.get("transfer-encoding") == "chunked":
            while (size := int(self.file.readline().split(b";")[0], 16)) > 0:
                body += self.file.read(size)
                self.file.readline()
            self.file.readline()
        elif "content-length" in headers:
            body = self.file.read(int(headers["content-length"]))
        return Response(status, headers, body)

    def closed_by_server(self) -> bool:
        return self.file.read(1) == b""

    def close(self) -> None:
        self.file.close()
        self.sock.close()


@pytest.fixture
def conn(api_server: EmbeddedServer) -> Iterator[Connection]:
    connection = Connection(api_server)
    yield connection
    connection.close()


def get(
    target: str, *, etag: str | None = None, version: str = "1.1", extra: str = "", body: bytes = b""
) -> bytes:
    head = f"GET {target} HTTP/{version}\r\nHost: 127.0.0.1\r\n"
    if etag is not None:
        head += f"If-None-Match: {etag}\r\n"
    if body:
        head += f"Content-Length: {len(body)}\r\n"
    return (head + extra + "\r\n").encode() + body


def _etag(server: EmbeddedServer, target: str) -> str:
    return http.get(server.base_url + target).headers["etag"]


def test_pipelined_answers_keep_their_order(
    api_server: EmbeddedServer, conn: Connection, front_answers: list[str]
) -> None:
    listing = _etag(api_server, LISTING)
    course_id = json.loads(http.get(api_server.base_url + LISTING).content)["items"][0]["id"]
    course = f"/api/v1/courses/{course_id}"
    course_etag = _etag(api_server, course)
    front_answers.clear()
    conn.send(
        get(LISTING, etag=listing), get(course), get(LISTING, etag=listing), get(course, etag=course_etag)
    )
    answers = [conn.read() for _ in range(4)]
    assert [a.status for a in answers] == [304, 200, 304, 304]
    assert json.loads(answers[1].body)["id"] == course_id  # the 200 between them is the course's own
    assert answers[0].headers["etag"] == listing and answers[3].headers["etag"] == course_etag
    assert front_answers == ["asgi", "declined", "asgi", "asgi"]


def test_a_304_carries_the_200s_validators(
    api_server: EmbeddedServer, conn: Connection, front_answers: list[str]
) -> None:
    full = http.get(api_server.base_url + LISTING)
    front_answers.clear()
    conn.send(get(LISTING, etag=full.headers["etag"]))
    answer = conn.read()
    assert answer.status == 304 and answer.body == b""
    assert front_answers == ["asgi"]
    for name in ("etag", "cache-control"):
        assert answer.headers[name] == full.headers[name]
    assert "date" in answer.headers and "content-length" not in answer.headers
    assert "transfer-encoding" not in answer.headers  # a 304 has no body to frame


def test_many_304s_on_one_connection_then_a_200(api_server: EmbeddedServer, conn: Connection) -> None:
    etag = _etag(api_server, LISTING)
    before = api_server.count("/api/v1/courses")
    for _ in range(50):
        conn.send(get(LISTING, etag=etag))
        assert conn.read().status == 304
    conn.send(get(LISTING))
    answer = conn.read()
    assert answer.status == 200 and json.loads(answer.body)["items"]
    assert api_server.count("/api/v1/courses") == before + 51  # every 304 reached the request log


def test_a_gets_body_is_skipped_not_read_as_the_next_request(
    api_server: EmbeddedServer, conn: Connection, front_answers: list[str]
) -> None:
    etag = _etag(api_server, LISTING)
    smuggled = get("/api/v1/health")
    front_answers.clear()
    conn.send(get(LISTING, etag=etag, body=smuggled), get(LISTING, etag=etag))
    assert [conn.read().status, conn.read().status] == [304, 304]
    assert front_answers == ["asgi", "asgi"]
    conn.send(get("/api/v1/health/live"))
    assert conn.read().status == 200  # the connection is still in step: no stray answer in between


@pytest.mark.parametrize(
    ("version", "extra"),
    [("1.0", ""), ("1.1", "Connection: close\r\n")],
    ids=["http-1.0", "connection-close"],
)
def test_a_connection_that_ends_gets_its_304_and_is_closed(
    api_server: EmbeddedServer, conn: Connection, front_answers: list[str], version: str, extra: str
) -> None:
    etag = _etag(api_server, LISTING)
    front_answers.clear()
    conn.send(get(LISTING, etag=etag, version=version, extra=extra))
    assert conn.read().status == 304
    assert front_answers == ["asgi"]
    assert conn.closed_by_server()


def test_a_percent_encoded_path_is_decoded_before_the_front(
    api_server: EmbeddedServer, conn: Connection, front_answers: list[str]
) -> None:
    etag = _etag(api_server, LISTING)
    front_answers.clear()
    conn.send(get(LISTING.replace("courses", "cour%73es"), etag=etag))
    assert conn.read().status == 304
    assert front_answers == ["asgi"]  # uvicorn decodes the path the front reads


# ---- the listing's memo of the catalog version -------------------------------------------------


def _revalidate(server: EmbeddedServer, etag: str) -> httpx.Response:
    return http.get(server.base_url + LISTING, headers={"If-None-Match": etag})


def test_a_catalog_change_by_this_process_shows_at_once(api_server: EmbeddedServer) -> None:
    etag = _etag(api_server, LISTING)
    assert _revalidate(api_server, etag).status_code == 304  # the memo holds the current version
    assert api_server.database is not None
    with api_server.database.write() as db:
        versions.bump_catalog(db)
    changed = _revalidate(api_server, etag)
    assert changed.status_code == 200 and changed.headers["etag"] != etag


def test_a_catalog_change_by_another_process_shows_within_the_memos_age(api_server: EmbeddedServer) -> None:
    etag = _etag(api_server, LISTING)
    assert _revalidate(api_server, etag).status_code == 304
    assert api_server.database is not None
    with api_server.database.write() as db:  # as another process would: not through `bump_catalog`
        db.exec_driver_sql("UPDATE versions SET value = value + 1 WHERE name = 'catalog'")
    answers: list[httpx.Response] = []

    def shown() -> bool:
        """304 while the memo of the catalog's version is young, then the new version in full."""
        answers.append(_revalidate(api_server, etag))
        return answers[-1].status_code != 304

    poll_until(
        shown, within_s=validators.LISTING_VERSION_MAX_AGE + 1.0, every_s=0.05, what="the change shown"
    )
    changed = answers[-1]
    assert changed.status_code == 200 and changed.headers["etag"] != etag


def test_a_stale_etag_is_decided_once_then_answered_in_full(
    api_server: EmbeddedServer, conn: Connection, front_answers: list[str]
) -> None:
    front_answers.clear()
    conn.send(get(LISTING, etag='W/"list.0.0.stale"'))
    answer = conn.read()
    assert answer.status == 200 and json.loads(answer.body)["items"]
    assert front_answers == ["declined"]  # the app did not ask the front a second time
