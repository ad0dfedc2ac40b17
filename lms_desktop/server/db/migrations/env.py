"""Alembic environment, configured from code (migrate.py): no alembic.ini is needed at runtime.

`render_as_batch` only on SQLite (ALTER TABLE there needs copy-and-move). FTS5 shadow tables and the
PostgreSQL tsvector objects are hidden from comparison: they are created by hand in the migrations.
Batch operations on `courses` drop its FTS triggers: a migration that batches courses must call
`fts.create_sqlite_fts(op.execute)` afterwards (recreates the triggers and rebuilds the index).
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from lms_desktop.server.db.fts import include_object
from lms_desktop.server.db.schema import metadata


def run_migrations_online() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
        with engine.begin() as conn:
            _run(conn)
        engine.dispose()
    else:
        _run(connection)


def _run(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
