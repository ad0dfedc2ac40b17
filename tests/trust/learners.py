"""Learners for the trust tests, made through the storage layer (setup, not the thing under test), and a
few read-only looks into the database to check what HTTP alone cannot show (duplicate rows, stored hashes).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import sqlalchemy as sa


@dataclass(frozen=True)
class Learner:
    id: int
    username: str
    password: str
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def cheap_argon2_hash(password: str) -> str:
    """An argon2id hash with tiny cost parameters: verifies like any other (the parameters travel inside the
    hash) but costs a millisecond, so making dozens of learners does not eat a 2-core CI machine's budget."""
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(password)


def create_learners(
    database_url: str,
    prefix: str,
    count: int,
    *,
    ttl: timedelta | None = None,
    server_hashing: bool = False,
) -> list[Learner]:
    """`count` new learners named `{prefix}{i}`, each with a random password and one fresh token.

    `server_hashing=True` lets the storage layer hash the password with its own (costly) parameters.
    """
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.db.queries import tokens, users

    db = Database.open(database_url)
    made: list[Learner] = []
    try:
        for i in range(count):
            username = f"{prefix}{i}"
            password = secrets.token_urlsafe(12)
            with db.write() as conn:
                user = users.create_user(
                    conn,
                    username,
                    password,
                    f"Learner {prefix}{i}",
                    password_hash=None if server_hashing else cheap_argon2_hash(password),
                )
                token, _ = tokens.issue(conn, user.id, ttl or timedelta(hours=1))
            made.append(Learner(user.id, username, password, token))
    finally:
        db.close()
    return made


def issue_token(database_url: str, user_id: int, ttl: timedelta) -> str:
    """A token straight from storage; a negative ttl gives one that has already expired."""
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.db.queries import tokens

    db = Database.open(database_url)
    try:
        with db.write() as conn:
            token, _ = tokens.issue(conn, user_id, ttl)
    finally:
        db.close()
    return token


def query(database_url: str, sql: str, params: dict[str, Any] | None = None) -> list[Sequence[Any]]:
    """Rows of one read-only SQL statement, with a plain engine (not the server's code)."""
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(sa.text(sql), params or {})]
    finally:
        engine.dispose()
