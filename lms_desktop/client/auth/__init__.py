"""Session storage: where the access token lives between runs."""

from lms_desktop.client.auth.token_store import (
    FileTokenStore,
    KeyringTokenStore,
    KeyringWithFileFallback,
    MemoryTokenStore,
    StoredSession,
    TokenStore,
    default_token_store,
)

__all__ = [
    "FileTokenStore",
    "KeyringTokenStore",
    "KeyringWithFileFallback",
    "MemoryTokenStore",
    "StoredSession",
    "TokenStore",
    "default_token_store",
]
