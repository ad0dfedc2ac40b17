"""No learner sees or changes another's data; no token, a bad token, an expired or a revoked one gets 401.

Every per-user endpoint is tried. Learner A builds up state (enrolled, a completed section with time spent,
a rating); learner B, an anonymous caller and callers with broken tokens then use the same endpoints, and
A's state is checked, through HTTP and in the database, to be exactly what A made it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest

from tests.trust import learners as lrn
from tests.trust.learners import Learner
from tests.trust.serverproc import ServerProcess


@dataclass(frozen=True)
class World:
    server: ServerProcess
    a: Learner
    b: Learner
    course: int  # A is enrolled here, has completed `section`, and rated it 5
    section: int
    other_section: int  # in `course` too; nobody touches it before the tests

    @property
    def api(self) -> str:
        return self.server.api


# (method, path template, JSON body) for every endpoint whose answer or effect belongs to one learner.
PER_USER_ENDPOINTS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("GET", "/me", None),
    ("GET", "/courses/{course}", None),
    ("GET", "/courses/{course}/content", None),
    ("PUT", "/courses/{course}/enrollment", {}),
    ("DELETE", "/courses/{course}/enrollment", {}),
    ("PUT", "/progress/{section}", {"time_spent_seconds": 5}),
    ("PUT", "/courses/{course}/rating", {"rating": 1}),
    ("GET", "/dashboard", None),
    ("DELETE", "/auth/token", None),  # sign out
]
# Endpoints that exist only for a signed-in learner: no token at all is a 401 (the others answer public data).
SIGNED_IN_ONLY = {
    p for m, p, _ in PER_USER_ENDPOINTS if p not in ("/courses/{course}", "/courses/{course}/content")
}
A_TIME_SPENT = 300
A_RATING = 5


def call(
    client: httpx.Client, world: World, method: str, path: str, body: dict[str, Any] | None, **kw: Any
) -> httpx.Response:
    url = world.api + path.format(course=world.course, section=world.section)
    if body is None:
        return client.request(method, url, **kw)
    return client.request(method, url, json=body, **kw)


@pytest.fixture(scope="module")
def world(sqlite_server: ServerProcess) -> Iterator[World]:
    a, b = lrn.create_learners(sqlite_server.database_url, f"iso{uuid.uuid4().hex[:6]}_", 2)
    with httpx.Client(timeout=30) as client:
        page = client.get(f"{sqlite_server.api}/courses", params={"limit": 5, "sort": "newest"})
        page.raise_for_status()
        course = page.json()["items"][0]["id"]
        content = client.get(f"{sqlite_server.api}/courses/{course}/content").json()
        sections = [s["id"] for lesson in content["lessons"] for s in lesson["sections"]]
        assert len(sections) >= 2, "the seed makes courses with several sections"
        world = World(sqlite_server, a, b, course, sections[0], sections[1])
        api = sqlite_server.api
        assert client.put(f"{api}/courses/{course}/enrollment", headers=a.auth, json={}).status_code == 200
        progress = client.put(
            f"{api}/progress/{world.section}",
            headers=a.auth,
            json={
                "completed_at": "2026-01-02T03:04:05Z",
                "time_spent_seconds": A_TIME_SPENT,
                "op_id": uuid.uuid4().hex,
            },
        )
        assert progress.status_code == 200, progress.text
        rating = client.put(f"{api}/courses/{course}/rating", headers=a.auth, json={"rating": A_RATING})
        assert rating.status_code == 200, rating.text
    yield world


def a_state_via_http(client: httpx.Client, world: World) -> dict[str, Any]:
    """Everything A can see of A's own state, for before/after comparisons."""
    api, auth = world.api, world.a.auth
    detail = client.get(f"{api}/courses/{world.course}", headers=auth).json()
    content = client.get(f"{api}/courses/{world.course}/content", headers=auth).json()
    sections = {s["id"]: s for lesson in content["lessons"] for s in lesson["sections"]}
    dashboard = client.get(f"{api}/dashboard", headers=auth).json()
    mine = [i for i in dashboard["items"] if i["course_id"] == world.course]
    return {
        "enrollment_status": detail["enrollment_status"],
        "my_rating": detail["my_rating"],
        "completed_at": sections[world.section]["completed_at"],
        "time_spent": sections[world.section]["time_spent_seconds"],
        "other_completed": sections[world.other_section]["completed_at"],
        "dashboard_time": mine[0]["time_spent_seconds"] if mine else None,
        "dashboard_completed": mine[0]["completed_sections"] if mine else None,
    }


