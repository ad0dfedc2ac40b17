"""The one-row reads on every request's path: the bearer token and the version numbers behind every ETag.

They decide every 304 and every 401, so they run on the event loop for every request. Through SQLAlchemy
Core each costs ~250-330 us (pool checkout, statement construction, execution context), as much as the rest
of a request; on PostgreSQL a signed-in content request made four of them, four round trips. So this reader
keeps one plain driver connection for the event-loop thread (sqlite3, or psycopg in autocommit with
server-side prepared statements) and answers a signed-in caller's user, user version and catalog version in
one statement: ~15 us on SQLite, one round trip on PostgreSQL.

Autocommit and `fetchall()` end every statement at once, so no old snapshot is pinned and the latest commit
is always seen (writes bump versions in their own transaction). Any failure drops the connection, logs one
line and answers through the storage layer (whose errors the app maps to 503); the fast connection is tried
again after a pause, so a database outage costs no reconnect attempt per request. On a bounded database
the connection has the loop's limits (`limits.LOOP`): a lookup stuck behind a lock (a migration holding
`courses`) or past its statement limit raises `DatabaseBusy` (503 with Retry-After) instead of stalling
every other request. The SQL mirrors `queries.tokens`, `queries.versions` and
`queries.catalog.course_version`.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url

from lms_desktop.contract import User
from lms_desktop.server.db import limits, sqltime
from lms_desktop.server.db.errors import DatabaseBusy
from lms_desktop.server.db.queries import versions
from lms_desktop.server.db.queries.tokens import token_digest
from lms_desktop.server.db.schema import visible_sql

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
    mark = "?" if dialect == "sqlite" else "%s"
    not_revoked = "t.revoked = 0" if dialect == "sqlite" else "NOT t.revoked"
    catalog = "SELECT value FROM versions WHERE name = 'catalog'"
    return {
        "catalog": catalog,
        "user": f"SELECT version FROM users WHERE id = {mark}",
        "course": f"SELECT ({catalog}), (SELECT version FROM courses WHERE id = {mark} AND "
        f"{visible_sql(dialect)})",
        # a section's page: the catalog version and whether the section is visible (its course published)
        "section": f"SELECT ({catalog}), (SELECT 1 FROM sections s JOIN courses c ON c.id = s.course_id "
        f"WHERE s.id = {mark} AND NOT s.hidden AND {visible_sql(dialect, 'c')})",
        "session": f"SELECT u.id, u.username, u.display_name, u.version, ({catalog}), u.role FROM tokens t "
        f"JOIN users u ON u.id = t.user_id WHERE t.token_sha256 = {mark} AND {not_revoked} "
        f"AND t.expires_at > {mark}",
        # a signed-in course page's inputs in one round trip: the session, then the course's version
        "session_course": f"SELECT u.id, u.username, u.display_name, u.version, ({catalog}), "
        f"(SELECT version FROM courses WHERE id = {mark} AND {visible_sql(dialect)}), u.role FROM tokens t "
        f"JOIN users u ON u.id = t.user_id WHERE t.token_sha256 = {mark} AND {not_revoked} "
        f"AND t.expires_at > {mark}",
    }


def _now_param(dialect: str) -> Any:
    now = datetime.now(UTC)
    # SQLite holds naive UTC text in SQLAlchemy's fixed-width format, which compares as text
    return now.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f") if dialect == "sqlite" else now


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

    def _rows(self, name: str, params: tuple[Any, ...] = ()) -> list[Any] | None:
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
        if rows is not None:
            value = int(rows[0][0]) if rows else 0
        else:
            with self.db.read() as conn:
                value = versions.catalog_version(conn)
        self._catalog_memo = (value, bumps, now)
        return value

    def user(self, user_id: int) -> int:
        rows = self._rows("user", (user_id,))
        if rows is not None:
            return int(rows[0][0]) if rows else 0
        with self.db.read() as conn:
            return versions.user_version(conn, user_id)

    def course(self, course_id: int) -> tuple[int, int | None]:
        """(catalog version, course version); the latter None when the course is missing or invisible."""
        rows = self._rows("course", (course_id,))
        if rows is not None:
            catalog, course = rows[0]
            return int(catalog or 0), (None if course is None else int(course))
        from lms_desktop.server.db.queries import catalog as catalog_queries

        with self.db.read() as conn:
            return versions.catalog_version(conn), catalog_queries.course_version(conn, course_id)

    def section(self, section_id: int) -> tuple[int, bool]:
        """(catalog version, whether the section exists in a visible course)."""
        rows = self._rows("section", (section_id,))
        if rows is not None:
            catalog, found = rows[0]
            return int(catalog or 0), found is not None
        from lms_desktop.server.db.queries import content

        with self.db.read() as conn:
            return versions.catalog_version(conn), content.section_is_visible(conn, section_id)

    def session(self, token: str) -> Session | None:
        """The token's user with its versions; None when unknown, expired or revoked."""
        if not token or len(token) > 512:
            return None
        rows = self._rows("session", (token_digest(token), _now_param(self.dialect)))
        if rows is not None:
            if not rows:
                return None
            uid, username, display_name, user_version, catalog, role = rows[0]
            user = User(id=int(uid), username=username, display_name=display_name, role=role or "learner")
            return Session(user, int(user_version), int(catalog or 0))
        from lms_desktop.server.db.queries import tokens

        with self.db.read() as conn:
            found = tokens.resolve(conn, token)
            if found is None:
                return None
            return Session(found, versions.user_version(conn, found.id), versions.catalog_version(conn))

    def session_and_course(self, token: str, course_id: int) -> tuple[Session, int | None] | None:
        """`session(token)` and the course's version (None: missing or invisible) in one statement;
        None when the token is unknown, expired or revoked."""
        if not token or len(token) > 512:
            return None
        params = (course_id, token_digest(token), _now_param(self.dialect))
        rows = self._rows("session_course", params)
        if rows is None:
            session = self.session(token)
            if session is None:
                return None
            return session, self.course(course_id)[1]
        if not rows:
            return None
        uid, username, display_name, user_version, catalog, course, role = rows[0]
        user = User(id=int(uid), username=username, display_name=display_name, role=role or "learner")
        session = Session(user, int(user_version), int(catalog or 0))
        return session, (None if course is None else int(course))

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # closing a broken connection may raise; it is dropped either way
                pass
            finally:
                self._conn = None
