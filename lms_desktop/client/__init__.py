"""Client data layer: typed API client, two-tier HTTP cache, offline state. No Qt in here.

The UI imports only from this package's top level.
"""

from lms_desktop.client.httpx_cli import skip_httpx_cli

skip_httpx_cli()  # before any module of this package imports httpx

# ruff: noqa: E402

from lms_desktop.client.api import LmsClient
from lms_desktop.client.auth.token_store import (
    FileTokenStore,
    KeyringTokenStore,
    MemoryTokenStore,
    StoredSession,
    TokenStore,
)
from lms_desktop.client.config import ClientConfig, CourseQuery
from lms_desktop.client.errors import ApiError, AuthRequired, LmsClientError, OfflineError, describe_error
from lms_desktop.client.results import CacheStats, Fetched

__all__ = [
    "ApiError",
    "AuthRequired",
    "CacheStats",
    "ClientConfig",
    "CourseQuery",
    "Fetched",
    "FileTokenStore",
    "KeyringTokenStore",
    "LmsClient",
    "LmsClientError",
    "MemoryTokenStore",
    "OfflineError",
    "StoredSession",
    "TokenStore",
    "describe_error",
]
