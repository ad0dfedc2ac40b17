"""Index applied_ops by applied_at, so the daily pruning of old op ids deletes by range, not by a scan.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_applied_ops_applied_at"), "applied_ops", ["applied_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_applied_ops_applied_at"), table_name="applied_ops")
