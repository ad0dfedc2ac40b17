"""Top rated by a Bayesian average: courses.rating_score, the rating_prior row, the rating index on the score;
an index on courses.image_key (covers are drawn on first request, only for keys a course shows).

Revision ID: server_polish_rating_score
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from lms_desktop.server.db.schema import VISIBLE_SQL

revision = "server_polish_rating_score"
down_revision = "0003"
branch_labels = None
depends_on = None

# as in db/rating_score.py when this migration was written (a migration does not follow later edits)
_PRIOR_WEIGHT = 10
_DEFAULT_PRIOR = 3.0
_FILTER_COLUMNS = ("difficulty", "estimated_hours", "is_published", "deleted_at")


def _rating_index(first: str) -> None:
    op.create_index(
        "ix_courses_rating",
        "courses",
        [sa.text(f"{c} DESC") for c in (first, "rating_count", "id")] + [sa.text(c) for c in _FILTER_COLUMNS],
        sqlite_where=sa.text(VISIBLE_SQL["sqlite"]),
        postgresql_where=sa.text(VISIBLE_SQL["postgresql"]),
    )


def upgrade() -> None:
    # Plain ADD COLUMN (no batch): a batch copy of `courses` would drop its FTS triggers on SQLite.
    op.add_column("courses", sa.Column("rating_score", sa.Float, nullable=False, server_default="0"))
    op.create_table(
        "rating_prior",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("mean", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating_prior")),
    )
    conn = op.get_bind()
    total, count = conn.execute(sa.text("SELECT SUM(rating_sum), SUM(rating_count) FROM courses")).one()
    mean = float(total) / int(count) if count else _DEFAULT_PRIOR
    conn.execute(sa.text("INSERT INTO rating_prior (id, mean) VALUES (1, :m)"), {"m": mean})
    conn.execute(
        sa.text(
            f"UPDATE courses SET rating_score = (:m * {_PRIOR_WEIGHT} + rating_sum) "
            f"/ ({_PRIOR_WEIGHT} + rating_count) WHERE rating_count > 0"
        ),
        {"m": mean},
    )
    op.drop_index("ix_courses_rating", table_name="courses")
    _rating_index("rating_score")
    op.create_index("ix_courses_image_key", "courses", ["image_key"])


def downgrade() -> None:
    op.drop_index("ix_courses_image_key", table_name="courses")
    op.drop_index("ix_courses_rating", table_name="courses")
    _rating_index("rating_avg")
    op.drop_table("rating_prior")
    op.drop_column("courses", "rating_score")
