"""Server-side hot cache of encoded response bodies: in-process LRU, plus an optional shared Redis tier.

Keys carry the data's version numbers (catalog version, user version, ...), which the database bumps in the
same transaction as every write. So an entry can never be served after the data changed: a new version is a
new key, and old keys simply age out (LRU locally, TTL in Redis). Nothing is ever found by pattern (`KEYS`
blocks Redis for as long as it walks every key). Pub/sub only tells other workers to drop entries they can
no longer hit, which keeps their memory for live data; correctness never depends on a message arriving.

Redis is an accelerator, never a dependency: any Redis error marks the tier down (logged once), requests go
on to the database, and the tier is retried after a pause.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lms_desktop.lru import ByteLRU
from lms_desktop.server.extras import require

if TYPE_CHECKING:
    from lms_desktop.server.metrics import MetricsRegistry

log = logging.getLogger("lms.server.hotcache")

CHANNEL_PREFIX = "lms:hot:invalidate"
KEY_PREFIX = "lms:hot:v1"
REDIS_RETRY_SECONDS = 5.0
REDIS_TIMEOUT_SECONDS = 0.25
PUBLIC = "public"


@dataclass(frozen=True, slots=True)
class CacheKey:
    """route: the route template; scope: "public" or "u<user id>"; version: the versions the body depends
    on; params: the normalised query parameters. Equal keys always mean an identical body."""

    route: str
    scope: str
    version: str
    params: str = ""

    def redis_key(self, namespace: str) -> str:
        digest = hashlib.blake2b(self.params.encode(), digest_size=12).hexdigest()
        return f"{KEY_PREFIX}:{namespace}:{self.route}:{self.scope}:{self.version}:{digest}"


class LocalLRU:
    """The in-process tier: encoded bodies in a byte-bounded LRU (`lms_desktop.lru`); thread-safe because
    the slow-work thread fills it too. A body over an eighth of the tier is not kept (one huge body must
    not flush the whole cache, and max_bytes 0 turns caching off).

    Every learner write drops that learner's entries, so the keys are indexed by scope: a drop costs the
    scope's few keys, not a walk over the whole tier. The index may still name keys the LRU evicted (a
    delete of those is a no-op); it is rebuilt from the LRU once it holds twice as many keys."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._lru: ByteLRU[CacheKey, bytes] = ByteLRU(max_bytes, max_bytes // 8)
        self._lock = threading.Lock()
        self._by_scope: dict[str, set[CacheKey]] = {}
        self._indexed = 0

    def get(self, key: CacheKey) -> bytes | None:
        with self._lock:
            return self._lru.get(key)

    def put(self, key: CacheKey, body: bytes) -> None:
        with self._lock:
            if not self._lru.put(key, body, len(body)):
                return
            keys = self._by_scope.setdefault(key.scope, set())
            if key not in keys:
                keys.add(key)
                self._indexed += 1
                if self._indexed > 2 * len(self._lru) + 64:
                    self._reindex()

    def _reindex(self) -> None:
        self._by_scope = {}
        for k in self._lru:
            self._by_scope.setdefault(k.scope, set()).add(k)
        self._indexed = len(self._lru)

    def drop_scope(self, scope: str) -> int:
        with self._lock:
            doomed = self._by_scope.pop(scope, ())
            self._indexed -= len(doomed)
            return sum(1 for k in doomed if self._lru.delete(k))

    def count_scope(self, scope: str) -> int:
        with self._lock:
            return sum(1 for k in self._by_scope.get(scope, ()) if k in self._lru)

    def clear(self) -> None:
        with self._lock:
            self._lru.clear()
            self._by_scope = {}
            self._indexed = 0

    @property
    def size_bytes(self) -> int:
        return self._lru.total_bytes

    def __len__(self) -> int:
        return len(self._lru)


