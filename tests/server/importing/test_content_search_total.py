"""A search's total: hits counted up to a cap (title and description hits first, then content-only ones);
past the cap the total is the cap, a lower bound that says so (`total_is_estimate`), on the wire too,
while every page and cursor still walks all the hits in tier order. Plain listings count exactly."""

from __future__ import annotations

from pathlib import Path

import httpx
import msgspec
import pytest

from lms_desktop.contract import CoursePage
from lms_desktop.server.db.queries import catalog, catalog_search
from lms_desktop.server.importing.service import import_package
from tests.server.importing.conftest import ImportEnv
from tests.server.importing.packages import write


def _course(root: Path, ident: str, title: str, body: str, difficulty: str = "beginner") -> Path:
    return write(
        root / ident,
        {
            "course.toml": f'id = "{ident}"\ntitle = "{title}"\ndifficulty = "{difficulty}"\n',
            "01-one/01-page.md": f"# Start\n\n{body}\n",
        },
    )


@pytest.fixture
def wombats(env: ImportEnv, tmp_path: Path) -> ImportEnv:
    """Two courses with "wombat" in the title, four with it only in their text (one of them advanced)."""
    for i in range(2):
        import_package(env.target, _course(tmp_path, f"t{i}", f"Wombat {i}", "plain"))
    for i in range(4):
        level = "advanced" if i == 3 else "beginner"
        import_package(env.target, _course(tmp_path, f"c{i}", f"Otter {i}", "a wombat " * (i + 1), level))
    return env


def _page(env: ImportEnv, q: str, **kw: object) -> CoursePage:
    catalog.clear_caches()
    args: dict[str, object] = {"difficulty": None, "max_hours": None, "sort": "relevance", "limit": 20}
    args.update(kw)
    with env.db.read() as conn:
        return catalog.list_courses(conn, conn.dialect.name, q=q, **args)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cap", "total", "estimate"), [(1, 1, True), (3, 3, True), (5, 5, True), (6, 6, False), (50, 6, False)]
)
def test_hits_are_counted_up_to_the_cap(
    wombats: ImportEnv, monkeypatch: pytest.MonkeyPatch, cap: int, total: int, estimate: bool
) -> None:
    monkeypatch.setattr(catalog_search, "TOTAL_COUNT_CAP", cap)
    page = _page(wombats, "wombat")
    assert (page.total, page.total_is_estimate) == (total, estimate)
    assert len(page.items) == 6  # the page itself is not capped
    assert sorted(c.title for c in page.items[:2]) == ["Wombat 0", "Wombat 1"]  # title hits first
    assert {c.title for c in page.items[2:]} == {"Otter 0", "Otter 1", "Otter 2", "Otter 3"}


def test_the_cap_counts_after_the_filters(wombats: ImportEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog_search, "TOTAL_COUNT_CAP", 5)
    page = _page(wombats, "wombat", difficulty="beginner")  # two title hits, three text hits: at the cap
    assert (page.total, page.total_is_estimate) == (5, False)
    page = _page(wombats, "wombat", difficulty="advanced")
    assert (page.total, page.total_is_estimate) == (1, False) and [c.title for c in page.items] == ["Otter 3"]


def test_title_hits_are_capped_and_listings_stay_exact(
    wombats: ImportEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalog_search, "TOTAL_COUNT_CAP", 1)
    otter = _page(wombats, "otter")  # four title hits: past the cap before the content is counted
    assert (otter.total, otter.total_is_estimate, len(otter.items)) == (1, True, 4)
    catalog.clear_caches()
    with wombats.db.read() as conn:
        listing = catalog.list_courses(
            conn, conn.dialect.name, q=None, difficulty=None, max_hours=None, sort="popular", limit=2
        )
    assert (listing.total, listing.total_is_estimate) == (6, False)


def test_cursor_pages_walk_every_hit_past_the_cap(
    wombats: ImportEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalog_search, "TOTAL_COUNT_CAP", 1)
    for sort in ("relevance", "newest"):
        seen: list[str] = []
        page = _page(wombats, "wombat", sort=sort, limit=2)
        while True:
            assert (page.total, page.total_is_estimate) == (1, True)
            seen += [c.title for c in page.items]
            if page.next_cursor is None:
                break
            page = _page(wombats, "wombat", sort=sort, limit=2, cursor=page.next_cursor)
        assert len(seen) == 6 and len(set(seen)) == 6, (sort, seen)
        if sort == "relevance":  # title hits first
            assert sorted(seen[:2]) == ["Wombat 0", "Wombat 1"]


def test_the_estimate_flag_reaches_the_wire(wombats: ImportEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog_search, "TOTAL_COUNT_CAP", 5)
    catalog.clear_caches()
    with wombats.serve() as server:
        capped = httpx.get(f"{server.api_url}/courses", params={"q": "wombat"})
        exact = httpx.get(f"{server.api_url}/courses", params={"q": "otter"})
    assert capped.status_code == 200 and exact.status_code == 200
    assert (capped.json()["total"], capped.json()["total_is_estimate"]) == (5, True)
    assert msgspec.json.decode(exact.content, type=CoursePage).total_is_estimate is False
