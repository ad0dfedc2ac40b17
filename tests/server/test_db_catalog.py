"""Listing on a small seeded catalog, both engines: every sort's order, filters, cursor == page, bounds."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from lms_desktop.contract import CoursePage, SortOrder
from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.errors import InvalidCursor, InvalidQuery
from lms_desktop.server.db.queries import catalog, catalog_search
from tests.server.db_support import SEEDED_COURSES, engine_params, seeded_database

COURSES = SEEDED_COURSES


@pytest.fixture(scope="module", params=engine_params())
def seeded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return seeded_database(request.param, request, tmp_path_factory)


def _list(db: Database, **kw: object) -> CoursePage:
    args: dict[str, object] = {
        "q": None,
        "difficulty": None,
        "max_hours": None,
        "sort": "popular",
        "page": 1,
        "limit": 20,
        "cursor": None,
    }
    args.update(kw)
    with db.read() as conn:
        return catalog.list_courses(conn, db.dialect, **args)  # type: ignore[arg-type]


def _all_rows(db: Database) -> list[Any]:
    with db.read() as conn:
        return list(
            conn.execute(
                sa.text(
                    "SELECT id, enrollment_count, created_at, rating_score, rating_count, difficulty, "
                    "estimated_hours "
                    "FROM courses"
                )
            )
        )


def _expected(rows: list[Any], sort: str) -> list[int]:
    """Every sort is descending on its keys (created_at compares as fixed-width text or datetime)."""
    keys = catalog.SORT_KEYS[sort]
    return [r.id for r in sorted(rows, key=lambda r: tuple(getattr(r, k) for k in keys), reverse=True)]


def _walk(db: Database, **kw: object) -> list[int]:
    ids: list[int] = []
    page = _list(db, **kw)
    ids += [c.id for c in page.items]
    while page.next_cursor:
        page = _list(db, cursor=page.next_cursor, **kw)
        ids += [c.id for c in page.items]
    return ids


@pytest.mark.parametrize("sort", ["popular", "newest", "rating"])
def test_each_sort_orders_the_whole_catalog(seeded: Database, sort: str) -> None:
    rows = _all_rows(seeded)
    expected = _expected(rows, sort)
    assert _walk(seeded, sort=sort, limit=37) == expected


def test_relevance_without_text_is_popular(seeded: Database) -> None:
    assert [c.id for c in _list(seeded, sort="relevance").items] == [
        c.id for c in _list(seeded, sort="popular").items
    ]


def test_popularity_is_skewed(seeded: Database) -> None:
    counts = sorted((r.enrollment_count for r in _all_rows(seeded)), reverse=True)
    top_tenth = sum(counts[: len(counts) // 10])
    assert top_tenth > 0.3 * sum(counts)  # Zipf-like: a few courses hold much of the demand


@pytest.mark.parametrize("sort", ["popular", "newest", "rating", "relevance"])
def test_cursor_and_page_agree(seeded: Database, sort: SortOrder) -> None:
    q = "python" if sort == "relevance" else None
    by_cursor = _walk(seeded, sort=sort, q=q, limit=11)
    total = _list(seeded, sort=sort, q=q, limit=11).total
    by_page: list[int] = []
    for page in range(1, total // 11 + 2):
        by_page += [c.id for c in _list(seeded, sort=sort, q=q, limit=11, page=page).items]
    assert by_cursor == by_page
    assert len(by_page) == total == len(set(by_page))


def test_filters_apply_with_every_path(seeded: Database) -> None:
    rows = _all_rows(seeded)
    expected = {r.id for r in rows if r.difficulty == "advanced" and r.estimated_hours <= 5}
    got = set(_walk(seeded, difficulty="advanced", max_hours=5.0, limit=13))
    assert got == expected
    page = _list(seeded, difficulty="advanced", max_hours=5.0, limit=5, page=2)
    assert page.total == len(expected)
    assert all(c.difficulty == "advanced" and c.estimated_hours <= 5 for c in page.items)


def test_page_bounds(seeded: Database) -> None:
    last = _list(seeded, limit=100, page=3)
    assert len(last.items) == COURSES - 200 and last.next_cursor is None and last.total == COURSES
    beyond = _list(seeded, limit=100, page=50)
    assert beyond.items == [] and beyond.total == COURSES and beyond.page == 50
    for sort in ("relevance", "newest"):  # deep search pages (offsets of 400,000) are fine too
        deep = _list(seeded, q="data", sort=sort, limit=100, page=4_000)
        assert deep.items == [] and deep.total > 0
    for bad in ({"limit": 0}, {"limit": 101}, {"page": 0}, {"page": -3}):
        with pytest.raises(InvalidQuery):
            _list(seeded, **bad)


def test_bad_cursors_raise_value_errors(seeded: Database) -> None:
    good = _list(seeded, sort="newest", limit=5).next_cursor
    assert good
    for bad in ("", "not-base64!!", "eyJ4IjoxfQ", good[:-3], "A" * 5000):
        if not bad:
            continue
        with pytest.raises(InvalidCursor):
            _list(seeded, sort="newest", limit=5, cursor=bad)
    with pytest.raises(ValueError):  # a cursor from another query (sort changed)
        _list(seeded, sort="popular", limit=5, cursor=good)
    with pytest.raises(InvalidCursor):  # filters changed
        _list(seeded, sort="newest", limit=5, cursor=good, difficulty="beginner")


def test_summary_fields(seeded: Database) -> None:
    page = _list(seeded, sort="rating", limit=3)
    top = page.items[0]
    assert top.rating_count > 0 and top.rating_avg is not None and 1 <= top.rating_avg <= 5
    assert len(top.description) <= catalog.DESCRIPTION_CHARS
    assert top.created_at.tzinfo is not None


@pytest.mark.parametrize("difficulty", [None, "beginner"])
@pytest.mark.parametrize("candidates", [3, 400])
def test_relevance_shortcut_matches_the_full_query(
    seeded: Database, candidates: int, difficulty: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite ranks the best FTS hits first; with any candidate budget a page equals the full query's page."""
    kw: dict[str, Any] = {"q": "data", "sort": "relevance", "limit": 9, "difficulty": difficulty}
    full = _walk(seeded, **kw)  # cursor pages always run the full query
    monkeypatch.setattr(catalog_search, "SEARCH_CANDIDATES", candidates)
    outcomes: list[str] = []
    shortcut = catalog_search.sqlite_relevance_page

    def counted(*args: Any, **kwargs: Any) -> Any:
        rows = shortcut(*args, **kwargs)
        outcomes.append("fallback" if rows is None else "shortcut")
        return rows

    monkeypatch.setattr(catalog_search, "sqlite_relevance_page", counted)
    total = _list(seeded, **kw).total
    by_page: list[int] = []
    for page in range(1, total // 9 + 2):
        by_page += [c.id for c in _list(seeded, page=page, **kw).items]
    assert by_page == full and len(full) == total > 9
    if seeded.dialect == "sqlite":
        assert "shortcut" in outcomes
        if candidates == 3 and difficulty:
            assert "fallback" in outcomes  # too few candidates survive the filter: the full query runs


@pytest.mark.parametrize("path", ["shortcut", "full", "cursor"])
def test_a_search_page_is_one_statement_with_the_same_cards_as_the_listing(
    seeded: Database, path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's hits come joined to their cards; every card equals the one the plain listing shows."""
    from sqlalchemy import event

    from lms_desktop.server.db.queries import versions

    cards = {}
    for page in range(1, COURSES // 100 + 2):
        cards.update({c.id: c for c in _list(seeded, limit=100, page=page).items})
    if path == "full":
        monkeypatch.setattr(catalog_search, "SEARCH_SHORTCUT_MAX_ROWS", 0)  # SQLite ranks every hit
    kw: dict[str, Any] = {"q": "data", "sort": "relevance", "limit": 7, "difficulty": None, "max_hours": None}
    if path == "cursor":
        kw["cursor"] = _list(seeded, **kw).next_cursor
    statements: list[str] = []
    with seeded.read() as conn:
        version = versions.catalog_version(conn)
        catalog.list_courses(conn, seeded.dialect, catalog_version=version, **kw)  # caches the total

        def count(_c: Any, _cur: Any, statement: str, *_rest: Any) -> None:
            statements.append(statement)

        event.listen(conn, "before_cursor_execute", count)
        try:
            page = catalog.list_courses(conn, seeded.dialect, catalog_version=version, **kw)
        finally:
            event.remove(conn, "before_cursor_execute", count)
    assert len(statements) == 1, statements
    assert len(page.items) == 7
    for item in page.items:
        assert item == cards[item.id]
