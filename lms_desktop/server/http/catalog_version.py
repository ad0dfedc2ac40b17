"""The catalog version, read the cheap way: it decides every listing and section 304.

Through SQLAlchemy Core one tiny lookup costs ~250-330 us here (pool checkout, statement construction,
engine events), as much as the rest of a request. On SQLite this reader keeps one plain sqlite3 connection
for the event-loop thread and runs one prepared statement: ~15 us. In autocommit mode with `fetchall()`
the statement ends at once, so it never pins an old WAL snapshot and always sees the latest commit (writes
bump the version in their own transaction). PostgreSQL, or any failure, takes the storage layer's path,
whose errors the app maps to 503.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    from lms_desktop.server.db.engine import Database

log = logging.getLogger("lms.server.versions")

SQL = "SELECT value FROM versions WHERE name = 'catalog'"


class CatalogVersionReader:
    """Use from one thread only (the server's event loop)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._path: str | None = None
        if db.dialect == "sqlite":
            database = make_url(db.url).database
            if database and database != ":memory:":
                self._path = database
        self._conn: sqlite3.Connection | None = None

    def get(self) -> int:
        if self._path is not None:
            try:
                if self._conn is None:
                    self._conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
                    self._conn.execute("PRAGMA busy_timeout=5000")
                rows = self._conn.execute(SQL).fetchall()
                return int(rows[0][0]) if rows else 0
            except sqlite3.Error as exc:
                log.warning("fast catalog-version read failed (%s); using the storage layer", exc)
                self.close()
        return self._slow_path()

    def _slow_path(self) -> int:
        from lms_desktop.server.db.queries import versions

        with self.db.read() as conn:
            return versions.catalog_version(conn)

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None
