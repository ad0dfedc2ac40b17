"""Catalog reads: listing and search, course meta, course content, section bodies.

Order of work in every handler: versions (one indexed row each) -> 304 if the client has them -> hot cache
-> query. Public answers (listings, sections, anonymous course pages) are shared by every cache on the way;
answers that carry the caller's own state are `private, no-cache` and `Vary: Authorization`.
"""

from __future__ import annotations

import time
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
    User,
)
from lms_desktop.server.hotcache import PUBLIC, CacheKey
from lms_desktop.server.http import conditional as cond
from lms_desktop.server.http.auth import optional_session
from lms_desktop.server.http.errors import AUTH_ERRORS, MAX_ID, NOT_FOUND, UNAVAILABLE
from lms_desktop.server.http.state import ServerState, get_state

_encode = msgspec.json.Encoder().encode
VARY_AUTH = "Authorization"
# Listings always served inline on the loop: no text search, no filter, and an index walk of at most this
# many rows (page 100 of 20: ~1 ms); the rest go through `ServerState.read`.
INLINE_MAX_ROWS = 2_000

# Listing cards carry enrollment counts and ratings, which move with every learner's write without a
# catalog-version bump (that would invalidate every listing on every enrollment). A wall-clock epoch as
# long as the listing's max-age rolls the ETag and the hot-cache key over, so counts are never staler than
# what a client's cache would show anyway. The clock is shared, so all workers agree on the epoch.
LISTING_EPOCH_SECONDS = 600


def listing_epoch() -> int:
    return int(time.time()) // LISTING_EPOCH_SECONDS


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
    cv = st.lookups.catalog()
    epoch = listing_epoch()
    etag = cond.weak_etag("list", cv, epoch, cond.params_tag(params))
    hit = cond.not_modified_or_none(request, etag, cond.LISTING)
    if hit is not None:
        return hit
    key = CacheKey("courses", PUBLIC, f"{cv}.{epoch}", params)
    body = await st.cache.get(key)
    if body is None:
        dialect = st.db.dialect

        def page_body(conn: Connection) -> bytes:
            return _list_courses(conn, dialect, query, difficulty, max_hours, sort, page, limit, cursor, cv)

        if query is None and difficulty is None and max_hours is None and page * limit <= INLINE_MAX_ROWS:
            body = st.read_now(page_body)
        else:
            body = await st.read(page_body)
        await st.cache.put(key, body)
    return cond.json_body(body, etag, cond.LISTING)


def _caller_and_versions(
    request: Request[Any, Any, Any], st: ServerState, course_id: int
) -> tuple[User | None, int, int, int]:
    """(caller, catalog version, course version, user version); 404 when the course is missing or
    invisible, 401 for a bad token."""
    session = optional_session(request, st)
    catalog_version, course_version = st.lookups.course(course_id)
    if course_version is None:
        raise NotFoundException(f"course {course_id} not found")
    if session is None:
        return None, catalog_version, course_version, 0
    return session.user, catalog_version, course_version, session.user_version


def _per_user(user: User | None, public_policy: str) -> tuple[str, str]:
    scope = f"u{user.id}" if user is not None else PUBLIC
    return scope, (cond.PRIVATE if user is not None else public_policy)


async def _course_answer(
    request: Request[Any, Any, Any],
    kind: str,
    course_id: int,
    public_policy: str,
    load: Callable[[Connection, int, int | None], msgspec.Struct | None],
) -> Response[Any]:
    """One course's meta or content: 304 from versions before any query, then the hot cache, then the DB."""
    st = get_state(request)
    user, cv, crs, uv = _caller_and_versions(request, st, course_id)
    scope, policy = _per_user(user, public_policy)
    etag = cond.weak_etag(kind, course_id, cv, crs, scope, uv)
    hit = cond.not_modified_or_none(request, etag, policy, VARY_AUTH)
    if hit is not None:
        return hit
    key = CacheKey(kind, scope, f"{cv}.{crs}.{uv}", str(course_id))
    body = await st.cache.get(key)
    if body is None:
        uid = user.id if user is not None else None
        value = st.read_now(lambda conn: load(conn, course_id, uid))
        if value is None:
            raise NotFoundException(f"course {course_id} not found")
        body = _encode(value)
        await st.cache.put(key, body)
    return cond.json_body(body, etag, policy, VARY_AUTH)


@get(
    "/courses/{course_id:int}",
    summary="Course meta, with the caller's enrollment and rating when signed in",
    responses={**AUTH_ERRORS, **NOT_FOUND, **UNAVAILABLE},
)
async def get_course(
    request: Request[Any, Any, Any], course_id: Annotated[int, Parameter(ge=1, le=MAX_ID)]
) -> Response[CourseDetail]:
    from lms_desktop.server.db.queries import catalog

    return await _course_answer(request, "course", course_id, cond.COURSE_PUBLIC, catalog.get_course)


@get(
    "/courses/{course_id:int}/content",
    summary="Lessons and sections in order, with the caller's completion when signed in",
    responses={**AUTH_ERRORS, **NOT_FOUND, **UNAVAILABLE},
)
async def get_content(
    request: Request[Any, Any, Any], course_id: Annotated[int, Parameter(ge=1, le=MAX_ID)]
) -> Response[CourseContent]:
    from lms_desktop.server.db.queries import content

    return await _course_answer(request, "content", course_id, cond.CONTENT_PUBLIC, content.get_content)


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

    cv = st.lookups.catalog()
    etag = cond.weak_etag("section", section_id, cv)
    hit = cond.not_modified_or_none(request, etag, cond.SECTION)
    if hit is not None:
        return hit
    key = CacheKey("section", PUBLIC, str(cv), str(section_id))
    body = await st.cache.get(key)
    if body is None:
        section = st.read_now(lambda conn: content.get_section(conn, section_id))
        if section is None:
            raise NotFoundException(f"section {section_id} not found")
        body = _encode(section)
        await st.cache.put(key, body)
    return cond.json_body(body, etag, cond.SECTION)
