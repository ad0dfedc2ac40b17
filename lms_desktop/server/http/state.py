"""What one server process holds: settings, the database, caches, metrics, its writer and its one
slow-work thread.

Short indexed reads run inline on the event loop: through the default 40-thread pool they ran many times
slower, from GIL contention. Reads that can take milliseconds (text search, the dashboard) and thumbnails
go to ONE dedicated thread, so the loop never stalls and the GIL is never fought over by dozens of
threads. On PostgreSQL even a short read is a round trip, during which an inline read holds the loop: while
other requests are in flight, short reads go to that thread as well (on a connection of its own with the
loop's limits), so the loop keeps parsing requests and answering writes, 304s and cached bodies; reads
queue there instead (`bench_writes` measures what that does to writes in a 64-learner mix).
Password checks have their own two threads, a few at a time (`verify_gate.py`), so a burst of
sign-ins never queues that thread's work behind argon2. Learner writes go to the writer (`db/writer.py`):
concurrent on PostgreSQL, on the loop's own connection on SQLite (grouped on a thread while its lock is
held elsewhere), never queued behind a search.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lms_desktop.server.config import Settings
from lms_desktop.server.db.held import HeldConnection, TooSlowForTheLoop
from lms_desktop.server.db.lookups import Lookups
from lms_desktop.server.db.writer import Writer
from lms_desktop.server.health import HealthProbe
from lms_desktop.server.hotcache import HotCache
from lms_desktop.server.http.throttle import LoginThrottle
from lms_desktop.server.http.verify_gate import VerifyGate
from lms_desktop.server.metrics import MetricsRegistry

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from lms_desktop.server.db.engine import Database
    from lms_desktop.server.images import Thumbnails


@dataclass(slots=True)
class ServerState:
    settings: Settings
    db: Database
    thumbnails: Thumbnails
    cache: HotCache
    metrics: MetricsRegistry
    throttle: LoginThrottle
    lookups: Lookups
    held: HeldConnection  # the loop's
    slow_held: HeldConnection  # the slow-work thread's (PostgreSQL's short reads under load)
    writer: Writer
    health: HealthProbe
    owns_db: bool = True
    draining: bool = False  # SIGTERM received: readiness fails, answers close their connections
    executor: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=1, thread_name_prefix="lms-slow")
    )
    verify_gate: VerifyGate = field(default_factory=VerifyGate)  # password checks: their own threads, capped

    queued: int = 0  # jobs handed to the slow-work thread and not finished (loop thread only)

    async def slow[T](self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run `fn` on this process's single slow-work thread and await its result."""
        loop = asyncio.get_running_loop()
        ctx = contextvars.copy_context()
        call = functools.partial(ctx.run, fn, *args, **kwargs)
        self.queued += 1
        try:
            return await loop.run_in_executor(self.executor, call)
        finally:
            self.queued -= 1

    async def write[T](self, fn: Callable[[Connection], T]) -> T:
        """`fn(conn)` inside a write transaction, answered once it is committed."""
        return await self.writer.run(fn)

    async def read_now[T](self, fn: Callable[[Connection], T]) -> T:
        """`fn(conn)` at once, for reads that take microseconds in the database: inline on the loop's held
        connection, or on PostgreSQL while other requests are in flight, on the slow-work thread's (see
        above). A read that runs past the loop's statement limit is run again on a pooled connection
        (`held.TooSlowForTheLoop`); one that waits on a lock is a 503 at once (`DatabaseBusy`)."""
        if self.metrics.in_flight > 1 and self.db.dialect != "sqlite":
            return await self.slow(self._read_slow_held, fn)
        try:
            return self.held.run(fn)
        except TooSlowForTheLoop:
            return await self.slow(self._read_pooled, fn)

    def _read_slow_held[T](self, fn: Callable[[Connection], T]) -> T:
        try:
            return self.slow_held.run(fn)
        except TooSlowForTheLoop:
            return self._read_pooled(fn)

    def _read_pooled[T](self, fn: Callable[[Connection], T]) -> T:
        with self.db.read() as conn:
            return fn(conn)

    async def read[T](self, fn: Callable[[Connection], T]) -> T:
        """A read that can take milliseconds (a search, a dashboard): inline when this process serves
        nothing else, else on the slow-work thread.

        The hop to the thread and back costs thread wake-ups (more the longer the work, as an idle CPU
        sleeps deeper), which buys nothing when no other request is waiting; under load the
        thread lets other requests' parsing overlap with the database work. Never for writes: they may
        wait on a lock (they go to `write`)."""
        if self.metrics.in_flight <= 1 and self.queued == 0:
            return await self.read_now(fn)
        return await self.slow(self._read_pooled, fn)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=False)
        self.verify_gate.close()
        self.writer.close()
        self.health.close()
        self.lookups.close()
        self.held.close()
        self.slow_held.close()
        if self.owns_db:
            self.db.close()


def get_state(request_or_app: Any) -> ServerState:
    app = getattr(request_or_app, "app", request_or_app)
    state: ServerState = app.state["lms"]
    return state
