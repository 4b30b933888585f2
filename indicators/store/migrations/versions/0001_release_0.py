"""Baseline: the store exactly as the release before migrations wrote it (no alembic_version).

A store made by that release is stamped with this revision on first start, then upgraded.
The tables are frozen here on purpose: later changes go in later revisions, never here.

Revision ID: 0001_release_0
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_release_0"
down_revision = None
branch_labels = None
depends_on = None

# Columns of each versioned data table in release 0, in order; base_year and the figures may be NULL.
DATA_COLUMNS: dict[str, tuple[str, ...]] = {
    "indicators": (
        "code",
        "name_vi",
        "name_en",
        "domain",
        "unit",
        "unit_en",
        "direction",
        "value_kind",
        "recipient",
        "award_level",
    ),
    "observations": ("code", "area", "year", "kind", "base_year", "value", "qualifier", "section", "quote"),
    "targets": (
        "code",
        "area",
        "year",
        "term",
        "target_kind",
        "comparator",
        "value",
        "derived",
        "section",
        "quote",
    ),
    "reported": ("code", "area", "year", "target_kind", "reported_pct", "section", "quote"),
    "areas": ("code", "name", "level", "parent", "valid_from", "valid_to"),
}
_INT = {"year", "base_year"}
_FLOAT = {"value", "reported_pct"}
_BOOL = {"derived"}


def _type(name: str) -> sa.types.TypeEngine:
    if name in _INT:
        return sa.Integer()
    if name in _FLOAT:
        return sa.Float()
    if name in _BOOL:
        return sa.Boolean()
    return sa.Text()


def upgrade() -> None:
    """Create release 0's tables: versions, the five versioned data tables, users, sign-in failures."""
    op.create_table(
        "versions",
        sa.Column("version", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("account", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("file_name", sa.String(500), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("restored_from", sa.Integer(), nullable=True),
    )
    for table, columns in DATA_COLUMNS.items():
        name = f"data_{table}"
        op.create_table(
            name,
            sa.Column("row_id", sa.Integer(), primary_key=True, autoincrement=True),
            *[sa.Column(c, _type(c), nullable=c == "base_year" or c in _FLOAT) for c in columns],
            sa.Column("row_hash", sa.String(32), nullable=False),
            sa.Column("since_version", sa.Integer(), nullable=False),
            sa.Column("until_version", sa.Integer(), nullable=True),
        )
        op.create_index(f"ix_{name}_since_version", name, ["since_version"])
        op.create_index(f"ix_{name}_until_version", name, ["until_version"])
    op.create_table(
        "users",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "sign_in_failures",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    """Nothing comes before the baseline."""
    raise NotImplementedError("the baseline has nothing below it")
