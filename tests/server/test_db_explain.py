"""The hot queries use their indexes: EXPLAIN the exact statements the query functions run.

Each query function is run once with a cursor hook that records its SQL and parameters; every recorded
statement is then EXPLAINed (SQLite `EXPLAIN QUERY PLAN`, PostgreSQL `EXPLAIN`). On PostgreSQL a 300-row
table is cheaper to scan (and sort) than to walk an index, so the planner is told `enable_seqscan = off`
and `enable_sort = off`: the assertion is that an index *can* serve the query and its order (a plan with no
usable index would still show the Seq Scan or the Sort).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection

from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.queries import catalog, content, dashboard, users
from tests.server.db_support import engine_params, seeded_database


@pytest.fixture(scope="module", params=engine_params())
def seeded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return seeded_database(request.param, request, tmp_path_factory)


def _plans(db: Database, run: Callable[[Connection], object]) -> list[str]:
    """Run a query function, then EXPLAIN every statement it sent; one plan text per statement."""
    recorded: list[tuple[str, Any]] = []

    def hook(_conn: Any, _cur: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        recorded.append((statement, parameters))

    with db.read() as conn:
        event.listen(conn, "before_cursor_execute", hook)
        try:
            run(conn)
        finally:
            event.remove(conn, "before_cursor_execute", hook)
        plans = []
        if db.dialect == "postgresql":
            conn.exec_driver_sql("SET enable_seqscan = off")
            conn.exec_driver_sql("SET enable_sort = off")
        try:
            for statement, parameters in recorded:
                prefix = "EXPLAIN QUERY PLAN " if db.dialect == "sqlite" else "EXPLAIN "
                rows = conn.exec_driver_sql(prefix + statement, parameters).all()
                plans.append("\n".join(str(r[-1]) for r in rows))
        finally:
            if db.dialect == "postgresql":
                conn.exec_driver_sql("RESET enable_seqscan")
                conn.exec_driver_sql("RESET enable_sort")
    return plans


def _no_full_scan(plan: str, *tables: str) -> None:
    for table in tables:
        if re.search(rf"\bSCAN {table}\b(?! USING)", plan):  # SQLite: a table scan without an index
            pytest.fail(f"full scan of {table}:\n{plan}")
        if re.search(rf"Seq Scan on {table}\b", plan):
            pytest.fail(f"sequential scan of {table}:\n{plan}")


def _uses_index(plan: str, dialect: str, table: str, alias: str, *indexes: str) -> None:
    """SQLite names unique constraints sqlite_autoindex_*, so there the access path is checked instead."""
    if dialect == "sqlite":
        assert re.search(rf"SEARCH ({table}|{alias}) USING (COVERING )?INDEX", plan), plan
    else:
        assert any(index in plan for index in indexes), plan


def _list(**kw: Any) -> Callable[[Connection], object]:
    args: dict[str, Any] = {
        "q": None,
        "difficulty": None,
        "max_hours": None,
        "page": 1,
        "limit": 20,
        "cursor": None,
    }
    args.update(kw)
    return lambda conn: catalog.list_courses(conn, conn.dialect.name, **args)


@pytest.mark.parametrize("sort", ["popular", "newest", "rating"])
@pytest.mark.parametrize("where", ["first", "deep", "cursor", "filtered"])
def test_listing_walks_the_sort_index(seeded: Database, sort: str, where: str) -> None:
    kw: dict[str, Any] = {"sort": sort}
    if where == "deep":
        kw["page"] = 12
    elif where == "filtered":
        kw.update(difficulty="beginner", max_hours=10.0)
    elif where == "cursor":
        with seeded.read() as conn:
            kw["cursor"] = catalog.list_courses(
                conn,
                seeded.dialect,
                q=None,
                difficulty=None,
                max_hours=None,
                sort=sort,
                page=1,
                limit=20,
                cursor=None,  # type: ignore[arg-type]
            ).next_cursor
    catalog.clear_caches()  # so the total's count query runs (and is explained) too
    plans = _plans(seeded, _list(**kw))
    page_plan = plans[0]  # one statement pages the keys and joins the cards; then the version and the count
    assert f"ix_courses_{sort}" in page_plan, page_plan
    if seeded.dialect == "sqlite":
        assert "USE TEMP B-TREE FOR ORDER BY" not in page_plan  # the index gives the order: no sort step
        assert "COVERING INDEX" in page_plan  # the keys are paged from the index alone (deferred join)
        assert "INTEGER PRIMARY KEY" in page_plan  # then each card by its primary key
    else:
        assert "pk_courses" in page_plan
    for plan in plans:
        _no_full_scan(plan, "courses")


def test_search_uses_the_full_text_index(seeded: Database) -> None:
    catalog.clear_caches()
    plans = _plans(seeded, _list(q="python", sort="relevance"))
    page_plan = plans[0]  # one statement: the page's hits with their cards
    if seeded.dialect == "sqlite":
        # candidates ranked inside FTS5, then looked up in courses by primary key
        assert "VIRTUAL TABLE INDEX" in page_plan, page_plan
        assert "INTEGER PRIMARY KEY" in page_plan, page_plan
    else:
        assert "ix_courses_search_vector" in page_plan, page_plan
        assert "pk_courses" in page_plan, page_plan  # the page's cards, by primary key
    # the page, then the counts (run once per catalog version): title and description hits, and
    # content-only hits (up to a cap) from the content index; no statement of its own for the cards
    content = [p for p in plans if "course_search_fts" in p or "ix_courses_search_content" in p]
    title = [p for p in plans if p not in content and ("courses_fts" in p or "ix_courses_search_vector" in p)]
    assert len(title) == 2 and len(content) == 1, plans
    if seeded.dialect == "postgresql":  # counted from a bitmap of the index, stopping at the cap
        assert "Limit" in content[0] and "Bitmap Index Scan" in content[0], content[0]
    for plan in plans:
        _no_full_scan(plan, "courses")


def test_content_and_section_use_indexes(seeded: Database) -> None:
    with seeded.read() as conn:
        cid = conn.execute(
            sa.text("SELECT id FROM courses ORDER BY enrollment_count DESC LIMIT 1")
        ).scalar_one()
        demo = users.get_user_by_name(conn, "demo")
        sid = conn.execute(
            sa.text("SELECT id FROM sections WHERE course_id = :c LIMIT 1"), {"c": cid}
        ).scalar_one()
    assert demo is not None
    plans = _plans(seeded, lambda conn: content.get_content(conn, cid, demo.id))
    (outline,) = plans  # one statement: the course's visibility and its outline together
    _uses_index(outline, seeded.dialect, "sections", "s", "uq_sections_course_id_course_position")
    _uses_index(
        outline,
        seeded.dialect,
        "progress",
        "p",
        "uq_progress_user_id_section_id",
        "ix_progress_user_id_course_id",
    )
    for plan in plans + _plans(seeded, lambda conn: content.get_section(conn, sid)):
        _no_full_scan(plan, "courses", "sections", "progress", "lessons", "s", "p", "c")


def test_dashboard_uses_indexes(seeded: Database) -> None:
    with seeded.read() as conn:
        demo = users.get_user_by_name(conn, "demo")
    assert demo is not None
    (plan,) = _plans(seeded, lambda conn: dashboard.get_dashboard(conn, conn.dialect.name, demo.id))
    _uses_index(plan, seeded.dialect, "enrollments", "e", "uq_enrollments_user_id_course_id")
    _uses_index(plan, seeded.dialect, "sections", "s", "uq_sections_course_id_course_position")
    if seeded.dialect == "sqlite":
        assert "ix_progress_user_id_course_id" in plan and "SEARCH px USING" in plan, plan
    else:
        assert "ix_progress_user_id_course_id" in plan or "uq_progress_user_id_section_id" in plan, plan
    _no_full_scan(plan, "courses", "progress", "sections", "enrollments", "c", "p", "px", "s", "e")
