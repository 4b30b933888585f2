"""A wide sheet's rows completed as full table rows: what the file does not say comes from the current row."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.core.model import TARGETS, Comparator, Direction, TargetKind
from indicators.excel.cells import cell_text
from indicators.excel.sheets import Checker, Located
from indicators.excel.workbook import fold
from indicators.text.i18n import msg


def complete_wide(loc: Located, current: pd.DataFrame, catalogue: pd.DataFrame, chk: Checker) -> pd.DataFrame:
    """Wide rows as full table rows: what the file does not say comes from the current row."""
    frame = loc.frame.copy()
    frame["year"] = frame["year"].astype("int64")
    info = catalogue.set_index("code")
    if "unit" in frame:
        _warn_units(loc, frame, info, chk)
        frame = frame.drop(columns="unit")
    out, old, same = _kept_from_current(loc, frame, current)
    if loc.table is TARGETS:
        out = _target_defaults(out, info, old, same)
    return out


def _warn_units(loc: Located, frame: pd.DataFrame, info: pd.DataFrame, chk: Checker) -> None:
    """A warning where a wide row's unit differs from the catalogue's, once per indicator and sheet."""
    given = frame["unit"].map(lambda v: fold(cell_text(v)))
    known = frame["code"].map(info["unit"]).map(lambda v: fold(v) if isinstance(v, str) else "")
    differs = np.flatnonzero(((given != "") & (known != "") & (given != known)).to_numpy())
    for pos in differs:
        code = frame["code"].iloc[pos]
        # Once: its figures and its targets share the row's unit cell.
        if (loc.sheet, code) in chk.unit_warned:
            continue
        chk.unit_warned.add((loc.sheet, code))
        unit = info["unit"].get(code, "")
        written = cell_text(frame["unit"].iloc[pos])
        chk.add(
            loc.sheet,
            msg("check.unit_differs", written=written, unit=unit, code=code),
            row=int(loc.rows[pos]),
            col=loc.columns.get("unit", 0),
            column=loc.headers.get("unit") or "unit",
            value=frame["unit"].iloc[pos],
            severity="warning",
        )


def _kept_from_current(
    loc: Located, frame: pd.DataFrame, current: pd.DataFrame
) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """The table's columns: the file's key and value, the rest from the current row of the same key.

    Also which rows had a current row (`old`) and which of those keep its value (`same`).
    """
    table = loc.table
    key = list(table.key)
    # A note written in the figure's note column ("Ghi chú 2021", as the grid writes) replaces its
    # note; a figure without one keeps the current note.
    noted = loc.cell_columns.get("note", np.zeros(len(frame), int)) > 0
    merged = frame.merge(current, on=key, how="left", suffixes=("", "_old"), indicator=True)
    old = merged["_merge"].eq("both")
    same = old & np.isclose(merged["value"].astype(float), merged["value_old"].astype(float))
    out = pd.DataFrame({c: merged[c] for c in key})
    out["value"] = merged["value"].astype(float)
    for column in table.columns:
        if column in out:
            continue
        if column in merged:
            kept = merged[column]
            if column in ("section", "quote", "qualifier"):
                # A quote supports the old figure only; a new figure has none until someone adds it.
                kept = kept.where(same, "")
            if column == "note" and f"{column}_old" in merged:
                kept = kept.where(noted, merged[f"{column}_old"])
            out[column] = kept
        else:
            out[column] = pd.NA
    return out, old, same


def _target_defaults(out: pd.DataFrame, info: pd.DataFrame, old: pd.Series, same: pd.Series) -> pd.DataFrame:
    """A new wide target's comparator (from the direction), term, and flags; a current one keeps its own."""
    lower = out["code"].map(info["direction"]).eq(Direction.LOWER.value)
    derived = np.where(lower, Comparator.AT_MOST.value, Comparator.AT_LEAST.value)
    out["comparator"] = out["comparator"].where(old & out["comparator"].notna(), derived)
    year = out["year"].astype(int)
    multi = out["target_kind"].isin([TargetKind.RESOLUTION.value, TargetKind.GOALS.value])
    term = np.where(multi, (year - 5).astype(str) + "-" + year.astype(str), year.astype(str))
    out["term"] = out["term"].where(old & out["term"].notna(), term)
    out["derived"] = out["derived"].where(old & out["derived"].notna(), False).astype(bool)
    out["yearly"] = out["yearly"].where(old & out["yearly"].notna(), False).astype(bool)
    # A value typed by an office is stated, not derived from a printed %.
    out.loc[~same.to_numpy(), "derived"] = False
    return out
