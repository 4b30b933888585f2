"""Official area codes: home-made codes mapped in every version, formed-from and adding-up tables.

1. Creates data_area_links (which former units a unit was formed from) and data_aggregation_rules
   (how an indicator adds up from child areas), versioned like every data table.
2. Maps the first releases' codes (LC, TD, BAN_BO, BINH_LU, TA_LENG, KHUN_HA) to the statistics
   office's (12, 106, 03424, 03390, 03405, 03430) in every version of areas, figures, targets and
   reported percentages, and recomputes their row_hash: each version reads back with the same
   figures under the official codes.
3. When the store holds data, writes one new version that carries Lai Châu's official list (the
   province, its 38 units from 2025-07-01, the former districts and communes until 2025-06-30) and
   their formed-from links, so older versions stay exactly as they were.

Revision ID: 0003_official_areas
Revises: 0002_honest_figures
Create Date: 2026-11-26
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

revision = "0003_official_areas"
down_revision = "0002_honest_figures"
branch_labels = None
depends_on = None

# Frozen here on purpose: the codes and the columns as they are at this revision.
LEGACY_CODES: dict[str, str] = {
    "LC": "12",
    "TD": "106",
    "BAN_BO": "03424",
    "BINH_LU": "03390",
    "TA_LENG": "03405",
    "KHUN_HA": "03430",
}
NEW_UNITS_FROM = "2025-07-01"
NEW_TABLES: dict[str, tuple[str, ...]] = {
    "area_links": ("code", "from_code", "date", "part", "share", "source"),
    "aggregation_rules": ("code", "rule", "numerator", "denominator", "note"),
}
# Data tables whose area codes are mapped, the columns holding codes, and every column in model order
# (the row hash is taken over exactly these).
MAPPED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "areas": (("code", "parent"), ("code", "name", "level", "parent", "valid_from", "valid_to")),
    "observations": (
        ("area",),
        ("code", "area", "year", "kind", "base_year", "value", "qualifier", "section", "quote", "note"),
    ),
    "targets": (
        ("area",),
        (
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
    ),
    "reported": (("area",), ("code", "area", "year", "target_kind", "reported_pct", "section", "quote")),
}
NOTE = "Danh mục địa bàn chính thức: mã của Cục Thống kê, 38 đơn vị của Lai Châu từ 1/7/2025 và đơn vị cũ"


def upgrade() -> None:
    """Create the two tables, map the codes in every version, and write the official list as a version."""
    from alembic import op

    for table, columns in NEW_TABLES.items():
        name = f"data_{table}"
        op.create_table(
            name,
            sa.Column("row_id", sa.Integer(), primary_key=True, autoincrement=True),
            *[
                sa.Column(c, sa.Float() if c == "share" else sa.Text(), nullable=c == "share")
                for c in columns
            ],
            sa.Column("row_hash", sa.String(32), nullable=False),
            sa.Column("since_version", sa.Integer(), nullable=False),
            sa.Column("until_version", sa.Integer(), nullable=True),
        )
        op.create_index(f"ix_{name}_since_version", name, ["since_version"])
        op.create_index(f"ix_{name}_until_version", name, ["until_version"])
    migrate_rows(op.get_bind())


def downgrade() -> None:
    """Stores are only ever upgraded; a backup taken before the upgrade is the way back."""
    raise NotImplementedError("restore the backup taken before the upgrade")


# The data steps, on a plain connection (tests run them on the previous release's store too) ----------


def migrate_rows(conn: Connection) -> None:
    """Map legacy codes in every version, then add the official Lai Châu list as a new version."""
    for table, (code_columns, columns) in MAPPED.items():
        _map_codes(conn, table, code_columns, columns)
    if conn.execute(sa.text("SELECT COUNT(*) FROM versions")).scalar_one():
        _official_version(conn)


def _hashes(frame: pd.DataFrame, columns: tuple[str, ...]) -> list[str]:
    """The store's own row hash over the columns of this revision, so unchanged rows stay unchanged."""
    from indicators.core.model import Table, coerce
    from indicators.store.database import row_hashes

    typed = coerce(Table("t", "", columns, ()), frame[list(columns)])
    return list(row_hashes(typed).to_numpy())


