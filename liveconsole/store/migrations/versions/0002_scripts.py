"""Session scripts: segments and single-product scripts.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scripts",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("start_time_s", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name="fk_scripts_session_id_sessions", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("session_id", name="pk_scripts"),
    )
    op.create_table(
        "script_segments",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("planned_start_s", sa.Integer(), nullable=True),
        sa.Column("planned_duration_s", sa.Integer(), nullable=False),
        sa.Column("link_nos", sa.JSON(), nullable=False),
        sa.Column("talking_points", sa.JSON(), nullable=False),
        sa.Column("scene_cue", sa.Text(), nullable=True),
        sa.Column("interaction", sa.String(16), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["scripts.session_id"],
            name="fk_script_segments_session_id_scripts",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "position", name="pk_script_segments"),
    )
    op.create_table(
        "product_scripts",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("link_no", sa.Integer(), nullable=True),
        sa.Column("sku", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("brand_intro", sa.JSON(), nullable=False),
        sa.Column("selling_points", sa.JSON(), nullable=False),
        sa.Column("benefits", sa.JSON(), nullable=False),
        sa.Column("price_anchor", sa.JSON(), nullable=False),
        sa.Column("call_to_action", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["scripts.session_id"],
            name="fk_product_scripts_session_id_scripts",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "position", name="pk_product_scripts"),
    )


def downgrade() -> None:
    op.drop_table("product_scripts")
    op.drop_table("script_segments")
    op.drop_table("scripts")
