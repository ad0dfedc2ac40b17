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
import functools
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import msgspec

from lms_desktop.client.cache.disk import DiskStore
from lms_desktop.client.cache.entry import (
    entry_from_response,
    merge_not_modified,
    validator_matches,
    vary_matches,
)
from lms_desktop.client.cache.keys import make_key, make_prefix, make_target_key
from lms_desktop.client.cache.lookup import Decode, Lookup, Sender
from lms_desktop.client.cache.marks import HARD, NONE, SOFT, InvalidationMarks
from lms_desktop.client.cache.policy import parse_cache_control, why_not_storable
from lms_desktop.client.cache.store import EntryStore, Found
from lms_desktop.client.cache.tiers import PinnedTier
from lms_desktop.client.errors import ApiError, OfflineError, TransportFailure, error_from_response
from lms_desktop.client.results import CacheStats, Fetched

__all__ = ["HttpCache", "Lookup"]

log = logging.getLogger(__name__)

SERVE_STALE_ON_STATUS = frozenset({500, 502, 503, 504})  # stale-if-error for a server in trouble
MUST_REVALIDATE_OFFLINE = (
    "This page must be checked with the server before it is shown (the server marked it "
    "must-revalidate), and the server cannot be reached right now."
)


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


@dataclass
class _Sent:
    response: httpx.Response
    request_time: float  # local clock, for the entry's age
    response_time: float


