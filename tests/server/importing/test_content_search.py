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
