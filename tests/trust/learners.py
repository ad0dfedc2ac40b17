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


def create_learners(
    database_url: str, prefix: str, count: int, *, ttl: timedelta | None = None
) -> list[Learner]:
    """`count` new learners named `{prefix}{i}`, each with a random password and one fresh token."""
    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.db.queries import tokens, users

    db = Database.open(database_url)
    made: list[Learner] = []
    try:
        for i in range(count):
            username = f"{prefix}{i}"
            password = secrets.token_urlsafe(12)
            with db.write() as conn:
                user = users.create_user(conn, username, password, f"Learner {prefix}{i}")
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
