"""`/health` is probed only when it tells something new: never while requests are answered, once per idle
period when the app is quiet, and with backoff after a failure. Requests are counted at the real server."""

from __future__ import annotations

import time

from lms_desktop.client import CourseQuery
from lms_desktop.server.embedded import EmbeddedServer
from tests.client.conftest import SignedIn
from tests.fixtures.waiting import until

HEALTH = "/api/v1/health"
IDLE_S = 0.6


async def test_no_health_probe_while_the_app_is_used_one_per_idle_period_after(
    client_server: EmbeddedServer, signed_in: SignedIn
) -> None:
    client = await signed_in(client_server)
    client.connectivity.watch(IDLE_S)
    before = client_server.count(HEALTH)
    # a window of normal use, four idle periods long: searches, pages and courses, each answered
    started = time.monotonic()
    used = 0
    while time.monotonic() - started < 4 * IDLE_S:
        await client.list_courses(CourseQuery(q=f"intro {used}", sort="relevance", limit=5), swr=False)
        await client.course(1 + used % 20, swr=False)
        used += 1
    assert used >= 4
    assert client_server.count(HEALTH) == before, "a /health probe was sent while requests were answered"
    # quiet: one probe per idle period, not one a second
    await until(lambda: client_server.count(HEALTH) >= before + 2)
    probes = [r.at for r in client_server.request_log if r.path == HEALTH][-2:]
    assert probes[1] - probes[0] >= IDLE_S * 0.9
    await client.aclose()


async def test_a_failed_request_starts_probing_until_the_server_is_back(
    client_server: EmbeddedServer, signed_in: SignedIn
) -> None:
    client = await signed_in(client_server)
    client.connectivity.watch(60.0)  # far away: only the failure can start a probe here
    before = client_server.count(HEALTH)
    client_server.stop()
    try:
        await client.list_courses(CourseQuery(q="not cached anywhere", sort="relevance"), swr=False)
    except Exception:
        pass
    finally:
        client_server.start()
    assert not client.online
    await until(lambda: client.online, within_s=15.0)
    assert client_server.count(HEALTH) > before  # the probe noticed the return
    await client.aclose()
