"""Course cover art and its thumbnails.

Generated covers are drawn with Pillow (a diagonal gradient, a few translucent shapes and the subject's
initials), deterministically from an index. The seed gives every course its own index, so no two courses
look alike, and only names the cover (`cover_key`): the picture is drawn the first time it is asked for and
kept as `<root>/<key>.png`, so seeding 100,000 courses draws nothing. The key names the drawing's style
(COVER_STYLE), which changes whenever `render_cover` draws differently, so thumbnail URLs can be served
`immutable`.

Thumbnails are made on first request at the stock widths (THUMBNAIL_WIDTHS) as WebP or JPEG and kept in
a disk cache under `<root>/thumbs`, written atomically (temp file + rename) so concurrent requests for the
same thumbnail never see half a file.
"""

from __future__ import annotations

import colorsys
import io
import logging
import os
import random
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PIL import Image, ImageDraw, ImageFont, ImageOps

from lms_desktop.contract import THUMBNAIL_WIDTHS

log = logging.getLogger("lms.server.images")

COVER_SIZE = (960, 540)  # 1.5x the largest thumbnail
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9\-]{0,79}$")
COVER_STYLE = 2  # bump when render_cover draws differently: every generated cover gets a new key
_GENERATED = re.compile(rf"^cover-s{COVER_STYLE}-([a-z0-9]{{1,3}})-([0-9]{{1,9}})$")
_EXT = {"webp": "webp", "jpeg": "jpg"}


def snap_width(width: int) -> int:
    """The smallest stock width that covers the request (the largest when none does)."""
    for stock in THUMBNAIL_WIDTHS:
        if width <= stock:
            return stock
    return THUMBNAIL_WIDTHS[-1]


def _hsv(hue: float, sat: float, val: float) -> tuple[int, int, int]:
    r, g, b = colorsys.hsv_to_rgb(hue % 1.0, sat, val)
    return int(r * 255), int(g * 255), int(b * 255)


def render_cover(index: int, initials: str) -> Image.Image:
    """One cover, a pure function of (index, initials)."""
    rng = random.Random(index * 7919 + 17)
    width, height = COVER_SIZE
    hue = rng.random()
    start = _hsv(hue, 0.55 + rng.random() * 0.3, 0.55 + rng.random() * 0.25)
    end = _hsv(hue + 0.12 + rng.random() * 0.2, 0.6 + rng.random() * 0.3, 0.25 + rng.random() * 0.2)
    vertical = Image.linear_gradient("L").resize((width, height))
    horizontal = Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90).resize((width, height))
    if rng.random() < 0.5:
        horizontal = ImageOps.mirror(horizontal)
    ramp = Image.blend(vertical, horizontal, rng.uniform(0.3, 0.7))
    image = ImageOps.colorize(ramp, start, end).convert("RGBA")
    overlay = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for _ in range(rng.randint(4, 9)):
        x, y = rng.randint(-150, width), rng.randint(-150, height)
        size = rng.randint(60, 320)
        colour = (*_hsv(hue + rng.uniform(-0.2, 0.4), 0.4, 1.0), rng.randint(30, 90))
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + size, y + size), fill=colour)
        else:
            draw.rounded_rectangle((x, y, x + size, y + size * 0.6), radius=size // 8, fill=colour)
    image = Image.alpha_composite(image, overlay)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=200)
    text = initials[:3].upper() or "?"
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    pos = ((width - (right - left)) / 2 - left, (height - (bottom - top)) / 2 - top)
    draw.text((pos[0] + 6, pos[1] + 8), text, font=font, fill=(0, 0, 0, 90))
    draw.text(pos, text, font=font, fill=(255, 255, 255, 235))
    return image.convert("RGB")


def cover_png(index: int, initials: str) -> bytes:
    """One encoded cover."""
    buffer = io.BytesIO()
    render_cover(index, initials).save(buffer, format="PNG", compress_level=1)  # drawn on a request: fast
    return buffer.getvalue()


def cover_key(index: int, initials: str) -> str:
    """The key of a generated cover: `cover-s<style>-<initials>-<index>`, drawn on first use."""
    letters = "".join(ch for ch in initials.lower() if ch.isascii() and ch.isalnum())[:3] or "x"
    return f"cover-s{COVER_STYLE}-{letters}-{index}"


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _never(_key: str) -> bool:
    return False


class Thumbnails:
    """Cover sources under `root`, thumbnails cached under `root/thumbs`.

    `in_use(key)` says whether a course shows a generated cover: only those are drawn, so a client asking
    for made-up keys cannot make the server draw and store covers without end.
    """

    def __init__(self, root: Path, in_use: Callable[[str], bool] = _never) -> None:
        self.root = Path(root)
        self.thumbs = self.root / "thumbs"
        self._in_use = in_use
        self._unwritable_logged = False

    def source_path(self, image_key: str) -> Path | None:
        """The cover's source image; a generated cover is drawn here the first time it is asked for."""
        if not KEY_RE.match(image_key):
            return None
        path = self.root / f"{image_key}.png"
        if path.is_file():
            return path
        generated = _GENERATED.match(image_key)
        if generated is None or not self._in_use(image_key):
            return None
        try:
            _atomic_write(path, cover_png(int(generated[2]), generated[1]))
        except OSError as exc:  # a read-only or full disk: the client shows its default cover
            if not self._unwritable_logged:
                self._unwritable_logged = True
                log.warning("covers cannot be written to %s (%s)", self.root, exc)
            return None
        return path

    def thumbnail(self, image_key: str, width: int, fmt: Literal["webp", "jpeg"]) -> Path | None:
        """The cached thumbnail file, made on first use; None when there is no such image."""
        if fmt not in _EXT:
            raise ValueError(f"unsupported format {fmt!r}")
        source = self.source_path(image_key)
        if source is None:
            return None
        out = self._cached(image_key, width, fmt)
        if out.is_file():
            return out
        _atomic_write(out, self._render(source, width, fmt))
        return out

    def thumbnail_bytes(self, image_key: str, width: int, fmt: Literal["webp", "jpeg"]) -> bytes | None:
        """The thumbnail's bytes; None when there is no such image. A cache that cannot be written (a
        read-only or full disk) costs a render per request, never an error."""
        if fmt not in _EXT:
            raise ValueError(f"unsupported format {fmt!r}")
        source = self.source_path(image_key)
        if source is None:
            return None
        out = self._cached(image_key, width, fmt)
        try:
            return out.read_bytes()
        except OSError:
            pass
        data = self._render(source, width, fmt)
        try:
            _atomic_write(out, data)
        except OSError as exc:
            if not self._unwritable_logged:
                self._unwritable_logged = True
                log.warning("thumbnail cache %s cannot be written (%s): serving uncached", self.thumbs, exc)
        return data

    def _cached(self, image_key: str, width: int, fmt: str) -> Path:
        return self.thumbs / f"{image_key}-{snap_width(width)}.{_EXT[fmt]}"

    @staticmethod
    def _render(source: Path, width: int, fmt: str) -> bytes:
        stock = snap_width(width)
        with Image.open(source) as img:
            rgb = img.convert("RGB")
        height = max(1, round(rgb.height * stock / rgb.width))
        small = rgb.resize((stock, height), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        if fmt == "webp":
            small.save(buffer, format="WEBP", quality=80, method=4)
        else:
            small.save(buffer, format="JPEG", quality=82, optimize=True, progressive=True)
        return buffer.getvalue()
