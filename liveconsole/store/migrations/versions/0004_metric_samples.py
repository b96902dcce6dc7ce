"""Live-metric samples, kept with their session.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_COUNTS = (
    "online", "uv", "pv", "new_followers", "likes", "comments", "shares",
    "product_exposures", "product_clicks", "orders", "items", "buyers",
)


def upgrade() -> None:
    op.create_table(
        "metric_samples",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("t", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        *(sa.Column(name, sa.BigInteger(), nullable=True) for name in _COUNTS),
        sa.Column("gmv", sa.Numeric(16, 2), nullable=True),
        sa.Column("avg_watch_s", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_metric_samples_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_metric_samples"),
    )
    op.create_index("ix_metric_samples_session_id_t", "metric_samples", ["session_id", "t"])


def downgrade() -> None:
    op.drop_index("ix_metric_samples_session_id_t", table_name="metric_samples")
    op.drop_table("metric_samples")
