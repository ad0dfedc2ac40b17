"""The one error a package import raises: it names the package entry at fault, so the message is useful."""

from __future__ import annotations


class PackageError(Exception):
    """The package is refused (bad, hostile or over a limit); nothing of it is kept."""

    def __init__(self, message: str, entry: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.entry = entry

    def __str__(self) -> str:
        return f"{self.entry}: {self.message}" if self.entry else self.message
