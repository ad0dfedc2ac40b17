"""Hot-path statements as SQL text run through `exec_driver_sql`, with the little typing they need.

Building a Core select per call (coercions, cache key, an expanding IN list, result type processing) cost
~1 ms per catalog page here, several times the SQL itself; the same statement as text costs the driver's
own work plus ~17 us of SQLAlchemy per execution. Engine events still fire, so the slow-query log, the
EXPLAIN tests and the statement counts in tests see these statements like any other. Parameters are
positional in the driver's own style (`?` for sqlite3, `%s` for psycopg).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, overload

from sqlalchemy.engine import Connection

SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's fixed-width text: compares in time order


def mark(dialect: str) -> str:
    """The driver's positional placeholder."""
    return "?" if dialect == "sqlite" else "%s"


def marks(dialect: str, n: int) -> str:
    """`n` placeholders for an IN list."""
    return ", ".join([mark(dialect)] * n)


def rows(conn: Connection, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[tuple[Any, ...]]:
    """All rows of one SELECT as the driver's tuples: SQLAlchemy's Row objects cost ~2.5 us each, 1 ms
    for the 400 candidates a search ranks. The statement still goes through SQLAlchemy's execution, so
    its events fire."""
    result = conn.exec_driver_sql(sql, params if isinstance(params, Mapping) else tuple(params))
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


@overload
def utc(value: None) -> None: ...
@overload
def utc(value: str | datetime) -> datetime: ...
def utc(value: Any) -> datetime | None:
    """A timestamp as an aware UTC datetime: SQLite hands back naive UTC text, PostgreSQL aware values."""
    if value is None:
        return None
    if isinstance(value, str):
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
