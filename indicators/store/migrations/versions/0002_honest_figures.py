"""Honest figures: what each indicator means, notes on figures and targets, yearly goals.

Adds to data_indicators: definition, unit_meaning, computation, aggregation, source;
to data_observations: note; to data_targets: yearly, note. Existing rows get empty text and
yearly = false, and their row_hash is recomputed over the new columns, so that the next commit of
unchanged figures writes nothing. Every version reads back with the same figures as before.

Revision ID: 0002_honest_figures
Revises: 0001_release_0
Create Date: 2026-11-26
"""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from alembic import op

revision = "0002_honest_figures"
down_revision = "0001_release_0"
branch_labels = None
depends_on = None

NEW_TEXT: dict[str, tuple[str, ...]] = {
    "indicators": ("definition", "unit_meaning", "computation", "aggregation", "source"),
    "observations": ("note",),
    "targets": ("note",),
}
NEW_BOOL: dict[str, tuple[str, ...]] = {"targets": ("yearly",)}

# The model's columns after this revision, in order: the row hash is taken over exactly these.
COLUMNS: dict[str, tuple[str, ...]] = {
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
        "definition",
        "unit_meaning",
        "computation",
        "aggregation",
        "source",
    ),
    "observations": (
        "code",
        "area",
        "year",
        "kind",
        "base_year",
        "value",
        "qualifier",
        "section",
        "quote",
        "note",
    ),
    "targets": (
        "code",
        "area",
        "year",
        "term",
        "target_kind",
        "comparator",
        "value",
        "derived",
        "yearly",
        "section",
        "quote",
        "note",
    ),
}


def _rehash(table: str) -> None:
    """Recompute row_hash of every row of one data table over its new columns."""
    # Imported here: the hash must be the store's own, or unchanged rows would look changed.
    from indicators.core.model import Table, coerce
    from indicators.store.database import row_hashes

    bind = op.get_bind()
    columns = COLUMNS[table]
    rows = bind.execute(sa.text(f"SELECT row_id, {', '.join(columns)} FROM data_{table}")).all()
    if not rows:
        return
    frame = pd.DataFrame(rows, columns=["row_id", *columns])
    typed = coerce(Table(table, "", columns, ()), frame[list(columns)])
    hashes = row_hashes(typed).to_numpy()
    updates = [{"h": h, "id": int(i)} for h, i in zip(hashes, frame["row_id"], strict=True)]
    bind.execute(sa.text(f"UPDATE data_{table} SET row_hash = :h WHERE row_id = :id"), updates)


def upgrade() -> None:
    """Add the columns (empty text, yearly false) and rehash the existing rows."""
    for table, names in NEW_TEXT.items():
        with op.batch_alter_table(f"data_{table}") as batch:
            for name in names:
                batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
            for name in NEW_BOOL.get(table, ()):
                batch.add_column(sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false()))
    for table in COLUMNS:
        _rehash(table)


def downgrade() -> None:
    """Stores are only ever upgraded; a backup taken before the upgrade is the way back."""
    raise NotImplementedError("restore the backup taken before the upgrade")
