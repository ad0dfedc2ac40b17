"""Where cached answers live: parsed objects in memory over msgpack entries on disk or in the pinned tier.

The HTTP rules (freshness, revalidation, invalidation marks) live in http_cache.py; this module only finds,
keeps and drops entries by key, and counts what happened for the settings dialog and the benchmarks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import msgspec

from lms_desktop.client.cache.disk import DiskStore
from lms_desktop.client.cache.entry import CacheEntry, decode_entry, encode_entry
from lms_desktop.client.cache.memory import MemoryLRU
from lms_desktop.client.cache.tiers import DiskTiers, PinnedTier
from lms_desktop.client.results import CacheStats, Source

log = logging.getLogger(__name__)

MEMORY_OVERHEAD = 512


@dataclass
class Item:
    """A memory-tier item: the entry and its parsed body."""

    entry: CacheEntry
    value: Any


@dataclass
class Found:
    key: str
    entry: CacheEntry
    value: Any
    source: Source


def _weight(entry: CacheEntry, value: Any) -> int:
    body = len(entry.body)
    parsed = 0 if value is entry.body else 2 * body  # a parsed object is a few times its JSON
    return body + parsed + MEMORY_OVERHEAD


class EntryStore:
    """Entries by key over the memory tier and the disk tiers, with the cache's counters."""

    def __init__(self, *, memory_bytes: int, memory_item_bytes: int | None, disk: DiskStore | None) -> None:
        self.memory: MemoryLRU[Item] = MemoryLRU(memory_bytes, memory_item_bytes)
        self.disk = disk
        self.tiers = DiskTiers(disk)
        self.stats = CacheStats()

    def find(self, key: str, decode: Callable[[bytes], Any]) -> Found | None:
        """The entry for `key` from memory, else from disk (parsed and promoted to memory)."""
        item = self.memory.get(key)
        if item is not None:
            return Found(key, item.entry, item.value, "memory")
        raw = self.tiers.get(key)
        if raw is None:
            return None
        try:
            entry = decode_entry(raw)
            value = decode(entry.body)
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError) as exc:
            log.warning("dropping unreadable cache entry %r: %r", key, exc)
            self.tiers.delete(key)
            return None
        self.memory.put(key, Item(entry, value), _weight(entry, value))
        return Found(key, entry, value, "disk")

    def put(self, key: str, entry: CacheEntry, value: Any) -> None:
        self.memory.put(key, Item(entry, value), _weight(entry, value))
        self.tiers.put(key, encode_entry(entry))
        self.stats.stores += 1

    def not_stored(self, reason: str, key: str) -> None:
        self.stats.not_stored[reason] = self.stats.not_stored.get(reason, 0) + 1
        log.debug("not cached (%s): %s", reason, key)

    def delete(self, key: str) -> None:
        self.memory.delete(key)
        self.tiers.delete(key)

    def raise_invalidated(self, key: str, level: int) -> None:
        """Record on the stored entry (memory and disk) that it is stale at `level` at least."""
        item = self.memory.peek(key)
        entry: CacheEntry | None = item.entry if item is not None else None
        if entry is None:
            raw = self.tiers.get(key)
            if raw is not None:
                try:
                    entry = decode_entry(raw)
                except (msgspec.DecodeError, msgspec.ValidationError):
                    self.tiers.delete(key)
        if entry is None or entry.invalidated >= level:
            return
        entry = msgspec.structs.replace(entry, invalidated=level)
        if item is not None:
            item.entry = entry
        self.tiers.put(key, encode_entry(entry))

    # ---- pinning: downloads for offline use, kept in a tier of their own (tiers.py) -----------------

    def use_pinned(self, store: PinnedTier) -> int:
        self.tiers.pinned = store
        return self.tiers.migrate_legacy()

    def pin(self, key: str) -> bool:
        item = self.memory.peek(key)
        return self.tiers.pin(key, encode_entry(item.entry) if item is not None else None)

    # ---- housekeeping -----------------------------------------------------------------------------

    def snapshot(self) -> CacheStats:
        """The counters with the tiers' current sizes."""
        disk = self.disk
        return replace(
            self.stats,
            not_stored=dict(self.stats.not_stored),
            memory_items=len(self.memory),
            memory_bytes=self.memory.total_bytes,
            disk_bytes=disk.volume() if disk is not None else 0,
            pinned_bytes=self.tiers.pinned_bytes(),
            disk_enabled=disk is not None and disk.enabled,
            disk_warning=disk.warning if disk is not None else "disk cache disabled",
        )

    def clear(self) -> None:
        self.memory.clear()
        if self.disk is not None:
            self.disk.clear()
