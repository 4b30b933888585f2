"""A parent's goals and year review on its units' totals: where a total is partial, no verdict."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.areas.rollup import Rollup
from indicators.core import progress, year_review
from indicators.core.model import ProgressStatus, Status

# What a goal's pace is made of: a partial total at either end makes it a pace of missing units.
_PACE = (
    ProgressStatus.ON_TRACK.value,
    ProgressStatus.MODERATE.value,
    ProgressStatus.LIMITED.value,
    ProgressStatus.MOVING_AWAY.value,
)
MARK_YEAR = "partial_year"  # the year whose partial total holds a goal's verdict back (NaN: none)
_MARKS = ("reported", "expected", "units", "mark")


def _partial(found: Rollup) -> pd.DataFrame:
    """The (code, year) of every partial total, with how many units reported of how many."""
    marks = found.marks
    return marks[marks["mark"] == "partial"][["code", "year", *_MARKS]].astype({"year": "int64"})


def _is_partial(partial: pd.DataFrame, codes: pd.Series, years: pd.Series) -> np.ndarray:
    """Per row, whether (code, year) is a partial total; a missing year is none."""
    known = years.notna().to_numpy()
    keys = pd.MultiIndex.from_arrays([codes.astype(str), years.fillna(-1).astype("int64")])
    return keys.isin(pd.MultiIndex.from_frame(partial[["code", "year"]])) & known


def goals(found: Rollup, goal_year: int | None = None) -> pd.DataFrame:
    """The parent's goals judged on its units' totals (progress.compute); a partial total judges none.

    A goal whose latest figure is a partial total is "not judged": the units still to report could
    change it. So is a pace measured from a partial baseline. `partial_year` names the year whose
    total held the verdict back, so a page can say how many units reported.
    """
    rows = progress.compute(found.data, goal_year=goal_year, area=found.parent)
    partial = _partial(found)
    latest = _is_partial(partial, rows["code"], rows["latest_year"])
    base = _is_partial(partial, rows["code"], rows["base_year"])
    paced = rows["status"].astype(object).isin(_PACE).to_numpy()
    held = latest | (base & paced)
    rows[MARK_YEAR] = np.where(latest, rows["latest_year"], np.where(held, rows["base_year"], np.nan))
    if not held.any():
        return rows
    status = rows["status"].astype(object)
    status[held] = ProgressStatus.NOT_JUDGED.value
    rows["status"] = pd.Categorical(status, progress.STATUSES)
    rows.loc[held, "reason"] = ""
    rows.loc[held, "final"] = False
    # No % and no pace: the figures behind them are a part of the parent's.
    for column in ("final_pct", "observed_growth_pct", "observed_change_per_year", "ratio"):
        rows.loc[held, column] = np.nan
    return rows


def mark_of(found: Rollup, code: str, year: object) -> pd.Series | None:
    """The partial total's mark of `code` in `year`; None where it is complete or the parent's own."""
    if year is None or pd.isna(year):
        return None
    mark = found.mark_of(code, int(year))  # type: ignore[call-overload]
    return mark if mark is not None and str(mark["mark"]) == "partial" else None


def review(found: Rollup, year: int) -> pd.DataFrame:
    """The parent's year review (year_review.review) on its units' totals; a partial total is not judged.

    Where the year's total is partial its plan, path and term result say "not judged", with no % and
    no gap; a change from last year is left out where either year's total is partial (a sum over
    fewer units is no change). The mark columns (reported, expected, units, mark) say how many reported.
    """
    rows = year_review.review(found.data, found.parent, year)
    partial = _partial(found)
    codes = rows["code"].astype(str)
    now = _is_partial(partial, codes, rows["year"])
    before = _is_partial(partial, codes, rows["previous_year"])
    rows.loc[now | before, ["change", "same_period_pct"]] = np.nan
    planned, pathed, resulted = (rows[c] != "" for c in ("plan_status", "path_status", "goal_status"))
    rows.loc[now & planned, "plan_status"] = Status.NOT_JUDGED.value
    rows.loc[now & pathed, "path_status"] = ProgressStatus.NOT_JUDGED.value
    rows.loc[now & resulted, "goal_status"] = Status.NOT_JUDGED.value
    rows.loc[now, ["plan_pct", "goal_pct", "gap"]] = np.nan
    marks = found.marks.astype({"year": "int64"})[["code", "year", *_MARKS]]
    out = rows.merge(marks, on=["code", "year"], how="left")
    # Counts stay whole numbers where a row has no total ("4", never "4.0").
    return out.astype({"reported": "Int64", "expected": "Int64"})


def held(rows: pd.DataFrame) -> int:
    """How many of a review's rows have a verdict (plan, path or term result) a partial total holds back."""
    if "mark" not in rows:
        return 0
    verdict = (rows["plan_status"] != "") | (rows["path_status"] != "") | (rows["goal_status"] != "")
    return int(((rows["mark"] == "partial") & verdict).sum())
