""" "Make available offline": a course's meta, content, every section body and its images, pinned.

Where the bytes go: each item is fetched through the client's cache and then *pinned*: moved into the
download store (``store.py``, in the data directory, apart from the evictable cache), so browsing the catalog,
a damaged or cleared cache never removes a downloaded section; offline, the client serves pinned entries like
any cached answer, so a downloaded course opens and reads fully with no extra code path.
The manifest (``manifest.py``) records which pinned keys belong to which course, their sizes, and the
course's plan (section ids and cover URL).

Why resumable by key: a download on a train is interrupted more often than not. Each item is recorded as
soon as it is pinned (a section only after its images), and a (re)started download skips every recorded,
still-pinned key without a request: the plan answers "which sections" with no request for the per-user
meta and content either.

Why a refresh that revalidates: a downloaded course should be current when the learner next goes offline,
at the cost of two conditional requests (meta and content, answered 304 when nothing changed); section
bodies are revalidated only when the course itself was edited (its ``updated_at`` moved).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import msgspec

from lms_desktop.client import paths
from lms_desktop.client.api import LmsClient
from lms_desktop.client.assets import AssetFiles
from lms_desktop.client.errors import AuthRequired
from lms_desktop.client.offline.download_files import CourseFilesPart
from lms_desktop.client.offline.download_run import (
    BODY_IMAGE_WIDTH,
    COVER_WIDTHS,
    IMAGE_FORMAT,
    PARALLEL_FETCHES,
    DownloadCancelled,
    DownloadError,
    DownloadProgress,
    Plan,
    RefreshReport,
    Run,
    body_images,
    gather_first_error,
    item_size,
    plan_of,
)
from lms_desktop.client.offline.manifest import DownloadedCourse, DownloadManifest
from lms_desktop.client.offline.search_index import OfflineSearchIndex
from lms_desktop.contract import API_PREFIX

log = logging.getLogger(__name__)

__all__ = [
    "BODY_IMAGE_WIDTH",
    "COVER_WIDTHS",
    "DownloadCancelled",
    "DownloadError",
    "DownloadManager",
    "DownloadProgress",
    "RefreshReport",
]


class DownloadManager(CourseFilesPart):
    """Downloads, lists, refreshes and removes the signed-in learner's offline courses."""

    def __init__(
        self,
        client: LmsClient,
        manifest: DownloadManifest,
        *,
        files: AssetFiles,
        search_index: OfflineSearchIndex,
    ) -> None:
        """`files`: the downloads folder (checked section files); `search_index`: the offline search."""
        self.client = client
        self.manifest = manifest
        self.files = files
        self.search_index = search_index
        self._active: dict[int, asyncio.Task[DownloadedCourse]] = {}
        self._listeners: list[Callable[[], None]] = []

    def _account(self) -> str:
        if self.client.user is None:
            raise AuthRequired("Sign in to keep courses offline.")
        return self.client.partition

    def on_change(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Called after a download finishes, fails, is refreshed or removed (the Downloads screen)."""
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def _changed(self) -> None:
        for callback in list(self._listeners):
            try:
                callback()
            except Exception:
                log.exception("downloads listener failed")

    # ---- listing and removal ---------------------------------------------------------------------

    def courses(self) -> list[DownloadedCourse]:
        """Downloaded (and partly downloaded) courses, with size and last sync. A course whose pinned
        entries were lost (the cache was damaged and recreated) shows as partial, ready to resume."""
        if self.client.user is None:
            return []
        account = self.client.partition
        out = []
        for course in self.manifest.courses(account):
            if course.state == "complete":  # ("gone": the server's 404 already dropped its meta)
                lost = {k for k in self.manifest.keys(account, course.course_id) if not self._held(k)}
                if lost:
                    log.warning(
                        "course %s lost %d pinned items; marking it partial", course.course_id, len(lost)
                    )
                    self.manifest.remove_items(account, course.course_id, lost)
                    self.manifest.update(account, course.course_id, state="partial")
                    course = self.manifest.course(account, course.course_id) or course
            out.append(course)
        return out

    def get(self, course_id: int) -> DownloadedCourse | None:
        return next((c for c in self.courses() if c.course_id == course_id), None)

    def is_available_offline(self, course_id: int) -> bool:
        course = self.get(course_id)
        return course is not None and course.complete

    def active(self, course_id: int) -> bool:
        task = self._active.get(course_id)
        return task is not None and not task.done()

    def remove(self, course_id: int) -> None:
        """Cancel a running download, unpin its items (unless another download holds them), forget it."""
        task = self._active.pop(course_id, None)
        if task is not None:
            task.cancel()
        account = self._account()
        for key in self.manifest.keys(account, course_id):
            if set(self.manifest.courses_holding(account, key)) <= {course_id}:
                self._release(key)
        self.manifest.remove(account, course_id)
        self.search_index.remove_course(account, course_id)
        self._changed()

    def _cancelled(self, message: str) -> Exception:
        return DownloadCancelled(message)

    def includes_videos(self, course_id: int) -> bool:
        raw = self.manifest.plan(self._account(), course_id)
        return raw is not None and msgspec.json.decode(raw, type=Plan).videos

    # ---- downloading -----------------------------------------------------------------------------

    def start(
        self,
        course_id: int,
        *,
        progress: Callable[[DownloadProgress], None] | None = None,
        cancel: asyncio.Event | None = None,
        videos: bool | None = None,
    ) -> asyncio.Task[DownloadedCourse]:
        """Download in a task (one per course: starting it again while it runs returns the running one)."""
        running = self._active.get(course_id)
        if running is not None and not running.done():
            return running
        task = asyncio.ensure_future(
            self.download(course_id, progress=progress, cancel=cancel, videos=videos)
        )
        self._active[course_id] = task

        def forget(done: asyncio.Task[DownloadedCourse]) -> None:
            if self._active.get(course_id) is done:
                del self._active[course_id]
            if not done.cancelled():
                done.exception()  # retrieved: the caller may not await a task it started in the background

        task.add_done_callback(forget)
        return task

    async def download(
        self,
        course_id: int,
        *,
        progress: Callable[[DownloadProgress], None] | None = None,
        cancel: asyncio.Event | None = None,
        videos: bool | None = None,
    ) -> DownloadedCourse:
        """Fetch and pin everything the course needs offline, skipping what is already pinned; `videos`
        (None: as chosen before) adds the videos."""
        account = self._account()
        run = Run(course_id, progress, cancel)
        self.manifest.begin(account, course_id)
        have = {k for k in self.manifest.keys(account, course_id) if self._held(k)}
        try:
            plan = await self._plan(account, course_id, have, run)
            if videos is not None and videos != plan.videos:
                plan = msgspec.structs.replace(plan, videos=videos)
                self.manifest.set_plan(account, course_id, msgspec.json.encode(plan))
            run.videos = plan.videos
            covers = [(plan.image_url, w) for w in COVER_WIDTHS] if plan.image_url else []
            run.total += len(covers) + len(plan.sections)
            run.report()
            for url, width in covers:
                await self._image(account, course_id, url, width, have, run)
            await self._sections(account, course_id, plan.sections, have, run)
            await self._index(account, course_id, plan)
            self.manifest.update(
                account, course_id, state="complete", total_items=run.total, synced=True, clear_error=True
            )
        except (DownloadCancelled, asyncio.CancelledError):
            self.manifest.update(account, course_id, total_items=run.total)
            self._changed()
            raise
        except Exception as exc:
            if getattr(exc, "status", None) == 404 and not self.manifest.keys(account, course_id):
                self.manifest.remove(account, course_id)  # never was there for us: leave no empty row
            else:
                self.manifest.update(account, course_id, total_items=run.total, error=str(exc))
            self._changed()
            raise
        self._changed()
        result = self.manifest.course(account, course_id)
        assert result is not None
        return result

    def _pin(self, account: str, course_id: int, key: str, value: object, have: set[str], run: Run) -> None:
        if not self.client.pin(key):
            raise DownloadError("This course cannot be kept offline: the download store is unavailable.")
        size = item_size(value)
        self.manifest.add_item(account, course_id, key, size)
        have.add(key)
        run.done += 1
        run.fetched += 1
        run.bytes += size
        run.report()

    def _skip(self, run: Run) -> None:
        run.done += 1
        run.report()

    async def _plan(self, account: str, course_id: int, have: set[str], run: Run) -> Plan:
        """Meta and content (pinned), or the recorded plan when both are already pinned (no request)."""
        run.total += 2
        raw = self.manifest.plan(account, course_id)
        meta_key, content_key = paths.course(course_id), paths.content(course_id)
        if raw is not None and meta_key in have and content_key in have:
            self._skip(run)
            self._skip(run)
            return msgspec.json.decode(raw, type=Plan)
        run.check()
        detail = (await self.client.course(course_id, swr=False)).value
        self._pin(account, course_id, meta_key, detail, have, run)
        content = (await self.client.content(course_id, swr=False)).value
        self._pin(account, course_id, content_key, content, have, run)
        plan = plan_of(detail, content)
        self.manifest.set_plan(account, course_id, msgspec.json.encode(plan))
        self.manifest.update(account, course_id, title=detail.title, updated_at=plan.updated_at)
        return plan

    async def _image(
        self, account: str, course_id: int, url: str, width: int, have: set[str], run: Run
    ) -> None:
        key = paths.image(url, width, IMAGE_FORMAT)
        if key in have:
            self._skip(run)
            return
        run.check()
        body = await self.client.image(url, width, IMAGE_FORMAT)
        self._pin(account, course_id, key, body, have, run)

    async def _sections(self, account: str, course_id: int, ids: list[int], have: set[str], run: Run) -> None:
        queue: asyncio.Queue[int] = asyncio.Queue()
        for sid in ids:
            queue.put_nowait(sid)

        async def worker() -> None:
            while not queue.empty():
                sid = queue.get_nowait()
                key = paths.section(sid)
                if key in have:  # recorded only after its images: nothing of it is missing
                    self._skip(run)
                    continue
                run.check()
                section = (await self.client.section(sid, swr=False)).value
                images = body_images(section.body_markdown)
                run.total += len(images)
                for url in images:
                    await self._image(account, course_id, url, BODY_IMAGE_WIDTH, have, run)
                await self._files(account, course_id, section, have, run)
                self._pin(account, course_id, key, section, have, run)

        await gather_first_error([worker() for _ in range(min(PARALLEL_FETCHES, max(len(ids), 1)))])

    # ---- refreshing ------------------------------------------------------------------------------

    async def refresh(self, course_id: int) -> RefreshReport:
        """Revalidate a downloaded course: meta and content by ETag (304 when unchanged); new sections are
        fetched, removed ones unpinned; section bodies are revalidated only when the course was edited."""
        account = self._account()
        record = self.manifest.course(account, course_id)
        if record is None:
            raise KeyError(course_id)
        try:
            detail_f = await self.client.course(course_id, swr=False)
            content_f = await self.client.content(course_id, swr=False)
        except Exception as exc:
            if getattr(exc, "status", None) == 404:
                self.manifest.update(
                    account, course_id, state="gone", error="no longer available on the server"
                )
                self._changed()
                return RefreshReport(course_id, changed=False, gone=True)
            raise
        detail, content = detail_f.value, content_f.value
        changed = detail_f.source == "network" or content_f.source == "network"
        have = self.manifest.keys(account, course_id)
        run = Run(course_id, None, None)
        for key, value in ((paths.course(course_id), detail), (paths.content(course_id), content)):
            self._pin(account, course_id, key, value, have, run)  # new bodies stay pinned, sizes updated
        plan = plan_of(detail, content, videos=self.includes_videos(course_id))
        run.videos = plan.videos
        edited = plan.updated_at != record.updated_at
        self._drop_removed_sections(account, course_id, plan, have, edited=edited)
        missing = [s for s in plan.sections if paths.section(s) not in have or edited]
        have -= {paths.section(s) for s in missing}
        for width in COVER_WIDTHS if plan.image_url else ():
            assert plan.image_url is not None
            await self._image(account, course_id, plan.image_url, width, have, run)  # new cover: new URL
        await self._sections(account, course_id, missing, have, run)
        if missing:
            await self._index(account, course_id, plan)
        self.manifest.set_plan(account, course_id, msgspec.json.encode(plan))
        self.manifest.update(
            account,
            course_id,
            title=plan.title,
            updated_at=plan.updated_at,
            state="complete",
            synced=True,
            clear_error=True,
        )
        self._changed()
        return RefreshReport(course_id, changed=changed or edited, gone=False)

    def _drop_removed_sections(
        self, account: str, course_id: int, plan: Plan, have: set[str], *, edited: bool
    ) -> None:
        """Unpin the sections the course no longer has (and take them out of `have`); when the course was
        edited, mark the kept ones stale (hard: the next read asks the server, 304 if unchanged)."""
        wanted = {paths.section(s) for s in plan.sections}
        removed = {k for k in have if k.startswith(f"{API_PREFIX}/sections/") and k not in wanted}
        for key in removed:
            self.client.unpin(key)
        self.manifest.remove_items(account, course_id, removed)
        if edited:
            self.client.invalidate(*(wanted & have))
        have -= removed

    async def refresh_all(self) -> list[RefreshReport]:
        """Refresh every complete download; stops at the first transport error (offline again)."""
        reports = []
        for course in self.courses():
            if course.state == "complete" and not self.active(course.course_id):
                reports.append(await self.refresh(course.course_id))
        return reports