def a_state_in_db(world: World) -> dict[str, Any]:
    url, uid, course = world.server.database_url, world.a.id, world.course
    enrollments = lrn.query(
        url, "SELECT status FROM enrollments WHERE user_id = :u AND course_id = :c", {"u": uid, "c": course}
    )
    progress = lrn.query(
        url,
        "SELECT section_id, time_spent_seconds, completed_at IS NOT NULL FROM progress WHERE user_id = :u "
        "ORDER BY section_id",
        {"u": uid},
    )
    ratings = lrn.query(
        url,
        "SELECT rating FROM course_ratings WHERE user_id = :u AND course_id = :c",
        {"u": uid, "c": course},
    )
    return {"enrollments": enrollments, "progress": progress, "ratings": ratings}


# ---- 401s ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body"), [e for e in PER_USER_ENDPOINTS if e[1] in SIGNED_IN_ONLY]
)
def test_no_token_is_401(world: World, method: str, path: str, body: dict[str, Any] | None) -> None:
    with httpx.Client(timeout=30) as client:
        response = call(client, world, method, path, body)
    assert response.status_code == 401, response.text
    assert response.json()["detail"], "a 401 says why, as JSON"
    assert "bearer" in response.headers.get("www-authenticate", "").lower()


@pytest.mark.parametrize("path", ["/courses/{course}", "/courses/{course}/content"])
def test_anonymous_course_pages_carry_no_learner_state(world: World, path: str) -> None:
    """Course pages are public, but an anonymous answer must not be A's (e.g. from a server cache)."""
    with httpx.Client(timeout=30) as client:
        # A first, so a cache that ignores the caller would now hold A's answer.
        assert call(client, world, "GET", path, None, headers=world.a.auth).status_code == 200
        response = call(client, world, "GET", path, None)
    if response.status_code == 401:
        return  # refusing anonymous callers outright also leaks nothing
    assert response.status_code == 200, response.text
    data = response.json()
    if "lessons" in data:
        states = [s for lesson in data["lessons"] for s in lesson["sections"]]
        assert all(s["completed_at"] is None and s["time_spent_seconds"] == 0 for s in states)
    else:
        assert data["enrollment_status"] is None
        assert data["enrolled_at"] is None
        assert data["my_rating"] is None


def bad_tokens(world: World) -> dict[str, dict[str, str]]:
    """Authorization headers that must all be refused: none of them names a live session."""
    expired = lrn.issue_token(world.server.database_url, world.a.id, timedelta(seconds=-5))
    revoked = lrn.issue_token(world.server.database_url, world.a.id, timedelta(hours=1))
    with httpx.Client(timeout=30) as client:
        out = client.delete(f"{world.api}/auth/token", headers={"Authorization": f"Bearer {revoked}"})
        assert out.status_code in (200, 204), out.text
    return {
        "garbage": {"Authorization": "Bearer " + uuid.uuid4().hex},
        "truncated": {"Authorization": "Bearer " + world.a.token[:-4]},
        "expired": {"Authorization": f"Bearer {expired}"},
        "revoked": {"Authorization": f"Bearer {revoked}"},
        "empty": {"Authorization": "Bearer"},
        "not-bearer": {"Authorization": f"Basic {world.a.token}"},
        "huge": {"Authorization": "Bearer " + "x" * 4000},
    }


