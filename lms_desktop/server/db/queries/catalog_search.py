"""A catalog search's page and total, in tiers (db/fts_content.py holds the content index).

Relevance comes in three tiers, each searched only when the ones before it leave the page short:
(a) courses whose title or description match, ranked (bm25 on SQLite, ts_rank_cd on PostgreSQL);
(b) courses matching only in their section titles; (c) courses matching only in their section text.
Tiers (b) and (c) are ordered by enrollments, then newest, never ranked: ranking a common word's text hits
would read every hit's text. A tier's rank is a constant outside the range of tier (a)'s ranks, so a
keyset cursor names its tier, and paging carries on across tiers. Other orders (popular, newest, rating)
take the hits of every tier in one statement.

The total is counted up to TOTAL_COUNT_CAP hits (LIMIT inside the count); past it the total is a lower
bound, flagged as an estimate, because counting every hit of a common word reads every hit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy.engine import Connection

from lms_desktop.server.db import search
from lms_desktop.server.db.driver_sql import mark, rows
from lms_desktop.server.db.queries.catalog_cursor import keyset_after

TOTAL_COUNT_CAP = 1_000  # hits counted beyond this: the total becomes a lower bound ("1,000+ courses")
SEARCH_CANDIDATES = 400  # SQLite relevance pages first rank this many FTS hits without touching courses
SEARCH_SHORTCUT_MAX_ROWS = 2_000  # beyond this offset + limit the full query runs
# the constant rank of the content tiers: below every title hit (PostgreSQL ranks descending from >= 0,
# SQLite's bm25 ascending from <= 0)
PG_TIER_RANKS = (-1.0, -2.0)
SQLITE_TIER_RANKS = (1_000_000.0, 2_000_000.0)
# a card's columns in `catalog._summary`'s order, for a courses table named {t}
DESCRIPTION_CHARS = 300
SUMMARY_SQL = (
    f"{{t}}.id, {{t}}.title, substr({{t}}.description, 1, {DESCRIPTION_CHARS}), {{t}}.difficulty, "
    "{t}.estimated_hours, {t}.image_key, {t}.enrollment_count, {t}.rating_sum, {t}.rating_count, "
    "{t}.created_at"
)

Where = tuple[str, list[Any]]


class Total(NamedTuple):
    """A listing's hit count; `estimate`: a lower bound (hits counted up to a cap)."""

    hits: int
    estimate: bool = False


@dataclass(frozen=True, slots=True)
class SearchSql:
    """A full-text match as SQL fragments with their parameters, in the order they appear."""

    source: str  # FROM items
    source_params: list[Any]
    rank: str  # rank expression
    rank_params: list[Any]
    rank_desc: bool  # higher rank is better
    match: str  # extra WHERE condition ("" when the source already matches)
    match_params: list[Any]


_PG_TSQ = "to_tsquery('english'::regconfig, %s::VARCHAR)"
_SQLITE_TITLE_IDS = "SELECT rowid FROM courses_fts WHERE courses_fts MATCH ?"


def title_source(dialect: str, terms: search.SearchTerms) -> SearchSql:
    """Tier (a): courses matching in title or description, ranked (title weighted 5x description)."""
    if dialect == "sqlite":
        source = (
            "courses JOIN (SELECT rowid AS id, bm25(courses_fts, 10.0, 2.0) AS rank FROM courses_fts "
            "WHERE courses_fts MATCH ?) AS fts ON fts.id = courses.id"
        )
        return SearchSql(source, [terms.fts5()], "fts.rank", [], False, "", [])
    return SearchSql(
        "courses",
        [],
        f"CAST(ts_rank_cd(courses.search_vector, {_PG_TSQ}) AS FLOAT(53))",
        [terms.tsquery()],
        True,
        f" AND courses.search_vector @@ {_PG_TSQ}",
        [terms.tsquery()],
    )


