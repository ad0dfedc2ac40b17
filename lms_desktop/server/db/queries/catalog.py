"""Catalog reads: the listing (filters, search, four sorts, page and cursor) and one course's meta.

Ordering follows the seed design: relevance (search rank), then enrollments, then newest; every sort ends
with the id so the order is total and a keyset cursor is exact.

Deep pages: without a search term the listing walks a partial covering index in sort order, so
- a cursor (`next_cursor`) seeks straight to the row after the last one seen (row-value comparison), and
- `page=N` pages the *ids* over the same index (index-only OFFSET), then fetches the page's rows by primary
  key (a deferred join), so page 2,000 costs an index walk, not 40,000 row reads.
With a search term every hit has to be ranked anyway; the cursor then filters the ranked set.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import json
import math
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from lms_desktop.contract import (
    API_PREFIX,
    MAX_PAGE_LIMIT,
    CourseDetail,
    CoursePage,
    CourseSummary,
    SortOrder,
)
from lms_desktop.server.db import fts_content, search
from lms_desktop.server.db.driver_sql import datetime_param, mark, marks, rows, utc
from lms_desktop.server.db.errors import InvalidCursor, InvalidQuery
from lms_desktop.server.db.queries.versions import catalog_version
from lms_desktop.server.db.schema import course_ratings, courses, enrollments, visible_sql

DESCRIPTION_CHARS = 300
# what a cursor may hold: its page within 32 bits, its integers within 64 (SQLite binds no larger), its
# times a day inside the calendar (a time moved to UTC must stay in years 1..9999)
MAX_CURSOR_PAGE = 2**31 - 1
CURSOR_INT_BOUND = 2**63
CURSOR_MIN_TIME = datetime(1, 1, 2, tzinfo=UTC)
CURSOR_MAX_TIME = datetime(9999, 12, 30, tzinfo=UTC)
# a card's columns in `_summary`'s order, for a courses table named {t}
_SUMMARY_SQL = (
    f"{{t}}.id, {{t}}.title, substr({{t}}.description, 1, {DESCRIPTION_CHARS}), {{t}}.difficulty, "
    "{t}.estimated_hours, {t}.image_key, {t}.enrollment_count, {t}.rating_sum, {t}.rating_count, "
    "{t}.created_at"
)
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "popular": ("enrollment_count", "created_at", "id"),
    "newest": ("created_at", "id"),
    "rating": ("rating_score", "rating_count", "id"),
    "relevance": ("rank", "enrollment_count", "created_at", "id"),
}
_KIND = {
    "enrollment_count": "int",
    "rating_count": "int",
    "id": "int",
    "created_at": "datetime",
    "rating_score": "float",
    "rank": "float",
}
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


class Total(NamedTuple):
    """A listing's hit count; `estimate`: a lower bound (content-only hits counted up to a cap)."""

    hits: int
    estimate: bool = False


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


# ---- cursors ------------------------------------------------------------------------------------


def _fingerprint(
    sort: str, terms: search.SearchTerms | None, difficulty: str | None, max_hours: float | None
) -> str:
    return _fingerprint_of(sort, terms.fingerprint() if terms else None, difficulty, max_hours)


@functools.lru_cache(maxsize=1024)
def _fingerprint_of(sort: str, terms: str | None, difficulty: str | None, max_hours: float | None) -> str:
    raw = json.dumps([sort, terms, difficulty, max_hours])
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def encode_cursor(fingerprint: str, page: int, keys: Sequence[object]) -> str:
    values = [v.isoformat() if isinstance(v, datetime) else v for v in keys]
    raw = json.dumps({"f": fingerprint, "p": page, "k": values}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, fingerprint: str, names: Sequence[str]) -> tuple[int, list[object]]:
    """Validate an opaque cursor against the query it must belong to; InvalidCursor otherwise."""
    if len(cursor) > 1024:
        raise InvalidCursor("cursor is too long")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError, RecursionError) as exc:
        raise InvalidCursor("cursor is not valid") from exc
    if not isinstance(data, dict) or set(data) != {"f", "p", "k"}:
        raise InvalidCursor("cursor is not valid")
    if data["f"] != fingerprint:
        raise InvalidCursor("cursor belongs to a different query (sort, search or filters changed)")
    page, keys = data["p"], data["k"]
    if type(page) is not int or not 2 <= page <= MAX_CURSOR_PAGE:
        raise InvalidCursor("cursor is not valid")
    if not isinstance(keys, list) or len(keys) != len(names):
        raise InvalidCursor("cursor is not valid")
    values = [_cursor_value(_KIND[name], value) for name, value in zip(names, keys, strict=True)]
    return page, values


