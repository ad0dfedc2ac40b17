"""Reading what SQLite can still read from a damaged file, row by row.

A damaged page in a SQLite file makes a full scan stop with "database disk image is malformed" at that page,
but the rows on every other page are usually intact (a damaged last page often leaves every row readable).
Python's sqlite3 has no ``.recover``, so this does by hand what it does for one table: scan forward until
the damage, scan backward until the damage, learn from the table's indexes (each a b-tree of its own) which
row ids exist, and fetch each row not read yet by its id, skipping those that fail. Rows that an index
names but that cannot be read are the ones lost; when no index is readable either, the ids between the two
scans that fail to read are counted instead (an upper bound: a deleted row's id fails the same way).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MAX_GAP_LOOKUPS = 100_000  # ids probed one by one when no index says which exist


@dataclass
class Salvaged:
    columns: list[str]
    rows: dict[int, tuple[Any, ...]] = field(default_factory=dict)  # row id -> the row's columns
    unreadable: int | None = 0  # rows known to exist that could not be read; None: not even the table


def _scan(conn: sqlite3.Connection, sql: str, args: Iterable[object] = ()) -> list[tuple[Any, ...]]:
    """Rows of `sql` up to the first error."""
    out: list[tuple[Any, ...]] = []
    try:
        for row in conn.execute(sql, tuple(args)):
            out.append(tuple(row))
    except sqlite3.DatabaseError as exc:
        log.info("salvage: %s stopped after %d rows: %s", sql.split(" FROM ")[0][:60], len(out), exc)
    return out


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]
    except sqlite3.DatabaseError:
        return []


def _indexes(conn: sqlite3.Connection, table: str) -> list[tuple[str, list[str]]]:
    out = []
    with contextlib.suppress(sqlite3.DatabaseError):
        for row in conn.execute(f"PRAGMA index_list({table})").fetchall():
            name = str(row[1])
            cols = [str(c[2]) for c in conn.execute(f"PRAGMA index_info({name})").fetchall() if c[2]]
            out.append((name, cols))
    return out


def salvage_table(path: Path, table: str) -> Salvaged:
    """Every readable row of `table` in the damaged SQLite file at `path` (opened as a copy we may write:
    SQLite replays its WAL on open), with the count of rows known lost."""
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=1.0)
    except sqlite3.DatabaseError:
        return Salvaged([], unreadable=None)
    try:
        return _salvage(conn, table)
    finally:
        conn.close()


def _salvage(conn: sqlite3.Connection, table: str) -> Salvaged:
    columns = _columns(conn, table)
    if not columns:
        return Salvaged([], unreadable=None)
    listed = ", ".join(f'"{c}"' for c in columns)
    found = Salvaged(columns)
    for order in ("ASC", "DESC"):
        for rowid, *rest in _scan(conn, f"SELECT rowid, {listed} FROM {table} ORDER BY rowid {order}"):
            found.rows[int(rowid)] = tuple(rest)
    known: set[int] = set()
    for name, cols in _indexes(conn, table):
        order_by = ", ".join(f'"{c}"' for c in cols) or "rowid"
        known.update(
            int(r[0]) for r in _scan(conn, f"SELECT rowid FROM {table} INDEXED BY {name} ORDER BY {order_by}")
        )
    candidates = known - found.rows.keys()
    if not known and found.rows:  # no index to ask: probe the ids between what the two scans reached
        high = min(max(found.rows), MAX_GAP_LOOKUPS)
        candidates = {i for i in range(1, high) if i not in found.rows}
    failed = 0
    for rowid in sorted(candidates):
        try:
            row = conn.execute(f"SELECT {listed} FROM {table} WHERE rowid = ?", (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            failed += 1
            continue
        if row is not None:
            found.rows[rowid] = tuple(row)
        elif rowid in known:
            failed += 1
    found.unreadable = failed
    return found
