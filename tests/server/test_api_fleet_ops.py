"""What an operator of several instances relies on: readiness that reports failing writes and a draining
instance, liveness, metrics only for the metrics token (JSON and Prometheus text, no SQL parameters),
SQLite's writes on the loop or grouped into one transaction, and PostgreSQL's run concurrently under the sync
rules."""

from __future__ import annotations

import asyncio
import sqlite3
import uuid
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.loop_writer import LoopWriter
from lms_desktop.server.db.migrate import upgrade
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.server.http.state import get_state
from tests.fixtures.servers import METRICS_AUTH, ServerFactory, auth, new_learner

DONE = "2026-01-01T00:00:00Z"


def test_liveness_and_readiness(api_server: EmbeddedServer) -> None:
    live = httpx.get(f"{api_server.api_url}/health/live")
    assert live.status_code == 200 and live.json()["status"] == "ok"
    ready = httpx.get(f"{api_server.api_url}/health").json()
    assert ready["ready"] and ready["migrated"] and ready["writes"] and not ready["draining"]


def test_readiness_fails_while_draining_and_answers_close_their_connections(
    server_factory: ServerFactory,
) -> None:
    server = server_factory(seed_courses=5)
    st = get_state(server.app)
    st.draining = True
    try:
        health = httpx.get(f"{server.api_url}/health")
        assert health.status_code == 503 and health.json()["draining"] is True
        listing = httpx.get(f"{server.api_url}/courses")
        assert listing.status_code == 200 and listing.headers["connection"] == "close"
    finally:
        st.draining = False
    assert httpx.get(f"{server.api_url}/health").status_code == 200


def test_health_reports_failing_writes_on_a_read_only_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "lms.sqlite3"
    upgrade(f"sqlite:///{path}")
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    with EmbeddedServer(read_only, data_dir=tmp_path) as server:
        health = httpx.get(f"{server.api_url}/health")
        assert health.status_code == 503
        body = health.json()
        assert body["database"] is True and body["writes"] is False and body["ready"] is False


def test_metrics_need_the_metrics_token(api_server: EmbeddedServer, tmp_path: Path) -> None:
    for path in (f"{api_server.api_url}/metrics", f"{api_server.base_url}/metrics"):
        assert httpx.get(path).status_code == 401
        assert httpx.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 403
        assert httpx.get(path, headers=METRICS_AUTH).status_code == 200
    with EmbeddedServer(None, data_dir=tmp_path) as server:  # no token configured: only admins
        assert httpx.get(f"{server.api_url}/metrics", headers=METRICS_AUTH).status_code == 403
        user_id, _, token = new_learner(server)
        assert httpx.get(f"{server.api_url}/metrics", headers=auth(token)).status_code == 403
        assert server.database is not None
        with server.database.write() as conn:
            conn.execute(sa.text("UPDATE users SET role = 'admin' WHERE id = :id"), {"id": user_id})
        for path in (f"{server.api_url}/metrics", f"{server.base_url}/metrics"):
            assert httpx.get(path, headers=auth(token)).status_code == 200


def test_prometheus_text_has_requests_latencies_pools_and_sync_counts(api_server: EmbeddedServer) -> None:
    _, _, token = new_learner(api_server)
    course = httpx.get(f"{api_server.api_url}/courses?limit=1").json()["items"][0]["id"]
    op_id = uuid.uuid4().hex
    for _ in range(2):  # applied, then replayed
        r = httpx.put(
            f"{api_server.api_url}/courses/{course}/enrollment", headers=auth(token), json={"op_id": op_id}
        )
        assert r.status_code == 200
    text = httpx.get(f"{api_server.base_url}/metrics", headers=METRICS_AUTH).text
    assert 'lms_http_requests_total{route="PUT /api/v1/courses/{course_id}/enrollment"}' in text
    assert 'lms_http_request_duration_seconds_bucket{le="0.1",route="GET /api/v1/courses"}' in text
    assert 'lms_db_pool_checked_out{pool="write"}' in text
    assert 'lms_sync_ops_total{kind="enrollment",outcome="applied"}' in text
    assert 'lms_sync_ops_total{kind="enrollment",outcome="replayed"}' in text
    assert "SELECT" not in text and op_id not in text