def _map_codes(conn: Connection, table: str, code_columns: tuple[str, ...], columns: tuple[str, ...]) -> None:
    legacy = list(LEGACY_CODES)
    where = " OR ".join(f"{c} IN :legacy" for c in code_columns)
    query = sa.text(f"SELECT row_id, {', '.join(columns)} FROM data_{table} WHERE {where}").bindparams(
        sa.bindparam("legacy", expanding=True)
    )
    rows = conn.execute(query, {"legacy": legacy}).all()
    if not rows:
        return
    frame = pd.DataFrame(rows, columns=["row_id", *columns])
    if table == "areas":
        # A new commune's row becomes the unit that took effect on 1 July 2025 (codes are reused).
        blank = frame["code"].isin(["BAN_BO", "BINH_LU", "TA_LENG", "KHUN_HA"]) & (frame["valid_from"] == "")
        frame.loc[blank, "valid_from"] = NEW_UNITS_FROM
    for column in code_columns:
        frame[column] = frame[column].map(lambda c: LEGACY_CODES.get(c, c))
    frame["row_hash"] = _hashes(frame, columns)
    changed = [*code_columns, "row_hash", *(["valid_from"] if table == "areas" else [])]
    assignments = ", ".join(f"{c} = :{c}" for c in changed)
    records = frame[["row_id", *changed]].to_dict("records")
    conn.execute(sa.text(f"UPDATE data_{table} SET {assignments} WHERE row_id = :row_id"), records)


def _official_version(conn: Connection) -> None:
    """One new version: areas = Lai Châu's official list plus any other area already there; links added."""
    from indicators.areas import official as official_areas

    areas, links = official_areas.lai_chau()
    columns = MAPPED["areas"][1]
    current = pd.DataFrame(
        conn.execute(
            sa.text(f"SELECT row_id, {', '.join(columns)} FROM data_areas WHERE until_version IS NULL")
        ).all(),
        columns=["row_id", *columns],
    )
    official = set(zip(areas["code"], areas["valid_from"], strict=True))
    codes = set(areas["code"])
    # A current row the list replaces: same unit, or a code the list holds (the province's old date).
    pairs = zip(current["code"], current["valid_from"], strict=True)
    replaced = current[[(c, v) in official or c in codes for c, v in pairs]]
    areas["row_hash"] = _hashes(areas, columns)
    replaced_hash = dict(zip(replaced["row_id"], _hashes(replaced, columns), strict=True))
    keep_same = set(areas["row_hash"]) & set(replaced_hash.values())
    to_close = [rid for rid, h in replaced_hash.items() if h not in keep_same]
    to_add = areas[~areas["row_hash"].isin(keep_same)]
    link_columns = NEW_TABLES["area_links"]
    links["row_hash"] = _hashes(links, link_columns)
    if not to_close and to_add.empty and links.empty:
        return
    counts = {"areas": len(current) - len(to_close) + len(to_add), "area_links": len(links)}
    counts |= {"added": len(to_add) + len(links), "removed": len(to_close)}
    version = conn.execute(
        sa.text(
            "INSERT INTO versions (account, created_at, action, file_name, sha256, note, counts) "
            "VALUES ('system', :at, 'migrate', 'areas_lai_chau.csv', '', :note, :counts) RETURNING version"
        ),
        {"at": datetime.now(UTC), "note": NOTE, "counts": json.dumps(counts, ensure_ascii=False)},
    ).scalar_one()
    if to_close:
        conn.execute(
            sa.text("UPDATE data_areas SET until_version = :v WHERE row_id = :id"),
            [{"v": version, "id": int(i)} for i in to_close],
        )
    for table, frame, names in (("areas", to_add, columns), ("area_links", links, link_columns)):
        if frame.empty:
            continue
        records = frame[[*names, "row_hash"]].astype(object).where(frame[[*names, "row_hash"]].notna(), None)
        rows = [{**r, "since_version": version} for r in records.to_dict("records")]
        conn.execute(
            sa.text(
                f"INSERT INTO data_{table} ({', '.join(names)}, row_hash, since_version) "
                f"VALUES ({', '.join(':' + n for n in names)}, :row_hash, :since_version)"
            ),
            rows,
        )
