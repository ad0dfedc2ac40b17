"""OfflineLayer: what makes LmsClient work offline, plugged into it (``LmsClient.plug``), never around it.

Design (one path for every write, online or not):

1. A write (enroll, unenroll, progress, rating, quiz attempt) is first committed to the outbox with its
   op_id and the learner's clock (``client_timestamp``). From that moment it survives a crash or SIGKILL.
2. Online, the outbox is synced at once and the caller gets the server's answer, as without the layer. If
   the server refuses it right away (404 course gone, 409 not enrolled, 422), the entry is dropped and the
   error raised, so the UI rolls its optimistic change back and says why. A 401 keeps the entry (parked as
   "signed out") and raises AuthRequired: after signing in it is sent.
3. Offline (or when the send fails on the way), the caller gets a local answer built from the change and
   the cached data; the entry stays pending and is replayed, in order, when the server is back (the
   connectivity probe's "online again" starts a sync; so do sign-in and start-up).
4. Reads are the client's (cache first, stale when offline, pinned downloads included), with pending changes
   laid over them, so the learner sees what they did even before the server has.

A failure found later, during a background sync, that only the learner can resolve (signed out, course
deleted or unpublished, refused) parks the entry as needs-attention: kept, shown in the status bar, and
retried or discarded by the learner (``retry_change`` / ``discard_change``).

The parts, each in its own module: ``OutboxWriter`` (the client's writer: queue, deliver, local answers;
also the syncer's sender, through ``LmsClient.send_write`` like any write), ``PendingReads`` (the client's
read layer), ``Syncer`` (replays in order), ``BackgroundWork`` (background syncs with backoff, download
refreshes, the heartbeat), ``DownloadManager`` (courses kept offline). Conflict rules: see ``ops``.
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
from lms_desktop.client.api import LmsClient
from lms_desktop.client.assets import AssetFiles
from lms_desktop.client.config import ClientConfig
from lms_desktop.client.offline.background import BackgroundWork
from lms_desktop.client.offline.downloads import DownloadManager
from lms_desktop.client.offline.kept_attempts import KeptAttempts
from lms_desktop.client.offline.manifest import DownloadManifest
from lms_desktop.client.offline.outbox import Outbox, OutboxEntry
from lms_desktop.client.offline.outbox_writer import OutboxWriter
from lms_desktop.client.offline.pending_reads import PendingReads
from lms_desktop.client.offline.search_index import OfflineSearchIndex
from lms_desktop.client.offline.store import DownloadStore
from lms_desktop.client.offline.sync import Syncer, SyncReport
from lms_desktop.contract import User

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


def offline_client(
    config: ClientConfig,
    *,
    offline_dir: Path | None = None,
    heartbeat_s: float | None = None,
    now: Callable[[], datetime] | None = None,
    clock: Callable[[], float] | None = None,
    http_transport: httpx.AsyncBaseTransport | None = None,
) -> LmsClient:
    """The client the app uses: an LmsClient with the offline layer plugged in (``client.offline``)."""
    client = LmsClient(config, clock=clock, http_transport=http_transport)
    OfflineLayer(client, offline_dir=offline_dir, heartbeat_s=heartbeat_s, now=now)
    return client


class OfflineLayer:
    def __init__(
        self,
        client: LmsClient,
        *,
        offline_dir: Path | None = None,
        heartbeat_s: float | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        """`offline_dir`: where the outbox and the download manifest live (default: per server, in the
        user's data dir). `heartbeat_s`: probe the server this often while online (the app passes 1.0;
        tests leave it off so request counts stay exact). `now`: the learner's clock, for tests."""
        self.client = client
        self.offline_dir = offline_dir or default_offline_dir(client.server_id)
        self._now = now or (lambda: datetime.now(UTC))
        self.outbox = Outbox(self.offline_dir / "outbox.sqlite3", clock=self._now)
        self.downloaded_files = AssetFiles(self.offline_dir / "assets", client.files.http)
        self.search_index = OfflineSearchIndex(self.offline_dir / "search.sqlite3")
        self.download_store = DownloadStore(self.offline_dir / "downloads")
        self.downloads = DownloadManager(
            client,
            DownloadManifest(self.offline_dir / "downloads.sqlite3"),
            files=self.downloaded_files,
            search_index=self.search_index,
        )
        self.writer = OutboxWriter(client, self, self._now)
        self.syncer = Syncer(self.outbox, self.writer, clock=self._now, on_start=self._notify)
        self.kept_attempts = KeptAttempts(self.outbox, self.syncer, lambda: self.account_id)
        self.reads = PendingReads(client, self.outbox, self.writer, lambda: self.account_id)
        self.heartbeat_s = heartbeat_s
        self.background = BackgroundWork(self, self._beat_once)
        self._status_listeners: list[Callable[[OfflineStatus], None]] = []
        self._last_user_id: int | None = None
        self.outbox.on_change(self._notify)
        client.on_online_changed(self._online_changed)
        client.plug(self)

    async def stop(self) -> None:
        """Stop the background work (before the client closes its connections)."""
        await self.background.aclose()

    def close(self) -> None:
        """Close the outbox and the manifest (after the client has closed)."""
        self.outbox.close()
        self.downloads.manifest.close()

    async def settle(self) -> None:
        """Wait for background syncs and download refreshes (tests, orderly shutdown)."""
        await self.background.settle()

    # ---- status ----------------------------------------------------------------------------------

    @property
    def account_id(self) -> int | None:
        """The signed-in learner, or the last one while signed out: their kept changes stay visible
        (a 401 during a sync signs the client out; the status bar must still say what waits)."""
        user = self.client.user
        if user is not None:
            self._last_user_id = user.id
        return self._last_user_id

    def offline_status(self) -> OfflineStatus:
        online = self.client.online
        uid = self.account_id
        if uid is None:
            return OfflineStatus(online, 0, 0, None, False, None)
        s = self.syncer.status(uid)
        return OfflineStatus(online, s.pending, s.needs_attention, s.last_sync, s.syncing, s.last_error)

    def on_status_changed(self, callback: Callable[[OfflineStatus], None]) -> Callable[[], None]:
        """Called with the new status after every outbox change, sync start/end and online change."""
        self._status_listeners.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._status_listeners.remove(callback)

        return unsubscribe

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

    # ---- syncing and background work -------------------------------------------------------------

    def session_started(self, user: User) -> None:
        """A sign-in or a restored session: the learner's changes parked while signed out go again, and a
        sync starts when online (offline, the connectivity probe starts it when the server is back)."""
        self.outbox.resume(user.id, "signed_out")
        if self.client.online:
            self.request_sync(refresh_downloads=True)
        self._notify()

    def _online_changed(self, online: bool) -> None:
        self._notify()
        if online and not self.background.closing:
            self.request_sync(refresh_downloads=True)

    def request_sync(self, *, refresh_downloads: bool = False) -> asyncio.Task[SyncReport | None] | None:
        """Start a sync in the background (no-op when one is running, signed out, or no loop)."""
        return self.background.request_sync(refresh_downloads=refresh_downloads)

    async def sync(self) -> SyncReport | None:
        """Replay the signed-in learner's pending changes now; None when signed out."""
        user = self.client.user
        if user is None:
            return None
        try:
            return await self.syncer.sync(user.id)
        finally:
            self._notify()

    def start_background(self, *, refresh_every_s: float = REFRESH_EVERY_S) -> None:
        """The app's background duties: the heartbeat (if `heartbeat_s`) and a periodic refresh of the
        downloaded courses while online (cheap: ETag revalidation). Stopped by the client's aclose()."""
        self.start_heartbeat()
        self.background.start_refreshing(refresh_every_s)

    def start_heartbeat(self) -> None:
        """Probe /health every `heartbeat_s` while online, so an idle app notices a dead server in < 2 s
        (the client's own probe then watches for its return, with backoff)."""
        if self.heartbeat_s:
            self.background.start_heartbeat(self.heartbeat_s)

    async def _beat_once(self) -> None:
        await self.client.sender.ping(HEARTBEAT_TIMEOUT_S)  # a failure reports offline by itself
