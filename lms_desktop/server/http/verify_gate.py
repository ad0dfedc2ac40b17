"""At most a few password verifications at a time per process, on threads of their own.

argon2 is slow and memory-hungry on purpose. Hundreds of concurrent sign-ins queued on the slow-work
thread would hold every search and write behind them for seconds. So verifications run on their own
small pool (argon2 releases the GIL while it hashes), and a process accepts at most `limit` of them at
once: the excess is refused at once with 503 and Retry-After, before its attempt is counted, instead of
queueing. The throttle (`throttle.py`) decides who may try; this decides how many at a time.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

DEFAULT_LIMIT = 4
THREADS = 2
RETRY_AFTER_SECONDS = 1


class VerifyGate:
    """Use `try_enter` / `leave` from the event loop only."""

    def __init__(self, limit: int = DEFAULT_LIMIT, threads: int = THREADS) -> None:
        self.limit = limit
        self.in_flight = 0
        self.refused = 0
        self._executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="lms-verify")

    def try_enter(self) -> bool:
        if self.in_flight >= self.limit:
            self.refused += 1
            return False
        self.in_flight += 1
        return True

    def leave(self) -> None:
        self.in_flight -= 1

    async def run[T](self, fn: Callable[..., T], /, *args: Any) -> T:
        loop = asyncio.get_running_loop()
        call = functools.partial(contextvars.copy_context().run, fn, *args)
        return await loop.run_in_executor(self._executor, call)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
