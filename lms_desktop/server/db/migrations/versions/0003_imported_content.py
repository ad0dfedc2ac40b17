"""Imported content: user roles, package identifiers, section payloads (HTML, files, links...), assets,
quiz questions and attempts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from lms_desktop.server.db.schema import SECTION_TYPES_SQL, UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_OLD_TYPES = "type IN ('text', 'video', 'quiz', 'exercise')"


def upgrade() -> None:
    _add_import_columns()
    _create_assets()
    _create_quiz_questions()
    _create_quiz_attempts()


def _add_import_columns() -> None:
    """Roles, package identifiers and section payloads on the existing tables."""
    # Plain ADD COLUMN (no batch): a batch copy of `courses` would drop its FTS triggers on SQLite.
    op.add_column("users", sa.Column("role", sa.String(20), nullable=False, server_default="learner"))
    op.add_column("courses", sa.Column("source_key", sa.String(300), nullable=True))
    op.add_column("courses", sa.Column("language", sa.String(35), nullable=False, server_default="en"))
    op.create_index("ix_courses_source_key", "courses", ["source_key"], unique=True)
    op.add_column("section_bodies", sa.Column("html", sa.Text, nullable=True))
    op.add_column("section_bodies", sa.Column("plain", sa.Text, nullable=True))
    op.add_column("section_bodies", sa.Column("data", sa.Text, nullable=True))
    with op.batch_alter_table("sections") as batch:
        batch.add_column(sa.Column("source_key", sa.String(300), nullable=True))
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
        batch.add_column(sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.drop_constraint(op.f("ck_sections_type"), type_="check")
        batch.create_check_constraint(op.f("ck_sections_type"), f"type IN ({SECTION_TYPES_SQL})")


def _create_assets() -> None:
    """Stored files by content hash, and which course refers to each under which name."""
    op.create_table(
        "assets",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("content_type", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_assets")),
    )
    op.create_table(
        "course_assets",
        sa.Column("course_id", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("name", sa.String(1000), nullable=False),
        sa.PrimaryKeyConstraint("course_id", "sha256", name=op.f("pk_course_assets")),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_course_assets_course_id_courses"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["sha256"], ["assets.sha256"], name=op.f("fk_course_assets_sha256_assets")),
    )


def _create_quiz_questions() -> None:
    op.create_table(
        "quiz_questions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("section_id", sa.Integer, nullable=False),
        sa.Column("question_key", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("prompt_html", sa.Text, nullable=False),
        sa.Column("choices", sa.Text, nullable=False, server_default="[]"),
        sa.Column("answer_key", sa.Text, nullable=False, server_default="{}"),
        sa.Column("feedback", sa.Text, nullable=False, server_default="{}"),
        sa.Column("points", sa.Float, nullable=False, server_default="1"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quiz_questions")),
        sa.ForeignKeyConstraint(
            ["section_id"],
            ["sections.id"],
            name=op.f("fk_quiz_questions_section_id_sections"),
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(
            "kind IN ('single', 'multiple', 'text', 'numeric', 'essay', 'unsupported')",
            name=op.f("ck_quiz_questions_kind"),
        ),
        sa.CheckConstraint("points >= 0", name=op.f("ck_quiz_questions_points")),
        sa.UniqueConstraint("section_id", "question_key", name=op.f("uq_quiz_questions_section_id_question_key")),
    )


def _create_quiz_attempts() -> None:
    op.create_table(
        "quiz_attempts",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("section_id", sa.Integer, nullable=False),
        sa.Column("course_id", sa.Integer, nullable=False),
        sa.Column("attempt_no", sa.Integer, nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("answers", sa.Text, nullable=False),
        sa.Column("results", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("max_score", sa.Float, nullable=False),
        sa.Column("submitted_at", UTCDateTime, nullable=False),
        sa.Column("client_ts", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quiz_attempts")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_quiz_attempts_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["section_id"],
            ["sections.id"],
            name=op.f("fk_quiz_attempts_section_id_sections"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_quiz_attempts_course_id_courses"), ondelete="CASCADE"
        ),
        sa.UniqueConstraint(
            "user_id", "section_id", "attempt_no", name=op.f("uq_quiz_attempts_user_id_section_id_attempt_no")
        ),
        sa.UniqueConstraint("user_id", "op_id", name=op.f("uq_quiz_attempts_user_id_op_id")),
    )
    op.create_index(op.f("ix_quiz_attempts_user_id_course_id"), "quiz_attempts", ["user_id", "course_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_quiz_attempts_user_id_course_id"), table_name="quiz_attempts")
    op.drop_table("quiz_attempts")
    op.drop_table("quiz_questions")
    op.drop_table("course_assets")
    op.drop_table("assets")
    with op.batch_alter_table("sections") as batch:
        batch.drop_constraint(op.f("ck_sections_type"), type_="check")
        batch.create_check_constraint(op.f("ck_sections_type"), _OLD_TYPES)
        batch.drop_column("hidden")
        batch.drop_column("version")
        batch.drop_column("source_key")
    op.drop_column("section_bodies", "data")
    op.drop_column("section_bodies", "plain")
    op.drop_column("section_bodies", "html")
    op.drop_index("ix_courses_source_key", table_name="courses")
    op.drop_column("courses", "language")
    op.drop_column("courses", "source_key")
    op.drop_column("users", "role")
