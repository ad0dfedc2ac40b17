"""Tier 2 on disk: bytes only (no pickle, CVE-2025-69872), private directory, survives damage, and
downloads that older versions pinned here can be moved out."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import diskcache
import pytest

from lms_desktop.client.cache.disk import EVICTABLE_DIR, PINNED_DIR, DiskStore, NoPickleDisk


class _Exploit:
    """Unpickling this creates a file: proof that code from the cache directory would run."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_round_trip_and_private_directory(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    root.mkdir(mode=0o755)
    store = DiskStore(root)
    assert store.enabled and store.warning is None
    assert store.set("k", b"value")
    assert store.get("k") == b"value"
    assert store.get("missing") is None
    for path in (root, root / EVICTABLE_DIR, root / PINNED_DIR):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    store.close()
    assert DiskStore(root).get("k") == b"value"  # survives a restart


def test_only_bytes_are_accepted(tmp_path: Path) -> None:
    store = DiskStore(tmp_path / "c")
    with pytest.raises(TypeError):
        store.set("k", {"a": 1})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.set("k", "text")  # type: ignore[arg-type]


def test_a_planted_pickle_is_never_loaded_and_the_store_is_rebuilt(tmp_path: Path) -> None:
    root = tmp_path / "c"
    marker = tmp_path / "pwned"
    DiskStore(root).close()
    with diskcache.Cache(str(root / EVICTABLE_DIR)) as attacker:  # the stock Disk pickles objects
        attacker.set("course", _Exploit(marker))
        attacker.set("big", [_Exploit(marker)] * 2000)  # large pickles go to a file instead of a row
    store = DiskStore(root)
    assert store.get("course") is None
    assert store.get("big") is None
    assert not marker.exists(), "the pickle was executed"
    assert store.warning is not None and "recreated" in store.warning
    assert store.set("k", b"ok") and store.get("k") == b"ok"


def test_corrupt_database_is_dropped_and_recreated(tmp_path: Path) -> None:
    root = tmp_path / "c"
    store = DiskStore(root)
    store.set("k", b"v")
    store.close()
    (root / EVICTABLE_DIR / "cache.db").write_bytes(b"this is not a database" * 100)
    store = DiskStore(root)
    assert store.enabled
    assert store.warning is not None and "recreated" in store.warning
    assert store.get("k") is None
    assert store.set("k2", b"v2") and store.get("k2") == b"v2"


def test_corruption_found_while_running_is_recovered(tmp_path: Path) -> None:
    root = tmp_path / "c"
    store = DiskStore(root)
    store.set("k", b"v")
    # Something (a hard kill, a network folder) wrecks the database under a running app.
    con = sqlite3.connect(root / EVICTABLE_DIR / "cache.db")
    con.execute("DROP TABLE Cache")
    con.commit()
    con.close()
    assert store.get("k") is None  # no exception reaches the caller
    assert store.recoveries == 1 and store.enabled
    assert store.set("k", b"again") and store.get("k") == b"again"


def test_unusable_directory_is_bypassed_with_a_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    store = DiskStore(blocker / "cache")  # cannot be created: a file is in the way (works even as root)
    assert not store.enabled
    assert store.warning is not None and "without it" in store.warning
    assert store.get("k") is None
    assert store.set("k", b"v") is False
    assert store.volume() == 0


def test_locked_database_skips_the_operation_instead_of_hanging(tmp_path: Path) -> None:
    root = tmp_path / "c"
    store = DiskStore(root, timeout_s=0.05)
    store.set("k", b"v")
    locker = sqlite3.connect(root / EVICTABLE_DIR / "cache.db", timeout=0)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        assert store.set("k", b"new") is False  # skipped, not raised
    finally:
        locker.rollback()
        locker.close()
    assert store.enabled and store.recoveries == 0  # a lock is not damage: nothing was dropped
    assert store.get("k") == b"v"


def test_size_limit_evicts_least_recently_stored(tmp_path: Path) -> None:
    store = DiskStore(tmp_path / "c", size_limit=400_000, max_item_bytes=100_000)
    for i in range(40):  # 2.4 MB through a 400 KB budget
        store.set(f"k{i}", bytes([i % 256]) * 60_000)
    assert store.volume() <= 400_000 + 100_000  # diskcache culls a few rows per write
    assert store.get("k0") is None  # least recently stored went first
    assert store.get("k39") is not None


def test_per_item_cap(tmp_path: Path) -> None:
    store = DiskStore(tmp_path / "c", size_limit=10_000_000, max_item_bytes=1000)
    assert store.set("big", b"x" * 1001) is False
    assert store.get("big") is None


def test_clear_keeps_metadata_and_legacy_downloads_can_be_moved_out(tmp_path: Path) -> None:
    root = tmp_path / "c"
    legacy = diskcache.Cache(str(root / PINNED_DIR), disk=NoPickleDisk)  # where older versions pinned
    legacy.set("old-download", b"kept")
    legacy.close()
    store = DiskStore(root)
    store.set("a", b"1")
    store.set_meta("m", b"meta")
    store.clear()
    assert store.get("a") is None and store.get_meta("m") == b"meta"
    assert store.get("old-download") is None, "no longer served from the cache itself"
    assert store.legacy_pinned() == [("old-download", b"kept")]
    store.drop_legacy("old-download")
    assert store.legacy_pinned() == [] and store.get_meta("m") == b"meta"
