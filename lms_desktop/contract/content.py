"""A course's content: its outline (lessons and sections) and one section with the files it needs."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from lms_desktop.contract.base import AssetKind, SectionType, Struct
from lms_desktop.contract.quiz import Quiz


class SectionOutline(Struct, kw_only=True):
    id: int
    title: str
    order: int
    type: SectionType
    duration_minutes: int
    completed_at: datetime | None = None
    time_spent_seconds: int = 0
    position_seconds: int | None = None  # video: where the caller stopped watching
    version: int = 1  # bumps when the section's content changes (a downloaded copy refreshes)
    best_score: float | None = None  # quizzes: the caller's best attempt, with the quiz's max_score
    max_score: float | None = None


class LessonOutline(Struct, kw_only=True):
    id: int
    title: str
    order: int
    sections: list[SectionOutline]


class CourseContent(Struct, kw_only=True):
    course_id: int
    lessons: list[LessonOutline]


class Asset(Struct, kw_only=True):
    """A file a section needs (an image in its page, the attachment, the video, a caption track).

    `url` is under /api/v1/assets/; the bytes never change for a URL (content-addressed by sha256)."""

    url: str
    sha256: str
    name: str  # the file's name, for Save as... and the Downloads screen
    content_type: str
    size: int
    kind: AssetKind


class Caption(Struct, kw_only=True):
    language: str  # BCP 47 tag, e.g. "en", "de"
    label: str  # shown in the captions menu
    url: str
    format: Literal["vtt", "srt"]


class Section(Struct, kw_only=True):
    id: int
    course_id: int
    lesson_id: int
    title: str
    order: int
    type: SectionType
    duration_minutes: int
    body_markdown: str  # text/exercise sections; "" for imported ones
    prev_section_id: int | None = None
    next_section_id: int | None = None
    version: int = 1
    body_html: str | None = None  # sanitized HTML: a page, a quiz's intro, a discussion's prompt...
    url: str | None = None  # link, video URL, discussion or external tool's home
    provider: str | None = None  # video: "youtube" / "vimeo" (opened in the browser); external: the platform
    file: Asset | None = None  # file section's attachment, video section's file
    captions: list[Caption] = []
    assets: list[Asset] = []  # everything this section needs offline (images in the page, file, captions)
    quiz: Quiz | None = None
