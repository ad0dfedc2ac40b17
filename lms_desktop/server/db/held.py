"""The event loop's own read connection, held for the life of the process.

Reads run inline on the loop thread for most requests (see `ServerState.read`). A pool checkout per request
(and on PostgreSQL the round trip of `pool_pre_ping`) often cost more than the query. One thread never
needs two connections at once, so the loop keeps one. Reads are autocommit on both engines (see
`engine.py`): a held connection pins no snapshot and sees every commit.

A connection that breaks (PostgreSQL restarted, a network cut) is dropped and the read retried once on a
pooled connection, whose pre-ping replaces dead ones; any other error goes to the caller as before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from lms_desktop.server.db.engine import Database

log = logging.getLogger("lms.server.db")


class HeldConnection:
    """Use from one thread only (the server's event loop)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._conn: Connection | None = None

    def run[T](self, fn: Callable[[Connection], T]) -> T:
        conn = self._conn
        if conn is None or conn.closed or conn.invalidated:
            self.close()
            conn = self._conn = self.db.read_engine.connect()
        try:
            return fn(conn)
        except DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
            log.warning("the held read connection broke; reconnecting through the pool")
            self.close()
        with self.db.read() as fresh:
            return fn(fresh)

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # a broken connection may fail to close; it is dropped either way
                pass
            finally:
                self._conn = None
