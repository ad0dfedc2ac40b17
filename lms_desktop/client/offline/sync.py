"""Replaying the outbox to the server: in order, idempotently, stopping at the first sign of no network.

Why strictly in order: a progress entry may depend on the enroll before it, and the learner's intent is
the sequence they made. Why stop on a transport error instead of skipping: a later entry must not overtake an
earlier one. Why needs-attention instead of dropping: a 401 (signed out) or 404 (course deleted or
unpublished while offline) is the learner's to resolve; the change is kept, shown, and can be retried or
discarded. A 401 also stops the run (every later entry would fail the same way); a 404 or other refusal
only parks that entry and the run goes on.

A server failure (5xx, or an answer the client refused: too large, too slow) also stops the run, to be
retried with backoff (the caller schedules the next run), since it usually passes and order is kept. But a
change the server fails on every time must not block every later one: after ``MAX_SERVER_FAILURES`` runs
that failed on it, it is parked as needs-attention (``server_error``) and the run goes on. Later changes
of the *same course* wait behind it (``Outbox.next_pending``): the server never judged it, and what follows
may depend on it (an unenroll must not overtake its enroll, progress needs the enroll before it). When the
learner retries it (or the server heals and they press Retry) it is sent first, then the ones behind it; if
they discard it, the ones behind it go on. Refused and gone entries hold nothing back: the server did judge
them, and what follows is judged on its own. Losing the network is not a server failure and never counts.

Replay safety: an entry is claimed (attempts + 1 on disk) before it is sent and deleted after the answer;
a crash in between resends it with the same op id, which the server applies once (see ``ops``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, Protocol

import httpx

from lms_desktop.client.errors import describe_error, status_of
from lms_desktop.client.offline.outbox import AttentionReason, Outbox, OutboxEntry

log = logging.getLogger(__name__)

Failure = Literal["offline", "signed_out", "gone", "refused", "transient"]
MAX_SERVER_FAILURES = 5  # runs failing on one change before it is parked (with the app's backoff: ~30 s)


class Sender(Protocol):
    """Sends one outbox entry (with its op_id and client timestamp) and returns the server's answer."""

    async def send(self, entry: OutboxEntry) -> object: ...


def classify(exc: BaseException) -> Failure:
    """What a failed send means for the entry. Duck-typed on ``status`` so any client error fits."""
    status = status_of(exc)
    if status is None:
        name = type(exc).__name__
        if isinstance(exc, httpx.TransportError | OSError | TimeoutError) or name in (
            "OfflineError",
            "TransportFailure",
        ):
            return "offline"
        return "transient"
    if status == 401:
        return "signed_out"
    if status in (404, 410):
        return "gone"
    if status in (408, 425, 429) or status >= 500:
        return "transient"
    return "refused"


_REASON: dict[Failure, AttentionReason] = {
    "signed_out": "signed_out",
    "gone": "gone",
    "refused": "refused",
    "transient": "server_error",
}


@dataclass(frozen=True)
class Applied:
    """The server applied the change; `value` is its answer (Enrollment, Progress, CourseRating)."""

    value: object


@dataclass(frozen=True)
class Queued:
    """Not sent yet (offline, server error, or signed out): it stays in the outbox and syncs later."""

    reason: str


@dataclass(frozen=True)
class NeedsAttention:
    """Parked for the learner: `error` is the line to show, `status`/`detail` the server's answer."""

    reason: AttentionReason
    error: str
    status: int | None = None
    detail: str = ""


Outcome = Applied | Queued | NeedsAttention


