"""Render the application icon from its SVG masters into every file a platform asks for.

Run after editing `resources/icons/lms-desktop*.svg`:  .venv/bin/python packaging/make_icons.py
Outputs (committed, so a build never needs this step): `lms-desktop-<n>.png` for the freedesktop sizes,
`lms-desktop.ico` (Windows, exe and taskbar) and `lms-desktop.icns` (macOS bundle). The smallest sizes come
from a simplified master because text lines and a badge turn into grey noise below 32 px.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL_MAX = 32  # sizes up to this use the simplified master
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest size the ICO format holds


def render(svg: Path, size: int) -> Image.Image:
    """Rasterise one SVG to a square RGBA Pillow image, antialiased, at exactly `size` pixels."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"invalid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)  # straight alpha, byte order R,G,B,A
    return Image.frombytes("RGBA", (size, size), bytes(rgba.constBits()), "raw", "RGBA", rgba.bytesPerLine())


def main() -> int:
    """Write every PNG size, the ICO and the ICNS; prints what it wrote."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    master, small = ICONS / "lms-desktop.svg", ICONS / "lms-desktop-small.svg"
    images: dict[int, Image.Image] = {}
    for size in (*PNG_SIZES, 1024):
        images[size] = render(small if size <= SMALL_MAX else master, size)
    for size in PNG_SIZES:
        out = ICONS / f"lms-desktop-{size}.png"
        images[size].save(out, optimize=True)
        print(f"wrote {out.relative_to(ICONS.parent.parent)}")
    ico = ICONS / "lms-desktop.ico"
    largest = images[ICO_SIZES[-1]]
    largest.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES[:-1]],
    )
    print(f"wrote {ico.relative_to(ICONS.parent.parent)}")
    icns = ICONS / "lms-desktop.icns"
    images[1024].save(icns, format="ICNS", append_images=[images[s] for s in (16, 32, 64, 128, 256, 512)])
    print(f"wrote {icns.relative_to(ICONS.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
