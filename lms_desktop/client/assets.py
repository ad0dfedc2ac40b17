"""Section files on disk (attachments, videos, caption tracks): fetched with resumable Range requests and
checked against their sha256 before anyone opens them.

Why files and not cache entries: the system application that opens a PDF, and the media player that seeks
through a video, need a path; a video can be larger than the whole HTTP cache. Two folders hold them: the
*downloads* folder (a course made available offline; never evicted) and the *opened* folder (a file the
learner opened once; trimmed to a budget, oldest first). Names are the content hash, so a file shared by two
courses is stored once and a half-written file (``.part``) is never mistaken for a complete one.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

import httpx

from lms_desktop.client.errors import ApiError, OfflineError
from lms_desktop.contract import Asset

log = logging.getLogger(__name__)

CHUNK = 256 * 1024
OPENED_BUDGET_BYTES = 2 * 2**30


class AssetCorrupt(ApiError):
    """The bytes received do not match the asset's hash; the partial file was discarded."""

    def __init__(self, name: str) -> None:
        super().__init__(502, f"“{name}” arrived damaged; try again.")


class FetchCancelled(Exception):
    """Cancel was pressed; the bytes received so far stay in the ``.part`` file for the next try."""


def _valid_sha(sha: str) -> bool:
    return len(sha) == 64 and all(c in "0123456789abcdef" for c in sha)


class AssetFiles:
    """Content-addressed files under one folder, fetched through `client` (an httpx.AsyncClient whose
    base URL is the server)."""

    def __init__(self, root: Path, client: Callable[[], httpx.AsyncClient]) -> None:
        self.root = root
        self._client = client
        self._locks: dict[str, asyncio.Lock] = {}

    def path(self, sha256: str) -> Path:
        if not _valid_sha(sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return _valid_sha(sha256) and self.path(sha256).is_file()

    def remove(self, sha256: str) -> int:
        """Delete a file (and any partial one); returns the bytes freed."""
        freed = 0
        for p in (self.path(sha256), self.path(sha256).with_suffix(".part")):
            try:
                freed += p.stat().st_size
                p.unlink()
            except FileNotFoundError:
                pass
        return freed

    def partial_size(self, sha256: str) -> int:
        try:
            return self.path(sha256).with_suffix(".part").stat().st_size
        except FileNotFoundError:
            return 0

    async def fetch(
        self,
        asset: Asset,
        *,
        progress: Callable[[int], None] | None = None,
        cancel: asyncio.Event | None = None,
    ) -> Path:
        """The asset's file, fetched if missing. An interrupted fetch resumes from the bytes it has (Range);
        a file whose hash does not match is deleted and AssetCorrupt raised."""
        final = self.path(asset.sha256)
        if final.is_file():
            return final
        lock = self._locks.setdefault(asset.sha256, asyncio.Lock())
        async with lock:
            if final.is_file():
                return final
            final.parent.mkdir(parents=True, exist_ok=True)
            part = final.with_suffix(".part")
            digest = hashlib.sha256()
            have = 0
            if part.exists():
                have = await asyncio.to_thread(_hash_into, part, digest)
            digest = await self._receive(asset, part, have, digest, progress, cancel)
            if digest.hexdigest() != asset.sha256:
                part.unlink(missing_ok=True)
                raise AssetCorrupt(asset.name)
            part.replace(final)
            return final

    async def _receive(
        self,
        asset: Asset,
        part: Path,
        have: int,
        digest: hashlib._Hash,
        progress: Callable[[int], None] | None,
        cancel: asyncio.Event | None,
    ) -> hashlib._Hash:
        if have >= asset.size > 0:
            return digest
        headers = {"Range": f"bytes={have}-"} if have else {}
        try:
            async with self._client().stream("GET", asset.url, headers=headers) as response:
                resumed = response.status_code == 206 and _range_start(response) == have
                if response.status_code not in (200, 206) or (response.status_code == 206 and not resumed):
                    await response.aread()
                    raise ApiError(response.status_code, f"“{asset.name}” could not be downloaded.")
                if not resumed:
                    digest = hashlib.sha256()  # the server sent it all (again): start over
                received = have if resumed else 0
                with part.open("ab" if resumed else "wb") as out:
                    async for chunk in response.aiter_bytes(CHUNK):
                        if cancel is not None and cancel.is_set():
                            raise FetchCancelled(asset.name)
                        received += len(chunk)
                        if received > asset.size:  # never more than the section said: a hostile answer
                            out.close()
                            await asyncio.to_thread(part.unlink, missing_ok=True)
                            raise AssetCorrupt(asset.name)
                        out.write(chunk)
                        digest.update(chunk)
                        if progress is not None:
                            progress(len(chunk))
        except httpx.TransportError as exc:
            raise OfflineError(f"“{asset.name}” needs a connection to the server.") from exc
        return digest

    async def fetch_and_trim(self, asset: Asset) -> Path:
        """Fetch `asset` into this folder, then trim the folder to its budget (the opened files)."""
        path = await self.fetch(asset)
        await asyncio.to_thread(self.trim)
        return path

    def trim(self, budget: int = OPENED_BUDGET_BYTES) -> None:
        """Keep the folder under `budget` bytes, dropping the least recently used files first."""
        files = [p for p in self.root.glob("*/*") if p.is_file()]
        stats = sorted(((p.stat(), p) for p in files), key=lambda sp: sp[0].st_atime)
        total = sum(s.st_size for s, _ in stats)
        for stat, p in stats:
            if total <= budget:
                break
            p.unlink(missing_ok=True)
            total -= stat.st_size


def local_file(sha256: str, *stores: AssetFiles | None) -> Path | None:
    """The verified file of an asset in the first of `stores` that has it."""
    for store in stores:
        if store is not None and store.has(sha256):
            return store.path(sha256)
    return None


def _range_start(response: httpx.Response) -> int:
    value = response.headers.get("content-range", "")
    try:
        unit, rest = value.split(" ", 1)
        return int(rest.split("-", 1)[0]) if unit.strip().lower() == "bytes" else -1
    except ValueError:
        return -1


def _hash_into(path: Path, digest: hashlib._Hash) -> int:
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size
