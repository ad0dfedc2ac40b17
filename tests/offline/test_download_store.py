"""The download store: items whole or absent, damage detected per item, files moved in, and downloads
that older versions kept inside the disk cache moved out at start."""

from __future__ import annotations

import stat
from pathlib import Path

import diskcache

from lms_desktop.client.cache.disk import PINNED_DIR, DiskStore, NoPickleDisk
from lms_desktop.client.cache.http_cache import HttpCache
from lms_desktop.client.offline.store import DownloadStore


def test_bytes_and_files_by_key_with_sizes(tmp_path: Path) -> None:
    store = DownloadStore(tmp_path / "dl")
    assert store.warning is None
    assert stat.S_IMODE((tmp_path / "dl").stat().st_mode) == 0o700
    assert store.put("srv|u1 GET /a?x=1", b"alpha") == 5
    source = tmp_path / "video.bin"
    source.write_bytes(b"v" * 10_000)
    assert store.put_file("asset:7", source) == 10_000 and not source.exists()
    assert store.get("srv|u1 GET /a?x=1") == b"alpha" and store.size("asset:7") == 10_000
    path = store.path("asset:7")
    assert path is not None and path.read_bytes() == b"v" * 10_000
    assert sorted(store.keys()) == ["asset:7", "srv|u1 GET /a?x=1"]
    assert store.total_bytes() == 10_005
    store.put("srv|u1 GET /a?x=1", b"alphabet")  # replaced whole
    assert store.get("srv|u1 GET /a?x=1") == b"alphabet"
    store.delete("asset:7")
    assert not store.contains("asset:7") and store.get("asset:7") is None and store.path("asset:7") is None
    assert DownloadStore(tmp_path / "dl").get("srv|u1 GET /a?x=1") == b"alphabet", "survives a restart"


def test_a_damaged_item_reads_as_missing_and_the_others_stay(tmp_path: Path) -> None:
    store = DownloadStore(tmp_path / "dl")
    store.put("a", b"a" * 1000)
    store.put("b", b"b" * 1000)
    damaged = store.path("a")
    assert damaged is not None
    with damaged.open("r+b") as fh:
        fh.truncate(400)
    assert store.get("a") is None and not store.contains("a"), "a short item is not served"
    assert store.get("b") == b"b" * 1000


def test_downloads_kept_in_the_cache_by_earlier_versions_move_out(tmp_path: Path) -> None:
    legacy = diskcache.Cache(str(tmp_path / "cache" / PINNED_DIR), disk=NoPickleDisk)
    legacy.set("srv|u1 GET /api/v1/sections/3", b"entry bytes")
    legacy.close()
    cache = HttpCache(memory_bytes=1 << 20, disk=DiskStore(tmp_path / "cache"))
    store = DownloadStore(tmp_path / "dl")
    assert cache.use_pinned(store) == 1
    assert store.get("srv|u1 GET /api/v1/sections/3") == b"entry bytes"
    assert cache.disk is not None and cache.disk.legacy_pinned() == []
    assert cache.stats().pinned_bytes == len(b"entry bytes")
    assert cache.use_pinned(store) == 0, "moved once"
