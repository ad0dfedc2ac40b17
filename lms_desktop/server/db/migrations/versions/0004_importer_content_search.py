"""Content search: section titles and text of each course (course_search), indexed beside its title and
description, ranked below them (db/fts_content.py).

Revision ID: importer_content_search
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from lms_desktop.server.db import fts, fts_content

revision = "importer_content_search"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "course_search",
        sa.Column("course_id", sa.Integer, nullable=False),
        sa.Column("sections", sa.Text, nullable=False, server_default=""),
        sa.Column("body", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("course_id", name=op.f("pk_course_search")),
    )
    if op.get_bind().dialect.name == "sqlite":
        for ddl in fts.SQLITE_DROP_TRIGGERS:
            op.execute(ddl)
        op.execute("DROP TABLE IF EXISTS courses_fts")
        fts_content.create_sqlite_fts(op.execute)
    else:
        fts_content.create_pg_fts(op.execute)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for ddl in fts_content.SQLITE_DROP_TRIGGERS:
            op.execute(ddl)
        op.execute("DROP TABLE IF EXISTS courses_fts")
        op.execute("DROP VIEW IF EXISTS courses_fts_source")
        fts.create_sqlite_fts(op.execute)
    else:
        for ddl in fts_content.PG_DROP:
            op.execute(ddl)
        fts.create_pg_fts(op.execute)
    op.drop_table("course_search")
