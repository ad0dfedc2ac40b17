"""The download store: what the learner kept for offline use, apart from the evictable HTTP cache.

Why apart: the HTTP cache is disposable by design (size-limited, rebuilt whenever its SQLite file is
damaged, in the user's *cache* directory, which cleaners empty). A download is the learner's: it lives in
the *data* directory next to the outbox, and nothing that happens to the cache can touch it.

Why plain files: one file per item, written to a temporary name, flushed to disk and renamed over, so an
item is either whole or absent; damage to one item never spreads to another, and a large item (a video
kept offline) can be read in place (``path``) rather than loaded into memory. Each item has a small
sidecar holding its key and size; an item whose size does not match is treated as missing (the download
then resumes it).

The API is bytes or files by key, with sizes. Keys are opaque strings (the client uses its cache keys,
which name the server and the learner); file names are their SHA-256, so any key is safe on disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import msgspec

from lms_desktop.client.cache.disk import ensure_private_dir

log = logging.getLogger(__name__)

OBJECTS_DIR = "objects"


class _Sidecar(msgspec.Struct):
    key: str
    size: int


class DownloadStore:
    """Items by key, each stored whole or not at all. Methods raise OSError only from `put`/`put_file`."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.warning: str | None = None
        try:
            ensure_private_dir(self.directory)
            ensure_private_dir(self.directory / OBJECTS_DIR)
        except OSError as exc:
            self.warning = f"the download store {self.directory} cannot be used ({exc})"
            log.warning("%s", self.warning)

    def _paths(self, key: str) -> tuple[Path, Path]:
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
        folder = self.directory / OBJECTS_DIR / digest[:2]
        return folder / digest, folder / f"{digest}.key"

    # ---- writing ---------------------------------------------------------------------------------

    def put(self, key: str, data: bytes) -> int:
        """Store `data` under `key` (replacing any), durable when this returns; its size."""
        data_path, side_path = self._paths(key)
        ensure_private_dir(data_path.parent)
        self._write_atomically(side_path, msgspec.json.encode(_Sidecar(key, len(data))))
        self._write_atomically(data_path, data)
        return len(data)

    def put_file(self, key: str, source: Path) -> int:
        """Move the file at `source` in under `key` (copied when it is on another file system); its size."""
        data_path, side_path = self._paths(key)
        ensure_private_dir(data_path.parent)
        size = source.stat().st_size
        self._write_atomically(side_path, msgspec.json.encode(_Sidecar(key, size)))
        try:
            source.replace(data_path)
        except OSError:
            staging = data_path.with_name(data_path.name + ".part")
            shutil.copyfile(source, staging)
            with staging.open("rb+") as fh:
                os.fsync(fh.fileno())
            staging.replace(data_path)
            source.unlink()
        return size

    @staticmethod
    def _write_atomically(path: Path, data: bytes) -> None:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            tmp.replace(path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    def delete(self, key: str) -> None:
        for path in self._paths(key):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    # ---- reading ---------------------------------------------------------------------------------

    def _sidecar(self, side_path: Path) -> _Sidecar | None:
        try:
            return msgspec.json.decode(side_path.read_bytes(), type=_Sidecar)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return None

    def size(self, key: str) -> int | None:
        """The item's size, or None when it is absent or damaged (its size does not match its record)."""
        data_path, side_path = self._paths(key)
        side = self._sidecar(side_path)
        if side is None or side.key != key:
            return None
        try:
            actual = data_path.stat().st_size
        except OSError:
            return None
        return side.size if actual == side.size else None

    def contains(self, key: str) -> bool:
        return self.size(key) is not None

    def path(self, key: str) -> Path | None:
        """Where the item's bytes are, to read in place (large items); None when absent or damaged."""
        return self._paths(key)[0] if self.contains(key) else None

    def get(self, key: str) -> bytes | None:
        size = self.size(key)
        if size is None:
            return None
        try:
            data = self._paths(key)[0].read_bytes()
        except OSError as exc:
            log.warning("download store: %s unreadable: %r", key, exc)
            return None
        return data if len(data) == size else None

    def keys(self) -> Iterator[str]:
        for side_path in (self.directory / OBJECTS_DIR).glob("*/*.key"):
            side = self._sidecar(side_path)
            if side is not None and self.contains(side.key):
                yield side.key

    def total_bytes(self) -> int:
        total = 0
        for side_path in (self.directory / OBJECTS_DIR).glob("*/*.key"):
            side = self._sidecar(side_path)
            if side is not None:
                total += side.size
        return total