def _cursor_value(kind: str, value: object) -> object:
    """One key of a cursor, checked to be what the query binds: a hand-made cursor may hold anything JSON
    can spell (integers past 64 bits, NaN, dates at the calendar's edge), none of which may reach a driver."""
    if kind == "int" and type(value) is int and -CURSOR_INT_BOUND <= value < CURSOR_INT_BOUND:
        return value
    if kind == "float" and (type(value) is float or (type(value) is int and abs(value) < CURSOR_INT_BOUND)):
        number = float(value)
        if math.isfinite(number):
            return number
    elif kind == "datetime" and isinstance(value, str) and len(value) <= 40:
        try:
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is not None:
                moment = moment.astimezone(UTC)
                if CURSOR_MIN_TIME <= moment <= CURSOR_MAX_TIME:
                    return moment
        except (ValueError, OverflowError):
            pass
    raise InvalidCursor("cursor is not valid")


def _after(
    dialect: str, keys: Sequence[str], descending: Sequence[bool], values: Sequence[object]
) -> tuple[str, list[Any]]:
    """Rows strictly after `values` in the given order, for mixed directions (expanded OR form)."""
    p = mark(dialect)
    bound = [datetime_param(dialect, v) if isinstance(v, datetime) else v for v in values]
    clauses, params = [], []
    for i, key in enumerate(keys):
        parts = [f"{keys[j]} = {p}" for j in range(i)] + [f"{key} {'<' if descending[i] else '>'} {p}"]
        clauses.append("(" + " AND ".join(parts) + ")")
        params += [*bound[:i], bound[i]]
    return "(" + " OR ".join(clauses) + ")", params


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

    where, where_params = _where_sql(dialect, difficulty, max_hours)
    total_key = _fingerprint("total", terms, difficulty, max_hours)
    items: list[CourseSummary] | None = None
    if terms is None:
        page_rows = _index_page(conn, dialect, names, where, where_params, page, limit, after)
        key_rows = [r[: len(names)] for r in page_rows]
        items = [_summary(r[len(names) :]) for r in page_rows[:limit]]
        total = _total(
            conn,
            total_key,
            lambda: Total(int(rows(conn, f"SELECT COUNT(*) FROM courses WHERE {where}", where_params)[0][0])),
            catalog_version,
        )
    else:
        key_rows, count = _search_page(
            conn,
            dialect,
            terms,
            sort,
            names,
            (where, where_params),
            page,
            limit,
            after,
        )
        total = _total(conn, total_key, count, catalog_version)
    has_more = len(key_rows) > limit
    key_rows = key_rows[:limit]
    if items is None:
        items = [_summary(r[len(names) :]) for r in key_rows]
    next_cursor = None
    if has_more and key_rows:
        last = [
            utc(v) if _KIND[n] == "datetime" else v
            for n, v in zip(names, key_rows[-1][: len(names)], strict=True)
        ]
        next_cursor = encode_cursor(fingerprint, page + 1, last)
    return CoursePage(
        items=items,
        total=total.hits,
        page=page,
        limit=limit,
        next_cursor=next_cursor,
        total_is_estimate=total.estimate,
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
) -> tuple[list[tuple[Any, ...]], Callable[[], Total]]:
    """A search page's rows (one more than asked): the sort keys, then the card's columns; and how to
    count the hits (run once per catalog version): title and description hits exactly, as always, and
    content-only hits up to CONTENT_COUNT_CAP (counting every one of them costs PostgreSQL a read of
    each matching course_search row, ~0.3-0.8 s for a common word; past the cap the total is a lower
    bound, flagged as an estimate).

    Two tiers (db/fts_content.py): courses matching in title or description, then courses matching only
    in their content. A relevance page filled by the first tier is exactly the search as it always was
    (the content index is not touched); a short one is completed from the second tier. Other orders and
    keyset cursors rank both tiers in one statement."""
    where_sql, where_params = where
    title = _search_source(dialect, terms)
    content = _content_source(dialect, terms)

    def count_title() -> int:
        params = [*title.source_params, *where_params, *title.match_params]
        sql = f"SELECT COUNT(*) FROM {title.source} WHERE {where_sql}{title.match}"
        return int(rows(conn, sql, params)[0][0])

    def count_content() -> int:
        sql, params = _content_count_sql(dialect, terms, where, CONTENT_COUNT_CAP + 1)
        return int(rows(conn, sql, params)[0][0])

    def count() -> Total:
        in_content = count_content()
        capped = in_content > CONTENT_COUNT_CAP
        return Total(count_title() + min(in_content, CONTENT_COUNT_CAP), capped)

    if after is None and sort == "relevance":
        offset, want = (page - 1) * limit, limit + 1
        first = None
        if dialect == "sqlite":
            first = _sqlite_relevance_page(conn, terms, where, offset=offset, count=want)
        if first is None:
            first = _ranked_page(conn, dialect, title, names, where, page, limit, None)
        if len(first) >= want:
            return first, count
        title_hits = offset + len(first) if first else count_title()
        skip = max(0, offset - title_hits)
        rest = _ranked_page(conn, dialect, content, names, where, 1, want - len(first), None, offset=skip)
        return first + rest, count
    both = _both_source(dialect, terms)
    return _ranked_page(conn, dialect, both, names, where, page, limit, after), count


