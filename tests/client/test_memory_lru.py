"""Tier 1: the LRU keeps recent objects and never holds more than its byte bound."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lms_desktop.client.cache.memory import MemoryLRU


def test_evicts_least_recently_used_first() -> None:
    lru: MemoryLRU[str] = MemoryLRU(max_bytes=300, max_item_bytes=300)
    lru.put("a", "A", 100)
    lru.put("b", "B", 100)
    lru.put("c", "C", 100)
    assert lru.get("a") == "A"  # a is now the most recent
    lru.put("d", "D", 100)  # evicts b, the least recently used
    assert "b" not in lru
    assert [k for k in ("a", "c", "d") if k in lru] == ["a", "c", "d"]
    assert lru.total_bytes == 300


def test_oversized_item_is_refused_and_replaces_nothing() -> None:
    lru: MemoryLRU[str] = MemoryLRU(max_bytes=1000, max_item_bytes=100)
    lru.put("k", "small", 10)
    assert not lru.put("k", "huge", 500)
    assert "k" not in lru  # an older value under the same key is not served after a refused update
    assert lru.total_bytes == 0


def test_peek_does_not_refresh_recency() -> None:
    lru: MemoryLRU[int] = MemoryLRU(max_bytes=2, max_item_bytes=1)
    lru.put("a", 1, 1)
    lru.put("b", 2, 1)
    assert lru.peek("a") == 1
    lru.put("c", 3, 1)
    assert "a" not in lru and "b" in lru


ops = st.lists(
    st.tuples(
        st.sampled_from(["put", "get", "delete"]),
        st.text(alphabet="abcdefgh", min_size=1, max_size=2),
        st.integers(min_value=0, max_value=400),
    ),
    max_size=200,
)


@settings(max_examples=150, deadline=None, database=None)
@given(max_bytes=st.integers(min_value=0, max_value=1000), operations=ops)
def test_never_exceeds_its_byte_bound_and_accounts_exactly(
    max_bytes: int, operations: list[tuple[str, str, int]]
) -> None:
    lru: MemoryLRU[int] = MemoryLRU(max_bytes=max_bytes, max_item_bytes=max_bytes)
    sizes: dict[str, int] = {}
    for op, key, size in operations:
        if op == "put":
            stored = lru.put(key, size, size)
            sizes.pop(key, None)
            if stored:
                sizes[key] = size
            # whatever was evicted is gone from our model too
            sizes = {k: v for k, v in sizes.items() if k in lru}
        elif op == "get":
            value = lru.get(key)
            assert value == sizes.get(key)
        else:
            lru.delete(key)
            sizes.pop(key, None)
        assert lru.total_bytes <= max_bytes
        assert lru.total_bytes == sum(sizes.values())
        assert len(lru) == len(sizes)


@settings(max_examples=100, deadline=None, database=None)
@given(sizes=st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=60))
def test_the_most_recent_item_that_fits_is_always_kept(sizes: list[int]) -> None:
    lru: MemoryLRU[int] = MemoryLRU(max_bytes=100, max_item_bytes=100)
    for i, size in enumerate(sizes):
        lru.put(str(i), i, size)
        assert lru.get(str(i)) == i
