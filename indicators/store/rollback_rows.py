"""A rollback's plan per data table from the rows that differ between the old version and now."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import ColumnElement, Table, func, select
from sqlalchemy.engine import Connection

from indicators.core.model import TABLES, coerce
from indicators.core.model import Table as ModelTable
from indicators.store import reading
from indicators.store.row_plans import RowPlans, added_rows, row_hashes


def plan(conn: Connection, row_tables: dict[str, Table], v: int) -> tuple[RowPlans, int, int, dict[str, int]]:
    """What makes the current rows version v's, as `row_plans.plan_rows` finds for `Store.load(v)`.

    Rows live both at v and now are neither read nor hashed again: only their stored hashes are
    compared, as a commit compares the current rows' (a national store's 3.6 million figures read,
    typed and hashed twice cost more than the rollback's own writing). The rows v had and now lacks
    are read whole and hashed afresh, since a row ended before a revision changed the table's
    columns kept the hash of its day. Returns the plans, the rows added and removed, and v's row
    counts per table.
    """
    plans: RowPlans = {}
    added = removed = 0
    counts: dict[str, int] = {}
    for model in TABLES:
        table = row_tables[model.name]
        current = conn.execute(
            select(table.c.row_id, table.c.row_hash).where(table.c.until_version.is_(None))
        ).all()
        current_hash = {h: rid for rid, h in current}
        kept = set(conn.execute(select(table.c.row_hash).where(_kept(table, v))).scalars())
        ended = _ended_rows(conn, table, model, v)
        hashes = row_hashes(ended)
        new_mask = ~hashes.isin(current_hash.keys()).to_numpy()
        gone = set(current_hash) - kept - set(hashes)
        plans[model.name] = (*added_rows(model, ended, hashes, new_mask), [current_hash[h] for h in gone])
        added += int(new_mask.sum())
        removed += len(gone)
        held = conn.execute(select(func.count()).select_from(table).where(_kept(table, v))).scalar_one()
        counts[model.name] = int(held) + len(ended)
    return plans, added, removed, counts


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
