"""A section's files as the reader needs them (page images, attachments, videos, captions): on disk for the
system application or the media player, or as bytes through the HTTP cache for a page.

Why apart from ``LmsClient``: these calls pick between the downloads folder, the opened-files folder and the
server, which is its own concern; the client exposes them as ``client.files``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, cast

import httpx

from lms_desktop.client import paths
from lms_desktop.client.assets import AssetFiles, local_file
from lms_desktop.client.errors import OfflineError
from lms_desktop.client.results import Fetched
from lms_desktop.contract import Asset

type Fetch = Callable[[str, Callable[[bytes], Any]], Awaitable[Fetched[Any]]]


def identity(body: bytes) -> bytes:
    return body


class SectionFiles:
    """`fetch`: the client's cached GET; `http`: the client's httpx client (its base URL is the server);
    `opened_root`: the folder of files opened once (trimmed to a budget)."""

    def __init__(self, fetch: Fetch, http: Callable[[], httpx.AsyncClient], opened_root: Path) -> None:
        self._fetch = fetch
        self.http = http
        self.opened = AssetFiles(opened_root, http)
        self.downloaded: AssetFiles | None = None  # the offline layer's pinned section files

    def absolute_url(self, url: str) -> str:
        """A server path as a full URL (the media player streams from it with its own Range requests)."""
        return str(self.http().base_url.join(url))

    def local_asset(self, sha256: str) -> Path | None:
        """The verified file of an asset, if it is on this computer (downloaded first, else opened)."""
        return local_file(sha256, self.downloaded, self.opened)

    async def asset_file(self, asset: Asset) -> Path:
        """The asset on disk (downloaded, or fetched now into the opened-files folder)."""
        return self.local_asset(asset.sha256) or await self.opened.fetch_and_trim(asset)

    async def asset_bytes(self, url: str, width: int | None = None) -> bytes:
        """An asset's bytes through the HTTP cache (page images: `width` asks for a scaled copy); offline,
        the downloaded original serves any width."""
        try:
            return cast(bytes, (await self._fetch(paths.scaled_asset(url, width), identity)).value)
        except OfflineError:
            local = self.local_asset(paths.asset_sha(url))
            if local is None:
                raise
            return await asyncio.to_thread(local.read_bytes)