def test_sqlite_writes_run_on_the_loop_and_commit_together_while_the_lock_is_held(
    server_factory: ServerFactory,
) -> None:
    """Writes run on the loop's connection one by one; while another connection holds SQLite's write lock
    (an import, a sign-in) they queue for the group writer, which commits them in one transaction."""
    server = server_factory(seed_courses=5)
    st = get_state(server.app)
    writer = st.writer
    assert isinstance(writer, LoopWriter)
    _, _, token = new_learner(server)
    courses = [c["id"] for c in httpx.get(f"{server.api_url}/courses?limit=5").json()["items"]]
    url = f"{server.api_url}/courses/{courses[0]}/enrollment"
    assert httpx.put(url, headers=auth(token), json={}).status_code == 200
    assert (writer.on_loop, writer.stats.handed_over) == (1, 0)

    async def burst() -> list[int]:
        async with httpx.AsyncClient(timeout=30) as client:
            answers = asyncio.gather(
                *(
                    client.put(f"{server.api_url}/courses/{c}/enrollment", headers=auth(token), json={})
                    for c in courses * 8
                )
            )
            await asyncio.sleep(0.3)
            assert (await client.get(f"{server.api_url}/health/live")).status_code == 200  # answers meanwhile
            holder.execute("COMMIT")
            return [a.status_code for a in await answers]

    holder = sqlite3.connect(st.db.write_engine.url.database or "", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert set(asyncio.run(burst())) == {200}
    finally:
        holder.close()
    assert writer.stats.handed_over == 40 and max(writer.fallback.batch_sizes) > 1  # grouped, not one by one
    metrics = httpx.get(f"{server.base_url}/metrics", headers=METRICS_AUTH).text
    assert "lms_db_writes_handed_over_total 40.0" in metrics
    dashboard = httpx.get(f"{server.api_url}/dashboard", headers=auth(token)).json()
    assert sorted(e["course_id"] for e in dashboard["items"]) == sorted(courses)


@pytest.mark.postgres
def test_postgres_concurrent_progress_completes_the_course_once(pg_database_url: str, tmp_path: Path) -> None:
    """Every section of a course completed at once by concurrent writes (and each replayed): the
    enrollment ends completed, time spent is counted once per op_id."""
    with EmbeddedServer(pg_database_url, data_dir=tmp_path, seed_courses=5) as server:
        user_id, _, token = new_learner(server)
        course = httpx.get(f"{server.api_url}/courses?limit=1").json()["items"][0]["id"]
        httpx.put(f"{server.api_url}/courses/{course}/enrollment", headers=auth(token), json={})
        content = httpx.get(f"{server.api_url}/courses/{course}/content").json()
        sections = [s["id"] for lesson in content["lessons"] for s in lesson["sections"]]
        ops = {s: uuid.uuid4().hex for s in sections}

        async def burst() -> set[int]:
            async with httpx.AsyncClient(timeout=30) as client:
                answers = await asyncio.gather(
                    *(
                        client.put(
                            f"{server.api_url}/progress/{s}",
                            headers=auth(token),
                            json={
                                "op_id": ops[s],
                                "time_spent_seconds": 7,
                                "completed_at": "2026-01-01T00:00:00Z",
                            },
                        )
                        for s in sections * 2
                    )
                )
            return {a.status_code for a in answers}

        assert asyncio.run(burst()) == {200}
        db = Database.open(pg_database_url)
        try:
            with db.read() as conn:
                status = (
                    conn.execute(
                        sa.text("SELECT status FROM enrollments WHERE course_id = :c AND user_id = :u"),
                        {"c": course, "u": user_id},
                    )
                    .scalars()
                    .all()
                )
                spent = conn.execute(
                    sa.text("SELECT sum(time_spent_seconds) FROM progress WHERE user_id = :u"),
                    {"u": user_id},
                ).scalar()
        finally:
            db.close()
        assert status == ["completed"]
        assert spent == 7 * len(sections)


def test_health_does_not_wait_behind_slow_work_or_writes(server_factory: ServerFactory) -> None:
    """The slow-work thread and the writer are held busy: /health still answers (its probe has a thread
    of its own), and only then is the work let go."""
    import threading

    server = server_factory(seed_courses=5)
    st = get_state(server.app)
    release = threading.Event()
    busy = threading.Event()

    def hold(_conn: object = None) -> None:
        busy.set()
        release.wait(30)

    from concurrent.futures import ThreadPoolExecutor

    outside = ThreadPoolExecutor(max_workers=1)
    slow = st.executor.submit(hold)  # the slow-work thread itself
    write = outside.submit(lambda: asyncio.run(st.write(hold)))  # a write waiting on the writer
    try:
        assert busy.wait(10)
        health = httpx.get(f"{server.api_url}/health", timeout=10)
        assert health.status_code == 200 and health.json()["ready"] is True
        assert not slow.done() and not write.done()  # answered while both were still held
    finally:
        release.set()
    slow.result(10)
    write.result(10)
    outside.shutdown()


def test_the_sqlite_write_probe_leaves_the_pools_busy_timeout_alone(tmp_path: Path) -> None:
    """The probe waits 100 ms for the write lock; the pooled connection it borrowed goes back with the
    writers' own busy timeout (a longer one made writes wait seconds longer behind a held lock)."""
    from lms_desktop.server.db.migrate import head_revisions
    from lms_desktop.server.health import probe

    url = f"sqlite:///{tmp_path / 'lms.sqlite3'}"
    upgrade(url)
    db = Database.open(url, bounded=True)
    try:
        with db.write() as conn:
            before = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
        assert probe(db, head_revisions()).writes is True
        with db.write() as conn:
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == before
    finally:
        db.close()
