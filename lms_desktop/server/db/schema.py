"""The schema as SQLAlchemy Core tables: the single source the queries and the migrations agree on.

Denormalised counters (courses.enrollment_count / rating_sum / rating_count / rating_avg / rating_score,
lesson_count, section_count; sections.course_id / course_position; progress.course_id) exist so the hot
reads (listing sorts, dashboard, next section) are index scans, not per-request aggregates. They are
maintained inside the learner write transactions (queries/learner.py) and by the seed / authoring code.

Full-text objects (the FTS5 table on SQLite, the tsvector column on PostgreSQL) are created by the migration
only: they are engine specific and hidden from Alembic's comparison (see migrations/env.py).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

DIFFICULTIES = ("beginner", "intermediate", "advanced")
# text/exercise: Markdown bodies (the generated demo); the rest come from imported packages (HTML, files...).
SECTION_TYPES = ("text", "video", "quiz", "exercise", "page", "file", "link", "discussion", "external")
SECTION_TYPES_SQL = ", ".join(f"'{t}'" for t in SECTION_TYPES)
ROLES = ("learner", "author", "admin")
QUESTION_KINDS = ("single", "multiple", "text", "numeric", "essay", "unsupported")

# The visibility predicate, spelled exactly as the partial indexes spell it: SQLite only uses a partial
# index when the query's WHERE contains the index's terms verbatim.
VISIBLE_SQL = {
    "sqlite": "is_published = 1 AND deleted_at IS NULL",
    "postgresql": "is_published AND deleted_at IS NULL",
}


def visible_sql(dialect: str, alias: str = "courses") -> str:
    """The visibility WHERE fragment for a courses table (or alias) on one engine."""
    if dialect == "sqlite":
        return f"{alias}.is_published = 1 AND {alias}.deleted_at IS NULL"
    return f"{alias}.is_published AND {alias}.deleted_at IS NULL"


class UTCDateTime(sa.TypeDecorator[datetime]):
    """Timezone-aware UTC in Python on both engines.

    PostgreSQL stores timestamptz; SQLite stores naive UTC text in SQLAlchemy's fixed-width format, so string
    comparison in SQL (MIN of completion times, keyset cursors) orders correctly.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # raw text from a text() query on SQLite
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _now() -> datetime:
    return datetime.now(UTC)


users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(150), nullable=False, unique=True),
    sa.Column("display_name", sa.String(200), nullable=False),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    sa.Column("created_at", UTCDateTime, nullable=False, default=_now),
    sa.Column("role", sa.String(20), nullable=False, server_default="learner"),
)

tokens = sa.Table(
    "tokens",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False),
    sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
)

