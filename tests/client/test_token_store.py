"""Where the session lives: a 0600 file when no real keyring exists; expiry is checked locally."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

from lms_desktop.client.auth.token_store import (
    FileTokenStore,
    KeyringTokenStore,
    KeyringWithFileFallback,
    StoredSession,
    default_token_store,
    keyring_usable,
)
from lms_desktop.contract import User


def _session(token: str = "tok", minutes: int = 60) -> StoredSession:
    return StoredSession(
        access_token=token,
        expires_at=datetime.now(UTC) + timedelta(minutes=minutes),
        user=User(id=7, username="ada", display_name="Ada"),
    )


def test_file_store_round_trip_is_private(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "sessions.json"
    store = FileTokenStore(path)
    assert store.load("http://a") is None
    store.save("http://a", _session("A"))
    store.save("http://b", _session("B"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    loaded = FileTokenStore(path).load("http://a")
    assert loaded is not None and loaded.access_token == "A" and loaded.user.username == "ada"
    store.clear("http://a")
    assert store.load("http://a") is None
    assert store.load("http://b") is not None


def test_a_damaged_file_means_signed_out_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "sessions.json"
    path.write_text("{not json")
    assert FileTokenStore(path).load("x") is None
    path.write_text('{"x": "{\\"access_token\\": 5}"}')
    assert FileTokenStore(path).load("x") is None
    FileTokenStore(path).save("x", _session())  # and it can be written again
    assert FileTokenStore(path).load("x") is not None


def test_expiry() -> None:
    assert not _session(minutes=5).expired()
    assert _session(minutes=-1).expired()


def test_null_keyring_falls_back_to_the_file() -> None:
    # tests/conftest.py selects keyring's null backend, like a machine without a Secret Service.
    assert not keyring_usable()
    assert isinstance(default_token_store(), FileTokenStore)


def test_keyring_store_survives_a_backend_that_stores_nothing() -> None:
    store = KeyringTokenStore()
    store.save("http://a", _session())  # null backend: silently dropped
    assert store.load("http://a") is None
    store.clear("http://a")


class _BrokenKeyring:
    """A keyring backend that imports fine but fails when used (no Secret Service daemon)."""

    def load(self, server: str) -> StoredSession | None:
        return None

    def save(self, server: str, session: StoredSession) -> None:
        raise RuntimeError("org.freedesktop.secrets was not provided by any .service files")

    def clear(self, server: str) -> None:
        pass


def test_a_keyring_failing_at_run_time_falls_back_to_the_file(tmp_path: Path) -> None:
    file_store = FileTokenStore(tmp_path / "sessions.json")
    store = KeyringWithFileFallback(_BrokenKeyring(), file_store)
    store.save("http://a", _session("T"))
    loaded = store.load("http://a")
    assert loaded is not None and loaded.access_token == "T"
    assert file_store.load("http://a") is not None
    store.clear("http://a")
    assert store.load("http://a") is None
