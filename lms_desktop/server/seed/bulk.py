"""Fast bulk loading for the seed: executemany in big batches on SQLite, COPY on PostgreSQL.

The rows bypass SQLAlchemy's per-row type processing (that alone would double the seed time), so values
must already be in the driver's form: `db_time()` gives SQLite the exact text format UTCDateTime writes
(fixed width, so comparisons in SQL stay correct) and PostgreSQL an aware datetime.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from sqlalchemy.engine import Connection

BATCH = 50_000


def time_converter(dialect: str) -> Callable[[float], Any]:
    """epoch seconds -> the value the driver stores for a UTCDateTime column."""
    if dialect == "sqlite":
        return lambda epoch: (
            datetime.fromtimestamp(epoch, UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
        )
    return lambda epoch: datetime.fromtimestamp(epoch, UTC)


def insert_rows(
    conn: Connection,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    on_batch: Callable[[int], None] | None = None,
) -> int:
    """Insert every row; returns how many. `on_batch(n)` is told after each batch of n rows."""
    total = 0
    it = iter(rows)
    if conn.dialect.name == "sqlite":
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        while batch := list(islice(it, BATCH)):
            conn.exec_driver_sql(sql, batch)
            total += len(batch)
            if on_batch:
                on_batch(len(batch))
        return total
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        count = 0
        for row in it:
            copy.write_row(row)
            count += 1
            if count == BATCH:
                total += count
                count = 0
                if on_batch:
                    on_batch(BATCH)
        total += count
        if on_batch and count:
            on_batch(count)
    return total


def reset_sequences(conn: Connection, tables: Sequence[str]) -> None:
    """After COPY with explicit ids, move PostgreSQL's id sequences past the highest id."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        )


def max_id(conn: Connection, table: str) -> int:
    value = conn.exec_driver_sql(f"SELECT COALESCE(MAX(id), 0) FROM {table}").scalar()
    return int(value or 0)


def suspend_foreign_keys(conn: Connection, tables: Sequence[str]) -> list[tuple[str, str, str]]:
    """PostgreSQL: drop the foreign keys of `tables` for a bulk load (per-row checks dominate COPY).

    Returns their definitions for restore_foreign_keys(), which re-adds and validates them in one pass
    per table ("Populating a Database" in the PostgreSQL manual). Both run in the seed's transaction, so
    nothing is ever committed without its constraints.
    """
    rows = conn.exec_driver_sql(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype = 'f' AND conrelid::regclass::text = ANY(%(tables)s)",
        {"tables": list(tables)},
    ).all()
    found = [(str(t), str(n), str(d)) for t, n, d in rows]
    for table, name, _definition in found:
        conn.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    return found


def restore_foreign_keys(conn: Connection, found: Sequence[tuple[str, str, str]]) -> None:
    for table, name, definition in found:
        conn.exec_driver_sql(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
