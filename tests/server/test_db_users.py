"""Accounts and tokens on both engines: argon2, unique names, token expiry and revocation, versions."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.errors import UserExists
from lms_desktop.server.db.queries import tokens, users, versions
from tests.server.db_support import engine_params, scratch_database


@pytest.fixture(params=engine_params())
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return scratch_database(request.param, request, tmp_path_factory)


def test_create_and_authenticate(db: Database) -> None:
    with db.write() as conn:
        user = users.create_user(conn, "ada", "correct horse", "Ada L.")
    with db.read() as conn:
        stored = conn.execute(
            sa.text("SELECT password_hash FROM users WHERE id = :i"), {"i": user.id}
        ).scalar_one()
        assert stored.startswith("$argon2id$") and "correct horse" not in stored
        assert users.authenticate(conn, "ada", "correct horse") == user
        assert users.authenticate(conn, "ada", "wrong") is None
        assert users.authenticate(conn, "nobody", "correct horse") is None
        assert users.get_user(conn, user.id) == user
        assert users.get_user(conn, user.id + 1000) is None
    with db.write() as conn, pytest.raises(UserExists):
        users.create_user(conn, "ada", "other")


def test_tokens_store_only_a_digest_and_expire(db: Database) -> None:
    with db.write() as conn:
        uid = users.create_user(conn, "bo", "pw").id
        token, expires = tokens.issue(conn, uid, timedelta(hours=1))
        stale, _ = tokens.issue(conn, uid, timedelta(seconds=-1))
    with db.read() as conn:
        assert expires.tzinfo is not None
        digests = conn.execute(sa.text("SELECT token_sha256 FROM tokens")).scalars().all()
        assert token not in digests and len(digests) == 2
        user = tokens.resolve(conn, token)
        assert user is not None and user.id == uid
        assert tokens.resolve(conn, stale) is None  # expired
        assert tokens.resolve(conn, "made-up") is None
        assert tokens.resolve(conn, "") is None
        assert tokens.resolve(conn, "x" * 10_000) is None
    with db.write() as conn:
        tokens.revoke(conn, token)
    with db.read() as conn:
        assert tokens.resolve(conn, token) is None


def test_versions(db: Database) -> None:
    with db.write() as conn:
        uid = users.create_user(conn, "cy", "pw").id
    with db.read() as conn:
        cat, mine = versions.catalog_version(conn), versions.user_version(conn, uid)
    with db.write() as conn:
        versions.bump_catalog(conn)
        versions.bump_user(conn, uid)
    with db.read() as conn:
        assert versions.catalog_version(conn) == cat + 1
        assert versions.user_version(conn, uid) == mine + 1


def test_ping_and_engine_settings(db: Database) -> None:
    assert db.ping()
    if db.dialect == "sqlite":
        with db.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    else:
        with db.read() as conn:
            assert conn.exec_driver_sql("SHOW jit").scalar() == "off"
            raw = conn.connection.driver_connection
            assert raw is not None and raw.autocommit  # no BEGIN/ROLLBACK round trips per read


def test_write_rolls_back_on_error(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as conn:
        users.create_user(conn, "dee", "pw")
        raise RuntimeError("boom")
    with db.read() as conn:
        assert users.get_user_by_name(conn, "dee") is None


def test_sqlite_writes_begin_immediate(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A deferred BEGIN that reads then writes loses lock races ("database is locked"); ours takes the
    write lock up front. Checked on the driver: a second writer cannot begin while the first is open."""
    import sqlite3

    db = scratch_database("sqlite", request, tmp_path_factory)
    path = db.write_engine.url.database
    assert path
    with db.write() as conn:
        conn.exec_driver_sql("SELECT 1")  # nothing written yet, but the write lock is already held
        other = sqlite3.connect(path, timeout=0.05, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            assert other.execute("SELECT COUNT(*) FROM users").fetchone() is not None  # readers go on (WAL)
        finally:
            other.close()
