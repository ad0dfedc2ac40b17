"""The content-addressed asset store: `<dir>/<sha[:2]>/<sha>`, shared by every server reading that folder.

Files are hashed while they are copied (never read whole into memory) into a temporary file in the
store, then renamed into place, so a reader never sees half a file. The store remembers which files this
import created, so a failed import removes exactly those (and none an earlier import already had).
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import tempfile
from pathlib import Path

from lms_desktop.server.images import Thumbnails
from lms_desktop.server.importing.model import StoredAsset

CHUNK = 256 * 1024
SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_EXTRA_TYPES = {
    ".vtt": "text/vtt",
    ".srt": "application/x-subrip",
    ".webp": "image/webp",
    ".md": "text/markdown",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".m4v": "video/mp4",
    ".ogv": "video/ogg",
    ".svg": "image/svg+xml",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_MAGIC = (
    (b"\x89PNG", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"%PDF", "application/pdf"),
)


def content_type(name: str, head: bytes = b"") -> str:
    """From the file name, else from the first bytes; application/octet-stream when unknown."""
    suffix = Path(name).suffix.lower()
    if suffix in _EXTRA_TYPES:
        return _EXTRA_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(name, strict=False)
    if guessed:
        return guessed
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"


class AssetStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.created: list[Path] = []

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put_file(self, source: Path, name: str) -> StoredAsset:
        """Copy a file into the store (hashing as it goes) and describe it."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        head = b""
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(CHUNK):
                    if not head:
                        head = chunk[:16]
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
            sha = digest.hexdigest()
            final = self.path_for(sha)
            if final.exists():
                Path(tmp).unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                Path(tmp).replace(final)
                self.created.append(final)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return StoredAsset(sha256=sha, size=size, content_type=content_type(name, head), name=name)

    def put_bytes(self, data: bytes, name: str) -> StoredAsset:
        """Small generated files (a Markdown course's rendered bits): same path as files."""
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".bytes-")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        try:
            return self.put_file(Path(tmp), name)
        finally:
            Path(tmp).unlink(missing_ok=True)

    def discard(self, keep: set[str]) -> None:
        """Remove the files this import created, except those the database now refers to."""
        for path in self.created:
            if path.name not in keep:
                path.unlink(missing_ok=True)
        self.created.clear()


class AssetThumbnails(Thumbnails):
    """The cover thumbnail machinery over image assets: sources are the store's files, by sha256."""

    def source_path(self, image_key: str) -> Path | None:
        if not SHA_RE.match(image_key):
            return None
        path = self.root / image_key[:2] / image_key
        return path if path.is_file() else None
