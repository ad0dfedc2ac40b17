"""Quizzes through HTTP on SQLite and PostgreSQL: grading of every kind, the key never on the wire,
replay and attempt limits under concurrency, the wall between learners, 4xx for bad answers."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from lms_desktop.contract import AttemptList, AttemptResult, Dashboard, Section, decoder
from lms_desktop.server.db import schema
from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.quizzes import KEY_MARKER, KEY_VALUES, RIGHT, SAMPLE_MAX, WRONG, QuizHandle, make_quiz
from tests.fixtures.servers import auth, new_learner

http = httpx.Client(timeout=30)
KEY_WORDS = ('"answer_key"', '"correct"', '"accepted"', '"tolerance"', '"partial"', KEY_MARKER, *KEY_VALUES)


def op() -> str:
    return uuid.uuid4().hex


def quiz(server: EmbeddedServer, **kwargs: Any) -> QuizHandle:
    assert server.database is not None
    return make_quiz(server.database, **kwargs)


def submit(
    server: EmbeddedServer, token: str, section_id: int, answers: dict[str, Any], op_id: str = ""
) -> httpx.Response:
    body = {"op_id": op_id or op(), "client_timestamp": "2026-01-02T03:04:05Z", "answers": answers}
    return http.post(f"{server.api_url}/sections/{section_id}/attempts", headers=auth(token), json=body)


def test_every_kind_graded_right_and_wrong(api_server: EmbeddedServer) -> None:
    q = quiz(api_server)
    _, _, token = new_learner(api_server)
    right = submit(api_server, token, q.section_id, RIGHT)
    assert right.status_code == 200, right.text
    r = decoder(AttemptResult).decode(right.content)
    assert (r.attempt, r.score, r.max_score) == (1, SAMPLE_MAX, SAMPLE_MAX)
    assert {k: v.correct for k, v in r.results.items()} == {
        "q-single": True,
        "q-multiple": True,
        "q-text": True,
        "q-numeric": True,
        "q-essay": None,
        "q-hotspot": None,
    }
    assert r.results["q-single"].points == 2.0 and r.results["q-essay"].points == 0.0
    assert r.results["q-single"].feedback_html == f"<p>{KEY_MARKER}right</p>"
    assert r.results["q-text"].feedback_html == "<p>Paris is the capital.</p>"

    wrong = decoder(AttemptResult).decode(submit(api_server, token, q.section_id, WRONG).content)
    assert (wrong.attempt, wrong.score, wrong.max_score) == (2, 0.0, SAMPLE_MAX)
    assert all(wrong.results[k].correct is False for k in ("q-single", "q-multiple", "q-text", "q-numeric"))
    assert wrong.results["q-single"].feedback_html == f"{KEY_MARKER}not-a\n<p>{KEY_MARKER}wrong</p>"

    empty = decoder(AttemptResult).decode(submit(api_server, token, q.section_id, {}).content)
    assert empty.score == 0.0 and empty.results["q-single"].correct is False


def test_text_numeric_and_partial_rules(api_server: EmbeddedServer) -> None:
    questions = [
        {
            "key": "exact",
            "kind": "text",
            "prompt_html": "",
            "choices": [],
            "feedback": {},
            "points": 1,
            "answer_key": {"accepted": [{"value": "Ada", "match": "exact"}]},
        },
        {
            "key": "regex",
            "kind": "text",
            "prompt_html": "",
            "choices": [],
            "feedback": {},
            "points": 1,
            "answer_key": {"accepted": [{"value": "colou?r", "match": "regex"}]},
        },
        {
            "key": "sub",
            "kind": "text",
            "prompt_html": "",
            "choices": [],
            "feedback": {},
            "points": 1,
            "answer_key": {"accepted": [{"value": "loop", "match": "substring"}]},
        },
        {
            "key": "evil",
            "kind": "text",
            "prompt_html": "",
            "choices": [],
            "feedback": {},
            "points": 1,
            "answer_key": {"accepted": [{"value": "(a+)+$b", "match": "regex"}]},
        },
        {
            "key": "pct",
            "kind": "numeric",
            "prompt_html": "",
            "choices": [],
            "feedback": {},
            "points": 1,
            "answer_key": {"answers": [{"value": 200, "tolerance": 5, "percent": True}]},
        },
        {
            "key": "part",
            "kind": "multiple",
            "prompt_html": "",
            "feedback": {},
            "points": 4,
            "choices": [{"id": x, "html": x} for x in "abcd"],
            "answer_key": {"correct": ["a", "b"], "partial": True},
        },
    ]
    q = quiz(api_server, questions=questions)
    _, _, token = new_learner(api_server)
    good = {
        "exact": "Ada",
        "regex": "color",
        "sub": "a for LOOP",
        "evil": "a" * 40,
        "pct": 209.5,
        "part": ["a", "c"],
    }
    r = decoder(AttemptResult).decode(submit(api_server, token, q.section_id, good).content)
    assert {k: v.correct for k, v in r.results.items()} == {
        "exact": True,
        "regex": True,
        "sub": True,
        "evil": False,
        "pct": True,
        "part": False,
    }
    assert r.results["part"].points == 0.0  # one right, one wrong: nothing
    bad = {"exact": "ada", "regex": "colour!", "sub": "lop", "pct": 211, "part": ["a"]}
    r = decoder(AttemptResult).decode(submit(api_server, token, q.section_id, bad).content)
    assert [r.results[k].correct for k in ("exact", "regex", "sub", "pct")] == [False] * 4
    assert r.results["part"].points == 2.0 and r.score == 2.0 and r.max_score == 9.0


def _scan(body: bytes, where: str) -> None:
    text = body.decode()
    for word in KEY_WORDS:
        assert word not in text, f"{word} in {where}: {text[:300]}"


def test_the_key_never_reaches_a_learner(api_server: EmbeddedServer) -> None:
    q = quiz(api_server)
    _, _, token = new_learner(api_server)
    api = api_server.api_url
    http.put(f"{api}/courses/{q.course_id}/enrollment", headers=auth(token))
    readable = {
        "section": http.get(f"{api}/sections/{q.section_id}"),
        "section signed in": http.get(f"{api}/sections/{q.section_id}", headers=auth(token)),
        "content": http.get(f"{api}/courses/{q.course_id}/content", headers=auth(token)),
        "course": http.get(f"{api}/courses/{q.course_id}", headers=auth(token)),
        "dashboard": http.get(f"{api}/dashboard", headers=auth(token)),
        "attempts": http.get(f"{api}/sections/{q.section_id}/attempts", headers=auth(token)),
        "openapi": http.get(f"{api_server.base_url}/openapi.json"),
    }
    for where, response in readable.items():
        assert response.status_code == 200, where
        if where != "openapi":  # the schema names fields like "correct" in results, never a key
            _scan(response.content, where)
    assert KEY_MARKER not in readable["openapi"].text
    section = decoder(Section).decode(readable["section"].content)
    assert section.quiz is not None and section.quiz.max_attempts is None
    assert [x.id for x in section.quiz.questions] == [
        "q-single",
        "q-multiple",
        "q-text",
        "q-numeric",
        "q-essay",
        "q-hotspot",
    ]
    assert [c.id for c in section.quiz.questions[0].choices] == ["a", "b", "c"]
    assert section.quiz.questions[0].points == 2.0 and section.quiz.questions[5].kind == "unsupported"


def test_replay_under_twenty_concurrent_identical_posts(api_server: EmbeddedServer) -> None:
    q = quiz(api_server)
    user_id, _, token = new_learner(api_server)
    body = {"op_id": op(), "client_timestamp": "2026-01-02T03:04:05Z", "answers": RIGHT}

    async def burst() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=api_server.api_url, headers=auth(token), timeout=60) as client:
            return await asyncio.gather(
                *(client.post(f"/sections/{q.section_id}/attempts", json=body) for _ in range(20))
            )

    answers = asyncio.run(burst())
    assert [a.status_code for a in answers] == [200] * 20
    assert len({a.content for a in answers}) == 1
    assert decoder(AttemptResult).decode(answers[0].content).attempt == 1
    assert _attempt_rows(api_server, user_id, q.section_id) == 1


def _attempt_rows(server: EmbeddedServer, user_id: int, section_id: int) -> int:
    assert server.database is not None
    a = schema.quiz_attempts.c
    with server.database.read() as conn:
        return int(
            conn.execute(
                sa.select(sa.func.count()).where(a.user_id == user_id, a.section_id == section_id)
            ).scalar_one()
        )


def test_max_attempts_hold_under_concurrency(api_server: EmbeddedServer) -> None:
    q = quiz(api_server, max_attempts=3)
    user_id, _, token = new_learner(api_server)

    async def burst() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=api_server.api_url, headers=auth(token), timeout=60) as client:
            return await asyncio.gather(
                *(
                    client.post(f"/sections/{q.section_id}/attempts", json={"op_id": op(), "answers": RIGHT})
                    for _ in range(12)
                )
            )

    answers = asyncio.run(burst())
    codes = sorted(a.status_code for a in answers)
    assert codes == [200] * 3 + [409] * 9
    assert {decoder(AttemptResult).decode(a.content).attempt for a in answers if a.status_code == 200} == {
        1,
        2,
        3,
    }
    assert "attempts" in next(a for a in answers if a.status_code == 409).json()["detail"]
    assert _attempt_rows(api_server, user_id, q.section_id) == 3
    listing = decoder(AttemptList).decode(
        http.get(f"{api_server.api_url}/sections/{q.section_id}/attempts", headers=auth(token)).content
    )
    assert listing.attempts_left == 0 and listing.max_attempts == 3 and len(listing.attempts) == 3


def test_a_replay_after_the_last_attempt_still_answers(api_server: EmbeddedServer) -> None:
    q = quiz(api_server, max_attempts=1)
    _, _, token = new_learner(api_server)
    first_op = op()
    first = submit(api_server, token, q.section_id, RIGHT, first_op)
    assert first.status_code == 200
    assert submit(api_server, token, q.section_id, RIGHT, first_op).content == first.content
    refused = submit(api_server, token, q.section_id, RIGHT)
    assert refused.status_code == 409


def test_attempts_list_completion_best_score_and_quiz_average(api_server: EmbeddedServer) -> None:
    q = quiz(api_server)
    _, _, token = new_learner(api_server)
    api = api_server.api_url
    submit(api_server, token, q.section_id, WRONG)
    submit(api_server, token, q.section_id, RIGHT)
    submit(api_server, token, q.section_id, {"q-single": "b"})
    listing = decoder(AttemptList).decode(
        http.get(f"{api}/sections/{q.section_id}/attempts", headers=auth(token)).content
    )
    assert [(a.attempt, a.score, a.best, a.latest) for a in listing.attempts] == [
        (1, 0.0, False, False),
        (2, SAMPLE_MAX, True, False),
        (3, 2.0, False, True),
    ]
    assert listing.attempts_left is None and listing.attempts[1].answers["q-text"] == " paris "
    content = http.get(f"{api}/courses/{q.course_id}/content", headers=auth(token)).json()
    row = next(s for lesson in content["lessons"] for s in lesson["sections"] if s["id"] == q.section_id)
    assert row["completed_at"] is not None  # enrolled by the first attempt, completed by it
    assert (row["best_score"], row["max_score"]) == (SAMPLE_MAX, SAMPLE_MAX)
    dashboard = decoder(Dashboard).decode(http.get(f"{api}/dashboard", headers=auth(token)).content)
    item = next(i for i in dashboard.items if i.course_id == q.course_id)
    assert item.quiz_average == 100.0
    anonymous = http.get(f"{api}/courses/{q.course_id}/content").json()
    row = next(s for lesson in anonymous["lessons"] for s in lesson["sections"] if s["id"] == q.section_id)
    assert row["best_score"] is None


def test_learners_never_see_each_others_attempts(api_server: EmbeddedServer) -> None:
    q = quiz(api_server)
    _, _, alice = new_learner(api_server)
    _, _, bob = new_learner(api_server)
    submit(api_server, alice, q.section_id, RIGHT)
    url = f"{api_server.api_url}/sections/{q.section_id}/attempts"
    mine = http.get(url, headers=auth(bob))
    assert mine.status_code == 200 and decoder(AttemptList).decode(mine.content).attempts == []
    assert "private" in mine.headers["cache-control"] and mine.headers["vary"] == "Authorization"
    assert http.get(url).status_code == 401
    theirs = http.get(url, headers=auth(alice))
    assert theirs.status_code == 200 and len(decoder(AttemptList).decode(theirs.content).attempts) == 1
    content = http.get(f"{api_server.api_url}/courses/{q.course_id}/content", headers=auth(bob)).json()
    row = next(s for lesson in content["lessons"] for s in lesson["sections"] if s["id"] == q.section_id)
    assert row["best_score"] is None
    # bob's first attempt is his number 1: alice's count is not his
    assert decoder(AttemptResult).decode(submit(api_server, bob, q.section_id, {}).content).attempt == 1


@pytest.mark.parametrize(
    "answers",
    [
        {"nope": "a"},
        {"q-single": "z"},
        {"q-single": ["b"]},
        {"q-multiple": "a"},
        {"q-multiple": ["a", "zz"]},
        {"q-text": 3},
        {"q-numeric": "3.14"},
        {"q-numeric": True},
        {"q-single": {"id": "b"}},
        {"q-hotspot": "x"},
    ],
)
def test_bad_answers_are_422_and_use_no_attempt(api_server: EmbeddedServer, answers: dict[str, Any]) -> None:
    q = quiz(api_server, max_attempts=1)
    user_id, _, token = new_learner(api_server)
    r = submit(api_server, token, q.section_id, answers)
    assert r.status_code == 422, r.text
    assert r.json()["detail"]
    assert _attempt_rows(api_server, user_id, q.section_id) == 0
    assert submit(api_server, token, q.section_id, RIGHT).status_code == 200


def test_other_refusals(api_server: EmbeddedServer) -> None:
    q = quiz(api_server)
    _, _, token = new_learner(api_server)
    api = api_server.api_url
    assert (
        http.post(f"{api}/sections/{q.section_id}/attempts", json={"op_id": op(), "answers": {}}).status_code
        == 401
    )
    r = http.post(f"{api}/sections/{q.section_id}/attempts", headers=auth(token), json={"answers": {}})
    assert r.status_code == 400  # no op_id
    r = http.post(
        f"{api}/sections/{q.section_id}/attempts", headers=auth(token), json={"op_id": "x", "answers": {}}
    )
    assert r.status_code == 400  # an op id too short
    text_section = http.get(f"{api}/courses/{q.course_id}/content").json()["lessons"][0]["sections"][0]
    if text_section["type"] != "quiz":
        assert submit(api_server, token, text_section["id"], {}).status_code == 404
    assert submit(api_server, token, 2_000_000_000, {}).status_code == 404
    used = op()
    assert submit(api_server, token, q.section_id, {}, used).status_code == 200
    other = quiz(api_server)
    assert submit(api_server, token, other.section_id, {}, used).status_code == 409


def test_racing_transactions_never_exceed_max_attempts(api_server: EmbeddedServer) -> None:
    """Below HTTP (one process serialises its writes on one thread): twelve transactions at once, as
    several server processes would run them, on both engines."""
    from concurrent.futures import ThreadPoolExecutor

    from lms_desktop.contract import AttemptRequest
    from lms_desktop.server.db.errors import Conflict
    from lms_desktop.server.db.writer import RETRIES, RETRY_SQLSTATES
    from lms_desktop.server.quiz import attempts

    q = quiz(api_server, max_attempts=4)
    user_id, _, _ = new_learner(api_server)
    db = api_server.database
    assert db is not None
    same = op()

    def one(i: int) -> str:
        request = AttemptRequest(op_id=same if i % 3 == 0 else op(), answers={"q-single": "b"})
        # as the server's writer does, a deadlock victim runs again; a lock timeout (55P03, a busy machine)
        # is a 503 with Retry-After to the app, which sends the attempt again: both are retried here
        again = {*RETRY_SQLSTATES, "55P03"}
        for attempt in range(2 * RETRIES + 1):
            try:
                with db.write() as conn:
                    result = attempts.submit(conn, user_id, q.section_id, request)
            except Conflict:
                return "409"
            except sa.exc.OperationalError as exc:
                if getattr(exc.orig, "sqlstate", None) not in again or attempt == 2 * RETRIES:
                    raise
                continue
            assert result is not None
            return f"#{result.attempt}"
        raise AssertionError("unreachable")

    with ThreadPoolExecutor(max_workers=12) as pool:
        outcomes = list(pool.map(one, range(12)))
    assert _attempt_rows(api_server, user_id, q.section_id) == 4
    numbers = {o for o in outcomes if o.startswith("#")}
    assert numbers == {"#1", "#2", "#3", "#4"}
    assert outcomes.count("409") == 12 - sum(1 for o in outcomes if o.startswith("#"))