class HotCache:
    """The two tiers behind one get/put. Only public bodies go to Redis: per-user answers are cheap
    indexed reads, and a shared store of private data would be a leak waiting to happen."""

    def __init__(
        self,
        max_bytes: int,
        *,
        metrics: MetricsRegistry | None = None,
        redis_url: str | None = None,
        redis_ttl_seconds: int = 600,
        namespace: str = "default",
    ) -> None:
        if redis_url:
            require("redis", "redis", "A shared Redis cache (--redis)")
        self.local = LocalLRU(max_bytes)
        self.metrics = metrics
        self.redis_url = redis_url
        self.redis_ttl_seconds = redis_ttl_seconds
        self.namespace = namespace  # one per database: servers of different databases may share a Redis
        self.redis_hits = 0
        self.retry_seconds = REDIS_RETRY_SECONDS
        self.redis_errors = 0
        self._redis: Any = None
        self._redis_down_until = 0.0
        self._redis_logged_down = False
        self._listener: asyncio.Task[None] | None = None
        self._sender_id = f"{os.getpid()}-{id(self):x}"

    @property
    def channel(self) -> str:
        return f"{CHANNEL_PREFIX}:{self.namespace}"

    # ---- lifecycle (inside the server's event loop) ---------------------------------------------

    async def start(self) -> None:
        if not self.redis_url:
            return
        import redis.asyncio as aioredis
        from redis.asyncio.retry import Retry
        from redis.backoff import NoBackoff

        self._redis = aioredis.Redis.from_url(
            self.redis_url,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            health_check_interval=30,
            # One immediate retry on a fresh connection (a pooled one may be stale after a Redis restart);
            # no backoff: when Redis is down we mark the tier down instead of making requests wait.
            retry=Retry(NoBackoff(), 1),
        )
        self._listener = asyncio.create_task(self._listen(), name="hotcache-pubsub")

    async def stop(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._listener
            self._listener = None
        if self._redis is not None:
            with contextlib.suppress(Exception):
                await self._redis.aclose()
            self._redis = None

    # ---- reads and writes -----------------------------------------------------------------------

    async def get(self, key: CacheKey) -> bytes | None:
        body = self.local.get(key)
        if body is None and key.scope == PUBLIC and self._redis_usable():
            try:
                found = await self._redis.get(key.redis_key(self.namespace))
            except Exception as exc:
                self._redis_failed(exc)
                found = None
            else:
                self._redis_ok()
            if found is not None:
                body = bytes(found)
                self.redis_hits += 1
                self.local.put(key, body)
        if self.metrics is not None:
            self.metrics.cache_event(body is not None)
        return body

    async def put(self, key: CacheKey, body: bytes) -> None:
        self.local.put(key, body)
        if key.scope == PUBLIC and self._redis_usable():
            try:
                await self._redis.set(key.redis_key(self.namespace), body, ex=self.redis_ttl_seconds)
            except Exception as exc:
                self._redis_failed(exc)
            else:
                self._redis_ok()

    async def announce(self, scope: str) -> None:
        """After a write: drop this worker's entries for `scope` and tell the other workers to do so."""
        self.local.drop_scope(scope)
        if self._redis_usable():
            try:
                await self._redis.publish(self.channel, f"{self._sender_id} {scope}")
            except Exception as exc:
                self._redis_failed(exc)
            else:
                self._redis_ok()

    async def redis_ping(self) -> bool | None:
        """None when no Redis is configured; else whether it answers now (for /health)."""
        if self._redis is None:
            return None
        try:
            await self._redis.ping()
        except Exception as exc:
            self._redis_failed(exc)
            return False
        self._redis_ok()
        return True

    # ---- Redis health ---------------------------------------------------------------------------

    def _redis_usable(self) -> bool:
        return self._redis is not None and time.monotonic() >= self._redis_down_until

    def _redis_failed(self, exc: BaseException) -> None:
        self.redis_errors += 1
        self._redis_down_until = time.monotonic() + self.retry_seconds
        if not self._redis_logged_down:
            self._redis_logged_down = True
            log.warning(
                "Redis unavailable (%s); serving from the database, retrying every %.0f s",
                type(exc).__name__,
                self.retry_seconds,
            )

    def _redis_ok(self) -> None:
        if self._redis_logged_down:
            self._redis_logged_down = False
            log.warning("Redis is back; shared cache tier in use again")

    async def _listen(self) -> None:
        """Drop local entries other workers announce as stale; reconnect after failures."""
        while True:
            pubsub = None
            try:
                pubsub = self._redis.pubsub(ignore_subscribe_messages=True)
                await pubsub.subscribe(self.channel)
                while True:
                    message = await pubsub.get_message(timeout=1.0)
                    if message is None:
                        continue
                    data = message.get("data")
                    text = data.decode() if isinstance(data, bytes) else str(data)
                    sender, _, scope = text.partition(" ")
                    if sender != self._sender_id and scope:
                        self.local.drop_scope(scope)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self._redis_failed(exc)
                await asyncio.sleep(self.retry_seconds)
            finally:
                if pubsub is not None:
                    with contextlib.suppress(Exception):
                        await pubsub.aclose()
