"""Bearer tokens: random, only their sha256 is stored (a leaked database holds no usable token)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lms_desktop.contract import User
from lms_desktop.server.db.schema import tokens, users


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


def resolve(conn: Connection, token: str) -> User | None:
    """The token's user, or None when unknown, expired or revoked."""
    if not token or len(token) > 512:
        return None
    row = conn.execute(
        sa.select(users.c.id, users.c.username, users.c.display_name, users.c.role)
        .join(tokens, tokens.c.user_id == users.c.id)
        .where(
            tokens.c.token_sha256 == token_digest(token),
            tokens.c.revoked.is_(False),
            tokens.c.expires_at > datetime.now(UTC),
        )
    ).first()
    if row is None:
        return None
    return User(id=row.id, username=row.username, display_name=row.display_name, role=row.role)


def revoke(conn: Connection, token: str) -> None:
    conn.execute(sa.update(tokens).where(tokens.c.token_sha256 == token_digest(token)).values(revoked=True))
