"""The signed-in learner's session: the bearer token, who it belongs to, and who wants to know when it
starts or ends. The sender reads it for every request; nothing else holds the token."""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable

from lms_desktop.client.auth.token_store import StoredSession, TokenStore
from lms_desktop.contract import User

log = logging.getLogger(__name__)


class Session:
    def __init__(self, tokens: TokenStore, server_id: str) -> None:
        self.tokens = tokens
        self.server_id = server_id
        self.current: StoredSession | None = None
        self._ended: list[Callable[[], None]] = []
        self._started: list[Callable[[User], None]] = []

    @property
    def user(self) -> User | None:
        return self.current.user if self.current is not None else None

    def auth_headers(self) -> dict[str, str]:
        if self.current is None:
            return {}
        return {"Authorization": f"Bearer {self.current.access_token}"}

    def remember(self, session: StoredSession) -> None:
        """Hold `session` and keep it in the token store (a broken keyring must not stop a sign-in)."""
        self.current = session
        try:
            self.tokens.save(self.server_id, session)
        except Exception as exc:
            log.warning("could not remember the session: %r", exc)

    def drop(self, *, ended_by_server: bool = False) -> None:
        had_session = self.current is not None
        self.current = None
        with contextlib.suppress(Exception):
            self.tokens.clear(self.server_id)
        if ended_by_server and had_session:
            _notify(self._ended, "session-ended")

    def started(self, user: User) -> None:
        """A sign-in or a restored session was accepted: tell the listeners (the offline layer's outbox)."""
        _notify([functools.partial(callback, user) for callback in self._started], "session-started")

    def on_ended(self, callback: Callable[[], None]) -> Callable[[], None]:
        return _subscribe(self._ended, callback)

    def on_started(self, callback: Callable[[User], None]) -> Callable[[], None]:
        return _subscribe(self._started, callback)


def _subscribe[C](listeners: list[C], callback: C) -> Callable[[], None]:
    listeners.append(callback)

    def unsubscribe() -> None:
        with contextlib.suppress(ValueError):
            listeners.remove(callback)

    return unsubscribe


def _notify(callbacks: list[Callable[[], None]], what: str) -> None:
    for callback in list(callbacks):
        try:
            callback()
        except Exception:  # a UI callback must not break the data layer
            log.exception("%s callback failed", what)
