"""Programmatic Alembic: `upgrade(url)` at server start and from `lms-server migrate`.

The Alembic Config is built in code with script_location pointing inside the installed package, so no
alembic.ini has to ship or be found at runtime.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext

from lms_desktop.server.db.engine import Database

SCRIPT_LOCATION = Path(__file__).with_name("migrations")


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
    cfg = alembic_config(db)
    with db.write() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade_database(db: Database, revision: str) -> None:
    cfg = alembic_config(db)
    with db.write() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def current_revision(url: str) -> str | None:
    db = Database.open(url)
    try:
        with db.read() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        db.close()
