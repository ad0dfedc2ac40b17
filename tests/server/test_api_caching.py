"""HTTP caching on the server: ETag + Cache-Control (+ Vary) on every GET, 304s decided from versions
before the query runs (proved by counting SQL statements at the server), and writes that bump versions."""

from __future__ import annotations

import httpx
import pytest

from lms_desktop.contract import CoursePage, decoder
from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.servers import METRICS_AUTH, auth, new_learner

# One keep-alive client per module: a client per call would rebuild its TLS context every time.
http = httpx.Client(timeout=30)


@pytest.fixture(autouse=True)
def _frozen_listing_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing ETags roll over every 10 minutes; a test must not straddle a boundary by bad luck."""
    from lms_desktop.server.http import validators

    epoch = validators.listing_epoch()
    monkeypatch.setattr(validators, "listing_epoch", lambda: epoch)


def first_course(server: EmbeddedServer) -> tuple[int, int]:
    """(course id, first section id) of the most popular course."""
    page = decoder(CoursePage).decode(http.get(f"{server.api_url}/courses?limit=1").content)
    course_id = page.items[0].id
    outline = http.get(f"{server.api_url}/courses/{course_id}/content").json()
    return course_id, outline["lessons"][0]["sections"][0]["id"]


def assert_revalidates(
    server: EmbeddedServer, path: str, headers: dict[str, str] | None = None
) -> tuple[httpx.Response, list[str]]:
    """GET -> 200 with validators; the same GET with If-None-Match -> 304 with them and no body.
    Returns the 200 and the SQL the 304 ran."""
    headers = headers or {}
    first = http.get(server.api_url + path, headers=headers)
    assert first.status_code == 200, first.text
    etag = first.headers["etag"]
    assert etag.startswith('W/"')
    assert first.headers["cache-control"]
    with server.capture_sql() as sql:
        second = http.get(server.api_url + path, headers={**headers, "If-None-Match": etag})
    assert second.status_code == 304
    assert second.content == b""
    assert second.headers["etag"] == etag
    assert second.headers["cache-control"] == first.headers["cache-control"]
    assert second.headers.get("vary") == first.headers.get("vary")
    return first, sql


def only_version_lookups(sql: list[str]) -> bool:
    """Every statement is a version/visibility/token lookup: none touches lessons, sections, progress,
    enrollments or search (the queries a 304 must not run)."""
    heavy = (
        "lessons",
        "section_bodies",
        "progress",
        "enrollments",
        "course_ratings",
        "courses_fts",
        "ts_rank",
    )
    return all(not any(word in s for word in heavy) for s in sql)


def test_listing_304_runs_only_the_catalog_version_query(api_server: EmbeddedServer) -> None:
    first, sql = assert_revalidates(api_server, "/courses?q=data&sort=relevance&limit=7")
    assert first.headers["cache-control"] == "public, max-age=600"
    assert "vary" not in first.headers
    # at most the catalog-version lookup (on SQLite it bypasses SQLAlchemy: no statement seen at all)
    assert len(sql) <= 1 and all("versions" in s for s in sql)
    assert only_version_lookups(sql)


def test_different_listings_have_different_etags(api_server: EmbeddedServer) -> None:
    a = http.get(f"{api_server.api_url}/courses?sort=newest").headers["etag"]
    b = http.get(f"{api_server.api_url}/courses?sort=popular").headers["etag"]
    c = http.get(f"{api_server.api_url}/courses?sort=newest&page=2").headers["etag"]
    assert len({a, b, c}) == 3


def test_listing_counts_refresh_when_the_epoch_rolls_over(
    api_server: EmbeddedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enrollment counts in cards move without a catalog bump; the listing epoch bounds their staleness."""
    from lms_desktop.server.http import validators

    _, _, token = new_learner(api_server)
    path = "/courses?sort=newest&limit=5"
    first = http.get(api_server.api_url + path)
    target = first.json()["items"][0]
    http.put(f"{api_server.api_url}/courses/{target['id']}/enrollment", headers=auth(token))
    same = http.get(api_server.api_url + path, headers={"If-None-Match": first.headers["etag"]})
    assert same.status_code == 304  # within the epoch: the cached listing stands (max-age=600 anyway)
    epoch = validators.listing_epoch()
    monkeypatch.setattr(validators, "listing_epoch", lambda: epoch + 1)
    later = http.get(api_server.api_url + path, headers={"If-None-Match": first.headers["etag"]})
    assert later.status_code == 200
    assert later.json()["items"][0]["enrollment_count"] == target["enrollment_count"] + 1


def test_a_stale_or_wrong_etag_gets_the_full_body(api_server: EmbeddedServer) -> None:
    r = http.get(f"{api_server.api_url}/courses", headers={"If-None-Match": 'W/"list.0.nothing"'})
    assert r.status_code == 200 and r.json()["items"]


def test_anonymous_course_and_content_are_public_and_revalidate(api_server: EmbeddedServer) -> None:
    course_id, section_id = first_course(api_server)
    meta, sql = assert_revalidates(api_server, f"/courses/{course_id}")
    assert meta.headers["cache-control"] == "public, max-age=1800"
    assert meta.headers["vary"] == "Authorization"
    assert only_version_lookups(sql) and len(sql) <= 2
    content, sql = assert_revalidates(api_server, f"/courses/{course_id}/content")
    assert content.headers["cache-control"] == "public, max-age=3600"
    assert only_version_lookups(sql) and len(sql) <= 2
    section, sql = assert_revalidates(api_server, f"/sections/{section_id}")
    assert section.headers["cache-control"] == "public, max-age=3600"
    assert only_version_lookups(sql) and len(sql) <= 1


