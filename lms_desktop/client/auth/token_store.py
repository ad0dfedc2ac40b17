"""Where the access token is kept: the OS keyring when there is a real one, else a 0600 file.

The stored session also remembers who signed in (id, name), so the app can open offline from its cache
with the right per-user partition before the server can confirm the token.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import msgspec

from lms_desktop import dirs
from lms_desktop.contract import User

log = logging.getLogger(__name__)

KEYRING_SERVICE = "lms-desktop"
TOKENS_FILE = "sessions.json"


class StoredSession(msgspec.Struct, kw_only=True):
    access_token: str
    expires_at: datetime
    user: User

    def expired(self, now: datetime | None = None) -> bool:
        return (now or datetime.now(UTC)) >= self.expires_at


class TokenStore(Protocol):
    """Keyed by server id, so sessions on two servers do not overwrite each other."""

    def load(self, server: str) -> StoredSession | None: ...
    def save(self, server: str, session: StoredSession) -> None: ...
    def clear(self, server: str) -> None: ...


def _decode(raw: str | bytes | None) -> StoredSession | None:
    if not raw:
        return None
    try:
        return msgspec.json.decode(raw, type=StoredSession)
    except (msgspec.DecodeError, msgspec.ValidationError):
        log.warning("stored session is unreadable; signing in again")
        return None


class MemoryTokenStore:
    """For tests and for "do not remember me"."""

    def __init__(self) -> None:
        self._sessions: dict[str, StoredSession] = {}

    def load(self, server: str) -> StoredSession | None:
        return self._sessions.get(server)

    def save(self, server: str, session: StoredSession) -> None:
        self._sessions[server] = session

    def clear(self, server: str) -> None:
        self._sessions.pop(server, None)


class FileTokenStore:
    """A JSON file readable only by the user (0600 in a 0700 directory), written atomically."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or dirs.config_dir() / TOKENS_FILE

    def _read_all(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return (
            {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}
            if isinstance(data, dict)
            else {}
        )

    def _write_all(self, data: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.chmod(tmp, 0o600)  # noqa: PTH101 - an existing tmp file may have had other bits
        tmp.replace(self.path)

    def load(self, server: str) -> StoredSession | None:
        return _decode(self._read_all().get(server))

    def save(self, server: str, session: StoredSession) -> None:
        data = self._read_all()
        data[server] = msgspec.json.encode(session).decode()
        self._write_all(data)

    def clear(self, server: str) -> None:
        data = self._read_all()
        if data.pop(server, None) is not None:
            self._write_all(data)


class KeyringTokenStore:
    """The OS keyring (Secret Service, macOS Keychain, Windows Credential Locker)."""

    def load(self, server: str) -> StoredSession | None:
        import keyring

        try:
            return _decode(keyring.get_password(KEYRING_SERVICE, server))
        except Exception as exc:  # keyring backends raise their own error types
            log.warning("keyring read failed: %r", exc)
            return None

    def save(self, server: str, session: StoredSession) -> None:
        import keyring

        keyring.set_password(KEYRING_SERVICE, server, msgspec.json.encode(session).decode())

    def clear(self, server: str) -> None:
        import keyring

        with contextlib.suppress(Exception):
            keyring.delete_password(KEYRING_SERVICE, server)


def keyring_usable() -> bool:
    """True if a real keyring backend is active (not the null/fail backends or a chainer of nothing)."""
    try:
        import keyring
        from keyring.backends import fail, null

        backend = keyring.get_keyring()
    except Exception:
        return False
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    priority = getattr(backend, "priority", 0)
    return isinstance(priority, int | float) and priority > 0


class KeyringWithFileFallback:
    """The keyring, falling back to the file when the keyring fails at run time (a Secret Service backend
    that is importable but has no daemon, a locked keychain): the learner stays signed in either way."""

    def __init__(self, keyring_store: TokenStore | None = None, file_store: TokenStore | None = None) -> None:
        self.keyring = keyring_store or KeyringTokenStore()
        self.file = file_store or FileTokenStore()

    def load(self, server: str) -> StoredSession | None:
        return self.keyring.load(server) or self.file.load(server)

    def save(self, server: str, session: StoredSession) -> None:
        try:
            self.keyring.save(server, session)
        except Exception as exc:
            log.warning("keyring unavailable (%r); keeping the session in a private file", exc)
            self.file.save(server, session)
        else:
            self.file.clear(server)  # never leave an older copy in the file

    def clear(self, server: str) -> None:
        self.keyring.clear(server)
        self.file.clear(server)


def default_token_store() -> TokenStore:
    return KeyringWithFileFallback() if keyring_usable() else FileTokenStore()
