"""Tier 2: bytes on disk in diskcache, hidden behind a small interface of ours.

Why the care:
- diskcache pickles values by default and unpickles on read: anyone who can write the cache directory gets
  code execution (CVE-2025-69872, no fixed release). `NoPickleDisk` stores only bytes and refuses to load a
  pickled row, and the directory is private (0700).
- SQLite caches get corrupted on network folders and after hard kills; a broken cache must never crash the
  app: any `sqlite3.DatabaseError`/`OSError` drops and recreates the store, and if that fails too the store is
  bypassed (reads miss, writes are dropped) with a warning the UI can show.
- Downloads for offline use are not kept here: they live in their own store (``offline/store.py``), so a
  damaged or evicted cache never takes one. The small `pinned` part holds metadata the cache keeps across
  restarts, and downloads written there by earlier versions until they are moved out (``legacy_pinned``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import diskcache
from diskcache.core import MODE_PICKLE, UNKNOWN

log = logging.getLogger(__name__)

EVICTABLE_DIR = "evictable"
PINNED_DIR = "pinned"
DEFAULT_SIZE_LIMIT = 500 * 2**20
SQLITE_TIMEOUT_S = 0.1  # a locked cache must not freeze the UI for diskcache's default 60 s
MAX_LOCK_FAILURES = 10  # consecutive "database is locked" before the store is bypassed
_ERRORS: tuple[type[BaseException], ...]


class UnsafeCacheData(Exception):
    """A cache row that is not plain bytes (e.g. a pickle planted in the directory)."""


_ERRORS = (sqlite3.Error, OSError, diskcache.Timeout, UnsafeCacheData, TypeError, ValueError)


class NoPickleDisk(diskcache.Disk):
    """diskcache serialization that only ever stores and loads str keys and bytes values."""

    def put(self, key: Any) -> tuple[Any, bool]:
        if type(key) is not str:
            raise TypeError("cache keys must be str")
        return super().put(key)

    def get(self, key: Any, raw: bool) -> Any:
        if not raw:
            raise UnsafeCacheData("pickled key in cache")
        return super().get(key, raw)

    def store(self, value: Any, read: bool, key: Any = UNKNOWN) -> tuple[Any, ...]:
        if type(value) is not bytes:
            raise TypeError("only bytes are stored in the disk cache (never pickled)")
        return super().store(value, read, key=key)

    def fetch(self, mode: int, filename: str | None, value: Any, read: bool) -> Any:
        if mode == MODE_PICKLE:
            raise UnsafeCacheData("refusing to unpickle a cache row (CVE-2025-69872)")
        return super().fetch(mode, filename, value, read)


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and parents) and make it 0700, owned by us; raise OSError if that is impossible."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    st = path.stat()
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise PermissionError(f"cache directory {path} belongs to another user")
    if stat.S_IMODE(st.st_mode) != 0o700:
        path.chmod(0o700)


def _is_lock_error(exc: BaseException) -> bool:
    if isinstance(exc, diskcache.Timeout):
        return True
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


class DiskStore:
    """bytes-in, bytes-out store with an evictable part (size-limited) and a small metadata part."""

    def __init__(
        self,
        directory: Path,
        size_limit: int = DEFAULT_SIZE_LIMIT,
        *,
        max_item_bytes: int | None = None,
        timeout_s: float = SQLITE_TIMEOUT_S,
    ) -> None:
        self.directory = Path(directory)
        self.size_limit = size_limit
        self.max_item_bytes = max_item_bytes if max_item_bytes is not None else max(size_limit // 8, 1)
        self.timeout_s = timeout_s
        self.warning: str | None = None
        self.recoveries = 0
        self._lock_failures = 0
        self._evictable: diskcache.Cache | None = None
        self._pinned: diskcache.Cache | None = None
        try:
            self._open()
        except _ERRORS as exc:
            self._recover(exc, "open")

    # ---- lifecycle --------------------------------------------------------------------------------

    def _open(self) -> None:
        ensure_private_dir(self.directory)
        for sub in (EVICTABLE_DIR, PINNED_DIR):
            ensure_private_dir(self.directory / sub)
        self._evictable = diskcache.Cache(
            str(self.directory / EVICTABLE_DIR),
            timeout=self.timeout_s,
            disk=NoPickleDisk,
            size_limit=self.size_limit,
            eviction_policy="least-recently-stored",  # LRU/LFU would turn every read into a write
            statistics=False,
        )
        self._pinned = diskcache.Cache(
            str(self.directory / PINNED_DIR),
            timeout=self.timeout_s,
            disk=NoPickleDisk,
            eviction_policy="none",
            statistics=False,
        )
        # Read once so a corrupt database is found now rather than on the first screen's read.
        self._evictable.get("\x00probe")
        self._pinned.get("\x00probe")

    def _close_quietly(self) -> None:
        for cache in (self._evictable, self._pinned):
            if cache is not None:
                with contextlib.suppress(Exception):
                    cache.close()
        self._evictable = None
        self._pinned = None

    def _recover(self, exc: BaseException, during: str) -> None:
        """Drop and recreate the store; if that fails, bypass it. Never raises."""
        self.recoveries += 1
        log.warning("disk cache %s failed during %s (%r): recreating it", self.directory, during, exc)
        self._close_quietly()
        try:
            for sub in (EVICTABLE_DIR, PINNED_DIR):
                target = self.directory / sub
                if target.exists():
                    shutil.rmtree(target)
            self._open()
        except _ERRORS as again:
            self._close_quietly()
            self.warning = f"disk cache unavailable ({again}); working without it"
            log.warning("disk cache %s bypassed: %r", self.directory, again)
            return
        self.warning = f"disk cache was damaged ({exc}) and has been recreated"

    def _guard[R](self, during: str, op: Callable[[], R], default: R) -> R:
        if self._evictable is None or self._pinned is None:
            return default
        try:
            result = op()
        except _ERRORS as exc:
            if _is_lock_error(exc):
                self._lock_failures += 1
                log.warning("disk cache locked during %s; skipped", during)
                if self._lock_failures >= MAX_LOCK_FAILURES:
                    self._close_quietly()
                    self.warning = "disk cache stays locked by another process; working without it"
                return default
            self._recover(exc, during)
            return default
        self._lock_failures = 0
        return result

    @property
    def enabled(self) -> bool:
        return self._evictable is not None

    def close(self) -> None:
        self._close_quietly()

    # ---- bytes API --------------------------------------------------------------------------------

    def get(self, key: str) -> bytes | None:
        def op() -> bytes | None:
            assert self._evictable is not None
            value = self._evictable.get(key)
            if value is not None and type(value) is not bytes:
                raise UnsafeCacheData(f"non-bytes value under {key!r}")
            return value

        return self._guard("get", op, None)

    def set(self, key: str, value: bytes) -> bool:
        """Store `value`. False if refused (over the per-item cap) or not stored."""
        if type(value) is not bytes:
            raise TypeError("DiskStore stores bytes only")

        def op() -> bool:
            assert self._evictable is not None
            if len(value) > self.max_item_bytes:
                return False
            return bool(self._evictable.set(key, value))

        return self._guard("set", op, False)

    def delete(self, key: str) -> None:
        def op() -> None:
            assert self._evictable is not None
            self._evictable.delete(key)

        self._guard("delete", op, None)

    # ---- downloads kept here by earlier versions ------------------------------------------------

    def legacy_pinned(self) -> list[tuple[str, bytes]]:
        """Entries pinned in this store before downloads had their own (to be moved out at start)."""

        def op() -> list[tuple[str, bytes]]:
            assert self._pinned is not None
            out = []
            for key in list(self._pinned.iterkeys()):
                if isinstance(key, str) and not key.startswith("\x00"):
                    value = self._pinned.get(key)
                    if type(value) is bytes:
                        out.append((key, value))
            return out

        return self._guard("legacy_pinned", op, [])

    def drop_legacy(self, key: str) -> None:
        def op() -> None:
            assert self._pinned is not None
            self._pinned.delete(key)

        self._guard("drop_legacy", op, None)

    # ---- small metadata that must never be evicted (kept in the pinned part) ----------------------

    def get_meta(self, name: str) -> bytes | None:
        def op() -> bytes | None:
            assert self._pinned is not None
            value = self._pinned.get("\x00meta:" + name)
            return value if type(value) is bytes else None

        return self._guard("get_meta", op, None)

    def set_meta(self, name: str, value: bytes) -> None:
        def op() -> None:
            assert self._pinned is not None
            self._pinned.set("\x00meta:" + name, value)

        self._guard("set_meta", op, None)

    # ---- housekeeping -----------------------------------------------------------------------------

    def clear(self) -> None:
        """Drop every cached answer (the metadata stays)."""

        def op() -> None:
            assert self._evictable is not None
            self._evictable.clear()

        self._guard("clear", op, None)

    def volume(self) -> int:
        """Bytes of cached answers on disk."""

        def op() -> int:
            assert self._evictable is not None
            return int(self._evictable.volume())

        return self._guard("volume", op, 0)
