"""Listing, search, filters, sorts and pagination bounds through HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import httpx
import pytest

from lms_desktop.contract import (
    MAX_PAGE_LIMIT,
    MAX_QUERY_CHARS,
    CourseContent,
    CourseDetail,
    CoursePage,
    Section,
    decoder,
)
from lms_desktop.server.db import rating_score
from lms_desktop.server.embedded import EmbeddedServer

page_decoder = decoder(CoursePage)

# One keep-alive client per module: a client per call would rebuild its TLS context every time.
http = httpx.Client(timeout=30)


def get_page(server: EmbeddedServer, **params: object) -> CoursePage:
    r = http.get(f"{server.api_url}/courses", params=params)  # type: ignore[arg-type]
    assert r.status_code == 200, r.text
    return page_decoder.decode(r.content)


def test_listing_returns_a_page_with_total(api_server: EmbeddedServer) -> None:
    page = get_page(api_server)
    assert page.page == 1 and page.limit == 20
    assert len(page.items) == 20
    assert page.total >= 100  # 120 seeded, a few may be unpublished
    assert len({c.id for c in page.items}) == 20


def test_pages_do_not_overlap_and_cover_the_catalog(api_server: EmbeddedServer) -> None:
    first = get_page(api_server, sort="newest", limit=100)
    second = get_page(api_server, sort="newest", limit=100, page=2)
    ids = [c.id for c in first.items] + [c.id for c in second.items]
    assert len(ids) == len(set(ids)) == first.total
    beyond = get_page(api_server, sort="newest", limit=100, page=50)
    assert beyond.items == [] and beyond.total == first.total


def test_cursor_continues_where_the_page_ended(api_server: EmbeddedServer) -> None:
    first = get_page(api_server, sort="popular", limit=10)
    assert first.next_cursor
    by_cursor = get_page(api_server, sort="popular", limit=10, page=2, cursor=first.next_cursor)
    by_offset = get_page(api_server, sort="popular", limit=10, page=2)
    assert [c.id for c in by_cursor.items] == [c.id for c in by_offset.items]


@pytest.mark.parametrize("sort", ["popular", "newest", "rating", "relevance"])
def test_sorts(api_server: EmbeddedServer, sort: str) -> None:
    items = get_page(api_server, sort=sort, limit=50).items
    assert items
    if sort in ("popular", "relevance"):  # relevance without q = popular
        counts = [c.enrollment_count for c in items]
        assert counts == sorted(counts, reverse=True)
    elif sort == "newest":
        created = [c.created_at for c in items]
        assert created == sorted(created, reverse=True)
    else:  # the Bayesian average of each course's ratings, weighted toward the catalog's mean
        assert api_server.database is not None
        with api_server.database.read() as conn:
            prior = rating_score.read_prior(conn)
        scores = [
            rating_score.score(round((c.rating_avg or 0) * c.rating_count), c.rating_count, prior)
            for c in items
        ]
        assert scores == sorted(scores, reverse=True)
        assert scores[0] > 0


def test_filters(api_server: EmbeddedServer) -> None:
    for level in ("beginner", "intermediate", "advanced"):
        items = get_page(api_server, difficulty=level, limit=100).items
        assert items and all(c.difficulty == level for c in items)
    short = get_page(api_server, max_hours=5, limit=100)
    assert all(c.estimated_hours <= 5 for c in short.items)
    assert short.total < get_page(api_server).total


def test_search_finds_a_course_by_a_title_word(api_server: EmbeddedServer) -> None:
    target = get_page(api_server, sort="newest", limit=1).items[0]
    word = max(target.title.split(), key=len).strip(".,:;!?()")
    found = get_page(api_server, q=word, limit=100)
    assert target.id in {c.id for c in found.items}
    prefix = get_page(api_server, q=word[:3], limit=100)  # search-as-you-type
    assert prefix.total >= found.total


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '"unterminated',
        "python AND",
        "OR",
        "NEAR(a b)",
        "a NEAR b",
        "*",
        "py*",
        "-python",
        "NOT",
        "(((",
        "a) OR (b",
        "🎓📚 emoji",
        "col:title",
        "^start",
        "'; DROP TABLE courses; --",
        "\\",
        "%_%",
        "   ",
        "x" * MAX_QUERY_CHARS,
        "word " * (MAX_QUERY_CHARS // 5),
        "🎓" * MAX_QUERY_CHARS,
    ],
)
def test_any_search_text_up_to_the_limit_is_200(api_server: EmbeddedServer, q: str) -> None:
    page = get_page(api_server, q=q, limit=5)
    assert page.total >= len(page.items)


def test_search_text_over_the_limit_is_400(api_server: EmbeddedServer) -> None:
    r = http.get(f"{api_server.api_url}/courses", params={"q": "x" * (MAX_QUERY_CHARS + 1)})
    assert r.status_code == 400
    body = r.json()
    assert body["status_code"] == 400 and len(body["detail"]) <= 300
    assert any(item["key"] == "q" for item in body["extra"])


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": MAX_PAGE_LIMIT + 1},
        {"limit": -5},
        {"limit": "ten"},
        {"page": 0},
        {"page": -1},
        {"page": "x"},
        {"sort": "random"},
        {"difficulty": "expert"},
        {"max_hours": -1},
        {"max_hours": "lots"},
        {"cursor": "garbage!!"},
        {"cursor": "x" * 600},
    ],
)
def test_out_of_bounds_listing_parameters_are_400(
    api_server: EmbeddedServer, params: dict[str, object]
) -> None:
    r = http.get(f"{api_server.api_url}/courses", params=params)  # type: ignore[arg-type]
    assert r.status_code == 400, r.text
    assert r.json()["detail"]


def test_limit_bounds_are_inclusive(api_server: EmbeddedServer) -> None:
    assert len(get_page(api_server, limit=1).items) == 1
    assert get_page(api_server, limit=MAX_PAGE_LIMIT).limit == MAX_PAGE_LIMIT


def test_course_detail_content_and_section(api_server: EmbeddedServer) -> None:
    course = get_page(api_server, limit=1).items[0]
    r = http.get(f"{api_server.api_url}/courses/{course.id}")
    assert r.status_code == 200
    detail = decoder(CourseDetail).decode(r.content)
    assert detail.id == course.id and detail.title == course.title
    assert detail.enrollment_status is None and detail.my_rating is None  # anonymous
    r = http.get(f"{api_server.api_url}/courses/{course.id}/content")
    assert r.status_code == 200
    content = decoder(CourseContent).decode(r.content)
    assert content.course_id == course.id and content.lessons
    assert [lesson.order for lesson in content.lessons] == sorted(lesson.order for lesson in content.lessons)
    assert sum(len(lesson.sections) for lesson in content.lessons) == detail.section_count
    first = content.lessons[0].sections[0]
    r = http.get(f"{api_server.api_url}/sections/{first.id}")
    assert r.status_code == 200
    section = decoder(Section).decode(r.content)
    assert section.course_id == course.id and section.body_markdown


@pytest.mark.parametrize("path", ["/courses/999999999", "/courses/999999999/content", "/sections/999999999"])
def test_missing_resources_are_404_json(api_server: EmbeddedServer, path: str) -> None:
    r = http.get(api_server.api_url + path)
    assert r.status_code == 404
    assert r.json()["status_code"] == 404


@pytest.mark.parametrize(
    "path",
    [
        "/courses/abc",
        "/courses/0",
        "/courses/-1/content",
        "/sections/1.5",
        "/courses/7197315524132958371840",  # beyond a 32-bit id: bad input, not an overflow 500
        "/courses/2147483648/content",
        "/sections/99999999999999999999",
    ],
)
def test_bad_ids_are_4xx(api_server: EmbeddedServer, path: str) -> None:
    r = http.get(api_server.api_url + path)
    assert 400 <= r.status_code < 500
    assert r.json()["detail"]