def content_tiers(dialect: str, terms: search.SearchTerms) -> list[SearchSql]:
    """Tiers (b) and (c): courses matching only in section titles, then only in section text."""
    if dialect == "sqlite":
        fts, sections = terms.fts5(), "sections : (" + terms.fts5() + ")"
        hits = "SELECT rowid FROM course_search_fts WHERE course_search_fts MATCH ?"
        b_ids, b_params = f"{hits} AND rowid NOT IN ({_SQLITE_TITLE_IDS})", [sections, fts]
        c_ids = f"{hits} AND rowid NOT IN ({hits}) AND rowid NOT IN ({_SQLITE_TITLE_IDS})"
        c_params = [fts, sections, fts]
        return [
            SearchSql("courses", [], repr(rank), [], False, f" AND courses.id IN ({ids})", params)
            for rank, ids, params in zip(SQLITE_TIER_RANKS, (b_ids, c_ids), (b_params, c_params), strict=True)
        ]
    tsq = terms.tsquery()
    b_hits = f"search_section_titles @@ {_PG_TSQ}"
    c_hits = f"search_vector @@ {_PG_TSQ} AND NOT search_section_titles @@ {_PG_TSQ}"
    return [
        SearchSql(
            "courses",
            [],
            f"CAST({rank} AS FLOAT(53))",
            [],
            True,
            f" AND NOT courses.search_vector @@ {_PG_TSQ}{_pg_content_has(hits)}",
            [tsq, *params],
        )
        for rank, hits, params in zip(PG_TIER_RANKS, (b_hits, c_hits), ([tsq], [tsq, tsq]), strict=True)
    ]


def _pg_content_has(condition: str) -> str:
    """A course whose content row meets `condition`. A correlated EXISTS, so the planner picks per word:
    a common word walks the order's index and probes each course's content row by key (the page fills
    within a few dozen courses); a rare one reads its hits from the GIN index."""
    return f" AND EXISTS (SELECT 1 FROM course_search cs WHERE cs.course_id = courses.id AND cs.{condition})"


def every_tier_source(dialect: str, terms: search.SearchTerms) -> SearchSql:
    """Every hit of every tier in one source, unranked (for the popular, newest and rating orders)."""
    if dialect == "sqlite":
        ids = f"{_SQLITE_TITLE_IDS} UNION SELECT rowid FROM course_search_fts WHERE course_search_fts MATCH ?"
        return SearchSql("courses", [], "0.0", [], False, f" AND courses.id IN ({ids})", [terms.fts5()] * 2)
    return SearchSql(
        "courses LEFT JOIN course_search cs ON cs.course_id = courses.id",
        [],
        "0.0",
        [],
        True,
        f" AND (courses.search_vector @@ {_PG_TSQ} OR cs.search_vector @@ {_PG_TSQ})",
        [terms.tsquery()] * 2,
    )


def tier_sources(dialect: str, terms: search.SearchTerms) -> list[SearchSql]:
    """The relevance tiers in order."""
    return [title_source(dialect, terms), *content_tiers(dialect, terms)]


def tier_of(dialect: str, rank: float) -> int:
    """Which tier a cursor's rank belongs to (0: title and description)."""
    ranks = SQLITE_TIER_RANKS if dialect == "sqlite" else PG_TIER_RANKS
    return 1 + ranks.index(rank) if rank in ranks else 0


# ---- pages --------------------------------------------------------------------------------------


def relevance_page(
    conn: Connection,
    dialect: str,
    terms: search.SearchTerms,
    names: Sequence[str],
    where: Where,
    *,
    offset: int,
    want: int,
    after: list[object] | None,
) -> list[tuple[Any, ...]]:
    """Up to `want` rows (the sort keys, then the card's columns), filled tier by tier: a tier is searched
    only while the page is short. With a cursor, from the cursor's tier on; with an offset, a tier that
    ends before the offset is counted (exactly) and skipped, so a deep page into a content tier costs
    counting the tiers before it."""
    tiers = tier_sources(dialect, terms)
    first = tier_of(dialect, float(after[0])) if after is not None else 0  # type: ignore[arg-type]
    found: list[tuple[Any, ...]] = []
    for i in range(first, len(tiers)):
        need = want - len(found)
        got = None
        if i == 0 and dialect == "sqlite" and after is None:
            got = sqlite_relevance_page(conn, terms, where, offset=offset, count=need)
        if got is None:
            keyset = after if i == first else None
            got = ranked_page(conn, dialect, tiers[i], names, where, count=need, offset=offset, after=keyset)
        found += got
        if len(found) >= want:
            break
        if offset:
            offset = 0 if got else offset - count_hits(conn, tiers[i], where)
    return found


