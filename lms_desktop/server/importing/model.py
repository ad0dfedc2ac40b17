"""The neutral course model every format reader produces and the writer stores.

HTML in here is already sanitized, asset links already point at asset URLs, and links to other sections
are `section_ref()` placeholders the writer replaces with the target section's id once it has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lms_desktop.contract import API_PREFIX

_REF_PREFIX = f"{API_PREFIX}/sections/ref-"
REF_RE = re.compile(re.escape(_REF_PREFIX) + r"(\d+)")


@dataclass(slots=True)
class Question:
    key: str
    kind: str  # single, multiple, text, numeric, essay, unsupported
    prompt_html: str
    choices: list[dict[str, str]] = field(default_factory=list)
    answer_key: dict[str, Any] = field(default_factory=dict)
    feedback: dict[str, Any] = field(default_factory=dict)
    points: float = 1.0


@dataclass(slots=True)
class SectionData:
    key: str  # the item's identifier in the package (stable across re-imports)
    title: str
    type: str
    html: str = ""
    plain: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    duration_minutes: int = 5
    questions: list[Question] = field(default_factory=list)


@dataclass(slots=True)
class LessonData:
    title: str
    sections: list[SectionData] = field(default_factory=list)


@dataclass(slots=True)
class StoredAsset:
    sha256: str
    size: int
    content_type: str
    name: str


@dataclass(slots=True)
class CourseData:
    source_key: str
    title: str
    description: str = ""
    language: str = "en"
    difficulty: str = "beginner"
    estimated_hours: float | None = None
    cover: StoredAsset | None = None
    lessons: list[LessonData] = field(default_factory=list)
    assets: dict[str, StoredAsset] = field(default_factory=dict)  # sha256 -> asset
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (item, reason)
    section_refs: list[str] = field(default_factory=list)  # placeholder index -> section key

    def skip(self, item: str, reason: str) -> None:
        self.skipped.append((item, reason))

    def section_ref(self, key: str) -> str:
        """A placeholder URL for a link to the section with this key (resolved by the writer)."""
        if key in self.section_refs:
            index = self.section_refs.index(key)
        else:
            index = len(self.section_refs)
            self.section_refs.append(key)
        return f"{_REF_PREFIX}{index}"

    def all_sections(self) -> list[SectionData]:
        return [s for lesson in self.lessons for s in lesson.sections]
