"""Comments on every figure: a thread of questions, answers and the "cần xem lại" flag.

Adds one table, figure_threads, whose rows are never updated. No existing row or version changes;
a figure's history needs no table of its own (the data tables keep every value with its version
range). Downgrading drops the threads.

Revision ID: 0011_figure_threads
Revises: 0010_awards_cycle
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_figure_threads"
down_revision = "0010_awards_cycle"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """figure_threads and its index by figure."""
    op.create_table(
        "figure_threads",
        sa.Column("row_id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("area", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("action", sa.String(8), nullable=False),  # question | answer | flag | unflag
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("account", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reply_to", sa.Integer(), nullable=True),
    )
    op.create_index("ix_figure_threads_figure", "figure_threads", ["code", "area", "year", "kind"])


def downgrade() -> None:
    """The threads go with their table."""
    op.drop_index("ix_figure_threads_figure", table_name="figure_threads")
    op.drop_table("figure_threads")