def _ranked_page(
    conn: Connection,
    dialect: str,
    found: _SearchSql,
    names: Sequence[str],
    where: tuple[str, list[Any]],
    page: int,
    limit: int,
    after: list[object] | None,
    *,
    offset: int | None = None,
) -> list[tuple[Any, ...]]:
    """One statement: the hits ranked and cut to the page, joined to their cards by primary key (on
    PostgreSQL one round trip instead of two). `offset` overrides the page's (limit rows, not limit+1)."""
    where_sql, where_params = where
    matched = f"FROM {found.source} WHERE {where_sql}{found.match}"
    params = [*found.source_params, *where_params, *found.match_params]
    p = mark(dialect)
    exprs = [found.rank if n == "rank" else f"courses.{n}" for n in names]
    inner = ", ".join(f"{e} AS k_{n}" for e, n in zip(exprs, names, strict=True))
    keys = [f"ranked.k_{n}" for n in names]
    descending = [found.rank_desc if n == "rank" else True for n in names]
    order = ", ".join(f"{k} {'DESC' if d else 'ASC'}" for k, d in zip(keys, descending, strict=True))
    sql = f"SELECT {', '.join(keys)} FROM (SELECT {inner} {matched}) AS ranked"
    args = [*(found.rank_params if "rank" in names else []), *params]
    if after is not None:
        after_sql, after_params = _after(dialect, keys, descending, after)
        sql += f" WHERE {after_sql} ORDER BY {order} LIMIT {p}"
        args += [*after_params, limit + 1]
    elif offset is not None:
        sql += f" ORDER BY {order} LIMIT {p} OFFSET {p}"
        args += [limit, offset]
    else:
        sql += f" ORDER BY {order} LIMIT {p} OFFSET {p}"
        args += [limit + 1, (page - 1) * limit]
    outer_keys = ", ".join(f"pg.k_{n}" for n in names)
    outer_order = ", ".join(
        f"pg.k_{n} {'DESC' if d else 'ASC'}" for n, d in zip(names, descending, strict=True)
    )
    sql = (
        f"SELECT {outer_keys}, {_SUMMARY_SQL.format(t='c')} FROM ({sql}) AS pg "
        f"JOIN courses c ON c.id = pg.k_id ORDER BY {outer_order}"
    )
    return [tuple(r) for r in rows(conn, sql, args)]


CONTENT_COUNT_CAP = 100  # content-only hits counted beyond this: the total becomes a lower bound
SEARCH_CANDIDATES = 400  # relevance pages first rank this many FTS hits without touching courses
SEARCH_SHORTCUT_MAX_ROWS = 2_000  # beyond this offset + limit the full query runs


