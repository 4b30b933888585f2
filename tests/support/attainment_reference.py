"""Attainment's steps as they were made row by row: the references the vectorised paths must equal."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.core.attainment import KEY
from indicators.core.lookup import Levels, term_start


def expand_yearly(targets: pd.DataFrame, lv: Levels) -> pd.DataFrame:
    """Each "Hàng năm" target's earlier years with a figure, found one row and one year at a time."""
    yearly = targets["yearly"].to_numpy(dtype=bool)
    if not yearly.any():
        return targets
    rows = targets[yearly]
    start = term_start(rows["term"], rows["year"])
    extra = []
    for (_, row), first in zip(rows.iterrows(), start, strict=True):
        for year in range(int(first) + 1, int(row["year"])):
            found = lv.value_at(lv.locate(pd.Series([row["code"]]), pd.Series([row["area"]]), [year]))
            if not np.isnan(found[0]):
                extra.append({**row.to_dict(), "year": year})
    if not extra:
        return targets
    merged = pd.concat([targets, pd.DataFrame(extra, columns=targets.columns)], ignore_index=True)
    return merged.sort_values([*KEY, "target_kind"], kind="stable", ignore_index=True)


def with_reported_only(targets: pd.DataFrame, reported: pd.DataFrame) -> pd.DataFrame:
    """The targets plus an empty row for each % printed without one, the orphans found by a merge."""
    if reported.empty:
        return targets
    tkey = [*KEY, "target_kind"]
    candidates = targets.loc[targets["code"].isin(reported["code"].unique()), tkey]
    found = reported[tkey].merge(candidates.drop_duplicates(), on=tkey, how="left", indicator=True)
    orphans = found.loc[found["_merge"] == "left_only", tkey]
    if orphans.empty:
        return targets
    extra = orphans.assign(
        term="",
        comparator="",
        value=np.nan,
        qualifier="",
        derived=False,
        yearly=False,
        section="",
        quote="",
        note="",
    )
    extra = extra.reindex(columns=targets.columns, fill_value=-1)
    merged = pd.concat([targets, extra], ignore_index=True)
    return merged.sort_values(tkey, kind="stable", ignore_index=True)


def attach_reported(targets: pd.DataFrame, reported: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
    """The printed % and its quote for each target row, matched by a merge."""
    pct = np.full(len(targets), np.nan)
    pick = np.zeros(len(targets), dtype="int64")
    quotes = pd.Series([""], dtype="str")
    if not (reported.empty or targets.empty):
        tkey = [*KEY, "target_kind"]
        candidates = targets.loc[targets["code"].isin(reported["code"].unique()), tkey]
        matched = candidates.reset_index(names="_row").merge(reported, on=tkey, how="inner")
        rows = matched["_row"].to_numpy()
        pct[rows] = matched["reported_pct"].to_numpy(dtype="float64")
        pick[rows] = np.arange(1, len(matched) + 1)
        quotes = pd.concat([quotes, matched["quote"].astype("str")], ignore_index=True)
    return pct, quotes.take(pick).reset_index(drop=True)


def stated_reductions(subset: pd.DataFrame, reductions: pd.DataFrame) -> pd.DataFrame:
    """Each reduce-by row's stated reduction, by a left merge."""
    return subset.merge(reductions, on=KEY, how="left")
