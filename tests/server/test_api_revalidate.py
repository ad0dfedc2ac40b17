"""The revalidation front (`http/revalidate.py`): 304s decided before routing, and only those.

Every 304 it sends must be the one the app would send (same validators, counted under the same route), and
anything the app would refuse (a revoked or malformed token, a course that is gone) must reach the app.
"""

from __future__ import annotations

import httpx
import pytest

from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.servers import METRICS_AUTH, auth, new_learner

http = httpx.Client(timeout=30)


@pytest.fixture(autouse=True)
def _frozen_listing_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    from lms_desktop.server.http import validators

    epoch = validators.listing_epoch()
    monkeypatch.setattr(validators, "listing_epoch", lambda: epoch)


def _route_count(server: EmbeddedServer, route: str) -> int:
    metrics = http.get(f"{server.api_url}/metrics", headers=METRICS_AUTH).json()
    return next((ep["count"] for ep in metrics["endpoints"] if ep["route"] == route), 0)


def _paths(server: EmbeddedServer) -> tuple[int, int]:
    course_id = http.get(f"{server.api_url}/courses?limit=1").json()["items"][0]["id"]
    outline = http.get(f"{server.api_url}/courses/{course_id}/content").json()
    return course_id, outline["lessons"][0]["sections"][0]["id"]


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_the_front_sends_the_apps_304_for_every_revalidatable_route(
    api_server: EmbeddedServer, front_answers: list[str], signed_in: bool
) -> None:
    course_id, section_id = _paths(api_server)
    headers = auth(new_learner(api_server)[2]) if signed_in else {}
    targets = {
        "/courses?sort=newest&limit=7": "GET /api/v1/courses",
        f"/courses/{course_id}": "GET /api/v1/courses/{course_id}",
        f"/courses/{course_id}/content": "GET /api/v1/courses/{course_id}/content",
        f"/sections/{section_id}": "GET /api/v1/sections/{section_id}",
    }
    if signed_in:
        targets["/dashboard"] = "GET /api/v1/dashboard"
    for path, route in targets.items():
        first = http.get(api_server.api_url + path, headers=headers)
        assert first.status_code == 200, first.text
        before = _route_count(api_server, route)
        front_answers.clear()
        again = http.get(
            api_server.api_url + path, headers={**headers, "If-None-Match": first.headers["etag"]}
        )
        assert again.status_code == 304, path
        assert front_answers == ["asgi"], f"{path}: {front_answers}"
        for name in ("etag", "cache-control", "vary"):
            assert again.headers.get(name) == first.headers.get(name), (path, name)
        assert _route_count(api_server, route) == before + 1, f"{path}: the 304 was not counted as {route}"


def test_a_revoked_or_malformed_token_is_401_even_with_a_matching_etag(
    api_server: EmbeddedServer, front_answers: list[str]
) -> None:
    course_id, _ = _paths(api_server)
    _, _, token = new_learner(api_server)
    etags = {
        path: http.get(api_server.api_url + path, headers=auth(token)).headers["etag"]
        for path in ("/dashboard", f"/courses/{course_id}/content")
    }
    assert http.delete(f"{api_server.api_url}/auth/token", headers=auth(token)).status_code in (200, 204)
    for path, etag in etags.items():
        r = http.get(api_server.api_url + path, headers={**auth(token), "If-None-Match": etag})
        assert r.status_code == 401, (path, r.status_code)
        bad = http.get(
            api_server.api_url + path, headers={"Authorization": "Basic eA==", "If-None-Match": etag}
        )
        assert bad.status_code == 401
    assert front_answers and set(front_answers) == {"declined"}


def test_a_course_that_is_gone_is_404_even_with_its_old_etag(api_server: EmbeddedServer) -> None:
    import sqlalchemy as sa

    from lms_desktop.server.db import schema
    from lms_desktop.server.db.queries import versions

    course_id = http.get(f"{api_server.api_url}/courses?sort=newest&limit=1").json()["items"][0]["id"]
    etag = http.get(f"{api_server.api_url}/courses/{course_id}").headers["etag"]
    assert api_server.database is not None
    table = schema.courses
    with api_server.database.write() as conn:
        conn.execute(sa.update(table).where(table.c.id == course_id).values(is_published=False))
        versions.bump_catalog(conn)
    try:
        r = http.get(f"{api_server.api_url}/courses/{course_id}", headers={"If-None-Match": etag})
        assert r.status_code == 404
    finally:
        with api_server.database.write() as conn:
            conn.execute(sa.update(table).where(table.c.id == course_id).values(is_published=True))
            versions.bump_catalog(conn)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/courses/0", 400),
        ("/courses/99999999999", 400),
        ("/courses/abc/content", 404),
        ("/sections/-1", 400),
        ("/courses/", 200),  # the listing (Litestar ignores the slash); the front matches exact paths only
    ],
)
def test_odd_paths_with_if_none_match_reach_the_app(
    api_server: EmbeddedServer, front_answers: list[str], path: str, status: int
) -> None:
    r = http.get(api_server.api_url + path, headers={"If-None-Match": '"x"'})
    assert r.status_code == status
    assert front_answers and set(front_answers) == {"declined"}