courses = sa.Table(
    "courses",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("description", sa.Text, nullable=False, server_default=""),
    sa.Column("difficulty", sa.String(20), nullable=False),
    sa.Column("estimated_hours", sa.Float, nullable=False),
    sa.Column("image_key", sa.String(80), nullable=True),
    sa.Column("is_published", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("deleted_at", UTCDateTime, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    sa.Column("lesson_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("section_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("enrollment_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rating_sum", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rating_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rating_avg", sa.Float, nullable=False, server_default="0"),
    # The Bayesian average "Top rated" sorts on (db/rating_score.py); 0 while nobody rated the course.
    sa.Column("rating_score", sa.Float, nullable=False, server_default="0"),
    # The imported package's identifier: a re-import of the same package updates this course in place.
    sa.Column("source_key", sa.String(300), nullable=True),
    sa.Column("language", sa.String(35), nullable=False, server_default="en"),
    sa.CheckConstraint("difficulty IN ('beginner', 'intermediate', 'advanced')", name="difficulty"),
    sa.CheckConstraint("estimated_hours >= 0", name="estimated_hours"),
    sa.CheckConstraint("enrollment_count >= 0", name="enrollment_count"),
    sa.CheckConstraint("rating_count >= 0 AND rating_sum >= 0", name="rating_counts"),
    sa.Index("ix_courses_source_key", "source_key", unique=True),
    sa.Index("ix_courses_image_key", "image_key"),  # is a requested cover one a course shows?
)

# Listing indexes: partial (visible courses only), ordered as the sort, covering the filter columns so a
# deep `page=` is an index-only scan of ids (the deferred join then fetches 20 rows by primary key).
_LISTING_INDEXES: dict[str, tuple[str, ...]] = {
    "ix_courses_popular": ("enrollment_count", "created_at", "id"),
    "ix_courses_newest": ("created_at", "id"),
    "ix_courses_rating": ("rating_score", "rating_count", "id"),
}
LISTING_INDEX_COLUMNS = _LISTING_INDEXES
for _name, _cols in _LISTING_INDEXES.items():
    sa.Index(
        _name,
        *[courses.c[c].desc() for c in _cols],
        courses.c.difficulty,
        courses.c.estimated_hours,
        courses.c.is_published,  # listed so SQLite sees the index as covering (it re-checks the WHERE)
        courses.c.deleted_at,
        sqlite_where=sa.text(VISIBLE_SQL["sqlite"]),
        postgresql_where=sa.text(VISIBLE_SQL["postgresql"]),
    )

lessons = sa.Table(
    "lessons",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("course_id", sa.Integer, sa.ForeignKey("courses.id", ondelete="CASCADE"), nullable=False),
    sa.Column("sort_order", sa.Integer, nullable=False),
    sa.Column("title", sa.String(300), nullable=False),
    sa.UniqueConstraint("course_id", "sort_order"),
)

section_bodies = sa.Table(
    "section_bodies",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("markdown", sa.Text, nullable=False),  # text/exercise sections; "" for imported ones
    sa.Column("html", sa.Text, nullable=True),  # sanitized HTML, asset links already rewritten to asset URLs
    sa.Column("plain", sa.Text, nullable=True),  # the body as plain text, for content search
    sa.Column("data", sa.Text, nullable=True),  # JSON, per section type (see server/content/payload.py)
)

sections = sa.Table(
    "sections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("lesson_id", sa.Integer, sa.ForeignKey("lessons.id", ondelete="CASCADE"), nullable=False),
    sa.Column("course_id", sa.Integer, sa.ForeignKey("courses.id", ondelete="CASCADE"), nullable=False),
    sa.Column("sort_order", sa.Integer, nullable=False),
    sa.Column("course_position", sa.Integer, nullable=False),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("type", sa.String(20), nullable=False),
    sa.Column("duration_minutes", sa.Integer, nullable=False),
    sa.Column("body_id", sa.Integer, sa.ForeignKey("section_bodies.id"), nullable=False),
    # Re-import: matched by the package's item identifier; a section the new package lacks is hidden (its
    # learners' progress stays); a changed one bumps version so downloaded copies refresh.
    sa.Column("source_key", sa.String(300), nullable=True),
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.CheckConstraint(f"type IN ({SECTION_TYPES_SQL})", name="type"),
    sa.CheckConstraint("duration_minutes >= 0", name="duration"),
    sa.UniqueConstraint("lesson_id", "sort_order"),
    sa.UniqueConstraint("course_id", "course_position"),
)

enrollments = sa.Table(
    "enrollments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("course_id", sa.Integer, sa.ForeignKey("courses.id", ondelete="CASCADE"), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("enrolled_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("client_ts", UTCDateTime, nullable=False),
    sa.CheckConstraint("status IN ('active', 'completed', 'dropped')", name="status"),
    sa.UniqueConstraint("user_id", "course_id"),
)

progress = sa.Table(
    "progress",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("section_id", sa.Integer, sa.ForeignKey("sections.id", ondelete="CASCADE"), nullable=False),
    sa.Column("course_id", sa.Integer, sa.ForeignKey("courses.id", ondelete="CASCADE"), nullable=False),
    sa.Column("completed_at", UTCDateTime, nullable=True),
    sa.Column("time_spent_seconds", sa.Integer, nullable=False, server_default="0"),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    # Where the learner stopped in a video, and when on the learner's clock (the latest position wins).
    sa.Column("position_seconds", sa.Integer, nullable=True),
    sa.Column("position_at", UTCDateTime, nullable=True),
    sa.CheckConstraint("time_spent_seconds >= 0", name="time_spent"),
    sa.UniqueConstraint("user_id", "section_id"),
    sa.Index("ix_progress_user_id_course_id", "user_id", "course_id"),
)

course_ratings = sa.Table(
    "course_ratings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("course_id", sa.Integer, sa.ForeignKey("courses.id", ondelete="CASCADE"), nullable=False),
    sa.Column("rating", sa.Integer, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("client_ts", UTCDateTime, nullable=False),
    sa.CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),
    sa.UniqueConstraint("user_id", "course_id"),
)

applied_ops = sa.Table(
    "applied_ops",
    metadata,
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("op_id", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("applied_at", UTCDateTime, nullable=False, index=True),  # pruned by age (learner.prune_ops)
)

versions = sa.Table(
    "versions",
    metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("value", sa.Integer, nullable=False),
)

# One row (id 1): the catalog's mean rating that courses' rating_score is weighted toward.
rating_prior = sa.Table(
    "rating_prior",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("mean", sa.Float, nullable=False),
)

# ---- imported content: assets and quizzes ---------------------------------------------------------

assets = sa.Table(
    "assets",
    metadata,
    # Content-addressed: the bytes live in the assets directory under their sha256 (shared by courses).
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("content_type", sa.String(200), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

course_assets = sa.Table(
    "course_assets",
    metadata,
    sa.Column("course_id", sa.Integer, sa.ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("sha256", sa.String(64), sa.ForeignKey("assets.sha256"), primary_key=True),
    sa.Column("name", sa.String(1000), nullable=False),  # the file's name in the package (for Save as...)
)

# Content search: a course's section titles and section text (capped), indexed by the full-text objects
# of db/fts_content.py (searched after title and description).
course_search = sa.Table(
    "course_search",
    metadata,
    sa.Column(
        "course_id",
        sa.Integer,
        sa.ForeignKey("courses.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    sa.Column("sections", sa.Text, nullable=False, server_default=""),
    sa.Column("body", sa.Text, nullable=False, server_default=""),
)

quiz_questions = sa.Table(
    "quiz_questions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("section_id", sa.Integer, sa.ForeignKey("sections.id", ondelete="CASCADE"), nullable=False),
    sa.Column("question_key", sa.String(200), nullable=False),  # QTI item ident / OLX url_name[+position]
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("prompt_html", sa.Text, nullable=False),
    sa.Column("choices", sa.Text, nullable=False, server_default="[]"),  # JSON [{"id", "html"}]
    sa.Column("answer_key", sa.Text, nullable=False, server_default="{}"),  # JSON, never sent to learners
    sa.Column("feedback", sa.Text, nullable=False, server_default="{}"),  # JSON
    sa.Column("points", sa.Float, nullable=False, server_default="1"),
    sa.CheckConstraint(f"kind IN ({', '.join(repr(k) for k in QUESTION_KINDS)})", name="kind"),
    sa.CheckConstraint("points >= 0", name="points"),
    sa.UniqueConstraint("section_id", "question_key"),
)

quiz_attempts = sa.Table(
    "quiz_attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("section_id", sa.Integer, sa.ForeignKey("sections.id", ondelete="CASCADE"), nullable=False),
    sa.Column("course_id", sa.Integer, sa.ForeignKey("courses.id", ondelete="CASCADE"), nullable=False),
    sa.Column("attempt_no", sa.Integer, nullable=False),
    sa.Column("op_id", sa.String(64), nullable=False),
    sa.Column("answers", sa.Text, nullable=False),  # JSON as submitted
    sa.Column("results", sa.Text, nullable=False),  # JSON per question: correct, points, feedback
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("max_score", sa.Float, nullable=False),
    sa.Column("submitted_at", UTCDateTime, nullable=False),
    sa.Column("client_ts", UTCDateTime, nullable=False),
    # One row per attempt number: two concurrent submissions cannot both take the last allowed attempt.
    sa.UniqueConstraint("user_id", "section_id", "attempt_no"),
    sa.UniqueConstraint("user_id", "op_id"),
    sa.Index("ix_quiz_attempts_user_id_course_id", "user_id", "course_id"),
)
