"""Storage errors the HTTP layer maps to 4xx answers (never a 500)."""

from __future__ import annotations


class StorageError(Exception):
    """Base of every error raised on purpose by the storage layer."""


class NotFound(StorageError, LookupError):
    """The row does not exist, or is invisible (unpublished, deleted) to the caller -> 404."""


class NotEnrolled(StorageError):
    """Progress on a course the learner is not enrolled in -> 409 (enroll first)."""


class UserExists(StorageError):
    """The username is taken -> 409."""


class Conflict(StorageError):
    """The write cannot be applied in the current state (e.g. seeding a non-empty catalog) -> 409."""


class Unprocessable(StorageError, ValueError):
    """Well-formed input the data cannot take (an unknown quiz question or choice id) -> 422."""


class InvalidCursor(StorageError, ValueError):
    """A listing cursor that is malformed or belongs to another query -> 400."""


class InvalidQuery(StorageError, ValueError):
    """Listing parameters out of bounds (page < 1, limit outside 1..MAX_PAGE_LIMIT) -> 400."""


class InvalidInput(StorageError, ValueError):
    """A value the rules refuse (a time outside the calendar, a completion before the catalog) -> 400."""


class DatabaseBusy(StorageError):
    """A statement or lock wait ran past its limit (a long lock, an overloaded database) -> 503."""
