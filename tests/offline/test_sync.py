"""Outbox replay against the real server: learning offline, SIGKILL mid-sync, two machines, attention."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lms_desktop.client.offline.ops import AttemptOp, EnrollOp, ProgressOp, RatingOp, UnenrollOp
from lms_desktop.client.offline.outbox import Outbox
from lms_desktop.contract import AttemptList, CourseContent, CourseDetail
from lms_desktop.server.embedded import EmbeddedServer
from tests.fixtures.instrumented import InstrumentedServer
from tests.fixtures.quizzes import RIGHT, WRONG, make_quiz
from tests.fixtures.servers import new_learner
from tests.fixtures.waiting import poll_until
from tests.offline.stack import Machine, course_with_sections, get_json, past, section_list

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse"


def progress_of(content: CourseContent) -> dict[int, tuple[object, int]]:
    return {
        s.id: (s.completed_at, s.time_spent_seconds) for lesson in content.lessons for s in lesson.sections
    }


async def test_learn_offline_restart_and_sync(server: EmbeddedServer, tmp_path: Path) -> None:
    uid, _, token = new_learner(server)
    detail, content = course_with_sections(server.base_url, token)
    s1, s2, s3 = section_list(content)[:3]
    cid = detail.id
    server.stop()  # the train enters the tunnel

    machine = Machine.open(server.base_url, token, tmp_path)
    box = machine.outbox
    box.add(uid, EnrollOp(course_id=cid), client_timestamp=past(0))
    box.add(uid, ProgressOp(course_id=cid, section_id=s1, time_spent_seconds=100), client_timestamp=past(1))
    box.add(
        uid,
        ProgressOp(course_id=cid, section_id=s1, completed_at=past(2), time_spent_seconds=20),
        client_timestamp=past(2),
    )
    box.add(uid, ProgressOp(course_id=cid, section_id=s2, time_spent_seconds=45), client_timestamp=past(3))
    box.add(uid, RatingOp(course_id=cid, rating=2), client_timestamp=past(4))
    box.add(uid, RatingOp(course_id=cid, rating=4), client_timestamp=past(5))
    box.add(
        uid,
        ProgressOp(course_id=cid, section_id=s3, completed_at=past(6), time_spent_seconds=5),
        client_timestamp=past(6),
    )
    # coalesced: s1's two updates are one entry, the first rating was superseded
    assert [e.kind for e in box.entries(uid)] == ["enroll", "progress", "progress", "rating", "progress"]

    report = await machine.syncer.sync(uid)
    assert report.stopped == "offline" and report.sent == 0 and report.remaining == 5
    first = box.entries(uid)[0]
    assert first.attempts == 1 and first.last_error  # tried, failed on transport, kept

    server.start()  # same port: back in coverage
    server.reset_log()
    report = await machine.syncer.sync(uid)
    assert report.stopped is None and report.sent == 5 and report.remaining == 0
    assert box.entries(uid) == [] and box.last_sync(uid) is not None
    assert server.count("/progress", "PUT") == 3 and server.count("/courses", "PUT") == 2

    after = get_json(server.base_url, token, f"/courses/{cid}/content", CourseContent)
    state = progress_of(after)
    assert state[s1] == (past(2), 120)
    assert state[s2] == (None, 45)
    assert state[s3] == (past(6), 5)
    meta = get_json(server.base_url, token, f"/courses/{cid}", CourseDetail)
    assert meta.enrollment_status in ("active", "completed") and meta.my_rating == 4

    # a second sync has nothing to send and sends nothing
    server.reset_log()
    assert (await machine.syncer.sync(uid)).sent == 0
    assert server.count("") == 0
    await machine.close()


def _start_sync_process(server: EmbeddedServer, username: str, tmp: Path) -> subprocess.Popen[str]:
    """The app's client (with its offline layer) in a fresh process: it signs in and syncs its outbox."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.offline.sync_once",
            server.base_url,
            username,
            PASSWORD,
            str(tmp / "offline"),
            str(tmp / "cache"),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def test_sigkill_mid_sync_loses_nothing_and_applies_nothing_twice(
    server: EmbeddedServer, tmp_path: Path
) -> None:
    sigkill_scenario(server, tmp_path)


