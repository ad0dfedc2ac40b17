"""Images in a section document: a placeholder of the right size at once, the real image fetched only when
it comes near the visible part, at the screen's pixel density, through the client (cache, offline copy).

Why not Qt's own loading: QTextBrowser would read every image synchronously on the UI thread while laying
out. Here `placeholder` answers the layout at once, and `ImageLoader` fetches what scrolls into view.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, QRectF, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument, QTextImageFormat

from lms_desktop.contract import THUMBNAIL_WIDTHS
from lms_desktop.ui.tasks import TaskRunner

DEFAULT_ASPECT = 9 / 16
LOOKAHEAD_SCREENS = 1.0


def request_width(display_width: float, dpr: float) -> int | None:
    """The scaled copy to ask for: the smallest server width covering the image's device pixels; None
    (the original) when it is wider than every scaled copy."""
    needed = math.ceil(display_width * max(dpr, 1.0))
    return next((w for w in THUMBNAIL_WIDTHS if w >= needed), None)


def placeholder(width: int, height: int, color: QColor) -> QImage:
    image = QImage(max(width, 1), max(height, 1), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(color)
    return image


def image_formats(doc: QTextDocument) -> list[tuple[int, QTextImageFormat]]:
    """(document position, format) of every image in the document."""
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                out.append((fragment.position(), fmt.toImageFormat()))
            it += 1
        block = block.next()
    return out


class ImageLoader(QObject):
    """Fetches a document's images near the viewport, once each; `loaded(url)` when one is in."""

    loaded = Signal(str)

    def __init__(
        self, runner: TaskRunner, fetch: Callable[[str, int | None], Awaitable[bytes]], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._fetch = fetch
        self._owner = parent
        self.images: dict[str, QImage] = {}
        self._asked: set[str] = set()

    def reset(self) -> None:
        self.images.clear()
        self._asked.clear()

    def want(self, url: str, display_width: float, dpr: float) -> None:
        if url in self._asked or not url:
            return
        self._asked.add(url)
        width = request_width(display_width, dpr)

        async def load() -> QImage:
            data = await self._fetch(url, width)
            return await self._runner.in_thread(_decode, data, dpr)

        self._runner.run(load(), owner=self._owner, done=lambda image: self._done(url, image), error=_ignore)

    def _done(self, url: str, image: QImage) -> None:
        if not image.isNull():
            self.images[url] = image
            self.loaded.emit(url)


def _ignore(_exc: BaseException) -> None:
    """A missing image keeps its placeholder (offline and never downloaded, or removed)."""


def _decode(data: bytes, dpr: float) -> QImage:
    image = QImage.fromData(data)
    if not image.isNull():
        image.setDevicePixelRatio(max(dpr, 1.0))
    return image


def visible_range(top: float, height: float) -> QRectF:
    margin = height * LOOKAHEAD_SCREENS
    return QRectF(0, top - margin, 1e9, height + 2 * margin)


def paint_placeholder(image: QImage, color: QColor) -> None:
    """A faint frame so an unloaded image reads as "picture here" (used in both themes)."""
    painter = QPainter(image)
    painter.setPen(color)
    painter.drawRect(0, 0, image.width() - 1, image.height() - 1)
    painter.end()


def url_key(url: QUrl) -> str:
    return url.toString()
