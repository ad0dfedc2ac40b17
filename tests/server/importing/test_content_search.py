"""Search covers course content: a word only inside one page finds its course, ranked below title and
description matches, then section titles, then section text; the index follows re-imports and deletes."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from lms_desktop.server.db.queries import authoring, catalog
from lms_desktop.server.importing.service import import_package
from tests.server.importing.conftest import ImportEnv
from tests.server.importing.packages import write


def _course(root: Path, ident: str, title: str, section_title: str, body: str, description: str = "") -> Path:
    return write(
        root / ident,
        {
            "course.toml": f'id = "{ident}"\ntitle = "{title}"\ndescription = "{description}"\n',
            "01-one/01-page.md": f"# {section_title}\n\n{body}\n",
        },
    )


def _search(env: ImportEnv, q: str) -> list[str]:
    catalog.clear_caches()
    with env.db.read() as conn:
        page = catalog.list_courses(
            conn, conn.dialect.name, q=q, difficulty=None, max_hours=None, sort="relevance", limit=20
        )
    return [c.title for c in page.items]


def _fts_consistent(env: ImportEnv) -> None:
    if env.db.dialect == "sqlite":
        with env.db.write() as conn:  # raises when the index and its content disagree
            conn.exec_driver_sql("INSERT INTO courses_fts(courses_fts) VALUES ('integrity-check')")


def test_ranking_and_following_changes(env: ImportEnv, tmp_path: Path) -> None:
    import_package(env.target, _course(tmp_path, "a", "Body only", "Intro", "all about the pangolin here"))
    import_package(env.target, _course(tmp_path, "b", "Pangolin basics", "Start", "nothing else"))
    import_package(env.target, _course(tmp_path, "c", "Section only", "Meet the pangolin", "text"))
    import_package(env.target, _course(tmp_path, "d", "Described", "Start", "plain", "A pangolin course"))
    import_package(env.target, _course(tmp_path, "e", "Unrelated", "Other", "armadillo"))
    assert _search(env, "pangolin") == ["Pangolin basics", "Described", "Section only", "Body only"]
    assert _search(env, "pango") == ["Pangolin basics", "Described", "Section only", "Body only"]  # prefix
    assert _search(env, "armadillo") == ["Unrelated"]
    assert _search(env, 'armadillo" * (-') == ["Unrelated"]  # quotes and operators are separators
    _fts_consistent(env)

    import_package(env.target, _course(tmp_path / "v2", "e", "Unrelated", "Other", "okapi now"))
    assert _search(env, "armadillo") == [] and _search(env, "okapi") == ["Unrelated"]
    with env.db.write() as conn:
        course_id = conn.execute(sa.text("SELECT id FROM courses WHERE title = 'Body only'")).scalar_one()
        authoring.update_course(conn, course_id, title="Renamed body only")
    assert _search(env, "pangolin")[-1] == "Renamed body only"
    with env.db.write() as conn:
        authoring.purge_course(conn, course_id)
        left = conn.execute(
            sa.text(f"SELECT COUNT(*) FROM course_search WHERE course_id = {course_id}")
        ).scalar()
    assert left == 0 and "Renamed body only" not in _search(env, "pangolin")
    _fts_consistent(env)


def test_pages_across_the_two_tiers(env: ImportEnv, tmp_path: Path) -> None:
    for i in range(3):
        import_package(env.target, _course(tmp_path, f"t{i}", f"Quokka {i}", "Start", "plain"))
        import_package(env.target, _course(tmp_path, f"c{i}", f"Other {i}", "Start", "a quokka " * (i + 1)))
    pages = []
    with env.db.read() as conn:
        for page in (1, 2, 3, 4):
            catalog.clear_caches()
            found = catalog.list_courses(
                conn, conn.dialect.name, q="quokka", difficulty=None, max_hours=None, sort="relevance",
                page=page, limit=2,
            )  # fmt: skip
            assert found.total == 6
            pages.append([c.title for c in found.items])
        newest = catalog.list_courses(
            conn, conn.dialect.name, q="quokka", difficulty=None, max_hours=None, sort="newest", limit=10
        )
        first = catalog.list_courses(
            conn, conn.dialect.name, q="quokka", difficulty=None, max_hours=None, sort="relevance", limit=4
        )
        assert first.next_cursor is not None
        after = catalog.list_courses(
            conn, conn.dialect.name, q="quokka", difficulty=None, max_hours=None, sort="relevance", limit=4,
            cursor=first.next_cursor,
        )  # fmt: skip
    titles = [t for page in pages for t in page]
    assert sorted(titles[:3]) == ["Quokka 0", "Quokka 1", "Quokka 2"]
    assert sorted(titles[3:]) == ["Other 0", "Other 1", "Other 2"] and pages[3] == []
    assert len(newest.items) == 6 and newest.items[0].title == "Other 2"
    assert [c.title for c in first.items + after.items] == titles


def _set_enrollments(env: ImportEnv, counts: dict[str, int]) -> None:
    with env.db.write() as conn:
        for title, n in counts.items():
            conn.execute(
                sa.text("UPDATE courses SET enrollment_count = :n WHERE title = :t"), {"n": n, "t": title}
            )


def test_tiers_outrank_popularity(env: ImportEnv, tmp_path: Path) -> None:
    """Title and description first (ranked), then section titles, then section text; within a content
    tier, the most enrolled course first."""
    import_package(env.target, _course(tmp_path, "t", "Numbat care", "Start", "plain"))
    for i in range(2):
        import_package(env.target, _course(tmp_path, f"s{i}", f"Section {i}", "All about numbat", "text"))
        import_package(env.target, _course(tmp_path, f"b{i}", f"Body {i}", "Start", "a numbat lives here"))
    _set_enrollments(env, {"Body 0": 900, "Body 1": 50, "Section 0": 5, "Section 1": 40, "Numbat care": 0})
    assert _search(env, "numbat") == ["Numbat care", "Section 1", "Section 0", "Body 0", "Body 1"]


def _walk(env: ImportEnv, q: str, limit: int) -> tuple[list[str], list[str]]:
    """Every hit, once by cursor and once by page number."""
    by_cursor: list[str] = []
    by_page: list[str] = []
    with env.db.read() as conn:
        cursor = None
        while True:
            catalog.clear_caches()
            found = catalog.list_courses(
                conn, conn.dialect.name, q=q, difficulty=None, max_hours=None, sort="relevance",
                limit=limit, cursor=cursor,
            )  # fmt: skip
            by_cursor += [c.title for c in found.items]
            if found.next_cursor is None:
                break
            cursor = found.next_cursor
        for page in range(1, 12):
            found = catalog.list_courses(
                conn, conn.dialect.name, q=q, difficulty=None, max_hours=None, sort="relevance",
                limit=limit, page=page,
            )  # fmt: skip
            by_page += [c.title for c in found.items]
    return by_cursor, by_page


def test_cursors_and_pages_walk_the_three_tiers(env: ImportEnv, tmp_path: Path) -> None:
    for i in range(3):
        import_package(env.target, _course(tmp_path, f"t{i}", f"Dingo {i}", "Start", "plain"))
        import_package(env.target, _course(tmp_path, f"s{i}", f"Section {i}", f"Dingo {i}", "plain"))
        import_package(env.target, _course(tmp_path, f"b{i}", f"Body {i}", "Start", "a dingo"))
    _set_enrollments(
        env, {f"Section {i}": 10 * i for i in range(3)} | {f"Body {i}": 10 * i for i in range(3)}
    )
    expected_tail = ["Section 2", "Section 1", "Section 0", "Body 2", "Body 1", "Body 0"]
    for limit in (1, 2, 4, 20):
        by_cursor, by_page = _walk(env, "dingo", limit)
        assert by_cursor == by_page, limit
        assert sorted(by_cursor[:3]) == ["Dingo 0", "Dingo 1", "Dingo 2"] and by_cursor[3:] == expected_tail
