"""The yearly emulation cycle: registrations at the start of a year, proposals, the council's results.

Two new tables only. award_registrations holds each unit's and person's target titles for a year;
award_proposals holds the year-end proposals, the council's result on each (recorded, never
decided here) and, once a decision gives the award, that decision and the register version it
wrote. No existing row changes and no version is written. Downgrading drops them and the cycle.

Revision ID: 0010_awards_cycle
Revises: 0009_reporting_rounds
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_awards_cycle"
down_revision = "0009_reporting_rounds"
branch_labels = None
depends_on = None

_MOMENT = sa.DateTime(timezone=True)


def _recipient() -> list[sa.Column]:
    """The columns that say who a registration or proposal is about, as the register says it."""
    return [
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("award", sa.String(64), nullable=False),
        sa.Column("recipient_kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("unit", sa.String(300), nullable=False),
        sa.Column("area", sa.String(64), nullable=False),
    ]


def upgrade() -> None:
    """award_registrations and award_proposals (with the council's result and the decision)."""
    op.create_table(
        "award_registrations",
        sa.Column("row_id", sa.Integer(), primary_key=True, autoincrement=True),
        *_recipient(),
        sa.Column("account", sa.String(64), nullable=False),
        sa.Column("created_at", _MOMENT, nullable=False),
        sa.Column("file_name", sa.String(500), nullable=False),
    )
    op.create_index("ix_award_registrations_year", "award_registrations", ["year"])
    op.create_table(
        "award_proposals",
        sa.Column("row_id", sa.Integer(), primary_key=True, autoincrement=True),
        *_recipient(),
        sa.Column("achievement", sa.Text(), nullable=False),
        sa.Column("account", sa.String(64), nullable=False),
        sa.Column("created_at", _MOMENT, nullable=False),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("result", sa.String(16), nullable=True),  # NULL: not yet considered | accepted | rejected
        sa.Column("result_note", sa.Text(), nullable=False, server_default=""),
        sa.Column("result_by", sa.String(64), nullable=True),
        sa.Column("result_at", _MOMENT, nullable=True),
        sa.Column("decision_no", sa.String(100), nullable=True),
        sa.Column("register_version", sa.Integer(), nullable=True),
    )
    op.create_index("ix_award_proposals_year", "award_proposals", ["year"])


def downgrade() -> None:
    """The registrations and proposals go with their tables; the register keeps its awards."""
    op.drop_index("ix_award_proposals_year", table_name="award_proposals")
    op.drop_table("award_proposals")
    op.drop_index("ix_award_registrations_year", table_name="award_registrations")
    op.drop_table("award_registrations")
