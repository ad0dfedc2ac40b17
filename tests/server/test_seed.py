"""The demo seed: deterministic, consistent counters, realistic shape, demo learner, fast paths intact."""

from __future__ import annotations

import functools
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.errors import Conflict
from lms_desktop.server.db.queries import authoring, catalog, users
from lms_desktop.server.db.queries.covers import cover_in_use
from lms_desktop.server.images import Thumbnails
from lms_desktop.server.seed import DEMO_DISPLAY_NAME, SeedReport, seed
from tests.server.db_support import engine_params, open_migrated, seeded_database, url_for

DUMP = {
    "courses": "SELECT id, title, description, difficulty, estimated_hours, image_key, created_at, "
    "lesson_count, section_count, enrollment_count, rating_sum, rating_count FROM courses ORDER BY id",
    "lessons": "SELECT id, course_id, sort_order, title FROM lessons ORDER BY id",
    "sections": "SELECT s.id, s.lesson_id, s.course_id, s.sort_order, s.course_position, s.title, "
    "s.type, s.duration_minutes, b.markdown FROM sections s "
    "JOIN section_bodies b ON b.id = s.body_id ORDER BY s.id",
    "users": "SELECT id, username, display_name FROM users ORDER BY id",
    "enrollments": "SELECT user_id, course_id, status, enrolled_at FROM enrollments "
    "ORDER BY user_id, course_id",
    "progress": "SELECT user_id, section_id, completed_at, time_spent_seconds FROM progress "
    "ORDER BY user_id, section_id",
    "ratings": "SELECT user_id, course_id, rating FROM course_ratings ORDER BY user_id, course_id",
}


def _dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.read() as conn:
        return {
            name: [tuple(_plain(v) for v in row) for row in conn.execute(sa.text(sql))]
            for name, sql in DUMP.items()
        }


def _plain(value: Any) -> Any:
    """Datetimes as comparable text on both engines (SQLite returns text from raw SQL)."""
    if hasattr(value, "isoformat"):
        return value.replace(tzinfo=None).isoformat(" ", "microseconds")
    return value


def _fresh(tmp_path: Path, name: str) -> Database:
    return open_migrated(f"sqlite:///{tmp_path / name}")


def test_same_seed_same_data_and_another_seed_differs(tmp_path: Path) -> None:
    dbs = [_fresh(tmp_path, f"{i}.sqlite3") for i in range(3)]
    try:
        for db, s in zip(dbs, (11, 11, 12), strict=True):
            seed(db, courses=150, users=25, seed=s, images_dir=None)
        a, b, c = (_dump(db) for db in dbs)
        assert a == b
        assert a["courses"] != c["courses"]
    finally:
        for db in dbs:
            db.close()


