"""A commit's plan per data table: which rows to add and which to close, found by comparing row hashes."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy import ColumnElement, Table, func, select
from sqlalchemy.engine import Connection

from indicators.core.model import TABLES, Dataset
from indicators.core.model import Table as ModelTable
from indicators.store import reading

# Per data table: the rows to add, their hashes, and the row ids to close.
RowPlans = dict[str, tuple[pd.DataFrame, pd.Series, list[int]]]


def row_hashes(frame: pd.DataFrame) -> pd.Series:
    """A fingerprint of each row's content, to tell changed rows from unchanged ones."""
    # Frames are always typed by model.coerce first, so equal content hashes equal;
    # pandas' hash is vectorised and keyed with a fixed key, so it is stable across runs.
    hashed = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    # Sixteen hex digits each, as f"{h:016x}" writes them, cut from one hex string of the big-endian bytes.
    digits = np.frombuffer(hashed.astype(">u8").tobytes().hex().encode("ascii"), dtype="S16")
    return pd.Series(digits.astype(str).tolist(), index=frame.index, dtype=object)


def plan_rows(
    conn: Connection,
    data: Dataset,
    row_tables: dict[str, Table],
    scoped: dict[str, frozenset[str]] | None = None,
) -> tuple[RowPlans, int, int]:
    """What makes the current rows `data`'s, compared by row hash; with the rows added and removed.

    `scoped` (table name → areas): `data` holds only those areas' rows of that table, and only the
    current rows of those areas are compared with them; the other areas' rows stay as they are.
    """
    plans: RowPlans = {}
    added = removed = 0
    for model in TABLES:
        table = row_tables[model.name]
        live: ColumnElement[bool] = table.c.until_version.is_(None)
        if scoped is not None and model.name in scoped:
            live &= table.c.area.in_(sorted(scoped[model.name]))
        current = conn.execute(select(table.c.row_id, table.c.row_hash).where(live)).all()
        current_hash = {h: rid for rid, h in current}
        frame = data.frame(model)
        hashes = row_hashes(frame)
        new_mask = ~hashes.isin(current_hash.keys()).to_numpy()
        gone = set(current_hash) - set(hashes)
        plans[model.name] = (*added_rows(model, frame, hashes, new_mask), [current_hash[h] for h in gone])
        added += int(new_mask.sum())
        removed += len(gone)
    return plans, added, removed


def scoped_counts(
    conn: Connection, data: Dataset, row_tables: dict[str, Table], scoped: dict[str, frozenset[str]] | None
) -> dict[str, int]:
    """A scoped commit's row counts of its scoped tables: `data`'s rows and the other areas' current ones."""
    counts: dict[str, int] = {}
    for name, areas in (scoped or {}).items():
        table = row_tables[name]
        others = table.c.until_version.is_(None) & table.c.area.not_in(sorted(areas))
        held = int(conn.execute(select(func.count()).select_from(table).where(others)).scalar_one())
        counts[name] = len(getattr(data, name)) + held
    return counts


def added_rows(
    model: ModelTable, frame: pd.DataFrame, hashes: pd.Series, new_mask: np.ndarray
) -> tuple[pd.DataFrame, pd.Series]:
    """The rows of `frame` not in the store yet, in key order, and their hashes."""
    if not new_mask.any():
        # Most tables of most commits are unchanged: no frame to filter, sort and strip.
        return frame.iloc[:0], hashes.iloc[:0]
    # Added rows go in by key: a store of one version reads back in key order, with no sort to do.
    rows = frame[new_mask].assign(row_hash=hashes[new_mask].to_numpy())
    rows = reading.in_canonical_order(rows, list(model.key))
    return rows.drop(columns="row_hash"), rows["row_hash"]


def records(rows: pd.DataFrame, hashes: pd.Series, version: int) -> list[dict]:
    """Rows as plain Python values for the driver (no numpy scalars, None for missing)."""
    out = rows.astype(object).where(rows.notna(), None)
    found = out.to_dict("records")
    for record, h in zip(found, hashes.to_numpy(), strict=True):
        for key, value in record.items():
            if isinstance(value, np.generic):
                record[key] = value.item()
        record["row_hash"] = h
        record["since_version"] = version
        record["until_version"] = None
    return found
