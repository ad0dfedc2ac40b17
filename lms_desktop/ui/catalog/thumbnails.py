"""Course cover thumbnails: fetched only for painted rows, decoded off the UI thread, kept in QPixmapCache.

The delegate asks `pixmap()` while painting; a miss paints a placeholder and queues the cover. The queue is
newest-first (calibre's cover grid does the same): when the learner flings the list, the covers now on screen
load before the ones that scrolled past, and the queue is bounded so old requests fall off. Bytes come from
the client (cached on disk, immutable URLs); Pillow decodes and scales them in the runner's thread pool to the
device pixels the card needs, and only the final QImage -> QPixmap step runs on the UI thread.
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from PIL import Image, ImageOps
from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QImage, QPixmap, QPixmapCache

from lms_desktop.contract import THUMBNAIL_WIDTHS
from lms_desktop.resources import resource_path
from lms_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

MAX_CONCURRENT = 4
MAX_QUEUED = 48
PIXMAP_CACHE_KB = 96 * 1024

type ImageLoader = Callable[[str, int], Awaitable[bytes]]
"""(image_url, width in px) -> encoded image bytes (the client's `image()`)."""

Decoded = tuple[bytes, int, int]


def pick_width(device_px: int) -> int:
    """The smallest server thumbnail width that covers `device_px`, else the largest one."""
    for width in THUMBNAIL_WIDTHS:
        if width >= device_px:
            return width
    return THUMBNAIL_WIDTHS[-1]


def decode_cover(data: bytes | Path, width: int, height: int) -> Decoded:
    """Decode and centre-crop to exactly width x height device pixels; runs in a worker thread."""
    with Image.open(data if isinstance(data, Path) else io.BytesIO(data)) as img:
        img.draft("RGB", (width, height))  # JPEG: decode at a reduced scale, much cheaper
        fitted = ImageOps.fit(img.convert("RGBA"), (width, height), Image.Resampling.LANCZOS)
        return fitted.tobytes(), width, height


def _cached(key: str) -> QPixmap | None:
    found = QPixmapCache.find(key)  # type: ignore[call-overload]  # PySide returns the pixmap or None
    return found if isinstance(found, QPixmap) and not found.isNull() else None


class ThumbnailCache(QObject):
    #: an image for this URL (or the default for it) is now in the cache: repaint the cards showing it
    ready = Signal(str)

    def __init__(self, runner: TaskRunner, load: ImageLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._load = load
        self._queue: list[tuple[str, str, int, int, float]] = []  # newest last
        self._active: set[str] = set()
        self._failed: set[str] = set()
        self.requests = 0  # covers fetched so far
        if QPixmapCache.cacheLimit() < PIXMAP_CACHE_KB:
            QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)

    @staticmethod
    def key(url: str, size: QSize, dpr: float) -> str:
        return f"cover|{url}|{size.width()}x{size.height()}@{dpr:g}"

    def pixmap(self, url: str | None, size: QSize, dpr: float) -> QPixmap | None:
        """The cover at `size` logical px if cached; otherwise queue it and return None."""
        source = url if url and url not in self._failed else ""
        key = self.key(source, size, dpr)
        found = _cached(key)
        if found is not None:
            return found
        if key not in self._active and not any(q[0] == key for q in self._queue):
            self._queue.append((key, source, size.width(), size.height(), dpr))
            if len(self._queue) > MAX_QUEUED:
                del self._queue[0]
            self._pump()
        return None

    def prefetch(self, urls: list[str | None], size: QSize, dpr: float) -> None:
        """Warm covers for rows just below the viewport (queued behind what is on screen)."""
        for url in reversed(urls):
            source = url if url and url not in self._failed else ""
            key = self.key(source, size, dpr)
            queued = any(q[0] == key for q in self._queue)
            if _cached(key) is None and key not in self._active and not queued:
                self._queue.insert(0, (key, source, size.width(), size.height(), dpr))
        del self._queue[: max(0, len(self._queue) - MAX_QUEUED)]
        self._pump()

    def pending(self) -> int:
        return len(self._queue) + len(self._active)

    def _pump(self) -> None:
        if self._runner.closed:  # the window is closing; a late scroll or resize must not start loads
            return
        while self._queue and len(self._active) < MAX_CONCURRENT:
            key, url, w, h, dpr = self._queue.pop()  # newest first
            self._active.add(key)
            self._runner.run(
                self._produce(url, w, h, dpr),
                owner=self,
                key=key,
                done=functools.partial(self._store, key, url, dpr),
                error=functools.partial(self._fail, key, url),
            )

    async def _produce(self, url: str, w: int, h: int, dpr: float) -> Decoded:
        pw, ph = max(1, round(w * dpr)), max(1, round(h * dpr))
        if not url:
            return await self._runner.in_thread(
                decode_cover, resource_path("images", "default-cover.png"), pw, ph
            )
        self.requests += 1
        data = await self._load(url, pick_width(pw))
        return await self._runner.in_thread(decode_cover, data, pw, ph)

    def _store(self, key: str, url: str, dpr: float, decoded: Decoded) -> None:
        self._active.discard(key)
        data, w, h = decoded
        image = QImage(data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()  # copy: own the bytes
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(dpr)
        QPixmapCache.insert(key, pixmap)
        self.ready.emit(url)
        self._pump()

    def _fail(self, key: str, url: str, exc: BaseException) -> None:
        self._active.discard(key)
        if url:
            log.info("cover %s failed (%r); using the default cover", url, exc)
            self._failed.add(url)
            self.ready.emit(url)  # the card repaints and asks again: it gets the default cover
        self._pump()
