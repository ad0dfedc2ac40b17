"""Sign in (issue a token), sign out (revoke it), and who am I."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

import msgspec
from litestar import Request, Response, delete, get, post
from litestar.exceptions import NotAuthorizedException, ServiceUnavailableException, TooManyRequestsException
from litestar.params import Body

from lms_desktop.contract import TokenRequest, TokenResponse, User
from lms_desktop.server.http import conditional as cond
from lms_desktop.server.http.auth import bearer_token, require_session, require_user
from lms_desktop.server.http.errors import AUTH_ERRORS, THROTTLED, TOO_LARGE, UNAVAILABLE
from lms_desktop.server.http.openapi import BEARER_SECURITY
from lms_desktop.server.http.state import ServerState, get_state
from lms_desktop.server.http.verify_gate import RETRY_AFTER_SECONDS

_encode = msgspec.json.Encoder().encode


def _client_address(request: Request[Any, Any, Any]) -> str:
    client = request.client
    return client.host if client is not None else "unknown"


def _verify(st: ServerState, username: str, password: str) -> User | None:
    from lms_desktop.server.db.queries import users

    with st.db.read() as conn:
        return users.authenticate(conn, username, password)


def _issue(st: ServerState, user_id: int) -> tuple[str, datetime]:
    from lms_desktop.server.db.queries import tokens

    with st.db.write() as conn:
        return tokens.issue(conn, user_id, st.settings.token_ttl)


async def _verified(st: ServerState, request: Request[Any, Any, Any], data: TokenRequest) -> User | None:
    """The password checked under the verification cap (503 when full) and the throttle (429), whose
    attempt is counted before argon2 runs and given back when the password is right."""
    gate = st.verify_gate
    if not gate.try_enter():
        raise ServiceUnavailableException(
            "too many sign-ins at once; try again shortly",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    try:
        reserved = await st.throttle.reserve(data.username, _client_address(request))
        if isinstance(reserved, int):
            raise TooManyRequestsException(
                f"too many failed sign-ins; try again in {reserved} s", headers={"Retry-After": str(reserved)}
            )
        try:
            user = await gate.run(_verify, st, data.username, data.password)
        except BaseException:
            await st.throttle.release(reserved)
            raise
    finally:
        gate.leave()
    await st.throttle.settle(reserved, succeeded=user is not None)
    return user


@post(
    "/auth/token",
    status_code=200,
    summary="Sign in: trade a username and password for a bearer token",
    responses={**AUTH_ERRORS, **UNAVAILABLE, **TOO_LARGE, **THROTTLED},
)
async def issue_token(
    request: Request[Any, Any, Any], data: Annotated[TokenRequest, Body()]
) -> Response[TokenResponse]:
    st = get_state(request)
    user = await _verified(st, request, data)
    if user is None:
        raise NotAuthorizedException("wrong username or password")
    token, expires_at = await st.slow(_issue, st, user.id)
    if expires_at.tzinfo is None:
        expires_at = expires_at.replace(tzinfo=UTC)
    body = _encode(TokenResponse(access_token=token, expires_at=expires_at))
    return cond.raw_json(body, headers={"Cache-Control": cond.NO_STORE, "Pragma": "no-cache"})


def _revoke(st: ServerState, token: str) -> None:
    from lms_desktop.server.db.queries import tokens

    with st.db.write() as conn:
        tokens.revoke(conn, token)


@delete(
    "/auth/token",
    status_code=204,
    summary="Sign out: revoke the bearer token used for this request",
    security=BEARER_SECURITY,
    responses={**AUTH_ERRORS},
)
async def revoke_token(request: Request[Any, Any, Any]) -> None:
    st = get_state(request)
    require_user(request, st)
    token = bearer_token(request)
    assert token is not None  # require_user succeeded
    await st.slow(_revoke, st, token)


@get(
    "/me",
    summary="The signed-in learner",
    security=BEARER_SECURITY,
    responses={**AUTH_ERRORS},
)
async def me(request: Request[Any, Any, Any]) -> Response[User]:
    st = get_state(request)

    session = require_session(request, st)
    user = session.user
    etag = cond.weak_etag("me", user.id, session.user_version)
    vary = "Authorization"
    hit = cond.not_modified_or_none(request, etag, cond.PRIVATE, vary)
    if hit is not None:
        return hit
    return cond.json_body(_encode(user), etag, cond.PRIVATE, vary)
