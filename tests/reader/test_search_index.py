"""The offline search index: words from downloaded courses only, per account, any input safe, removal
removes the entries."""

from __future__ import annotations

from pathlib import Path

from lms_desktop.client.offline import search_index
from lms_desktop.client.offline.search_index import IndexedSection, OfflineSearchIndex, match_expression


def _index(tmp_path: Path) -> OfflineSearchIndex:
    index = OfflineSearchIndex(tmp_path / "search.sqlite3")
    index.replace_course(
        "srv|u1",
        7,
        "Astronomy basics",
        "Stars and planets for beginners",
        [
            IndexedSection(70, "The night sky", "Constellations such as Orion are easy to find."),
            IndexedSection(71, "Telescopes", "A refractor uses lenses; a reflector uses mirrors."),
        ],
    )
    return index


def test_finds_section_words_with_prefix_on_the_last_word(tmp_path: Path) -> None:
    index = _index(tmp_path)
    hits = index.search("srv|u1", "reflector mirr")
    assert [(h.course_id, h.section_id, h.title) for h in hits] == [(7, 71, "Telescopes")]
    assert "[mirrors]" in hits[0].snippet
    course_hits = index.search("srv|u1", "planets")
    assert [(h.course_id, h.section_id) for h in course_hits] == [(7, None)]


def test_other_accounts_and_removed_courses_find_nothing(tmp_path: Path) -> None:
    index = _index(tmp_path)
    assert index.search("srv|u2", "Orion") == []
    index.remove_course("srv|u1", 7)
    assert index.search("srv|u1", "Orion") == []
    assert index.courses("srv|u1") == set()


def test_reindexing_replaces_and_any_input_is_safe(tmp_path: Path) -> None:
    index = _index(tmp_path)
    index.replace_course("srv|u1", 7, "Astronomy basics", "", [IndexedSection(72, "Comets", "Halley")])
    assert index.search("srv|u1", "Orion") == []
    assert [h.section_id for h in index.search("srv|u1", "halley")] == [72]
    for nasty in ['"', "AND OR NOT", "*", "-x", "(", "NEAR(a b)", "🚀", "x" * 5000, ""]:
        index.search("srv|u1", nasty)  # never an FTS5 syntax error
    assert match_expression("  ") is None


def test_a_word_in_most_sections_puts_title_matches_first(tmp_path: Path) -> None:
    index = OfflineSearchIndex(tmp_path / "search.sqlite3")
    sections = [IndexedSection(i, f"Part {i}", "common words everywhere") for i in range(1, 1200)]
    sections.append(IndexedSection(5000, "Common ground", "the title says it"))
    index.replace_course("a", 1, "Course", "", sections)
    assert index._estimate(index._table("a", create=False) or "", "common") > search_index.RANK_AT_MOST
    hits = index.search("a", "common")
    assert hits[0].section_id == 5000 and len(hits) == search_index.MAX_HITS
    assert [h.section_id for h in index.search("a", "title says")] == [5000]  # rare words: ranked path
