"""Catalog reads: the listing (filters, search, four sorts, page and cursor) and one course's meta.

Ordering follows the seed design: relevance (search rank), then enrollments, then newest; every sort ends
with the id so the order is total and a keyset cursor is exact (`catalog_cursor`).

Deep pages: without a search term the listing walks a partial covering index in sort order, so
- a cursor (`next_cursor`) seeks straight to the row after the last one seen (row-value comparison), and
- `page=N` pages the *ids* over the same index (index-only OFFSET), then fetches the page's rows by primary
  key (a deferred join), so page 2,000 costs an index walk, not 40,000 row reads.
A search's page is filled tier by tier (`catalog_search`).
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lms_desktop.contract import (
    API_PREFIX,
    MAX_PAGE_LIMIT,
    CourseDetail,
    CoursePage,
    CourseSummary,
    Difficulty,
    EnrollmentStatus,
    SortOrder,
)
from lms_desktop.server.db import search
from lms_desktop.server.db.driver_sql import datetime_param, mark, marks, rows, utc
from lms_desktop.server.db.errors import InvalidQuery
from lms_desktop.server.db.queries import catalog_search
from lms_desktop.server.db.queries.catalog_cursor import KEY_KINDS as _KIND
from lms_desktop.server.db.queries.catalog_cursor import SORT_KEYS, decode_cursor, encode_cursor
from lms_desktop.server.db.queries.catalog_cursor import fingerprint as _fingerprint
from lms_desktop.server.db.queries.catalog_search import DESCRIPTION_CHARS, Total
from lms_desktop.server.db.queries.versions import catalog_version
from lms_desktop.server.db.schema import courses, visible_sql

_SUMMARY_SQL = catalog_search.SUMMARY_SQL
__all__ = ["DESCRIPTION_CHARS", "SORT_KEYS", "_KIND", "Total", "decode_cursor", "encode_cursor"]
_SUMMARY_COLUMNS = (
    courses.c.id,
    courses.c.title,
    courses.c.description,
    courses.c.difficulty,
    courses.c.estimated_hours,
    courses.c.image_key,
    courses.c.enrollment_count,
    courses.c.rating_sum,
    courses.c.rating_count,
    courses.c.created_at,
)


def image_url(image_key: str | None) -> str | None:
    return None if not image_key else f"{API_PREFIX}/images/{image_key}"


def rating_avg(rating_sum: int, rating_count: int) -> float | None:
    return None if rating_count <= 0 else round(rating_sum / rating_count, 2)


def visible(dialect: str) -> sa.TextClause:
    """The visibility predicate, spelled like the partial indexes so the planner can use them."""
    return sa.text(visible_sql(dialect))


# ---- totals -------------------------------------------------------------------------------------


class _Totals:
    """Listing totals keyed by (database, catalog version, query): counting every visible row is a scan,
    but the count only changes when the catalog does (course edits and seeding bump
    the catalog version; enrollments and ratings never change which courses match)."""

    def __init__(self, size: int = 4096) -> None:
        self._data: OrderedDict[tuple[str, int, str], Total] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: tuple[str, int, str]) -> Total | None:
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key: tuple[str, int, str], value: Total) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self._size:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


_totals = _Totals()


def clear_caches() -> None:
    """Forget cached totals (tests that rewind the catalog version call this)."""
    _totals.clear()


def _total(conn: Connection, query_key: str, count: Callable[[], Total], version: int | None) -> Total:
    key = (_engine_key(conn.engine), catalog_version(conn) if version is None else version, query_key)
    cached = _totals.get(key)
    if cached is None:
        cached = count()
        _totals.put(key, cached)
    return cached


_engine_keys: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def _engine_key(engine: Engine) -> str:
    # the engine's identity is part of a total's key: a database recreated under the same URL (and opened
    # again) starts at the same catalog version with other rows. Memoised: rendering the URL per page adds up.
    key = _engine_keys.get(engine)
    if key is None:
        key = _engine_keys[engine] = f"{id(engine)}:{engine.url.render_as_string(hide_password=True)}"
    return key


# ---- listing ------------------------------------------------------------------------------------


def list_courses(
    conn: Connection,
    dialect: str,
    *,
    q: str | None,
    difficulty: str | None,
    max_hours: float | None,
    sort: SortOrder,
    page: int = 1,
    limit: int = 20,
    cursor: str | None = None,
    catalog_version: int | None = None,
) -> CoursePage:
    """One page of the catalog. `catalog_version`: pass it when already read (it keys the cached total)."""
    if not 1 <= limit <= MAX_PAGE_LIMIT:
        raise InvalidQuery(f"limit must be between 1 and {MAX_PAGE_LIMIT}")
    if page < 1:
        raise InvalidQuery("page must be 1 or more")
    if sort not in SORT_KEYS:
        raise InvalidQuery(f"unknown sort {sort!r}")
    has_text = bool(q and q.strip())
    terms = search.parse(q) if has_text else None
    if has_text and terms is None:  # only punctuation / emoji: nothing can match
        return CoursePage(items=[], total=0, page=page, limit=limit)
    if sort == "relevance" and terms is None:
        sort = "popular"
    fingerprint = _fingerprint(sort, terms, difficulty, max_hours)
    names = SORT_KEYS[sort]
    after: list[object] | None = None
    if cursor:
        page, after = decode_cursor(cursor, fingerprint, names)
    where = _where_sql(dialect, difficulty, max_hours)
    if terms is None:
        key_rows = _index_page(conn, dialect, names, *where, page, limit, after)
        count: Callable[[], Total] = lambda: _count_listing(conn, where)  # noqa: E731
    else:
        key_rows = _search_page(conn, dialect, terms, sort, names, where, page, limit, after)
        count = lambda: catalog_search.count_total(conn, dialect, terms, where)  # noqa: E731
    total_key = _fingerprint("total", terms, difficulty, max_hours)
    total = _total(conn, total_key, count, catalog_version)
    has_more = len(key_rows) > limit
    key_rows = key_rows[:limit]
    next_cursor = None
    if has_more and key_rows:
        last = [
            utc(v) if _KIND[n] == "datetime" else v
            for n, v in zip(names, key_rows[-1][: len(names)], strict=True)
        ]
        next_cursor = encode_cursor(fingerprint, page + 1, last)
    return CoursePage(
        items=[_summary(r[len(names) :]) for r in key_rows],
        total=total.hits,
        page=page,
        limit=limit,
        next_cursor=next_cursor,
        total_is_estimate=total.estimate,
    )


def _count_listing(conn: Connection, where: tuple[str, list[Any]]) -> Total:
    return Total(int(rows(conn, f"SELECT COUNT(*) FROM courses WHERE {where[0]}", where[1])[0][0]))


def _search_page(
    conn: Connection,
    dialect: str,
    terms: search.SearchTerms,
    sort: str,
    names: Sequence[str],
    where: tuple[str, list[Any]],
    page: int,
    limit: int,
    after: list[object] | None,
) -> list[tuple[Any, ...]]:
    """A search page's rows (one more than asked): the sort keys, then the card's columns."""
    offset = 0 if after is not None else (page - 1) * limit
    if sort == "relevance":
        return catalog_search.relevance_page(
            conn, dialect, terms, names, where, offset=offset, want=limit + 1, after=after
        )
    every = catalog_search.every_tier_source(dialect, terms)
    return catalog_search.ranked_page(
        conn, dialect, every, names, where, count=limit + 1, offset=offset, after=after
    )


def _where_sql(dialect: str, difficulty: str | None, max_hours: float | None) -> tuple[str, list[Any]]:
    """Visibility and filters as SQL text over `courses` (spelled like the partial indexes)."""
    where, params = visible_sql(dialect), list[Any]()
    if difficulty is not None:
        where += f" AND courses.difficulty = {mark(dialect)}"
        params.append(difficulty)
    if max_hours is not None:
        where += f" AND courses.estimated_hours <= {mark(dialect)}"
        params.append(max_hours)
    return where, params


def _index_page(
    conn: Connection,
    dialect: str,
    names: Sequence[str],
    where: str,
    params: list[Any],
    page: int,
    limit: int,
    after: list[object] | None,
) -> list[tuple[Any, ...]]:
    """One row more than asked (to know whether there is a next page), in order: the sort keys, then the
    card's columns. One statement (a deferred join): the sort's partial covering index pages the keys,
    then each of those rows is fetched by primary key; on PostgreSQL one round trip instead of two."""
    p = mark(dialect)
    keys = ", ".join(f"courses.{n}" for n in names)
    order = ", ".join(f"courses.{n} DESC" for n in names)
    args = list(params)
    if after is not None:
        where = f"{where} AND ({keys}) < ({marks(dialect, len(names))})"
        args += [datetime_param(dialect, v) if isinstance(v, datetime) else v for v in after]
        tail = f"LIMIT {p}"
        args.append(limit + 1)
    else:
        tail = f"LIMIT {p} OFFSET {p}"
        args += [limit + 1, (page - 1) * limit]
    sql = (
        f"SELECT {', '.join(f'k.{n}' for n in names)}, {_SUMMARY_SQL.format(t='c')} "
        f"FROM (SELECT {keys} FROM courses WHERE {where} ORDER BY {order} {tail}) AS k "
        "JOIN courses c ON c.id = k.id"
    )
    found = [tuple(r) for r in rows(conn, sql, args)]
    found.sort(key=lambda r: r[: len(names)], reverse=True)  # every sort key is descending
    return found


def _summary(r: Any) -> CourseSummary:
    cid, title, description, difficulty, hours, image_key, enrollments, rating_sum, rating_count, created = r
    return CourseSummary(
        id=cid,
        title=title,
        description=description,
        difficulty=difficulty,
        estimated_hours=float(hours),
        image_url=image_url(image_key),
        enrollment_count=enrollments,
        rating_avg=rating_avg(rating_sum, rating_count),
        rating_count=rating_count,
        created_at=utc(created),
    )


# ---- one course ---------------------------------------------------------------------------------


def get_course(conn: Connection, course_id: int, user_id: int | None) -> CourseDetail | None:
    """Meta plus the caller's own enrollment and rating; None when missing, unpublished or deleted.

    Driver SQL, like the outline: a learner's course page is read again after each of their writes (its
    ETag holds their version), and building a Core select per read cost a large share of it."""
    uid = -1 if user_id is None else user_id
    found = rows(conn, _course_sql(conn.dialect.name), (uid, uid, course_id))
    if not found:
        return None
    r = _CourseRow._make(found[0])
    enrolled = r.my_status is not None and r.my_status != "dropped"
    return CourseDetail(
        id=r.id,
        title=r.title,
        description=r.description,
        difficulty=r.difficulty,
        estimated_hours=float(r.estimated_hours),
        image_url=image_url(r.image_key),
        enrollment_count=r.enrollment_count,
        rating_avg=rating_avg(r.rating_sum, r.rating_count),
        rating_count=r.rating_count,
        created_at=utc(r.created_at),
        updated_at=utc(r.updated_at),
        lesson_count=r.lesson_count,
        section_count=r.section_count,
        enrollment_status=r.my_status if enrolled else None,
        enrolled_at=utc(r.my_enrolled_at) if enrolled else None,
        my_rating=r.my_rating,
        language=r.language,
    )


class _CourseRow(NamedTuple):
    """`_course_sql`'s columns."""

    id: int
    title: str
    description: str
    difficulty: Difficulty
    estimated_hours: Any  # a Decimal on PostgreSQL
    image_key: str | None
    enrollment_count: int
    rating_sum: int
    rating_count: int
    created_at: str | datetime  # text on SQLite
    updated_at: str | datetime
    lesson_count: int
    section_count: int
    language: str
    my_status: EnrollmentStatus | None
    my_enrolled_at: str | datetime | None
    my_rating: int | None


