"""The emulation and commendation register: one row per award, versioned like the figures.

Two new tables only: award_records (each row valid from one version until another, as the data
tables are, so an import makes a version and a rollback brings a version's register back) and
award_exports (who took a named list out, and when: names of people are personal data). No
existing row changes and no version is written. Downgrading drops them and the register.

Revision ID: 0008_awards_register
Revises: 0007_target_qualifier
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_awards_register"
down_revision = "0007_target_qualifier"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """award_records (decision, award, recipient, year) and award_exports (account, time, what)."""
    op.create_table(
        "award_records",
        sa.Column("row_id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("decision_no", sa.String(100), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=False),
        sa.Column("issuer", sa.String(200), nullable=False),
        sa.Column("award", sa.String(64), nullable=False),
        sa.Column("recipient_kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("unit", sa.String(300), nullable=False),
        sa.Column("area", sa.String(64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("achievement", sa.Text(), nullable=False),
        sa.Column("since_version", sa.Integer(), nullable=False),
        sa.Column("until_version", sa.Integer(), nullable=True),
    )
    for column in ("since_version", "until_version"):
        op.create_index(f"ix_award_records_{column}", "award_records", [column])
    op.create_table(
        "award_exports",
        sa.Column("export_id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("account", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("what", sa.String(200), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    """The register and its export log go with their tables."""
    op.drop_table("award_exports")
    for column in ("since_version", "until_version"):
        op.drop_index(f"ix_award_records_{column}", table_name="award_records")
    op.drop_table("award_records")
