"""Bringing the learner's changes back from a damaged outbox file.

The damaged file is kept aside (``local_db``); every row SQLite can still read (``salvage``) that is a
well-formed change is copied into the new outbox with its own ``seq`` (so the order is kept) and ``op_id`` (so
a change that did reach the server before the damage is applied there once). The learner is told how many
could not be saved: rows known to exist but unreadable, plus readable rows that are not a valid change.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from lms_desktop.client.offline.ops import AttemptOp, ProgressOp, decode_op, encode_op, op_kind
from lms_desktop.client.offline.salvage import salvage_table

log = logging.getLogger(__name__)

_INSERT = (
    "INSERT OR IGNORE INTO outbox (seq, op_id, user_id, kind, course_id, section_id, payload,"
    " client_timestamp, created_at, attempts, last_error, state, reason, label, mergeable, failures)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class OutboxSalvage:
    """The outbox was damaged: it was moved to `moved_to`, `saved` changes were brought back, and `lost`
    could not be (None: the file was unreadable as a whole, so how many it held is unknown)."""

    moved_to: Path
    saved: int
    lost: int | None


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _row(seq: int, v: dict[str, Any]) -> tuple[Any, ...] | None:
    """The row to insert, or None when what was read is not a well-formed change."""
    try:
        op = decode_op(v["payload"])
        if op_kind(op) != v["kind"] or op.course_id != int(v["course_id"]):
            return None
        stamp, created = str(v["client_timestamp"]), str(v["created_at"])
        datetime.fromisoformat(stamp)
        datetime.fromisoformat(created)
        state = v.get("state") or "pending"
        if state not in ("pending", "needs_attention"):
            return None
        return (
            seq,
            str(v["op_id"]),
            int(v["user_id"]),
            op_kind(op),
            op.course_id,
            op.section_id if isinstance(op, ProgressOp | AttemptOp) else None,
            encode_op(op),
            stamp,
            created,
            int(v.get("attempts") or 0),
            _text(v.get("last_error")),
            state,
            _text(v.get("reason")),
            _text(v.get("label")),
            int(v.get("mergeable", 1) or 0),
            int(v.get("failures") or 0),
        )
    except (KeyError, TypeError, ValueError):  # msgspec's decode errors are ValueErrors
        return None


def restore_into(conn: sqlite3.Connection, damaged: Path) -> OutboxSalvage:
    """Copy what can be read from `damaged` into the (new, empty) outbox behind `conn`, in one transaction."""
    found = salvage_table(damaged, "outbox")
    meta = salvage_table(damaged, "meta")
    saved = invalid = 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for seq, values in sorted(found.rows.items()):
            row = _row(seq, dict(zip(found.columns, values, strict=True)))
            if row is None or conn.execute(_INSERT, row).rowcount == 0:
                invalid += 1
            else:
                saved += 1
        for values in meta.rows.values():
            item = dict(zip(meta.columns, values, strict=True))
            if isinstance(item.get("key"), str) and isinstance(item.get("value"), str):
                conn.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (item["key"], item["value"])
                )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    lost = None if found.unreadable is None else found.unreadable + invalid
    log.warning("outbox salvage from %s: %d changes saved, %s lost", damaged, saved, lost)
    return OutboxSalvage(damaged, saved, lost)
