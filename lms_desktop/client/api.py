"""LmsClient: the typed API the UI uses. Every read goes through the two-tier cache; writes invalidate
exactly what they make stale, so the writer reads its own writes at once (``writes.py`` lists what each
write marks stale). `refresh_listings()` marks every listing stale (served at once, refreshed in the
background) for a "Refresh" action.

The parts: ``Sender`` (the one way a request is sent), ``Session`` (the bearer token), ``HttpCache`` (the
two tiers). An offline layer (``client.offline``) plugs in through two seams (``layers.py``): the writer
every change goes through, and what is laid over a read's answer. A section's files: ``client.files``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

import httpx
import msgspec

from lms_desktop import dirs
from lms_desktop.client import paths
from lms_desktop.client.auth import signing
from lms_desktop.client.auth.token_store import default_token_store
from lms_desktop.client.body import BodyKind
from lms_desktop.client.cache.disk import DiskStore
from lms_desktop.client.cache.http_cache import HttpCache, Lookup
from lms_desktop.client.config import ClientConfig, CourseQuery
from lms_desktop.client.connectivity import Connectivity
from lms_desktop.client.errors import (
    OfflineError,
    TransportFailure,
    error_from_response,
)
from lms_desktop.client.layers import PlainReads, ReadLayer, Writes
from lms_desktop.client.results import CacheStats, Fetched
from lms_desktop.client.section_files import SectionFiles, identity
from lms_desktop.client.sender import Sender
from lms_desktop.client.session import Session
from lms_desktop.client.transport import Transport
from lms_desktop.client.warming import warm_cache
from lms_desktop.client.writes import DirectWrites, WriteRequest, stale_after
from lms_desktop.contract import (
    AnswerValue,
    AttemptList,
    AttemptResult,
    CourseContent,
    CourseDetail,
    CoursePage,
    CourseRating,
    Dashboard,
    Enrollment,
    Health,
    Progress,
    ProgressUpdate,
    Section,
    User,
    decoder,
)

if TYPE_CHECKING:
    from lms_desktop.client.offline.layer import OfflineLayer

log = logging.getLogger(__name__)

PROBE_TIMEOUT_S = 2.0

_page = decoder(CoursePage)
_detail = decoder(CourseDetail)
_content = decoder(CourseContent)
_section = decoder(Section)
_dashboard = decoder(Dashboard)
_health = decoder(Health)
_attempts = decoder(AttemptList)


def default_cache_dir() -> Path:
    return dirs.cache_dir() / "http"


def server_id_for(base_url: str) -> str:
    parts = urlsplit(base_url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class LmsClient:
    def __init__(
        self,
        config: ClientConfig,
        *,
        clock: Callable[[], float] | None = None,
        http_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """`clock` (seconds, wall-clock based) and `http_transport` exist for tests and benchmarks."""
        self.config = config
        self.server_id = config.server_id or server_id_for(config.base_url)
        self.session = Session(config.token_store or default_token_store(), self.server_id)
        self.connectivity = Connectivity(
            self._probe, initial_delay_s=config.probe_initial_s, max_delay_s=config.probe_max_s
        )
        transport = Transport(
            config.base_url,
            timeout_s=config.timeout_s,
            retries=config.retries,
            http_transport=http_transport,
            on_outcome=self.connectivity.report,
            is_online=lambda: self.connectivity.online,
            has_answered=lambda: self.connectivity.reached,
            limits=config.limits,
        )
        self.sender = Sender(transport, self.session)
        cache_root = config.cache_dir or default_cache_dir()
        disk = DiskStore(cache_root, config.disk_cache_bytes)
        if disk.warning:
            log.warning("%s", disk.warning)
        self._cache = HttpCache(memory_bytes=config.memory_cache_bytes, disk=disk, clock=clock or time.time)
        self.files = SectionFiles(
            self.fetch, lambda: self.sender.transport.client, cache_root.parent / f"{cache_root.name}-files"
        )
        self.writes: Writes = DirectWrites(self.send_write)
        self.reads: ReadLayer = PlainReads()
        self.offline: OfflineLayer | None = None

    def plug(self, offline: OfflineLayer) -> None:
        """Plug in the offline layer: its writer takes every change, its reads lay pending changes over the
        answers, its download store keeps pinned entries and files out of the cache's reach."""
        self.offline = offline
        self.writes = offline.writer
        self.reads = offline.reads
        self.files.downloaded = offline.downloaded_files
        self._cache.use_pinned(offline.download_store)
        self.session.on_started(offline.session_started)

    async def __aenter__(self) -> LmsClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self.offline is not None:
            await self.offline.stop()
        await self.connectivity.aclose()
        await self._cache.aclose()
        await self.sender.transport.aclose()
        if self.offline is not None:
            self.offline.close()

    # ---- plumbing ---------------------------------------------------------------------------------

    @property
    def partition(self) -> str:
        """Cache partition: this server and this user. Another learner's answers are never visible."""
        user = self.session.user
        return f"{self.server_id}|{'anon' if user is None else f'u{user.id}'}"

    def on_session_ended(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Called when the session expires or is revoked (also during a background revalidation), so the
        UI can show sign-in at once. Not called for sign_out(). Returns an unsubscribe function."""
        return self.session.on_ended(callback)

    async def fetch(
        self,
        target: str,
        decode: Callable[[bytes], Any],
        *,
        swr: bool = True,
        low_priority: bool = False,
        kind: BodyKind = "json",
    ) -> Fetched[Any]:
        """The one cached GET of `target` (a normalized path?query: see paths.py), answered as the server or
        the cache gave it (no read layer)."""

        def build(extra: dict[str, str] | None) -> httpx.Request:
            return self.sender.build("GET", target, extra=extra)

        async def send(req: httpx.Request) -> httpx.Response:
            return await self.sender.send(req, low_priority=low_priority, kind=kind)

        return await self._cache.get(
            Lookup("GET", target, build),
            partition=self.partition,
            decode=decode,
            send=send,
            online=lambda: self.connectivity.online,
            swr=swr,
        )

    async def _probe(self) -> bool:
        return await self.sender.ping(PROBE_TIMEOUT_S)

    # ---- auth -------------------------------------------------------------------------------------

    @property
    def user(self) -> User | None:
        return self.session.user

    async def sign_in(self, username: str, password: str) -> User:
        user = await signing.sign_in(self.sender, username, password)
        self.session.started(user)
        return user

    async def sign_out(self) -> None:
        """Revoke the token at the server (best effort: offline it simply expires), forget it here."""
        await signing.sign_out(self.sender)
        self._cache.memory.clear()

    async def restore_session(self) -> User | None:
        """The stored session, checked with GET /me. Offline, the stored user is trusted so the app opens
        from its cache; an expired or revoked token gives None (the UI shows sign-in)."""
        user = await signing.restore(self.sender)
        if user is not None:
            self.session.started(user)
        return user

    # ---- reads ------------------------------------------------------------------------------------

    async def list_courses(self, query: CourseQuery, *, swr: bool = True) -> Fetched[CoursePage]:
        return await self.reads.listing(await self.fetch(paths.listing(query), _page.decode, swr=swr))

    async def course(self, course_id: int, *, swr: bool = True) -> Fetched[CourseDetail]:
        fetched = await self.fetch(paths.course(course_id), _detail.decode, swr=swr)
        return await self.reads.detail(course_id, fetched)

    async def content(self, course_id: int, *, swr: bool = True) -> Fetched[CourseContent]:
        fetched = await self.fetch(paths.content(course_id), _content.decode, swr=swr)
        return await self.reads.content(course_id, fetched)

    async def section(self, section_id: int, *, swr: bool = True) -> Fetched[Section]:
        return await self.fetch(paths.section(section_id), _section.decode, swr=swr)

    async def attempts(self, section_id: int, *, swr: bool = True) -> Fetched[AttemptList]:
        """The signed-in learner's attempts at a quiz (best and latest marked, attempts left)."""
        return await self.fetch(paths.attempts(section_id), _attempts.decode, swr=swr)

    async def dashboard(self, *, swr: bool = True) -> Fetched[Dashboard]:
        return await self.reads.dashboard(await self.fetch(paths.DASHBOARD, _dashboard.decode, swr=swr))

    async def image(self, image_url: str, width: int, fmt: str = "webp") -> bytes:
        """A cover; offline, another width on this computer beats none (the UI scales it)."""
        try:
            fetched = await self.fetch(paths.image(image_url, width, fmt), identity, kind="image")
        except OfflineError:
            other = self.reads.image_substitute(image_url, width)
            if other is None:
                raise
            fetched = await self.fetch(other, identity, kind="image")
        return cast(bytes, fetched.value)

    async def asset(self, asset_url: str) -> bytes:
        """An imported file's bytes (an image in a page, an attachment): immutable, so cached for good."""
        fetched = await self.fetch(paths.asset(asset_url), identity)
        return cast(bytes, fetched.value)

    async def download_to(self, target: str, write: Callable[[bytes], None]) -> int:
        """Stream a GET of `target` (e.g. a course asset) into `write`, uncached, within the download
        kind's size cap and deadline; the number of bytes written. Raises like any read."""
        return await self.sender.download(target, write)

    async def health(self) -> Health:
        try:
            response = await self.sender.send(self.sender.build("GET", paths.HEALTH, authed=False))
        except TransportFailure as exc:
            raise OfflineError() from exc
        try:
            return _health.decode(response.content)  # a 503 "degraded" answer still carries a Health body
        except (msgspec.DecodeError, msgspec.ValidationError):
            raise error_from_response(response.status_code, response.content) from None

    # ---- writes: the plugged writer's (DirectWrites without an offline layer) ---------------------

    def invalidate(self, *targets: str) -> None:
        """Mark the cached GETs of `targets` stale (hard: the next read asks the server, 304 if unchanged)."""
        for target in targets:
            self._cache.invalidate("GET", target, self.partition, hard=True)

    def refresh_listings(self) -> None:
        """Mark every cached listing stale: shown at once, revalidated in the background on next read."""
        self._cache.invalidate_prefix("GET", paths.LISTINGS_PREFIX, self.partition, hard=False)

    async def send_write(self, request: WriteRequest) -> Any:
        """The one way a write reaches the server: the client's own and the outbox's replays. Raises
        OfflineError, AuthRequired or ApiError; the cache entries it makes stale are marked either way."""
        try:
            answer = await self.sender.call(request.method, request.target, request.body, request.decode)
        finally:  # also after a lost answer: the server may have applied it
            self.invalidate(*request.stale)
        self.invalidate(*stale_after(answer))
        return answer

    async def enroll(
        self, course_id: int, *, op_id: str | None = None, client_timestamp: datetime | None = None
    ) -> Enrollment:
        """`op_id` / `client_timestamp`: given by the offline outbox when it replays a change (defaults: a
        new id, now); the server applies an op id once and keeps the latest client timestamp."""
        return await self.writes.enroll(course_id, op_id, client_timestamp)

    async def unenroll(
        self, course_id: int, *, op_id: str | None = None, client_timestamp: datetime | None = None
    ) -> Enrollment:
        return await self.writes.unenroll(course_id, op_id, client_timestamp)

    async def rate(
        self,
        course_id: int,
        rating: int,
        *,
        op_id: str | None = None,
        client_timestamp: datetime | None = None,
    ) -> CourseRating:
        return await self.writes.rate(course_id, rating, op_id, client_timestamp)

    async def put_progress(self, section_id: int, update: ProgressUpdate) -> Progress:
        return await self.writes.put_progress(section_id, update)

    async def submit_attempt(
        self,
        section_id: int,
        answers: dict[str, AnswerValue],
        *,
        course_id: int | None = None,
        op_id: str | None = None,
        client_timestamp: datetime | None = None,
    ) -> AttemptResult | None:
        """Submit a quiz attempt; the server grades it. The same `op_id` again returns the same result
        (give one to make a retry safe). None when the offline layer keeps the attempt to send later (a
        refusal now drops it and raises ApiError)."""
        return await self.writes.submit_attempt(section_id, answers, course_id, op_id, client_timestamp)

    async def attempt_result(self, op_id: str) -> AttemptResult | None:
        """The result of an attempt kept to send later, once scored; None when there is none to wait for."""
        return await self.writes.attempt_result(op_id)

    def pending_attempts(self, section_id: int) -> list[tuple[str, dict[str, AnswerValue]]]:
        """(op id, answers) of this quiz's attempts waiting to be sent, oldest first."""
        return self.writes.pending_attempts(section_id)

    def keep_progress(self, course_id: int, section_id: int, update: ProgressUpdate) -> bool:
        """Keep a progress change to send later, without waiting for anything (the app is closing): True
        when it was kept (only the offline layer's outbox can)."""
        return self.writes.keep_progress(course_id, section_id, update)

    # ---- state ------------------------------------------------------------------------------------

    @property
    def online(self) -> bool:
        return self.connectivity.online

    def on_online_changed(self, callback: Callable[[bool], None]) -> Callable[[], None]:
        return self.connectivity.subscribe(callback)

    async def check_online(self) -> bool:
        """Probe the server now (a "Retry" button); updates `online` and notifies subscribers."""
        return await self.connectivity.check_now()

    def cache_stats(self) -> CacheStats:
        return self._cache.stats()

    def clear_cache(self) -> None:
        self._cache.clear()

    # ---- pinning for offline downloads (kept apart from the evictable cache: cache/tiers.py) --------

    def pin(self, path: str) -> bool:
        """Move the cached GET of `path` (e.g. paths.section(7)) into the download store, out of the cache's
        reach; False if not cached or there is no download store (the offline layer plugs one in)."""
        return self._cache.pin("GET", path, self.partition)

    def unpin(self, path: str) -> None:
        self._cache.unpin("GET", path, self.partition)

    def is_pinned(self, path: str) -> bool:
        return self._cache.is_pinned("GET", path, self.partition)

    # ---- warming ----------------------------------------------------------------------------------

    async def warm_cache(self, *, courses: int = 50, contents: int = 10) -> None:
        """Fetch the most popular courses' meta and the top `contents` courses' content at low priority
        (each request waits while the learner's own requests are in flight). Stops quietly when offline."""
        await warm_cache(self, courses, contents)

    def start_warming(self, *, courses: int = 50, contents: int = 10) -> asyncio.Task[None]:
        """warm_cache as a background task owned by the client (cancelled by aclose)."""
        return cast(
            asyncio.Task[None], self._cache.spawn(self.warm_cache(courses=courses, contents=contents))
        )

    async def settle(self) -> None:
        """Wait for background work in flight: the offline layer's syncs and refreshes, then the cache's
        revalidations (tests, orderly shutdown)."""
        if self.offline is not None:
            await self.offline.settle()
        await self._cache.drain()
