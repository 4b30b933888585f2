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