def sigkill_scenario(server: EmbeddedServer, tmp_path: Path) -> None:
    uid, username, token = new_learner(server, PASSWORD)
    detail, content = course_with_sections(server.base_url, token, minimum=4)
    sections = section_list(content)[:4]
    path = tmp_path / "offline" / "outbox.sqlite3"  # where the client keeps its outbox
    box = Outbox(path)
    box.add(uid, EnrollOp(course_id=detail.id), client_timestamp=past(0))
    assert server.database is not None
    quiz = make_quiz(server.database)
    deltas: dict[int, int] = dict.fromkeys(sections, 0)
    for i in range(16):  # distinct deltas, so any double count shows in the sums
        sid = sections[i % 4]
        delta = 7 + i * 13
        deltas[sid] += delta
        box.add(
            uid,
            ProgressOp(course_id=detail.id, section_id=sid, time_spent_seconds=delta),
            client_timestamp=past(1 + i),
            coalesce=False,
        )
        if i % 3 == 2:  # quiz attempts among them: five, each one attempt however often it is sent
            answers = RIGHT if i % 2 else WRONG
            box.add(uid, AttemptOp(course_id=quiz.course_id, section_id=quiz.section_id, answers=answers))
    total = len(box.entries(uid))
    box.close()

    server.set_delay(0.25)
    server.reset_log()
    proc = _start_sync_process(server, username, tmp_path)
    try:
        poll_until(lambda: server.count("/progress", "PUT") >= 5 or proc.poll() is not None, within_s=30)
        assert proc.poll() is None, "the sync finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    # the request the killed process left in flight finishes at the server
    poll_until(server.idle, within_s=30, what="the server answered the request left in flight")
    server.set_delay(0)

    box = Outbox(path)
    left = box.entries(uid)
    assert 0 < len(left) < total, "the kill must land in the middle of the sync"
    assert left[0].attempts == 1  # the entry in flight was claimed before it was sent
    sent_before = _writes(server)
    box.close()

    proc = _start_sync_process(server, username, tmp_path)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    box = Outbox(path)
    assert box.entries(uid) == []
    box.close()
    # the in-flight entry was sent twice (once by each process) and applied once
    assert _writes(server) == sent_before + len(left)
    state = progress_of(get_json(server.base_url, token, f"/courses/{detail.id}/content", CourseContent))
    assert {sid: state[sid][1] for sid in sections} == deltas
    attempts = get_json(server.base_url, token, f"/sections/{quiz.section_id}/attempts", AttemptList)
    assert [a.attempt for a in attempts.attempts] == [1, 2, 3, 4, 5]
    assert [a.score > 0 for a in attempts.attempts] == [False, True, False, True, False]


def _writes(server: EmbeddedServer) -> int:
    return (
        server.count("/progress", "PUT") + server.count("/courses", "PUT") + server.count("/sections", "POST")
    )


@pytest.mark.parametrize("order", ["a_first", "b_first"])
async def test_two_machines_of_one_learner_converge(
    server: EmbeddedServer, tmp_path: Path, order: str
) -> None:
    await converge_scenario(server, tmp_path, order)


async def converge_scenario(server: EmbeddedServer, tmp_path: Path, order: str) -> None:
    uid, _, token = new_learner(server)
    detail, content = course_with_sections(server.base_url, token, minimum=3)
    x = detail.id
    s1, s2, s3 = section_list(content)[:3]
    assert server.database is not None
    open_quiz, one_try = make_quiz(server.database), make_quiz(server.database, max_attempts=1)
    # y must not hold either quiz: a quiz attempt enrolls the learner (now), which would outvote the
    # unenroll this test expects to win
    page = get_json(server.base_url, token, "/courses?limit=10&sort=popular", dict)
    busy = {x, open_quiz.course_id, one_try.course_id}
    y = next(int(c["id"]) for c in page["items"] if c["id"] not in busy)
    laptop = Machine.open(server.base_url, token, tmp_path / "laptop")
    desktop = Machine.open(server.base_url, token, tmp_path / "desktop")
    server.stop()  # both learn offline

    a, b = laptop.outbox, desktop.outbox
    a.add(uid, EnrollOp(course_id=x), client_timestamp=past(1))
    a.add(
        uid,
        ProgressOp(course_id=x, section_id=s1, completed_at=past(10), time_spent_seconds=100),
        client_timestamp=past(10),
    )
    a.add(uid, ProgressOp(course_id=x, section_id=s2, time_spent_seconds=60), client_timestamp=past(11))
    a.add(uid, RatingOp(course_id=x, rating=2), client_timestamp=past(12))
    a.add(uid, EnrollOp(course_id=y), client_timestamp=past(3))
    a.add(uid, UnenrollOp(course_id=y), client_timestamp=past(30))  # the latest enrollment action: wins

    b.add(uid, EnrollOp(course_id=x), client_timestamp=past(2))
    b.add(
        uid,
        ProgressOp(course_id=x, section_id=s1, completed_at=past(5), time_spent_seconds=40),
        client_timestamp=past(5),
    )
    b.add(uid, RatingOp(course_id=x, rating=5), client_timestamp=past(15))  # the latest rating: wins
    b.add(
        uid,
        ProgressOp(course_id=x, section_id=s3, completed_at=past(16), time_spent_seconds=9),
        client_timestamp=past(16),
    )
    b.add(uid, EnrollOp(course_id=y), client_timestamp=past(25))
    for box, answers in ((a, RIGHT), (b, WRONG)):  # each machine takes both quizzes
        for quiz in (open_quiz, one_try):
            box.add(uid, AttemptOp(course_id=quiz.course_id, section_id=quiz.section_id, answers=answers))

    server.start()
    first, second = (laptop, desktop) if order == "a_first" else (desktop, laptop)
    assert (await first.syncer.sync(uid)).stopped is None
    assert (await second.syncer.sync(uid)).stopped is None
    # two attempts at the open quiz, one each; the one-try quiz took the first machine's, and the
    # second's waits for the learner with the server's reason
    both = get_json(server.base_url, token, f"/sections/{open_quiz.section_id}/attempts", AttemptList)
    assert [x.attempt for x in both.attempts] == [1, 2]
    once = get_json(server.base_url, token, f"/sections/{one_try.section_id}/attempts", AttemptList)
    assert len(once.attempts) == 1 and once.attempts_left == 0
    assert (once.attempts[0].score > 0) == (first is laptop)
    (parked,) = second.outbox.entries(uid, "needs_attention")
    assert parked.reason == "refused" and "no attempts left" in (parked.last_error or "")
    assert first.outbox.entries(uid) == []

    state = progress_of(get_json(server.base_url, token, f"/courses/{x}/content", CourseContent))
    assert state[s1] == (past(5), 140)  # earliest completion, both deltas once
    assert state[s2] == (None, 60)
    assert state[s3] == (past(16), 9)
    meta_x = get_json(server.base_url, token, f"/courses/{x}", CourseDetail)
    assert meta_x.my_rating == 5 and meta_x.enrollment_status in ("active", "completed")
    meta_y = get_json(server.base_url, token, f"/courses/{y}", CourseDetail)
    assert meta_y.enrollment_status is None
    await laptop.close()
    await desktop.close()


