"""Catalog reads: listing and search, course meta, course content, section bodies.

Order of work in every handler: versions (one indexed row each, for the validators) -> hot cache -> query;
a 304 was already decided in front of routing (`revalidate.py`). Public answers (listings, sections,
anonymous course pages) are shared by every cache on the way; answers that carry the caller's own state are
`private, no-cache` and `Vary: Authorization`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import msgspec
from litestar import Request, Response, get
from litestar.exceptions import NotFoundException
from litestar.params import Parameter
from sqlalchemy import Connection

from lms_desktop.contract import (
    MAX_PAGE_LIMIT,
    MAX_QUERY_CHARS,
    CourseContent,
    CourseDetail,
    CoursePage,
    Difficulty,
    Section,
    SortOrder,
)
from lms_desktop.server.hotcache import PUBLIC, CacheKey
from lms_desktop.server.http import conditional as cond
from lms_desktop.server.http import validators
from lms_desktop.server.http.auth import optional_session_and_course
from lms_desktop.server.http.errors import AUTH_ERRORS, MAX_ID, NOT_FOUND, UNAVAILABLE
from lms_desktop.server.http.state import get_state

_encode = msgspec.json.Encoder().encode
# Listings always served inline on the loop: no text search, no filter, and an index walk of at most this
# many rows (page 100 of 20), short enough not to hold the loop; the rest go through `ServerState.read`.
INLINE_MAX_ROWS = 2_000

MAX_HOURS_LIMIT = 10_000.0
MAX_PAGE = 1_000_000
MAX_CURSOR_CHARS = 512


def _list_courses(
    conn: Connection,
    dialect: str,
    q: str | None,
    difficulty: str | None,
    max_hours: float | None,
    sort: SortOrder,
    page: int,
    limit: int,
    cursor: str | None,
    catalog_version: int,
) -> bytes:
    from lms_desktop.server.db.queries import catalog

    result = catalog.list_courses(
        conn,
        dialect,
        q=q,
        difficulty=difficulty,
        max_hours=max_hours,
        sort=sort,
        page=page,
        limit=limit,
        cursor=cursor,
        catalog_version=catalog_version,
    )
    return _encode(result)


@get(
    "/courses",
    summary="List or search published courses",
    description="`q` is free text (any characters are safe); relevance order falls back to popularity "
    "when there is no `q`. `limit` is 1..100; `page` starts at 1; `cursor` (from `next_cursor`) keeps "
    "deep pages fast.",
    responses={**UNAVAILABLE},
)
async def list_courses(
    request: Request[Any, Any, Any],
    q: Annotated[str | None, Parameter(max_length=MAX_QUERY_CHARS, description="search text")] = None,
    difficulty: Annotated[Difficulty | None, Parameter()] = None,
    max_hours: Annotated[float | None, Parameter(gt=0, le=MAX_HOURS_LIMIT)] = None,
    sort: Annotated[SortOrder, Parameter()] = "relevance",
    page: Annotated[int, Parameter(ge=1, le=MAX_PAGE)] = 1,
    limit: Annotated[int, Parameter(ge=1, le=MAX_PAGE_LIMIT)] = 20,
    cursor: Annotated[str | None, Parameter(max_length=MAX_CURSOR_CHARS)] = None,
) -> Response[CoursePage]:
    st = get_state(request)

    text = q.strip() if q is not None else ""
    query = text or None
    params = f"{query}|{difficulty}|{max_hours}|{sort}|{page}|{limit}|{cursor}"
    # the version the front decides this listing's 304s on (at most a second old): on PostgreSQL a fresh
    # read is a round trip per listing or search. A page built from newer rows than its version says is
    # only fetched again once the version moves on.
    cv = st.lookups.catalog(max_age=validators.LISTING_VERSION_MAX_AGE)
    epoch = validators.listing_epoch()
    etag = validators.listing(cv, epoch, request.scope["query_string"]).etag
    key = CacheKey("courses", PUBLIC, f"{cv}.{epoch}", params)
    body = await st.cache.get(key)
    if body is None:
        dialect = st.db.dialect

        def page_body(conn: Connection) -> bytes:
            return _list_courses(conn, dialect, query, difficulty, max_hours, sort, page, limit, cursor, cv)

        if query is None and difficulty is None and max_hours is None and page * limit <= INLINE_MAX_ROWS:
            body = await st.read_now(page_body)
        else:
            body = await st.read(page_body)
        await st.cache.put(key, body)
    return cond.json_body(body, etag, cond.LISTING)


async def _course_answer(
    request: Request[Any, Any, Any],
    kind: str,
    course_id: int,
    load: Callable[[Connection, int, int | None], msgspec.Struct | None],
) -> Response[Any]:
    """One course's meta or content (its 304s are the front's): the hot cache, then the DB."""
    st = get_state(request)
    session, cv, crs = optional_session_and_course(request, st, course_id)  # 401 for a bad token
    if crs is None:
        raise NotFoundException(f"course {course_id} not found")
    etag, policy, vary = validators.course(kind, course_id, cv, crs, session)
    user = session.user if session is not None else None
    scope = f"u{user.id}" if user is not None else PUBLIC
    uv = session.user_version if session is not None else 0
    key = CacheKey(kind, scope, f"{cv}.{crs}.{uv}", str(course_id))
    body = await st.cache.get(key)
    if body is None:
        uid = user.id if user is not None else None
        value = await st.read_now(lambda conn: load(conn, course_id, uid))
        if value is None:
            raise NotFoundException(f"course {course_id} not found")
        body = _encode(value)
        await st.cache.put(key, body)
    return cond.json_body(body, etag, policy, vary)


@get(
    "/courses/{course_id:int}",
    summary="Course meta, with the caller's enrollment and rating when signed in",
    responses={**AUTH_ERRORS, **NOT_FOUND, **UNAVAILABLE},
)
async def get_course(
    request: Request[Any, Any, Any], course_id: Annotated[int, Parameter(ge=1, le=MAX_ID)]
) -> Response[CourseDetail]:
    from lms_desktop.server.db.queries import catalog

    return await _course_answer(request, "course", course_id, catalog.get_course)


@get(
    "/courses/{course_id:int}/content",
    summary="Lessons and sections in order, with the caller's completion when signed in",
    responses={**AUTH_ERRORS, **NOT_FOUND, **UNAVAILABLE},
)
async def get_content(
    request: Request[Any, Any, Any], course_id: Annotated[int, Parameter(ge=1, le=MAX_ID)]
) -> Response[CourseContent]:
    from lms_desktop.server.db.queries import content

    return await _course_answer(request, "content", course_id, content.get_content)


@get(
    "/sections/{section_id:int}",
    summary="One section with its Markdown body",
    responses={**NOT_FOUND, **UNAVAILABLE},
)
async def get_section(
    request: Request[Any, Any, Any], section_id: Annotated[int, Parameter(ge=1, le=MAX_ID)]
) -> Response[Section]:
    st = get_state(request)
    from lms_desktop.server.db.queries import content

    cv, visible = st.lookups.section(section_id)
    if not visible:  # the front declines these too: `If-None-Match: *` must not confirm a section
        raise NotFoundException(f"section {section_id} not found")
    etag = validators.section(section_id, cv).etag
    key = CacheKey("section", PUBLIC, str(cv), str(section_id))
    body = await st.cache.get(key)
    if body is None:
        section = await st.read_now(lambda conn: content.get_section(conn, section_id))
        if section is None:
            raise NotFoundException(f"section {section_id} not found")
        body = _encode(section)
        await st.cache.put(key, body)
    return cond.json_body(body, etag, cond.SECTION)
