"""The files a downloaded course needs beside its pages (images, attachments, captions, videos if asked),
how the manifest names them, and the plain text of its sections for the offline search.

Asset items are recorded in the manifest as ``asset:<kind>:<sha256>``: the kind gives the Downloads screen
its sizes per kind, the hash names the file in the downloads folder (``assets.AssetFiles``).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from lms_desktop.client.offline.search_index import IndexedSection
from lms_desktop.contract import API_PREFIX, Asset, Section

ASSET_KEY_PREFIX = "asset:"
KINDS = ("pages", "images", "files", "captions", "videos")
_MD_NOISE = re.compile(r"[#>*_`~\[\]()!|-]+")


def asset_key(asset: Asset) -> str:
    return f"{ASSET_KEY_PREFIX}{asset.kind}:{asset.sha256}"


def key_sha(key: str) -> str | None:
    """The sha256 of an asset item key, None for a cached answer's key."""
    if not key.startswith(ASSET_KEY_PREFIX):
        return None
    return key.rsplit(":", 1)[-1]


def key_kind(key: str) -> str:
    """Which row of the Downloads screen's sizes an item counts in."""
    if key.startswith(ASSET_KEY_PREFIX):
        kind = key.split(":", 2)[1]
        return {"image": "images", "file": "files", "caption": "captions", "video": "videos"}.get(
            kind, "files"
        )
    if key.startswith(f"{API_PREFIX}/images/"):
        return "images"
    return "pages"


def section_assets(section: Section, *, videos: bool) -> list[Asset]:
    """Everything the section needs offline, each file once; videos only when the learner asked."""
    found: dict[str, Asset] = {}
    for asset in [*section.assets, *([section.file] if section.file is not None else [])]:
        if asset.kind == "video" and not videos:
            continue
        found.setdefault(asset.sha256, asset)
    return list(found.values())


def video_assets(section: Section) -> list[Asset]:
    return [a for a in [*section.assets, *([section.file] if section.file else [])] if a.kind == "video"]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, _attrs: object) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in ("p", "div", "li", "h1", "h2", "h3", "h4", "tr", "br", "pre"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def plain_text(section: Section) -> str:
    """A section's words for the search index (HTML without tags, Markdown without its marks)."""
    if section.body_html:
        parser = _Text()
        parser.feed(section.body_html)
        parser.close()
        text = "".join(parser.parts)
    else:
        text = _MD_NOISE.sub(" ", section.body_markdown)
    extra = [section.file.name] if section.file is not None else []
    return html.unescape(" ".join([text, *extra])).strip()


def indexed(section: Section) -> IndexedSection:
    return IndexedSection(section.id, section.title, plain_text(section))
