"""Where a learner's write runs: concurrently on PostgreSQL; on SQLite on the loop, or grouped on a thread.

PostgreSQL takes row locks, so writes of different learners need not wait for each other: they run on a
thread pool as large as the write engine's pool (one connection per thread, never a queue for a
connection). The rules that need an order (op_id once, monotonic completion, latest timestamp wins) hold
through row locks and `ON CONFLICT` in the queries themselves (`queries/learner.py`); a deadlock or
serialization failure the database reports is retried a few times.

SQLite has one writer at a time whatever we do. A server's write runs on its event loop's own connection,
one short transaction each, as long as that connection gets the lock at once (`loop_writer.py` says why).
Otherwise one thread takes every write waiting in its queue, runs each in its own SAVEPOINT inside one
`BEGIN IMMEDIATE` transaction and commits once (group commit): a write that fails rolls back its savepoint
alone, and the others commit. Each caller's answer is delivered only after the commit, so nothing is
acknowledged before it is durable.

Either way a write runs in a copy of its caller's context (`contextvars`), so what the request keeps there
(its SQL time for `Server-Timing`, `sqltime.py`) includes the write's statements.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from lms_desktop.server.db import driver_sql, limits

if TYPE_CHECKING:
    from lms_desktop.server.db.engine import Database

log = logging.getLogger("lms.server.db")

MAX_BATCH = 64  # writes in one SQLite transaction: bounds how long one commit keeps the lock
RETRIES = 3  # deadlock / serialization failure retries on PostgreSQL
RETRY_SQLSTATES = frozenset({"40001", "40P01"})
# SQLite: the group writer tries for a lock another connection holds after 1 ms, then every 2 and 4 ms
LOCK_POLL_S = 0.001
LOCK_POLL_MAX_S = 0.004
# The engine's sessions plan every statement afresh (custom plans keep searches fast). A write's statements
# are short and the same every time: planning one (a progress write's CTE: joins, four tables' foreign
# keys) costs more than running it, so the writer's own connections let PostgreSQL reuse a generic plan
# of a prepared statement (psycopg prepares one after five runs).
WRITE_PLANS = "auto"


@dataclass(slots=True)
class WriteStats:
    """Counters /metrics shows; updated from writer threads, read from the loop (ints: atomic enough)."""

    writes: int = 0
    failed: int = 0
    transactions: int = 0
    retries: int = 0
    # SQLite: writes the loop sent to the group writer (the lock held elsewhere, or a statement ran long)
    handed_over: int = 0
    last_error: str | None = None
    last_failed_at: float = 0.0
    last_ok_at: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, ok: int, failed: int, error: BaseException | None) -> None:
        with self.lock:
            self.transactions += 1
            self.writes += ok
            self.failed += failed
            now = time.monotonic()
            if error is None:
                self.last_ok_at = now
            else:
                self.last_failed_at = now
                self.last_error = _one_line(error)

    @property
    def failing(self) -> bool:
        """The last storage-level write attempt failed (a read-only file, a full disk, no database)."""
        return self.last_failed_at > self.last_ok_at


def _one_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]


def _storage_error(exc: BaseException) -> bool:
    """An error of the database itself, as opposed to a rule the write broke (not enrolled, not found)."""
    return isinstance(exc, DBAPIError)


class Writer(Protocol):
    stats: WriteStats

    async def run[T](self, fn: Callable[[Connection], T]) -> T: ...

    async def run_alone[T](self, fn: Callable[[Connection], T]) -> T:
        """`fn(conn)`, whose statements are each their own transaction unless it groups them with
        `driver_sql.atomic` (on SQLite, as `run`: every write is in the group's transaction)."""
        ...

    def close(self) -> None: ...


class PoolWriter:
    """PostgreSQL: one thread per pooled write connection, each write its own transaction.

    Each thread keeps its connection between writes (no pool checkout and no pre-ping round trip per
    write); one that breaks is replaced and the write retried once, as the pool's pre-ping would."""

    def __init__(self, db: Database, threads: int) -> None:
        self.db = db
        self.stats = WriteStats()
        self._local = threading.local()
        self._held: list[Connection] = []
        self._held_lock = threading.Lock()
        self._jobs: queue.SimpleQueue[_LoopJob | None] = queue.SimpleQueue()
        self._threads = [
            threading.Thread(target=self._work, name=f"lms-write-{i}", daemon=True) for i in range(threads)
        ]
        for thread in self._threads:
            thread.start()

    def _connection(self, fresh: bool = False) -> Connection:
        conn: Connection | None = getattr(self._local, "conn", None)
        if conn is not None and (fresh or conn.closed or conn.invalidated):
            self._drop(conn)
            conn = None
        if conn is None:
            conn = self.db.write_engine.connect()
            conn.exec_driver_sql(f"SET plan_cache_mode = {WRITE_PLANS}")
            conn.commit()
            self._local.conn = conn
            with self._held_lock:
                self._held.append(conn)
        return conn

    def _drop(self, conn: Connection) -> None:
        with self._held_lock:
            if conn in self._held:
                self._held.remove(conn)
        _release(conn)
        self._local.conn = None

    def _once[T](self, fn: Callable[[Connection], T], alone: bool) -> T:
        conn = self._connection()
        try:
            return _in_transaction(conn, fn) if not alone else _in_autocommit(conn, fn)
        except DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
        conn = self._connection(fresh=True)
        return _in_transaction(conn, fn) if not alone else _in_autocommit(conn, fn)

    def _apply[T](self, fn: Callable[[Connection], T], alone: bool = False) -> T:
        for attempt in range(RETRIES + 1):
            try:
                result = self._once(fn, alone)
            except DBAPIError as exc:
                code = getattr(exc.orig, "sqlstate", None)
                if code in RETRY_SQLSTATES and attempt < RETRIES:
                    with self.stats.lock:
                        self.stats.retries += 1
                    continue
                self.stats.note(0, 1, exc)
                raise
            except Exception:
                self.stats.note(0, 1, None)
                raise
            self.stats.note(1, 0, None)
            return result
        raise AssertionError("unreachable")

    async def run[T](self, fn: Callable[[Connection], T]) -> T:
        return await self._submit(fn, False)

    async def run_alone[T](self, fn: Callable[[Connection], T]) -> T:
        return await self._submit(fn, True)

    def _submit(self, fn: Callable[[Connection], Any], alone: bool) -> asyncio.Future[Any]:
        """The job to a waiting thread, its answer straight into the loop's future: one wake-up each
        way, without an executor's future, lock and callback chain per write."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._jobs.put(_LoopJob(fn, alone, loop, future, contextvars.copy_context()))
        return future

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            if job.future.cancelled():  # its caller has gone before it ran: never applied
                continue
            try:
                result = job.ctx.run(self._apply, job.fn, job.alone)
            except BaseException as exc:
                job.answer(None, exc)
            else:
                job.answer(result, None)

    def close(self) -> None:
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join(timeout=30)
        with self._held_lock:
            held, self._held = self._held, []
        for conn in held:
            _release(conn)


def _release(conn: Connection) -> None:
    """Back to the pool as the pool gave it (the session's plan setting), or closed when broken."""
    with contextlib.suppress(Exception):  # a broken connection may fail to reset or close; dropped either way
        if not (conn.closed or conn.invalidated):
            conn.rollback()
            conn.exec_driver_sql("RESET plan_cache_mode")
            conn.commit()
    with contextlib.suppress(Exception):
        conn.close()


def _in_transaction[T](conn: Connection, fn: Callable[[Connection], T]) -> T:
    with conn.begin():
        return fn(conn)


def _in_autocommit[T](conn: Connection, fn: Callable[[Connection], T]) -> T:
    """`fn(conn)` with the driver in autocommit: a write of one statement costs one round trip, where
    BEGIN and COMMIT would add two. Anything SQLAlchemy began meanwhile is closed (a no-op for the driver)."""
    dbapi_conn: Any = conn.connection.driver_connection
    dbapi_conn.autocommit = True
    conn.info[driver_sql.DRIVER_AUTOCOMMIT] = True
    try:
        return fn(conn)
    finally:
        conn.info.pop(driver_sql.DRIVER_AUTOCOMMIT, None)
        if not (conn.closed or conn.invalidated):
            if conn.in_transaction():
                conn.rollback()
            dbapi_conn.autocommit = False


@dataclass(slots=True)
class _LoopJob:
    fn: Callable[[Connection], Any]
    alone: bool
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[Any]
    ctx: contextvars.Context

    def answer(self, result: Any, error: BaseException | None) -> None:
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is waiting
            self.loop.call_soon_threadsafe(_settle_loop_future, self.future, result, error)


def _settle_loop_future(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.cancelled():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


class GroupWriter:
    """SQLite: one thread commits every write waiting in its queue in one transaction."""

    def __init__(self, db: Database, max_batch: int = MAX_BATCH) -> None:
        self.db = db
        self.stats = WriteStats()
        self.max_batch = max_batch
        self.batch_sizes: list[int] = []  # the last few batch sizes (tests, metrics)
        self.pending = 0  # writes submitted and not yet answered (read and written on the loop's thread)
        self._queue: queue.SimpleQueue[_LoopJob | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name="lms-group-write", daemon=True)
        self._thread.start()

    async def run[T](self, fn: Callable[[Connection], T]) -> T:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._queue.put(_LoopJob(fn, False, loop, future, contextvars.copy_context()))
        self.pending += 1
        try:
            return await future
        finally:
            self.pending -= 1

    async def run_alone[T](self, fn: Callable[[Connection], T]) -> T:
        return await self.run(fn)

    def _loop(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            stop = False
            while len(batch) < self.max_batch:
                try:
                    job = self._queue.get_nowait()
                except queue.Empty:
                    break
                if job is None:
                    stop = True
                    break
                batch.append(job)
            self._commit(batch)
            if stop:
                return

    def _commit(self, batch: list[_LoopJob]) -> None:
        done: list[tuple[_LoopJob, Any]] = []
        refused: list[tuple[_LoopJob, BaseException]] = []
        try:
            with self._transaction() as conn:
                for job in batch:
                    if job.future.cancelled():  # its caller has gone before it ran: never applied
                        continue
                    try:
                        with conn.begin_nested():
                            done.append((job, job.ctx.run(job.fn, conn)))
                    except Exception as exc:
                        if _storage_error(exc) and len(batch) == 1:
                            raise
                        refused.append((job, exc))
        except Exception as exc:  # BEGIN or COMMIT failed: nothing of this batch is stored
            self.stats.note(0, len(batch), exc)
            _answer_all([(job, None, exc) for job in batch])
            return
        storage_failures = [e for _, e in refused if _storage_error(e)]
        self.stats.note(len(done), len(refused), storage_failures[0] if storage_failures else None)
        self.batch_sizes = [*self.batch_sizes[-99:], len(batch)]
        _answer_all([(job, result, None) for job, result in done] + [(job, None, e) for job, e in refused])

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Connection]:
        """`db.write()`, with BEGIN IMMEDIATE tried every few milliseconds up to the connection's lock
        timeout. SQLite's own busy handler sleeps up to 100 ms between tries; while other processes' event
        loops take the lock the moment it is free (`loop_writer.py`), a writer that sleeps that long misses
        the short gaps they leave (with three instances on one file: write p99 343-438 ms, 156-231 ms
        polling)."""
        with self.db.write_engine.connect() as conn:
            driver: Any = conn.connection.driver_connection
            (busy_ms,) = driver.execute("PRAGMA busy_timeout").fetchone()
            driver.execute("PRAGMA busy_timeout=0")
            try:
                deadline = time.monotonic() + int(busy_ms) / 1000.0
                pause = LOCK_POLL_S
                while True:
                    try:
                        transaction = conn.begin()
                        break
                    except DBAPIError as exc:
                        if limits.timeout_kind(exc) != limits.LOCK or time.monotonic() >= deadline:
                            raise
                    time.sleep(pause)
                    pause = min(pause * 2, LOCK_POLL_MAX_S)
                with transaction:
                    yield conn
            finally:
                if not conn.invalidated:
                    driver.execute(f"PRAGMA busy_timeout={int(busy_ms)}")

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=30)


def _answer_all(answers: list[tuple[_LoopJob, Any, BaseException | None]]) -> None:
    """A batch's answers, one wake-up per event loop (not one per write)."""
    by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future[Any], Any, BaseException | None]]] = {}
    for job, result, error in answers:
        by_loop.setdefault(job.loop, []).append((job.future, result, error))
    for loop, settled in by_loop.items():
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is waiting
            loop.call_soon_threadsafe(_settle_loop_futures, settled)


def _settle_loop_futures(settled: list[tuple[asyncio.Future[Any], Any, BaseException | None]]) -> None:
    for future, result, error in settled:
        _settle_loop_future(future, result, error)


def writer_for(db: Database) -> Writer:
    """The writer this database's engine calls for (see the module docstring)."""
    if db.dialect == "postgresql":
        return PoolWriter(db, threads=db.write_pool_size)
    from lms_desktop.server.db.loop_writer import LoopWriter  # it builds on GroupWriter, defined here

    return LoopWriter(db, db.write_engine.url.database or "", GroupWriter(db))
