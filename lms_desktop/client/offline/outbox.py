"""A durable outbox of the learner's writes: SQLite in WAL mode with ``synchronous=FULL``.

Why SQLite with FULL: an entry is acknowledged to the learner only after its transaction is on disk, so a
SIGKILL or power cut at any moment loses nothing acknowledged. Why op ids: an entry is *claimed* (attempts
incremented, durably) before it is sent and deleted only after the server answered, so a crash between the two
replays it with the same op id, which the server applies at most once.

Entries are kept per user (a change made by one account is never sent with another's token) and replayed in
``seq`` order. An entry is ``pending`` until sent, or ``needs_attention`` when only the learner can resolve
it (signed out, course deleted, refused, or the server kept failing on it): then it is kept, shown, and
retried or discarded by the learner. An entry parked because the server kept failing (``server_error``)
holds back the later entries of its course (``next_pending``): the server never judged it, and what the
learner did next in that course may depend on it (an unenroll must not overtake the enroll before it,
progress must not arrive before the enroll it needs). Other courses' entries go on.

A damaged file is moved aside and every change SQLite can still read is brought back (``outbox_repair``);
``salvage`` says how many came back and how many could not.

Coalescing (see ``ops`` for the conflict rules) happens only where it provably changes nothing:

* a progress op is merged into the newest pending progress entry for the same section when that entry was
  never attempted (so no part of it can have reached the server) and no enroll/unenroll of the course lies
  between them (so the enrollment state each sees is the same): min(completed_at) and the sum of the deltas
  are exactly what the server would have computed from the two;
* a rating removes pending ratings of the same course with a strictly older client timestamp and no
  enroll/unenroll in between: under latest-timestamp-wins they can never be the final value.

Enroll/unenroll entries are never coalesced: progress entries between them depend on their order.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from lms_desktop.client.offline.local_db import open_or_move_aside
from lms_desktop.client.offline.ops import (
    AttemptOp,
    Op,
    ProgressOp,
    RatingOp,
    decode_op,
    encode_op,
    merge_progress,
    op_kind,
    validate_op,
)
from lms_desktop.client.offline.outbox_entry import (
    COLUMNS,
    HELD,
    AttentionReason,
    EntryState,
    OutboxCounts,
    OutboxEntry,
    parse_ts,
    row_to_entry,
    to_ts,
)
from lms_desktop.client.offline.outbox_repair import OutboxSalvage, restore_into
from lms_desktop.client.offline.outbox_schema import connect_outbox
from lms_desktop.client.writes import new_op_id

__all__ = ["AttentionReason", "EntryState", "Outbox", "OutboxCounts", "OutboxEntry", "new_op_id"]

log = logging.getLogger(__name__)


class Outbox:
    """The durable queue. Thread-safe; every method is one short transaction (a few ms with an fsync)."""

    def __init__(
        self, path: Path, *, clock: Callable[[], datetime] | None = None, durable: bool = True
    ) -> None:
        """`durable=False` skips the fsync per commit: only for tests that model thousands of writes."""
        self.path = path
        self._synchronous = "FULL" if durable else "OFF"
        self.recovered_from: Path | None = None  # set when a corrupt file was moved aside at open
        self.salvage: OutboxSalvage | None = None  # what came back from it
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.RLock()
        self._listeners: list[Callable[[], None]] = []
        self._conn, self.recovered_from = open_or_move_aside(path, self._connect, "outbox")
        if self.recovered_from is not None:
            with self._lock:
                self.salvage = restore_into(self._conn, self.recovered_from)

    def _connect(self) -> sqlite3.Connection:
        return connect_outbox(self.path, self._synchronous)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # ---- notifications ---------------------------------------------------------------------------

    def on_change(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call `callback` after every change (status bar counts). Returns an unsubscribe function."""
        self._listeners.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(callback)

        return unsubscribe

    def _changed(self) -> None:
        for callback in list(self._listeners):
            try:
                callback()
            except Exception:
                log.exception("outbox listener failed")

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # ---- adding ----------------------------------------------------------------------------------

    def add(
        self,
        user_id: int,
        op: Op,
        *,
        label: str | None = None,
        client_timestamp: datetime | None = None,
        coalesce: bool = True,
        op_id: str | None = None,
    ) -> OutboxEntry:
        """Queue one write; durable when this returns. Returns the entry that now carries the change
        (a merged entry when coalesced). A caller's own `op_id` is kept as the unit of replay: such an
        entry is never merged into or dropped by coalescing (the caller may have sent that id itself), and
        adding the same op id again returns the entry already queued."""
        validate_op(op)
        stamp = client_timestamp or self._clock()
        now = to_ts(self._clock())
        with self._write() as conn:
            seq: int | None = None
            if op_id is not None:
                row = conn.execute("SELECT seq FROM outbox WHERE op_id = ?", (op_id,)).fetchone()
                seq = None if row is None else int(row[0])
            elif coalesce:
                seq = self._coalesce(conn, user_id, op, stamp, label)
            if seq is None:
                cur = conn.execute(
                    "INSERT INTO outbox (op_id, user_id, kind, course_id, section_id, payload,"
                    " client_timestamp, created_at, label, mergeable) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        op_id or new_op_id(),
                        user_id,
                        op_kind(op),
                        op.course_id,
                        op.section_id if isinstance(op, ProgressOp | AttemptOp) else None,
                        encode_op(op),
                        to_ts(stamp),
                        now,
                        label,
                        int(op_id is None),
                    ),
                )
                seq = cur.lastrowid
            entry = row_to_entry(
                conn.execute(f"SELECT {COLUMNS} FROM outbox WHERE seq = ?", (seq,)).fetchone()
            )
        self._changed()
        return entry

    def _last_enrollment_seq(self, conn: sqlite3.Connection, user_id: int, course_id: int) -> int:
        row = conn.execute(
            "SELECT COALESCE(MAX(seq), 0) FROM outbox WHERE user_id = ? AND course_id = ?"
            " AND kind IN ('enroll', 'unenroll')",
            (user_id, course_id),
        ).fetchone()
        return int(row[0])

    def _coalesce(
        self, conn: sqlite3.Connection, user_id: int, op: Op, stamp: datetime, label: str | None
    ) -> int | None:
        """Apply the safe coalescing rules (module docstring). Returns the seq of a merged entry, if any."""
        if isinstance(op, ProgressOp):
            barrier = self._last_enrollment_seq(conn, user_id, op.course_id)
            row = conn.execute(
                "SELECT seq, payload, client_timestamp FROM outbox WHERE user_id = ? AND kind = 'progress'"
                " AND section_id = ? AND course_id = ? AND state = 'pending' AND attempts = 0"
                " AND mergeable = 1 AND seq > ?"
                " ORDER BY seq DESC LIMIT 1",
                (user_id, op.section_id, op.course_id, barrier),
            ).fetchone()
            if row is None:
                return None
            older = decode_op(row[1])
            assert isinstance(older, ProgressOp)
            merged = merge_progress(older, op)
            if merged is None:
                return None
            latest = max(parse_ts(str(row[2])), stamp)
            conn.execute(
                "UPDATE outbox SET payload = ?, client_timestamp = ?, label = COALESCE(?, label)"
                " WHERE seq = ?",
                (encode_op(merged), to_ts(latest), label, row[0]),
            )
            return int(row[0])
        if isinstance(op, RatingOp):
            barrier = self._last_enrollment_seq(conn, user_id, op.course_id)
            conn.execute(
                "DELETE FROM outbox WHERE user_id = ? AND kind = 'rating' AND course_id = ?"
                " AND state = 'pending' AND mergeable = 1 AND seq > ? AND client_timestamp < ?",
                (user_id, op.course_id, barrier, to_ts(stamp)),
            )
        return None

    # ---- reading ---------------------------------------------------------------------------------

    def entries(self, user_id: int, state: EntryState | None = None) -> list[OutboxEntry]:
        sql = f"SELECT {COLUMNS} FROM outbox WHERE user_id = ?"
        args: tuple[object, ...] = (user_id,)
        if state is not None:
            sql += " AND state = ?"
            args = (user_id, state)
        with self._lock:
            rows = self._conn.execute(sql + " ORDER BY seq", args).fetchall()
        return [row_to_entry(r) for r in rows]

    def get(self, seq: int) -> OutboxEntry | None:
        with self._lock:
            row = self._conn.execute(f"SELECT {COLUMNS} FROM outbox WHERE seq = ?", (seq,)).fetchone()
        return None if row is None else row_to_entry(row)

    def next_pending(self, user_id: int, after_seq: int = 0) -> OutboxEntry | None:
        """The next entry to send: pending, and not behind a ``server_error`` entry of its course."""
        with self._lock:
            row = self._conn.execute(
                f"SELECT {COLUMNS} FROM outbox o WHERE user_id = ? AND state = 'pending' AND seq > ?"
                f" AND NOT {HELD} ORDER BY seq LIMIT 1",
                (user_id, after_seq),
            ).fetchone()
        return None if row is None else row_to_entry(row)

    def held(self, user_id: int) -> list[OutboxEntry]:
        """Pending entries waiting behind a ``server_error`` entry of their course."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {COLUMNS} FROM outbox o WHERE user_id = ? AND state = 'pending' AND {HELD}"
                " ORDER BY seq",
                (user_id,),
            ).fetchall()
        return [row_to_entry(r) for r in rows]

    def counts(self, user_id: int) -> OutboxCounts:
        with self._lock:
            rows = self._conn.execute(
                "SELECT state, COUNT(*) FROM outbox WHERE user_id = ? GROUP BY state", (user_id,)
            ).fetchall()
        by_state = {str(s): int(n) for s, n in rows}
        return OutboxCounts(by_state.get("pending", 0), by_state.get("needs_attention", 0))

    def user_ids(self) -> list[int]:
        with self._lock:
            rows = self._conn.execute("SELECT DISTINCT user_id FROM outbox ORDER BY user_id").fetchall()
        return [int(r[0]) for r in rows]

    # ---- the sync's bookkeeping ------------------------------------------------------------------

    def claim(self, seq: int) -> OutboxEntry | None:
        """Mark a pending entry as being sent (attempts + 1, on disk) and return its current payload.

        Done before the request so that coalescing never folds new work into something that may already
        have reached the server. None if the entry is gone or no longer pending.
        """
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE outbox SET attempts = attempts + 1 WHERE seq = ? AND state = 'pending'", (seq,)
            )
            if cur.rowcount == 0:
                return None
            row = conn.execute(f"SELECT {COLUMNS} FROM outbox WHERE seq = ?", (seq,)).fetchone()
        return row_to_entry(row)

    def done(self, seq: int) -> None:
        """The server applied it: forget it."""
        with self._write() as conn:
            conn.execute("DELETE FROM outbox WHERE seq = ?", (seq,))
        self._changed()

    def record_error(self, seq: int, error: str) -> None:
        """No answer (offline): keep it pending, remember why."""
        with self._write() as conn:
            conn.execute("UPDATE outbox SET last_error = ? WHERE seq = ?", (error[:500], seq))
        self._changed()

    def record_failure(self, seq: int, error: str) -> int:
        """The server failed on it (5xx): keep it pending, remember why; the failures so far."""
        with self._write() as conn:
            conn.execute(
                "UPDATE outbox SET last_error = ?, failures = failures + 1 WHERE seq = ?", (error[:500], seq)
            )
            row = conn.execute("SELECT failures FROM outbox WHERE seq = ?", (seq,)).fetchone()
        self._changed()
        return 0 if row is None else int(row[0])

    def mark_attention(self, seq: int, reason: AttentionReason, error: str) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE outbox SET state = 'needs_attention', reason = ?, last_error = ? WHERE seq = ?",
                (reason, error[:500], seq),
            )
        self._changed()

    # ---- the learner's decisions -----------------------------------------------------------------

    def retry(self, seq: int) -> bool:
        """Put a needs-attention entry back in the queue (e.g. after enrolling again)."""
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE outbox SET state = 'pending', reason = NULL, failures = 0"
                " WHERE seq = ? AND state = 'needs_attention'",
                (seq,),
            )
        self._changed()
        return cur.rowcount > 0

    def resume(self, user_id: int, reason: AttentionReason) -> int:
        """Requeue every entry held for one reason (after signing in again: ``signed_out``)."""
        with self._write() as conn:
            cur = conn.execute(
                "UPDATE outbox SET state = 'pending', reason = NULL"
                " WHERE user_id = ? AND state = 'needs_attention' AND reason = ?",
                (user_id, reason),
            )
        self._changed()
        return cur.rowcount

    def discard(self, seq: int) -> bool:
        """The learner gives the change up."""
        with self._write() as conn:
            cur = conn.execute("DELETE FROM outbox WHERE seq = ?", (seq,))
        self._changed()
        return cur.rowcount > 0

    def discard_op(self, op_id: str) -> bool:
        with self._write() as conn:
            cur = conn.execute("DELETE FROM outbox WHERE op_id = ?", (op_id,))
        self._changed()
        return cur.rowcount > 0

    # ---- sync bookkeeping ------------------------------------------------------------------------

    def set_last_sync(self, user_id: int, when: datetime) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (f"last_sync:{user_id}", to_ts(when)),
            )
        self._changed()

    def last_sync(self, user_id: int) -> datetime | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT value FROM meta WHERE key = ?", (f"last_sync:{user_id}",)
            ).fetchone()
        return None if row is None else parse_ts(str(row[0]))
