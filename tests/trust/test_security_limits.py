"""Sign-in throttling, bounded bodies and query strings, loopback by default, no secrets in logs, argon2.

Throttling is shown per account and per address separately by connecting from different loopback source
addresses (127.0.0.0/8 is all loopback on Linux), so one test can play several clients; each throttle test
uses its own addresses and accounts, so they share the module's server with the other tests (which sign in
from 127.0.0.1 with right passwords) without disturbing them.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from argon2 import PasswordHasher

from tests.trust import learners as lrn
from tests.trust import serverproc
from tests.trust.conftest import sqlite_copy
from tests.trust.learners import Learner
from tests.trust.serverproc import API, ServerProcess

# Far more than any sane allowance (the server's default is 5 failures a minute): the loop ends at the first
# 429, and a server that never throttles fails instead of looping for ever.
MAX_ATTEMPTS = 40


def client_from(address: str) -> httpx.Client:
    """A client whose connections come from `address` (a loopback address other than 127.0.0.1)."""
    return httpx.Client(timeout=30, transport=httpx.HTTPTransport(local_address=address))


def sign_in(client: httpx.Client, api: str, username: str, password: str) -> httpx.Response:
    return client.post(f"{api}/auth/token", json={"username": username, "password": password})


def assert_throttled(response: httpx.Response) -> None:
    assert response.status_code == 429, f"{response.status_code} {response.text}"
    retry_after = response.headers.get("retry-after")
    assert retry_after is not None and retry_after.isdigit() and int(retry_after) >= 1, retry_after
    assert response.json()["detail"], "a 429 says why, as JSON"


@pytest.fixture
def two_learners(sqlite_server: ServerProcess) -> list[Learner]:
    return lrn.create_learners(sqlite_server.database_url, f"thr{uuid.uuid4().hex[:6]}_", 2)


def test_sign_in_is_throttled_per_account(sqlite_server: ServerProcess, two_learners: list[Learner]) -> None:
    """Wrong passwords for one account from one address lock that account at that address, even for the
    right password; the learner signing in from another address is not locked out."""
    victim, bystander = two_learners
    api = sqlite_server.api
    with client_from("127.0.0.2") as attacker:
        for attempt in range(MAX_ATTEMPTS):
            response = sign_in(attacker, api, victim.username, f"wrong-{attempt}")
            if response.status_code == 429:
                break
            assert response.status_code == 401, response.text
        assert_throttled(response)
        assert attempt >= 1, "at least one wrong password is answered with a plain 401 first"
        assert_throttled(sign_in(attacker, api, victim.username, victim.password))
        # Usernames are matched case-insensitively for throttling, so case games do not reset the count.
        assert_throttled(sign_in(attacker, api, victim.username.upper(), victim.password))
        assert sign_in(attacker, api, bystander.username, bystander.password).status_code == 200
    with client_from("127.0.0.3") as elsewhere:
        assert sign_in(elsewhere, api, victim.username, victim.password).status_code == 200


def test_sign_in_is_throttled_per_address(sqlite_server: ServerProcess, two_learners: list[Learner]) -> None:
    """Spraying one wrong password over many accounts from one address blocks that address, for every
    account; the same account from another address is fine."""
    _, target = two_learners
    api = sqlite_server.api
    with client_from("127.0.0.5") as sprayer:
        for attempt in range(MAX_ATTEMPTS):
            response = sign_in(sprayer, api, f"nobody-{attempt}-{uuid.uuid4().hex[:4]}", "Winter2026!")
            if response.status_code == 429:
                break
            assert response.status_code == 401, response.text
        assert_throttled(response)
        assert_throttled(sign_in(sprayer, api, target.username, target.password))
    with client_from("127.0.0.6") as other:
        assert sign_in(other, api, target.username, target.password).status_code == 200


# ---- bounds ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bounds_world(sqlite_server: ServerProcess) -> tuple[ServerProcess, Learner, int]:
    (learner,) = lrn.create_learners(sqlite_server.database_url, f"bnd{uuid.uuid4().hex[:6]}_", 1)
    with httpx.Client(timeout=30) as client:
        course = client.get(f"{sqlite_server.api}/courses", params={"limit": 1}).json()["items"][0]["id"]
        content = client.get(f"{sqlite_server.api}/courses/{course}/content").json()
        client.put(f"{sqlite_server.api}/courses/{course}/enrollment", headers=learner.auth, json={})
    section = content["lessons"][0]["sections"][0]["id"]
    return sqlite_server, learner, section


BIG_BODY = 2 * 1024 * 1024  # 2 MiB, far above any request this API needs


def test_oversized_json_body_is_413(bounds_world: tuple[ServerProcess, Learner, int]) -> None:
    server, learner, section = bounds_world
    padding = "x" * BIG_BODY
    with httpx.Client(timeout=60) as client:
        sign = client.post(f"{server.api}/auth/token", json={"username": "demo", "password": padding})
        progress = client.put(
            f"{server.api}/progress/{section}",
            headers=learner.auth,
            json={"time_spent_seconds": 1, "op_id": "a" * 20, "padding": padding},
        )
    assert sign.status_code == 413, sign.status_code
    assert progress.status_code == 413, progress.status_code
    assert sign.json()["detail"]


def test_oversized_chunked_body_is_413(bounds_world: tuple[ServerProcess, Learner, int]) -> None:
    """No Content-Length to check up front: the server must still stop reading and refuse."""
    server, learner, section = bounds_world

    def chunks() -> Iterator[bytes]:
        yield b'{"time_spent_seconds": 1, "padding": "'
        for _ in range(BIG_BODY // 65536):
            yield b"y" * 65536
        yield b'"}'

    with httpx.Client(timeout=60) as client:
        response = client.put(
            f"{server.api}/progress/{section}",
            headers={**learner.auth, "Content-Type": "application/json"},
            content=chunks(),
        )
    assert response.status_code == 413, response.status_code


def test_search_text_is_bounded(bounds_world: tuple[ServerProcess, Learner, int]) -> None:
    from lms_desktop.contract import MAX_QUERY_CHARS

    server, _, _ = bounds_world
    with httpx.Client(timeout=60) as client:
        at_limit = client.get(f"{server.api}/courses", params={"q": "a" * MAX_QUERY_CHARS})
        over = client.get(f"{server.api}/courses", params={"q": "a" * (MAX_QUERY_CHARS + 1)})
    assert at_limit.status_code == 200, "the documented maximum is accepted"
    assert over.status_code == 400, over.status_code
    assert over.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "101"},
        {"limit": "0"},
        {"limit": "-1"},
        {"page": "0"},
        {"page": "99999999999999999999999"},
        {"max_hours": "nan"},
        {"max_hours": "1e309"},
        {"sort": "drop table"},
        {"difficulty": "expert"},
        {"cursor": "z" * 5000},
    ],
)
def test_out_of_range_query_parameters_are_4xx(
    bounds_world: tuple[ServerProcess, Learner, int], params: dict[str, str]
) -> None:
    server, _, _ = bounds_world
    with httpx.Client(timeout=30) as client:
        response = client.get(f"{server.api}/courses", params=params)
    assert 400 <= response.status_code < 500, f"{params}: {response.status_code}"
    assert response.json()["detail"]


def raw_get_status(port: int, target: str, extra_headers: str = "") -> int:
    """Send one GET over a bare socket (httpx refuses URLs this long) and return the status; 0 when the
    server refused by closing the connection instead of answering."""
    request = f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{extra_headers}\r\n"
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(request.encode("ascii"))
            data = b""
            while b"\r\n" not in data:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                data += chunk
    except (ConnectionResetError, BrokenPipeError):
        return 0
    if not data.startswith(b"HTTP/1."):
        return 0
    return int(data.split(b" ", 2)[1])


@pytest.mark.parametrize("size", [100 * 1024, 1024 * 1024])
def test_huge_query_string_is_refused(bounds_world: tuple[ServerProcess, Learner, int], size: int) -> None:
    """A query string far over the bound (64 KiB: room for 5,000 emoji percent-encoded) is refused with a
    4xx or a closed connection, never served; the server lives on."""
    server, _, _ = bounds_world
    query = "&".join(f"p{i}={'v' * 20}" for i in range(size // 24))
    status = raw_get_status(server.port, f"{API}/courses?{query}")
    assert status in (0, 400, 414, 431), status
    with httpx.Client(timeout=30) as client:
        assert client.get(f"{server.api}/courses", params={"limit": 1}).status_code == 200


def test_five_thousand_emoji_are_a_valid_search(bounds_world: tuple[ServerProcess, Learner, int]) -> None:
    """The bound on the query string leaves room for the longest valid search text in any script."""
    from lms_desktop.contract import MAX_QUERY_CHARS

    server, _, _ = bounds_world
    with httpx.Client(timeout=60) as client:
        response = client.get(f"{server.api}/courses", params={"q": "🎓" * MAX_QUERY_CHARS})
    assert response.status_code == 200, response.text[:300]


def test_huge_headers_are_refused(bounds_world: tuple[ServerProcess, Learner, int]) -> None:
    server, _, _ = bounds_world
    status = raw_get_status(server.port, f"{API}/courses", f"X-Filler: {'f' * 200_000}\r\n")
    assert status in (0, 400, 413, 431), status
    with httpx.Client(timeout=30) as client:
        assert client.get(f"{server.api}/courses", params={"limit": 1}).status_code == 200


# ---- loopback by default ---------------------------------------------------------------------------


def _listening_addresses(port: int) -> set[str]:
    """Local addresses of sockets listening on `port`, from /proc/net/tcp and tcp6."""
    found: set[str] = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state = fields[1], fields[3]
            host_hex, port_hex = local.split(":")
            if state != "0A" or int(port_hex, 16) != port:
                continue
            raw = bytes.fromhex(host_hex)
            if width == 8:
                found.add(str(ipaddress.IPv4Address(raw[::-1])))
            else:  # four little-endian 32-bit words
                words = b"".join(raw[i : i + 4][::-1] for i in range(0, 16, 4))
                found.add(str(ipaddress.IPv6Address(words)))
    return found


def _non_loopback_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))  # no packet is sent for UDP connect
            address = str(sock.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_serve_listens_on_loopback_unless_told_otherwise(sqlite_template: Path, tmp_path: Path) -> None:
    """`serve` without --host binds 127.0.0.1 only: reachable on loopback, not on the machine's address."""
    server = serverproc.start_server(tmp_path, sqlite_copy(sqlite_template, tmp_path), host=None)
    try:
        addresses = _listening_addresses(server.port)
        assert addresses, "the server is listening"
        assert all(ipaddress.ip_address(a).is_loopback for a in addresses), addresses
        outside = _non_loopback_address()
        if outside is not None:
            with socket.socket() as sock:
                sock.settimeout(2)
                assert sock.connect_ex((outside, server.port)) != 0, f"reachable on {outside}"
    finally:
        server.stop()
    help_text = subprocess.run(
        serverproc.cli_command("serve", "--help"), capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert "--host" in help_text


def test_embedded_server_listens_on_loopback(tmp_path: Path) -> None:
    """The server the desktop app starts for itself binds loopback only, on a free port."""
    from lms_desktop.server.embedded import EmbeddedServer

    server = EmbeddedServer(None, data_dir=tmp_path / "embedded")
    server.start()
    try:
        addresses = _listening_addresses(server.port)
        assert addresses and all(ipaddress.ip_address(a).is_loopback for a in addresses), addresses
    finally:
        server.stop()


# ---- secrets ---------------------------------------------------------------------------------------


def test_no_password_or_token_in_the_server_log(sqlite_template: Path, tmp_path: Path) -> None:
    """Sign in (right and wrong), use the token everywhere, sign out: the log names neither secret."""
    server = serverproc.start_server(
        tmp_path,
        sqlite_copy(sqlite_template, tmp_path),
        extra_args=["--verbose"],  # DEBUG logging everywhere: the strictest place for a secret to leak
    )
    try:
        password = f"Pw-{uuid.uuid4().hex}"
        wrong = f"Wrong-{uuid.uuid4().hex}"
        create = subprocess.run(
            serverproc.cli_command("create-user", "logcheck", "--database", server.database_url),
            input=password + "\n",
            capture_output=True,
            text=True,
            timeout=60,
            env=serverproc.isolated_env(tmp_path, server.database_url),
            check=False,
        )
        assert create.returncode == 0, create.stderr
        assert password not in create.stdout + create.stderr
        api = server.api
        with httpx.Client(timeout=30) as client:
            assert sign_in(client, api, "logcheck", wrong).status_code == 401
            signed = sign_in(client, api, "logcheck", password)
            assert signed.status_code == 200, signed.text
            token = signed.json()["access_token"]
            auth = {"Authorization": f"Bearer {token}"}
            course = client.get(f"{api}/courses", params={"limit": 1}).json()["items"][0]["id"]
            for method, path in [
                ("GET", "/me"),
                ("GET", f"/courses/{course}"),
                ("PUT", f"/courses/{course}/enrollment"),
                ("GET", "/dashboard"),
                ("PUT", f"/courses/{course}/rating"),
            ]:
                body = {"rating": 4} if path.endswith("rating") else {}
                client.request(method, f"{api}{path}", headers=auth, json=body)
            # A token in the query string (a client bug) must not end up in the access log either.
            client.get(f"{api}/me", params={"access_token": token})
            assert client.delete(f"{api}/auth/token", headers=auth).status_code in (200, 204)
            assert client.get(f"{api}/me", headers=auth).status_code == 401
    finally:
        server.stop()
    log = server.log_text()
    assert "/auth/token" in log, "sanity: requests are logged, so this test looks at a real log"
    assert password not in log
    assert wrong not in log
    assert token not in log
    assert token[:16] not in log, "not even a prefix of the token"


async def test_no_password_or_token_in_the_client_log(
    sqlite_server: ServerProcess, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The client at DEBUG (httpx and httpcore included) never logs the password or the token."""
    from lms_desktop.client.api import LmsClient
    from lms_desktop.client.auth.token_store import MemoryTokenStore
    from lms_desktop.client.config import ClientConfig, CourseQuery

    (learner,) = lrn.create_learners(sqlite_server.database_url, f"clog{uuid.uuid4().hex[:6]}_", 1)
    store = MemoryTokenStore()
    config = ClientConfig(base_url=sqlite_server.base_url, cache_dir=tmp_path / "cache", token_store=store)
    with caplog.at_level(logging.DEBUG):
        async with LmsClient(config) as client:
            wrong = f"Wrong-{uuid.uuid4().hex}"
            with pytest.raises(Exception):  # noqa: B017 - whichever error type, it must not log the password
                await client.sign_in(learner.username, wrong)
            await client.sign_in(learner.username, learner.password)
            session = store.load(client.server_id)
            assert session is not None
            token = session.access_token
            await client.list_courses(CourseQuery(limit=5))
            await client.dashboard()
            await client.sign_out()
    text = caplog.text
    assert "HTTP Request" in text or "GET" in text, "sanity: the client's traffic was logged at DEBUG"
    assert learner.password not in text and wrong not in text
    assert token not in text and token[:16] not in text


def test_passwords_are_stored_as_argon2_and_tokens_only_as_hashes(sqlite_server: ServerProcess) -> None:
    (learner,) = lrn.create_learners(
        sqlite_server.database_url, f"hash{uuid.uuid4().hex[:6]}_", 1, server_hashing=True
    )
    with httpx.Client(timeout=30) as client:
        signed = sign_in(client, sqlite_server.api, learner.username, learner.password)
    assert signed.status_code == 200
    token = signed.json()["access_token"]
    url = sqlite_server.database_url
    rows = lrn.query(url, "SELECT * FROM users WHERE username = :u", {"u": learner.username})
    assert len(rows) == 1
    values = [v for v in rows[0] if isinstance(v, str)]
    hashes = [v for v in values if v.startswith("$argon2")]
    assert hashes and hashes[0].startswith("$argon2id$"), values
    assert PasswordHasher().verify(hashes[0], learner.password)
    # Cost parameters at least OWASP's argon2id minimum (19 MiB, 2 iterations).
    params = dict(kv.split("=") for kv in hashes[0].split("$")[3].split(","))
    assert int(params["m"]) >= 19 * 1024 and int(params["t"]) >= 2, params
    assert learner.password not in " ".join(values)
    # Neither the plaintext password nor either token appears anywhere in the database.
    for table in ("users", "tokens"):
        dump = " ".join(str(v) for row in lrn.query(url, f"SELECT * FROM {table}") for v in row)
        for secret in (learner.password, learner.token, token):
            assert secret not in dump, f"a secret is stored in clear in {table}"


@pytest.mark.parametrize("ident", ["0", "-1", str(2**63), "7197315524132958371840", "1e3", "abc"])
@pytest.mark.parametrize(
    ("method", "template"),
    [
        ("GET", "/courses/{id}"),
        ("GET", "/courses/{id}/content"),
        ("GET", "/sections/{id}"),
        ("PUT", "/courses/{id}/enrollment"),
        ("DELETE", "/courses/{id}/enrollment"),
        ("PUT", "/progress/{id}"),
        ("PUT", "/courses/{id}/rating"),
    ],
)
def test_out_of_range_ids_in_paths_are_4xx(
    bounds_world: tuple[ServerProcess, Learner, int], method: str, template: str, ident: str
) -> None:
    """An id no database row can have (beyond 64 bits, zero, negative, not a number) is a 4xx, not a 500."""
    server, learner, _ = bounds_world
    body = {"rating": 3} if template.endswith("rating") else {}
    with httpx.Client(timeout=30) as client:
        response = client.request(
            method, server.api + template.format(id=ident), headers=learner.auth, json=body
        )
    assert 400 <= response.status_code < 500, f"{method} {template} id={ident}: {response.status_code}"
