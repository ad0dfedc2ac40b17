"""Small helpers that hide the one dialect difference the queries need: the upsert constructs."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection


def dialect_insert(conn: Connection, table: sa.Table) -> Any:
    """INSERT that supports on_conflict_do_nothing / on_conflict_do_update on either engine."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def dialect_insert_for(dialect: str, table: sa.Table) -> Any:
    """`dialect_insert` by dialect name, for statements built once per dialect."""
    return postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
