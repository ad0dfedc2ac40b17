"""Helpers shared by the storage tests: open a migrated database on either engine, seed it small."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from lms_desktop.server.db import migrate
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.queries import catalog

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
    import psycopg

    admin = str(request.getfixturevalue("pg_admin_url"))
    plain = admin.replace("postgresql+psycopg://", "postgresql://")
    name = f"lms_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = admin.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


RESET_ORDER = (
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
        conn.exec_driver_sql("UPDATE versions SET value = 1")
    catalog.clear_caches()  # cached totals are keyed by catalog version, which was just rewound
    return db


@contextmanager
def shared_database(kind: str, request: pytest.FixtureRequest, tmp_dir: Path) -> Iterator[Database]:
    """A migrated database for one module; tests call reset() on it."""
    with module_database(kind, request, tmp_dir) as url:
        db = open_migrated(url)
        try:
            yield db
        finally:
            db.close()


SEEDED_COURSES = 300
SEEDED_USERS = 60
SEEDED_SEED = 7
_seeded: dict[str, Database] = {}


def seeded_database(
    kind: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Database:
    """One small seeded catalog per engine for the whole session, shared by read-only tests.

    Tests that use it must not write to it (use shared_database + reset for writes).
    """
    if kind in _seeded:
        return _seeded[kind]
    ctx = module_database(kind, request, tmp_path_factory.mktemp(f"seeded-{kind}"))
    url = ctx.__enter__()
    db = open_migrated(url)
    from lms_desktop.server.seed import seed

    seed(db, courses=SEEDED_COURSES, users=SEEDED_USERS, seed=SEEDED_SEED, images_dir=None)
    _seeded[kind] = db

    def cleanup() -> None:
        db.close()
        _seeded.pop(kind, None)
        ctx.__exit__(None, None, None)

    request.config.add_cleanup(cleanup)
    return db