async def test_deleted_course_and_sign_out_need_attention(server: EmbeddedServer, tmp_path: Path) -> None:
    from lms_desktop.server.db.queries import authoring

    uid, username, token = new_learner(server)
    gone, gone_content = course_with_sections(server.base_url, token, minimum=1)
    page = get_json(server.base_url, token, "/courses?limit=10&sort=popular", dict)
    kept = next(int(c["id"]) for c in page["items"] if c["id"] != gone.id)
    machine = Machine.open(server.base_url, token, tmp_path)
    box = machine.outbox
    box.add(uid, EnrollOp(course_id=gone.id), label=gone.title, client_timestamp=past(0))
    box.add(
        uid, ProgressOp(course_id=gone.id, section_id=section_list(gone_content)[0], time_spent_seconds=30)
    )
    box.add(uid, EnrollOp(course_id=kept), client_timestamp=past(2))

    assert server.database is not None
    with server.database.write() as conn:  # the author deletes the course while the learner is offline
        authoring.delete_course(conn, gone.id)

    report = await machine.syncer.sync(uid)
    assert report.sent == 1 and report.parked == 2 and report.stopped is None
    parked = box.entries(uid, "needs_attention")
    assert [e.reason for e in parked] == ["gone", "gone"]
    assert parked[0].describe().startswith(f"Enroll in {gone.title}")
    assert "404" in (parked[0].last_error or "")
    assert machine.syncer.status(uid).needs_attention == 2
    # kept across a restart of the app, until the learner decides
    await machine.close()
    machine = Machine.open(server.base_url, token, tmp_path)
    box = machine.outbox
    assert len(box.entries(uid, "needs_attention")) == 2
    for entry in box.entries(uid, "needs_attention"):
        assert box.discard(entry.seq)
    assert box.counts(uid).needs_attention == 0

    # signed out: the entry is kept, the run stops, and signing in again sends it
    box.add(uid, RatingOp(course_id=kept, rating=3), client_timestamp=past(3))
    box.add(uid, EnrollOp(course_id=kept), client_timestamp=past(4))
    machine.token = "not-a-valid-token-at-all"
    report = await machine.syncer.sync(uid)
    assert report.stopped == "signed_out" and report.parked == 1 and report.remaining == 1
    assert box.entries(uid, "needs_attention")[0].reason == "signed_out"
    machine.token = server.token_for(username, "correct horse")
    assert box.resume(uid, "signed_out") == 1
    report = await machine.syncer.sync(uid)
    assert report.stopped is None and report.sent == 2
    assert get_json(server.base_url, token, f"/courses/{kept}", CourseDetail).my_rating == 3
    await machine.close()


# ---- the same on PostgreSQL: the server's op-id and conflict rules hold on both engines --------------


@pytest.fixture
def pg_server(pg_database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedServer]:
    server = InstrumentedServer(
        pg_database_url, data_dir=tmp_path_factory.mktemp("pg-offline"), seed_courses=12, seed_users=2, seed=5
    )
    with server:
        yield server


@pytest.mark.postgres
def test_sigkill_mid_sync_on_postgresql(pg_server: EmbeddedServer, tmp_path: Path) -> None:
    sigkill_scenario(pg_server, tmp_path)


@pytest.mark.postgres
async def test_two_machines_converge_on_postgresql(pg_server: EmbeddedServer, tmp_path: Path) -> None:
    await converge_scenario(pg_server, tmp_path, "b_first")
