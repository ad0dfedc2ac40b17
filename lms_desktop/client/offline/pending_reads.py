"""Reads with the learner's pending changes laid over them (``overlay``), so the learner sees what they
did before the server has; a cover missing offline is served in another downloaded width. Plugged into
LmsClient as its read layer by the offline layer."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from lms_desktop.client import paths
from lms_desktop.client.api import LmsClient
from lms_desktop.client.errors import ApiError, AuthRequired, OfflineError
from lms_desktop.client.offline.downloads import BODY_IMAGE_WIDTH, COVER_WIDTHS
from lms_desktop.client.offline.outbox import Outbox
from lms_desktop.client.offline.outbox_writer import OutboxWriter
from lms_desktop.client.offline.overlay import (
    PendingView,
    overlay_content,
    overlay_dashboard,
    overlay_detail,
    pending_view,
)
from lms_desktop.client.results import Fetched
from lms_desktop.contract import CourseContent, CourseDetail, CoursePage, Dashboard, decoder

_content = decoder(CourseContent)


class PendingReads:
    def __init__(
        self, client: LmsClient, outbox: Outbox, writer: OutboxWriter, account: Callable[[], int | None]
    ) -> None:
        self._client = client
        self._outbox = outbox
        self._writer = writer
        self._account = account
        self._view_cache: tuple[int | None, PendingView] | None = None
        outbox.on_change(self._forget_view)

    def _forget_view(self) -> None:
        self._view_cache = None

    def _view(self) -> PendingView:
        """The pending changes folded by the rules; cached until the outbox changes (reads are hot)."""
        uid = self._account()
        cached = self._view_cache
        if cached is None or cached[0] != uid:
            entries = [] if uid is None else self._outbox.entries(uid, "pending")
            cached = (uid, pending_view(entries))
            self._view_cache = cached
        return cached[1]

    async def listing(self, fetched: Fetched[CoursePage]) -> Fetched[CoursePage]:
        self._writer.remember_titles([(c.id, c.title) for c in fetched.value.items])
        return fetched

    async def detail(self, course_id: int, fetched: Fetched[CourseDetail]) -> Fetched[CourseDetail]:
        self._writer.remember_titles([(course_id, fetched.value.title)])
        view = self._view()
        return fetched if view.empty else _overlaid(fetched, lambda d: overlay_detail(d, view))

    async def content(self, course_id: int, fetched: Fetched[CourseContent]) -> Fetched[CourseContent]:
        view = self._view()
        return fetched if view.empty else _overlaid(fetched, lambda c: overlay_content(c, view))

    async def dashboard(self, fetched: Fetched[Dashboard]) -> Fetched[Dashboard]:
        self._writer.remember_titles([(i.course_id, i.title) for i in fetched.value.items])
        view = self._view()
        if view.empty:
            return fetched
        contents: dict[int, CourseContent] = {}
        for item in fetched.value.items:
            if view.touches(item.course_id):
                with contextlib.suppress(OfflineError, ApiError, AuthRequired):
                    raw = await self._client.fetch(paths.content(item.course_id), _content.decode)
                    contents[item.course_id] = overlay_content(raw.value, view)
        return _overlaid(fetched, lambda d: overlay_dashboard(d, view, contents))

    def image_substitute(self, image_url: str, width: int) -> str | None:
        """Any downloaded width of the image beats none (the UI scales it)."""
        for other in sorted({*COVER_WIDTHS, BODY_IMAGE_WIDTH}, key=lambda w: abs(w - width)):
            target = paths.image(image_url, other, "webp")
            if other != width and self._client.is_pinned(target):
                return target
        return None


def _overlaid[T](fetched: Fetched[T], apply: Callable[[T], T]) -> Fetched[T]:
    """`fetched` with `apply` laid over its value, and over the revalidated value when that arrives."""
    updated = fetched.updated
    if updated is not None:
        chained: asyncio.Future[T | None] = asyncio.get_running_loop().create_future()

        def forward(done: asyncio.Future[T | None]) -> None:
            if chained.done():
                return
            if done.cancelled():
                chained.cancel()
                return
            value = done.result() if done.exception() is None else None
            chained.set_result(None if value is None else apply(value))

        updated.add_done_callback(forward)
        updated = chained
    return Fetched(apply(fetched.value), stale=fetched.stale, source=fetched.source, updated=updated)
