"""Figures of a half-year: what an approved half-year submission sends, kept apart from the year's.

Adds one table, half_year_figures, whose rows are never updated: each approval appends its figures,
and the newest row of a figure (code, area, year, half, kind) is its value. No existing row or version
changes, and the year's figures, their attainment and their versions never read it. Downgrading drops
the half-year figures.

Revision ID: 0012_half_year_figures
Revises: 0011_figure_threads
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_half_year_figures"
down_revision = "0011_figure_threads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """half_year_figures and its index by figure."""
    op.create_table(
        "half_year_figures",
        sa.Column("row_id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("area", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("half", sa.Integer(), nullable=False),  # 1 or 2
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("approved_by", sa.String(64), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_half_year_figures_figure", "half_year_figures", ["code", "area", "year", "half", "kind"]
    )


def downgrade() -> None:
    """The half-year figures go with their table."""
    op.drop_index("ix_half_year_figures_figure", table_name="half_year_figures")
    op.drop_table("half_year_figures")
