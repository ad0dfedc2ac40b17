"""The catalog: course cards, their pages and a course's detail with the caller's own state."""

from __future__ import annotations

from datetime import datetime

from lms_desktop.contract.base import Difficulty, EnrollmentStatus, Struct


class CourseSummary(Struct, kw_only=True):
    """One card in the catalog. Public data only, so listings are shared by every learner's cache."""

    id: int
    title: str
    description: str  # the first few hundred characters; the card elides it
    difficulty: Difficulty
    estimated_hours: float
    image_url: str | None  # versioned: changes when the image changes; append ?w=&fmt=
    enrollment_count: int
    rating_avg: float | None
    rating_count: int
    created_at: datetime


class CoursePage(Struct, kw_only=True):
    items: list[CourseSummary]
    total: int
    page: int
    limit: int
    next_cursor: str | None = None  # keyset cursor for the page after this one
    # True when `total` is a lower bound: a search's hits are counted up to a cap (1,000)
    total_is_estimate: bool = False


class CourseDetail(Struct, kw_only=True):
    """Course meta with the caller's own state (enrollment, rating): per-user, so private."""

    id: int
    title: str
    description: str
    difficulty: Difficulty
    estimated_hours: float
    image_url: str | None
    enrollment_count: int
    rating_avg: float | None
    rating_count: int
    created_at: datetime
    updated_at: datetime
    lesson_count: int
    section_count: int
    enrollment_status: EnrollmentStatus | None = None
    enrolled_at: datetime | None = None
    my_rating: int | None = None
    language: str = "en"
