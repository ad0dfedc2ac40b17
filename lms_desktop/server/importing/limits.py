"""Caps that keep a hostile package from filling the disk, the memory or the clock."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from lms_desktop.server.importing.errors import PackageError

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-package caps. The compression ratio is checked per entry and for the whole archive."""

    max_package_bytes: int = 2048 * MB  # the archive itself (upload or file)
    max_total_bytes: int = 4096 * MB  # everything unpacked
    max_files: int = 20_000
    max_file_bytes: int = 1024 * MB
    max_ratio: float = 200.0  # uncompressed / compressed, for entries over 1 MB
    max_page_bytes: int = 5 * MB  # one HTML page or XML document parsed in memory
    max_seconds: float = 600.0

    def with_(self, **changes: object) -> Limits:
        from dataclasses import replace

        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(slots=True)
class Deadline:
    """The import's clock: `check()` raises once the time cap is passed."""

    seconds: float
    started: float = field(default_factory=time.monotonic)

    def check(self, entry: str | None = None) -> None:
        if time.monotonic() - self.started > self.seconds:
            raise PackageError(f"import took longer than {self.seconds:g} s", entry)
