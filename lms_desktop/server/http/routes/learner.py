"""The learner's own data: enrollment, progress, rating, dashboard. The user always comes from the token.

Writes run on the writer (`db/writer.py`) in one storage transaction, which also bumps the versions the
ETags are built from. A progress write, the most frequent, resolves its bearer token in that transaction
too (on PostgreSQL the whole write is one statement). Afterwards this worker (and, through Redis, every
other worker) drops the learner's hot-cache entries so memory holds only live bodies.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Request, Response, delete, get, put
from litestar.exceptions import NotFoundException
from litestar.params import Body, Parameter
from sqlalchemy.engine import Connection

from lms_desktop.contract import (
    CourseRating,
    Dashboard,
    Enrollment,
    EnrollmentRequest,
    Progress,
    ProgressUpdate,
    RatingUpdate,
)
from lms_desktop.server.db.queries import learner, tokens
from lms_desktop.server.hotcache import CacheKey
from lms_desktop.server.http import conditional as cond
from lms_desktop.server.http import validators
from lms_desktop.server.http.auth import require_session, require_token, require_user, session_ended
from lms_desktop.server.http.errors import AUTH_ERRORS, MAX_ID, UNAVAILABLE, _spec
from lms_desktop.server.http.learner_writes import WRITE_ERRORS, written
from lms_desktop.server.http.openapi import BEARER_SECURITY
from lms_desktop.server.http.state import get_state
from lms_desktop.server.http.validators import VARY_AUTH

_encode = msgspec.json.Encoder().encode


async def _enrollment(
    request: Request[Any, Any, Any], course_id: int, data: EnrollmentRequest | None, enrolled: bool
) -> Response[Any]:
    st = get_state(request)
    user = require_user(request, st)
    body = data or EnrollmentRequest()
    user_id, op_id, at = user.id, body.op_id, body.client_timestamp
    result = await st.write(
        lambda conn: learner.set_enrollment(
            conn, user_id, course_id, enrolled, op_id=op_id, client_timestamp=at
        )
    )
    if result is None:
        raise NotFoundException(f"course {course_id} not found")
    await st.cache.announce(f"u{user.id}")
    return cond.raw_json(_encode(result), headers={"Cache-Control": cond.NO_STORE})


@put(
    "/courses/{course_id:int}/enrollment",
    summary="Enroll (idempotent; the latest client_timestamp wins)",
    security=BEARER_SECURITY,
    responses=WRITE_ERRORS,
)
async def enroll(
    request: Request[Any, Any, Any],
    course_id: Annotated[int, Parameter(ge=1, le=MAX_ID)],
    data: Annotated[EnrollmentRequest | None, Body()] = None,
) -> Response[Enrollment]:
    return await _enrollment(request, course_id, data, True)


@delete(
    "/courses/{course_id:int}/enrollment",
    status_code=200,
    summary="Unenroll (idempotent; the latest client_timestamp wins)",
    security=BEARER_SECURITY,
    responses=WRITE_ERRORS,
)
async def unenroll(
    request: Request[Any, Any, Any],
    course_id: Annotated[int, Parameter(ge=1, le=MAX_ID)],
    data: Annotated[EnrollmentRequest | None, Body()] = None,
) -> Response[Enrollment]:
    return await _enrollment(request, course_id, data, False)


@put(
    "/progress/{section_id:int}",
    summary="Record progress on a section (replay-safe with op_id; completion never goes backwards)",
    security=BEARER_SECURITY,
    responses={**WRITE_ERRORS, 409: _spec("Not enrolled in the section's course")},
)
async def put_progress(
    request: Request[Any, Any, Any],
    section_id: Annotated[int, Parameter(ge=1, le=MAX_ID)],
    data: Annotated[ProgressUpdate, Body()],
) -> Response[Progress]:
    st = get_state(request)
    digest = tokens.token_digest(require_token(request))
    found = await st.writer.run_alone(lambda conn: learner.put_progress_as(conn, digest, section_id, data))
    if found is None:
        raise session_ended()
    user_id, result = found
    return await written(st, user_id, result, f"section {section_id} not found")


@put(
    "/courses/{course_id:int}/rating",
    summary="Rate a course 1..5 (the latest client_timestamp wins)",
    security=BEARER_SECURITY,
    responses=WRITE_ERRORS,
)
async def put_rating(
    request: Request[Any, Any, Any],
    course_id: Annotated[int, Parameter(ge=1, le=MAX_ID)],
    data: Annotated[RatingUpdate, Body()],
) -> Response[CourseRating]:
    st = get_state(request)
    user = require_user(request, st)
    user_id = user.id
    result = await st.write(lambda conn: learner.put_rating(conn, user_id, course_id, data))
    if result is None:
        raise NotFoundException(f"course {course_id} not found")
    await st.cache.announce(f"u{user.id}")
    return cond.raw_json(_encode(result), headers={"Cache-Control": cond.NO_STORE})


def _dashboard(conn: Connection, dialect: str, user_id: int) -> bytes:
    from lms_desktop.server.db.queries import dashboard

    result: Dashboard = dashboard.get_dashboard(conn, dialect, user_id)
    return _encode(result)


@get(
    "/dashboard",
    summary="The learner's enrolled courses with completion, time spent and last activity",
    security=BEARER_SECURITY,
    responses={**AUTH_ERRORS, **UNAVAILABLE},
)
async def get_dashboard(request: Request[Any, Any, Any]) -> Response[Dashboard]:
    st = get_state(request)

    session = require_session(request, st)
    user, uv, cv = session.user, session.user_version, session.catalog_version
    etag = validators.dashboard(session).etag
    key = CacheKey("dashboard", f"u{user.id}", f"{uv}.{cv}")
    body = await st.cache.get(key)
    if body is None:
        dialect, uid = st.db.dialect, user.id
        body = await st.read(lambda conn: _dashboard(conn, dialect, uid))
        await st.cache.put(key, body)
    return cond.json_body(body, etag, cond.PRIVATE, VARY_AUTH)
