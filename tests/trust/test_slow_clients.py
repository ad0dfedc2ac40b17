"""Connections that never finish a request are closed, and one address cannot hold every connection.

A server started with short limits (`--header-timeout 2 --body-timeout 3 --keep-alive-timeout 2
--max-connections-per-address 40`) faces a client dripping its request head a byte at a time, one dripping
its body, silent connections, and an address opening far more connections than its share, while a normal
client from another address keeps sending requests: each slow connection is answered 408 and closed
within its limit, the excess connections get 503 + Retry-After at once, and every normal request is 200.
The defaults (10 s, 30 s, 5 s, 256) are in the README's limits table.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.trust import serverproc
from tests.trust.conftest import sqlite_copy
from tests.trust.serverproc import ServerProcess

HEADER_S = 2.0
BODY_S = 3.0
KEEP_ALIVE_S = 2
PER_ADDRESS = 40
SLACK_S = 3.0  # on top of a limit before the test calls the connection "never closed"
ARGS = [
    "--header-timeout",
    str(HEADER_S),
    "--body-timeout",
    str(BODY_S),
    "--keep-alive-timeout",
    str(KEEP_ALIVE_S),
    "--max-connections-per-address",
    str(PER_ADDRESS),
]


@pytest.fixture(scope="module")
def server(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    home = tmp_path_factory.mktemp("slow-clients")
    proc = serverproc.start_server(home, sqlite_copy(sqlite_template, home), extra_args=ARGS)
    try:
        yield proc
    finally:
        proc.stop()


def connect(port: int, source: str = "127.0.0.1") -> socket.socket:
    timeout = HEADER_S + BODY_S + SLACK_S * 2
    return socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0))


def read_until_closed(sock: socket.socket, deadline: float) -> tuple[bytes, float]:
    """Everything the server sends until it closes the connection (or the deadline); and when it closed."""
    data = b""
    while time.monotonic() < deadline:
        sock.settimeout(max(0.05, deadline - time.monotonic()))
        try:
            chunk = sock.recv(4096)
        except TimeoutError:
            break
        except ConnectionResetError:
            return data, time.monotonic()
        if not chunk:
            return data, time.monotonic()
        data += chunk
    raise AssertionError(f"connection still open at the deadline; got {data[:200]!r}")


class NormalClient:
    """Keeps sending ordinary requests from 127.0.0.1 on its own thread; records every status."""

    def __init__(self, server: ServerProcess) -> None:
        self.server = server
        self.statuses: list[int | str] = []
        self._stop = threading.Event()
        self._answered = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with httpx.Client(timeout=10, limits=httpx.Limits(keepalive_expiry=KEEP_ALIVE_S / 2)) as client:
            while not self._stop.is_set():
                try:
                    response = client.get(f"{self.server.api}/courses", params={"limit": 5})
                    self.statuses.append(response.status_code)
                except httpx.HTTPError as exc:
                    self.statuses.append(type(exc).__name__)
                self._answered.set()
                self._stop.wait(0.05)  # a learner's pace, not a wait for anything

    def __enter__(self) -> NormalClient:
        """Returns once the first request is answered, so the client runs during all of the test's body
        (a body that finished before the thread's first request left nothing to check)."""
        self._thread.start()
        assert self._answered.wait(30), "the normal client got no answer"
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(30)
        assert self.statuses, "the normal client sent requests"
        assert set(self.statuses) == {200}, f"normal requests failed: {sorted(set(map(str, self.statuses)))}"


def drip(sock: socket.socket, payload: bytes, stop: threading.Event) -> None:
    for byte in payload:
        if stop.wait(0.3):
            return
        try:
            sock.send(bytes([byte]))
        except OSError:
            return


def test_a_request_head_dripped_a_byte_at_a_time_is_closed(server: ServerProcess) -> None:
    head = b"GET /api/v1/courses HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b"a" * 200 + b"\r\n\r\n"
    with NormalClient(server), connect(server.port, "127.0.5.1") as sock:
        stop = threading.Event()
        dripper = threading.Thread(target=drip, args=(sock, head, stop), daemon=True)
        started = time.monotonic()
        dripper.start()
        try:
            data, closed_at = read_until_closed(sock, started + HEADER_S + SLACK_S)
        finally:
            stop.set()
            dripper.join(5)
    assert data.startswith(b"HTTP/1.1 408 "), data[:200]
    assert closed_at - started >= HEADER_S - 0.5, "not before its limit"


def test_a_body_dripped_a_byte_at_a_time_is_closed(server: ServerProcess) -> None:
    body = b'{"username": "demo", "password": "' + b"x" * 100 + b'"}'
    head = (
        b"POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
    )
    with NormalClient(server), connect(server.port, "127.0.5.2") as sock:
        sock.sendall(head)
        stop = threading.Event()
        dripper = threading.Thread(target=drip, args=(sock, body, stop), daemon=True)
        started = time.monotonic()
        dripper.start()
        try:
            data, _closed_at = read_until_closed(sock, started + BODY_S + SLACK_S)
        finally:
            stop.set()
            dripper.join(5)
    assert data.startswith(b"HTTP/1.1 408 "), data[:200]


def test_a_body_dripped_after_the_answer_is_closed_without_a_408(server: ServerProcess) -> None:
    """The app answered before reading the body (no such route): the connection still closes at the body's
    limit, and no 408 follows the answer already sent."""
    body = b"x" * 100
    head = (
        b"POST /api/v1/no-such-route HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
    )
    with connect(server.port, "127.0.5.5") as sock:
        sock.sendall(head)
        stop = threading.Event()
        dripper = threading.Thread(target=drip, args=(sock, body, stop), daemon=True)
        started = time.monotonic()
        dripper.start()
        try:
            data, closed_at = read_until_closed(sock, started + BODY_S + SLACK_S)
        finally:
            stop.set()
            dripper.join(5)
    assert data.startswith(b"HTTP/1.1 404 "), data[:200]
    assert b"408" not in data, data[-200:]
    assert closed_at - started >= BODY_S - 0.5, "closed at the body's limit, not before"


def test_silent_and_idle_connections_are_closed(server: ServerProcess) -> None:
    with NormalClient(server), contextlib.ExitStack() as stack:
        silent = [stack.enter_context(connect(server.port, "127.0.5.3")) for _ in range(20)]
        idle = stack.enter_context(connect(server.port, "127.0.5.4"))
        idle.sendall(b"GET /api/v1/courses?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        started = time.monotonic()
        for sock in silent:
            data, _ = read_until_closed(sock, started + HEADER_S + SLACK_S)
            assert data == b"" or data.startswith(b"HTTP/1.1 408 "), data[:200]
        answered, _ = read_until_closed(idle, started + max(HEADER_S, KEEP_ALIVE_S) + SLACK_S)
        assert answered.startswith(b"HTTP/1.1 200 "), "answered, then closed once idle"


def test_one_address_cannot_take_every_connection(server: ServerProcess) -> None:
    opened: list[socket.socket] = []
    refused = 0
    with NormalClient(server):
        try:
            for _ in range(PER_ADDRESS * 3):
                sock = connect(server.port, "127.0.5.5")
                opened.append(sock)
            for sock in opened:
                sock.setblocking(False)
            pending = list(opened)
            deadline = time.monotonic() + HEADER_S  # the refusals are written when the server accepts
            while pending and refused < PER_ADDRESS * 2 and time.monotonic() < deadline:
                readable, _, _ = select.select(pending, [], [], 0.1)
                for sock in readable:
                    with contextlib.suppress(BlockingIOError):
                        first = sock.recv(4096)
                        pending.remove(sock)
                        if first.startswith(b"HTTP/1.1 503 "):
                            assert b"retry-after: 1" in first.lower()
                            refused += 1
            with httpx.Client(timeout=10, transport=httpx.HTTPTransport(local_address="127.0.5.6")) as other:
                assert other.get(f"{server.api}/courses", params={"limit": 2}).status_code == 200
        finally:
            for sock in opened:
                sock.close()
    assert refused == PER_ADDRESS * 2, f"{refused} of {PER_ADDRESS * 3} refused"
    assert server.alive()
