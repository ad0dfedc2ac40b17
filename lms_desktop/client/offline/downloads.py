""" "Make available offline": a course's meta, content, every section body and its images, pinned.

Why resumable by key: a download on a train is interrupted more often than not. Every item is written to the
pinned store as soon as it arrives, and a (re)started download skips every key already there, so resuming
fetches only what is missing. Why a refresh that revalidates: a downloaded course should be current when the
learner next goes offline, at the cost of a couple of 304s per course (meta and content with their ETags);
section bodies are revalidated only when the course itself was edited (its ``updated_at`` moved).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import msgspec

from lms_desktop.client.offline.pinned import DownloadedCourse, PinnedStore
from lms_desktop.client.offline.wire import FetchResult
from lms_desktop.contract import API_PREFIX, CourseContent, CourseDetail, Section

log = logging.getLogger(__name__)

COVER_WIDTHS: tuple[int, ...] = (320, 640)  # the card and the course view
BODY_IMAGE_WIDTH = 640
IMAGE_FORMAT = "webp"
PARALLEL_FETCHES = 4
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")


class Fetcher(Protocol):
    async def get(self, path: str, etag: str | None = None) -> FetchResult: ...


class DownloadCancelled(Exception):
    """The learner pressed Cancel; what arrived is kept and a later download resumes from there."""


@dataclass(frozen=True)
class DownloadProgress:
    course_id: int
    done: int
    total: int  # grows while section bodies reveal their images
    bytes: int
    fetched: int  # requests that downloaded a body in this run (skipped items are not fetched)

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True)
class RefreshReport:
    course_id: int
    requests: int
    changed: int  # items whose body changed (200s)
    gone: bool  # the server no longer shows the course (deleted or unpublished)


def course_key(course_id: int) -> str:
    return f"{API_PREFIX}/courses/{course_id}"


def content_key(course_id: int) -> str:
    return f"{API_PREFIX}/courses/{course_id}/content"


def section_key(section_id: int) -> str:
    return f"{API_PREFIX}/sections/{section_id}"


def image_key(image_url: str, width: int, fmt: str = IMAGE_FORMAT) -> str:
    sep = "&" if "?" in image_url else "?"
    return f"{image_url}{sep}w={width}&fmt={fmt}"


def body_images(markdown: str) -> list[str]:
    """Image URLs in a section body that our server serves (others are not ours to pin)."""
    out: list[str] = []
    for url in _MD_IMAGE.findall(markdown):
        if url.startswith(f"{API_PREFIX}/images/") and url not in out:
            out.append(url)
    return out


def section_ids(content: CourseContent) -> list[int]:
    return [s.id for lesson in content.lessons for s in lesson.sections]


class _Run:
    """Book-keeping for one download run: progress numbers, cancel checks."""

    def __init__(
        self,
        course_id: int,
        progress: Callable[[DownloadProgress], None] | None,
        cancel: asyncio.Event | None,
    ) -> None:
        self.course_id = course_id
        self.progress = progress
        self.cancel = cancel
        self.done = 0
        self.total = 0
        self.bytes = 0
        self.fetched = 0

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise DownloadCancelled(f"download of course {self.course_id} cancelled")

    def report(self) -> None:
        if self.progress is not None:
            try:
                self.progress(
                    DownloadProgress(self.course_id, self.done, self.total, self.bytes, self.fetched)
                )
            except Exception:
                log.exception("download progress callback failed")


class DownloadManager:
    """Downloads, lists, refreshes and removes the current user's offline courses."""

    def __init__(self, store: PinnedStore, fetcher: Fetcher, user_id: Callable[[], int | None]) -> None:
        self.store = store
        self.fetcher = fetcher
        self._user_id = user_id
        self._active: dict[int, asyncio.Task[DownloadedCourse]] = {}

    def _uid(self) -> int:
        uid = self._user_id()
        if uid is None:
            raise PermissionError("sign in to download courses")
        return uid

    # ---- listing and removal ---------------------------------------------------------------------

    def courses(self) -> list[DownloadedCourse]:
        uid = self._user_id()
        return [] if uid is None else self.store.courses(uid)

    def get(self, course_id: int) -> DownloadedCourse | None:
        uid = self._user_id()
        return None if uid is None else self.store.course(uid, course_id)

    def is_available_offline(self, course_id: int) -> bool:
        course = self.get(course_id)
        return course is not None and course.complete

    def remove(self, course_id: int) -> None:
        task = self._active.pop(course_id, None)
        if task is not None:
            task.cancel()
        self.store.remove_course(self._uid(), course_id)

    # ---- downloading -----------------------------------------------------------------------------

    def start(
        self,
        course_id: int,
        *,
        progress: Callable[[DownloadProgress], None] | None = None,
        cancel: asyncio.Event | None = None,
    ) -> asyncio.Task[DownloadedCourse]:
        """Download in a task (one per course; starting again while running returns the running one)."""
        running = self._active.get(course_id)
        if running is not None and not running.done():
            return running
        task = asyncio.ensure_future(self.download(course_id, progress=progress, cancel=cancel))
        self._active[course_id] = task
        task.add_done_callback(
            lambda t: self._active.pop(course_id, None) if self._active.get(course_id) is t else None
        )
        return task

    async def download(
        self,
        course_id: int,
        *,
        progress: Callable[[DownloadProgress], None] | None = None,
        cancel: asyncio.Event | None = None,
    ) -> DownloadedCourse:
        """Fetch everything the course needs offline, skipping what is already pinned."""
        uid = self._uid()
        run = _Run(course_id, progress, cancel)
        self.store.begin_course(uid, course_id)
        have = self.store.keys(uid, course_id)
        try:
            run.total = 2
            detail = msgspec.json.decode(
                await self._ensure(uid, course_id, course_key(course_id), have, run), type=CourseDetail
            )
            self.store.set_course(uid, course_id, title=detail.title)
            content = msgspec.json.decode(
                await self._ensure(uid, course_id, content_key(course_id), have, run), type=CourseContent
            )
            covers = [image_key(detail.image_url, w) for w in COVER_WIDTHS] if detail.image_url else []
            sections = section_ids(content)
            run.total += len(covers) + len(sections)
            run.report()
            await self._ensure_many(uid, course_id, covers, have, run)
            await self._ensure_sections(uid, course_id, sections, have, run)
            self.store.set_course(
                uid, course_id, state="complete", total_items=run.total, synced=True, clear_error=True
            )
        except DownloadCancelled:
            self.store.set_course(uid, course_id, total_items=run.total)
            raise
        except asyncio.CancelledError:
            self.store.set_course(uid, course_id, total_items=run.total)
            raise
        except Exception as exc:
            if getattr(exc, "status", None) == 404 and not self.store.keys(uid, course_id):
                self.store.remove_course(uid, course_id)  # never existed for us: no empty row
            else:
                self.store.set_course(uid, course_id, total_items=run.total, error=str(exc))
            raise
        result = self.store.course(uid, course_id)
        assert result is not None
        return result

    async def _ensure(self, uid: int, course_id: int, key: str, have: set[str], run: _Run) -> bytes:
        """The item's bytes: from the store if present (no request), else fetched and pinned."""
        run.check()
        if key in have:
            item = self.store.get(uid, key, course_id)
            if item is not None:
                run.done += 1
                run.bytes += len(item.body)
                run.report()
                return item.body
        result = await self.fetcher.get(key)
        self.store.put(uid, course_id, key, result.body, etag=result.etag, content_type=result.content_type)
        have.add(key)
        run.done += 1
        run.fetched += 1
        run.bytes += len(result.body)
        run.report()
        return result.body

    async def _ensure_many(
        self, uid: int, course_id: int, keys: list[str], have: set[str], run: _Run
    ) -> None:
        for key in keys:
            await self._ensure(uid, course_id, key, have, run)

    async def _ensure_sections(
        self, uid: int, course_id: int, sections: list[int], have: set[str], run: _Run
    ) -> None:
        queue: asyncio.Queue[int] = asyncio.Queue()
        for sid in sections:
            queue.put_nowait(sid)

        async def worker() -> None:
            while not queue.empty():
                sid = queue.get_nowait()
                body = await self._ensure(uid, course_id, section_key(sid), have, run)
                section = msgspec.json.decode(body, type=Section)
                images = [image_key(u, BODY_IMAGE_WIDTH) for u in body_images(section.body_markdown)]
                run.total += len(images)
                await self._ensure_many(uid, course_id, images, have, run)

        try:
            async with asyncio.TaskGroup() as group:
                for _ in range(min(PARALLEL_FETCHES, max(len(sections), 1))):
                    group.create_task(worker())
        except BaseExceptionGroup as failed:
            # one worker's failure (cancel, 404, offline) is the download's failure
            raise failed.exceptions[0] from None

    # ---- refreshing ------------------------------------------------------------------------------

    async def refresh(self, course_id: int) -> RefreshReport:
        """Revalidate a downloaded course: meta and content by ETag; sections only if the course changed."""
        uid = self._uid()
        requests = changed = 0
        old_detail_item = self.store.get(uid, course_key(course_id), course_id)
        old_updated = (
            msgspec.json.decode(old_detail_item.body, type=CourseDetail).updated_at
            if old_detail_item
            else None
        )

        async def revalidate(key: str) -> bytes | None:
            """New body if it changed, None on 304. Fetches when the item is missing."""
            nonlocal requests, changed
            item = self.store.get(uid, key, course_id)
            requests += 1
            result = await self.fetcher.get(key, item.etag if item else None)
            if result.status == 304 and item is not None:
                self.store.touch(uid, course_id, key, result.etag)
                return None
            self.store.put(
                uid, course_id, key, result.body, etag=result.etag, content_type=result.content_type
            )
            changed += 1
            return result.body

        try:
            new_detail = await revalidate(course_key(course_id))
            new_content = await revalidate(content_key(course_id))
        except Exception as exc:
            if getattr(exc, "status", None) == 404:
                self.store.set_course(uid, course_id, state="gone", error="no longer available on the server")
                return RefreshReport(course_id, requests, changed, gone=True)
            raise
        detail_changed = False
        if new_detail is not None:
            detail = msgspec.json.decode(new_detail, type=CourseDetail)
            detail_changed = detail.updated_at != old_updated
            self.store.set_course(uid, course_id, title=detail.title)
        content_item = self.store.get(uid, content_key(course_id), course_id)
        assert content_item is not None
        content = msgspec.json.decode(content_item.body, type=CourseContent)
        wanted = {section_key(s) for s in section_ids(content)}
        have = self.store.keys(uid, course_id)
        if new_content is not None:
            stale = {k for k in have if k.startswith(f"{API_PREFIX}/sections/") and k not in wanted}
            if stale:
                self.store.delete_keys(uid, course_id, stale)
        for key in sorted(wanted):
            if key not in have or detail_changed:
                body = await revalidate(key)
                if body is not None:
                    section = msgspec.json.decode(body, type=Section)
                    for url in body_images(section.body_markdown):
                        img = image_key(url, BODY_IMAGE_WIDTH)
                        if img not in have:
                            await revalidate(img)
        if new_detail is not None:
            detail = msgspec.json.decode(new_detail, type=CourseDetail)
            for width in COVER_WIDTHS if detail.image_url else ():
                assert detail.image_url is not None
                img = image_key(detail.image_url, width)
                if img not in have:
                    await revalidate(img)  # a new cover has a new URL (versioned image keys)
        self.store.set_course(uid, course_id, state="complete", synced=True, clear_error=True)
        return RefreshReport(course_id, requests, changed, gone=False)

    async def refresh_all(self) -> list[RefreshReport]:
        """Refresh every completed download; stops at the first transport error (offline again)."""
        reports = []
        for course in self.courses():
            if course.state == "partial":
                continue
            reports.append(await self.refresh(course.course_id))
        return reports

    # ---- reading offline -------------------------------------------------------------------------

    def pinned_course(self, course_id: int) -> CourseDetail | None:
        return self._read(course_key(course_id), CourseDetail)

    def pinned_content(self, course_id: int) -> CourseContent | None:
        return self._read(content_key(course_id), CourseContent)

    def pinned_section(self, section_id: int) -> Section | None:
        return self._read(section_key(section_id), Section)

    def pinned_image(self, image_url: str, width: int, fmt: str = IMAGE_FORMAT) -> bytes | None:
        uid = self._user_id()
        if uid is None:
            return None
        item = self.store.get(uid, image_key(image_url, width, fmt))
        if item is None and fmt == IMAGE_FORMAT:
            # any pinned width of this image beats none: the reader scales it
            for w in (*COVER_WIDTHS, BODY_IMAGE_WIDTH):
                item = self.store.get(uid, image_key(image_url, w, fmt))
                if item is not None:
                    break
        return None if item is None else item.body

    def _read[T](self, key: str, kind: type[T]) -> T | None:
        uid = self._user_id()
        if uid is None:
            return None
        item = self.store.get(uid, key)
        if item is None:
            return None
        try:
            return msgspec.json.decode(item.body, type=kind)
        except (msgspec.DecodeError, msgspec.ValidationError):
            log.warning("pinned %s does not decode; ignoring it", key)
            return None
