"""Version counters that decide ETags before any expensive query runs.

Kept in the database and bumped inside the write's own transaction, so an ETag stays right even when a
cache tier (Redis, in-process) is flushed or several server processes share the database.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.server.db.driver_sql import execute, mark
from lms_desktop.server.db.schema import versions

# driver SQL: read on every listing (the totals' cache key) and by the loop's lookups (`db/lookups.py`),
# where a Core select costs more than the read
CATALOG_VERSION_SQL = "SELECT value FROM versions WHERE name = 'catalog'"
_catalog_bumps = 0  # this process's bumps: a memo of the catalog version (`Lookups.catalog`) checks it


def catalog_version(conn: Connection) -> int:
    value = conn.exec_driver_sql(CATALOG_VERSION_SQL).scalar()
    return int(value or 0)


def bump_catalog(conn: Connection) -> None:
    global _catalog_bumps
    _catalog_bumps += 1
    conn.execute(sa.update(versions).where(versions.c.name == "catalog").values(value=versions.c.value + 1))


def catalog_bumps() -> int:
    """How often this process has bumped the catalog version (a change elsewhere is not counted)."""
    return _catalog_bumps


def note_catalog_changed() -> None:
    """For a change made without `bump_catalog` (a test rewinding the version)."""
    global _catalog_bumps
    _catalog_bumps += 1


def user_version_sql(dialect: str) -> str:
    """A user's version (a per-user ETag's input); one parameter: the user id."""
    return f"SELECT version FROM users WHERE id = {mark(dialect)}"


def user_version(conn: Connection, user_id: int) -> int:
    value = conn.exec_driver_sql(user_version_sql(conn.dialect.name), (user_id,)).scalar()
    return int(value or 0)


def bump_user(conn: Connection, user_id: int) -> None:
    """A user's version moves on (every learner write runs it)."""
    execute(conn, f"UPDATE users SET version = version + 1 WHERE id = {mark(conn.dialect.name)}", (user_id,))
