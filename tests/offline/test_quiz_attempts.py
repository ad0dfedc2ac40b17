"""Quiz attempts through the app's client: online they are scored at once; offline they wait in the
outbox, survive a restart, and are scored once at sync; a refusal at sync waits for the learner."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from lms_desktop.client import ApiError
from lms_desktop.server.db import schema
from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.quizzes import RIGHT, SAMPLE_MAX, make_quiz
from tests.fixtures.servers import auth, new_learner
from tests.fixtures.waiting import until
from tests.offline.test_offline_client import PASSWORD, make_client


def attempt_rows(server: EmbeddedServer, user_id: int, section_id: int) -> list[tuple[int, float]]:
    assert server.database is not None
    a = schema.quiz_attempts.c
    with server.database.read() as conn:
        found = conn.execute(
            sa.select(a.attempt_no, a.score)
            .where(a.user_id == user_id, a.section_id == section_id)
            .order_by(a.attempt_no)
        ).all()
    return [(int(n), float(s)) for n, s in found]


async def test_online_attempt_is_scored_at_once(server: EmbeddedServer, tmp_path: Path) -> None:
    assert server.database is not None
    quiz = make_quiz(server.database)
    uid, username, _ = new_learner(server, PASSWORD)
    client = make_client(server, tmp_path)
    await client.sign_in(username, PASSWORD)
    result = await client.submit_attempt(quiz.section_id, RIGHT, course_id=quiz.course_id)
    assert result is not None and result.score == SAMPLE_MAX and result.attempt == 1
    listing = (await client.attempts(quiz.section_id)).value
    assert [a.attempt for a in listing.attempts] == [1] and listing.attempts[0].best
    assert client.offline.offline_status().pending == 0
    with pytest.raises(ApiError) as bad:  # refused at once: rolled back, nothing kept
        await client.submit_attempt(quiz.section_id, {"q-single": "nope"}, course_id=quiz.course_id)
    assert bad.value.status == 422 and client.offline.offline_status().pending == 0
    assert attempt_rows(server, uid, quiz.section_id) == [(1, SAMPLE_MAX)]
    await client.aclose()


async def test_offline_attempt_restart_sync_exactly_one_scored_attempt(
    server: EmbeddedServer, tmp_path: Path
) -> None:
    assert server.database is not None
    quiz = make_quiz(server.database)
    uid, username, _ = new_learner(server, PASSWORD)
    client = make_client(server, tmp_path)
    await client.sign_in(username, PASSWORD)
    section = (await client.section(quiz.section_id)).value
    assert section.quiz is not None
    await client.content(quiz.course_id)
    server.stop()
    op_id = uuid.uuid4().hex
    assert await client.submit_attempt(quiz.section_id, RIGHT, op_id=op_id) is None  # kept: offline
    assert client.pending_attempts(quiz.section_id) == [(op_id, RIGHT)]
    assert client.offline.offline_status().pending == 1
    content = (await client.content(quiz.course_id)).value  # the quiz shows done before the server knows
    done = {s.id: s.completed_at for lesson in content.lessons for s in lesson.sections}
    assert done[quiz.section_id] is not None
    await client.aclose()  # the app quits on the train

    server.start()
    server.reset_log()
    client = make_client(server, tmp_path)
    await client.sign_in(username, PASSWORD)  # signing in syncs what waits
    result = await client.attempt_result(op_id)
    if result is None:  # the sync ran before we asked: the attempts list has it
        await until(lambda: client.offline.offline_status().pending == 0, within_s=15)
    else:
        assert result.score == SAMPLE_MAX and result.attempt == 1
    await client.settle()
    assert attempt_rows(server, uid, quiz.section_id) == [(1, SAMPLE_MAX)]
    assert server.count(f"/sections/{quiz.section_id}/attempts", "POST") == 1
    listing = (await client.attempts(quiz.section_id, swr=False)).value
    assert [(a.attempt, a.score, a.latest) for a in listing.attempts] == [(1, SAMPLE_MAX, True)]
    await client.aclose()


async def test_result_appears_in_place_after_sync(server: EmbeddedServer, tmp_path: Path) -> None:
    assert server.database is not None
    quiz = make_quiz(server.database)
    _, username, _ = new_learner(server, PASSWORD)
    client = make_client(server, tmp_path)
    await client.sign_in(username, PASSWORD)
    await client.section(quiz.section_id)
    server.stop()
    op_id = uuid.uuid4().hex
    assert await client.submit_attempt(quiz.section_id, RIGHT, op_id=op_id) is None
    waiting = asyncio.ensure_future(client.attempt_result(op_id))
    await asyncio.sleep(0)  # one turn of the loop: the waiter runs up to its wait
    assert not waiting.done()
    server.start()  # the connectivity probe notices, the sync sends it, the waiter gets the result
    result = await asyncio.wait_for(waiting, 20)
    assert result is not None and result.score == SAMPLE_MAX
    await client.aclose()


async def test_attempt_refused_at_sync_needs_attention(server: EmbeddedServer, tmp_path: Path) -> None:
    import httpx

    assert server.database is not None
    quiz = make_quiz(server.database, max_attempts=1)
    uid, username, token = new_learner(server, PASSWORD)
    client = make_client(server, tmp_path)
    await client.sign_in(username, PASSWORD)
    await client.section(quiz.section_id)
    # the learner uses the only attempt on another machine; this one has not heard of it
    other = await asyncio.to_thread(
        httpx.post,
        f"{server.api_url}/sections/{quiz.section_id}/attempts",
        headers=auth(token),
        json={"op_id": uuid.uuid4().hex, "answers": {}},
    )
    assert other.status_code == 200
    server.stop()
    op_id = uuid.uuid4().hex
    assert await client.submit_attempt(quiz.section_id, RIGHT, op_id=op_id) is None
    server.start()
    with pytest.raises(ApiError) as refused:
        await client.attempt_result(op_id)
    assert "attempts" in refused.value.detail
    await until(lambda: client.offline.offline_status().needs_attention == 1, within_s=15)
    (parked,) = client.offline.attention_changes()
    assert parked.reason == "refused" and parked.op_id == op_id
    assert parked.describe().startswith("Quiz attempt in")
    assert "no attempts left" in (parked.last_error or "")
    assert attempt_rows(server, uid, quiz.section_id) == [(1, 0.0)]
    await client.aclose()


def test_an_outbox_from_before_attempts_takes_them_and_keeps_its_entries(tmp_path: Path) -> None:
    """Files made before attempts were an operation have a CHECK without 'attempt': rebuilt at open."""
    import sqlite3

    from lms_desktop.client.offline.ops import AttemptOp, RatingOp
    from lms_desktop.client.offline.outbox import Outbox

    path = tmp_path / "outbox.sqlite3"
    box = Outbox(path)
    kept = box.add(7, RatingOp(course_id=3, rating=4))
    box.close()
    conn = sqlite3.connect(path, isolation_level=None)
    old_sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'outbox'").fetchone()[0]
    columns = ", ".join(r[1] for r in conn.execute("PRAGMA table_info(outbox)"))
    conn.executescript(
        "BEGIN; ALTER TABLE outbox RENAME TO outbox_x; "
        + old_sql.replace("'rating', 'attempt')", "'rating')")
        + f"; INSERT INTO outbox ({columns}) SELECT {columns} FROM outbox_x; DROP TABLE outbox_x; COMMIT;"
    )
    with pytest.raises(sqlite3.IntegrityError):  # the old file refuses the new kind
        conn.execute(
            "INSERT INTO outbox (op_id, user_id, kind, course_id, payload, client_timestamp, created_at)"
            " VALUES ('x', 7, 'attempt', 3, x'00', 't', 't')"
        )
    conn.close()

    box = Outbox(path)
    added = box.add(7, AttemptOp(course_id=3, section_id=9, answers={"q": "a"}), op_id="attempt-op-1")
    assert [(e.seq, e.op_id, e.kind) for e in box.entries(7)] == [
        (kept.seq, kept.op_id, "rating"),
        (added.seq, "attempt-op-1", "attempt"),
    ]
    assert added.seq > kept.seq
    box.close()
