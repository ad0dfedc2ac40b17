"""Tier 1: an LRU of parsed objects bounded by (estimated) bytes.

Parsed objects are kept, not bodies: decoding a 2 KB JSON body costs as much as a disk read, and a memory
hit should cost about a dict lookup.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass
class _Slot[V]:
    value: V
    size: int


class MemoryLRU[V]:
    """Least-recently-used map whose total `size` never exceeds `max_bytes`.

    Sizes are given by the caller (an estimate of the object's footprint). An item larger than
    `max_item_bytes` is not kept at all, so one huge answer cannot flush the whole tier.
    """

    def __init__(self, max_bytes: int, max_item_bytes: int | None = None) -> None:
        if max_bytes < 0:
            raise ValueError("max_bytes must be >= 0")
        self.max_bytes = max_bytes
        self.max_item_bytes = max_bytes // 4 if max_item_bytes is None else min(max_item_bytes, max_bytes)
        self._items: OrderedDict[str, _Slot[V]] = OrderedDict()
        self._bytes = 0

    def get(self, key: str) -> V | None:
        slot = self._items.get(key)
        if slot is None:
            return None
        self._items.move_to_end(key)
        return slot.value

    def peek(self, key: str) -> V | None:
        """Read without refreshing recency (for bookkeeping that is not a use)."""
        slot = self._items.get(key)
        return None if slot is None else slot.value

    def put(self, key: str, value: V, size: int) -> bool:
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

    def delete(self, key: str) -> bool:
        slot = self._items.pop(key, None)
        if slot is None:
            return False
        self._bytes -= slot.size
        return True

    def clear(self) -> None:
        self._items.clear()
        self._bytes = 0

    def keys(self) -> Iterator[str]:
        return iter(list(self._items))

    @property
    def total_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items