@pytest.fixture(scope="module")
def bad_headers(world: World) -> dict[str, dict[str, str]]:
    return bad_tokens(world)


@pytest.mark.parametrize(
    "kind", ["garbage", "truncated", "expired", "revoked", "empty", "not-bearer", "huge"]
)
@pytest.mark.parametrize(("method", "path", "body"), PER_USER_ENDPOINTS)
def test_bad_token_is_401(
    world: World,
    bad_headers: dict[str, dict[str, str]],
    kind: str,
    method: str,
    path: str,
    body: dict[str, Any] | None,
) -> None:
    before = a_state_in_db(world)
    with httpx.Client(timeout=30) as client:
        response = call(client, world, method, path, body, headers=bad_headers[kind])
    assert response.status_code == 401, f"{kind}: {response.status_code} {response.text}"
    assert a_state_in_db(world) == before, "a refused request changed nothing"


def test_signed_out_token_is_refused_everywhere(world: World) -> None:
    """Sign in over HTTP, use the token, sign out: every per-user endpoint then answers 401."""
    with httpx.Client(timeout=30) as client:
        signed = client.post(
            f"{world.api}/auth/token", json={"username": world.b.username, "password": world.b.password}
        )
        assert signed.status_code == 200, signed.text
        token = signed.json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        assert client.get(f"{world.api}/me", headers=headers).json()["id"] == world.b.id
        assert client.delete(f"{world.api}/auth/token", headers=headers).status_code in (200, 204)
        for method, path, body in PER_USER_ENDPOINTS:
            response = call(client, world, method, path, body, headers=headers)
            assert response.status_code == 401, f"{method} {path} after sign-out: {response.status_code}"
        # B's other session (the fixture's token) is untouched by this sign-out.
        assert client.get(f"{world.api}/me", headers=world.b.auth).status_code == 200


def test_token_expiry_is_announced_and_bounded(world: World) -> None:
    """Sign-in hands out a token with an expiry in the future and not unbounded (the default is 30 days)."""
    from datetime import UTC, datetime

    with httpx.Client(timeout=30) as client:
        signed = client.post(
            f"{world.api}/auth/token", json={"username": world.a.username, "password": world.a.password}
        )
    assert signed.status_code == 200, signed.text
    assert "no-store" in signed.headers.get("cache-control", "")
    expires_at = datetime.fromisoformat(signed.json()["expires_at"].replace("Z", "+00:00"))
    now = datetime.now(UTC)
    assert now < expires_at <= now + timedelta(days=366)


# ---- another learner's token -----------------------------------------------------------------------


def test_me_is_the_token_owner(world: World) -> None:
    with httpx.Client(timeout=30) as client:
        me_a = client.get(f"{world.api}/me", headers=world.a.auth).json()
        me_b = client.get(f"{world.api}/me", headers=world.b.auth).json()
        # Parameters naming another user are not a way in.
        me_b_spoof = client.get(
            f"{world.api}/me", params={"user_id": world.a.id}, headers=world.b.auth
        ).json()
    assert (me_a["id"], me_a["username"]) == (world.a.id, world.a.username)
    assert (me_b["id"], me_b["username"]) == (world.b.id, world.b.username)
    assert me_b_spoof["id"] == world.b.id


def test_b_reads_none_of_a_state(world: World) -> None:
    api, auth = world.api, world.b.auth
    with httpx.Client(timeout=30) as client:
        # A reads first, so any cache keyed without the caller would now serve A's answers to B.
        a_state = a_state_via_http(client, world)
        assert a_state["enrollment_status"] == "active"
        assert a_state["my_rating"] == A_RATING
        assert a_state["completed_at"] is not None
        assert a_state["time_spent"] == A_TIME_SPENT
        detail = client.get(f"{api}/courses/{world.course}", headers=auth, params={"user_id": world.a.id})
        content = client.get(f"{api}/courses/{world.course}/content", headers=auth)
        dashboard = client.get(f"{api}/dashboard", headers=auth, params={"user_id": world.a.id})
    assert detail.status_code == content.status_code == dashboard.status_code == 200
    assert detail.json()["enrollment_status"] is None
    assert detail.json()["my_rating"] is None
    assert detail.json()["enrollment_count"] >= 1, "public counts include A; only A's own fields are private"
    sections = [s for lesson in content.json()["lessons"] for s in lesson["sections"]]
    assert all(s["completed_at"] is None and s["time_spent_seconds"] == 0 for s in sections)
    assert [i for i in dashboard.json()["items"] if i["course_id"] == world.course] == []


