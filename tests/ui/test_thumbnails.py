"""Covers from the real server: only for rows on screen (plus a few ahead), decoded at the device pixel
ratio off the UI thread, and the bundled default cover when an image cannot be had."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QImage, QPixmap, QPixmapCache
from pytestqt.qtbot import QtBot

from lms_desktop.client import LmsClient
from lms_desktop.resources import resource_path
from lms_desktop.server.embedded import EmbeddedServer
from lms_desktop.ui.catalog.thumbnails import ThumbnailCache
from lms_desktop.ui.catalog.view import PREFETCH_ROWS
from lms_desktop.ui.main_window import MainWindow
from lms_desktop.ui.tasks import TaskRunner


def test_covers_are_fetched_only_for_rows_on_screen(
    qtbot: QtBot, live_server: EmbeddedServer, learner_window: MainWindow
) -> None:
    window = learner_window
    thumbs = window.thumbnails
    qtbot.waitUntil(lambda: thumbs.pending() == 0, timeout=15_000)
    QPixmapCache.clear()  # process-wide: earlier tests may have decoded these covers already
    live_server.reset_log()
    thumbs.requests = 0
    window.catalog.view.viewport().update()
    qtbot.waitUntil(lambda: thumbs.requests > 0 and thumbs.pending() == 0, timeout=15_000)
    first, last = window.catalog.view.visible_rows()
    on_screen = last - first + 1
    assert window.model.rowCount() > 10 * on_screen
    assert on_screen <= thumbs.requests <= on_screen + PREFETCH_ROWS
    assert live_server.count("/images") <= thumbs.requests

    before = thumbs.requests
    window.catalog.view.verticalScrollBar().setValue(window.catalog.view.verticalScrollBar().maximum() // 2)
    qtbot.waitUntil(lambda: thumbs.requests > before and thumbs.pending() == 0, timeout=15_000)
    assert (
        thumbs.requests - before <= on_screen + PREFETCH_ROWS + 2
    )  # the rows now shown, not the ones passed


def test_decoded_at_device_pixels_and_default_cover_on_failure(
    qtbot: QtBot, demo_client: LmsClient, runner: TaskRunner
) -> None:
    page = None

    async def first_page() -> None:
        nonlocal page
        from lms_desktop.client import CourseQuery

        page = (await demo_client.list_courses(CourseQuery(limit=5))).value

    owner = QObject()
    runner.run(first_page(), owner=owner)
    qtbot.waitUntil(lambda: page is not None, timeout=10_000)
    assert page is not None
    url = next(c.image_url for c in page.items if c.image_url)

    async def load(image_url: str, width: int) -> bytes:
        return await demo_client.image(image_url, width, "webp")

    cache = ThumbnailCache(runner, load)
    size = QSize(176, 99)
    assert cache.pixmap(url, size, 2.0) is None  # queued, painted as a placeholder meanwhile
    qtbot.waitUntil(lambda: cache.pixmap(url, size, 2.0) is not None, timeout=10_000)
    sharp = cache.pixmap(url, size, 2.0)
    assert isinstance(sharp, QPixmap)
    assert (sharp.width(), sharp.height()) == (352, 198)  # device pixels for a 2x screen
    assert sharp.devicePixelRatio() == 2.0

    missing = "/api/v1/images/no-such-cover"
    with qtbot.waitSignal(cache.ready, timeout=10_000):
        assert cache.pixmap(missing, size, 1.0) is None
    qtbot.waitUntil(lambda: cache.pixmap(missing, size, 1.0) is not None, timeout=10_000)
    fallback = cache.pixmap(missing, size, 1.0)
    assert fallback is not None
    default = QImage(str(resource_path("images", "default-cover.png")))
    centre = default.pixelColor(default.width() // 2 - 60, default.height() // 2 - 90)  # above the book glyph
    got = fallback.toImage().pixelColor(fallback.width() // 2 - 17, fallback.height() // 2 - 25)
    assert all(abs(a - b) <= 12 for a, b in zip(centre.getRgb()[:3], got.getRgb()[:3], strict=True))
    cache.deleteLater()
