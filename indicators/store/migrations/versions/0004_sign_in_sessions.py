"""Sign-in sessions: the hashes of session tokens and one-time sign-in tickets.

A new table only; no existing row changes. Downgrading drops it, which signs everybody out.

Revision ID: 0004_sign_in_sessions
Revises: 0003_official_areas
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_sign_in_sessions"
down_revision = "0003_official_areas"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The table indicators/store/sessions.py keeps tokens in (only their SHA-256)."""
    op.create_table(
        "sign_in_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("account", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.BigInteger(), nullable=False),
    )
    op.create_index("ix_sign_in_sessions_account", "sign_in_sessions", ["account"])


def downgrade() -> None:
    """Every session ends."""
    op.drop_index("ix_sign_in_sessions_account", table_name="sign_in_sessions")
    op.drop_table("sign_in_sessions")
