"""Bearer tokens: random, only their sha256 is stored (a leaked database holds no usable token)."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.contract import User
from lms_desktop.server.db.driver_sql import datetime_param, mark
from lms_desktop.server.db.schema import tokens

MAX_TOKEN_CHARS = 512  # longer is no token of ours: refused without a query


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def issue(conn: Connection, user_id: int, ttl: timedelta) -> tuple[str, datetime]:
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    expires = now + ttl
    conn.execute(
        sa.insert(tokens).values(
            user_id=user_id, token_sha256=token_digest(token), created_at=now, expires_at=expires
        )
    )
    return token, expires


def session_sql(dialect: str, *also: str) -> str:
    """The user behind a live token (id, username, display name, role, version), then one column per
    scalar subquery in `also` (their parameters come first); then two parameters: `token_digest` and
    `now_param`. No row: unknown, expired or revoked. The loop's lookups (`db/lookups.py`) add the
    versions an ETag is made of, so a signed-in request's inputs are one round trip."""
    extra = "".join(f", ({sql})" for sql in also)
    not_revoked = "t.revoked = 0" if dialect == "sqlite" else "NOT t.revoked"
    return (
        f"SELECT u.id, u.username, u.display_name, u.role, u.version{extra} FROM tokens t "
        f"JOIN users u ON u.id = t.user_id WHERE t.token_sha256 = {mark(dialect)} AND {not_revoked} "
        f"AND t.expires_at > {mark(dialect)}"
    )


def now_param(dialect: str) -> Any:
    """The current time as `session_sql` compares it with `expires_at`."""
    return datetime_param(dialect, datetime.now(UTC))


def user_of(row: Sequence[Any]) -> User:
    """The User from the first columns of a `session_sql` row."""
    uid, username, display_name, role = row[:4]
    return User(id=int(uid), username=username, display_name=display_name, role=role or "learner")


def resolve(conn: Connection, token: str) -> User | None:
    """The token's user, or None when unknown, expired or revoked."""
    if not token or len(token) > MAX_TOKEN_CHARS:
        return None
    dialect = conn.dialect.name
    row = conn.exec_driver_sql(session_sql(dialect), (token_digest(token), now_param(dialect))).first()
    return None if row is None else user_of(row)


def revoke(conn: Connection, token: str) -> None:
    conn.execute(sa.update(tokens).where(tokens.c.token_sha256 == token_digest(token)).values(revoked=True))
