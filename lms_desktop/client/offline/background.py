"""The offline layer's work off the learner's path: syncs started in the background (again later, with
backoff, after a server error), a refresh of the downloaded courses while online, and the heartbeat that
notices a dead server while the app is idle. All of it stops with ``aclose``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from lms_desktop.client.errors import ApiError, AuthRequired, OfflineError
from lms_desktop.client.offline.sync import SyncReport

if TYPE_CHECKING:
    from lms_desktop.client.offline.layer import OfflineLayer

log = logging.getLogger(__name__)

RETRY_INITIAL_S = 2.0
RETRY_MAX_S = 60.0


class BackgroundWork:
    def __init__(self, offline: OfflineLayer, beat: Callable[[], Awaitable[None]]) -> None:
        """`beat`: one heartbeat request (a failure reports offline by itself)."""
        self._offline = offline
        self._client = offline.client
        self._beat_once = beat
        self.closing = False
        self._tasks: set[asyncio.Task[Any]] = set()
        self._sync_task: asyncio.Task[SyncReport | None] | None = None
        self._retry_delay = RETRY_INITIAL_S
        self._retry_handle: asyncio.TimerHandle | None = None
        self._heartbeat: asyncio.Task[None] | None = None
        self._refresher: asyncio.Task[None] | None = None

    async def aclose(self) -> None:
        self.closing = True
        if self._retry_handle is not None:
            self._retry_handle.cancel()
        tasks = [
            t for t in (*self._tasks, self._heartbeat, self._refresher, self._sync_task) if t is not None
        ]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(BaseException):
                await task

    async def settle(self) -> None:
        """Wait for background syncs and download refreshes."""
        while True:
            pending = [t for t in (*self._tasks, self._sync_task) if t is not None and not t.done()]
            if not pending:
                break
            await asyncio.gather(*pending, return_exceptions=True)

    def _spawn(self, coro: Any) -> asyncio.Task[Any]:
        task: asyncio.Task[Any] = asyncio.ensure_future(coro)
        self._tasks.add(task)

        def done(t: asyncio.Task[Any]) -> None:
            self._tasks.discard(t)
            if not t.cancelled() and t.exception() is not None:
                log.warning("offline background task failed: %r", t.exception())

        task.add_done_callback(done)
        return task

    def request_sync(self, *, refresh_downloads: bool = False) -> asyncio.Task[SyncReport | None] | None:
        """Start a sync in the background (no-op when one is running, signed out, or no loop)."""
        if self.closing or self._client.user is None:
            return None
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return None
        if self._sync_task is None or self._sync_task.done():
            self._sync_task = asyncio.ensure_future(self._background_sync(refresh_downloads))
        return self._sync_task

    async def _background_sync(self, refresh_downloads: bool) -> SyncReport | None:
        try:
            report = await self._offline.sync()
        except Exception:
            log.exception("sync failed")
            return None
        if report is not None and report.stopped == "transient":
            self._schedule_retry()
        elif report is not None and report.stopped is None:
            self._retry_delay = RETRY_INITIAL_S
            if refresh_downloads:
                self._spawn(self._refresh_downloads())
        return report

    def _schedule_retry(self) -> None:
        """A server error (5xx) is not 'offline': try again later, with backoff, while online."""
        if self._retry_handle is not None:
            self._retry_handle.cancel()
        delay, self._retry_delay = self._retry_delay, min(self._retry_delay * 2, RETRY_MAX_S)
        self._retry_handle = asyncio.get_running_loop().call_later(delay, self.request_sync)

    async def _refresh_downloads(self) -> None:
        try:
            await self._offline.downloads.refresh_all()
        except (OfflineError, AuthRequired, ApiError) as exc:
            log.info("refreshing downloads stopped: %s", exc)
        except Exception:  # background work: log it, never let it end the refresh loop or the app
            log.exception("refreshing downloads failed")

    def start_refreshing(self, every_s: float) -> None:
        if self._refresher is None or self._refresher.done():
            self._refresher = asyncio.ensure_future(self._refresh_loop(every_s))

    async def _refresh_loop(self, every_s: float) -> None:
        while not self.closing:
            await asyncio.sleep(every_s)
            if self._client.online and self._client.user is not None:
                await self._refresh_downloads()

    def start_heartbeat(self, interval: float) -> None:
        if self._heartbeat is None or self._heartbeat.done():
            self._heartbeat = asyncio.ensure_future(self._beat(interval))

    async def _beat(self, interval: float) -> None:
        while not self.closing:
            await asyncio.sleep(interval)
            if not self._client.online:
                continue  # the connectivity probe is on it
            try:
                await self._beat_once()
            except Exception:
                log.exception("heartbeat failed")
