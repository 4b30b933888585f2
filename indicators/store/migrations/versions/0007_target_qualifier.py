"""A target keeps the source's word before its number: "trên 45 triệu", "dưới 27,6%".

Adds data_targets.qualifier (text, "" for no qualifier, as data_observations.qualifier). Every
existing row gets "", and its row_hash is recomputed over the new columns, so that the next commit
of unchanged targets writes nothing. No version is written: every version reads back with the same
targets as before, each without a qualifier; the shipped data's qualifiers come with the next import.

Revision ID: 0007_target_qualifier
Revises: 0006_narrative
Create Date: 2026-12-05
"""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

revision = "0007_target_qualifier"
down_revision = "0006_narrative"
branch_labels = None
depends_on = None

# The targets' columns after this revision, in model order: the row hash is taken over exactly these.
COLUMNS: tuple[str, ...] = (
    "code",
    "area",
    "year",
    "term",
    "target_kind",
    "comparator",
    "value",
    "qualifier",
    "derived",
    "yearly",
    "section",
    "quote",
    "note",
)


def rehash_targets(conn: Connection) -> None:
    """Recompute every target row's row_hash over this revision's columns."""
    # Imported here: the hash must be the store's own, or unchanged rows would look changed.
    from indicators.core.model import Table, coerce
    from indicators.store.database import row_hashes

    rows = conn.execute(sa.text(f"SELECT row_id, {', '.join(COLUMNS)} FROM data_targets")).all()
    if not rows:
        return
    frame = pd.DataFrame(rows, columns=["row_id", *COLUMNS])
    typed = coerce(Table("targets", "", COLUMNS, ()), frame[list(COLUMNS)])
    hashes = row_hashes(typed).to_numpy()
    updates = [{"h": h, "id": int(i)} for h, i in zip(hashes, frame["row_id"], strict=True)]
    conn.execute(sa.text("UPDATE data_targets SET row_hash = :h WHERE row_id = :id"), updates)


def upgrade() -> None:
    """Add the column ("" on every row) and rehash the existing rows."""
    with op.batch_alter_table("data_targets") as batch:
        batch.add_column(sa.Column("qualifier", sa.Text(), nullable=False, server_default=""))
    rehash_targets(op.get_bind())


def downgrade() -> None:
    """Stores are only ever upgraded; a backup taken before the upgrade is the way back."""
    raise NotImplementedError("restore the backup taken before the upgrade")
