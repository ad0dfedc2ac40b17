"""Search tiers: on PostgreSQL, each course's section titles get a tsvector and a GIN index of their own
(course_search.search_section_titles), so a search finds section-title hits without ranking text hits.
SQLite needs nothing: its content index already keeps section titles in a column of their own.

Revision ID: search_section_titles
Revises: reader_video_position
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

from lms_desktop.server.db import fts_content

revision = "search_section_titles"
down_revision = "reader_video_position"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for ddl in fts_content.PG_SECTION_TITLES_DDL:
            op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for ddl in fts_content.PG_SECTION_TITLES_DROP:
            op.execute(ddl)
