"""Invalidation marks: which keys and key prefixes the learner's writes made stale, and when.

Marks are epochs of one counter. An entry stored (or revalidated) before its key's or prefix's last mark
reads as stale, so marking a whole prefix costs O(1); a response to a request that started before a mark
must not be stored. Prefix marks and the counter persist in the disk store's meta table.
"""

from __future__ import annotations

import contextlib

import msgspec

from lms_desktop.client.cache.disk import DiskStore
from lms_desktop.client.cache.entry import CacheEntry

# How stale a mark makes an entry: soft revalidates in the background, hard before answering.
NONE, SOFT, HARD = 0, 1, 2
META_MARKS = "prefix-marks"
META_EPOCH = "epoch"


class _Marks(msgspec.Struct):
    prefixes: dict[str, tuple[int, int]]  # key prefix -> (epoch, level)


class InvalidationMarks:
    """The epoch counter and the marks set on keys (this session) and prefixes (persisted)."""

    def __init__(self, disk: DiskStore | None) -> None:
        self._disk = disk
        self._keys: dict[str, int] = {}
        self._prefixes: dict[str, tuple[int, int]] = {}
        self.epoch = 0
        self._load()

    def _load(self) -> None:
        if self._disk is None:
            return
        raw = self._disk.get_meta(META_MARKS)
        if raw:
            try:
                self._prefixes = dict(msgspec.msgpack.decode(raw, type=_Marks).prefixes)
            except (msgspec.DecodeError, msgspec.ValidationError):
                self._prefixes = {}
        raw_epoch = self._disk.get_meta(META_EPOCH)
        with contextlib.suppress(ValueError, TypeError):
            self.epoch = int(raw_epoch or b"0")
        self.epoch = max([self.epoch, *(e for e, _ in self._prefixes.values())])

    def _bump(self) -> int:
        self.epoch += 1
        if self._disk is not None:
            self._disk.set_meta(META_EPOCH, str(self.epoch).encode())
        return self.epoch

    def mark_key(self, key: str) -> None:
        self._keys[key] = self._bump()

    def mark_prefix(self, prefix: str, level: int) -> None:
        self._prefixes[prefix] = (self._bump(), level)
        if self._disk is not None:
            self._disk.set_meta(META_MARKS, msgspec.msgpack.encode(_Marks(self._prefixes)))

    def last_mark(self, key: str) -> int:
        """The epoch of the latest mark that covers `key` (0: never marked)."""
        mark = self._keys.get(key, 0)
        for prefix, (epoch, _) in self._prefixes.items():
            if epoch > mark and key.startswith(prefix):
                mark = epoch
        return mark

    def level(self, key: str, entry: CacheEntry) -> int:
        """How stale the marks make this entry: its own mark, or a prefix marked after it was stored."""
        level = entry.invalidated
        for prefix, (epoch, plevel) in self._prefixes.items():
            if plevel > level and epoch > entry.stored_epoch and key.startswith(prefix):
                level = plevel
        return level
