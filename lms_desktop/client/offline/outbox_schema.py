"""The outbox file's tables: created on open, upgraded in place from older files (columns added, the kind
check widened for quiz attempts)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('enroll', 'unenroll', 'progress', 'rating', 'attempt')),
    course_id INTEGER NOT NULL,
    section_id INTEGER,
    payload BLOB NOT NULL,
    client_timestamp TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'needs_attention')),
    reason TEXT,
    label TEXT
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX IF NOT EXISTS outbox_user_state ON outbox (user_id, state, seq);
CREATE INDEX IF NOT EXISTS outbox_course ON outbox (user_id, course_id, seq);
"""


def _allow_attempts(conn: sqlite3.Connection) -> None:
    """Files written before quiz attempts were an operation: their kind CHECK lacks 'attempt'. SQLite
    cannot alter a CHECK, so the table is rebuilt with the same rows (seq and op ids kept) in one
    transaction; a crash midway leaves the old table whole."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").fetchone()
    sql = str(row[0]) if row else ""
    if "'attempt'" in sql or "'rating')" not in sql:
        return
    columns = ", ".join(str(r[1]) for r in conn.execute("PRAGMA table_info(outbox)"))
    rebuilt = sql.replace("'rating')", "'rating', 'attempt')", 1).replace("outbox", "outbox_new", 1)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(rebuilt)
        conn.execute(f"INSERT INTO outbox_new ({columns}) SELECT {columns} FROM outbox")
        conn.execute("DROP TABLE outbox")
        conn.execute("ALTER TABLE outbox_new RENAME TO outbox")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.executescript(_INDEXES)  # went with the old table (every open creates them too)


def connect_outbox(path: Path, synchronous: str) -> sqlite3.Connection:
    """Open the outbox file (WAL, `synchronous` FULL or OFF), creating or upgrading its tables; a file
    that fails its quick check raises, for the caller to move it aside."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(f"PRAGMA synchronous={synchronous}")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.executescript(_SCHEMA + _INDEXES)
        columns = {str(r[1]) for r in conn.execute("PRAGMA table_info(outbox)")}
        if "mergeable" not in columns:  # files from before callers could bring their own op ids
            conn.execute("ALTER TABLE outbox ADD COLUMN mergeable INTEGER NOT NULL DEFAULT 1")
        if "failures" not in columns:  # server failures in a row (offline attempts do not count)
            conn.execute("ALTER TABLE outbox ADD COLUMN failures INTEGER NOT NULL DEFAULT 0")
        _allow_attempts(conn)
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("quick_check failed")
    except BaseException:
        conn.close()
        raise
    with contextlib.suppress(OSError):
        path.chmod(0o600)
    return conn
