"""The time the current request has spent in SQL, for its `Server-Timing` header.

A request's latency minus its own SQL time is what the server adds on top of the database, measured on the
same request: no second sample whose database time drifted. Every statement adds its duration here: those
through the engine (its cursor events, which `driver_sql.rows` fires too) and the one-row lookups on their
own connection. The tally lives in a ContextVar, so a read on the slow-work thread (run in a copy of the
request's context) adds to the request's own tally; outside a request nothing is kept.
"""

from __future__ import annotations

from contextvars import ContextVar, Token

_tally: ContextVar[list[int] | None] = ContextVar("lms_sql_ns", default=None)


def start() -> tuple[list[int], Token[list[int] | None]]:
    """A fresh tally for the request about to run: [ns in SQL, statements]."""
    tally = [0, 0]
    return tally, _tally.set(tally)


def stop(token: Token[list[int] | None]) -> None:
    _tally.reset(token)


def add(ns: int) -> None:
    tally = _tally.get()
    if tally is not None:
        tally[0] += ns
        tally[1] += 1