@functools.cache
def _course_sql(dialect: str) -> str:
    """Parameters: the caller's id (twice: -1 when signed out), the course id."""
    p = mark(dialect)
    return (
        "SELECT c.id, c.title, c.description, c.difficulty, c.estimated_hours, c.image_key, "
        "c.enrollment_count, c.rating_sum, c.rating_count, c.created_at, c.updated_at, c.lesson_count, "
        "c.section_count, c.language, e.status, e.enrolled_at, r.rating FROM courses c "
        f"LEFT OUTER JOIN enrollments e ON e.course_id = c.id AND e.user_id = {p} "
        f"LEFT OUTER JOIN course_ratings r ON r.course_id = c.id AND r.user_id = {p} "
        f"WHERE c.id = {p} AND {visible_sql(dialect, 'c')}"
    )


def course_version_sql(dialect: str) -> str:
    """A visible course's version (no row: missing or invisible); one parameter: the course id."""
    return f"SELECT version FROM courses WHERE id = {mark(dialect)} AND {visible_sql(dialect)}"


def course_version(conn: Connection, course_id: int) -> int | None:
    """The per-course ETag input; None when the course is invisible (then the answer is a 404)."""
    value = conn.exec_driver_sql(course_version_sql(conn.dialect.name), (course_id,)).scalar()
    return None if value is None else int(value)


def is_visible(conn: Connection, course_id: int) -> bool:
    return course_version(conn, course_id) is not None
