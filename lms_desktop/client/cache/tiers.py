"""Where a cached answer's bytes live on disk: the evictable disk cache, or the pinned tier.

The pinned tier holds what the learner downloaded for offline use. It is a separate store the offline
layer provides (``offline/store.py``, in the data directory), so nothing that happens to the evictable cache
(eviction, damage and rebuild, "Clear cache", a cleaner emptying the cache directory) can touch it. An
entry is in one tier or the other: pinning moves it, unpinning hands it back to the evictable budget, and a
refreshed answer is written to the tier that holds it.
"""

from __future__ import annotations

import logging
from typing import Protocol

from lms_desktop.client.cache.disk import DiskStore

log = logging.getLogger(__name__)


class PinnedTier(Protocol):
    """What the cache needs of the download store."""

    def put(self, key: str, data: bytes) -> int: ...
    def get(self, key: str) -> bytes | None: ...
    def contains(self, key: str) -> bool: ...
    def delete(self, key: str) -> None: ...
    def total_bytes(self) -> int: ...


class DiskTiers:
    """Raw entry bytes by key over the pinned tier (if any) and the disk cache (if usable)."""

    def __init__(self, disk: DiskStore | None, pinned: PinnedTier | None = None) -> None:
        self.disk = disk
        self.pinned = pinned

    def get(self, key: str) -> bytes | None:
        if self.pinned is not None:
            raw = self.pinned.get(key)
            if raw is not None:
                return raw
        return self.disk.get(key) if self.disk is not None else None

    def put(self, key: str, raw: bytes) -> None:
        if self.is_pinned(key):
            assert self.pinned is not None
            try:
                self.pinned.put(key, raw)
            except OSError as exc:  # the pinned copy already there stays usable
                log.warning("could not update downloaded entry %r: %r", key, exc)
        elif self.disk is not None:
            self.disk.set(key, raw)

    def delete(self, key: str) -> None:
        if self.disk is not None:
            self.disk.delete(key)
        if self.pinned is not None:
            self.pinned.delete(key)

    def is_pinned(self, key: str) -> bool:
        return self.pinned is not None and self.pinned.contains(key)

    def pin(self, key: str, in_memory: bytes | None) -> bool:
        """Move the entry into the pinned tier (from disk, or the memory tier's copy when the disk cache
        is unusable). False without a pinned tier, when nothing is cached, or when it cannot be written."""
        if self.pinned is None:
            return False
        if self.pinned.contains(key):
            return True
        raw = self.disk.get(key) if self.disk is not None else None
        raw = raw if raw is not None else in_memory
        if raw is None:
            return False
        try:
            self.pinned.put(key, raw)
        except OSError as exc:
            log.warning("could not keep %r offline: %r", key, exc)
            return False
        if self.disk is not None:
            self.disk.delete(key)
        return True

    def unpin(self, key: str) -> None:
        if self.pinned is None:
            return
        raw = self.pinned.get(key)
        if raw is not None and self.disk is not None:
            self.disk.set(key, raw)
        self.pinned.delete(key)

    def pinned_bytes(self) -> int:
        return self.pinned.total_bytes() if self.pinned is not None else 0

    def migrate_legacy(self) -> int:
        """Move downloads kept inside the disk cache by earlier versions into the pinned tier."""
        if self.pinned is None or self.disk is None:
            return 0
        moved = 0
        for key, raw in self.disk.legacy_pinned():
            try:
                self.pinned.put(key, raw)
            except OSError as exc:
                log.warning("could not move download %r out of the cache: %r", key, exc)
                continue
            self.disk.drop_legacy(key)
            moved += 1
        if moved:
            log.info("moved %d downloaded entries out of the disk cache", moved)
        return moved
