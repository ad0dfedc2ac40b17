"""Operations and protocol edges: health, metrics, OpenAPI, thumbnails, size bounds, unknown routes."""

from __future__ import annotations

import io

import httpx
import pytest
from PIL import Image

from lms_desktop.contract import Health, Metrics, decoder
from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.servers import METRICS_AUTH, ServerFactory, auth, demo_token, new_learner

# One keep-alive client per module: a client per call would rebuild its TLS context every time.
http = httpx.Client(timeout=30)


def test_health_reports_the_database(api_server: EmbeddedServer) -> None:
    r = http.get(f"{api_server.api_url}/health")
    assert r.status_code == 200
    health = decoder(Health).decode(r.content)
    assert health.status == "ok" and health.database is True and health.redis is None


def test_metrics_count_requests_per_route_with_latencies(api_server: EmbeddedServer) -> None:
    for _ in range(3):
        http.get(f"{api_server.api_url}/courses/1")
    metrics = decoder(Metrics).decode(http.get(f"{api_server.api_url}/metrics", headers=METRICS_AUTH).content)
    assert metrics.requests >= 3 and metrics.uptime_seconds > 0
    route = next(e for e in metrics.endpoints if e.route == "GET /api/v1/courses/{course_id}")
    assert route.count >= 3
    assert 0 < route.p50_ms <= route.p99_ms


