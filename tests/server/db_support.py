"""Helpers shared by the storage tests: open a migrated database on either engine, seed it small."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from lms_desktop.server.db import migrate
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.queries import catalog, versions
from tests.fixtures.services import fresh_pg_database

ENGINES = ["sqlite", "postgres"]


def engine_params() -> list[object]:
    """Parametrize ids for a test that runs on both engines (postgres marked so CI can select it)."""
    return [
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]


def url_for(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'lms.sqlite3'}"
    return str(request.getfixturevalue("pg_database_url"))


def open_migrated(url: str) -> Database:
    migrate.upgrade(url)
    return Database.open(url)


@contextmanager
def module_database(kind: str, request: pytest.FixtureRequest, tmp_dir: Path) -> Iterator[str]:
    """A database URL that lives for a whole module (the per-test pg fixture is function scoped)."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_dir / 'lms.sqlite3'}"
        return
    with fresh_pg_database(str(request.getfixturevalue("pg_admin_url"))) as url:
        yield url


RESET_ORDER = (
    "quiz_attempts",
    "quiz_questions",
    "course_search",
    "course_assets",
    "assets",
    "applied_ops",
    "progress",
    "course_ratings",
    "enrollments",
    "tokens",
    "sections",
    "lessons",
    "section_bodies",
    "courses",
    "users",
    "rating_prior",
)


def reset(db: Database) -> Database:
    """Empty every table of a migrated database (much cheaper than a new PostgreSQL database per test)."""
    with db.write() as conn:
        if db.dialect == "postgresql":
            conn.exec_driver_sql(f"TRUNCATE {', '.join(RESET_ORDER)} RESTART IDENTITY CASCADE")
        else:
            for table in RESET_ORDER:
                conn.exec_driver_sql(f"DELETE FROM {table}")
            conn.exec_driver_sql("INSERT INTO courses_fts(courses_fts) VALUES ('rebuild')")
        conn.exec_driver_sql("UPDATE versions SET value = 1 WHERE name = 'catalog'")
    catalog.clear_caches()  # cached totals are keyed by catalog version, which was just rewound
    versions.note_catalog_changed()  # and so is the front's memo of it
    return db


SEEDED_COURSES = 300
SEEDED_USERS = 60
SEEDED_SEED = 7
_cache: dict[tuple[str, str], Database] = {}


def _session_database(
    kind: str,
    label: str,
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    prepare: Callable[[Database], object],
) -> Database:
    """A migrated database per (engine, label) for the whole test session, dropped at the end.

    One PostgreSQL CREATE/DROP DATABASE plus migration costs ~2-3 s, so modules share these.
    """
    key = (kind, label)
    if key in _cache:
        return _cache[key]
    ctx = module_database(kind, request, tmp_path_factory.mktemp(f"{label}-{kind}"))
    url = ctx.__enter__()
    db = open_migrated(url)
    prepare(db)
    _cache[key] = db

    def cleanup() -> None:
        db.close()
        _cache.pop(key, None)
        ctx.__exit__(None, None, None)

    request.config.add_cleanup(cleanup)
    return db


def scratch_database(
    kind: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Database:
    """An emptied migrated database for a test that writes (shared by the session, reset per test)."""
    return reset(_session_database(kind, "scratch", request, tmp_path_factory, lambda _db: None))


def seeded_database(
    kind: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Database:
    """One small seeded catalog per engine for the whole session, shared by read-only tests.

    Tests that use it must not write to it (use scratch_database for writes).
    """
    from lms_desktop.server.seed import seed

    def fill(db: Database) -> None:
        seed(db, courses=SEEDED_COURSES, users=SEEDED_USERS, seed=SEEDED_SEED, images_dir=None)

    return _session_database(kind, "seeded", request, tmp_path_factory, fill)
