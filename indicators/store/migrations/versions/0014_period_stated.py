"""A figure can say that the source does not state its year: "đạt khoảng 300.000 lượt" in a five-year section.

Adds data_observations.period_unstated (boolean, false on every row). The two tourism figures of the
shipped data whose year the source leaves open (visitor arrivals and tourism revenue, filed under 2020)
are flagged in place wherever a version holds them with the source's own quote: the flag is a fact about
that sentence, true in every version that carries it, so no version is written and none is lost. Every
row's row_hash is recomputed over the new columns, so that the next commit of unchanged figures writes
nothing.

Revision ID: 0014_period_stated
Revises: 0013_figure_index
Create Date: 2026-12-05
"""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

revision = "0014_period_stated"
down_revision = "0013_figure_index"
branch_labels = None
depends_on = None

# The observations' columns after this revision, in model order: the row hash is taken over exactly these.
COLUMNS: tuple[str, ...] = (
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
    "period_unstated",
)
# The source's sentences that give a figure without its year (Phần thứ nhất – III.2), by indicator.
UNSTATED: dict[str, str] = {
    "TOURISTS": "số lượt khách du lịch đạt khoảng 300.000 lượt",
    "TOURISM_REV": "tổng doanh thu từ dịch vụ du lịch đạt 114,4 tỷ đồng",
}


def flag_unstated(conn: Connection) -> None:
    """Flag the shipped figures whose year the source does not state, in every version holding them."""
    for code, quote in UNSTATED.items():
        conn.execute(
            sa.text(
                "UPDATE data_observations SET period_unstated = :yes WHERE code = :code AND quote = :quote"
            ),
            {"yes": True, "code": code, "quote": quote},
        )


def rehash_observations(conn: Connection) -> None:
    """Recompute every observation row's row_hash over this revision's columns."""
    # Imported here: the hash must be the store's own, or unchanged rows would look changed.
    from indicators.core.model import Table, coerce
    from indicators.store.database import row_hashes

    rows = conn.execute(sa.text(f"SELECT row_id, {', '.join(COLUMNS)} FROM data_observations")).all()
    if not rows:
        return
    frame = pd.DataFrame(rows, columns=["row_id", *COLUMNS])
    typed = coerce(Table("observations", "", COLUMNS, ()), frame[list(COLUMNS)])
    hashes = row_hashes(typed).to_numpy()
    updates = [{"h": h, "id": int(i)} for h, i in zip(hashes, frame["row_id"], strict=True)]
    conn.execute(sa.text("UPDATE data_observations SET row_hash = :h WHERE row_id = :id"), updates)


def upgrade() -> None:
    """Add the flag (false on every row), flag the source's yearless figures, rehash the rows."""
    with op.batch_alter_table("data_observations") as batch:
        flag: sa.Column[bool] = sa.Column(
            "period_unstated", sa.Boolean(), nullable=False, server_default=sa.false()
        )
        batch.add_column(flag)
    conn = op.get_bind()
    flag_unstated(conn)
    rehash_observations(conn)


def downgrade() -> None:
    """Stores are only ever upgraded; a backup taken before the upgrade is the way back."""
    raise NotImplementedError("restore the backup taken before the upgrade")
