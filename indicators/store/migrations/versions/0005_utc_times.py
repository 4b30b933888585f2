"""Times kept one way: UTC, written without an offset on SQLite, timestamptz on PostgreSQL.

Release 0's code and every release since wrote its times through SQLAlchemy, which on SQLite keeps
the digits of the UTC moment and drops the offset ("2026-11-26 06:21:54.083679"); revision
0003_official_areas wrote its version through plain SQL, with the offset ("…+00:00"). Read back,
the first are naive and the second aware, and the history of an upgraded store could not be shown.
On SQLite every time written with an offset is rewritten as the same moment in UTC without it; on
PostgreSQL a time column without a zone (none was ever created so; checked, not assumed) becomes
timestamptz, its values read as UTC. No figure, account or version number changes.

Revision ID: 0005_utc_times
Revises: 0004_sign_in_sessions
Create Date: 2026-12-05
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

revision = "0005_utc_times"
down_revision = "0004_sign_in_sessions"
branch_labels = None
depends_on = None

# Frozen here on purpose: the time columns as they are at this revision.
TIME_COLUMNS: tuple[tuple[str, str], ...] = (
    ("versions", "created_at"),
    ("users", "created_at"),
    ("sign_in_failures", "last_at"),
    ("sign_in_sessions", "created_at"),
)
# How SQLAlchemy writes a moment on SQLite: the store's one way of writing a time as text.
SQLITE_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def upgrade() -> None:
    """Rewrite the times written with an offset (SQLite) or give zone-less columns a zone (PostgreSQL)."""
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for table, column in TIME_COLUMNS:
            sqlite_to_utc_text(conn, table, column)
    elif conn.dialect.name == "postgresql":
        for table, column in TIME_COLUMNS:
            _postgresql_with_zone(conn, table, column)


def downgrade() -> None:
    """Nothing to undo: the times are the same moments, written one way."""


def utc_text(value: str) -> str:
    """A time as SQLite text in the store's one way; text without an offset is already UTC."""
    moment = datetime.fromisoformat(value.strip())
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.strftime(SQLITE_FORMAT)


def sqlite_to_utc_text(conn: Connection, table: str, column: str) -> int:
    """Rewrite one column's times that are not in the one way; returns how many rows changed."""
    rows = conn.execute(sa.text(f"SELECT rowid, {column} FROM {table}")).all()
    changed = [
        {"id": rowid, "at": utc_text(str(value))}
        for rowid, value in rows
        if value is not None and utc_text(str(value)) != value
    ]
    if changed:
        conn.execute(sa.text(f"UPDATE {table} SET {column} = :at WHERE rowid = :id"), changed)
    return len(changed)


def _postgresql_with_zone(conn: Connection, table: str, column: str) -> None:
    kind = conn.execute(
        sa.text(
            "SELECT data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = :t AND column_name = :c"
        ),
        {"t": table, "c": column},
    ).scalar_one_or_none()
    if kind == "timestamp without time zone":
        conn.execute(
            sa.text(
                f"ALTER TABLE {table} ALTER COLUMN {column} TYPE TIMESTAMP WITH TIME ZONE "
                f"USING {column} AT TIME ZONE 'UTC'"
            )
        )
