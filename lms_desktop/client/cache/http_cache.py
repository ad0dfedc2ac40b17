"""The two tiers together: an RFC 9111 private cache with offline fallback and stale-while-revalidate.

Read path: memory (parsed object) -> disk (bytes, promoted to memory) -> network. A fresh entry is served
without a request. A stale one is revalidated with If-None-Match / If-Modified-Since: at once in the
background (stale-while-revalidate; `updated` resolves to the new value only if it changed) or before
answering (entries invalidated by the learner's own write, `must-revalidate`, or `swr=False`). Offline,
stale entries are served flagged stale, except `must-revalidate` ones.

Invalidation marks entries stale (the offline copy survives) and bumps an epoch; a response to a request
that started before the mark is not stored, so a slow revalidation cannot overwrite the mutation's result.
At most one request per key is in flight: identical GETs and background revalidations share it.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

import httpx
import msgspec

from lms_desktop.client.cache.disk import DiskStore
from lms_desktop.client.cache.entry import (
    CacheEntry,
    decode_entry,
    encode_entry,
    entry_from_response,
    merge_not_modified,
    vary_matches,
)
from lms_desktop.client.cache.keys import make_key, make_prefix, make_target_key, normalize_target
from lms_desktop.client.cache.memory import MemoryLRU
from lms_desktop.client.cache.policy import (
    CacheControl,
    parse_cache_control,
    weak_etag_equal,
    why_not_storable,
)
from lms_desktop.client.cache.tiers import DiskTiers, PinnedTier
from lms_desktop.client.errors import ApiError, OfflineError, TransportFailure, error_from_response
from lms_desktop.client.results import CacheStats, Fetched, Source

log = logging.getLogger(__name__)

Sender = Callable[[httpx.Request], Awaitable[httpx.Response]]
Decode = Callable[[bytes], Any]
NO_DIRECTIVES = CacheControl()


@dataclass(frozen=True)
class Lookup:
    """What the cache needs to answer a read. The wire request is built only when the network is needed:
    building an httpx.Request (URL parsing) costs far more than a memory hit."""

    method: str
    target: str  # normalized path?query (keys.normalize_target)
    build: Callable[[dict[str, str] | None], httpx.Request]  # the wire request, plus extra headers
    cache_control: CacheControl = NO_DIRECTIVES  # request directives (no-store / no-cache)

    @classmethod
    def for_client(
        cls, client: httpx.AsyncClient, method: str, url: str, headers: dict[str, str] | None = None
    ) -> Lookup:
        def build(extra: dict[str, str] | None) -> httpx.Request:
            return client.build_request(method, url, headers={**(headers or {}), **(extra or {})})

        request_cc = parse_cache_control((headers or {}).get("Cache-Control"))
        return cls(method.upper(), normalize_target(url), build, request_cc)


NONE, SOFT, HARD = 0, 1, 2
SERVE_STALE_ON_STATUS = frozenset({500, 502, 503, 504})  # stale-if-error for a server in trouble
MEMORY_OVERHEAD = 512
META_MARKS = "prefix-marks"
META_EPOCH = "epoch"
MUST_REVALIDATE_OFFLINE = (
    "This page must be checked with the server before it is shown (the server marked it "
    "must-revalidate), and the server cannot be reached right now."
)


@dataclass
class _Item:
    entry: CacheEntry
    value: Any


@dataclass
class _Found:
    key: str
    entry: CacheEntry
    value: Any
    source: Source


@dataclass
class _Result:
    value: Any
    changed: bool  # the body differs from what the caller had cached
    not_modified: bool  # answered by a 304
    superseded: bool  # a mutation happened while in flight: the answer may predate it


@dataclass
class _Flight:
    task: asyncio.Task[_Result]
    start_epoch: int


class _Marks(msgspec.Struct):
    prefixes: dict[str, tuple[int, int]]  # key prefix -> (epoch, level)


class HttpCache:
    def __init__(
        self,
        *,
        memory_bytes: int,
        disk: DiskStore | None,
        clock: Callable[[], float] = time.time,
        memory_item_bytes: int | None = None,
    ) -> None:
        self.memory: MemoryLRU[_Item] = MemoryLRU(memory_bytes, memory_item_bytes)
        self.disk = disk
        self.tiers = DiskTiers(disk)
        self.clock = clock
        self._stats = CacheStats()
        self._inflight: dict[str, _Flight] = {}
        self._background: set[asyncio.Task[Any]] = set()
        self._key_marks: dict[str, int] = {}
        self._prefix_marks: dict[str, tuple[int, int]] = {}
        self._epoch = 0
        self._load_marks()

    # ---- persistent invalidation state ------------------------------------------------------------

    def _load_marks(self) -> None:
        if self.disk is None:
            return
        raw = self.disk.get_meta(META_MARKS)
        if raw:
            try:
                self._prefix_marks = dict(msgspec.msgpack.decode(raw, type=_Marks).prefixes)
            except (msgspec.DecodeError, msgspec.ValidationError):
                self._prefix_marks = {}
        raw_epoch = self.disk.get_meta(META_EPOCH)
        with contextlib.suppress(ValueError, TypeError):
            self._epoch = int(raw_epoch or b"0")
        self._epoch = max([self._epoch, *(e for e, _ in self._prefix_marks.values())])

    def _bump_epoch(self) -> int:
        self._epoch += 1
        if self.disk is not None:
            self.disk.set_meta(META_EPOCH, str(self._epoch).encode())
        return self._epoch

    def _last_mark(self, key: str) -> int:
        mark = self._key_marks.get(key, 0)
        for prefix, (epoch, _) in self._prefix_marks.items():
            if epoch > mark and key.startswith(prefix):
                mark = epoch
        return mark

    def _level(self, key: str, entry: CacheEntry) -> int:
        level = entry.invalidated
        for prefix, (epoch, plevel) in self._prefix_marks.items():
            if plevel > level and epoch > entry.stored_epoch and key.startswith(prefix):
                level = plevel
        return level

    # ---- tiers ------------------------------------------------------------------------------------

    @staticmethod
    def _weight(entry: CacheEntry, value: Any) -> int:
        body = len(entry.body)
        parsed = 0 if value is entry.body else 2 * body  # a parsed object is a few times its JSON
        return body + parsed + MEMORY_OVERHEAD

    def _lookup(self, key: str, decode: Decode) -> _Found | None:
        item = self.memory.get(key)
        if item is not None:
            return _Found(key, item.entry, item.value, "memory")
        raw = self.tiers.get(key)
        if raw is None:
            return None
        try:
            entry = decode_entry(raw)
            value = decode(entry.body)
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError) as exc:
            log.warning("dropping unreadable cache entry %r: %r", key, exc)
            self.tiers.delete(key)
            return None
        self.memory.put(key, _Item(entry, value), self._weight(entry, value))
        return _Found(key, entry, value, "disk")

    def _store(self, key: str, entry: CacheEntry, value: Any) -> None:
        self.memory.put(key, _Item(entry, value), self._weight(entry, value))
        self.tiers.put(key, encode_entry(entry))
        self._stats.stores += 1

    def _not_stored(self, reason: str, key: str) -> None:
        self._stats.not_stored[reason] = self._stats.not_stored.get(reason, 0) + 1
        log.debug("not cached (%s): %s", reason, key)

    def delete(self, key: str) -> None:
        self.memory.delete(key)
        self.tiers.delete(key)

    # ---- reads ------------------------------------------------------------------------------------

    async def get(
        self,
        lookup: Lookup,
        *,
        partition: str,
        decode: Decode,
        send: Sender,
        online: Callable[[], bool],
        swr: bool = True,
    ) -> Fetched[Any]:
        """Answer a read from cache or network. Raises OfflineError, AuthRequired or ApiError."""
        key = make_target_key(lookup.method, lookup.target, partition)
        request_cc = lookup.cache_control
        found = None if request_cc.no_store else self._lookup(key, decode)
        if (
            found is not None
            and found.entry.vary
            and not vary_matches(found.entry, lookup.build(None).headers)
        ):
            found = None
        if found is None:
            self._stats.misses += 1
            try:
                result = await self._fetch_shared(key, lookup, None, decode, send)
            except TransportFailure as exc:
                raise OfflineError() from exc
            return Fetched(result.value, stale=False, source="network")

        entry = found.entry
        level = self._level(key, entry)
        if level == NONE and not request_cc.no_cache and entry.is_fresh(self.clock()):
            return self._hit(found, stale=False)
        if not online():
            return self._serve_stale(found)
        if swr and level < HARD and not entry.must_revalidate and not request_cc.no_cache:
            updated = self._revalidate_in_background(key, lookup, found, decode, send)
            return self._hit(found, stale=True, updated=updated)
        try:
            result = await self._fetch_shared(key, lookup, found, decode, send)
        except TransportFailure:
            return self._serve_stale(found)
        except ApiError as exc:
            if exc.status in SERVE_STALE_ON_STATUS and not entry.must_revalidate:
                return self._serve_stale(found)
            raise
        if result.not_modified:
            return self._hit(found, stale=False, value=result.value)
        self._stats.misses += 1
        return Fetched(result.value, stale=False, source="network")

    def _hit(
        self,
        found: _Found,
        *,
        stale: bool,
        updated: asyncio.Future[Any] | None = None,
        value: Any = None,
    ) -> Fetched[Any]:
        if found.source == "memory":
            self._stats.hits_memory += 1
        else:
            self._stats.hits_disk += 1
        self._stats.bytes_from_cache += len(found.entry.body)
        return Fetched(
            found.value if value is None else value, stale=stale, source=found.source, updated=updated
        )

    def _serve_stale(self, found: _Found) -> Fetched[Any]:
        if found.entry.must_revalidate:
            self._stats.misses += 1
            raise OfflineError(MUST_REVALIDATE_OFFLINE)
        self._stats.stale_served += 1
        return self._hit(found, stale=True)

    def _fetch_shared(
        self, key: str, lookup: Lookup, found: _Found | None, decode: Decode, send: Sender
    ) -> asyncio.Future[_Result]:
        """Join the in-flight request for `key` unless it started before the key was last invalidated."""
        flight = self._inflight.get(key)
        if flight is None or flight.task.done() or flight.start_epoch < self._last_mark(key):
            start = self._epoch
            task = asyncio.get_running_loop().create_task(
                self._fetch(key, lookup, found, decode, send, start), name=f"lms-fetch {key}"
            )
            flight = _Flight(task, start)
            self._inflight[key] = flight
            task.add_done_callback(functools.partial(self._flight_done, key, flight))
        # shield: a caller that gives up (a superseded search) does not cancel the others' request.
        return asyncio.shield(flight.task)

    def _flight_done(self, key: str, flight: _Flight, _task: object = None) -> None:
        if self._inflight.get(key) is flight:
            del self._inflight[key]
        if not flight.task.cancelled():
            flight.task.exception()  # retrieved here so an unawaited failure is not reported as lost

    def _revalidate_in_background(
        self, key: str, lookup: Lookup, found: _Found, decode: Decode, send: Sender
    ) -> asyncio.Future[Any]:
        loop = asyncio.get_running_loop()
        updated: asyncio.Future[Any] = loop.create_future()
        shared = self._fetch_shared(key, lookup, found, decode, send)

        def deliver(done: asyncio.Future[_Result]) -> None:
            if updated.done():
                return
            if done.cancelled() or done.exception() is not None:
                if not done.cancelled():
                    log.debug("background revalidation of %s failed: %r", key, done.exception())
                updated.set_result(None)
                return
            result = done.result()
            updated.set_result(result.value if result.changed and not result.superseded else None)

        shared.add_done_callback(deliver)
        return updated

    async def _fetch(
        self,
        key: str,
        lookup: Lookup,
        found: _Found | None,
        decode: Decode,
        send: Sender,
        start_epoch: int,
    ) -> _Result:
        validators: dict[str, str] = {}
        if found is not None:
            if found.entry.etag:
                validators["If-None-Match"] = found.entry.etag
            if found.entry.last_modified:
                validators["If-Modified-Since"] = found.entry.last_modified
            if validators:
                self._stats.revalidations += 1
        request = lookup.build(validators or None)
        request_time = self.clock()
        response = await send(request)
        response_time = self.clock()
        superseded = self._last_mark(key) > start_epoch

        if response.status_code == 304:
            if found is None or not validators or not _validator_matches(found.entry, response):
                # A 304 that matches nothing we hold: ask again without conditions.
                self._not_stored("unmatched-304", key)
                request = lookup.build(None)
                request_time = self.clock()
                response = await send(request)
                response_time = self.clock()
                found = None
            else:
                self._stats.not_modified += 1
                if not superseded:
                    entry = merge_not_modified(
                        found.entry, response, request_time=request_time, response_time=response_time
                    )
                    entry = replace_entry(entry, invalidated=NONE, stored_epoch=self._epoch)
                    self._store(key, entry, found.value)
                return _Result(found.value, changed=False, not_modified=True, superseded=superseded)

        status = response.status_code
        if status >= 400 or status < 200 or status >= 300:
            if status in (404, 410):
                self.delete(key)
            raise error_from_response(status, response.content)
        body = response.content
        try:
            value = decode(body)
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            raise ApiError(status, f"unexpected response from the server: {exc}") from exc
        changed = found is None or found.entry.body != body
        response_cc = parse_cache_control(response.headers.get_list("cache-control"))
        reason = why_not_storable(
            lookup.method, status, response_cc, lookup.cache_control, response.headers.get_list("vary")
        )
        if reason is not None:
            self._not_stored(reason, key)
            if reason == "no-store":
                self.delete(key)
        elif superseded:
            self._not_stored("superseded-by-write", key)
        else:
            entry = entry_from_response(
                response, request_time=request_time, response_time=response_time, epoch=self._epoch
            )
            self._store(key, entry, value)
        return _Result(value, changed=changed, not_modified=False, superseded=superseded)

    # ---- invalidation -----------------------------------------------------------------------------

    def invalidate(self, method: str, url: str, partition: str, *, hard: bool = True) -> None:
        """Mark one entry stale (kept for offline use). Hard: the next read revalidates before answering."""
        key = make_key(method, url, partition)
        epoch = self._bump_epoch()
        self._key_marks[key] = epoch
        level = HARD if hard else SOFT
        item = self.memory.peek(key)
        entry: CacheEntry | None = item.entry if item is not None else None
        if entry is None:
            raw = self.tiers.get(key)
            if raw is not None:
                try:
                    entry = decode_entry(raw)
                except (msgspec.DecodeError, msgspec.ValidationError):
                    self.tiers.delete(key)
        if entry is None or entry.invalidated >= level:
            return
        entry = replace_entry(entry, invalidated=level)
        if item is not None:
            item.entry = entry
        self.tiers.put(key, encode_entry(entry))

    def invalidate_prefix(
        self, method: str, target_prefix: str, partition: str, *, hard: bool = False
    ) -> None:
        """Mark every entry under a URL prefix stale in O(1): entries stored before the mark read as stale."""
        prefix = make_prefix(method, target_prefix, partition)
        epoch = self._bump_epoch()
        self._prefix_marks[prefix] = (epoch, HARD if hard else SOFT)
        if self.disk is not None:
            self.disk.set_meta(META_MARKS, msgspec.msgpack.encode(_Marks(self._prefix_marks)))

    # ---- pinning: downloads for offline use, kept in a tier of their own (tiers.py) -----------------

    def use_pinned(self, store: PinnedTier) -> int:
        """Keep pinned entries in `store`; moves there any that earlier versions kept in the disk cache."""
        self.tiers.pinned = store
        return self.tiers.migrate_legacy()

    def pin(self, method: str, url: str, partition: str) -> bool:
        """Move this entry into the pinned tier. False if it is not cached (fetch it first) or no tier."""
        key = make_key(method, url, partition)
        item = self.memory.peek(key)
        return self.tiers.pin(key, encode_entry(item.entry) if item is not None else None)

    def unpin(self, method: str, url: str, partition: str) -> None:
        self.tiers.unpin(make_key(method, url, partition))

    def is_pinned(self, method: str, url: str, partition: str) -> bool:
        return self.tiers.is_pinned(make_key(method, url, partition))

    # ---- housekeeping -----------------------------------------------------------------------------

    def stats(self) -> CacheStats:
        evictable = self.disk.volume() if self.disk is not None else 0
        pinned = self.tiers.pinned_bytes()
        return replace(
            self._stats,
            not_stored=dict(self._stats.not_stored),
            memory_items=len(self.memory),
            memory_bytes=self.memory.total_bytes,
            disk_bytes=evictable,
            pinned_bytes=pinned,
            disk_enabled=self.disk is not None and self.disk.enabled,
            disk_warning=self.disk.warning if self.disk is not None else "disk cache disabled",
        )

    def clear(self) -> None:
        """Drop cached answers (pinned downloads stay: the Downloads screen removes those)."""
        self.memory.clear()
        if self.disk is not None:
            self.disk.clear()

    def spawn(self, coro: Awaitable[Any]) -> asyncio.Task[Any]:
        """Run background work owned by the cache (cancelled by aclose)."""
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task

    async def drain(self) -> None:
        """Wait for every in-flight request (tests and shutdown)."""
        while self._inflight:
            await asyncio.gather(*(f.task for f in list(self._inflight.values())), return_exceptions=True)
            await asyncio.sleep(0)

    async def aclose(self) -> None:
        tasks = [f.task for f in self._inflight.values()] + list(self._background)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self.disk is not None:
            self.disk.close()


def replace_entry(entry: CacheEntry, **changes: Any) -> CacheEntry:
    return msgspec.structs.replace(entry, **changes)


def _validator_matches(entry: CacheEntry, response: httpx.Response) -> bool:
    """Does this 304 refer to the entry we hold? (RFC 9111 4.3.4; one stored variant per key.)"""
    new_tag = response.headers.get("etag")
    if new_tag is not None:
        return weak_etag_equal(new_tag, entry.etag)
    new_lm = response.headers.get("last-modified")
    if new_lm is not None:
        return new_lm == entry.last_modified
    return True