class HttpCache:
    """The client's HTTP cache: the read path, revalidation, invalidation and shared in-flight requests."""

    def __init__(
        self,
        *,
        memory_bytes: int,
        disk: DiskStore | None,
        clock: Callable[[], float] = time.time,
        memory_item_bytes: int | None = None,
    ) -> None:
        self.store = EntryStore(memory_bytes=memory_bytes, memory_item_bytes=memory_item_bytes, disk=disk)
        self.memory = self.store.memory
        self.disk = disk
        self.tiers = self.store.tiers
        self.clock = clock
        self.marks = InvalidationMarks(disk)
        self._stats = self.store.stats
        self._inflight: dict[str, _Flight] = {}
        self._background: set[asyncio.Task[Any]] = set()

    def delete(self, key: str) -> None:
        self.store.delete(key)

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
        found = None if request_cc.no_store else self.store.find(key, decode)
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
        level = self.marks.level(key, entry)
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
        found: Found,
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

    def _serve_stale(self, found: Found) -> Fetched[Any]:
        if found.entry.must_revalidate:
            self._stats.misses += 1
            raise OfflineError(MUST_REVALIDATE_OFFLINE)
        self._stats.stale_served += 1
        return self._hit(found, stale=True)

    def _fetch_shared(
        self, key: str, lookup: Lookup, found: Found | None, decode: Decode, send: Sender
    ) -> asyncio.Future[_Result]:
        """Join the in-flight request for `key` unless it started before the key was last invalidated."""
        flight = self._inflight.get(key)
        if flight is None or flight.task.done() or flight.start_epoch < self.marks.last_mark(key):
            start = self.marks.epoch
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
        self, key: str, lookup: Lookup, found: Found, decode: Decode, send: Sender
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
        found: Found | None,
        decode: Decode,
        send: Sender,
        start_epoch: int,
    ) -> _Result:
        """One request for `key`: conditional when we hold validators, stored unless a write superseded it."""
        validators = self._validators(found)
        sent = await self._send(lookup, send, validators)
        superseded = self.marks.last_mark(key) > start_epoch
        if sent.response.status_code == 304:
            if found is not None and validators and validator_matches(found.entry, sent.response):
                return self._not_modified(key, found, sent, superseded)
            # A 304 that matches nothing we hold: ask again without conditions.
            self.store.not_stored("unmatched-304", key)
            sent = await self._send(lookup, send, {})
            found = None
        response = sent.response
        status = response.status_code
        if not 200 <= status < 300:
            if status in (404, 410):
                self.delete(key)
            raise error_from_response(status, response.content)
        try:
            value = decode(response.content)
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            raise ApiError(status, f"unexpected response from the server: {exc}") from exc
        self._keep(key, lookup, sent, value, superseded)
        changed = found is None or found.entry.body != response.content
        return _Result(value, changed=changed, not_modified=False, superseded=superseded)

    def _validators(self, found: Found | None) -> dict[str, str]:
        """The conditional headers that let the server answer 304 for what we hold."""
        validators: dict[str, str] = {}
        if found is not None:
            if found.entry.etag:
                validators["If-None-Match"] = found.entry.etag
            if found.entry.last_modified:
                validators["If-Modified-Since"] = found.entry.last_modified
            if validators:
                self._stats.revalidations += 1
        return validators

    async def _send(self, lookup: Lookup, send: Sender, extra: dict[str, str]) -> _Sent:
        request = lookup.build(extra or None)
        request_time = self.clock()
        response = await send(request)
        return _Sent(response, request_time, self.clock())

    def _not_modified(self, key: str, found: Found, sent: _Sent, superseded: bool) -> _Result:
        """A 304 for the entry we hold: refresh its headers and times, keep body and parsed value."""
        self._stats.not_modified += 1
        if not superseded:
            entry = merge_not_modified(
                found.entry, sent.response, request_time=sent.request_time, response_time=sent.response_time
            )
            entry = msgspec.structs.replace(entry, invalidated=NONE, stored_epoch=self.marks.epoch)
            self.store.put(key, entry, found.value)
        return _Result(found.value, changed=False, not_modified=True, superseded=superseded)

    def _keep(self, key: str, lookup: Lookup, sent: _Sent, value: Any, superseded: bool) -> None:
        """Store a 2xx answer unless its headers forbid it or a write happened while it was in flight."""
        response = sent.response
        response_cc = parse_cache_control(response.headers.get_list("cache-control"))
        reason = why_not_storable(
            lookup.method,
            response.status_code,
            response_cc,
            lookup.cache_control,
            response.headers.get_list("vary"),
        )
        if reason is not None:
            self.store.not_stored(reason, key)
            if reason == "no-store":
                self.delete(key)
        elif superseded:
            self.store.not_stored("superseded-by-write", key)
        else:
            entry = entry_from_response(
                response,
                request_time=sent.request_time,
                response_time=sent.response_time,
                epoch=self.marks.epoch,
            )
            self.store.put(key, entry, value)

    # ---- invalidation -----------------------------------------------------------------------------

    def invalidate(self, method: str, url: str, partition: str, *, hard: bool = True) -> None:
        """Mark one entry stale (kept for offline use). Hard: the next read revalidates before answering."""
        key = make_key(method, url, partition)
        self.marks.mark_key(key)
        self.store.raise_invalidated(key, HARD if hard else SOFT)

    def invalidate_prefix(
        self, method: str, target_prefix: str, partition: str, *, hard: bool = False
    ) -> None:
        """Mark every entry under a URL prefix stale in O(1): entries stored before the mark read as stale."""
        self.marks.mark_prefix(make_prefix(method, target_prefix, partition), HARD if hard else SOFT)

    # ---- pinning: downloads for offline use, kept in a tier of their own (tiers.py) -----------------

    def use_pinned(self, store: PinnedTier) -> int:
        """Keep pinned entries in `store`; moves there any that earlier versions kept in the disk cache."""
        return self.store.use_pinned(store)

    def pin(self, method: str, url: str, partition: str) -> bool:
        """Move this entry into the pinned tier. False if it is not cached (fetch it first) or no tier."""
        return self.store.pin(make_key(method, url, partition))

    def unpin(self, method: str, url: str, partition: str) -> None:
        self.tiers.unpin(make_key(method, url, partition))

    def is_pinned(self, method: str, url: str, partition: str) -> bool:
        return self.tiers.is_pinned(make_key(method, url, partition))

    # ---- housekeeping -----------------------------------------------------------------------------

    def stats(self) -> CacheStats:
        return self.store.snapshot()

    def clear(self) -> None:
        """Drop cached answers (pinned downloads stay: the Downloads screen removes those)."""
        self.store.clear()

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
