"""The pinned store: downloaded courses, kept whole until the learner removes them.

Why a store of its own and not the HTTP cache: the cache is bounded by size and evicts; a downloaded course
must never lose a section because the learner browsed the catalog. This store has no size limit and no
eviction: only ``remove_course`` deletes. Each item keeps the server's bytes and ETag, so a background refresh
revalidates with ``If-None-Match`` and a 304 costs no body.

Items are kept per (user, course, key): per-user answers (course meta, content with completion) never leak
between accounts, and removing one course never removes another's copy of a shared image. The manifest row
per course records state ("partial" until every item is in), size and last sync; a resumed download skips
every key already present.

SQLite with WAL and ``synchronous=NORMAL``: a hard kill may lose the last item written, which a resumed
download fetches again; it cannot corrupt earlier ones. A corrupt file is moved aside and recreated (the
downloads are then fetched again), never a crash.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

log = logging.getLogger(__name__)

CourseState = Literal["partial", "complete", "gone"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    user_id INTEGER NOT NULL,
    course_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    body BLOB NOT NULL,
    etag TEXT,
    content_type TEXT,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (user_id, course_id, key)
);
CREATE INDEX IF NOT EXISTS items_key ON items (user_id, key);
CREATE TABLE IF NOT EXISTS courses (
    user_id INTEGER NOT NULL,
    course_id INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'partial' CHECK (state IN ('partial', 'complete', 'gone')),
    total_items INTEGER NOT NULL DEFAULT 0,
    started_at TEXT NOT NULL,
    last_sync TEXT,
    last_error TEXT,
    PRIMARY KEY (user_id, course_id)
);
"""


@dataclass(frozen=True)
class PinnedItem:
    body: bytes
    etag: str | None
    content_type: str | None
    fetched_at: datetime


@dataclass(frozen=True)
class DownloadedCourse:
    course_id: int
    title: str
    state: CourseState
    items: int
    total_items: int
    size_bytes: int
    last_sync: datetime | None
    last_error: str | None

    @property
    def complete(self) -> bool:
        return self.state != "partial"


def _now() -> str:
    return datetime.now(UTC).isoformat()


class PinnedStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.recovered_from: Path | None = None
        self._lock = threading.RLock()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            self._conn = self._connect()
        except sqlite3.DatabaseError as exc:
            aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
            log.warning("pinned store %s is unreadable (%s); moved to %s", path, exc, aside)
            for suffix in ("", "-wal", "-shm"):
                src = Path(f"{path}{suffix}")
                if src.exists():
                    src.rename(Path(f"{aside}{suffix}"))
            self.recovered_from = aside
            self._conn = self._connect()

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

    def put(
        self,
        user_id: int,
        course_id: int,
        key: str,
        body: bytes,
        *,
        etag: str | None,
        content_type: str | None = None,
    ) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO items (user_id, course_id, key, body, etag, content_type, fetched_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, course_id, key) DO UPDATE SET"
                " body = excluded.body, etag = excluded.etag, content_type = excluded.content_type,"
                " fetched_at = excluded.fetched_at",
                (user_id, course_id, key, body, etag, content_type, _now()),
            )

    def touch(self, user_id: int, course_id: int, key: str, etag: str | None) -> None:
        """A 304: the stored body is still current."""
        with self._write() as conn:
            conn.execute(
                "UPDATE items SET fetched_at = ?, etag = COALESCE(?, etag)"
                " WHERE user_id = ? AND course_id = ? AND key = ?",
                (_now(), etag, user_id, course_id, key),
            )

    def get(self, user_id: int, key: str, course_id: int | None = None) -> PinnedItem | None:
        """The stored answer for `key` (from any downloaded course of this user unless `course_id`)."""
        sql = "SELECT body, etag, content_type, fetched_at FROM items WHERE user_id = ? AND key = ?"
        args: tuple[object, ...] = (user_id, key)
        if course_id is not None:
            sql += " AND course_id = ?"
            args = (*args, course_id)
        with self._lock:
            row = self._conn.execute(sql + " ORDER BY fetched_at DESC LIMIT 1", args).fetchone()
        if row is None:
            return None
        return PinnedItem(bytes(row[0]), row[1], row[2], datetime.fromisoformat(row[3]))

    def keys(self, user_id: int, course_id: int) -> set[str]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT key FROM items WHERE user_id = ? AND course_id = ?", (user_id, course_id)
            ).fetchall()
        return {str(r[0]) for r in rows}

    def delete_keys(self, user_id: int, course_id: int, keys: set[str]) -> None:
        with self._write() as conn:
            conn.executemany(
                "DELETE FROM items WHERE user_id = ? AND course_id = ? AND key = ?",
                [(user_id, course_id, k) for k in keys],
            )

    # ---- the manifest ----------------------------------------------------------------------------

    def begin_course(self, user_id: int, course_id: int) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO courses (user_id, course_id, started_at) VALUES (?, ?, ?)"
                " ON CONFLICT (user_id, course_id) DO NOTHING",
                (user_id, course_id, _now()),
            )

    def set_course(
        self,
        user_id: int,
        course_id: int,
        *,
        title: str | None = None,
        state: CourseState | None = None,
        total_items: int | None = None,
        synced: bool = False,
        error: str | None = None,
        clear_error: bool = False,
    ) -> None:
        sets: list[str] = []
        args: list[object] = []
        for column, value in (("title", title), ("state", state), ("total_items", total_items)):
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
        if not sets:
            return
        with self._write() as conn:
            conn.execute(
                f"UPDATE courses SET {', '.join(sets)} WHERE user_id = ? AND course_id = ?",
                (*args, user_id, course_id),
            )

    def courses(self, user_id: int) -> list[DownloadedCourse]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT c.course_id, c.title, c.state, COUNT(i.key), c.total_items,"
                " COALESCE(SUM(LENGTH(i.body)), 0), c.last_sync, c.last_error"
                " FROM courses c LEFT JOIN items i ON i.user_id = c.user_id AND i.course_id = c.course_id"
                " WHERE c.user_id = ? GROUP BY c.course_id ORDER BY c.title, c.course_id",
                (user_id,),
            ).fetchall()
        return [
            DownloadedCourse(
                course_id=int(r[0]),
                title=str(r[1]),
                state=r[2],
                items=int(r[3]),
                total_items=int(r[4]),
                size_bytes=int(r[5]),
                last_sync=datetime.fromisoformat(r[6]) if r[6] else None,
                last_error=r[7],
            )
            for r in rows
        ]

    def course(self, user_id: int, course_id: int) -> DownloadedCourse | None:
        return next((c for c in self.courses(user_id) if c.course_id == course_id), None)

    def remove_course(self, user_id: int, course_id: int) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM items WHERE user_id = ? AND course_id = ?", (user_id, course_id))
            conn.execute("DELETE FROM courses WHERE user_id = ? AND course_id = ?", (user_id, course_id))

    def total_bytes(self, user_id: int) -> int:
        with self._lock:
            row = self._conn.execute(
                "SELECT COALESCE(SUM(LENGTH(body)), 0) FROM items WHERE user_id = ?", (user_id,)
            ).fetchone()
        return int(row[0])