@pytest.mark.postgres
def test_postgres_gets_the_same_catalog_as_sqlite(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    lite = _fresh(tmp_path, "lite.sqlite3")
    pg = open_migrated(str(request.getfixturevalue("pg_database_url")))
    try:
        for db in (lite, pg):
            seed(db, courses=80, users=10, seed=4, images_dir=None)
        assert _dump(lite) == _dump(pg)
    finally:
        lite.close()
        pg.close()


@pytest.fixture(scope="module", params=engine_params())
def seeded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    return seeded_database(request.param, request, tmp_path_factory)


def test_shape_and_denormalised_counters(seeded: Database) -> None:
    data = _dump(seeded)
    courses = {row[0]: row for row in data["courses"]}
    lessons_per_course: dict[int, int] = defaultdict(int)
    for _id, course_id, _order, _title in data["lessons"]:
        lessons_per_course[course_id] += 1
    sections_per_lesson: dict[int, int] = defaultdict(int)
    positions: dict[int, list[int]] = defaultdict(list)
    for _sid, lesson_id, course_id, _order, position, _title, _type, _dur, body in data["sections"]:
        sections_per_lesson[lesson_id] += 1
        positions[course_id].append(position)
        assert body.startswith("## ") and "\n- " in body and "```" in body  # headings, lists, code
    assert all(3 <= n <= 12 for n in lessons_per_course.values())
    assert all(2 <= n <= 8 for n in sections_per_lesson.values())
    active: dict[int, int] = defaultdict(int)
    for _u, course_id, status, _at in data["enrollments"]:
        active[course_id] += status != "dropped"
    ratings: dict[int, list[int]] = defaultdict(list)
    for _u, course_id, rating in data["ratings"]:
        ratings[course_id].append(rating)
    for cid, row in courses.items():
        assert row[7] == lessons_per_course[cid] and row[8] == len(positions[cid])
        assert sorted(positions[cid]) == list(range(1, row[8] + 1))
        assert row[9] == active[cid]
        assert (row[10], row[11]) == (sum(ratings[cid]), len(ratings[cid]))
    # titles read like courses, not lorem ipsum
    titles = [row[1] for row in data["courses"]]
    assert len(set(titles)) > 0.8 * len(titles)
    assert all(len(t.split()) >= 2 for t in titles)


def test_demo_learner_can_sign_in(seeded: Database) -> None:
    with seeded.read() as conn:
        demo = users.authenticate(conn, "demo", "demo")
        assert demo is not None and demo.display_name == DEMO_DISPLAY_NAME
        assert users.authenticate(conn, "learner000001", "learner") is not None


def test_seed_refuses_a_non_empty_catalog(seeded: Database) -> None:
    with pytest.raises(Conflict):
        seed(seeded, courses=5, users=1, seed=1, images_dir=None)


@pytest.mark.parametrize("kind", engine_params())
def test_counts_progress_images_and_search_after_seed(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    db = open_migrated(url_for(kind, request, tmp_path))
    calls: list[tuple[str, int, int]] = []
    try:
        images = tmp_path / "images" if kind == "sqlite" else None  # covers are engine independent
        report = seed(db, courses=40, users=8, seed=2, images_dir=images, progress=lambda *a: calls.append(a))
        assert isinstance(report, SeedReport)
        with db.read() as conn:
            count = {
                t: conn.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in DUMP if t != "ratings"
            }
            count["ratings"] = conn.execute(sa.text("SELECT COUNT(*) FROM course_ratings")).scalar()
            keys = set(conn.execute(sa.text("SELECT DISTINCT image_key FROM courses")).scalars())
        assert (report.courses, report.lessons, report.sections, report.users) == (
            count["courses"],
            count["lessons"],
            count["sections"],
            count["users"],
        )
        assert (report.enrollments, report.progress, report.ratings) == (
            count["enrollments"],
            count["progress"],
            count["ratings"],
        )
        if images is not None:  # every course names its own cover, drawn when first asked for
            assert report.images == len(keys) == report.courses
            thumbs = Thumbnails(images, in_use=functools.partial(cover_in_use, db))
            assert not list(images.glob("*.png"))
            assert all(thumbs.thumbnail(k, 160, "jpeg") is not None for k in sorted(keys)[:3])
        else:
            assert report.images == 0 and keys == {None}
        stages = {c[0] for c in calls}
        assert {"courses", "sections", "progress", "search index"} <= stages
        for stage in stages:
            done = [d for s, d, _t in calls if s == stage]
            total = [t for s, _d, t in calls if s == stage][-1]
            assert done == sorted(done) and done[-1] == total
        # the search index was rebuilt, and its triggers are back for new courses
        with db.read() as conn:
            title = conn.execute(sa.text("SELECT title FROM courses ORDER BY id LIMIT 1")).scalar_one()
            word = max(title.split(), key=len)
            page = catalog.list_courses(
                conn,
                db.dialect,
                q=word,
                difficulty=None,
                max_hours=None,
                sort="relevance",
                page=1,
                limit=50,
                cursor=None,
            )
            assert page.total > 0
        with db.write() as conn:
            cid = authoring.create_course(conn, title="Zyxwvut Studies", description="after the seed")
        with db.read() as conn:
            page = catalog.list_courses(
                conn,
                db.dialect,
                q="zyxwvut",
                difficulty=None,
                max_hours=None,
                sort="relevance",
                page=1,
                limit=5,
                cursor=None,
            )
            assert [c.id for c in page.items] == [cid]  # and the id sequence moved past the seeded ids
    finally:
        db.close()
