"""The wire contract between the bundled server and the client: one module, decoded on both sides.

Every JSON body that crosses HTTP is one of these msgspec Structs. The server encodes them, the client
decodes with the same types, so a change here is a change to the API and shows up in both test suites.
Timestamps are timezone-aware UTC datetimes (RFC 3339 on the wire).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

API_PREFIX = "/api/v1"

Difficulty = Literal["beginner", "intermediate", "advanced"]
SortOrder = Literal["relevance", "popular", "newest", "rating"]
# text/exercise: Markdown bodies (generated demo courses). Imported courses use the others: page (sanitized
# HTML), file (an attachment), link (a web address), video (a file in the package or a URL), quiz, discussion
# (its prompt, read-only) and external (LTI tools and anything that needs its home platform).
SectionType = Literal["text", "video", "quiz", "exercise", "page", "file", "link", "discussion", "external"]
EnrollmentStatus = Literal["active", "completed", "dropped"]
Role = Literal["learner", "author", "admin"]
AssetKind = Literal["image", "file", "video", "caption"]
QuestionKind = Literal["single", "multiple", "text", "numeric", "essay", "unsupported"]

MAX_PAGE_LIMIT = 100
MAX_QUERY_CHARS = 5_000
THUMBNAIL_WIDTHS = (160, 320, 640)
# A course's average rating is shown from this many ratings on: one or two votes say little.
MIN_RATINGS_SHOWN = 3

# An op id makes a write safe to replay (offline outbox, retries): the server applies it at most once.
OpId = Annotated[str, msgspec.Meta(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")]
Rating = Annotated[int, msgspec.Meta(ge=1, le=5)]
Seconds = Annotated[int, msgspec.Meta(ge=0, le=86_400)]


class Struct(msgspec.Struct, kw_only=True):
    """Base for wire types; unknown fields from a newer server are ignored when decoding."""


# ---- errors -------------------------------------------------------------------------------------


class ErrorBody(Struct, kw_only=True):
    status_code: int
    detail: str
    extra: dict[str, object] | list[object] | None = None


# ---- auth ---------------------------------------------------------------------------------------


class TokenRequest(Struct, kw_only=True):
    username: Annotated[str, msgspec.Meta(min_length=1, max_length=150)]
    password: Annotated[str, msgspec.Meta(min_length=1, max_length=1024)]


class TokenResponse(Struct, kw_only=True):
    access_token: str
    token_type: str = "bearer"
    expires_at: datetime


class User(Struct, kw_only=True):
    id: int
    username: str
    display_name: str
    role: Role = "learner"


# ---- catalog ------------------------------------------------------------------------------------


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
    # True when `total` is a lower bound: a search's content-only hits are counted up to a cap
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


class QuizChoice(Struct, kw_only=True):
    id: str  # the package's identifier (QTI response_label ident, OLX choice name or position)
    html: str


class QuizQuestion(Struct, kw_only=True):
    """A question as a learner sees it: never the answer key."""

    id: str  # the package's identifier (QTI item ident, OLX url_name[+response position])
    kind: QuestionKind
    prompt_html: str
    choices: list[QuizChoice] = []
    points: float = 1.0


class Quiz(Struct, kw_only=True):
    max_attempts: int | None  # None: unlimited
    questions: list[QuizQuestion]


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


# ---- the learner's own writes -------------------------------------------------------------------


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


# ---- quizzes ------------------------------------------------------------------------------------

# A choice id (single), choice ids (multiple), a text (text, essay) or a number (numeric).
AnswerValue = str | list[str] | float


class AttemptRequest(Struct, kw_only=True):
    """POST /sections/{id}/attempts. Safe to replay: the same op_id returns the same result."""

    op_id: OpId
    client_timestamp: datetime | None = None
    answers: dict[str, AnswerValue]


class QuestionResult(Struct, kw_only=True):
    correct: bool | None  # None: not scored (essay, unsupported)
    points: float
    feedback_html: str | None = None


class AttemptResult(Struct, kw_only=True):
    attempt: int  # 1-based attempt number
    score: float
    max_score: float
    results: dict[str, QuestionResult]


class AttemptSummary(Struct, kw_only=True):
    attempt: int
    score: float
    max_score: float
    submitted_at: datetime
    best: bool = False
    latest: bool = False
    results: dict[str, QuestionResult] = {}
    answers: dict[str, AnswerValue] = {}


class AttemptList(Struct, kw_only=True):
    section_id: int
    max_attempts: int | None
    attempts_left: int | None  # None: unlimited
    attempts: list[AttemptSummary]


# ---- authoring: imports and course administration -------------------------------------------------


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


# ---- operations ---------------------------------------------------------------------------------


class Health(Struct, kw_only=True):
    """Readiness: 200 only while this instance should get traffic (database answering, schema migrated,
    writes accepted, not shutting down); `status` is "degraded" when anything is wrong, Redis included."""

    status: Literal["ok", "degraded"]
    database: bool
    redis: bool | None = None
    version: str
    ready: bool = True
    migrated: bool = True
    writes: bool = True
    draining: bool = False


class Liveness(Struct, kw_only=True):
    """The process's event loop answers (restart it if not); says nothing about the database."""

    status: Literal["ok"] = "ok"
    version: str


class EndpointMetrics(Struct, kw_only=True):
    route: str
    count: int
    errors: int
    p50_ms: float
    p99_ms: float


class SlowQuery(Struct, kw_only=True):
    sql: str
    ms: float
    at: datetime


class Metrics(Struct, kw_only=True):
    uptime_seconds: float
    requests: int
    endpoints: list[EndpointMetrics]
    slow_queries: list[SlowQuery]
    cache_hits: int
    cache_misses: int


encoder = msgspec.json.Encoder()


def decoder[T](kind: type[T]) -> msgspec.json.Decoder[T]:
    """A reusable decoder for one wire type (decoders are cheap to call, not to build)."""
    return msgspec.json.Decoder(kind)
