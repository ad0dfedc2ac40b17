"""Initial schema: users, tokens, catalog, learner state, versions, and full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from lms_desktop.server.db import fts
from lms_desktop.server.db.schema import UTCDateTime, VISIBLE_SQL

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create_users_and_tokens()
    _create_courses()
    _create_course_outline()
    _create_enrollments_and_progress()
    _create_ratings()
    _create_applied_ops()
    _create_versions()
    _create_search()


def _create_users_and_tokens() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(150), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("expires_at", UTCDateTime, nullable=False),
        sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tokens")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_tokens_user_id_users"), ondelete="CASCADE"),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_tokens_token_sha256")),
    )
    op.create_index(op.f("ix_tokens_user_id"), "tokens", ["user_id"])


def _create_courses() -> None:
    """The course row with its listing counters, and one partial index per catalog sort order."""
    op.create_table(
        "courses",
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_courses")),
        sa.CheckConstraint(
            "difficulty IN ('beginner', 'intermediate', 'advanced')", name=op.f("ck_courses_difficulty")
        ),
        sa.CheckConstraint("estimated_hours >= 0", name=op.f("ck_courses_estimated_hours")),
        sa.CheckConstraint("enrollment_count >= 0", name=op.f("ck_courses_enrollment_count")),
        sa.CheckConstraint("rating_count >= 0 AND rating_sum >= 0", name=op.f("ck_courses_rating_counts")),
    )
    listing = {
        "ix_courses_popular": ("enrollment_count", "created_at", "id"),
        "ix_courses_newest": ("created_at", "id"),
        "ix_courses_rating": ("rating_avg", "rating_count", "id"),
    }
    for name, cols in listing.items():
        op.create_index(
            name,
            "courses",
            [sa.text(f"{c} DESC") for c in cols] + [sa.text(c) for c in ("difficulty", "estimated_hours", "is_published", "deleted_at")],
            sqlite_where=sa.text(VISIBLE_SQL["sqlite"]),
            postgresql_where=sa.text(VISIBLE_SQL["postgresql"]),
        )


def _create_course_outline() -> None:
    """Lessons, their sections, and the sections' bodies (kept apart so listings never read them)."""
    op.create_table(
        "lessons",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("course_id", sa.Integer, nullable=False),
        sa.Column("sort_order", sa.Integer, nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lessons")),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_lessons_course_id_courses"), ondelete="CASCADE"
        ),
        sa.UniqueConstraint("course_id", "sort_order", name=op.f("uq_lessons_course_id_sort_order")),
    )
    op.create_table(
        "section_bodies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("markdown", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_section_bodies")),
    )
    op.create_table(
        "sections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("lesson_id", sa.Integer, nullable=False),
        sa.Column("course_id", sa.Integer, nullable=False),
        sa.Column("sort_order", sa.Integer, nullable=False),
        sa.Column("course_position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("duration_minutes", sa.Integer, nullable=False),
        sa.Column("body_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sections")),
        sa.ForeignKeyConstraint(
            ["lesson_id"], ["lessons.id"], name=op.f("fk_sections_lesson_id_lessons"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_sections_course_id_courses"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["body_id"], ["section_bodies.id"], name=op.f("fk_sections_body_id_section_bodies")),
        sa.CheckConstraint("type IN ('text', 'video', 'quiz', 'exercise')", name=op.f("ck_sections_type")),
        sa.CheckConstraint("duration_minutes >= 0", name=op.f("ck_sections_duration")),
        sa.UniqueConstraint("lesson_id", "sort_order", name=op.f("uq_sections_lesson_id_sort_order")),
        sa.UniqueConstraint("course_id", "course_position", name=op.f("uq_sections_course_id_course_position")),
    )


def _create_enrollments_and_progress() -> None:
    op.create_table(
        "enrollments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("course_id", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("enrolled_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("client_ts", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrollments")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_enrollments_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_enrollments_course_id_courses"), ondelete="CASCADE"
        ),
        sa.CheckConstraint("status IN ('active', 'completed', 'dropped')", name=op.f("ck_enrollments_status")),
        sa.UniqueConstraint("user_id", "course_id", name=op.f("uq_enrollments_user_id_course_id")),
    )
    op.create_table(
        "progress",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("section_id", sa.Integer, nullable=False),
        sa.Column("course_id", sa.Integer, nullable=False),
        sa.Column("completed_at", UTCDateTime, nullable=True),
        sa.Column("time_spent_seconds", sa.Integer, nullable=False, server_default="0"),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_progress_user_id_users"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["section_id"], ["sections.id"], name=op.f("fk_progress_section_id_sections"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_progress_course_id_courses"), ondelete="CASCADE"
        ),
        sa.CheckConstraint("time_spent_seconds >= 0", name=op.f("ck_progress_time_spent")),
        sa.UniqueConstraint("user_id", "section_id", name=op.f("uq_progress_user_id_section_id")),
    )
    op.create_index("ix_progress_user_id_course_id", "progress", ["user_id", "course_id"])


def _create_ratings() -> None:
    op.create_table(
        "course_ratings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("course_id", sa.Integer, nullable=False),
        sa.Column("rating", sa.Integer, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("client_ts", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_course_ratings")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_course_ratings_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_course_ratings_course_id_courses"), ondelete="CASCADE"
        ),
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name=op.f("ck_course_ratings_rating_range")),
        sa.UniqueConstraint("user_id", "course_id", name=op.f("uq_course_ratings_user_id_course_id")),
    )


def _create_applied_ops() -> None:
    """The op ids each user's outbox already had applied, so a replayed op changes nothing."""
    op.create_table(
        "applied_ops",
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("applied_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("user_id", "op_id", name=op.f("pk_applied_ops")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_applied_ops_user_id_users"), ondelete="CASCADE"
        ),
    )


def _create_versions() -> None:
    versions = op.create_table(
        "versions",
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("value", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_versions")),
    )
    op.bulk_insert(versions, [{"name": "catalog", "value": 1}])


def _create_search() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        fts.create_sqlite_fts(op.execute)
    else:
        fts.create_pg_fts(op.execute)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for ddl in fts.SQLITE_DROP_TRIGGERS:
            op.execute(ddl)
        op.execute("DROP TABLE IF EXISTS courses_fts")
    else:
        for ddl in fts.PG_DROP:
            op.execute(ddl)
    for table in (
        "versions",
        "applied_ops",
        "course_ratings",
        "progress",
        "enrollments",
        "sections",
        "section_bodies",
        "lessons",
        "courses",
        "tokens",
        "users",
    ):
        op.drop_table(table)
