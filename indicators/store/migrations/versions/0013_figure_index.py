"""An index on the figures' key: a figure's history and one indicator's rows without a scan of every row.

At national scale the observations table holds millions of rows across versions, and the indicator
page read one figure's history by scanning all of them (about a quarter of a second in PostgreSQL).
The index covers the figure's key (code, area, year, kind), whose prefix is also one indicator. No row
or version changes; downgrading drops the index.

Revision ID: 0013_figure_index
Revises: 0012_half_year_figures
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0013_figure_index"
down_revision = "0012_half_year_figures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The observations' figure index."""
    op.create_index("ix_data_observations_figure", "data_observations", ["code", "area", "year", "kind"])


def downgrade() -> None:
    """Only the index goes."""
    op.drop_index("ix_data_observations_figure", table_name="data_observations")
