"""Bearer-token authentication. Per-user endpoints take the user from the token and never from input.

Tokens are random strings; storage keeps only their sha256, so a database leak is not a session leak.
Resolving one is a single indexed lookup on the loop's own connection (`db.lookups`), which also returns
the user's and the catalog's versions that per-user ETags are made of. The token never reaches a log line.
"""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.exceptions import NotAuthorizedException

from lms_desktop.contract import User
from lms_desktop.server.db.lookups import Session
from lms_desktop.server.http.state import ServerState

BEARER = "bearer "
MAX_TOKEN_CHARS = 256
_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="lms"'}


def bearer_token(request: Request[Any, Any, Any]) -> str | None:
    """The token from `Authorization: Bearer ...`, None when the header is absent."""
    return bearer_from_header(request.headers.get("authorization"))


def bearer_from_header(header: str | None) -> str | None:
    if header is None:
        return None
    if not header[: len(BEARER)].lower() == BEARER:
        raise NotAuthorizedException("Authorization must be a bearer token", headers=_CHALLENGE)
    token = header[len(BEARER) :].strip()
    if not token or len(token) > MAX_TOKEN_CHARS:
        raise NotAuthorizedException("invalid bearer token", headers=_CHALLENGE)
    return token


def optional_session(request: Request[Any, Any, Any], st: ServerState) -> Session | None:
    """Anonymous callers get public data; a bad or expired token is a 401, never silently anonymous
    (the client must learn its session ended)."""
    token = bearer_token(request)
    if token is None:
        return None
    session = st.lookups.session(token)
    if session is None:
        raise session_ended()
    return session


def optional_session_and_course(
    request: Request[Any, Any, Any], st: ServerState, course_id: int
) -> tuple[Session | None, int, int | None]:
    """(caller's session, catalog version, course version or None when it is invisible): one lookup
    for a signed-in caller. A bad token is a 401, as in `optional_session`."""
    token = bearer_token(request)
    if token is None:
        return None, *st.lookups.course(course_id)
    found = st.lookups.session_and_course(token, course_id)
    if found is None:
        raise NotAuthorizedException("token expired or revoked; sign in again", headers=_CHALLENGE)
    session, course_version = found
    return session, session.catalog_version, course_version


def require_session(request: Request[Any, Any, Any], st: ServerState) -> Session:
    session = optional_session(request, st)
    if session is None:
        raise NotAuthorizedException("sign in required", headers=_CHALLENGE)
    return session


def require_user(request: Request[Any, Any, Any], st: ServerState) -> User:
    return require_session(request, st).user


def require_token(request: Request[Any, Any, Any]) -> str:
    """The bearer token, unresolved: for a write that resolves it in its own statement (a 401 when it
    turns out not live: `session_ended`)."""
    token = bearer_token(request)
    if token is None:
        raise NotAuthorizedException("sign in required", headers=_CHALLENGE)
    return token


def session_ended() -> NotAuthorizedException:
    return NotAuthorizedException("token expired or revoked; sign in again", headers=_CHALLENGE)