def ranked_page(
    conn: Connection,
    dialect: str,
    found: SearchSql,
    names: Sequence[str],
    where: Where,
    *,
    count: int,
    offset: int = 0,
    after: list[object] | None = None,
) -> list[tuple[Any, ...]]:
    """One statement: `count` hits after `offset` (or after the keyset `after`) in order, joined to their
    cards by primary key (on PostgreSQL one round trip instead of two)."""
    where_sql, where_params = where
    params = [*found.source_params, *where_params, *found.match_params]
    p = mark(dialect)
    exprs = [found.rank if n == "rank" else f"courses.{n}" for n in names]
    inner = ", ".join(f"{e} AS k_{n}" for e, n in zip(exprs, names, strict=True))
    keys = [f"ranked.k_{n}" for n in names]
    descending = [found.rank_desc if n == "rank" else True for n in names]
    order = ", ".join(f"{k} {'DESC' if d else 'ASC'}" for k, d in zip(keys, descending, strict=True))
    sql = f"SELECT {', '.join(keys)} FROM (SELECT {inner} FROM {found.source} WHERE {where_sql}{found.match})"
    sql += " AS ranked"
    args = [*(found.rank_params if "rank" in names else []), *params]
    if after is not None:
        after_sql, after_params = keyset_after(dialect, keys, descending, after)
        sql += f" WHERE {after_sql} ORDER BY {order} LIMIT {p}"
        args += [*after_params, count]
    else:
        sql += f" ORDER BY {order} LIMIT {p} OFFSET {p}"
        args += [count, offset]
    outer_keys = ", ".join(f"pg.k_{n}" for n in names)
    outer_order = ", ".join(
        f"pg.k_{n} {'DESC' if d else 'ASC'}" for n, d in zip(names, descending, strict=True)
    )
    sql = (
        f"SELECT {outer_keys}, {SUMMARY_SQL.format(t='c')} FROM ({sql}) AS pg "
        f"JOIN courses c ON c.id = pg.k_id ORDER BY {outer_order}"
    )
    return [tuple(r) for r in rows(conn, sql, args)]


def sqlite_relevance_page(
    conn: Connection, terms: search.SearchTerms, where: Where, *, offset: int, count: int
) -> list[tuple[Any, ...]] | None:
    """A title-tier relevance page (its sort keys, then the card's columns) from the best-ranked FTS hits
    alone; None when that cannot be exact.

    Ranking in FTS5 alone is cheaper than ranking hits joined to courses, because only the top candidates
    are then looked up. Exact when every hit was a candidate, or when the page's last row ranks strictly
    better than the worst candidate (a hit that was left out ranks no better than that, so it cannot
    belong to the page). Otherwise the caller runs the full query.
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
        f"{SUMMARY_SQL.format(t='courses')} "
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


# ---- totals -------------------------------------------------------------------------------------


def count_hits(conn: Connection, found: SearchSql, where: Where, limit: int | None = None) -> int:
    """How many visible courses a source matches, stopping at `limit` when given."""
    where_sql, where_params = where
    sql = f"SELECT 1 FROM {found.source} WHERE {where_sql}{found.match}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    params = [*found.source_params, *where_params, *found.match_params]
    return int(rows(conn, f"SELECT COUNT(*) FROM ({sql}) AS hits", params)[0][0])


def content_only_source(dialect: str, terms: search.SearchTerms) -> SearchSql:
    """Courses matching in their content (section titles or text) but not in title or description."""
    if dialect == "sqlite":
        ids = (
            "SELECT rowid FROM course_search_fts WHERE course_search_fts MATCH ? "
            f"AND rowid NOT IN ({_SQLITE_TITLE_IDS})"
        )
        return SearchSql("courses", [], "0.0", [], False, f" AND courses.id IN ({ids})", [terms.fts5()] * 2)
    tsq = terms.tsquery()
    match = f" AND NOT courses.search_vector @@ {_PG_TSQ}{_pg_content_has(f'search_vector @@ {_PG_TSQ}')}"
    return SearchSql("courses", [], "0.0", [], True, match, [tsq, tsq])


def count_total(conn: Connection, dialect: str, terms: search.SearchTerms, where: Where) -> Total:
    """The hits of every tier, counted up to TOTAL_COUNT_CAP: title and description hits first, then the
    content-only ones for what is left; past the cap, the cap, flagged as a lower bound."""
    cap = TOTAL_COUNT_CAP
    hits = count_hits(conn, title_source(dialect, terms), where, cap + 1)
    if hits <= cap:
        hits += count_content(conn, dialect, terms, where, cap + 1 - hits)
    return Total(min(hits, cap), hits > cap)


def count_content(conn: Connection, dialect: str, terms: search.SearchTerms, where: Where, limit: int) -> int:
    """Content-only hits, up to `limit`."""
    return count_hits(conn, content_only_source(dialect, terms), where, limit)
