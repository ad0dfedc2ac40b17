"""Retries only where safe: idempotent methods, transport errors and 502/503/504 only.

The server is real; the faults come from a transport wrapping the real one (a real server cannot answer
503 on demand). Attempts are counted at the server.
"""

from __future__ import annotations

import pytest

from lms_desktop.client import ApiError, CourseQuery, OfflineError
from lms_desktop.contract import API_PREFIX
from lms_desktop.server.embedded import EmbeddedServer
from tests.client.conftest import PASSWORD, ClientFactory, new_username
from tests.client.faults import Flaky


async def test_get_is_retried_on_503_and_succeeds(
    client_server: EmbeddedServer, make_client: ClientFactory
) -> None:
    flaky = Flaky(method="GET", path=f"{API_PREFIX}/courses", failures=2, status=503)
    client = make_client(client_server, http_transport=flaky, retries=2)
    before = client_server.count("/courses")
    page = await client.list_courses(CourseQuery(q="retry503", limit=3))
    assert page.source == "network"
    assert client_server.count("/courses") - before == 3  # two faulted attempts + the good one


async def test_get_gives_up_after_its_retries_with_the_servers_status(
    client_server: EmbeddedServer, make_client: ClientFactory
) -> None:
    flaky = Flaky(method="GET", path=f"{API_PREFIX}/courses", failures=10, status=502)
    client = make_client(client_server, http_transport=flaky, retries=2)
    before = client_server.count("/courses")
    with pytest.raises(ApiError) as info:
        await client.list_courses(CourseQuery(q="retry502", limit=3))
    assert info.value.status == 502
    assert client_server.count("/courses") - before == 3
    assert client.online  # the server answered: a 502 is not "offline"


async def test_get_is_retried_after_a_connection_error(
    client_server: EmbeddedServer, make_client: ClientFactory
) -> None:
    """A blip: the server has answered before, so a refused connection is worth another try."""
    flaky = Flaky(method="GET", path=f"{API_PREFIX}/courses", connect_errors=0)
    client = make_client(client_server, http_transport=flaky, retries=2)
    await client.list_courses(CourseQuery(q="first", limit=3))
    flaky.connect_errors = 1
    page = await client.list_courses(CourseQuery(q="reconnect", limit=3))
    assert page.source == "network" and client.online


async def test_a_server_that_never_answered_is_not_retried(
    client_server: EmbeddedServer, make_client: ClientFactory
) -> None:
    """Starting offline: connection refused before any answer fails at once (no back-off), offline."""
    flaky = Flaky(method="GET", path=f"{API_PREFIX}/courses", connect_errors=3)
    client = make_client(client_server, http_transport=flaky, retries=2)
    with pytest.raises(OfflineError):
        await client.list_courses(CourseQuery(q="never", limit=3))
    assert flaky.connect_errors == 2  # one attempt, not three
    assert not client.online


async def test_put_is_idempotent_so_it_is_retried(
    client_server: EmbeddedServer, make_client: ClientFactory
) -> None:
    username = new_username(client_server)
    flaky = Flaky(method="PUT", path=f"{API_PREFIX}/courses/", failures=1, status=503)
    client = make_client(client_server, http_transport=flaky, retries=2)
    await client.sign_in(username, PASSWORD)
    before = client_server.count("/courses/5/enrollment", method="PUT")
    enrollment = await client.enroll(5)
    assert enrollment.status == "active"
    assert client_server.count("/courses/5/enrollment", method="PUT") - before == 2


async def test_post_is_never_retried(client_server: EmbeddedServer, make_client: ClientFactory) -> None:
    username = new_username(client_server)
    flaky = Flaky(method="POST", path=f"{API_PREFIX}/auth/token", failures=1, status=503)
    client = make_client(client_server, http_transport=flaky, retries=2)
    before = client_server.count("/auth/token", method="POST")
    with pytest.raises(ApiError) as info:
        await client.sign_in(username, PASSWORD)
    assert info.value.status == 503
    assert client_server.count("/auth/token", method="POST") - before == 1  # the server saw it once
