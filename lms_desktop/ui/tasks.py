"""The one way widgets run background work: client coroutines on the qasync loop, CPU work in a small pool.

Why one helper (Picard's `thread.py`, Anki's `operations`): every screen needs the same three guarantees, and
getting them right once is cheaper than in every widget.

1. Results arrive on the UI thread. qasync runs asyncio inside Qt's event loop, so a task's completion is
   handled by the UI thread; decode work goes through `run_in_executor`, whose future is resolved back on the
   loop (`call_soon_threadsafe`). The `finished`/`failed` signals and the callbacks therefore always run on
   the UI thread and may touch widgets.
2. A widget that goes away takes its work with it: tasks are registered per owner and cancelled when the
   owner is destroyed (or calls `cancel_owner`, e.g. from `closeEvent`); a result for a dead owner is dropped,
   never delivered to a deleted C++ object.
3. Latest wins per key: starting work under a key that already runs cancels the older task, and a result that
   was superseded is dropped even if it had already completed. A stale search never paints over a newer one.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

type Done[T] = Callable[[T], None]
type Failed = Callable[[BaseException], None]


class TaskRunner(QObject):
    """Runs coroutines for owners; see the module docstring for the guarantees."""

    #: (owner key, result) for work without a `done` callback; and every failure without an `error` callback.
    finished = Signal(str, object)
    failed = Signal(str, object)
    #: number of running tasks changed (the status bar can show a busy hint)
    busy_changed = Signal(int)

    def __init__(self, parent: QObject | None = None, *, decode_threads: int = 2) -> None:
        super().__init__(parent)
        self._by_owner: dict[int, set[asyncio.Task[Any]]] = {}
        self._keyed: dict[tuple[int, str], asyncio.Task[Any]] = {}
        self._watched: set[int] = set()
        self._pool = ThreadPoolExecutor(max_workers=decode_threads, thread_name_prefix="lms-decode")
        self._closed = False

    # ---- running -------------------------------------------------------------------------------

    def run[T](
        self,
        coro: Coroutine[Any, Any, T],
        *,
        owner: QObject,
        key: str | None = None,
        done: Done[T] | None = None,
        error: Failed | None = None,
    ) -> asyncio.Task[T]:
        """Start `coro` for `owner`. With `key`, an older task of the same owner and key is cancelled."""
        if self._closed:
            coro.close()
            raise RuntimeError("TaskRunner is shut down")
        loop = _loop()
        task: asyncio.Task[T] = loop.create_task(coro)
        owner_id = id(owner)
        self._watch(owner)
        self._by_owner.setdefault(owner_id, set()).add(task)
        if key is not None:
            previous = self._keyed.get((owner_id, key))
            if previous is not None and not previous.done():
                previous.cancel()
            self._keyed[(owner_id, key)] = task
        task.add_done_callback(functools.partial(self._on_done, owner, owner_id, key, done, error))
        self.busy_changed.emit(self.active_count())
        return task

    def in_thread[T](self, fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        """Run CPU-bound `fn(*args)` (image decoding) in the pool; await the result on the loop."""
        return _loop().run_in_executor(self._pool, fn, *args)

    # ---- cancelling ----------------------------------------------------------------------------

    def cancel_owner(self, owner: QObject) -> None:
        self._cancel_id(id(owner))

    def cancel_key(self, owner: QObject, key: str) -> None:
        task = self._keyed.pop((id(owner), key), None)
        if task is not None:
            task.cancel()

    def is_running(self, owner: QObject, key: str) -> bool:
        task = self._keyed.get((id(owner), key))
        return task is not None and not task.done()

    @property
    def closed(self) -> bool:
        """True once shut down: late timers of a closing window must not start work."""
        return self._closed

    def active_count(self) -> int:
        return sum(1 for tasks in self._by_owner.values() for t in tasks if not t.done())

    async def shutdown(self) -> None:
        """Cancel everything, wait for the tasks to unwind and stop the decode threads."""
        self._closed = True
        tasks = [t for tasks in self._by_owner.values() for t in tasks]
        for t in tasks:
            t.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        self._by_owner.clear()
        self._keyed.clear()
        self._pool.shutdown(wait=True, cancel_futures=True)

    # ---- internals -----------------------------------------------------------------------------

    def _watch(self, owner: QObject) -> None:
        owner_id = id(owner)
        if owner_id in self._watched:
            return
        self._watched.add(owner_id)
        # destroyed is emitted on the owner's (UI) thread; the partial only carries the id, not the object.
        owner.destroyed.connect(functools.partial(self._on_owner_destroyed, owner_id))

    def _on_owner_destroyed(self, owner_id: int, *_: object) -> None:
        self._watched.discard(owner_id)
        self._cancel_id(owner_id)

    def _cancel_id(self, owner_id: int) -> None:
        for task in self._by_owner.pop(owner_id, set()):
            task.cancel()
        for k in [k for k in self._keyed if k[0] == owner_id]:
            del self._keyed[k]

    def _on_done(
        self,
        owner: QObject,
        owner_id: int,
        key: str | None,
        done: Done[Any] | None,
        error: Failed | None,
        task: asyncio.Task[Any],
    ) -> None:
        tasks = self._by_owner.get(owner_id)
        if tasks is not None:
            tasks.discard(task)
            if not tasks:
                del self._by_owner[owner_id]
        self.busy_changed.emit(self.active_count())
        if key is not None:
            if self._keyed.get((owner_id, key)) is not task:
                return  # superseded: a newer task under this key owns the result
            del self._keyed[(owner_id, key)]
        if task.cancelled() or not shiboken6.isValid(owner):
            return
        exc = task.exception()
        label = key or type(owner).__name__
        if exc is not None:
            if error is not None:
                error(exc)
            else:
                log.warning("background task %s failed: %r", label, exc)
                self.failed.emit(label, exc)
            return
        if done is not None:
            done(task.result())
        else:
            self.finished.emit(label, task.result())


def _loop() -> asyncio.AbstractEventLoop:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.get_event_loop_policy().get_event_loop()