@dataclass(frozen=True)
class SyncReport:
    sent: int
    parked: int  # entries moved to needs-attention in this run
    remaining: int  # entries still pending after the run
    stopped: Failure | None  # None: the queue was drained


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows."""

    pending: int
    needs_attention: int
    last_sync: datetime | None
    syncing: bool
    last_error: str | None


class Syncer:
    """One sync at a time per process (an asyncio lock); entries added during a run are sent in it too."""

    def __init__(
        self,
        outbox: Outbox,
        sender: Sender,
        *,
        clock: Callable[[], datetime] | None = None,
        on_start: Callable[[], None] | None = None,
        max_failures: int = MAX_SERVER_FAILURES,
    ) -> None:
        """`on_start`: called when a run begins (the status bar shows "Syncing…"). `max_failures`: server
        failures on one change before it is parked."""
        self.outbox = outbox
        self.max_failures = max(1, max_failures)
        self._on_start = on_start
        self.sender = sender
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = asyncio.Lock()
        self._waiters: dict[str, list[asyncio.Future[Outcome]]] = {}
        self._syncing = False
        self.last_error: str | None = None
        self.last_report: SyncReport | None = None

    @property
    def syncing(self) -> bool:
        return self._syncing

    def status(self, user_id: int) -> SyncStatus:
        counts = self.outbox.counts(user_id)
        return SyncStatus(
            pending=counts.pending,
            needs_attention=counts.needs_attention,
            last_sync=self.outbox.last_sync(user_id),
            syncing=self._syncing,
            last_error=self.last_error,
        )

    def outcome_of(self, op_id: str) -> asyncio.Future[Outcome]:
        """A future resolved when the entry with this op id is applied, parked or left queued by a run."""
        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(op_id, []).append(future)
        return future

    def _resolve(self, op_id: str, outcome: Outcome) -> None:
        for future in self._waiters.pop(op_id, []):
            if not future.done():
                future.set_result(outcome)

    async def sync(self, user_id: int) -> SyncReport:
        async with self._lock:
            self._syncing = True
            if self._on_start is not None:
                try:
                    self._on_start()
                except Exception:
                    log.exception("sync start listener failed")
            stopped: str | None = "failed"
            try:
                report = await self._run(user_id)
                stopped = report.stopped
            finally:
                self._syncing = False
                if stopped is not None:
                    # The run ended early: whoever waits was not reached and stays queued. (A drained run
                    # leaves waiters for entries queued after its last look; the next run answers them.)
                    for op_id in list(self._waiters):
                        self._resolve(op_id, Queued(stopped))
            return report

    def _failed(self, entry: OutboxEntry, exc: Exception) -> tuple[bool, Failure | None]:
        """Record a failed send: (parked?, why the run stops or None to go on)."""
        failure = classify(exc)
        message = describe_error(exc, with_status=True)
        if failure == "transient":
            log.warning("sync of %s failed: %s", entry.op_id, message, exc_info=exc)
            if self.outbox.record_failure(entry.seq, message) < self.max_failures:
                self.last_error = message
                return False, failure
        elif failure == "offline":
            self.outbox.record_error(entry.seq, message)
            self.last_error = message
            return False, failure
        reason = _REASON[failure]
        self.outbox.mark_attention(entry.seq, reason, message)
        detail = getattr(exc, "detail", None)
        self._resolve(
            entry.op_id, NeedsAttention(reason, message, status_of(exc), str(detail) if detail else message)
        )
        if failure == "signed_out":
            self.last_error = message
            return True, failure
        return True, None

    async def _run(self, user_id: int) -> SyncReport:
        sent = parked = 0
        stopped: Failure | None = None
        after = 0
        while True:
            nxt = self.outbox.next_pending(user_id, after)
            if nxt is None:
                break
            entry = self.outbox.claim(nxt.seq)
            if entry is None:  # discarded or parked meanwhile
                after = nxt.seq
                continue
            try:
                value = await self.sender.send(entry)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                was_parked, stop = self._failed(entry, exc)
                parked += was_parked
                after = entry.seq
                if stop is not None:
                    stopped = stop
                    break
                continue
            self.outbox.done(entry.seq)
            self._resolve(entry.op_id, Applied(value))
            sent += 1
            after = entry.seq
        for held in self.outbox.held(user_id):  # their callers learn now that they wait
            self._resolve(held.op_id, Queued("waiting behind a change that needs attention"))
        if stopped is None:
            self.last_error = None
            self.outbox.set_last_sync(user_id, self._clock())
        report = SyncReport(
            sent=sent, parked=parked, remaining=self.outbox.counts(user_id).pending, stopped=stopped
        )
        self.last_report = report
        return report
