"""Opening the offline store's small SQLite files: a corrupt file is kept aside, never a crash."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)


def open_or_move_aside(
    path: Path, connect: Callable[[], sqlite3.Connection], what: str
) -> tuple[sqlite3.Connection, Path | None]:
    """Connect to `path`; if it is unreadable, move it (and its WAL files) aside and start a new one.

    A corrupt outbox or manifest cannot be repaired, but the learner's data in it may still be recovered by
    hand, so it is kept next to the new file. Returns the connection and where the old file went, if anywhere.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        return connect(), None
    except sqlite3.DatabaseError as exc:
        aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
        log.warning("%s %s is unreadable (%s); moved to %s", what, path, exc, aside)
        for suffix in ("", "-wal", "-shm"):
            src = Path(f"{path}{suffix}")
            if src.exists():
                src.rename(Path(f"{aside}{suffix}"))
        return connect(), aside
