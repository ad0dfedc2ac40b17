"""The sign-in throttle's windows in Redis, shared by every server process on the same database.

One sorted set per key (member: the attempt's stamp, score: Redis's own clock in ms, so processes on
machines with skewed clocks agree), checked and updated by one Lua script, so a reservation is atomic
across processes: forty guesses spread over four workers still get five verifications between them. Keys
expire with their window. A Redis that fails or is slow (a 0.5 s timeout) makes the caller fall back to
its process's own windows, for a few seconds before Redis is asked again.
"""

from __future__ import annotations

import contextlib
import logging
import math
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lms_desktop.server.http.throttle import Reservation

log = logging.getLogger("lms.server.throttle")

TIMEOUT_SECONDS = 0.5
RETRY_SECONDS = 5.0

# KEYS: the windows; ARGV: window ms, stamp, then each key's limit. Returns 0 (counted in every key) or the
# ms until the fullest key has room (nothing counted).
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local worst = 0
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local limit = tonumber(ARGV[2 + i])
  local count = redis.call('ZCARD', key)
  if count >= limit then
    local edge = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    local wait = tonumber(edge[2]) + window - now
    if wait > worst then worst = wait end
  end
end
if worst > 0 then return worst end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[2])
  redis.call('PEXPIRE', key, window)
end
return 0
"""


class RedisWindows:
    def __init__(self, url: str, window_seconds: float, namespace: str) -> None:
        import redis.asyncio as aioredis

        self.window_ms = int(window_seconds * 1000)
        self.prefix = f"lms:{namespace}:throttle:"
        self._redis: Any = aioredis.Redis.from_url(
            url, socket_timeout=TIMEOUT_SECONDS, socket_connect_timeout=TIMEOUT_SECONDS
        )
        self._script: Any = self._redis.register_script(_RESERVE)
        self._down_until = 0.0

    def _failed(self, exc: BaseException) -> None:
        if time.monotonic() >= self._down_until:
            log.warning("sign-in throttle: Redis failed (%s); counting in this process", type(exc).__name__)
        self._down_until = time.monotonic() + RETRY_SECONDS

    async def reserve(self, limits: Sequence[tuple[str, int]], stamp: str) -> int:
        """0: counted; > 0: seconds to wait; -1: Redis failed (the caller counts locally)."""
        if time.monotonic() < self._down_until:
            return -1
        keys = [self.prefix + key for key, _ in limits]
        try:
            wait_ms = int(
                await self._script(keys=keys, args=[self.window_ms, stamp, *(n for _, n in limits)])
            )
        except Exception as exc:  # any Redis failure: the process's own windows answer
            self._failed(exc)
            return -1
        return 0 if wait_ms <= 0 else max(1, math.ceil(wait_ms / 1000))

    async def release(self, reservation: Reservation, *, clear_pair: bool = True) -> bool:
        """Take the attempt back (and clear the pair's failures); False when Redis failed."""
        if time.monotonic() < self._down_until:
            return False
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                for key in reservation.keys:
                    pipe.zrem(self.prefix + key, reservation.stamp)
                if clear_pair:
                    pipe.delete(self.prefix + reservation.pair_key)
                await pipe.execute()
        except Exception as exc:  # the failure stays counted until its window ends: safe side
            self._failed(exc)
            return False
        return True

    async def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a broken client may raise; it is dropped either way
            await self._redis.aclose()
