"""The merge and comparison as they were, each step by pandas: the reference the short cuts must equal."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.core.model import TABLES, Dataset, Table, coerce
from indicators.excel.diff import (
    CATALOGUES,
    Mode,
    Preview,
    TableChange,
    _differs,
    _held,
    _keys,
    _snap,
    covered_pairs,
)
from indicators.excel.validate import Upload


def upsert(current: pd.DataFrame, rows: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """The file's rows added or replacing the current rows of the same key; the others kept."""
    kept = current[~_keys(current, key).isin(_keys(rows, key))]
    return pd.concat([kept, rows], ignore_index=True)


def merge(current: Dataset, upload: Upload, mode: Mode = "add") -> Dataset:
    """The full dataset after the upload, every table's keys matched by pandas."""
    pairs = covered_pairs(upload) if upload.layout == "long" and mode == "replace" else None
    frames = {}
    for table in TABLES:
        now = current.frame(table)
        rows = upload.frames.get(table.name)
        if rows is not None and table in CATALOGUES and _held(table, now, rows):
            rows = None
        if rows is None or (rows.empty and table not in CATALOGUES and pairs is None):
            frames[table.name] = now
            continue
        rows = _snap(rows, now, table)
        if table in CATALOGUES or pairs is None:
            frames[table.name] = coerce(table, upsert(now, rows, list(table.key)))
        else:
            kept = now[~_keys(now, ["code", "area"]).isin(pairs)]
            frames[table.name] = coerce(table, pd.concat([kept, rows], ignore_index=True))
    return Dataset(version=current.version, **frames)


def same_table(table: Table, frame: pd.DataFrame) -> TableChange:
    """The change of a table to itself, its empty frames selected from the table's own."""
    key = list(table.key)
    none = frame.iloc[0:0][key + [c for c in table.columns if c not in key]].reset_index(drop=True)
    changed = pd.DataFrame(columns=[*key, "column", "old", "new"])
    return TableChange(table, none, none.copy(), changed, 0, len(frame))


def one_sided(table: Table, old: pd.DataFrame, new: pd.DataFrame) -> TableChange:
    """The change of a table empty on one side, its padded empty side built by pandas each time."""
    key = list(table.key)
    others = [c for c in table.columns if c not in key]
    full, bare = (new, old) if old.empty else (old, new)
    rows = full.sort_values(key, kind="stable")[key + others].reset_index(drop=True)
    padded = bare[others].reindex(pd.RangeIndex(1)).iloc[0:0]
    none = pd.concat([full[key].iloc[0:0], padded], axis=1).reset_index(drop=True)
    added, removed = (rows, none) if old.empty else (none, rows)
    changed = pd.DataFrame(columns=[*key, "column", "old", "new"])
    return TableChange(table, added, removed, changed, 0, 0)


def compare(old: Dataset, new: Dataset) -> Preview:
    """What changes from `old` to `new`, table by table."""
    return Preview(
        {
            t.name: same_table(t, old.frame(t))
            if old.frame(t) is new.frame(t) or (old.frame(t).empty and new.frame(t).empty)
            else one_sided(t, old.frame(t), new.frame(t))
            if old.frame(t).empty or new.frame(t).empty
            else table_change(t, old.frame(t), new.frame(t))
            for t in TABLES
        }
    )


def table_change(table: Table, old: pd.DataFrame, new: pd.DataFrame) -> TableChange:
    """The change of one table by an outer join on its key."""
    key = list(table.key)
    merged = old.merge(new, on=key, how="outer", suffixes=("_old", "_new"), indicator=True)
    added = merged[merged["_merge"] == "right_only"]
    removed = merged[merged["_merge"] == "left_only"]
    both = merged[merged["_merge"] == "both"].reset_index(drop=True)
    others = [c for c in table.columns if c not in key]
    pieces = []
    changed_any = np.zeros(len(both), bool)
    for column in others:
        mask = _differs(both[f"{column}_old"], both[f"{column}_new"])
        changed_any |= mask
        if mask.any():
            piece = both.loc[mask, key].copy()
            piece["column"] = column
            piece["old"] = both.loc[mask, f"{column}_old"].astype(object)
            piece["new"] = both.loc[mask, f"{column}_new"].astype(object)
            pieces.append(piece)
    changed = (
        pd.concat(pieces, ignore_index=True)
        if pieces
        else pd.DataFrame(columns=[*key, "column", "old", "new"])
    )

    def side(frame: pd.DataFrame, suffix: str) -> pd.DataFrame:
        return (
            frame[key + [f"{c}{suffix}" for c in others]]
            .set_axis(key + others, axis=1)
            .reset_index(drop=True)
        )

    return TableChange(
        table,
        side(added, "_new"),
        side(removed, "_old"),
        changed,
        int(changed_any.sum()),
        int((~changed_any).sum()),
    )
