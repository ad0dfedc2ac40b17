"""304s written by the HTTP protocol (`http/protocol.py`) without an ASGI cycle, and the listing's memo of the
catalog version (`Lookups.catalog(max_age=...)`).

Over raw sockets, because what can go wrong is HTTP/1.1 framing: answers out of order on a pipelined
connection, a GET's body read as the next request, a connection kept open that should close.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from lms_desktop.server.db.queries import versions
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.server.http import validators
from lms_desktop.server.http.protocol import HTTPTOOLS

pytestmark = pytest.mark.skipif(not HTTPTOOLS, reason="the early path is httptools' (uvicorn runs h11 here)")

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
    # the first from the protocol; the two behind the 200 were queued behind it, so they took the app's path
    assert front_answers[0] == "protocol" and "asgi" in front_answers


def test_an_early_304_carries_what_the_apps_would(
    api_server: EmbeddedServer, conn: Connection, front_answers: list[str]
) -> None:
    full = http.get(api_server.base_url + LISTING)
    front_answers.clear()
    conn.send(get(LISTING, etag=full.headers["etag"]))
    answer = conn.read()
    assert answer.status == 304 and answer.body == b""
    assert front_answers == ["protocol"]
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
    assert api_server.count("/api/v1/courses") == before + 51  # every early 304 reached the request log


def test_a_gets_body_is_skipped_not_read_as_the_next_request(
    api_server: EmbeddedServer, conn: Connection, front_answers: list[str]
) -> None:
    etag = _etag(api_server, LISTING)
    smuggled = get("/api/v1/health")
    front_answers.clear()
    conn.send(get(LISTING, etag=etag, body=smuggled), get(LISTING, etag=etag))
    assert [conn.read().status, conn.read().status] == [304, 304]
    assert front_answers == ["protocol", "protocol"]
    conn.send(get("/api/v1/health/live"))
    assert conn.read().status == 200  # the connection is still in step: no stray answer in between


@pytest.mark.parametrize(
    ("version", "extra"),
    [("1.0", ""), ("1.1", "Connection: close\r\n")],
    ids=["http-1.0", "connection-close"],
)
def test_a_connection_that_ends_takes_the_apps_path_and_is_closed(
    api_server: EmbeddedServer, conn: Connection, front_answers: list[str], version: str, extra: str
) -> None:
    etag = _etag(api_server, LISTING)
    front_answers.clear()
    conn.send(get(LISTING, etag=etag, version=version, extra=extra))
    assert conn.read().status == 304
    assert front_answers == ["asgi"]
    assert conn.closed_by_server()


def test_while_requests_are_delayed_the_route_answers(
    api_server: EmbeddedServer, conn: Connection, front_answers: list[str]
) -> None:
    etag = _etag(api_server, LISTING)
    api_server.set_delay(0.2)
    front_answers.clear()
    try:
        started = time.monotonic()
        conn.send(get(LISTING, etag=etag))
        assert conn.read().status == 304
        assert time.monotonic() - started >= 0.2  # the delay applied: the protocol left it to the app
    finally:
        api_server.set_delay(0)
    assert front_answers == []  # declined before the front was asked, so the route's own 304 it was


def test_a_percent_encoded_path_goes_to_the_app(
    api_server: EmbeddedServer, conn: Connection, front_answers: list[str]
) -> None:
    etag = _etag(api_server, LISTING)
    front_answers.clear()
    conn.send(get(LISTING.replace("courses", "cour%73es"), etag=etag))
    assert conn.read().status == 304
    assert front_answers == ["asgi"]  # the protocol left it to uvicorn, which decodes the path


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
    time.sleep(validators.LISTING_VERSION_MAX_AGE + 0.1)
    changed = _revalidate(api_server, etag)
    assert changed.status_code == 200 and changed.headers["etag"] != etag


def test_a_stale_etag_is_decided_once_then_answered_in_full(
    api_server: EmbeddedServer, conn: Connection, front_answers: list[str]
) -> None:
    front_answers.clear()
    conn.send(get(LISTING, etag='W/"list.0.0.stale"'))
    answer = conn.read()
    assert answer.status == 200 and json.loads(answer.body)["items"]
    assert front_answers == ["declined"]  # the app did not ask the front a second time


class _Front:
    """Answers every request with a 304 (the protocol's side is under test here, not the front's)."""

    def answer_early(
        self, path: str, query_string: bytes, headers: list[tuple[bytes, bytes]]
    ) -> list[tuple[bytes, bytes]] | None:
        return [(b"etag", b'W/"x"')]


class _App:
    revalidator = _Front()

    async def __call__(self, scope: object, receive: object, send: object) -> None:
        raise AssertionError("not reached in these tests")


class _Transport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.written: list[bytes] = []

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.written.append(bytes(data))

    def get_extra_info(self, name: str, default: object = None) -> object:
        return {"sockname": ("127.0.0.1", 8000), "peername": ("127.0.0.1", 40000)}.get(name, default)

    def is_closing(self) -> bool:
        return False

    def close(self) -> None:
        pass

    def pause_reading(self) -> None:
        pass

    def resume_reading(self) -> None:
        pass


def test_a_client_that_does_not_read_its_answers_gets_uvicorns_back_pressure() -> None:
    """With the transport's writes paused (its buffer is full: the client is not reading), a 304 is not
    written early: uvicorn's path waits for the client and stops reading meanwhile."""
    import uvicorn
    from uvicorn.server import ServerState

    from lms_desktop.server.http.protocol import _ANSWERED, BoundedHttpToolsProtocol

    async def run() -> None:
        config = uvicorn.Config(_App(), http=BoundedHttpToolsProtocol, log_level="warning")
        config.load()
        protocol = BoundedHttpToolsProtocol(config, ServerState(), {})
        transport = _Transport()
        protocol.connection_made(transport)
        protocol.data_received(get(LISTING, etag='W/"x"'))
        assert transport.written and transport.written[-1].startswith(b"HTTP/1.1 304 ")
        assert protocol.cycle is _ANSWERED
        protocol.pause_writing()  # what the transport calls when its buffer passes the high-water mark
        written = len(transport.written)
        protocol.data_received(get(LISTING, etag='W/"x"'))
        assert len(transport.written) == written, "answered early although the client is not reading"
        assert protocol.cycle is not _ANSWERED  # uvicorn's cycle has it (its task waits to write)
        for task in list(protocol.tasks):
            task.cancel()
        protocol.connection_lost(None)

    asyncio.run(run())
