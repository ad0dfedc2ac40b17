"""A text picture of the schema each migration step leaves, to hold refactors of the migrations to it.

The pictures read the database's own catalog (sqlite_master; pg_catalog on PostgreSQL), so they show
what the migrations really created: tables, columns with types, defaults and nullability, constraints,
indexes, triggers, functions, and the rows the migrations insert. They are committed under
tests/server/schema/; after a new migration or a deliberate schema change, regenerate them with

    PYTHONPATH=$PWD python -m tests.server.schema_snapshot URL_OF_AN_EMPTY_POSTGRES_DATABASE
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa

from lms_desktop.server.db import migrate
from lms_desktop.server.db.engine import Database

SNAPSHOT_DIR = Path(__file__).with_name("schema")
# every revision in order of application; each step is pictured after it is applied
STEPS = (
    "0001",
    "0002",
    "0003",
    "importer_content_search",
    "server_polish_rating_score",
    "reader_video_position",
    "head",
)

SQLITE_OBJECTS = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name, tbl_name"
PG_QUERIES = {
    "column": """
        SELECT c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid), a.attgenerated
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0
          AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum""",
    "constraint": """
        SELECT cl.relname, co.conname, pg_get_constraintdef(co.oid)
        FROM pg_constraint co
        JOIN pg_class cl ON cl.oid = co.conrelid
        JOIN pg_namespace n ON n.oid = co.connamespace
        WHERE n.nspname = 'public'
        ORDER BY cl.relname, co.conname""",
    "index": "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
    " ORDER BY tablename, indexname",
    "trigger": """
        SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid)
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND NOT t.tgisinternal
        ORDER BY c.relname, t.tgname""",
    "function": """
        SELECT p.proname, pg_get_functiondef(p.oid)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public'
        ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)""",
    "sequence": "SELECT sequencename, data_type, start_value, increment_by FROM pg_sequences"
    " WHERE schemaname = 'public' ORDER BY sequencename",
}


def _rows(conn: sa.Connection, kind: str, sql: str) -> Iterator[str]:
    for row in conn.exec_driver_sql(sql):
        yield f"{kind} " + " | ".join(_sorted_constraints(v) if isinstance(v, str) else str(v) for v in row)


def _sorted_constraints(sql: str) -> str:
    """A CREATE TABLE with its constraint lines sorted: SQLite's batch ALTER rebuilds a table with them in
    an order that varies from run to run, and their order has no meaning."""
    lines = [line.rstrip().removesuffix(",") for line in sql.splitlines()]
    constraints = sorted(line for line in lines if line.lstrip().startswith("CONSTRAINT "))
    others = [line for line in lines if not line.lstrip().startswith("CONSTRAINT ")]
    if not constraints:
        return sql
    return "\n".join(others[:-1] + constraints + others[-1:])


def _table_rows(conn: sa.Connection, tables: list[str]) -> Iterator[str]:
    """The data the migrations put in (a fresh database's tables are otherwise empty)."""
    for table in sorted(tables):
        for row in sorted(repr(tuple(r)) for r in conn.exec_driver_sql(f'SELECT * FROM "{table}"')):
            yield f"row {table} {row}"


def picture(db: Database) -> str:
    """The schema of `db`, one object a line, in a stable order."""
    lines: list[str] = []
    with db.read() as conn:
        if db.dialect == "sqlite":
            lines += _rows(
                conn,
                "object",
                SQLITE_OBJECTS,
            )
            tables = [
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
                if not r[0].startswith("sqlite_")
            ]
        else:
            for kind, sql in PG_QUERIES.items():
                lines += _rows(conn, kind, sql)
            tables = list(sa.inspect(conn).get_table_names())
        lines += _table_rows(conn, tables)
    return "\n".join(lines) + "\n"


def pictures(url: str) -> Iterator[tuple[str, str]]:
    """(step, picture) after each migration step, applied one by one to the empty database at `url`."""
    db = Database.open(url)
    try:
        for step in STEPS:
            migrate.upgrade_database(db, step)
            yield step, picture(db)
    finally:
        db.close()


def snapshot_path(kind: str, step: str) -> Path:
    return SNAPSHOT_DIR / f"{kind}_{step}.txt"


def write_all(pg_url: str) -> None:
    SNAPSHOT_DIR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for kind, url in (("sqlite", f"sqlite:///{Path(tmp) / 'lms.sqlite3'}"), ("postgres", pg_url)):
            for step, text in pictures(url):
                snapshot_path(kind, step).write_text(text)


if __name__ == "__main__":
    write_all(sys.argv[1])