def _sqlite_relevance_page(
    conn: Connection, terms: search.SearchTerms, where: tuple[str, list[Any]], *, offset: int, count: int
) -> list[tuple[Any, ...]] | None:
    """A relevance page (its sort keys, then the card's columns) from the best-ranked FTS hits alone;
    None when that cannot be exact.

    Ranking in FTS5 alone is cheaper than ranking hits joined to courses, because only the top candidates
    are then looked up. Exact when every hit was a candidate, or when
    the page's last row ranks strictly better than the worst candidate (a hit that was left out ranks
    no better than that, so it cannot belong to the page). Otherwise the caller runs the full query.
    """
    need = offset + count
    if need > SEARCH_SHORTCUT_MAX_ROWS:  # deep pages: rank every hit instead
        return None
    cap = max(SEARCH_CANDIDATES, need * 2)
    where_sql, where_params = where
    # One statement: the best cap + 1 hits from FTS5 (with how many there were and the worst one's rank),
    # joined to their courses by primary key, filtered, ordered and cut to the page in SQLite; rank
    # ascending (bm25: lower is better), then enrollments, newest and id descending.
    found = rows(
        conn,
        "SELECT f.r, courses.enrollment_count, courses.created_at, courses.id, f.n, f.worst, "
        f"{_SUMMARY_SQL.format(t='courses')} "
        "FROM (SELECT id, r, COUNT(*) OVER () AS n, MAX(r) OVER () AS worst FROM "
        "(SELECT rowid AS id, bm25(courses_fts, 10.0, 2.0) AS r FROM courses_fts "
        "WHERE courses_fts MATCH ? ORDER BY r LIMIT ?)) AS f "
        f"JOIN courses ON courses.id = f.id WHERE {where_sql} "
        "ORDER BY f.r, courses.enrollment_count DESC, courses.created_at DESC, courses.id DESC LIMIT ?",
        [terms.fts5(), cap + 1, *where_params, need],
    )
    complete = not found or found[0][4] <= cap  # every hit was a candidate
    # a hit left out ranks no better than the worst candidate, so a page whose last row ranks strictly
    # better is exact (with cap + 1 candidates, the worst is the one past the cap)
    if not complete and (len(found) < need or found[need - 1][0] >= found[0][5]):
        return None
    return [(*r[:4], *r[6:]) for r in found[offset:need]]  # the keys, then the card


@dataclass(frozen=True, slots=True)
class _SearchSql:
    """A full-text match as SQL fragments with their parameters, in the order they appear."""

    source: str  # FROM items
    source_params: list[Any]
    rank: str  # rank expression
    rank_params: list[Any]
    rank_desc: bool  # higher rank is better
    match: str  # extra WHERE condition ("" when the source already matches)
    match_params: list[Any]


_PG_TSQ = "to_tsquery('english'::regconfig, %s::VARCHAR)"
_SQLITE_TITLE_HITS = (
    "SELECT rowid AS id, bm25(courses_fts, 10.0, 2.0) AS rank FROM courses_fts WHERE courses_fts MATCH ?"
)
_SQLITE_CONTENT_HITS = (
    f"SELECT rowid AS id, {fts_content.SQLITE_CONTENT_OFFSET} + bm25(course_search_fts, "
    f"{fts_content.SQLITE_WEIGHTS}) AS rank FROM course_search_fts WHERE course_search_fts MATCH ? "
    "AND rowid NOT IN (SELECT rowid FROM courses_fts WHERE courses_fts MATCH ?)"
)
# ts_rank_cd >= 0; a content-only hit maps into (-1, 0), below every title/description hit
_PG_CONTENT_RANK = f"ts_rank_cd(cs.search_vector, {_PG_TSQ})"


def _content_source(dialect: str, terms: search.SearchTerms) -> _SearchSql:
    """Courses whose only match is in their content (section titles and text)."""
    if dialect == "sqlite":
        source = f"courses JOIN ({_SQLITE_CONTENT_HITS}) AS fts ON fts.id = courses.id"
        return _SearchSql(source, [terms.fts5()] * 2, "fts.rank", [], False, "", [])
    return _SearchSql(
        "courses JOIN course_search cs ON cs.course_id = courses.id",
        [],
        f"CAST({_PG_CONTENT_RANK} / (1 + {_PG_CONTENT_RANK}) - 1 AS FLOAT(53))",
        [terms.tsquery()] * 2,
        True,
        f" AND cs.search_vector @@ {_PG_TSQ} AND NOT courses.search_vector @@ {_PG_TSQ}",
        [terms.tsquery()] * 2,
    )


