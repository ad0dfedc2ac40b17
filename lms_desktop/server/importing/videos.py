"""Video section payloads: a file in the package or a URL; YouTube and Vimeo are kept as links to open."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

_YOUTUBE_EMBED = re.compile(r"^/embed/([A-Za-z0-9_\-]{6,20})")


def provider_of(url: str | None) -> str | None:
    host = (urlsplit(url).hostname or "").lower() if url else ""
    if host.endswith(("youtube.com", "youtu.be", "youtube-nocookie.com")):
        return "youtube"
    if host.endswith("vimeo.com"):
        return "vimeo"
    return None


def watch_url(url: str) -> str:
    """An embed address turned into the page a learner opens (YouTube's /embed/ID -> watch?v=ID)."""
    parts = urlsplit(url)
    found = _YOUTUBE_EMBED.match(parts.path)
    if provider_of(url) == "youtube" and found:
        return f"https://www.youtube.com/watch?v={found.group(1)}"
    return url


def video_data(asset: str | None, url: str | None, captions: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "asset": asset,
        "url": watch_url(url) if url else None,
        "provider": provider_of(url),
        "captions": captions,
    }
