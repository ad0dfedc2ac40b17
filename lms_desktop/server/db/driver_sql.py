"""Hot-path statements as SQL text on the driver's own cursor, with the little typing they need.

Building a Core select per call (coercions, cache key, an expanding IN list, result type processing) costs
several times the SQL of a catalog page itself. Even `exec_driver_sql` builds result metadata for every
execution (the driver's column descriptions, merged with SQLAlchemy's), which costs more than a primary-key
fetch. So on the read engine's autocommit
connections `rows()` runs the statement on a plain driver cursor and dispatches the engine's cursor events
itself: the slow-query log, the EXPLAIN tests and the statement counts in tests still see every statement,
and driver errors reach callers wrapped as SQLAlchemy's (a dropped connection invalidated) like any other.
Inside a write transaction it goes through SQLAlchemy, which begins the transaction (BEGIN IMMEDIATE on
SQLite); once it has begun, and on a write connection the writer has put in driver autocommit
(`DRIVER_AUTOCOMMIT`: each statement its own transaction, `atomic()` groups several), statements go to the
driver's cursor too. Parameters are positional in the driver's own style (`?` for sqlite3, `%s` for
psycopg), or named (`%(name)s`, psycopg).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, overload

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection

AUTOCOMMIT_READS = "lms_autocommit_reads"  # set in a connection's info by the read engine's connect hook
DRIVER_AUTOCOMMIT = "lms_driver_autocommit"  # set by the writer while a write runs in driver autocommit
SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's fixed-width text: compares in time order
_SQLITE_DATETIME_LEN = len("2000-01-01 00:00:00.000000")


def mark(dialect: str) -> str:
    """The driver's positional placeholder."""
    return "?" if dialect == "sqlite" else "%s"


def marks(dialect: str, n: int) -> str:
    """`n` placeholders for an IN list."""
    return ", ".join([mark(dialect)] * n)


type Params = Sequence[Any] | Mapping[str, Any]


def rows(conn: Connection, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
    """All rows of one SELECT (or a statement with RETURNING) as the driver's tuples (SQLAlchemy's Row
    objects add a per-row cost that adds up over the hundreds of candidates a search ranks)."""
    return _run(conn, sql, params, fetch=True)


def execute(conn: Connection, sql: str, params: Params = ()) -> None:
    """One statement that returns no rows."""
    _run(conn, sql, params, fetch=False)


def _run(conn: Connection, sql: str, params: Params, *, fetch: bool) -> list[tuple[Any, ...]]:
    args = params if isinstance(params, Mapping) else tuple(params)
    info = conn.info
    if not (info.get(AUTOCOMMIT_READS) or info.get(DRIVER_AUTOCOMMIT) or conn.in_transaction()):
        result = conn.exec_driver_sql(sql, args)
        try:
            return list(result.cursor.fetchall()) if fetch else []
        finally:
            result.close()
    dbapi_conn = conn.connection.driver_connection
    cursor = dbapi_conn.cursor()  # type: ignore[union-attr]
    try:
        for before in conn.dispatch.before_cursor_execute:
            before(conn, cursor, sql, args, None, False)
        try:
            cursor.execute(sql, args)
            found = list(cursor.fetchall()) if fetch else []
        except conn.dialect.loaded_dbapi.Error as exc:
            raise _wrapped(conn, exc, sql, args, dbapi_conn, cursor) from exc
        for after in conn.dispatch.after_cursor_execute:
            after(conn, cursor, sql, args, None, False)
        return found
    finally:
        cursor.close()


@contextlib.contextmanager
def atomic(conn: Connection, needed: bool = True) -> Iterator[None]:
    """The statements of the block in one transaction: the connection's own when SQLAlchemy manages one; a
    driver transaction (BEGIN ... COMMIT) on a connection in driver autocommit, when `needed` (one statement
    alone needs none: it is its own transaction)."""
    if not (needed and conn.info.get(DRIVER_AUTOCOMMIT)):
        yield
        return
    dbapi_conn = conn.connection.driver_connection
    try:
        with dbapi_conn.transaction():  # type: ignore[union-attr]
            yield
    except conn.dialect.loaded_dbapi.Error as exc:  # BEGIN or COMMIT failed
        raise _wrapped(conn, exc, "COMMIT", (), dbapi_conn, None) from exc


def _wrapped(conn: Connection, exc: Any, sql: str, args: Any, dbapi_conn: Any, cursor: Any) -> Exception:
    """The driver's error as SQLAlchemy raises it from `exec_driver_sql`; a lost connection is invalidated
    (so the held connection and the pool replace it) and the error says so."""
    lost = bool(conn.dialect.is_disconnect(exc, dbapi_conn, cursor))
    if lost:
        conn.invalidate(exc)
    return sa_exc.DBAPIError.instance(
        sql,
        args,
        exc,
        conn.dialect.loaded_dbapi.Error,
        connection_invalidated=lost,
        dialect=conn.dialect,
    )


@overload
def utc(value: None) -> None: ...
@overload
def utc(value: str | datetime) -> datetime: ...
def utc(value: Any) -> datetime | None:
    """A timestamp as an aware UTC datetime: SQLite hands back naive UTC text, PostgreSQL aware values."""
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) == _SQLITE_DATETIME_LEN and value[20:].isdigit():  # stored fixed-width: naive UTC
            return datetime.fromisoformat(value + "+00:00")  # cheaper than parsing, then replace(tzinfo=)
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def datetime_param(dialect: str, value: datetime) -> Any:
    """A datetime as the driver must bind it to compare with stored values."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if dialect == "sqlite":
        return value.astimezone(UTC).replace(tzinfo=None).strftime(SQLITE_DATETIME)
    return value