@pytest.mark.parametrize("path", ["/me", "/dashboard", "/courses/{course}", "/courses/{course}/content"])
def test_a_etag_does_not_give_b_a_304(world: World, path: str) -> None:
    """A per-user validator is per user: B presenting A's ETag must get B's own 200, not A's 304."""
    with httpx.Client(timeout=30) as client:
        a_resp = call(client, world, "GET", path, None, headers=world.a.auth)
        etag = a_resp.headers.get("etag")
        assert etag, f"{path} answers with an ETag"
        again = call(client, world, "GET", path, None, headers={**world.a.auth, "If-None-Match": etag})
        assert again.status_code == 304, "sanity: A's own ETag revalidates"
        b_resp = call(client, world, "GET", path, None, headers={**world.b.auth, "If-None-Match": etag})
    assert b_resp.status_code == 200, f"B got {b_resp.status_code} for A's ETag on {path}"


@pytest.mark.parametrize("path", ["/me", "/dashboard", "/courses/{course}", "/courses/{course}/content"])
def test_per_user_answers_are_private_and_vary_on_authorization(world: World, path: str) -> None:
    """So no shared cache (a proxy, the client's disk cache) hands A's answer to B."""
    with httpx.Client(timeout=30) as client:
        response = call(client, world, "GET", path, None, headers=world.a.auth)
    assert response.status_code == 200
    cache_control = response.headers.get("cache-control", "").lower()
    assert "private" in cache_control or "no-store" in cache_control, cache_control
    assert "authorization" in response.headers.get("vary", "").lower()


def test_b_cannot_change_a_state(world: World) -> None:
    """B enrolls, unenrolls, posts progress and rates on the course and section A uses: A is untouched."""
    api, auth = world.api, world.b.auth
    with httpx.Client(timeout=30) as client:
        before_http = a_state_via_http(client, world)
        before_db = a_state_in_db(world)
        # Progress before enrolling: refused for B (not enrolled), whatever A's state is.
        early = client.put(
            f"{api}/progress/{world.other_section}",
            headers=auth,
            json={"completed_at": "2026-01-01T00:00:00Z", "time_spent_seconds": 50},
        )
        assert early.status_code in (403, 404, 409), early.text
        steps = [
            client.put(f"{api}/courses/{world.course}/enrollment", headers=auth, json={}),
            client.put(
                f"{api}/progress/{world.section}",
                headers=auth,
                params={"user_id": world.a.id},
                json={"time_spent_seconds": 77, "op_id": uuid.uuid4().hex},
            ),
            client.put(
                f"{api}/progress/{world.other_section}",
                headers=auth,
                json={"completed_at": "2026-01-01T00:00:00Z", "time_spent_seconds": 11},
            ),
            client.put(f"{api}/courses/{world.course}/rating", headers=auth, json={"rating": 1}),
            client.delete(
                f"{api}/courses/{world.course}/enrollment", headers=auth, params={"user_id": world.a.id}
            ),
        ]
        assert [r.status_code for r in steps] == [200] * len(steps), [r.text for r in steps]
        after_http = a_state_via_http(client, world)
        b_detail = client.get(f"{api}/courses/{world.course}", headers=auth).json()
        b_content = client.get(f"{api}/courses/{world.course}/content", headers=auth).json()
    assert after_http == before_http
    assert a_state_in_db(world) == before_db
    # ...and B's own writes landed on B.
    assert b_detail["my_rating"] == 1
    assert b_detail["enrollment_status"] in (None, "dropped")
    b_sections = {s["id"]: s for lesson in b_content["lessons"] for s in lesson["sections"]}
    assert b_sections[world.section]["time_spent_seconds"] == 77
    assert b_sections[world.other_section]["completed_at"] is not None
    # Restore B's rating influence is irrelevant to A; A's rating stays A's.
    b_rows = lrn.query(
        world.server.database_url,
        "SELECT user_id, rating FROM course_ratings WHERE course_id = :c ORDER BY user_id",
        {"c": world.course},
    )
    assert (world.a.id, A_RATING) in b_rows and (world.b.id, 1) in b_rows


