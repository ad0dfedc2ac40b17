"""Two priorities for requests: the learner's (foreground) and cache warming (background).

Background work waits while any foreground request is in flight, so warming never slows the first screen
or a click; it fills the gaps between them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager


class PriorityGate:
    def __init__(self) -> None:
        self._foreground = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @contextmanager
    def foreground(self) -> Iterator[None]:
        self._foreground += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._foreground -= 1
            if self._foreground == 0:
                self._idle.set()

    async def background_turn(self) -> None:
        """Return when no foreground request is in flight (checked again after yielding once)."""
        while True:
            await self._idle.wait()
            await asyncio.sleep(0)  # let a foreground request that is about to start go first
            if self._foreground == 0:
                return
