"""Migrations: up from empty on both engines, down and up again, and the schema matches schema.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from lms_desktop.server.db import fts_content, migrate
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.fts import include_object
from lms_desktop.server.db.schema import metadata
from tests.server.db_support import engine_params, url_for

TABLES = {
    "users",
    "tokens",
    "courses",
    "lessons",
    "section_bodies",
    "sections",
    "enrollments",
    "progress",
    "course_ratings",
    "applied_ops",
    "versions",
    "rating_prior",
    "assets",
    "course_assets",
    "quiz_questions",
    "quiz_attempts",
    "course_search",
}


@pytest.mark.parametrize("kind", engine_params())
def test_upgrade_from_empty_creates_schema_and_search(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    url = url_for(kind, request, tmp_path)
    assert migrate.current_revision(url) is None
    migrate.upgrade(url)
    assert migrate.current_revision(url) == "search_section_titles"
    migrate.upgrade(url)  # idempotent: already at head
    db = Database.open(url)
    try:
        with db.read() as conn:
            names = set(sa.inspect(conn).get_table_names())
            assert names >= TABLES
            if kind == "sqlite":
                triggers = {
                    r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")
                }
                assert triggers == {
                    "courses_fts_ai",
                    "courses_fts_ad",
                    "courses_fts_au",
                    *fts_content.TRIGGER_NAMES,
                }
                assert "courses_fts" in names
            else:
                cols = {c["name"] for c in sa.inspect(conn).get_columns("courses")}
                assert "search_vector" in cols
                trg = (
                    conn.exec_driver_sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
                    .scalars()
                    .all()
                )
                assert {"courses_search_vector_trg", "course_search_vector_trg"} <= set(trg)
            # the catalog version row exists from the start (ETags need it)
            assert conn.exec_driver_sql("SELECT value FROM versions WHERE name = 'catalog'").scalar() == 1
    finally:
        db.close()


@pytest.mark.parametrize("kind", engine_params())
def test_schema_matches_metadata(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """The migration and schema.py describe the same tables (FTS objects hidden by include_object)."""
    url = url_for(kind, request, tmp_path)
    migrate.upgrade(url)
    db = Database.open(url)
    try:
        with db.read() as conn:
            ctx = MigrationContext.configure(
                conn, opts={"include_object": include_object, "compare_type": False}
            )
            diff = compare_metadata(ctx, metadata)
        assert diff == []
    finally:
        db.close()


@pytest.mark.parametrize("kind", engine_params())
def test_downgrade_to_base_and_up_again(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    url = url_for(kind, request, tmp_path)
    db = Database.open(url)
    try:
        migrate.upgrade_database(db)
        migrate.downgrade_database(db, "base")
        with db.read() as conn:
            assert not (set(sa.inspect(conn).get_table_names()) & TABLES)
        migrate.upgrade_database(db)
        with db.read() as conn:
            assert set(sa.inspect(conn).get_table_names()) >= TABLES
    finally:
        db.close()
