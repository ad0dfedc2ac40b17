"""The demo catalog reads true: each course's lessons, section titles and bodies are about what its title
says, section titles never repeat inside a lesson, tools fit their topic, and no two courses share a cover.

Checked over a generated catalog (the session's seeded one, and a small one with covers), from what a
learner sees: titles, descriptions, section titles and bodies, matched against the word lists.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from pathlib import Path

import pytest
import sqlalchemy as sa

from lms_desktop.server.db.engine import Database
from lms_desktop.server.db.queries.covers import cover_in_use
from lms_desktop.server.images import Thumbnails
from lms_desktop.server.seed import seed, tools, words
from tests.server.db_support import engine_params, open_migrated, seeded_database

TOPICS = sorted({t for s in words.SUBJECTS for t in s.topics}, key=len, reverse=True)  # longest first
SUBJECTS_OF: dict[str, list[words.Subject]] = defaultdict(list)
for _s in words.SUBJECTS:
    for _t in _s.topics:
        SUBJECTS_OF[_t].append(_s)
_ALL_TOOLS = {t for s in words.SUBJECTS for t in s.tools} | {
    t for ts in tools.TOPIC_TOOLS.values() for t in ts
}
TOOLS = sorted(_ALL_TOOLS, key=len, reverse=True)


@functools.cache
def _pattern(name: str, fold: bool) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w/-]){re.escape(name)}(?![\w/-])", re.IGNORECASE if fold else 0)


@functools.lru_cache(maxsize=20_000)  # bodies and titles are pooled: the same text comes back often
def _find_cached(text: str, names: tuple[str, ...], fold: bool) -> tuple[str, ...]:
    found = []
    for name in names:
        if name in text or fold:
            pattern = _pattern(name, fold)
            if pattern.search(text):
                found.append(name)
                text = pattern.sub("\0", text)
    return tuple(found)


# names that are no English word ("make", "apt") nor a subject ("Python" is also a tool of Statistics)
PROPER_TOOLS = [t for t in TOOLS if t[0].isupper() and t not in {s.name for s in words.SUBJECTS}]


def _find(text: str, names: list[str], *, fold: bool = False) -> list[str]:
    """The names in `text` as whole words, longest first, each match taken out before shorter ones look."""
    return list(_find_cached(text, tuple(names), fold))


def _allowed_tools(topic: str) -> set[str]:
    return {tool for s in SUBJECTS_OF[topic] for tool in tools.tools_for(s, topic)}


def _catalog(db: Database) -> list[dict[str, object]]:
    with db.read() as conn:
        courses = {
            cid: {"title": title, "description": desc, "image_key": key, "lessons": {}}
            for cid, title, desc, key in conn.execute(
                sa.text("SELECT id, title, description, image_key FROM courses")
            )
        }
        for lid, cid, title in conn.execute(sa.text("SELECT id, course_id, title FROM lessons ORDER BY id")):
            courses[cid]["lessons"][lid] = {"title": title, "sections": []}  # type: ignore[index]
        rows = conn.execute(
            sa.text(
                "SELECT s.course_id, s.lesson_id, s.title, b.markdown FROM sections s "
                "JOIN section_bodies b ON b.id = s.body_id ORDER BY s.id"
            )
        )
        for cid, lid, title, body in rows:
            courses[cid]["lessons"][lid]["sections"].append((title, body))  # type: ignore[index]
    return list(courses.values())


@pytest.fixture(scope="module", params=engine_params())
def catalog(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    return _catalog(seeded_database(request.param, request, tmp_path_factory))


def _course_topics(course: dict) -> tuple[list[str], list[words.Subject]]:
    """The topics the title names; for a survey ("Python for Beginners"), the subjects it names."""
    title = str(course["title"])
    named = _find(title, TOPICS)
    subjects = [s for s in words.SUBJECTS if re.match(rf"{re.escape(s.name)}\b", title)]
    return named, subjects


def test_lessons_teach_what_the_title_names(catalog: list[dict]) -> None:
    for course in catalog:
        named, subjects = _course_topics(course)
        allowed = set(named) or {t for s in subjects for t in s.topics}
        assert allowed, course["title"]
        lesson_titles = [lesson["title"] for lesson in course["lessons"].values()]
        assert len(set(lesson_titles)) == len(lesson_titles), course["title"]
        for title in lesson_titles:
            topics = _find(title, TOPICS)
            assert topics and topics[0] in allowed, (course["title"], title)


def test_descriptions_mention_only_the_courses_topics(catalog: list[dict]) -> None:
    for course in catalog:
        taught = {_find(lesson["title"], TOPICS)[0] for lesson in course["lessons"].values()}
        # tools are matched too, so that "Docker Compose" does not count as the topic "Compose"
        names = sorted({*TOPICS, *TOOLS}, key=len, reverse=True)
        mentioned = set(_find(str(course["description"]), names, fold=True)) & set(TOPICS)
        assert mentioned <= taught, (course["title"], course["description"], taught)


def test_sections_and_bodies_follow_their_lesson(catalog: list[dict]) -> None:
    for course in catalog:
        for lesson in course["lessons"].values():
            topic = _find(lesson["title"], TOPICS)[0]
            tools = _allowed_tools(topic)
            titles = [title for title, _body in lesson["sections"]]
            assert len(set(titles)) == len(titles), (course["title"], lesson["title"], titles)
            for title, body in lesson["sections"]:
                named_tools = [t for t in _find(title, TOOLS) if t not in _find(title, [topic])]
                assert topic in title or named_tools, (lesson["title"], title)
                assert set(named_tools) <= tools, (
                    lesson["title"],
                    title,
                    tools,
                )  # no XGBoost in Linear Models
                assert body.startswith(f"## {topic}\n"), (title, body[:80])
                assert all(tool in body for tool in named_tools), (title, body)
                prose = re.sub(r"```.*?```", "", body, flags=re.DOTALL)
                assert not set(_find(prose, PROPER_TOOLS)) - tools, (title, body)


def test_covers_differ_between_courses_of_one_topic(tmp_path: Path) -> None:
    db = open_migrated(f"sqlite:///{tmp_path / 'covers.sqlite3'}")
    try:
        images = tmp_path / "images"
        seed(db, courses=400, users=5, seed=3, images_dir=images)
        courses = _catalog(db)
        by_topic: dict[str, list[str]] = defaultdict(list)
        for course in courses:
            for topic in {_find(lesson["title"], TOPICS)[0] for lesson in course["lessons"].values()}:
                by_topic[topic].append(str(course["image_key"]))
        crowded = max(by_topic.values(), key=len)
        assert len(crowded) >= 5
        for keys in by_topic.values():
            assert len(set(keys)) == len(keys)
        thumbs = Thumbnails(images, in_use=functools.partial(cover_in_use, db))
        drawn = [thumbs.thumbnail(key, 160, "jpeg") for key in crowded[:4]]
        pictures = [path.read_bytes() for path in drawn if path is not None]
        assert len(pictures) == 4 and len(set(pictures)) == 4  # other pixels, not just other names
    finally:
        db.close()
