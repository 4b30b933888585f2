"""The báo cáo's narrative: the sections an office writes and who signs, versioned like the figures.

Two new tables only, each row valid from one version until another, as the data tables are; no
existing row changes and no version is written. Downgrading drops them and the office's words.

Revision ID: 0006_narrative
Revises: 0005_utc_times
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_narrative"
down_revision = "0005_utc_times"
branch_labels = None
depends_on = None


def _range() -> list[sa.Column]:
    return [
        sa.Column("since_version", sa.Integer(), nullable=False),
        sa.Column("until_version", sa.Integer(), nullable=True),
    ]


def upgrade() -> None:
    """narrative_sections (area, period, section, text) and report_settings (per area)."""
    op.create_table(
        "narrative_sections",
        sa.Column("row_id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("area", sa.String(64), nullable=False),
        sa.Column("period", sa.String(16), nullable=False),
        sa.Column("section", sa.String(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *_range(),
    )
    op.create_table(
        "report_settings",
        sa.Column("row_id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("area", sa.String(64), nullable=False),
        sa.Column("number", sa.String(100), nullable=False),
        sa.Column("signer_title", sa.String(100), nullable=False),
        sa.Column("signer_name", sa.String(200), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        *_range(),
    )
    for table in ("narrative_sections", "report_settings"):
        for column in ("since_version", "until_version"):
            op.create_index(f"ix_{table}_{column}", table, [column])


def downgrade() -> None:
    """The office's words go with their tables."""
    for table in ("narrative_sections", "report_settings"):
        for column in ("since_version", "until_version"):
            op.drop_index(f"ix_{table}_{column}", table_name=table)
        op.drop_table(table)
