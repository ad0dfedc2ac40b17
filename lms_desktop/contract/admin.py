"""Authoring: import summaries and the courses as their authors see them."""

from __future__ import annotations

from datetime import datetime

from lms_desktop.contract.base import Struct


class SkippedItem(Struct, kw_only=True):
    item: str  # the package entry or item title
    reason: str


class ImportedCourse(Struct, kw_only=True):
    id: int
    title: str
    created: bool  # False: an earlier import of the same package was updated in place
    lessons: int
    sections: dict[str, int]  # section type -> count
    assets: int
    questions: int
    skipped: list[SkippedItem] = []


class ImportSummary(Struct, kw_only=True):
    courses: list[ImportedCourse]


class AuthorCourse(Struct, kw_only=True):
    """A course as its authors see it: drafts included, with where it came from."""

    id: int
    title: str
    published: bool
    source_key: str | None  # the imported package's identifier (None: made here)
    lesson_count: int
    section_count: int
    updated_at: datetime


class AuthorCoursePage(Struct, kw_only=True):
    items: list[AuthorCourse]
    total: int
    page: int
    limit: int
