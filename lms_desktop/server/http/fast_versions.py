"""Version numbers read the cheap way: they decide every 304, so they are on every request's path.

Through SQLAlchemy Core one tiny lookup costs ~250-330 us here (pool checkout, statement construction,
engine events), as much as the rest of a request. On SQLite this reader keeps one plain sqlite3 connection
for the event-loop thread and runs prepared one-row statements: ~15 us each. In autocommit mode with
`fetchall()` every statement ends at once, so it never pins an old WAL snapshot and always sees the latest
commit (writes bump versions in their own transaction). PostgreSQL, or any failure, takes the storage
layer's functions, whose errors the app maps to 503. The SQL mirrors `db.queries.versions` and
`catalog.course_version` (same tables, the schema's own visibility predicate).
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    from lms_desktop.server.db.engine import Database

log = logging.getLogger("lms.server.versions")

CATALOG_SQL = "SELECT value FROM versions WHERE name = 'catalog'"
USER_SQL = "SELECT version FROM users WHERE id = ?"


def _course_sql() -> str:
    from lms_desktop.server.db.schema import VISIBLE_SQL

    return f"SELECT version FROM courses WHERE id = ? AND {VISIBLE_SQL['sqlite']}"


class FastVersions:
    """Use from one thread only (the server's event loop)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._path: str | None = None
        if db.dialect == "sqlite":
            database = make_url(db.url).database
            if database and database != ":memory:":
                self._path = database
        self._conn: sqlite3.Connection | None = None
        self._course_sql = _course_sql()

    def _one(self, sql: str, params: tuple[int, ...] = ()) -> tuple[bool, int | None]:
        """(answered, value); answered False means: use the storage layer instead."""
        if self._path is None:
            return False, None
        try:
            if self._conn is None:
                self._conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
                self._conn.execute("PRAGMA busy_timeout=5000")
            rows = self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            log.warning("fast version read failed (%s); using the storage layer", exc)
            self.close()
            return False, None
        return True, (int(rows[0][0]) if rows else None)

    def catalog(self) -> int:
        answered, value = self._one(CATALOG_SQL)
        if answered:
            return value or 0
        from lms_desktop.server.db.queries import versions

        with self.db.read() as conn:
            return versions.catalog_version(conn)

    def user(self, user_id: int) -> int:
        answered, value = self._one(USER_SQL, (user_id,))
        if answered:
            return value or 0
        from lms_desktop.server.db.queries import versions

        with self.db.read() as conn:
            return versions.user_version(conn, user_id)

    def course(self, course_id: int) -> int | None:
        """None when the course is missing, unpublished or deleted."""
        answered, value = self._one(self._course_sql, (course_id,))
        if answered:
            return value
        from lms_desktop.server.db.queries import catalog

        with self.db.read() as conn:
            return catalog.course_version(conn, course_id)

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None
