"""Programmatic Alembic: `upgrade(url)` at server start and from `lms-server migrate`.

The Alembic Config is built in code with script_location pointing inside the installed package, so no
alembic.ini has to ship or be found at runtime.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from lms_desktop.server.db.engine import Database

SCRIPT_LOCATION = Path(__file__).with_name("migrations")
# pg_advisory_xact_lock key held around an upgrade ("lmsmigr" in ASCII): instances started together queue
# on it, the first migrates, the others find the schema at head and change nothing
MIGRATION_LOCK_KEY = 0x6C6D736D696772


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at `url` to `revision` (default: the newest), creating it if empty."""
    db = Database.open(url)
    try:
        upgrade_database(db, revision)
    finally:
        db.close()


def upgrade_database(db: Database, revision: str = "head") -> None:
    """One upgrade at a time per database: on PostgreSQL under a transaction-scoped advisory lock (released
    at commit or when the connection dies); SQLite's BEGIN IMMEDIATE already admits one writer."""
    cfg = alembic_config(db)
    with db.write() as conn:
        if db.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade_database(db: Database, revision: str) -> None:
    cfg = alembic_config(db)
    with db.write() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def head_revisions() -> set[str]:
    """The revisions this code expects the database at."""
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    return set(ScriptDirectory.from_config(cfg).get_heads())


def current_revision(url: str) -> str | None:
    db = Database.open(url)
    try:
        with db.read() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        db.close()
