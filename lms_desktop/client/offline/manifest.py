"""The list of downloaded courses and which pinned entries belong to each.

The bodies themselves live in the download store (``store.py``), apart from the evictable cache. This
manifest remembers, per account (the client's cache partition: server + user) and course, every pinned key
with its size, the course's state ("partial" until every item is in, "gone" when the server no longer shows
it), its ``updated_at`` (a refresh revalidates the section bodies only when the course was edited) and the
last time it was checked with the server.

SQLite, WAL, ``synchronous=NORMAL``: a hard kill may forget the last item recorded, which a resumed download
then re-checks; a corrupt file is moved aside and the manifest starts empty (never a crash).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from lms_desktop.client.offline.local_db import open_or_move_aside

log = logging.getLogger(__name__)

CourseState = Literal["partial", "complete", "gone"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS courses (
    account TEXT NOT NULL,
    course_id INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'partial' CHECK (state IN ('partial', 'complete', 'gone')),
    total_items INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    plan TEXT,
    started_at TEXT NOT NULL,
    last_sync TEXT,
    last_error TEXT,
    PRIMARY KEY (account, course_id)
);
CREATE TABLE IF NOT EXISTS items (
    account TEXT NOT NULL,
    course_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    size INTEGER NOT NULL,
    PRIMARY KEY (account, course_id, key)
);
CREATE INDEX IF NOT EXISTS items_by_key ON items (account, key);
"""


@dataclass(frozen=True)
class DownloadedCourse:
    course_id: int
    title: str
    state: CourseState
    items: int
    total_items: int
    size_bytes: int
    updated_at: str | None
    last_sync: datetime | None
    last_error: str | None

    @property
    def complete(self) -> bool:
        """Readable offline in full (a course gone from the server stays readable here)."""
        return self.state != "partial"


def _now() -> str:
    return datetime.now(UTC).isoformat()


class DownloadManifest:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.recovered_from: Path | None = None
        self._lock = threading.RLock()
        self._conn, self.recovered_from = open_or_move_aside(path, self._connect, "download manifest")

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10.0)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(_SCHEMA)
            conn.execute("SELECT COUNT(*) FROM courses").fetchone()
        except BaseException:
            conn.close()
            raise
        with contextlib.suppress(OSError):
            self.path.chmod(0o600)
        return conn

    def close(self) -> None:
        with self._lock:
            self._conn.close()

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

    # ---- items -----------------------------------------------------------------------------------

    def add_item(self, account: str, course_id: int, key: str, size: int) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO items (account, course_id, key, size) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (account, course_id, key) DO UPDATE SET size = excluded.size",
                (account, course_id, key, size),
            )

    def keys(self, account: str, course_id: int) -> set[str]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT key FROM items WHERE account = ? AND course_id = ?", (account, course_id)
            ).fetchall()
        return {str(r[0]) for r in rows}

    def sized_keys(self, account: str, course_id: int) -> list[tuple[str, int]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT key, size FROM items WHERE account = ? AND course_id = ?", (account, course_id)
            ).fetchall()
        return [(str(k), int(n)) for k, n in rows]

    def remove_items(self, account: str, course_id: int, keys: Iterable[str]) -> None:
        with self._write() as conn:
            conn.executemany(
                "DELETE FROM items WHERE account = ? AND course_id = ? AND key = ?",
                [(account, course_id, k) for k in keys],
            )

    def courses_holding(self, account: str, key: str) -> list[int]:
        """Downloaded courses that hold `key` (a shared image must stay pinned while any of them does)."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT course_id FROM items WHERE account = ? AND key = ?", (account, key)
            ).fetchall()
        return [int(r[0]) for r in rows]

    # ---- courses ---------------------------------------------------------------------------------

    def begin(self, account: str, course_id: int) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO courses (account, course_id, started_at) VALUES (?, ?, ?)"
                " ON CONFLICT (account, course_id) DO NOTHING",
                (account, course_id, _now()),
            )

    def update(
        self,
        account: str,
        course_id: int,
        *,
        title: str | None = None,
        state: CourseState | None = None,
        total_items: int | None = None,
        updated_at: str | None = None,
        synced: bool = False,
        error: str | None = None,
        clear_error: bool = False,
    ) -> None:
        sets: list[str] = []
        args: list[Any] = []
        for column, value in (
            ("title", title),
            ("state", state),
            ("total_items", total_items),
            ("updated_at", updated_at),
        ):
            if value is not None:
                sets.append(f"{column} = ?")
                args.append(value)
        if synced:
            sets.append("last_sync = ?")
            args.append(_now())
        if error is not None:
            sets.append("last_error = ?")
            args.append(error[:500])
        elif clear_error:
            sets.append("last_error = NULL")
        if sets:
            with self._write() as conn:
                conn.execute(
                    f"UPDATE courses SET {', '.join(sets)} WHERE account = ? AND course_id = ?",
                    (*args, account, course_id),
                )

    def set_plan(self, account: str, course_id: int, plan: bytes) -> None:
        """What the course consists of (section ids, cover URL), so a resume needs no request for it."""
        with self._write() as conn:
            conn.execute(
                "UPDATE courses SET plan = ? WHERE account = ? AND course_id = ?", (plan, account, course_id)
            )

    def plan(self, account: str, course_id: int) -> bytes | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT plan FROM courses WHERE account = ? AND course_id = ?", (account, course_id)
            ).fetchone()
        if row is None or row[0] is None:
            return None
        return row[0] if isinstance(row[0], bytes) else str(row[0]).encode()

    def courses(self, account: str) -> list[DownloadedCourse]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT c.course_id, c.title, c.state, COUNT(i.key), c.total_items,"
                " COALESCE(SUM(i.size), 0), c.updated_at, c.last_sync, c.last_error"
                " FROM courses c LEFT JOIN items i ON i.account = c.account AND i.course_id = c.course_id"
                " WHERE c.account = ? GROUP BY c.course_id ORDER BY c.title, c.course_id",
                (account,),
            ).fetchall()
        return [
            DownloadedCourse(
                course_id=int(r[0]),
                title=str(r[1]),
                state=r[2],
                items=int(r[3]),
                total_items=int(r[4]),
                size_bytes=int(r[5]),
                updated_at=r[6],
                last_sync=datetime.fromisoformat(r[7]) if r[7] else None,
                last_error=r[8],
            )
            for r in rows
        ]

    def course(self, account: str, course_id: int) -> DownloadedCourse | None:
        return next((c for c in self.courses(account) if c.course_id == course_id), None)

    def course_of(self, account: str, key: str) -> int | None:
        held = self.courses_holding(account, key)
        return held[0] if held else None

    def remove(self, account: str, course_id: int) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM items WHERE account = ? AND course_id = ?", (account, course_id))
            conn.execute("DELETE FROM courses WHERE account = ? AND course_id = ?", (account, course_id))
