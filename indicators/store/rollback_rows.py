"""A rollback's plan per data table from the rows that differ between the old version and now."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import ColumnElement, Table, exists, func, select
from sqlalchemy.engine import Connection

from indicators.core.model import TABLES, coerce
from indicators.core.model import Table as ModelTable
from indicators.store import reading
from indicators.store.row_plans import RowPlans, added_rows, row_hashes

SLICE = 500  # hashes asked about in one statement
SLICES = 4  # statements asked before the current hashes are read whole instead


def plan(conn: Connection, row_tables: dict[str, Table], v: int) -> tuple[RowPlans, int, int, dict[str, int]]:
    """What makes the current rows version v's, as `row_plans.plan_rows` finds for `Store.load(v)`.

    Rows live both at v and now are neither read nor hashed again: the database compares their
    stored hashes, as a commit compares the current rows' (a national store's 3.6 million figures
    read, typed and hashed twice cost more than the rollback's own writing). The rows v had and now
    lacks are read whole and hashed afresh, since a row ended before a revision changed the table's
    columns kept the hash of its day. Returns the plans, the rows added and removed, and v's row
    counts per table.
    """
    plans: RowPlans = {}
    added = removed = 0
    counts: dict[str, int] = {}
    for model in TABLES:
        table = row_tables[model.name]
        ended = _ended_rows(conn, table, model, v)
        hashes = row_hashes(ended)
        new_mask = ~hashes.isin(_current_among(conn, table, set(hashes))).to_numpy()
        gone = _gone(conn, table, v, set(hashes))
        plans[model.name] = (*added_rows(model, ended, hashes, new_mask), gone)
        added += int(new_mask.sum())
        removed += len(gone)
        held = conn.execute(select(func.count()).select_from(table).where(_kept(table, v))).scalar_one()
        counts[model.name] = int(held) + len(ended)
    return plans, added, removed, counts


def _current_among(conn: Connection, table: Table, hashes: set[str]) -> set[str]:
    """Which of `hashes` a current row has, asked a slice at a time (SQLite binds a few thousand values)."""
    wanted, found = sorted(hashes), set()
    live = table.c.until_version.is_(None)
    if len(wanted) > SLICE * SLICES:
        # Each slice scans the current rows (no index on the hash): past a few, one read of them all is less.
        return hashes & set(conn.execute(select(table.c.row_hash).where(live)).scalars())
    for start in range(0, len(wanted), SLICE):
        part = wanted[start : start + SLICE]
        found |= set(
            conn.execute(select(table.c.row_hash).where(live & table.c.row_hash.in_(part))).scalars()
        )
    return found


def _gone(conn: Connection, table: Table, v: int, back: set[str]) -> list[int]:
    """The current rows v lacked: added after v, unless v held their content (kept, or brought `back`)."""
    held = table.alias("held")
    # NOT EXISTS, not NOT IN: PostgreSQL anti-joins the one, and rescans the kept rows per row for the other.
    same = (
        (held.c.since_version <= v) & held.c.until_version.is_(None) & (held.c.row_hash == table.c.row_hash)
    )
    kept = exists().where(same)
    later = table.c.until_version.is_(None) & (table.c.since_version > v) & ~kept
    rows = conn.execute(select(table.c.row_id, table.c.row_hash).where(later)).all()
    # One row per content, as a commit's plan closes: the last of the rows that share it.
    return list({h: int(rid) for rid, h in rows if h not in back}.values())


def _kept(table: Table, v: int) -> ColumnElement[bool]:
    """Rows live at v and still live now."""
    return (table.c.since_version <= v) & table.c.until_version.is_(None)


def _ended_rows(conn: Connection, table: Table, model: ModelTable, v: int) -> pd.DataFrame:
    """The rows live at v that a later version ended, typed, in key order."""
    ended = (table.c.since_version <= v) & table.c.until_version.is_not(None) & (table.c.until_version > v)
    query = select(*[table.c[c] for c in model.columns]).where(ended)
    # Not reading.read_rows: its streamed cursor would stay set on this writing connection, and
    # PostgreSQL cannot stream the version's INSERT … RETURNING that follows.
    frame = pd.DataFrame(conn.execute(query).all(), columns=list(model.columns))
    return coerce(model, reading.in_canonical_order(frame, list(model.key)))
