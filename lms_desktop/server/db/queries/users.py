"""Accounts: argon2 password hashes; a missing user costs the same time as a wrong password."""

from __future__ import annotations

import contextlib
import functools
from datetime import UTC, datetime

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy.engine import Connection

from lms_desktop.contract import User
from lms_desktop.server.db.errors import UserExists
from lms_desktop.server.db.schema import users
from lms_desktop.server.db.sqlutil import dialect_insert

# OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): argon2-cffi's default (64 MiB, 3 passes, 4 lanes)
# costs several times more per hash, which on a small server would make sign-in a denial-of-service lever.
_hasher = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("not a real password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def create_user(
    conn: Connection,
    username: str,
    password: str,
    display_name: str | None = None,
    *,
    password_hash: str | None = None,
    role: str = "learner",
) -> User:
    """Create an account; raises UserExists when the name is taken (race-free: ON CONFLICT DO NOTHING)."""
    username = username.strip()
    if not username:
        raise ValueError("username must not be empty")
    name = display_name or username
    stmt = (
        dialect_insert(conn, users)
        .values(
            username=username,
            display_name=name,
            password_hash=password_hash or hash_password(password),
            created_at=datetime.now(UTC),
            role=role,
        )
        .on_conflict_do_nothing(index_elements=["username"])
        .returning(users.c.id)
    )
    new_id = conn.execute(stmt).scalar()
    if new_id is None:
        raise UserExists(f"user {username!r} already exists")
    return User(id=int(new_id), username=username, display_name=name, role=role)  # type: ignore[arg-type]


def authenticate(conn: Connection, username: str, password: str) -> User | None:
    if "\x00" in username:  # no stored name holds NUL, and PostgreSQL refuses it in any text parameter
        with contextlib.suppress(VerificationError):
            _hasher.verify(_dummy_hash(), password)
        return None
    row = conn.execute(
        sa.select(
            users.c.id, users.c.username, users.c.display_name, users.c.password_hash, users.c.role
        ).where(users.c.username == username.strip())
    ).first()
    if row is None:
        with contextlib.suppress(VerificationError):
            _hasher.verify(_dummy_hash(), password)
        return None
    try:
        _hasher.verify(row.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    return User(id=row.id, username=row.username, display_name=row.display_name, role=row.role)


def get_user(conn: Connection, user_id: int) -> User | None:
    row = conn.execute(
        sa.select(users.c.id, users.c.username, users.c.display_name).where(users.c.id == user_id)
    ).first()
    return None if row is None else User(id=row.id, username=row.username, display_name=row.display_name)


def get_user_by_name(conn: Connection, username: str) -> User | None:
    row = conn.execute(
        sa.select(users.c.id, users.c.username, users.c.display_name).where(users.c.username == username)
    ).first()
    return None if row is None else User(id=row.id, username=row.username, display_name=row.display_name)
