"""Daily upkeep of the database while the server runs: forgetting old op ids (`applied_ops`) and moving
the "Top rated" prior to the catalog's current mean rating (`db/rating_score.py`).

Runs half a minute after start (start-up, the desktop app's first screen, comes first) and then every
day, on the slow-work thread (it writes), in small transactions so no learner's write waits behind it for
long. A failure is logged and tried again the next day: upkeep never stops the server.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.http.state import ServerState

log = logging.getLogger("lms.server.housekeeping")

EVERY_SECONDS = 24 * 3600.0
FIRST_AFTER_SECONDS = 30.0
BATCH = 5_000


def prune_applied_ops(db: Database, retention: timedelta, *, now: datetime | None = None) -> int:
    """Every op id older than the retention, one batch per transaction; how many went."""
    from lms_desktop.server.db.queries.learner import prune_ops

    cutoff = (now or datetime.now(UTC)) - retention
    removed = 0
    while True:
        with db.write() as conn:
            gone = prune_ops(conn, cutoff, batch=BATCH)
        removed += gone
        if gone < BATCH:
            return removed


def refresh_rating_prior(db: Database) -> bool:
    """Rescore every rated course when the catalog's mean rating has moved; whether it had."""
    from lms_desktop.server.db import rating_score

    with db.write() as conn:
        return rating_score.refresh(conn)


async def run(st: ServerState, retention: timedelta, every_s: float | None = None) -> None:
    every_s = EVERY_SECONDS if every_s is None else every_s
    await asyncio.sleep(min(FIRST_AFTER_SECONDS, every_s))
    while True:
        try:
            removed = await st.slow(prune_applied_ops, st.db, retention)
            if removed:
                log.info("forgot %d op ids applied more than %d days ago", removed, retention.days)
            if await st.slow(refresh_rating_prior, st.db):
                log.info("rescored the courses against the catalog's new mean rating")
        except Exception as exc:  # the database is down or busy: the next round tries again
            log.warning("housekeeping failed (%s); next try in %.0f h", type(exc).__name__, every_s / 3600)
        await asyncio.sleep(every_s)
