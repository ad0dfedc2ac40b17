"""Tier 1: an LRU of parsed objects bounded by (estimated) bytes.

Parsed objects are kept, not bodies: decoding a 2 KB JSON body costs as much as a disk read, and a memory
hit should cost about a dict lookup.
"""

from __future__ import annotations

from lms_desktop.lru import ByteLRU


class MemoryLRU[V](ByteLRU[str, V]):
    """Keyed by request URL. Sizes are the caller's estimate of each parsed object's footprint; an item
    larger than `max_item_bytes` (a quarter of the tier by default) is not kept."""
