"""OfflineLmsClient: the LmsClient the app uses, with every write going through the durable outbox.

Design (one path for every write, online or not):

1. A write (enroll, unenroll, progress, rating) is first committed to the outbox with its op_id and the
   learner's clock (``client_timestamp``). From that moment it survives a crash or SIGKILL.
2. Online, the outbox is synced at once and the caller gets the server's answer, exactly like LmsClient. If
   the server refuses it right away (404 course gone, 409 not enrolled, 422), the entry is dropped and the
   error raised, so the UI rolls its optimistic change back and says why, as it does without an outbox. A
   401 keeps the entry (parked as "signed out") and raises AuthRequired: after signing in it is sent.
3. Offline (or when the send fails on the way), the caller gets a local answer built from the change and
   the cached data; the entry stays pending and is replayed, in order, when the server is back (the
   connectivity probe's "online again" starts a sync; so do sign-in and start-up).
4. Reads are LmsClient's (cache first, stale when offline, pinned downloads included), with pending changes
   laid over them (``overlay``), so the learner sees what they did even before the server has.

A failure found later, during a background sync, that only the learner can resolve (signed out, course
deleted or unpublished, refused) parks the entry as needs-attention: kept, shown in the status bar, and
retried or discarded by the learner (``retry_change`` / ``discard_change``).

The parts, each in its own module: ``OutboxWriter`` (the writes: queue, deliver, local answers; also the
syncer's sender, through ``LmsClient.send_write`` like any write), ``Syncer`` (replays in order),
``BackgroundWork`` (background syncs with backoff, download refreshes, the heartbeat), ``overlay`` (reads
with pending changes laid over). Conflict rules: see ``lms_desktop.client.offline.ops``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from lms_desktop import dirs
from lms_desktop.client import paths
from lms_desktop.client.api import LmsClient
from lms_desktop.client.assets import AssetFiles
from lms_desktop.client.config import ClientConfig, CourseQuery
from lms_desktop.client.errors import (
    ApiError,
    AuthRequired,
    BadAnswer,
    OfflineError,
    TransportFailure,
)
from lms_desktop.client.offline.background import BackgroundWork
from lms_desktop.client.offline.downloads import BODY_IMAGE_WIDTH, COVER_WIDTHS, DownloadManager
from lms_desktop.client.offline.kept_attempts import KeptAttempts
from lms_desktop.client.offline.manifest import DownloadManifest
from lms_desktop.client.offline.outbox import Outbox, OutboxEntry
from lms_desktop.client.offline.outbox_writer import OutboxWriter
from lms_desktop.client.offline.overlay import (
    PendingView,
    overlay_content,
    overlay_dashboard,
    overlay_detail,
    pending_view,
)
from lms_desktop.client.offline.search_index import OfflineSearchIndex
from lms_desktop.client.offline.store import DownloadStore
from lms_desktop.client.offline.sync import Syncer, SyncReport
from lms_desktop.client.results import Fetched
from lms_desktop.contract import (
    AnswerValue,
    AttemptResult,
    CourseContent,
    CourseDetail,
    CoursePage,
    CourseRating,
    Dashboard,
    Enrollment,
    Progress,
    ProgressUpdate,
    User,
)

log = logging.getLogger(__name__)

HEARTBEAT_TIMEOUT_S = 0.9  # with a 1 s heartbeat: a dead or hung server is noticed within 1.9 s
REFRESH_EVERY_S = 30 * 60.0  # downloaded courses are revalidated this often while online


@dataclass(frozen=True)
class OfflineStatus:
    """Everything the status bar shows about offline work."""

    online: bool
    pending: int
    needs_attention: int
    last_sync: datetime | None
    syncing: bool
    last_error: str | None


def default_offline_dir(server_id: str) -> Path:
    slug = hashlib.sha256(server_id.encode()).hexdigest()[:16]
    return dirs.data_dir() / "offline" / slug


class OfflineLmsClient(LmsClient):
    def __init__(
        self,
        config: ClientConfig,
        *,
        offline_dir: Path | None = None,
        heartbeat_s: float | None = None,
        now: Callable[[], datetime] | None = None,
        clock: Callable[[], float] | None = None,
        http_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """`offline_dir`: where the outbox and the download manifest live (default: per server, in the
        user's data dir). `heartbeat_s`: probe the server this often while online (the app passes 1.0;
        tests leave it off so request counts stay exact). `now`: the learner's clock, for tests."""
        super().__init__(config, clock=clock, http_transport=http_transport)
        self.offline_dir = offline_dir or default_offline_dir(self.server_id)
        self._now = now or (lambda: datetime.now(UTC))
        self.outbox = Outbox(self.offline_dir / "outbox.sqlite3", clock=self._now)
        self.downloaded_files = AssetFiles(self.offline_dir / "assets", self._http)
        self.search_index = OfflineSearchIndex(self.offline_dir / "search.sqlite3")
        self.download_store = DownloadStore(self.offline_dir / "downloads")
        self._cache.use_pinned(self.download_store)
        self.downloads = DownloadManager(self, DownloadManifest(self.offline_dir / "downloads.sqlite3"))
        self.writer = OutboxWriter(self, self.outbox, self._now)
        self.syncer = Syncer(self.outbox, self.writer, clock=self._now, on_start=self._notify)
        self.heartbeat_s = heartbeat_s
        self._status_listeners: list[Callable[[OfflineStatus], None]] = []
        self.background = BackgroundWork(self, self._beat_once)
        self._last_user_id: int | None = None
        self._view_cache: tuple[int | None, PendingView] | None = None
        self.kept_attempts = KeptAttempts(self.outbox, self.syncer, lambda: self.account_id)
        self.outbox.on_change(self._outbox_changed)
        self.on_online_changed(self._online_changed)

    async def aclose(self) -> None:
        await self.background.aclose()
        await super().aclose()
        self.outbox.close()
        self.downloads.manifest.close()

    async def settle(self) -> None:
        """Wait for background syncs, download refreshes and revalidations (tests, orderly shutdown)."""
        await self.background.settle()
        await super().settle()

    # ---- status ----------------------------------------------------------------------------------

    @property
    def account_id(self) -> int | None:
        """The signed-in learner, or the last one while signed out: their kept changes stay visible
        (a 401 during a sync signs the client out; the status bar must still say what waits)."""
        user = self.user
        if user is not None:
            self._last_user_id = user.id
        return self._last_user_id

    def offline_status(self) -> OfflineStatus:
        uid = self.account_id
        if uid is None:
            return OfflineStatus(self.online, 0, 0, None, False, None)
        s = self.syncer.status(uid)
        return OfflineStatus(self.online, s.pending, s.needs_attention, s.last_sync, s.syncing, s.last_error)

    def on_status_changed(self, callback: Callable[[OfflineStatus], None]) -> Callable[[], None]:
        """Called with the new status after every outbox change, sync start/end and online change."""
        self._status_listeners.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._status_listeners.remove(callback)

        return unsubscribe

    def _outbox_changed(self) -> None:
        self._view_cache = None
        self._notify()

    def _pending_view(self) -> PendingView:
        """The pending changes folded by the rules; cached until the outbox changes (reads are hot)."""
        uid = self.account_id
        cached = self._view_cache
        if cached is None or cached[0] != uid:
            cached = (uid, pending_view(self.pending_changes()))
            self._view_cache = cached
        return cached[1]

    def _notify(self) -> None:
        if not self._status_listeners:
            return
        status = self.offline_status()
        for callback in list(self._status_listeners):
            try:
                callback(status)
            except Exception:
                log.exception("offline status listener failed")

    def pending_changes(self) -> list[OutboxEntry]:
        uid = self.account_id
        return [] if uid is None else self.outbox.entries(uid, "pending")

    def attention_changes(self) -> list[OutboxEntry]:
        """Changes the server refused or could not take, each with `describe()`, `reason`, `last_error`."""
        uid = self.account_id
        return [] if uid is None else self.outbox.entries(uid, "needs_attention")

    def discard_change(self, seq: int) -> bool:
        return self.outbox.discard(seq)

    def retry_change(self, seq: int) -> bool:
        ok = self.outbox.retry(seq)
        if ok:
            self.request_sync()
        return ok

    # ---- background work: BackgroundWork's --------------------------------------------------------

    def _online_changed(self, online: bool) -> None:
        self._notify()
        if online and not self.background.closing:
            self.request_sync(refresh_downloads=True)

    def request_sync(self, *, refresh_downloads: bool = False) -> asyncio.Task[SyncReport | None] | None:
        """Start a sync in the background (no-op when one is running, signed out, or no loop)."""
        return self.background.request_sync(refresh_downloads=refresh_downloads)

    async def sync(self) -> SyncReport | None:
        """Replay the signed-in learner's pending changes now; None when signed out."""
        user = self.user
        if user is None:
            return None
        try:
            return await self.syncer.sync(user.id)
        finally:
            self._notify()

    def start_background(self, *, refresh_every_s: float = REFRESH_EVERY_S) -> None:
        """The app's background duties: the heartbeat (if `heartbeat_s`) and a periodic refresh of the
        downloaded courses while online (cheap: ETag revalidation). Stopped by aclose()."""
        self.start_heartbeat()
        self.background.start_refreshing(refresh_every_s)

    def start_heartbeat(self) -> None:
        """Probe /health every `heartbeat_s` while online, so an idle app notices a dead server in < 2 s
        (the client's own probe then watches for its return, with backoff)."""
        if self.heartbeat_s:
            self.background.start_heartbeat(self.heartbeat_s)

    async def _beat_once(self) -> None:
        request = self._transport.build("GET", paths.HEALTH, timeout_s=HEARTBEAT_TIMEOUT_S)
        with contextlib.suppress(TransportFailure, BadAnswer):  # a failure reports offline itself
            await self._transport.send(request, retry=False, deadline_s=HEARTBEAT_TIMEOUT_S)

    # ---- session: entries wait for their own account ---------------------------------------------

    async def sign_in(self, username: str, password: str) -> User:
        user = await super().sign_in(username, password)
        self.outbox.resume(user.id, "signed_out")
        self.request_sync(refresh_downloads=True)
        self._notify()
        return user

    async def restore_session(self) -> User | None:
        user = await super().restore_session()
        if user is not None:
            self.outbox.resume(user.id, "signed_out")
            if self.online:  # offline, the connectivity probe starts the sync when the server is back
                self.request_sync(refresh_downloads=True)
        self._notify()
        return user

    # ---- writes: the outbox writer's --------------------------------------------------------------

    async def enroll(
        self, course_id: int, *, op_id: str | None = None, client_timestamp: datetime | None = None
    ) -> Enrollment:
        return await self.writer.enroll(course_id, op_id, client_timestamp)

    async def unenroll(
        self, course_id: int, *, op_id: str | None = None, client_timestamp: datetime | None = None
    ) -> Enrollment:
        return await self.writer.unenroll(course_id, op_id, client_timestamp)

    async def rate(
        self,
        course_id: int,
        rating: int,
        *,
        op_id: str | None = None,
        client_timestamp: datetime | None = None,
    ) -> CourseRating:
        return await self.writer.rate(course_id, rating, op_id, client_timestamp)

    async def put_progress(self, section_id: int, update: ProgressUpdate) -> Progress:
        return await self.writer.put_progress(section_id, update)

    async def submit_attempt(
        self,
        section_id: int,
        answers: dict[str, AnswerValue],
        *,
        course_id: int | None = None,
        op_id: str | None = None,
        client_timestamp: datetime | None = None,
    ) -> AttemptResult | None:
        """None when the attempt waits in the outbox: it is scored at the next sync (`attempt_result`). A
        refusal now (no attempts left, a bad answer) drops it and raises ApiError."""
        return await self.writer.submit_attempt(section_id, answers, course_id, op_id, client_timestamp)

    async def attempt_result(self, op_id: str) -> AttemptResult | None:
        return await self.kept_attempts.result(op_id)

    def pending_attempts(self, section_id: int) -> list[tuple[str, dict[str, AnswerValue]]]:
        return self.kept_attempts.waiting(section_id)

    def keep_progress(self, course_id: int, section_id: int, update: ProgressUpdate) -> bool:
        return self.writer.keep_progress(course_id, section_id, update)

    # ---- reads with pending changes laid over ----------------------------------------------------

    def _overlaid[T](self, fetched: Fetched[T], apply: Callable[[T], T]) -> Fetched[T]:
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

    async def list_courses(self, query: CourseQuery, *, swr: bool = True) -> Fetched[CoursePage]:
        fetched = await super().list_courses(query, swr=swr)
        self.writer.remember_titles([(c.id, c.title) for c in fetched.value.items])
        return fetched

    async def course(self, course_id: int, *, swr: bool = True) -> Fetched[CourseDetail]:
        fetched = await super().course(course_id, swr=swr)
        self.writer.remember_titles([(course_id, fetched.value.title)])
        view = self._pending_view()
        return fetched if view.empty else self._overlaid(fetched, lambda d: overlay_detail(d, view))

    async def content(self, course_id: int, *, swr: bool = True) -> Fetched[CourseContent]:
        fetched = await super().content(course_id, swr=swr)
        view = self._pending_view()
        return fetched if view.empty else self._overlaid(fetched, lambda c: overlay_content(c, view))

    async def dashboard(self, *, swr: bool = True) -> Fetched[Dashboard]:
        fetched = await super().dashboard(swr=swr)
        self.writer.remember_titles([(i.course_id, i.title) for i in fetched.value.items])
        view = self._pending_view()
        if view.empty:
            return fetched
        contents: dict[int, CourseContent] = {}
        for item in fetched.value.items:
            if view.touches(item.course_id):
                with contextlib.suppress(OfflineError, ApiError, AuthRequired):
                    contents[item.course_id] = overlay_content(
                        (await super().content(item.course_id)).value, view
                    )
        return self._overlaid(fetched, lambda d: overlay_dashboard(d, view, contents))

    async def image(self, image_url: str, width: int, fmt: str = "webp") -> bytes:
        """Offline, any downloaded width of the image beats none (the UI scales it)."""
        try:
            return await super().image(image_url, width, fmt)
        except OfflineError:
            for other in sorted({*COVER_WIDTHS, BODY_IMAGE_WIDTH}, key=lambda w: abs(w - width)):
                if other != width and self.is_pinned(paths.image(image_url, other, "webp")):
                    return await super().image(image_url, other, "webp")
            raise
