"""The learner's own writes (enrollment, progress, rating) and the dashboard that sums them up."""

from __future__ import annotations

from datetime import datetime

from lms_desktop.contract.base import Difficulty, EnrollmentStatus, OpId, Rating, Seconds, Struct


class EnrollmentRequest(Struct, kw_only=True):
    """Body of PUT/DELETE /courses/{id}/enrollment; optional so a bare PUT works too."""

    op_id: OpId | None = None
    client_timestamp: datetime | None = None


class Enrollment(Struct, kw_only=True):
    course_id: int
    status: EnrollmentStatus | None  # None: not enrolled
    enrolled_at: datetime | None = None
    updated_at: datetime | None = None


class ProgressUpdate(Struct, kw_only=True):
    """PUT /progress/{section_id}. Safe to replay: op_id makes it apply once, completion never regresses.

    `time_spent_seconds` is the time spent in this session (a delta), added once per op_id.
    `position_seconds` is where the learner stopped in a video; the latest by `client_timestamp` wins.
    """

    completed_at: datetime | None = None
    time_spent_seconds: Seconds = 0
    client_timestamp: datetime | None = None
    op_id: OpId | None = None
    position_seconds: Seconds | None = None


class Progress(Struct, kw_only=True):
    section_id: int
    course_id: int
    completed_at: datetime | None
    time_spent_seconds: int
    updated_at: datetime | None = None
    position_seconds: int | None = None


class RatingUpdate(Struct, kw_only=True):
    rating: Rating
    client_timestamp: datetime | None = None
    op_id: OpId | None = None


class CourseRating(Struct, kw_only=True):
    course_id: int
    rating: int | None
    rating_avg: float | None
    rating_count: int


class DashboardItem(Struct, kw_only=True):
    course_id: int
    title: str
    image_url: str | None
    difficulty: Difficulty
    enrollment_status: EnrollmentStatus
    enrolled_at: datetime
    total_sections: int
    completed_sections: int
    percent_complete: float  # 0..100
    time_spent_seconds: int
    last_activity: datetime | None
    next_section_id: int | None = None  # first section not yet completed, for "Continue"
    quiz_average: float | None = None  # 0..100: mean of the best score of each quiz attempted


class Dashboard(Struct, kw_only=True):
    items: list[DashboardItem]