def test_slow_queries_are_logged_and_listed(
    db_url: str, server_factory: ServerFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """A threshold of 0 ms makes every statement slow: the log and /metrics must both show them."""
    server = server_factory(db_url, seed_courses=None, slow_query_ms=0.0)
    http.get(f"{server.api_url}/courses?limit=3")
    metrics = http.get(f"{server.api_url}/metrics", headers=METRICS_AUTH).json()
    assert metrics["slow_queries"]
    assert all(q["ms"] >= 0 and q["sql"] for q in metrics["slow_queries"])
    assert any("slow query" in rec.getMessage() for rec in caplog.records)


def test_openapi_document_lists_every_route(api_server: EmbeddedServer) -> None:
    r = http.get(f"{api_server.base_url}/openapi.json")
    assert r.status_code == 200 and r.headers["etag"]
    doc = r.json()
    assert doc["openapi"].startswith("3.")
    paths = doc["paths"]
    expected = {
        "/api/v1/auth/token": {"post", "delete"},
        "/api/v1/me": {"get"},
        "/api/v1/courses": {"get"},
        "/api/v1/courses/{course_id}": {"get"},
        "/api/v1/courses/{course_id}/content": {"get"},
        "/api/v1/sections/{section_id}": {"get"},
        "/api/v1/courses/{course_id}/enrollment": {"put", "delete"},
        "/api/v1/progress/{section_id}": {"put"},
        "/api/v1/dashboard": {"get"},
        "/api/v1/courses/{course_id}/rating": {"put"},
        "/api/v1/images/{key}": {"get"},
        "/api/v1/health": {"get"},
        "/api/v1/metrics": {"get"},
        "/api/v1/health/live": {"get"},
    }
    for path, methods in expected.items():
        assert path in paths, path
        assert methods <= set(paths[path]), path
    assert "BearerAuth" in doc["components"]["securitySchemes"]
    listing = {p["name"]: p for p in paths["/api/v1/courses"]["get"]["parameters"]}
    assert listing["limit"]["schema"]["maximum"] == 100
    assert listing["q"]["schema"]["maxLength"] == 5000


def test_unknown_routes_and_methods_are_json(api_server: EmbeddedServer) -> None:
    r = http.get(f"{api_server.api_url}/no/such/thing")
    assert r.status_code == 404 and r.json()["status_code"] == 404
    r = http.post(f"{api_server.api_url}/courses")
    assert r.status_code == 405 and r.json()["detail"]


def test_bodies_over_64_kib_are_413(api_server: EmbeddedServer) -> None:
    token = demo_token(api_server.base_url)
    big = b'{"time_spent_seconds": 1, "pad": "' + b"x" * (65 * 1024) + b'"}'
    r = http.put(
        f"{api_server.api_url}/progress/1",
        content=big,
        headers={**auth(token), "content-type": "application/json"},
    )
    assert r.status_code == 413
    assert r.json()["status_code"] == 413
    r = http.post(
        f"{api_server.api_url}/auth/token",
        content=b"{" + b" " * 70_000 + b"}",
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 413


def test_huge_query_strings_are_400(api_server: EmbeddedServer) -> None:
    import http.client
    import json

    conn = http.client.HTTPConnection("127.0.0.1", api_server.port, timeout=30)  # httpx refuses such URLs
    try:
        conn.request("GET", "/api/v1/courses?junk=" + "y" * 70_000)
        response = conn.getresponse()
        assert response.status == 400
        body = response.read()
        if response.getheader("content-type", "").startswith("application/json"):
            assert "query string" in json.loads(body)["detail"]  # our bound (uvicorn on h11)
        else:  # httptools refuses a request line over 64 KiB before the app sees it, with a message
            assert body == b"Invalid HTTP request received."
    finally:
        conn.close()


def _first_image_path(server: EmbeddedServer) -> str:
    items = http.get(f"{server.api_url}/courses?limit=50").json()["items"]
    url = next(c["image_url"] for c in items if c["image_url"])
    assert url.startswith("/api/v1/images/")
    return str(url)


@pytest.mark.parametrize(("fmt", "magic"), [("webp", b"RIFF"), ("jpeg", b"\xff\xd8")])
@pytest.mark.parametrize(("asked", "served"), [(100, 160), (320, 320), (500, 640), (4000, 640)])
def test_thumbnails_are_snapped_immutable_and_revalidate(
    api_server: EmbeddedServer, fmt: str, magic: bytes, asked: int, served: int
) -> None:
    path = _first_image_path(api_server)
    r = http.get(f"{api_server.base_url}{path}", params={"w": asked, "fmt": fmt})
    assert r.status_code == 200
    assert r.headers["content-type"] == f"image/{fmt}"
    assert r.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert r.content.startswith(magic)
    assert Image.open(io.BytesIO(r.content)).width == served
    again = http.get(
        f"{api_server.base_url}{path}",
        params={"w": asked, "fmt": fmt},
        headers={"If-None-Match": r.headers["etag"]},
    )
    assert again.status_code == 304 and again.content == b""


def test_image_keys_differ_per_image_and_bad_keys_are_4xx(api_server: EmbeddedServer) -> None:
    items = http.get(f"{api_server.api_url}/courses?limit=100").json()["items"]
    keys = {c["image_url"] for c in items if c["image_url"]}
    assert len(keys) > 1
    assert http.get(f"{api_server.api_url}/images/does-not-exist").status_code == 404
    for bad in ("..%2F..%2Fetc%2Fpasswd", "a" * 200, "%00"):
        r = http.get(f"{api_server.api_url}/images/{bad}")
        assert 400 <= r.status_code < 500
    path = _first_image_path(api_server)
    for params in ({"w": 0}, {"w": "big"}, {"fmt": "gif"}):
        assert http.get(f"{api_server.base_url}{path}", params=params).status_code == 400


def test_an_unexpected_error_is_a_bare_500_and_logged_with_its_traceback(
    api_server: EmbeddedServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Fault injection: no real request makes the storage layer raise a plain bug, so patch one in."""
    from lms_desktop.server.db.lookups import Lookups

    _, _, token = new_learner(api_server)

    def broken(*_args: object) -> None:
        raise RuntimeError("kaboom: internal detail")

    monkeypatch.setattr(Lookups, "session", broken)
    r = http.get(f"{api_server.api_url}/me", headers=auth(token))
    assert r.status_code == 500
    assert r.json() == {"status_code": 500, "detail": "internal server error", "extra": None}
    assert "kaboom" not in r.text and "Traceback" not in r.text
    logged = [rec for rec in caplog.records if rec.name == "lms.server.errors"]
    assert logged and logged[-1].exc_info is not None
    assert "kaboom" in str(logged[-1].exc_info[1])


def test_openapi_documents_both_thumbnail_formats(api_server: EmbeddedServer) -> None:
    doc = http.get(f"{api_server.base_url}/openapi.json").json()
    ok = doc["paths"]["/api/v1/images/{key}"]["get"]["responses"]["200"]
    assert set(ok["content"]) == {"image/webp", "image/jpeg"}


def test_a_request_head_over_the_bound_is_431_and_a_long_search_still_passes(
    api_server: EmbeddedServer,
) -> None:
    """uvicorn's httptools protocol reads any head size; ours stops at MAX_HEAD_BYTES (h11 has its own)."""
    import http.client

    from lms_desktop.server.http.protocol import HTTPTOOLS, MAX_HEAD_BYTES

    conn = http.client.HTTPConnection("127.0.0.1", api_server.port, timeout=30)
    try:
        conn.putrequest("GET", "/api/v1/courses")
        conn.putheader("X-Filler", "f" * (MAX_HEAD_BYTES + 1))
        conn.endheaders()
        response = conn.getresponse()
        assert response.status == (431 if HTTPTOOLS else 400)
        if HTTPTOOLS:
            assert response.read() == f"request head over {MAX_HEAD_BYTES} bytes".encode()
    finally:
        conn.close()
    conn = http.client.HTTPConnection("127.0.0.1", api_server.port, timeout=30)
    try:
        conn.request("GET", "/api/v1/courses?limit=1&q=" + "%F0%9F%93%9A" * 5_000)  # 60,000 bytes of emoji
        assert conn.getresponse().status == 200
    finally:
        conn.close()
