"""Errors the client raises to the UI: each one maps to a different thing the UI shows.

`ApiError` is a server answer to show as a message, `AuthRequired` means "show the sign-in screen" (not an
error dialog), `OfflineError` means "no network and nothing usable cached".
"""

from __future__ import annotations


class LmsClientError(Exception):
    """Base of every error raised by the client layer."""


class ApiError(LmsClientError):
    """A 4xx/5xx answer from the server, carrying the server's own message."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


class AuthRequired(LmsClientError):
    """No valid session (none stored, expired or revoked): the UI shows the sign-in screen."""

    status = 401

    def __init__(self, detail: str = "Please sign in.") -> None:
        super().__init__(detail)
        self.detail = detail


class OfflineError(LmsClientError):
    """The server cannot be reached and nothing suitable is cached (or the entry may not be served stale)."""

    def __init__(
        self, detail: str = "The server cannot be reached and this is not available offline."
    ) -> None:
        super().__init__(detail)
        self.detail = detail


class TransportFailure(LmsClientError):
    """Internal: the request never got an HTTP answer (connect/read error, timeout). Becomes OfflineError."""


def error_from_response(status: int, body: bytes) -> LmsClientError:
    """The error for a 4xx/5xx answer, with the server's own message when it sent one."""
    import msgspec

    from lms_desktop.contract import ErrorBody

    detail: str
    try:
        detail = msgspec.json.decode(body, type=ErrorBody).detail
    except (msgspec.DecodeError, msgspec.ValidationError):
        text = body[:200].decode("utf-8", "replace").strip()
        detail = text or f"HTTP {status}"
    if status == 401:
        return AuthRequired(detail or "Please sign in.")
    return ApiError(status, detail)
