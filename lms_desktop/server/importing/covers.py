"""A course cover from an imported image: re-encoded as PNG beside the generated covers, so the catalog's
thumbnail route serves it like any other (its key carries the image's hash, so its URL is immutable)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from lms_desktop.server.images import _atomic_write

MAX_SIDE = 1920


def write_cover(source: Path, images_dir: Path) -> tuple[str | None, Path | None]:
    """(image key, the file written when it is new), or (None, None) when the image cannot be read."""
    key = f"asset-{source.name[:40]}"
    out = images_dir / f"{key}.png"
    if out.is_file():
        return key, None
    try:
        with Image.open(source) as img:
            img.thumbnail((MAX_SIDE, MAX_SIDE))
            rgb = img.convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError):
        return None, None
    buffer = io.BytesIO()
    rgb.save(buffer, format="PNG", compress_level=3)
    _atomic_write(out, buffer.getvalue())
    return key, out