def test_op_ids_are_per_learner(world: World) -> None:
    """B reusing an op id A already used (guessed, or copied from a shared device) is neither swallowed as a
    replay of A's write nor applied to A: op ids are scoped to the learner who sends them."""
    api = world.api
    op_id = f"shared-{uuid.uuid4().hex}"
    with httpx.Client(timeout=30) as client:
        assert (
            client.put(f"{api}/courses/{world.course}/enrollment", headers=world.b.auth, json={}).status_code
            == 200
        )
        body_a = {"time_spent_seconds": 13, "op_id": op_id}
        before_b = client.get(f"{api}/courses/{world.course}/content", headers=world.b.auth).json()
        before = a_state_via_http(client, world)
        first = client.put(f"{api}/progress/{world.other_section}", headers=world.a.auth, json=body_a)
        assert first.status_code == 200, first.text
        after_a = a_state_via_http(client, world)
        body_b = {"time_spent_seconds": 29, "op_id": op_id}
        second = client.put(f"{api}/progress/{world.other_section}", headers=world.b.auth, json=body_b)
        assert second.status_code == 200, second.text
        after_b = client.get(f"{api}/courses/{world.course}/content", headers=world.b.auth).json()
        final_a = a_state_via_http(client, world)

    def spent(content: dict[str, Any]) -> int:
        sections = {s["id"]: s for lesson in content["lessons"] for s in lesson["sections"]}
        return int(sections[world.other_section]["time_spent_seconds"])

    assert after_a == final_a, "B's write changed nothing of A's"
    assert spent(after_b) == spent(before_b) + 29, "B's write applied to B, not taken for A's replay"
    assert before["other_completed"] == final_a["other_completed"]


def test_quiz_attempts_belong_to_their_learner(world: World) -> None:
    """A's answers and scores: never in B's list, B's ETag, a shared cache or B's attempt numbers."""
    ((quiz,),) = lrn.query(world.server.database_url, "SELECT MIN(id) FROM sections WHERE type = 'quiz'")
    url = f"{world.api}/sections/{quiz}/attempts"
    with httpx.Client(timeout=30) as client:
        body = {"op_id": uuid.uuid4().hex, "answers": {"q4": "a secret answer of A"}}
        assert client.post(url, headers=world.a.auth, json=body).status_code == 200
        a_list = client.get(url, headers=world.a.auth)
        assert "a secret answer of A" in a_list.text
        assert (
            "private" in a_list.headers["cache-control"] and "authorization" in a_list.headers["vary"].lower()
        )
        b_list = client.get(
            url,
            headers={**world.b.auth, "If-None-Match": a_list.headers["etag"]},
            params={"user_id": world.a.id},
        )
        assert b_list.status_code == 200 and b_list.json()["attempts"] == []
        assert "a secret answer of A" not in b_list.text
        assert client.get(url).status_code == 401
        # B replaying A's op id makes B's own attempt 1; A's stays A's
        b_post = client.post(url, headers=world.b.auth, json=body)
        assert b_post.status_code == 200 and b_post.json()["attempt"] == 1
        assert len(client.get(url, headers=world.a.auth).json()["attempts"]) == 1
