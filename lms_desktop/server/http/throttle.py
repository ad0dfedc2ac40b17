"""Sign-in throttling: a sliding window of failures per account and per client address.

Per process on purpose: with N workers an attacker gets at most N times the allowance, which still turns a
password guess into minutes per handful, and the throttle never depends on Redis being up.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque

ACCOUNT = "account:"
ADDRESS = "address:"


class LoginThrottle:
    """`check` before verifying a password (argon2 is deliberately slow, so refuse early)."""

    def __init__(
        self,
        allowed: int = 5,
        window_seconds: float = 60.0,
        *,
        allowed_per_address: int | None = None,
        max_keys: int = 100_000,
    ) -> None:
        self.allowed = allowed
        self.allowed_per_address = allowed_per_address or allowed
        self.window = window_seconds
        self.max_keys = max_keys
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float] | None:
        q = self._failures.get(key)
        if q is None:
            return None
        while q and q[0] <= now - self.window:
            q.popleft()
        if not q:
            del self._failures[key]
            return None
        return q

    def retry_after(self, *keys: str) -> int | None:
        """Seconds to wait if any key is over its allowance, else None."""
        now = time.monotonic()
        worst: float | None = None
        with self._lock:
            for key in keys:
                q = self._recent(key, now)
                limit = self.allowed_per_address if key.startswith(ADDRESS) else self.allowed
                if q is not None and len(q) >= limit:
                    wait = q[0] + self.window - now
                    worst = wait if worst is None else max(worst, wait)
        return None if worst is None else max(1, math.ceil(worst))

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            if len(self._failures) > self.max_keys:
                self._failures.clear()  # memory bound under a spray of fake names
            for key in keys:
                self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, account_key: str) -> None:
        with self._lock:
            self._failures.pop(account_key, None)
