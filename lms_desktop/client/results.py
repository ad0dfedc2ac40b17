"""What reads hand back to the UI: the value plus where it came from, and cache statistics."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Literal

Source = Literal["memory", "disk", "network"]


@dataclass
class Fetched[T]:
    """A value and its provenance, so the UI can mark cached/offline data and repaint when it changes.

    `updated` (stale-while-revalidate): resolves to the newer value if the background revalidation changed
    it, else to None. `updated is None` means no revalidation is running for this answer.
    """

    value: T
    stale: bool
    source: Source
    updated: asyncio.Future[T | None] | None = None


@dataclass
class CacheStats:
    """Counters per tier, readable by the UI's status bar and the benchmarks.

    Every read is one hit (answered from a tier without downloading a body: fresh, 304, stale-while-
    revalidate or offline) or one miss (the body came from the network, or the read failed).
    `revalidations` counts conditional requests sent (blocking or background), `not_modified` their 304s.
    """

    hits_memory: int = 0
    hits_disk: int = 0
    misses: int = 0
    revalidations: int = 0
    not_modified: int = 0
    stale_served: int = 0
    bytes_from_cache: int = 0
    stores: int = 0
    not_stored: dict[str, int] = field(default_factory=dict)  # reason -> count ("why wasn't this cached?")
    memory_items: int = 0
    memory_bytes: int = 0
    disk_bytes: int = 0
    pinned_bytes: int = 0
    disk_enabled: bool = True
    disk_warning: str | None = None  # set when the disk tier was recreated or bypassed

    @property
    def hits(self) -> int:
        return self.hits_memory + self.hits_disk

    @property
    def hit_rate(self) -> float:
        total = self.hits + self.misses
        return self.hits / total if total else 0.0
