"""Cover art and thumbnails: deterministic, drawn on first use for keys in use only, snapped widths, both
formats, cached."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from lms_desktop.contract import THUMBNAIL_WIDTHS
from lms_desktop.server.images import COVER_STYLE, Thumbnails, cover_key, cover_png, snap_width


def test_covers_are_deterministic_and_distinct() -> None:
    assert cover_png(3, "PY") == cover_png(3, "PY")
    assert cover_png(3, "PY") != cover_png(4, "PY")
    assert cover_png(3, "PY") != cover_png(3, "DS")


def _thumbs(root: Path, *keys: str) -> Thumbnails:
    """Thumbnails for a catalog whose courses show `keys`."""
    return Thumbnails(root, in_use=set(keys).__contains__)


def test_a_generated_cover_is_drawn_once_on_first_use(tmp_path: Path) -> None:
    key = cover_key(1, "ML")
    assert key == f"cover-s{COVER_STYLE}-ml-1" and cover_key(1, "RS") != key  # other pixels, other key
    assert not (tmp_path / f"{key}.png").exists()  # naming a cover draws nothing
    thumbs = _thumbs(tmp_path, key)
    source = thumbs.source_path(key)
    assert source == tmp_path / f"{key}.png" and source.read_bytes() == cover_png(1, "ML")
    source.write_bytes(b"kept")  # drawn once: the next request reads the file
    assert thumbs.source_path(key) == source and source.read_bytes() == b"kept"


def test_only_covers_a_course_shows_are_drawn(tmp_path: Path) -> None:
    shown, other = cover_key(7, "PY"), cover_key(8, "PY")
    thumbs = _thumbs(tmp_path, shown)
    assert thumbs.thumbnail(other, 160, "jpeg") is None and thumbs.source_path(other) is None
    assert not list(tmp_path.glob("*.png"))
    assert Thumbnails(tmp_path).source_path(shown) is None  # by default nothing is drawn
    assert thumbs.thumbnail(shown, 160, "jpeg") is not None


@pytest.mark.parametrize("fmt", ["webp", "jpeg"])
def test_thumbnails_at_stock_widths(tmp_path: Path, fmt: str) -> None:
    key = cover_key(2, "GO")
    thumbs = _thumbs(tmp_path, key)
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
    key = cover_key(5, "UX")
    thumbs = _thumbs(tmp_path, key)
    first = thumbs.thumbnail(key, 320, "webp")
    assert first is not None
    marker = b"cached"
    first.write_bytes(marker)  # a second request must not re-render
    again = _thumbs(tmp_path, key).thumbnail(key, 320, "webp")
    assert again == first and again.read_bytes() == marker


@pytest.mark.parametrize("key", ["missing-key", "../../etc/passwd", "Cover-UPPER", "", "a" * 200, "x/y"])
def test_unknown_or_hostile_keys_give_none(tmp_path: Path, key: str) -> None:
    thumbs = _thumbs(tmp_path, cover_key(0, "PY"), key)
    assert thumbs.source_path(cover_key(0, "PY")) is not None
    assert thumbs.source_path(key) is None
    assert thumbs.thumbnail(key, 160, "jpeg") is None


def test_snap_width() -> None:
    assert [snap_width(w) for w in (0, 100, 320, 321, 640, 9999)] == [160, 160, 320, 640, 640, 640]
