"""The learner's own data through HTTP on SQLite and PostgreSQL: enrollment (idempotent under
concurrency), progress (monotonic, replay-safe), rating, dashboard, and the wall between learners."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from lms_desktop.contract import CourseDetail, CoursePage, Dashboard, Enrollment, Progress, decoder
from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.servers import auth, new_learner

# One keep-alive client per module: a client per call would rebuild its TLS context every time.
http = httpx.Client(timeout=30)


def course_ids(server: EmbeddedServer, n: int) -> list[int]:
    page = decoder(CoursePage).decode(http.get(f"{server.api_url}/courses?sort=newest&limit={n}").content)
    return [c.id for c in page.items]


def section_ids(server: EmbeddedServer, course_id: int) -> list[int]:
    outline = http.get(f"{server.api_url}/courses/{course_id}/content").json()
    return [s["id"] for lesson in outline["lessons"] for s in lesson["sections"]]


def test_enroll_and_unenroll_are_idempotent(api_server: EmbeddedServer) -> None:
    _, _, token = new_learner(api_server)
    course_id = course_ids(api_server, 1)[0]
    url = f"{api_server.api_url}/courses/{course_id}/enrollment"
    before = decoder(CourseDetail).decode(http.get(f"{api_server.api_url}/courses/{course_id}").content)
    for _ in range(3):
        r = http.put(url, headers=auth(token))
        assert r.status_code == 200
        assert decoder(Enrollment).decode(r.content).status == "active"
    detail = decoder(CourseDetail).decode(
        http.get(f"{api_server.api_url}/courses/{course_id}", headers=auth(token)).content
    )
    assert detail.enrollment_status == "active" and detail.enrolled_at is not None
    assert detail.enrollment_count == before.enrollment_count + 1
    for _ in range(2):
        r = http.delete(url, headers=auth(token))
        assert r.status_code == 200
        assert decoder(Enrollment).decode(r.content).status is None
    after = decoder(CourseDetail).decode(
        http.get(f"{api_server.api_url}/courses/{course_id}", headers=auth(token)).content
    )
    assert after.enrollment_status is None
    assert after.enrollment_count == before.enrollment_count


def test_twenty_concurrent_enrollments_leave_one(api_server: EmbeddedServer) -> None:
    import sqlalchemy as sa

    from lms_desktop.server.db import schema

    user_id, _, token = new_learner(api_server)
    course_id = course_ids(api_server, 2)[1]
    count_before = http.get(f"{api_server.api_url}/courses/{course_id}").json()["enrollment_count"]

    async def burst() -> list[int]:
        async with httpx.AsyncClient(base_url=api_server.api_url, headers=auth(token), timeout=30) as client:
            responses = await asyncio.gather(
                *(client.put(f"/courses/{course_id}/enrollment", json={}) for _ in range(20))
            )
        return [r.status_code for r in responses]

    assert asyncio.run(burst()) == [200] * 20
    assert api_server.database is not None
    with api_server.database.read() as conn:
        rows = conn.execute(
            sa.select(sa.func.count())
            .select_from(schema.enrollments)
            .where(schema.enrollments.c.user_id == user_id, schema.enrollments.c.course_id == course_id)
        ).scalar()
    assert rows == 1
    count_after = http.get(f"{api_server.api_url}/courses/{course_id}").json()["enrollment_count"]
    assert count_after == count_before + 1


def test_latest_client_timestamp_wins_for_enrollment(api_server: EmbeddedServer) -> None:
    _, _, token = new_learner(api_server)
    course_id = course_ids(api_server, 3)[2]
    url = f"{api_server.api_url}/courses/{course_id}/enrollment"
    now = datetime.now(UTC)
    later, earlier = (now - timedelta(minutes=1)).isoformat(), (now - timedelta(minutes=5)).isoformat()
    assert http.put(url, headers=auth(token), json={"client_timestamp": later}).status_code == 200
    # an older unenroll replayed from an offline outbox loses against the newer enroll
    r = http.request("DELETE", url, headers=auth(token), json={"client_timestamp": earlier})
    assert r.status_code == 200
    assert r.json()["status"] == "active"


def test_progress_is_monotonic_and_replay_safe(api_server: EmbeddedServer) -> None:
    _, _, token = new_learner(api_server)
    course_id = course_ids(api_server, 4)[3]
    section = section_ids(api_server, course_id)[0]
    url = f"{api_server.api_url}/progress/{section}"
    r = http.put(url, headers=auth(token), json={"time_spent_seconds": 10})
    assert r.status_code == 409  # not enrolled
    assert "enrol" in r.json()["detail"]
    http.put(f"{api_server.api_url}/courses/{course_id}/enrollment", headers=auth(token))

    done = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    update = {"completed_at": done.isoformat(), "time_spent_seconds": 60, "op_id": "op-progress-0001"}
    first = decoder(Progress).decode(http.put(url, headers=auth(token), json=update).content)
    assert first.completed_at == done and first.time_spent_seconds == 60
    replay = decoder(Progress).decode(http.put(url, headers=auth(token), json=update).content)
    assert replay.time_spent_seconds == 60  # the same op twice counts once
    # a later "not completed" update never un-completes; a later completion never moves it
    later = {
        "completed_at": (done + timedelta(days=1)).isoformat(),
        "time_spent_seconds": 30,
        "op_id": "op-progress-0002",
    }
    again = decoder(Progress).decode(http.put(url, headers=auth(token), json=later).content)
    assert again.completed_at == done and again.time_spent_seconds == 90
    blank = decoder(Progress).decode(
        http.put(url, headers=auth(token), json={"op_id": "op-progress-0003"}).content
    )
    assert blank.completed_at == done
    earlier = {"completed_at": (done - timedelta(days=1)).isoformat(), "op_id": "op-progress-0004"}
    moved = decoder(Progress).decode(http.put(url, headers=auth(token), json=earlier).content)
    assert moved.completed_at == done - timedelta(days=1)  # earliest completion wins

    content = http.get(f"{api_server.api_url}/courses/{course_id}/content", headers=auth(token)).json()
    mine = next(s for lesson in content["lessons"] for s in lesson["sections"] if s["id"] == section)
    assert mine["completed_at"] is not None and mine["time_spent_seconds"] == 90


@pytest.mark.parametrize(
    "body",
    [
        {"time_spent_seconds": -1},
        {"time_spent_seconds": 86_401},
        {"completed_at": "yesterday"},
        {"op_id": "short"},
        {"op_id": "has spaces in it"},
        {"time_spent_seconds": "ten"},
        [],
    ],
)
def test_bad_progress_bodies_are_4xx(api_server: EmbeddedServer, body: object) -> None:
    _, _, token = new_learner(api_server)
    r = http.put(f"{api_server.api_url}/progress/1", headers=auth(token), json=body)
    assert 400 <= r.status_code < 500
    assert r.json()["detail"]


def test_rating(api_server: EmbeddedServer) -> None:
    _, _, token = new_learner(api_server)
    course_id = course_ids(api_server, 5)[4]
    url = f"{api_server.api_url}/courses/{course_id}/rating"
    before = http.get(f"{api_server.api_url}/courses/{course_id}").json()["rating_count"]
    r = http.put(url, headers=auth(token), json={"rating": 4})
    assert r.status_code == 200 and r.json()["rating"] == 4
    r = http.put(url, headers=auth(token), json={"rating": 2})
    assert r.json()["rating"] == 2 and r.json()["rating_count"] == before + 1
    detail = http.get(f"{api_server.api_url}/courses/{course_id}", headers=auth(token)).json()
    assert detail["my_rating"] == 2
    for bad in ({"rating": 0}, {"rating": 6}, {"rating": "five"}, {}):
        assert http.put(url, headers=auth(token), json=bad).status_code == 400
    assert (
        http.put(
            f"{api_server.api_url}/courses/999999999/rating", headers=auth(token), json={"rating": 3}
        ).status_code
        == 404
    )


def test_dashboard_lists_enrolled_courses_by_last_activity(api_server: EmbeddedServer) -> None:
    _, _, token = new_learner(api_server)
    a, b = course_ids(api_server, 7)[5:7]
    assert http.get(f"{api_server.api_url}/dashboard", headers=auth(token)).json() == {"items": []}
    for course in (a, b):
        http.put(f"{api_server.api_url}/courses/{course}/enrollment", headers=auth(token))
    first_section = section_ids(api_server, a)[0]
    http.put(
        f"{api_server.api_url}/progress/{first_section}",
        headers=auth(token),
        json={"completed_at": datetime.now(UTC).isoformat(), "time_spent_seconds": 120},
    )
    dash = decoder(Dashboard).decode(http.get(f"{api_server.api_url}/dashboard", headers=auth(token)).content)
    assert [item.course_id for item in dash.items] == [a, b]  # a has activity, b has none
    top = dash.items[0]
    assert top.completed_sections == 1 and top.time_spent_seconds == 120
    assert top.percent_complete == pytest.approx(100.0 / top.total_sections, abs=0.5)
    assert top.next_section_id is not None and top.next_section_id != first_section


def test_learners_never_see_or_touch_each_others_data(api_server: EmbeddedServer) -> None:
    _, _, alice = new_learner(api_server)
    bob_id, _, bob = new_learner(api_server)
    course_id = course_ids(api_server, 8)[7]
    section = section_ids(api_server, course_id)[0]
    api = api_server.api_url
    http.put(f"{api}/courses/{course_id}/enrollment", headers=auth(alice))
    http.put(
        f"{api}/progress/{section}",
        headers=auth(alice),
        json={"completed_at": datetime.now(UTC).isoformat(), "time_spent_seconds": 33},
    )
    http.put(f"{api}/courses/{course_id}/rating", headers=auth(alice), json={"rating": 5})
    alice_view = {
        p: http.get(api + p, headers=auth(alice)).content
        for p in (f"/courses/{course_id}", f"/courses/{course_id}/content", "/dashboard", "/me")
    }

    # Bob's reads show Bob's (empty) state, never Alice's
    detail = http.get(f"{api}/courses/{course_id}", headers=auth(bob)).json()
    assert detail["enrollment_status"] is None and detail["my_rating"] is None
    content = http.get(f"{api}/courses/{course_id}/content", headers=auth(bob)).json()
    assert all(
        s["completed_at"] is None and s["time_spent_seconds"] == 0
        for lesson in content["lessons"]
        for s in lesson["sections"]
    )
    assert http.get(f"{api}/dashboard", headers=auth(bob)).json() == {"items": []}
    assert http.get(f"{api}/me", headers=auth(bob)).json()["id"] == bob_id

    # Bob's writes change Bob's rows only; input cannot name another user
    http.delete(f"{api}/courses/{course_id}/enrollment", headers=auth(bob), params={"user_id": 1})
    http.put(f"{api}/courses/{course_id}/rating", headers=auth(bob), json={"rating": 1, "user_id": 1})
    r = http.put(f"{api}/progress/{section}", headers=auth(bob), json={"time_spent_seconds": 5})
    assert r.status_code == 409  # Bob is not enrolled; Alice's enrollment does not count for him
    http.delete(f"{api}/auth/token", headers=auth(bob))
    for p, body in alice_view.items():
        now = http.get(api + p, headers=auth(alice))
        if (
            p == f"/courses/{course_id}"
        ):  # the shared counters moved by Bob's rating; Alice's own fields did not
            mine = now.json()
            assert mine["enrollment_status"] == "active" and mine["my_rating"] == 5
        else:
            assert now.content == body, p


PER_USER = [
    ("GET", "/me", None),
    ("GET", "/dashboard", None),
    ("DELETE", "/auth/token", None),
    ("PUT", "/courses/{course}/enrollment", {}),
    ("DELETE", "/courses/{course}/enrollment", None),
    ("PUT", "/progress/{section}", {"time_spent_seconds": 1}),
    ("PUT", "/courses/{course}/rating", {"rating": 3}),
]


@pytest.mark.parametrize(("method", "path", "body"), PER_USER)
def test_per_user_endpoints_need_a_token(
    api_server: EmbeddedServer, method: str, path: str, body: object
) -> None:
    course_id = course_ids(api_server, 1)[0]
    section = section_ids(api_server, course_id)[0]
    url = api_server.api_url + path.format(course=course_id, section=section)
    for headers in ({}, auth("forged-token-that-does-not-exist")):
        r = http.request(method, url, headers=headers, json=body)
        assert r.status_code == 401, (method, path)
        assert set(r.json()) == {"status_code", "detail", "extra"}