def _content_count_sql(
    dialect: str, terms: search.SearchTerms, where: tuple[str, list[Any]], limit: int
) -> tuple[str, list[Any]]:
    """Count content-only hits, stopping at `limit`.

    PostgreSQL: the hits come from the GIN index (a bitmap scan fenced by OFFSET 0), each checked
    against its course by primary key, so only about `limit` course_search rows are read. Without the
    fence the planner, seeing the LIMIT, walks course_search in id order and tests every row's vector."""
    where_sql, where_params = where
    if dialect == "sqlite":
        found = _content_source(dialect, terms)
        hits = f"SELECT 1 FROM {found.source} WHERE {where_sql}{found.match}"
        return f"SELECT COUNT(*) FROM ({hits} LIMIT {limit}) AS hits", [*found.source_params, *where_params]
    tsq = terms.tsquery()
    hits = (
        f"SELECT 1 FROM courses JOIN (SELECT course_id FROM course_search WHERE search_vector @@ {_PG_TSQ} "
        f"OFFSET 0) AS cs ON cs.course_id = courses.id WHERE {where_sql} "
        f"AND NOT courses.search_vector @@ {_PG_TSQ} LIMIT {limit}"
    )
    return f"SELECT COUNT(*) FROM ({hits}) AS hits", [tsq, *where_params, tsq]


def _both_source(dialect: str, terms: search.SearchTerms) -> _SearchSql:
    """Both tiers in one source, ranked the same way (for other orders and keyset cursors)."""
    if dialect == "sqlite":
        hits = f"{_SQLITE_TITLE_HITS} UNION ALL {_SQLITE_CONTENT_HITS}"
        source = f"courses JOIN ({hits}) AS fts ON fts.id = courses.id"
        return _SearchSql(source, [terms.fts5()] * 3, "fts.rank", [], False, "", [])
    title_rank = f"ts_rank_cd(courses.search_vector, {_PG_TSQ})"
    rank = (
        f"CAST(CASE WHEN courses.search_vector @@ {_PG_TSQ} THEN {title_rank} "
        f"ELSE {_PG_CONTENT_RANK} / (1 + {_PG_CONTENT_RANK}) - 1 END AS FLOAT(53))"
    )
    return _SearchSql(
        "courses LEFT JOIN course_search cs ON cs.course_id = courses.id",
        [],
        rank,
        [terms.tsquery()] * 4,
        True,
        f" AND (courses.search_vector @@ {_PG_TSQ} OR cs.search_vector @@ {_PG_TSQ})",
        [terms.tsquery()] * 2,
    )


def _search_source(dialect: str, terms: search.SearchTerms) -> _SearchSql:
    """Courses matching in title or description."""
    if dialect == "sqlite":
        source = (
            "courses JOIN (SELECT rowid AS id, bm25(courses_fts, 10.0, 2.0) AS rank FROM courses_fts "
            "WHERE courses_fts MATCH ?) AS fts ON fts.id = courses.id"
        )
        return _SearchSql(source, [terms.fts5()], "fts.rank", [], False, "", [])
    tsq = "to_tsquery('english'::regconfig, %s::VARCHAR)"
    return _SearchSql(
        "courses",
        [],
        f"CAST(ts_rank_cd(courses.search_vector, {tsq}) AS FLOAT(53))",
        [terms.tsquery()],
        True,
        f" AND courses.search_vector @@ {tsq}",
        [terms.tsquery()],
    )


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
    """Meta plus the caller's own enrollment and rating; None when missing, unpublished or deleted."""
    dialect = conn.dialect.name
    uid = -1 if user_id is None else user_id
    e, r = enrollments, course_ratings
    stmt = (
        sa.select(
            courses,
            e.c.status.label("my_status"),
            e.c.enrolled_at.label("my_enrolled_at"),
            r.c.rating.label("my_rating"),
        )
        .select_from(
            courses.outerjoin(e, sa.and_(e.c.course_id == courses.c.id, e.c.user_id == uid)).outerjoin(
                r, sa.and_(r.c.course_id == courses.c.id, r.c.user_id == uid)
            )
        )
        .where(courses.c.id == course_id, visible(dialect))
    )
    row = conn.execute(stmt).first()
    if row is None:
        return None
    enrolled = row.my_status is not None and row.my_status != "dropped"
    return CourseDetail(
        id=row.id,
        title=row.title,
        description=row.description,
        difficulty=row.difficulty,
        estimated_hours=float(row.estimated_hours),
        image_url=image_url(row.image_key),
        enrollment_count=row.enrollment_count,
        rating_avg=rating_avg(row.rating_sum, row.rating_count),
        rating_count=row.rating_count,
        created_at=row.created_at,
        updated_at=row.updated_at,
        lesson_count=row.lesson_count,
        section_count=row.section_count,
        enrollment_status=row.my_status if enrolled else None,
        enrolled_at=row.my_enrolled_at if enrolled else None,
        my_rating=row.my_rating,
        language=row.language,
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
