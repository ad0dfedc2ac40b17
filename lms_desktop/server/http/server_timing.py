"""The optional `Server-Timing` header: how long this answer took in SQL and in the app, in ms.

Off unless `--server-timing` (it tells every client how long the database took). It wraps the whole app,
the revalidation front included, so every answer carries it: `db` is the request's own SQL time (see
`db/sqltime.py`), `app` the time from the request's arrival in the app to its first response message.
The benchmarks read it to separate the server's own cost from its database's on the same request.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from lms_desktop.server.db import sqltime

if TYPE_CHECKING:
    from litestar.types import HTTPScope, Message, Receive, Send


def header(sql_ns: int, statements: int, app_ns: int) -> bytes:
    return f'db;dur={sql_ns / 1e6:.3f};desc="{statements} SQL", app;dur={app_ns / 1e6:.3f}'.encode()


Serve = Callable[["HTTPScope", "Receive", "Send"], Awaitable[None]]


async def timed(serve: Serve, scope: HTTPScope, receive: Receive, send: Send) -> None:
    started = time.perf_counter_ns()
    tally, token = sqltime.start()

    async def send_timed(message: Message) -> None:
        if message["type"] == "http.response.start":
            value = header(tally[0], tally[1], time.perf_counter_ns() - started)
            message = {**message, "headers": [*message.get("headers", ()), (b"server-timing", value)]}
        await send(message)

    try:
        await serve(scope, receive, send_timed)
    finally:
        sqltime.stop(token)
