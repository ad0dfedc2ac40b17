"""Fixtures for the trust suite: real `lms-server` subprocesses on seeded databases.

A small catalog is seeded once per session into a template folder (SQLite file + cover images); each server
gets its own copy, so tests that write cannot disturb each other and nobody waits for a second seed.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.trust import serverproc
from tests.trust.serverproc import ServerProcess

TEMPLATE_COURSES = 40
TEMPLATE_USERS = 5
TEMPLATE_SEED = 7


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A seeded home (data/lms.sqlite3 + data/images/) that tests copy; seeded once per session."""
    home = tmp_path_factory.mktemp("trust-template")
    url = serverproc.sqlite_url(home / "data" / "lms.sqlite3")
    serverproc.seed(home, url, courses=TEMPLATE_COURSES, users=TEMPLATE_USERS, seed_value=TEMPLATE_SEED)
    return home


def sqlite_copy(template: Path, home: Path) -> str:
    """Copy the template's data folder into `home/data`; return the SQLite URL of the copy."""
    shutil.copytree(template / "data", home / "data", dirs_exist_ok=True)
    return serverproc.sqlite_url(home / "data" / "lms.sqlite3")


@pytest.fixture
def sqlite_home(sqlite_template: Path, tmp_path: Path) -> tuple[Path, str]:
    """A private copy of the seeded SQLite deployment for one test: (home, database URL)."""
    return tmp_path, sqlite_copy(sqlite_template, tmp_path)


@pytest.fixture(scope="module")
def sqlite_server(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One server per test module on its own copy of the seeded SQLite database."""
    home = tmp_path_factory.mktemp("trust-sqlite")
    server = serverproc.start_server(home, sqlite_copy(sqlite_template, home))
    try:
        yield server
    finally:
        server.stop()


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


@pytest.fixture(scope="session")
def pg_template(pg_admin_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A seeded PostgreSQL database used only as a template (seeded once), and the home with its covers."""
    import psycopg

    name = f"lms_trust_tpl_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_plain(pg_admin_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = pg_admin_url.rpartition("/")[0]
    home = tmp_path_factory.mktemp("trust-pg-template")
    try:
        serverproc.seed(
            home, f"{base}/{name}", courses=TEMPLATE_COURSES, users=TEMPLATE_USERS, seed_value=TEMPLATE_SEED
        )
        yield name, home
    finally:
        with psycopg.connect(_plain(pg_admin_url), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_seeded_url(pg_admin_url: str, pg_template: tuple[str, Path], tmp_path: Path) -> Iterator[str]:
    """A private copy of the seeded PostgreSQL database (CREATE DATABASE ... TEMPLATE, no second seed);
    its covers are copied into `tmp_path/data`, the home the test's servers use."""
    import psycopg

    template, template_home = pg_template
    name = f"lms_trust_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_plain(pg_admin_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    shutil.copytree(template_home / "data", tmp_path / "data", dirs_exist_ok=True)
    try:
        yield f"{pg_admin_url.rpartition('/')[0]}/{name}"
    finally:
        with psycopg.connect(_plain(pg_admin_url), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
