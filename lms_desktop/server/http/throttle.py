"""Sign-in throttling: sliding windows of attempts per (account, address) and per address, reserved before
the password is verified.

- Reserve, then settle. An attempt is counted *before* argon2 runs, so forty concurrent guesses cannot all
  slip past a check made while none had failed yet; a right password gives its reservation back (and
  clears the account's failures from that address), a wrong one keeps it.
- Per (account, address), not per account: guesses against an account lock out the guesser's address,
  never the learner signing in from another one. Per address as well, with a larger allowance (a
  classroom shares one NAT address), so spraying one password over many accounts is stopped too.
- Bounded memory: counters are kept in an LRU of `max_keys` keys; a spray of fresh names evicts the
  least recently used counters one by one, never all of them.
- Several processes: with `--redis` the windows live in Redis (`throttle_redis.py`), shared by every
  process; if Redis fails, each process falls back to its own windows until it answers again.
"""

from __future__ import annotations

import ipaddress
import itertools
import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Sequence
from dataclasses import dataclass

ACCOUNT_AT = "pair:"  # + account + "|" + address
ADDRESS = "address:"


@dataclass(frozen=True, slots=True)
class Reservation:
    """One attempt counted in `keys` under `stamp`; settle it once the password is verified."""

    keys: tuple[str, ...]
    stamp: str
    pair_key: str


def address_bucket(address: str) -> str:
    """An IPv6 client counts by its /64 (one subscriber's whole allocation, as nginx and fail2ban advise):
    otherwise every guess could come from a fresh address."""
    if ":" not in address:
        return address
    try:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    except ValueError:
        return address


def pair_key(account: str, address: str) -> str:
    return f"{ACCOUNT_AT}{account.strip().lower()}|{address_bucket(address)}"


def address_key(address: str) -> str:
    return ADDRESS + address_bucket(address)


class MemoryWindows:
    """Sliding windows of attempt stamps per key, in a bounded LRU; thread-safe."""

    def __init__(self, window_seconds: float, max_keys: int) -> None:
        self.window = window_seconds
        self.max_keys = max_keys
        self._stamps: OrderedDict[str, deque[tuple[float, str]]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[tuple[float, str]] | None:
        q = self._stamps.get(key)
        if q is None:
            return None
        while q and q[0][0] <= now - self.window:
            q.popleft()
        if not q:
            del self._stamps[key]
            return None
        self._stamps.move_to_end(key)
        return q

    def reserve(self, limits: Sequence[tuple[str, int]], stamp: str) -> int | None:
        """Count an attempt in every key and return None; or, when a key is at its limit, count nothing
        and return the seconds until it has room."""
        now = time.monotonic()
        with self._lock:
            worst = 0.0
            for key, limit in limits:
                q = self._recent(key, now)
                if q is not None and len(q) >= limit:
                    worst = max(worst, q[-limit][0] + self.window - now)
            if worst > 0:
                return max(1, math.ceil(worst))
            for key, _limit in limits:
                q = self._stamps.get(key)
                if q is None:
                    q = self._stamps[key] = deque()
                    while len(self._stamps) > self.max_keys:
                        self._stamps.popitem(last=False)  # the least recently used counter, only it
                q.append((now, stamp))
                self._stamps.move_to_end(key)
        return None

    def release(self, keys: Sequence[str], stamp: str) -> None:
        """Take the attempt `stamp` back out of `keys`."""
        with self._lock:
            for key in keys:
                q = self._stamps.get(key)
                if q is None:
                    continue
                for item in q:
                    if item[1] == stamp:
                        q.remove(item)
                        break
                if not q:
                    del self._stamps[key]

    def clear(self, key: str) -> None:
        with self._lock:
            self._stamps.pop(key, None)

    def __len__(self) -> int:
        return len(self._stamps)


class LoginThrottle:
    """The sign-in throttle of one process: `reserve` before verifying, `settle` after."""

    def __init__(
        self,
        allowed: int = 5,
        window_seconds: float = 60.0,
        *,
        allowed_per_address: int | None = None,
        max_keys: int = 100_000,
        redis_url: str | None = None,
        namespace: str = "local",
    ) -> None:
        self.allowed = allowed  # failures per (account, address) and window
        self.allowed_per_address = allowed_per_address or allowed * 4
        self.window = window_seconds
        self.memory = MemoryWindows(window_seconds, max_keys)
        self.shared = None
        if redis_url:
            from lms_desktop.server.http.throttle_redis import RedisWindows

            self.shared = RedisWindows(redis_url, window_seconds, namespace)
        self._stamps = itertools.count()
        self._prefix = f"{id(self):x}-{time.time_ns():x}-"

    async def reserve(self, account: str, address: str) -> Reservation | int:
        """The attempt's reservation, or the seconds to wait (the caller answers 429)."""
        pair = pair_key(account, address)
        limits = ((pair, self.allowed), (address_key(address), self.allowed_per_address))
        stamp = f"{self._prefix}{next(self._stamps)}"
        reservation = Reservation(tuple(key for key, _ in limits), stamp, pair)
        if self.shared is not None:
            shared_wait = await self.shared.reserve(limits, stamp)
            if shared_wait >= 0:
                return reservation if shared_wait == 0 else shared_wait
        wait = self.memory.reserve(limits, stamp)  # no Redis, or it failed
        return reservation if wait is None else wait

    async def settle(self, reservation: Reservation, succeeded: bool) -> None:
        """A wrong password keeps its reservation (a failure); a right one takes it back and clears the
        account's failures from this address."""
        if not succeeded:
            return
        if self.shared is not None and await self.shared.release(reservation):
            return
        self.memory.release(reservation.keys, reservation.stamp)
        self.memory.clear(reservation.pair_key)

    async def release(self, reservation: Reservation) -> None:
        """The attempt was not made after all (the server was too busy to verify it)."""
        if self.shared is not None and await self.shared.release(reservation, clear_pair=False):
            return
        self.memory.release(reservation.keys, reservation.stamp)

    async def close(self) -> None:
        if self.shared is not None:
            await self.shared.close()