def test_per_user_resources_are_private_and_revalidate_without_the_query(api_server: EmbeddedServer) -> None:
    _, _, token = new_learner(api_server)
    course_id, _ = first_course(api_server)
    for path in (f"/courses/{course_id}", f"/courses/{course_id}/content", "/dashboard", "/me"):
        first, sql = assert_revalidates(api_server, path, auth(token))
        assert first.headers["cache-control"] == "private, no-cache"
        assert first.headers["vary"] == "Authorization"
        assert only_version_lookups(sql), sql
        assert len(sql) <= 4  # token + versions


def test_enrolling_changes_the_etags_it_should(api_server: EmbeddedServer) -> None:
    _, _, token = new_learner(api_server)
    course_id, section_id = first_course(api_server)
    paths = [f"/courses/{course_id}", f"/courses/{course_id}/content", "/dashboard"]
    before = {p: http.get(api_server.api_url + p, headers=auth(token)).headers["etag"] for p in paths}
    listing_before = http.get(f"{api_server.api_url}/courses?limit=3").headers["etag"]
    r = http.put(f"{api_server.api_url}/courses/{course_id}/enrollment", headers=auth(token))
    assert r.status_code == 200
    for p in paths:
        again = http.get(api_server.api_url + p, headers={**auth(token), "If-None-Match": before[p]})
        assert again.status_code == 200, p  # old ETag no longer matches
        assert again.headers["etag"] != before[p]
    dash = http.get(f"{api_server.api_url}/dashboard", headers=auth(token)).json()
    assert course_id in [item["course_id"] for item in dash["items"]]
    # progress bumps the learner's content/dashboard versions too
    etag = http.get(f"{api_server.api_url}/courses/{course_id}/content", headers=auth(token)).headers["etag"]
    http.put(
        f"{api_server.api_url}/progress/{section_id}", headers=auth(token), json={"time_spent_seconds": 5}
    )
    after = http.get(
        f"{api_server.api_url}/courses/{course_id}/content", headers={**auth(token), "If-None-Match": etag}
    )
    assert after.status_code == 200
    # the public listing depends on the catalog version only: one learner's enrollment leaves it valid
    same = http.get(f"{api_server.api_url}/courses?limit=3", headers={"If-None-Match": listing_before})
    assert same.status_code == 304


def test_another_learners_etag_never_matches(api_server: EmbeddedServer) -> None:
    _, _, a = new_learner(api_server)
    _, _, b = new_learner(api_server)
    etag = http.get(f"{api_server.api_url}/dashboard", headers=auth(a)).headers["etag"]
    r = http.get(f"{api_server.api_url}/dashboard", headers={**auth(b), "If-None-Match": etag})
    assert r.status_code == 200


def test_catalog_change_invalidates_listings_and_hides_unpublished(api_server: EmbeddedServer) -> None:
    import sqlalchemy as sa

    from lms_desktop.server.db import schema
    from lms_desktop.server.db.queries import versions

    page = http.get(f"{api_server.api_url}/courses?sort=newest&limit=100")
    victim = page.json()["items"][-1]["id"]
    assert api_server.database is not None
    with api_server.database.write() as conn:
        conn.execute(
            sa.update(schema.courses).where(schema.courses.c.id == victim).values(is_published=False)
        )
        versions.bump_catalog(conn)
    try:
        again = http.get(
            f"{api_server.api_url}/courses?sort=newest&limit=100",
            headers={"If-None-Match": page.headers["etag"]},
        )
        assert again.status_code == 200
        assert victim not in [c["id"] for c in again.json()["items"]]
        assert http.get(f"{api_server.api_url}/courses/{victim}").status_code == 404
        assert http.get(f"{api_server.api_url}/courses/{victim}/content").status_code == 404
    finally:
        with api_server.database.write() as conn:
            conn.execute(
                sa.update(schema.courses).where(schema.courses.c.id == victim).values(is_published=True)
            )
            versions.bump_catalog(conn)


def test_hot_cache_serves_repeats_without_the_query(api_server: EmbeddedServer) -> None:
    path = "/courses?q=learning&limit=9&sort=rating"
    http.get(api_server.api_url + path)
    with api_server.capture_sql() as sql:
        r = http.get(api_server.api_url + path)
    assert r.status_code == 200 and r.json()["limit"] == 9
    assert len(sql) <= 1 and only_version_lookups(sql)  # the version lookup only
    metrics = http.get(f"{api_server.api_url}/metrics", headers=METRICS_AUTH).json()
    assert metrics["cache_hits"] >= 1


@pytest.mark.parametrize("path", ["/health", "/metrics"])
def test_operational_gets_have_validators_and_are_not_stored(api_server: EmbeddedServer, path: str) -> None:
    r = http.get(api_server.api_url + path, headers=METRICS_AUTH)
    assert r.status_code == 200
    assert r.headers["etag"].startswith('W/"')
    assert r.headers["cache-control"] == "no-store"
