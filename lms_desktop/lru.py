"""A least-recently-used map bounded by bytes, for both sides' in-memory caches.

The client keeps parsed answers in one (`client/cache/memory.py`), the server encoded bodies
(`server/hotcache.py`); it sits outside both so that neither imports the other. The caller gives each
item's size (an estimate of its footprint, or a body's length), and an item over `max_item_bytes` is not
kept at all, so one huge answer cannot flush the whole cache. Not thread-safe: a caller shared by threads
holds its own lock.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterator
from dataclasses import dataclass


@dataclass(slots=True)
class _Slot[V]:
    value: V
    size: int


class ByteLRU[K: Hashable, V]:
    """Least-recently-used map whose total size never exceeds `max_bytes`."""

    def __init__(self, max_bytes: int, max_item_bytes: int | None = None) -> None:
        if max_bytes < 0:
            raise ValueError("max_bytes must be >= 0")
        self.max_bytes = max_bytes
        self.max_item_bytes = max_bytes // 4 if max_item_bytes is None else min(max_item_bytes, max_bytes)
        self._items: OrderedDict[K, _Slot[V]] = OrderedDict()
        self._bytes = 0

    def get(self, key: K) -> V | None:
        slot = self._items.get(key)
        if slot is None:
            return None
        self._items.move_to_end(key)
        return slot.value

    def peek(self, key: K) -> V | None:
        """Read without refreshing recency (for bookkeeping that is not a use)."""
        slot = self._items.get(key)
        return None if slot is None else slot.value

    def put(self, key: K, value: V, size: int) -> bool:
        """Store; returns False (and drops any older value under `key`) if the item is too large."""
        self.delete(key)
        size = max(int(size), 0)
        if size > self.max_item_bytes:
            return False
        self._items[key] = _Slot(value, size)
        self._bytes += size
        while self._bytes > self.max_bytes and self._items:
            _, old = self._items.popitem(last=False)
            self._bytes -= old.size
        return True

    def delete(self, key: K) -> bool:
        slot = self._items.pop(key, None)
        if slot is None:
            return False
        self._bytes -= slot.size
        return True

    def clear(self) -> None:
        self._items.clear()
        self._bytes = 0

    def keys(self) -> Iterator[K]:
        """Least recently used first; a snapshot: the map may change while the caller walks it."""
        return iter(list(self._items))

    def __iter__(self) -> Iterator[K]:
        return self.keys()

    @property
    def total_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items
