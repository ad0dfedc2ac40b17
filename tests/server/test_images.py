"""Cover art and thumbnails: deterministic, content-addressed, snapped widths, both formats, cached."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from lms_desktop.contract import THUMBNAIL_WIDTHS
from lms_desktop.server.images import Thumbnails, cover_key, cover_png, snap_width, write_cover


def test_covers_are_deterministic_and_distinct() -> None:
    assert cover_png(3, "PY") == cover_png(3, "PY")
    assert cover_png(3, "PY") != cover_png(4, "PY")
    assert cover_png(3, "PY") != cover_png(3, "DS")


def test_key_changes_when_the_image_changes(tmp_path: Path) -> None:
    key = write_cover(tmp_path, 1, "ML")
    assert key == cover_key(1, cover_png(1, "ML"))
    assert write_cover(tmp_path, 1, "ML") == key
    assert write_cover(tmp_path, 1, "RS") != key  # other pixels, other key, other URL
    assert (tmp_path / f"{key}.png").is_file()


@pytest.mark.parametrize("fmt", ["webp", "jpeg"])
def test_thumbnails_at_stock_widths(tmp_path: Path, fmt: str) -> None:
    key = write_cover(tmp_path, 2, "GO")
    thumbs = Thumbnails(tmp_path)
    for asked, stock in ((1, 160), (160, 160), (161, 320), (500, 640), (5000, 640)):
        path = thumbs.thumbnail(key, asked, fmt)  # type: ignore[arg-type]
        assert path is not None
        with Image.open(io.BytesIO(path.read_bytes())) as img:
            assert img.format == ("WEBP" if fmt == "webp" else "JPEG")
            assert img.width == stock and img.height == round(stock * 9 / 16)
    assert sorted(p.name for p in (tmp_path / "thumbs").iterdir()) == sorted(
        f"{key}-{w}.{'webp' if fmt == 'webp' else 'jpg'}" for w in THUMBNAIL_WIDTHS
    )


def test_thumbnails_are_cached_on_disk(tmp_path: Path) -> None:
    key = write_cover(tmp_path, 5, "UX")
    thumbs = Thumbnails(tmp_path)
    first = thumbs.thumbnail(key, 320, "webp")
    assert first is not None
    marker = b"cached"
    first.write_bytes(marker)  # a second request must not re-render
    again = Thumbnails(tmp_path).thumbnail(key, 320, "webp")
    assert again == first and again.read_bytes() == marker


@pytest.mark.parametrize("key", ["missing-key", "../../etc/passwd", "Cover-UPPER", "", "a" * 200, "x/y"])
def test_unknown_or_hostile_keys_give_none(tmp_path: Path, key: str) -> None:
    write_cover(tmp_path, 0, "PY")
    thumbs = Thumbnails(tmp_path)
    assert thumbs.source_path(key) is None
    assert thumbs.thumbnail(key, 160, "jpeg") is None


def test_snap_width() -> None:
    assert [snap_width(w) for w in (0, 100, 320, 321, 640, 9999)] == [160, 160, 320, 640, 640, 640]
