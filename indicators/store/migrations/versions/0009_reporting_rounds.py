"""Communes report in: reporting rounds, their submissions, locks on approved figures, an account's area.

Adds users.area (NULL: the account is not held to an area; a reporter always has one) and three new
tables. A submission's figures are held in the submission, apart from the versions, until an
analyst approves them; so every row already in the data tables is an approved figure, as it was
before, and no existing row or version changes. Downgrading drops the rounds and the accounts' areas.

Revision ID: 0009_reporting_rounds
Revises: 0008_awards_register
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_reporting_rounds"
down_revision = "0008_awards_register"
branch_labels = None
depends_on = None

_MOMENT = sa.DateTime(timezone=True)


def upgrade() -> None:
    """users.area, report_rounds, submissions and figure_locks."""
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("area", sa.String(64), nullable=True))
    op.create_table(
        "report_rounds",
        sa.Column("row_id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("half", sa.Integer(), nullable=True),  # 1 or 2; NULL for the whole year
        sa.Column("parent", sa.String(64), nullable=False),
        sa.Column("indicators", sa.Text(), nullable=False),  # JSON list of indicator codes
        sa.Column("due_date", sa.String(10), nullable=False),  # ISO day, comparable as text
        sa.Column("opened_by", sa.String(64), nullable=False),
        sa.Column("opened_at", _MOMENT, nullable=False),
    )
    op.create_table(
        "submissions",
        sa.Column("row_id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("area", sa.String(64), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),  # pending | returned | approved
        sa.Column("figures", sa.Text(), nullable=False),  # JSON records of the observations sent
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("submitted_by", sa.String(64), nullable=False),
        sa.Column("submitted_at", _MOMENT, nullable=False),
        sa.Column("reviewed_by", sa.String(64), nullable=True),
        sa.Column("reviewed_at", _MOMENT, nullable=True),
        sa.Column("note", sa.Text(), nullable=False),  # the reason of a return, overall
        sa.Column("figure_notes", sa.Text(), nullable=False),  # JSON {code: reason} of a return
        sa.Column("version", sa.Integer(), nullable=True),  # the version the approval wrote
    )
    op.create_index("ix_submissions_round_area", "submissions", ["round_id", "area"])
    op.create_table(
        "figure_locks",
        sa.Column("row_id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("area", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("action", sa.String(8), nullable=False),  # lock | unlock
        sa.Column("account", sa.String(64), nullable=False),
        sa.Column("at", _MOMENT, nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=True),
    )
    op.create_index("ix_figure_locks_figure", "figure_locks", ["code", "area", "year", "kind"])


def downgrade() -> None:
    """The rounds, their submissions and locks go with their tables; accounts lose their area."""
    op.drop_index("ix_figure_locks_figure", table_name="figure_locks")
    op.drop_table("figure_locks")
    op.drop_index("ix_submissions_round_area", table_name="submissions")
    op.drop_table("submissions")
    op.drop_table("report_rounds")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("area")
