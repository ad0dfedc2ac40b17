"""Errors the client raises to the UI: each one maps to a different thing the UI shows.

`ApiError` is a server answer to show as a message, `AuthRequired` means "show the sign-in screen" (not an
error dialog), `OfflineError` means "no network and nothing usable cached". `describe_error` is the one way
to put any of them (or any other failure) into words.
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


class BadAnswer(ApiError):
    """The server's answer was refused by this client before any use (too large, too slow, undecodable):
    nothing of it is cached. Its status is the one a proxy gives such an upstream answer (502; 504 for a
    timeout), so the cache shows a stale copy when it has one and a queued change is retried later."""


class AnswerTooLarge(BadAnswer):
    """The answer passed the size cap of its kind (counted after decompression)."""

    def __init__(self, max_bytes: int, kind: str) -> None:
        size = f"{max_bytes / 2**20:.0f} MB" if max_bytes >= 2**20 else f"{max_bytes} bytes"
        super().__init__(502, f"The server's answer was larger than the {size} allowed for {kind}.")
        self.max_bytes = max_bytes


class AnswerTooSlow(BadAnswer):
    """The request did not finish within its total deadline (e.g. a body dripped a byte at a time)."""

    def __init__(self, deadline_s: float) -> None:
        super().__init__(504, f"The server did not finish answering within {deadline_s:g} seconds.")
        self.deadline_s = deadline_s


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


#: the fixed phrases `describe_error` returns; the UI translates them (context "Errors")
YOU_ARE_OFFLINE = "you are offline"
PLEASE_SIGN_IN_AGAIN = "please sign in again"


def status_of(exc: BaseException) -> int | None:
    """The HTTP status a failure carries, if any (ours, or an httpx response's)."""
    status = getattr(exc, "status", None)
    if isinstance(status, int):
        return status
    response = getattr(exc, "response", None)
    code = getattr(response, "status_code", None)
    return code if isinstance(code, int) else None


def describe_error(exc: BaseException, *, with_status: bool = False) -> str:
    """What went wrong in a few words, without a final stop, for the caller to put in a sentence; never a
    traceback. A server's own message passes through as written (the UI translates only the fixed phrases).
    `with_status` leads with the HTTP status ("404: course 1 not found"), as the outbox records a refusal."""
    if isinstance(exc, OfflineError):
        return YOU_ARE_OFFLINE
    if isinstance(exc, AuthRequired):
        return PLEASE_SIGN_IN_AGAIN
    detail = getattr(exc, "detail", None)
    text = detail.rstrip(".") if isinstance(detail, str) and detail else (str(exc) or type(exc).__name__)
    status = status_of(exc) if with_status else None
    return f"{status}: {text}" if status is not None and not text.startswith(str(status)) else text
