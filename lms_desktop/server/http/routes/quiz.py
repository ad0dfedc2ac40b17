"""Quiz attempts: submit one (graded here, replay-safe by op_id) and list the learner's own.

Both are per-user: the learner comes from the token, answers are `private` and never shared by a cache.
An answer of the wrong type anywhere under `answers` is a 422 like an unknown question or choice id (the
body decodes, the quiz cannot take it); any other malformed body stays a 400.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException, ValidationException
from litestar.params import Body, Parameter

from lms_desktop.contract import AttemptList, AttemptRequest, AttemptResult
from lms_desktop.server.hotcache import CacheKey
from lms_desktop.server.http import conditional as cond
from lms_desktop.server.http.auth import require_session, require_user
from lms_desktop.server.http.errors import AUTH_ERRORS, MAX_ID, NOT_FOUND, UNAVAILABLE, _spec, error_response
from lms_desktop.server.http.learner_writes import WRITE_ERRORS, written
from lms_desktop.server.http.openapi import BEARER_SECURITY
from lms_desktop.server.http.state import ServerState, get_state
from lms_desktop.server.http.validators import VARY_AUTH

_encode = msgspec.json.Encoder().encode


def _answers_invalid(request: Request[Any, Any, Any], exc: ValidationException) -> Response[Any]:
    """A body that failed to decode: 422 when the fault is in `answers`, else the usual 400."""
    extra = exc.extra if isinstance(exc.extra, dict | list) else None
    faults = extra if isinstance(extra, list) else []
    in_answers = [f for f in faults if isinstance(f, dict) and str(f.get("key", "")).startswith("answers")]
    status = 422 if in_answers and len(in_answers) == len(faults) else 400
    return error_response(status, str(exc.detail)[:300], extra=extra)


def _submit(st: ServerState, user_id: int, section_id: int, req: AttemptRequest) -> AttemptResult | None:
    from lms_desktop.server.quiz import attempts

    with st.db.write() as conn:
        return attempts.submit(conn, user_id, section_id, req)


@post(
    "/sections/{section_id:int}/attempts",
    status_code=200,
    summary="Submit a quiz attempt: graded on the server; the same op_id again returns the same result",
    description="`answers` maps question ids to a choice id (single), a list of choice ids (multiple), a "
    "text (text, essay) or a number (numeric). A question left out is wrong (an essay: unanswered). Enrolls "
    "the learner on a first attempt and completes the section.",
    security=BEARER_SECURITY,
    responses={
        **WRITE_ERRORS,
        409: _spec("No attempts left (max_attempts reached)"),
        422: _spec("Unknown question or choice id, or an answer of the wrong type"),
    },
    exception_handlers={ValidationException: _answers_invalid},
)
async def submit_attempt(
    request: Request[Any, Any, Any],
    section_id: Annotated[int, Parameter(ge=1, le=MAX_ID)],
    data: Annotated[AttemptRequest, Body()],
) -> Response[AttemptResult]:
    st = get_state(request)
    user = require_user(request, st)
    result = await st.slow(_submit, st, user.id, section_id, data)
    return await written(st, user.id, result, f"quiz {section_id} not found")


@get(
    "/sections/{section_id:int}/attempts",
    summary="The caller's attempts at a quiz with their scores and results (best and latest marked)",
    security=BEARER_SECURITY,
    responses={**AUTH_ERRORS, **NOT_FOUND, **UNAVAILABLE},
)
async def list_attempts(
    request: Request[Any, Any, Any], section_id: Annotated[int, Parameter(ge=1, le=MAX_ID)]
) -> Response[AttemptList]:
    from lms_desktop.server.quiz import attempts

    st = get_state(request)
    session = require_session(request, st)
    uid = session.user.id
    etag = cond.weak_etag("attempts", section_id, f"u{uid}", session.user_version, session.catalog_version)
    hit = cond.not_modified_or_none(request, etag, cond.PRIVATE, VARY_AUTH)
    if hit is not None:
        return hit
    key = CacheKey(
        "attempts", f"u{uid}", f"{session.user_version}.{session.catalog_version}", str(section_id)
    )
    body = await st.cache.get(key)
    if body is None:
        found = await st.read_now(lambda conn: attempts.list_attempts(conn, uid, section_id))
        if found is None:
            raise NotFoundException(f"quiz {section_id} not found")
        body = _encode(found)
        await st.cache.put(key, body)
    return cond.json_body(body, etag, cond.PRIVATE, VARY_AUTH)
