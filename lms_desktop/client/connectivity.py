"""Online/offline state: a failed request flips to offline at once; a health probe with backoff flips back.

The UI subscribes to changes (status bar, offline banner); the cache asks `online` to decide between
serving stale entries at once and trying the network.

`/health` is probed only when it tells something new: after a request failed (with backoff, until the server
answers again) and, with `watch(idle_s)`, when nothing has been heard from the server for `idle_s` (so an
idle app still notices a server that went away). While requests are answered, no probe is sent: a learner
using the app costs the server no health checks at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


class Connectivity:
    def __init__(
        self,
        probe: Callable[[], Awaitable[bool]],
        *,
        initial_delay_s: float = 0.5,
        max_delay_s: float = 10.0,
    ) -> None:
        self._probe = probe
        self.initial_delay_s = initial_delay_s
        self.max_delay_s = max_delay_s
        self._online = True
        self.reached = False  # any answer from the server in this session
        self._callbacks: list[Callable[[bool], None]] = []
        self._probe_task: asyncio.Task[None] | None = None
        self._watch_task: asyncio.Task[None] | None = None
        self._closed = False
        self.last_answer = time.monotonic()  # when the server last answered anything

    @property
    def online(self) -> bool:
        return self._online

    def subscribe(self, callback: Callable[[bool], None]) -> Callable[[], None]:
        """Call `callback(online)` on every change; returns a function that unsubscribes."""
        self._callbacks.append(callback)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._callbacks.remove(callback)

        return unsubscribe

    def _set(self, online: bool) -> None:
        if online == self._online:
            return
        self._online = online
        log.info("server is %s", "reachable again" if online else "unreachable: offline mode")
        for callback in list(self._callbacks):
            try:
                callback(online)
            except Exception:  # a UI callback must not break the data layer
                log.exception("online-state callback failed")

    def report(self, ok: bool) -> None:
        """Outcome of any request: an answer (any status) means online, no answer means offline."""
        if ok:
            self.reached = True
            self.last_answer = time.monotonic()
            self._set(True)
            if self._probe_task is not None and self._probe_task is not asyncio.current_task():
                self._probe_task.cancel()
            self._probe_task = None
        else:
            self._set(False)
            self._ensure_probe()

    def _ensure_probe(self) -> None:
        if self._closed or (self._probe_task is not None and not self._probe_task.done()):
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._probe_task = loop.create_task(self._probe_loop(), name="lms-connectivity-probe")

    async def _probe_loop(self) -> None:
        delay = self.initial_delay_s
        while not self._online and not self._closed:
            await asyncio.sleep(delay)
            try:
                ok = await self._probe()
            except Exception:
                ok = False
            if ok:
                self._set(True)
                return
            delay = min(delay * 2, self.max_delay_s)

    def watch(self, idle_s: float) -> None:
        """Probe the server after `idle_s` seconds without any answer from it (needs a running loop).

        Any answered request restarts the wait, so while the app is in use no probe is sent; offline, the
        backoff probe started by the failure is in charge instead."""
        if self._closed or (self._watch_task is not None and not self._watch_task.done()):
            return
        self._watch_task = asyncio.get_running_loop().create_task(
            self._watch_loop(idle_s), name="lms-connectivity-watch"
        )

    async def _watch_loop(self, idle_s: float) -> None:
        while not self._closed:
            quiet = time.monotonic() - self.last_answer
            if quiet < idle_s:
                await asyncio.sleep(idle_s - quiet)
                continue
            if not self._online:
                await asyncio.sleep(idle_s)  # the backoff probe watches for the server's return
                continue
            try:
                ok = await self._probe()
            except Exception:
                ok = False
            self.report(ok)
            if not ok:
                await asyncio.sleep(idle_s)

    async def check_now(self) -> bool:
        """Probe once immediately (e.g. the learner pressed "Retry")."""
        try:
            ok = await self._probe()
        except Exception:
            ok = False
        self.report(ok)
        return ok

    async def aclose(self) -> None:
        self._closed = True
        for task in (self._probe_task, self._watch_task):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._probe_task = self._watch_task = None
