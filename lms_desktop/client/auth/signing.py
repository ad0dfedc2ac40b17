"""Signing in, out, and picking up a stored session, over the client's one sending path. The session
(``client/session.py``) holds the result; the client tells its listeners that a session started."""

from __future__ import annotations

import contextlib
from typing import cast

from lms_desktop.client import paths
from lms_desktop.client.auth.token_store import StoredSession
from lms_desktop.client.errors import AuthRequired, OfflineError, TransportFailure, error_from_response
from lms_desktop.client.sender import Sender
from lms_desktop.contract import TokenRequest, TokenResponse, User, decoder

_user = decoder(User)
_token = decoder(TokenResponse)


async def sign_in(sender: Sender, username: str, password: str) -> User:
    """A new token for the learner, then who they are (GET /me with it); kept in the token store."""
    sender.session.current = None
    request = TokenRequest(username=username, password=password)
    token = cast(TokenResponse, await sender.call("POST", paths.TOKEN, request, _token.decode))
    bearer = {"Authorization": f"Bearer {token.access_token}"}
    try:
        response = await sender.send(sender.build("GET", paths.ME, authed=False, extra=bearer))
    except TransportFailure as exc:
        raise OfflineError() from exc
    if response.status_code != 200:
        raise error_from_response(response.status_code, response.content)
    user = _user.decode(response.content)
    sender.session.remember(
        StoredSession(access_token=token.access_token, expires_at=token.expires_at, user=user)
    )
    return user


async def sign_out(sender: Sender) -> None:
    """Revoke the token at the server (best effort: offline it simply expires), forget it here."""
    if sender.session.current is not None:
        with contextlib.suppress(TransportFailure, AuthRequired):
            await sender.send(sender.build("DELETE", paths.TOKEN))
    sender.session.drop()


async def restore(sender: Sender) -> User | None:
    """The stored session, checked with GET /me: None when there is none, or it expired or was revoked;
    the stored user when the server cannot be reached or is in trouble (the app opens from its cache)."""
    session = sender.session
    stored = session.tokens.load(session.server_id)
    if stored is None:
        return None
    if stored.expired():
        session.drop()
        return None
    session.current = stored
    try:
        response = await sender.send(sender.build("GET", paths.ME))
    except TransportFailure:
        return stored.user
    except AuthRequired:
        return None
    if response.status_code == 401:
        return None
    if response.status_code != 200:
        return stored.user  # server in trouble: keep the session, it is still ours
    user = _user.decode(response.content)
    session.current = StoredSession(access_token=stored.access_token, expires_at=stored.expires_at, user=user)
    return user
