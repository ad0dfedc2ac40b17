"""Where each learner stopped in a video: progress.position_seconds, and the learner's clock of that
position (position_at), so the latest position wins when two computers sync.

Revision ID: reader_video_position
Revises: importer_content_search, server_polish_rating_score
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from lms_desktop.server.db.schema import UTCDateTime

revision = "reader_video_position"
# Also joins the two heads branched from 0003 on this branch (re-chained at integration).
down_revision = ("importer_content_search", "server_polish_rating_score")
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("progress") as batch:
        batch.add_column(sa.Column("position_seconds", sa.Integer, nullable=True))
        batch.add_column(sa.Column("position_at", UTCDateTime, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("progress") as batch:
        batch.drop_column("position_at")
        batch.drop_column("position_seconds")
