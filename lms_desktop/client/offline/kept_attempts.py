"""Quiz attempts kept by the outbox until a sync sends them: which wait for a quiz, and their results.

A kept attempt is scored only when the server has it. `result(op_id)` waits for the sync that sends it
(registered with the syncer before anything awaits, so no run is missed) and gives the server's result,
or raises when the server refused it (it then waits among the changes that need the learner).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from lms_desktop.client.errors import ApiError
from lms_desktop.client.offline.ops import AttemptOp
from lms_desktop.client.offline.outbox import Outbox
from lms_desktop.client.offline.sync import Applied, NeedsAttention, Syncer
from lms_desktop.contract import AnswerValue, AttemptResult

REMEMBERED = 1000  # results of attempts sent by this run of the app, for views that ask after the sync


class KeptAttempts:
    def __init__(self, outbox: Outbox, syncer: Syncer, account: Callable[[], int | None]) -> None:
        self._outbox = outbox
        self._syncer = syncer
        self._account = account
        self._results: dict[str, AttemptResult] = {}

    def sent(self, op_id: str, result: AttemptResult) -> None:
        """A sync delivered it: keep the result for whoever asks a little later."""
        if len(self._results) >= REMEMBERED:
            self._results.clear()
        self._results[op_id] = result

    async def result(self, op_id: str) -> AttemptResult | None:
        """The result once scored; None when this client does not hold the attempt (sent by an earlier
        run of the app: the attempts list has it). Raises ApiError when the server refused it."""
        while True:
            known = self._results.get(op_id)
            if known is not None:
                return known
            uid = self._account()
            entries = self._outbox.entries(uid) if uid is not None else []
            entry = next((e for e in entries if e.op_id == op_id), None)
            if entry is None:
                return None
            if entry.state == "needs_attention" and entry.reason != "signed_out":
                raise ApiError(409, entry.last_error or "The server refused this attempt.")
            outcome = await self._syncer.outcome_of(op_id)  # a run that stops early answers Queued: wait on
            if isinstance(outcome, Applied):
                return cast(AttemptResult, outcome.value)
            if isinstance(outcome, NeedsAttention) and outcome.reason != "signed_out":
                raise ApiError(outcome.status or 409, outcome.detail)

    def waiting(self, section_id: int) -> list[tuple[str, dict[str, AnswerValue]]]:
        """(op id, answers) of the quiz's attempts still to be sent, oldest first."""
        uid = self._account()
        if uid is None:
            return []
        return [
            (e.op_id, e.op.answers)
            for e in self._outbox.entries(uid, "pending")
            if isinstance(e.op, AttemptOp) and e.op.section_id == section_id
        ]
