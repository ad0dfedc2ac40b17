"""The outbox on its own: durable, ordered, per user, and coalescing only where the conflict rules allow."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms_desktop.client.offline.ops import EnrollOp, Op, ProgressOp, RatingOp, UnenrollOp
from lms_desktop.client.offline.outbox import Outbox

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    box = Outbox(tmp_path / "outbox.sqlite3")
    yield box
    box.close()


def test_survives_reopen_in_order(tmp_path: Path) -> None:
    path = tmp_path / "o.sqlite3"
    box = Outbox(path)
    a = box.add(1, EnrollOp(course_id=5), label="Rust", client_timestamp=at(0))
    b = box.add(1, ProgressOp(course_id=5, section_id=9, time_spent_seconds=30), client_timestamp=at(1))
    c = box.add(1, RatingOp(course_id=5, rating=4), client_timestamp=at(2))
    box.close()
    again = Outbox(path)
    entries = again.entries(1)
    assert [e.op_id for e in entries] == [a.op_id, b.op_id, c.op_id]
    assert [e.kind for e in entries] == ["enroll", "progress", "rating"]
    assert entries[1].op == ProgressOp(course_id=5, section_id=9, time_spent_seconds=30)
    assert entries[0].label == "Rust" and entries[0].client_timestamp == at(0)
    assert len({e.op_id for e in entries}) == 3 and all(len(e.op_id) == 32 for e in entries)
    assert again.counts(1).pending == 3
    again.close()


def test_wal_and_full_sync(outbox: Outbox) -> None:
    conn = sqlite3.connect(outbox.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert outbox._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_claim_done_and_users_are_separate(outbox: Outbox) -> None:
    mine = outbox.add(1, EnrollOp(course_id=1))
    theirs = outbox.add(2, EnrollOp(course_id=1))
    first = outbox.next_pending(1)
    assert first is not None and first.op_id == mine.op_id
    claimed = outbox.claim(first.seq)
    assert claimed is not None and claimed.attempts == 1
    outbox.done(first.seq)
    assert outbox.entries(1) == []
    assert [e.op_id for e in outbox.entries(2)] == [theirs.op_id]
    assert outbox.claim(first.seq) is None


def test_progress_coalesces_into_unsent_entry(outbox: Outbox) -> None:
    outbox.add(1, ProgressOp(course_id=3, section_id=7, time_spent_seconds=40), client_timestamp=at(0))
    outbox.add(1, ProgressOp(course_id=3, section_id=8, time_spent_seconds=5), client_timestamp=at(1))
    merged = outbox.add(
        1,
        ProgressOp(course_id=3, section_id=7, completed_at=at(2), time_spent_seconds=20),
        client_timestamp=at(2),
    )
    entries = outbox.entries(1)
    assert len(entries) == 2
    assert merged.seq == entries[0].seq
    assert entries[0].op == ProgressOp(course_id=3, section_id=7, completed_at=at(2), time_spent_seconds=60)
    assert entries[0].client_timestamp == at(2)


def test_progress_never_merges_into_a_claimed_entry(outbox: Outbox) -> None:
    first = outbox.add(1, ProgressOp(course_id=3, section_id=7, time_spent_seconds=40))
    assert outbox.claim(first.seq) is not None  # may already have reached the server
    outbox.add(1, ProgressOp(course_id=3, section_id=7, time_spent_seconds=20))
    assert [e.op for e in outbox.entries(1)] == [
        ProgressOp(course_id=3, section_id=7, time_spent_seconds=40),
        ProgressOp(course_id=3, section_id=7, time_spent_seconds=20),
    ]


def test_progress_never_merges_across_enrollment(outbox: Outbox) -> None:
    outbox.add(1, ProgressOp(course_id=3, section_id=7, time_spent_seconds=40))
    outbox.add(1, UnenrollOp(course_id=3))
    outbox.add(1, ProgressOp(course_id=3, section_id=7, time_spent_seconds=20))
    assert len(outbox.entries(1)) == 3


def test_progress_merge_respects_delta_bound(outbox: Outbox) -> None:
    outbox.add(1, ProgressOp(course_id=3, section_id=7, time_spent_seconds=50_000))
    outbox.add(1, ProgressOp(course_id=3, section_id=7, time_spent_seconds=50_000))
    assert len(outbox.entries(1)) == 2


def test_rating_drops_only_strictly_older_ratings(outbox: Outbox) -> None:
    outbox.add(1, RatingOp(course_id=3, rating=2), client_timestamp=at(0))
    outbox.add(1, RatingOp(course_id=4, rating=2), client_timestamp=at(0))
    outbox.add(1, RatingOp(course_id=3, rating=5), client_timestamp=at(5))
    outbox.add(1, RatingOp(course_id=3, rating=1), client_timestamp=at(5))  # a tie is kept
    ops = [e.op for e in outbox.entries(1)]
    assert ops == [
        RatingOp(course_id=4, rating=2),
        RatingOp(course_id=3, rating=5),
        RatingOp(course_id=3, rating=1),
    ]


def test_needs_attention_retry_resume_discard(outbox: Outbox) -> None:
    a = outbox.add(1, EnrollOp(course_id=1))
    b = outbox.add(1, EnrollOp(course_id=2))
    c = outbox.add(1, EnrollOp(course_id=3))
    outbox.mark_attention(a.seq, "gone", "404: course 1 not found")
    outbox.mark_attention(b.seq, "signed_out", "401: sign in")
    outbox.mark_attention(c.seq, "signed_out", "401: sign in")
    assert outbox.counts(1).needs_attention == 3 and outbox.counts(1).pending == 0
    parked = outbox.get(a.seq)
    assert parked is not None and parked.reason == "gone" and parked.last_error == "404: course 1 not found"
    assert outbox.resume(1, "signed_out") == 2
    assert outbox.counts(1).pending == 2
    assert outbox.retry(a.seq) is True
    assert outbox.discard(a.seq) is True
    assert [e.op_id for e in outbox.entries(1)] == [b.op_id, c.op_id]


def test_a_callers_op_id_is_kept_and_adding_it_again_is_a_no_op(outbox: Outbox) -> None:
    first = outbox.add(
        1, ProgressOp(course_id=3, section_id=7, time_spent_seconds=40), op_id="caller-op-0001"
    )
    again = outbox.add(
        1, ProgressOp(course_id=3, section_id=7, time_spent_seconds=40), op_id="caller-op-0001"
    )
    later = outbox.add(1, ProgressOp(course_id=3, section_id=7, time_spent_seconds=5))
    assert first.op_id == again.op_id == "caller-op-0001" and first.seq == again.seq
    assert later.seq != first.seq  # never merged into: the caller may have sent its op id already
    assert [e.op.time_spent_seconds for e in outbox.entries(1)] == [40, 5]  # type: ignore[union-attr]


def test_bad_ops_are_refused_at_once(outbox: Outbox) -> None:
    with pytest.raises(ValueError):
        outbox.add(1, RatingOp(course_id=1, rating=6))
    with pytest.raises(ValueError):
        outbox.add(1, ProgressOp(course_id=1, section_id=1, time_spent_seconds=-1))
    assert outbox.entries(1) == []


def test_listeners_and_last_sync(outbox: Outbox) -> None:
    calls: list[int] = []
    stop = outbox.on_change(lambda: calls.append(1))
    outbox.add(1, EnrollOp(course_id=1))
    outbox.set_last_sync(1, at(9))
    stop()
    outbox.add(1, EnrollOp(course_id=2))
    assert len(calls) == 2
    assert outbox.last_sync(1) == at(9) and outbox.last_sync(2) is None


def test_corrupt_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    box = Outbox(path)
    assert box.recovered_from is not None and box.recovered_from.exists()
    box.add(1, EnrollOp(course_id=1))
    assert box.counts(1).pending == 1
    box.close()


# ---- coalescing is invisible at the server: a model of the server's rules ----------------------


@dataclass
class ServerModel:
    """The conflict rules as the server applies them, including 409 for progress while not enrolled."""

    enrolled: dict[int, tuple[datetime, bool]] = field(default_factory=dict)
    rating: dict[int, tuple[datetime, int]] = field(default_factory=dict)
    completed: dict[int, datetime] = field(default_factory=dict)
    spent: dict[int, int] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)

    def apply(self, op_id: str, op: Op, ts: datetime) -> None:
        if op_id in self.seen:
            return
        self.seen.add(op_id)
        if isinstance(op, EnrollOp | UnenrollOp):
            if op.course_id not in self.enrolled or self.enrolled[op.course_id][0] <= ts:
                self.enrolled[op.course_id] = (ts, isinstance(op, EnrollOp))
        elif isinstance(op, RatingOp):
            if op.course_id not in self.rating or self.rating[op.course_id][0] <= ts:
                self.rating[op.course_id] = (ts, op.rating)
        else:
            if not self.enrolled.get(op.course_id, (ts, False))[1]:
                return  # 409 not enrolled
            if op.completed_at is not None:
                old = self.completed.get(op.section_id)
                self.completed[op.section_id] = op.completed_at if old is None else min(old, op.completed_at)
            self.spent[op.section_id] = self.spent.get(op.section_id, 0) + op.time_spent_seconds

    def state(self) -> tuple[object, ...]:
        return (
            {c: v for c, (_, v) in self.enrolled.items()},
            {c: v for c, (_, v) in self.rating.items()},
            self.completed,
            self.spent,
        )


_course = st.integers(1, 2)
_op = st.one_of(
    st.builds(
        ProgressOp,
        course_id=st.just(1),
        section_id=st.just(1),
        completed_at=st.none() | st.integers(0, 50).map(at),
        time_spent_seconds=st.integers(0, 40_000),
    ),
    st.builds(EnrollOp, course_id=_course),
    st.builds(UnenrollOp, course_id=_course),
    st.builds(RatingOp, course_id=_course, rating=st.integers(1, 5)),
    st.builds(
        ProgressOp,
        course_id=_course,
        section_id=st.integers(1, 2),
        completed_at=st.none() | st.integers(0, 50).map(at),
        time_spent_seconds=st.integers(0, 40_000),
    ),
)
# ("add", op, seconds on the learner's clock, which may go backwards), ("send", how many of the head), or
# ("crash", _): the head is claimed and reaches the server, but the app dies before it is marked done.
_step = st.one_of(
    st.tuples(st.just("add"), _op, st.integers(0, 20)),
    st.tuples(st.just("send"), st.none(), st.integers(1, 3)),
    st.tuples(st.just("crash"), st.none(), st.just(1)),
)
_users = itertools.count(1)


def _run(box: Outbox, steps: list[tuple[str, Op | None, int]], coalesce: bool) -> tuple[object, ...]:
    """Replays `steps` for a fresh user of `box` (one file per run would cost an open per example)."""
    uid = next(_users)
    server = ServerModel()
    # both courses start enrolled (so progress counts unless an unenroll intervenes)
    start: list[tuple[str, Op | None, int]] = [("add", EnrollOp(course_id=c), 0) for c in (1, 2)]
    for action, op, n in start + steps + [("send", None, 10_000)]:
        if action == "add":
            assert op is not None
            box.add(uid, op, client_timestamp=at(n), coalesce=coalesce)
            continue
        for _ in range(n):
            head = box.next_pending(uid)
            if head is None:
                break
            claimed = box.claim(head.seq)
            assert claimed is not None
            server.apply(claimed.op_id, claimed.op, claimed.client_timestamp)
            if action == "send":
                box.done(head.seq)
    return server.state()


@pytest.fixture(scope="module")
def model_boxes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Outbox, Outbox]]:
    tmp = tmp_path_factory.mktemp("model")
    boxes = (Outbox(tmp / "merged.sqlite3", durable=False), Outbox(tmp / "plain.sqlite3", durable=False))
    yield boxes
    for box in boxes:
        box.close()


@settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(_step, max_size=14))
def test_coalescing_keeps_the_server_state(
    model_boxes: tuple[Outbox, Outbox], steps: list[tuple[str, Op | None, int]]
) -> None:
    merged, plain = model_boxes
    assert _run(merged, steps, coalesce=True) == _run(plain, steps, coalesce=False)
