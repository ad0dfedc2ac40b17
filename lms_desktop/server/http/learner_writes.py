"""The answer every learner write gives (enroll, unenroll, progress, rating, quiz attempt), in one place.

A write's answer is about one user's action, so no cache stores it; the user's cached reads (dashboard,
content with completion, attempts) are dropped on this worker and, through Redis, on every other one.
"""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Response
from litestar.exceptions import NotFoundException

from lms_desktop.server.http import conditional as cond
from lms_desktop.server.http.errors import AUTH_ERRORS, NOT_FOUND, TOO_LARGE, UNAVAILABLE
from lms_desktop.server.http.state import ServerState

WRITE_ERRORS = {**AUTH_ERRORS, **NOT_FOUND, **UNAVAILABLE, **TOO_LARGE}

_encode = msgspec.json.Encoder().encode


async def written(st: ServerState, user_id: int, result: object, missing: str) -> Response[Any]:
    """404 with `missing` when the write found no target (`result` None), else `result` as JSON."""
    if result is None:
        raise NotFoundException(missing)
    await st.cache.announce(f"u{user_id}")
    return cond.raw_json(_encode(result), headers={"Cache-Control": cond.NO_STORE})
