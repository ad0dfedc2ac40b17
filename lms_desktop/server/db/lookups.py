"""The one-row reads on every request's path: the bearer token and the version numbers behind every ETag.

They decide every 304 and every 401, so they run on the event loop for every request. Through SQLAlchemy
Core each would cost a pool checkout, statement construction and an execution context, as much as the rest
of a request, and on PostgreSQL a signed-in content request needs four of them. So this reader keeps one
plain driver connection for the event-loop thread (sqlite3, or psycopg in autocommit with server-side
prepared statements) and answers a signed-in caller's user, user version and catalog version in one
statement: one round trip on PostgreSQL.

Autocommit and `fetchall()` end every statement at once, so no old snapshot is pinned and the latest commit
is always seen (writes bump versions in their own transaction). Any failure drops the connection, logs one
line and answers through the storage layer (whose errors the app maps to 503); the fast connection is tried
again after a pause, so a database outage costs no reconnect attempt per request. On a bounded database
the connection has the loop's limits (`limits.LOOP`): a lookup stuck behind a lock (a migration holding
`courses`) or past its statement limit raises `DatabaseBusy` (503 with Retry-After) instead of stalling
every other request. The statements are the query modules' own (`queries.tokens`, `queries.versions`,
`queries.catalog`, `queries.content`), and the storage layer's fallback runs the same ones.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url

from lms_desktop.contract import User
from lms_desktop.server.db import driver_sql, limits, sqltime
from lms_desktop.server.db.errors import DatabaseBusy
from lms_desktop.server.db.queries import tokens, versions

if TYPE_CHECKING:
    from lms_desktop.server.db.engine import Database

log = logging.getLogger("lms.server.lookups")

RETRY_AFTER_SECONDS = 5.0
LOCK_REST_SECONDS = 1.0  # after a lookup waited too long for a lock, it answers busy at once this long
PG_OPTIONS = "-c jit=off"


@dataclass(frozen=True, slots=True)
class Session:
    """A resolved bearer token: who, and the versions a per-user ETag is made of."""

    user: User
    user_version: int
    catalog_version: int


def _statements(dialect: str) -> dict[str, str]:
    from lms_desktop.server.db.queries import catalog, content

    catalog_version = versions.CATALOG_VERSION_SQL
    course_version = catalog.course_version_sql(dialect)
    return {
        "catalog": catalog_version,
        "user": versions.user_version_sql(dialect),
        "course": f"SELECT ({catalog_version}), ({course_version})",
        # a section's page: the catalog version and whether the section is shown (its course published)
        "section": f"SELECT ({catalog_version}), ({content.section_visible_sql(dialect)})",
        "session": tokens.session_sql(dialect, catalog_version),
        # a signed-in course page's inputs in one round trip: the session, then the course's version
        "session_course": tokens.session_sql(dialect, catalog_version, course_version),
    }


class Lookups:
    """Use from one thread only (the server's event loop)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.dialect = db.dialect
        self._sql = _statements(db.dialect)
        url = make_url(db.url)
        self._sqlite_path: str | None = None
        self._pg_conninfo: str | None = None
        if db.dialect == "sqlite":
            if url.database and url.database != ":memory:":
                self._sqlite_path = url.database
        else:
            self._pg_conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._bounded = db.bounded
        self._clock: limits.StatementClock | None = None
        self._conn: Any = None
        self._retry_at = 0.0
        self._locked_until: dict[str, float] = {}  # statement name -> when it may wait on a lock again
        self._catalog_memo: tuple[int, int, float] | None = None  # (version, bumps before the read, read at)

    # ---- the fast connection ------------------------------------------------------------------

    def _connect(self) -> Any:
        bounds = limits.LOOP if self._bounded else limits.READ
        if self._sqlite_path is not None:
            conn = sqlite3.connect(self._sqlite_path, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout={bounds.lock_ms}")
            self._clock = limits.StatementClock(bounds.statement_ms).install(conn)
            return conn
        if self._pg_conninfo is not None:
            import psycopg

            options = f"{PG_OPTIONS} {bounds.pg_options()}"
            return psycopg.connect(self._pg_conninfo, autocommit=True, connect_timeout=2, options=options)
        return None

    def _rows(self, name: str, params: tuple[Any, ...] = ()) -> list[Any]:
        """The statement's rows: through the fast connection, or the storage layer's when it is unusable."""
        found = self._fast_rows(name, params)
        if found is not None:
            return found
        with self.db.read() as conn:
            return driver_sql.rows(conn, self._sql[name], params)

    def _fast_rows(self, name: str, params: tuple[Any, ...]) -> list[Any] | None:
        """The statement's rows, or None: use the storage layer instead."""
        now = time.monotonic()
        if now < self._retry_at:
            return None
        if self._locked_until and now < self._locked_until.get(name, 0.0):
            raise DatabaseBusy(f"{name} lookup: a lock held in the database")
        try:
            if self._conn is None:
                self._conn = self._connect()
                if self._conn is None:
                    self._retry_at = float("inf")  # in-memory SQLite: only the pool sees the data
                    return None
            started = time.perf_counter_ns()
            if self._clock is not None:
                self._clock.start()
                try:
                    found = list(self._conn.execute(self._sql[name], params).fetchall())
                finally:
                    self._clock.stop()
            else:
                found = list(self._conn.execute(self._sql[name], params, prepare=True).fetchall())
            sqltime.add(time.perf_counter_ns() - started)
            return found
        except Exception as exc:  # any driver error: the storage layer answers (or maps it to a 503)
            kind = limits.timeout_kind(exc)
            if kind is not None:  # the connection is fine; the database is busy
                if kind == limits.LOCK:
                    self._locked_until[name] = time.monotonic() + LOCK_REST_SECONDS
                raise DatabaseBusy(f"{name} lookup: a lock held or a statement too long") from exc
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            log.warning("fast lookup failed (%s); storage layer for %.0f s", first, RETRY_AFTER_SECONDS)
            self.close()
            self._retry_at = time.monotonic() + RETRY_AFTER_SECONDS
            return None

    # ---- the lookups --------------------------------------------------------------------------

    def catalog(self, *, max_age: float = 0.0) -> int:
        """The catalog version. With `max_age`, a value read at most that many seconds ago answers unless
        this process has bumped the version since; a bump by another process shows within `max_age`."""
        now = time.monotonic()
        memo = self._catalog_memo
        if memo is not None and now - memo[2] < max_age and memo[1] == versions.catalog_bumps():
            return memo[0]
        bumps = versions.catalog_bumps()  # before the read: a bump during it makes the next call read again
        rows = self._rows("catalog")
        value = int(rows[0][0] or 0) if rows else 0
        self._catalog_memo = (value, bumps, now)
        return value

    def user(self, user_id: int) -> int:
        rows = self._rows("user", (user_id,))
        return int(rows[0][0] or 0) if rows else 0

    def course(self, course_id: int) -> tuple[int, int | None]:
        """(catalog version, course version); the latter None when the course is missing or invisible."""
        catalog, course = self._rows("course", (course_id,))[0]
        return int(catalog or 0), (None if course is None else int(course))

    def section(self, section_id: int) -> tuple[int, bool]:
        """(catalog version, whether the section is shown in a visible course)."""
        catalog, found = self._rows("section", (section_id,))[0]
        return int(catalog or 0), found is not None

    def session(self, token: str) -> Session | None:
        """The token's user with its versions; None when unknown, expired or revoked."""
        if not token or len(token) > tokens.MAX_TOKEN_CHARS:
            return None
        rows = self._rows("session", (tokens.token_digest(token), tokens.now_param(self.dialect)))
        if not rows:
            return None
        row = rows[0]
        return Session(tokens.user_of(row), int(row[4]), int(row[5] or 0))

    def session_and_course(self, token: str, course_id: int) -> tuple[Session, int | None] | None:
        """`session(token)` and the course's version (None: missing or invisible) in one statement;
        None when the token is unknown, expired or revoked."""
        if not token or len(token) > tokens.MAX_TOKEN_CHARS:
            return None
        params = (course_id, tokens.token_digest(token), tokens.now_param(self.dialect))
        rows = self._rows("session_course", params)
        if not rows:
            return None
        row = rows[0]
        session = Session(tokens.user_of(row), int(row[4]), int(row[5] or 0))
        return session, (None if row[6] is None else int(row[6]))

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # closing a broken connection may raise; it is dropped either way
                pass
            finally:
                self._conn = None
