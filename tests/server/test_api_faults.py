"""A database that goes away: requests fail fast with a JSON 503 (never a 500 or a hang) and the server
recovers by itself when the database is back. PostgreSQL only: SQLite is a file in the same process."""

from __future__ import annotations

import time

import httpx
import psycopg

from tests.fixtures.servers import ServerFactory, auth, new_learner
from tests.fixtures.waiting import poll_until


def _set_connections(admin_url: str, database: str, allowed: bool) -> None:
    plain = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{database}" WITH ALLOW_CONNECTIONS {str(allowed).lower()}')
        if not allowed:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (database,)
            )


def test_database_outage_is_a_fast_503_and_recovers(
    pg_admin_url: str, pg_database_url: str, server_factory: ServerFactory
) -> None:
    server = server_factory(pg_database_url, seed_courses=20, seed_users=2)
    _, _, token = new_learner(server)
    api = server.api_url
    course_id = httpx.get(f"{api}/courses?limit=1").json()["items"][0]["id"]
    database = pg_database_url.rsplit("/", 1)[1]

    _set_connections(pg_admin_url, database, allowed=False)
    try:
        with httpx.Client(base_url=api, timeout=30) as client:
            for method, path, headers in [
                ("GET", "/courses?sort=newest", {}),
                ("GET", f"/courses/{course_id}", {}),
                ("GET", "/dashboard", auth(token)),
                ("PUT", f"/courses/{course_id}/enrollment", auth(token)),
            ]:
                started = time.perf_counter()
                r = client.request(method, path, headers=headers)
                elapsed = time.perf_counter() - started
                assert r.status_code == 503, (path, r.status_code, r.text)
                assert r.headers["retry-after"] == "1"
                body = r.json()
                assert body["status_code"] == 503 and "Traceback" not in r.text
                assert elapsed < 10, path  # fails fast, not after a long hang
            health = client.get("/health")
            assert health.status_code == 503 and health.json()["database"] is False
    finally:
        _set_connections(pg_admin_url, database, allowed=True)

    poll_until(lambda: httpx.get(f"{api}/health").status_code == 200, every_s=0.1, what="healthy again")
    assert httpx.get(f"{api}/courses?sort=newest").status_code == 200
    assert httpx.put(f"{api}/courses/{course_id}/enrollment", headers=auth(token)).status_code == 200
