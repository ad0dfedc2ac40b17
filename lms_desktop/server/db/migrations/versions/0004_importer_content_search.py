"""Content search: each course's section titles and text (course_search) in a full-text index of their
own, searched after the title-and-description index (db/fts_content.py).

Revision ID: importer_content_search
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from lms_desktop.server.db import fts_content

revision = "importer_content_search"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "course_search",
        sa.Column("course_id", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("sections", sa.Text, nullable=False, server_default=""),
        sa.Column("body", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("course_id", name=op.f("pk_course_search")),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_course_search_course_id_courses"), ondelete="CASCADE"
        ),
    )
    if op.get_bind().dialect.name == "sqlite":
        fts_content.create_sqlite_fts(op.execute)
    else:
        fts_content.create_pg_fts(op.execute)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for ddl in fts_content.SQLITE_DROP:
            op.execute(ddl)
    else:
        for ddl in fts_content.PG_DROP:
            op.execute(ddl)
    op.drop_table("course_search")
