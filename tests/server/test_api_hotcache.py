"""The in-process tier of the hot cache: byte-bounded LRU, scope drops, and off when sized 0."""

from __future__ import annotations

import asyncio

from hypothesis import given
from hypothesis import strategies as st

from lms_desktop.server.hotcache import PUBLIC, CacheKey, HotCache, LocalLRU


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 400)), max_size=200))
def test_lru_never_exceeds_its_byte_bound(puts: list[tuple[int, int]]) -> None:
    lru = LocalLRU(2_000)
    for key, size in puts:
        lru.put(CacheKey("r", PUBLIC, "1", str(key)), b"x" * size)
        assert lru.size_bytes <= 2_000
        assert lru.size_bytes == sum(
            len(lru.get(CacheKey("r", PUBLIC, "1", str(k))) or b"") for k in {k for k, _ in puts}
        )


def test_lru_evicts_the_least_recently_used() -> None:
    lru = LocalLRU(800)
    keys = [CacheKey("r", PUBLIC, "1", str(i)) for i in range(9)]
    for key in keys[:8]:
        lru.put(key, b"x" * 100)  # exactly full
    assert lru.get(keys[0]) is not None  # keys[0] is now the most recent
    lru.put(keys[8], b"y" * 100)
    assert lru.get(keys[1]) is None  # the least recently used went
    assert lru.get(keys[0]) is not None and lru.get(keys[8]) is not None
    assert lru.size_bytes == 800


def test_one_body_larger_than_an_eighth_is_not_kept() -> None:
    lru = LocalLRU(800)
    lru.put(CacheKey("r", PUBLIC, "1", "small"), b"s" * 50)
    lru.put(CacheKey("r", PUBLIC, "1", "huge"), b"h" * 101)
    assert lru.get(CacheKey("r", PUBLIC, "1", "huge")) is None
    assert lru.get(CacheKey("r", PUBLIC, "1", "small")) is not None


def test_scopes_are_dropped_together() -> None:
    lru = LocalLRU(10_000)
    for route in ("course", "content", "dashboard"):
        lru.put(CacheKey(route, "u7", "3"), b"mine")
        lru.put(CacheKey(route, "u8", "3"), b"theirs")
    assert lru.count_scope("u7") == 3
    assert lru.drop_scope("u7") == 3
    assert lru.count_scope("u7") == 0 and lru.count_scope("u8") == 3


def test_dropping_a_scope_after_evictions_drops_only_live_keys_and_the_index_stays_bounded() -> None:
    lru = LocalLRU(1_000)
    for i in range(500):  # far more than fit: most are evicted
        lru.put(CacheKey("course", f"u{i % 5}", str(i)), b"x" * 100)
    live = {scope: lru.count_scope(scope) for scope in ("u0", "u1", "u2", "u3", "u4")}
    assert sum(live.values()) == len(lru) == 10
    assert lru._indexed <= 2 * len(lru) + 64  # evicted keys do not pile up in the index
    assert lru.drop_scope("u3") == live["u3"]
    assert lru.count_scope("u3") == 0
    assert len(lru) == 10 - live["u3"]
    assert lru.drop_scope("u3") == 0


def test_a_zero_sized_cache_stores_nothing() -> None:
    cache = HotCache(0)
    key = CacheKey("courses", PUBLIC, "1", "q")

    async def roundtrip() -> bytes | None:
        await cache.put(key, b"body")
        return await cache.get(key)

    assert asyncio.run(roundtrip()) is None


def test_a_new_version_is_a_new_key() -> None:
    lru = LocalLRU(10_000)
    lru.put(CacheKey("courses", PUBLIC, "1", "sort=new"), b"old")
    assert lru.get(CacheKey("courses", PUBLIC, "2", "sort=new")) is None
    assert CacheKey("c", PUBLIC, "1", "p").redis_key("db1") != CacheKey("c", PUBLIC, "2", "p").redis_key(
        "db1"
    )
    assert CacheKey("c", PUBLIC, "1", "p").redis_key("db1") != CacheKey("c", PUBLIC, "1", "p").redis_key(
        "db2"
    )
