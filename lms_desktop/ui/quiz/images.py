"""Images in quiz prompts: fetched through the client (cached, offline copies included) off the UI thread
and put inline as data: URIs, so a plain QLabel shows them (QLabel cannot fetch a URL itself).

Large images are shown at most MAX_WIDTH wide; an image that cannot be had keeps its alt text.
"""

from __future__ import annotations

import asyncio
import base64
import re
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray
from PySide6.QtGui import QImage

Loader = Callable[[str], Awaitable[bytes]]

MAX_WIDTH = 560
MAX_IMAGES = 20
MAX_BYTES = 8 * 1024 * 1024
_IMG = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*([\"'])(.*?)\1[^>]*>", re.IGNORECASE | re.DOTALL)


def image_sources(html: str) -> list[str]:
    found = [m.group(2) for m in _IMG.finditer(html)]
    return [s for s in dict.fromkeys(found) if not s.startswith("data:")][:MAX_IMAGES]


def loader_for(client: Any) -> Loader | None:
    """The client's way to fetch an asset's bytes through its cache, whichever this client has."""
    files = getattr(client, "files", None)
    for owner, name in ((files, "asset_bytes"), (client, "asset")):
        method = getattr(owner, name, None)
        if callable(method):
            return method
    return None


def _data_uri(data: bytes) -> tuple[str, int] | None:
    """(data: URI, width to show) of an image, None when it does not decode. Runs on a worker thread
    (QImage is safe off the UI thread)."""
    if len(data) > MAX_BYTES:
        return None
    image = QImage.fromData(QByteArray(data))
    if image.isNull():
        return None
    fmt = "png" if data[:4] == b"\x89PNG" else "jpeg" if data[:2] == b"\xff\xd8" else None
    if fmt is None:  # anything else (GIF, WebP, SVG...) travels as PNG, which every Qt build reads
        buffer = QByteArray()
        device = QBuffer(buffer)
        device.open(QBuffer.OpenModeFlag.WriteOnly)
        image.save(device, b"PNG")
        data, fmt = bytes(buffer.data()), "png"
    return f"data:image/{fmt};base64,{base64.b64encode(data).decode('ascii')}", min(image.width(), MAX_WIDTH)


async def inline_images(html: str, load: Loader) -> str:
    """`html` with every fetchable image inline; the rest untouched."""
    replacements: dict[str, tuple[str, int]] = {}
    for src in image_sources(html):
        try:
            data = await load(src)
        except Exception:  # offline and not downloaded, gone, refused: the alt text stays
            continue
        made = await asyncio.to_thread(_data_uri, data)
        if made is not None:
            replacements[src] = made

    def swap(match: re.Match[str]) -> str:
        made = replacements.get(match.group(2))
        if made is None:
            return match.group(0)
        uri, width = made
        return f'<img src="{uri}" width="{width}">'

    return _IMG.sub(swap, html) if replacements else html
