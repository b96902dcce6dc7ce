"""Pre-live check reports, kept with their session.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "check_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("verdict", sa.String(8), nullable=False),
        sa.Column("devices", sa.JSON(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_check_reports_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_check_reports"),
    )
    op.create_index("ix_check_reports_session_id", "check_reports", ["session_id"])


def downgrade() -> None:
    op.drop_index("ix_check_reports_session_id", table_name="check_reports")
    op.drop_table("check_reports")
