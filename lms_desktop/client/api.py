"""LmsClient: the typed API the UI uses. Every read goes through the two-tier cache; writes invalidate
exactly what they make stale, so the writer reads its own writes at once.

What each write marks stale (the next read of it revalidates before answering, so the writer sees its own
write at once; the entry itself is kept for offline use):
- enroll / unenroll: the course's detail and the dashboard;
- progress: the course's content, the dashboard and the course's detail (its status may become completed);
- rating: the course's detail and the dashboard.
- quiz attempt: the quiz's attempts, the dashboard, and (given its course) the course's content and detail.
Catalog listings are not invalidated by these writes: their cards show enrollment counts and averages, but
the server's listing ETag follows the catalog version, which learner writes do not bump, so a revalidation
would only return 304. Cards may lag by up to the listing's max-age (10 min); the course view is exact.
`refresh_listings()` marks every listing stale (served at once, refreshed in the background) for a
"Refresh" action.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

import httpx
import msgspec

from lms_desktop import dirs
from lms_desktop.client import paths
from lms_desktop.client.assets import AssetFiles
from lms_desktop.client.auth.token_store import StoredSession, TokenStore, default_token_store
from lms_desktop.client.body import BodyKind
from lms_desktop.client.cache.disk import DiskStore
from lms_desktop.client.cache.http_cache import HttpCache, Lookup
from lms_desktop.client.config import ClientConfig, CourseQuery
from lms_desktop.client.connectivity import Connectivity
from lms_desktop.client.errors import (
    ApiError,
    AuthRequired,
    BadAnswer,
    OfflineError,
    TransportFailure,
    error_from_response,
)
from lms_desktop.client.priority import PriorityGate
from lms_desktop.client.results import CacheStats, Fetched
from lms_desktop.client.transport import Transport
from lms_desktop.client.writes import (
    WriteRequest,
    attempt_request,
    enrollment_request,
    progress_request,
    rating_request,
    stale_after,
)
from lms_desktop.contract import (
    MAX_PAGE_LIMIT,
    AnswerValue,
    Asset,
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
    TokenRequest,
    TokenResponse,
    User,
    decoder,
    encoder,
)

log = logging.getLogger(__name__)

PROBE_TIMEOUT_S = 2.0
WARM_CONCURRENCY = 2

_page = decoder(CoursePage)
_detail = decoder(CourseDetail)
_content = decoder(CourseContent)
_section = decoder(Section)
_dashboard = decoder(Dashboard)
_health = decoder(Health)
_user = decoder(User)
_token = decoder(TokenResponse)
_attempts = decoder(AttemptList)


def _now() -> datetime:
    return datetime.now(UTC)


def _identity(body: bytes) -> bytes:
    return body


def default_cache_dir() -> Path:
    return dirs.cache_dir() / "http"


def server_id_for(base_url: str) -> str:
    parts = urlsplit(base_url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def new_op_id() -> str:
    return uuid.uuid4().hex


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
        self._tokens: TokenStore = config.token_store or default_token_store()
        self._session: StoredSession | None = None
        self._session_listeners: list[Callable[[], None]] = []
        self._gate = PriorityGate()
        self.connectivity = Connectivity(
            self._probe, initial_delay_s=config.probe_initial_s, max_delay_s=config.probe_max_s
        )
        self._transport = Transport(
            config.base_url,
            timeout_s=config.timeout_s,
            retries=config.retries,
            http_transport=http_transport,
            on_outcome=self.connectivity.report,
            is_online=lambda: self.connectivity.online,
            has_answered=lambda: self.connectivity.reached,
            limits=config.limits,
        )
        disk = DiskStore(config.cache_dir or default_cache_dir(), config.disk_cache_bytes)
        if disk.warning:
            log.warning("%s", disk.warning)
        self._cache = HttpCache(memory_bytes=config.memory_cache_bytes, disk=disk, clock=clock or time.time)
        cache_root = config.cache_dir or default_cache_dir()
        self.opened_files = AssetFiles(cache_root.parent / f"{cache_root.name}-files", self._http)
        self.downloaded_files: AssetFiles | None = None  # set by the offline client: pinned section files

    async def __aenter__(self) -> LmsClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.connectivity.aclose()
        await self._cache.aclose()
        await self._transport.aclose()

    # ---- plumbing ---------------------------------------------------------------------------------

    @property
    def partition(self) -> str:
        """Cache partition: this server and this user. Another learner's answers are never visible."""
        who = f"u{self._session.user.id}" if self._session is not None else "anon"
        return f"{self.server_id}|{who}"

    def _auth_headers(self) -> dict[str, str]:
        if self._session is None:
            return {}
        return {"Authorization": f"Bearer {self._session.access_token}"}

    def _drop_session(self, *, ended_by_server: bool = False) -> None:
        had_session = self._session is not None
        self._session = None
        with contextlib.suppress(Exception):
            self._tokens.clear(self.server_id)
        if ended_by_server and had_session:
            for callback in list(self._session_listeners):
                try:
                    callback()
                except Exception:  # a UI callback must not break the data layer
                    log.exception("session-ended callback failed")

    def on_session_ended(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Called when the session expires or is revoked (also during a background revalidation), so the
        UI can show sign-in at once. Not called for sign_out(). Returns an unsubscribe function."""
        self._session_listeners.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._session_listeners.remove(callback)

        return unsubscribe

    async def _send(
        self,
        request: httpx.Request,
        *,
        low_priority: bool = False,
        kind: BodyKind = "json",
        sink: Callable[[bytes], None] | None = None,
    ) -> httpx.Response:
        authed = "authorization" in request.headers
        if authed and self._session is not None and self._session.expired():
            self._drop_session(ended_by_server=True)
            raise AuthRequired("Your session has expired. Please sign in again.")
        if low_priority:
            await self._gate.background_turn()
            response = await self._transport.send(request, kind=kind, sink=sink)
        else:
            with self._gate.foreground():
                response = await self._transport.send(request, kind=kind, sink=sink)
        if response.status_code == 401 and authed:
            self._drop_session(ended_by_server=True)  # revoked or expired at the server: sign in again
        return response

    async def _read(
        self,
        target: str,
        decode: Callable[[bytes], Any],
        *,
        swr: bool = True,
        low_priority: bool = False,
        kind: BodyKind = "json",
    ) -> Fetched[Any]:
        """A cached GET of `target` (a normalized path?query: see paths.py)."""
        headers = self._auth_headers()

        def build(extra: dict[str, str] | None) -> httpx.Request:
            return self._transport.build("GET", target, headers={**headers, **extra} if extra else headers)

        async def send(req: httpx.Request) -> httpx.Response:
            return await self._send(req, low_priority=low_priority, kind=kind)

        return await self._cache.get(
            Lookup("GET", target, build),
            partition=self.partition,
            decode=decode,
            send=send,
            online=lambda: self.connectivity.online,
            swr=swr,
        )

    async def _call(
        self,
        method: str,
        path: str,
        body: object | None,
        decode: Callable[[bytes], Any],
        *,
        offline_message: str | None = None,
    ) -> Any:
        """An uncached request (sign-in, writes). Raises OfflineError, AuthRequired or ApiError."""
        content = encoder.encode(body) if body is not None else None
        request = self._transport.build(method, path, content=content, headers=self._auth_headers())
        try:
            response = await self._send(request)
        except TransportFailure as exc:
            if offline_message is None:
                offline_message = (
                    "The server cannot be reached."
                    if method == "POST"
                    else "The server cannot be reached; the change was not saved."
                )
            raise OfflineError(offline_message) from exc
        if not 200 <= response.status_code < 300:
            raise error_from_response(response.status_code, response.content)
        try:
            return decode(response.content)
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            raise ApiError(response.status_code, f"unexpected response from the server: {exc}") from exc

    async def _probe(self) -> bool:
        request = self._transport.build("GET", paths.HEALTH, timeout_s=PROBE_TIMEOUT_S)
        try:
            await self._transport.send(request, retry=False, deadline_s=PROBE_TIMEOUT_S)
        except (TransportFailure, BadAnswer):
            return False
        return True

    # ---- auth -------------------------------------------------------------------------------------

    @property
    def user(self) -> User | None:
        return self._session.user if self._session is not None else None

    async def sign_in(self, username: str, password: str) -> User:
        self._session = None
        token = cast(
            TokenResponse,
            await self._call(
                "POST", paths.TOKEN, TokenRequest(username=username, password=password), _token.decode
            ),
        )
        request = self._transport.build(
            "GET", paths.ME, headers={"Authorization": f"Bearer {token.access_token}"}
        )
        try:
            response = await self._send(request)
        except TransportFailure as exc:
            raise OfflineError() from exc
        if response.status_code != 200:
            raise error_from_response(response.status_code, response.content)
        user = _user.decode(response.content)
        self._session = StoredSession(access_token=token.access_token, expires_at=token.expires_at, user=user)
        try:
            self._tokens.save(self.server_id, self._session)
        except Exception as exc:  # a broken keyring must not stop the sign-in itself
            log.warning("could not remember the session: %r", exc)
        return user

    async def sign_out(self) -> None:
        """Revoke the token at the server (best effort: offline it simply expires), forget it here."""
        if self._session is not None:
            request = self._transport.build("DELETE", paths.TOKEN, headers=self._auth_headers())
            with contextlib.suppress(TransportFailure, AuthRequired):
                await self._send(request)
        self._drop_session()
        self._cache.memory.clear()

    async def restore_session(self) -> User | None:
        """The stored session, checked with GET /me. Offline, the stored user is trusted so the app opens
        from its cache; an expired or revoked token gives None (the UI shows sign-in)."""
        stored = self._tokens.load(self.server_id)
        if stored is None:
            return None
        if stored.expired():
            self._drop_session()
            return None
        self._session = stored
        request = self._transport.build("GET", paths.ME, headers=self._auth_headers())
        try:
            response = await self._send(request)
        except TransportFailure:
            return stored.user
        except AuthRequired:
            return None
        if response.status_code == 401:
            return None
        if response.status_code != 200:
            return stored.user  # server in trouble: keep the session, it is still ours
        user = _user.decode(response.content)
        self._session = StoredSession(
            access_token=stored.access_token, expires_at=stored.expires_at, user=user
        )
        return user

    # ---- reads ------------------------------------------------------------------------------------

    async def list_courses(self, query: CourseQuery, *, swr: bool = True) -> Fetched[CoursePage]:
        return await self._read(paths.listing(query), _page.decode, swr=swr)

    async def course(self, course_id: int, *, swr: bool = True) -> Fetched[CourseDetail]:
        return await self._read(paths.course(course_id), _detail.decode, swr=swr)

    async def content(self, course_id: int, *, swr: bool = True) -> Fetched[CourseContent]:
        return await self._read(paths.content(course_id), _content.decode, swr=swr)

    async def section(self, section_id: int, *, swr: bool = True) -> Fetched[Section]:
        return await self._read(paths.section(section_id), _section.decode, swr=swr)

    async def attempts(self, section_id: int, *, swr: bool = True) -> Fetched[AttemptList]:
        """The signed-in learner's attempts at a quiz (best and latest marked, attempts left)."""
        return await self._read(paths.attempts(section_id), _attempts.decode, swr=swr)

    async def dashboard(self, *, swr: bool = True) -> Fetched[Dashboard]:
        return await self._read(paths.DASHBOARD, _dashboard.decode, swr=swr)

    async def image(self, image_url: str, width: int, fmt: str = "webp") -> bytes:
        fetched = await self._read(paths.image(image_url, width, fmt), _identity, swr=True, kind="image")
        return cast(bytes, fetched.value)

    async def asset(self, asset_url: str) -> bytes:
        """An imported file's bytes (an image in a page, an attachment): immutable, so cached for good."""
        fetched = await self._read(paths.asset(asset_url), _identity, swr=True)
        return cast(bytes, fetched.value)

    async def download_to(self, target: str, write: Callable[[bytes], None]) -> int:
        """Stream a GET of `target` (e.g. a course asset) into `write`, uncached, within the download
        kind's size cap and deadline; the number of bytes written. Raises like any read."""
        written = 0

        def count(piece: bytes) -> None:
            nonlocal written
            write(piece)
            written += len(piece)

        request = self._transport.build("GET", target, headers=self._auth_headers())
        try:
            response = await self._send(request, kind="download", sink=count)
        except TransportFailure as exc:
            raise OfflineError() from exc
        if not 200 <= response.status_code < 300:
            raise error_from_response(response.status_code, response.content)
        return written

    async def health(self) -> Health:
        request = self._transport.build("GET", paths.HEALTH)
        try:
            response = await self._send(request)
        except TransportFailure as exc:
            raise OfflineError() from exc
        try:
            return _health.decode(response.content)  # a 503 "degraded" answer still carries a Health body
        except (msgspec.DecodeError, msgspec.ValidationError):
            raise error_from_response(response.status_code, response.content) from None

    # ---- writes -----------------------------------------------------------------------------------

    def _invalidate(self, *targets: str) -> None:
        for target in targets:
            self._cache.invalidate("GET", target, self.partition, hard=True)

    def refresh_listings(self) -> None:
        """Mark every cached listing stale: shown at once, revalidated in the background on next read."""
        self._cache.invalidate_prefix("GET", paths.LISTINGS_PREFIX, self.partition, hard=False)

    async def send_write(self, request: WriteRequest) -> Any:
        """The one way a write reaches the server: the client's own and the outbox's replays. Raises
        OfflineError, AuthRequired or ApiError; the cache entries it makes stale are marked either way."""
        try:
            answer = await self._call(request.method, request.target, request.body, request.decode)
        finally:  # also after a lost answer: the server may have applied it
            self._invalidate(*request.stale)
        self._invalidate(*stale_after(answer))
        return answer

    async def enroll(
        self, course_id: int, *, op_id: str | None = None, client_timestamp: datetime | None = None
    ) -> Enrollment:
        """`op_id` / `client_timestamp`: given by the offline outbox when it replays a change (defaults: a
        new id, now); the server applies an op id once and keeps the latest client timestamp."""
        request = enrollment_request(
            course_id, enrolled=True, op_id=op_id or new_op_id(), client_timestamp=client_timestamp or _now()
        )
        return cast(Enrollment, await self.send_write(request))

    async def unenroll(
        self, course_id: int, *, op_id: str | None = None, client_timestamp: datetime | None = None
    ) -> Enrollment:
        request = enrollment_request(
            course_id, enrolled=False, op_id=op_id or new_op_id(), client_timestamp=client_timestamp or _now()
        )
        return cast(Enrollment, await self.send_write(request))

    async def put_progress(self, section_id: int, update: ProgressUpdate) -> Progress:
        if update.op_id is None or update.client_timestamp is None:
            update = msgspec.structs.replace(
                update, op_id=update.op_id or new_op_id(), client_timestamp=update.client_timestamp or _now()
            )
        return cast(Progress, await self.send_write(progress_request(section_id, update)))

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
        (give one to make a retry safe). None only from a client that keeps the attempt to send later."""
        request = attempt_request(
            section_id,
            answers,
            course_id=course_id,
            op_id=op_id or new_op_id(),
            client_timestamp=client_timestamp or _now(),
        )
        return cast(AttemptResult, await self.send_write(request))

    async def attempt_result(self, op_id: str) -> AttemptResult | None:
        """The result of an attempt kept to send later, once scored; None when there is none to wait for
        (a client without an outbox keeps nothing)."""
        return None

    def pending_attempts(self, section_id: int) -> list[tuple[str, dict[str, AnswerValue]]]:
        """(op id, answers) of this quiz's attempts waiting to be sent, oldest first."""
        return []

    def keep_progress(self, course_id: int, section_id: int, update: ProgressUpdate) -> bool:
        """Keep a progress change to send later, without waiting for anything (the app is closing): True
        when it was kept. A client without an outbox cannot keep anything."""
        return False

    async def rate(
        self,
        course_id: int,
        rating: int,
        *,
        op_id: str | None = None,
        client_timestamp: datetime | None = None,
    ) -> CourseRating:
        request = rating_request(
            course_id, rating, op_id=op_id or new_op_id(), client_timestamp=client_timestamp or _now()
        )
        return cast(CourseRating, await self.send_write(request))

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
        reach; False if not cached or there is no download store (OfflineLmsClient has one)."""
        return self._cache.pin("GET", path, self.partition)

    def unpin(self, path: str) -> None:
        self._cache.unpin("GET", path, self.partition)

    def is_pinned(self, path: str) -> bool:
        return self._cache.is_pinned("GET", path, self.partition)

    # ---- warming ----------------------------------------------------------------------------------

    async def warm_cache(self, *, courses: int = 50, contents: int = 10) -> None:
        """Fetch the most popular courses' meta and the top `contents` courses' content at low priority
        (each request waits while the learner's own requests are in flight). Stops quietly when offline."""
        try:
            page = await self._read(
                paths.listing(CourseQuery(sort="popular", limit=min(max(courses, 1), MAX_PAGE_LIMIT))),
                _page.decode,
                swr=False,
                low_priority=True,
            )
        except (OfflineError, ApiError, AuthRequired) as exc:
            log.info("cache warming skipped: %s", exc)
            return
        ids = [item.id for item in cast(CoursePage, page.value).items]
        jobs: list[tuple[str, Callable[[bytes], Any]]] = [
            (paths.course(i), _detail.decode) for i in ids[:courses]
        ]
        jobs += [(paths.content(i), _content.decode) for i in ids[:contents]]
        limiter = asyncio.Semaphore(WARM_CONCURRENCY)

        async def warm(path: str, decode: Callable[[bytes], Any]) -> None:
            async with limiter:
                if not self.online:
                    return
                try:
                    await self._read(path, decode, swr=False, low_priority=True)
                except (OfflineError, ApiError, AuthRequired) as exc:
                    log.debug("warming %s failed: %s", path, exc)

        await asyncio.gather(*(warm(p, d) for p, d in jobs))

    def start_warming(self, *, courses: int = 50, contents: int = 10) -> asyncio.Task[None]:
        """warm_cache as a background task owned by the client (cancelled by aclose)."""
        return cast(
            asyncio.Task[None], self._cache.spawn(self.warm_cache(courses=courses, contents=contents))
        )

    # ---- section files (page images, attachments, videos, captions) -------------------------------

    def _http(self) -> httpx.AsyncClient:
        return self._transport.client

    def absolute_url(self, url: str) -> str:
        """A server path as a full URL (the media player streams from it with its own Range requests)."""
        return str(self._transport.client.base_url.join(url))

    def local_asset(self, sha256: str) -> Path | None:
        """The verified file of an asset, if it is on this computer (downloaded first, else opened)."""
        for store in (self.downloaded_files, self.opened_files):
            if store is not None and store.has(sha256):
                return store.path(sha256)
        return None

    async def asset_file(self, asset: Asset) -> Path:
        """The asset on disk (downloaded, or fetched now into the opened-files folder)."""
        local = self.local_asset(asset.sha256)
        if local is not None:
            return local
        path = await self.opened_files.fetch(asset)
        await asyncio.to_thread(self.opened_files.trim)
        return path

    async def asset_bytes(self, url: str, width: int | None = None) -> bytes:
        """An asset's bytes through the HTTP cache (page images: `width` asks for a scaled copy); offline,
        the downloaded original serves any width."""
        target = paths.scaled_asset(url, width)
        try:
            return cast(bytes, (await self._read(target, _identity, swr=True)).value)
        except OfflineError:
            local = self.local_asset(paths.asset_sha(url))
            if local is None:
                raise
            return await asyncio.to_thread(local.read_bytes)

    async def settle(self) -> None:
        """Wait for background revalidations in flight (tests, orderly shutdown)."""
        await self._cache.drain()
