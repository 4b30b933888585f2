"""The results counted by kind as they were, a pandas filter per kind and year: by_kind's reference."""

from __future__ import annotations

import pandas as pd

from indicators.core.model import Status, TargetKind
from indicators.core.tally import KIND_ORDER, KindCount, once


def by_kind(results: pd.DataFrame, stated: dict[int, tuple[int, int]] | None = None) -> list[KindCount]:
    """tally.by_kind by a filter and a groupby per kind, a value_counts per plan year."""
    stated = stated or {}
    rows = once(results) if not results.empty else results
    out = []
    for kind in KIND_ORDER:
        mine = rows[rows["target_kind"].astype(str) == kind] if not rows.empty else rows
        groups = dict(iter(mine.groupby("_plan_year", sort=True))) if not mine.empty else {}
        years = sorted({int(y) for y in groups} | (set(stated) if kind == TargetKind.PLAN.value else set()))
        for plan_year in years:
            group = groups.get(plan_year, mine.iloc[0:0])
            seen = group["status"].astype(str).value_counts() if not group.empty else pd.Series(dtype=int)
            counts = {s.value: int(seen.get(s.value, 0)) for s in Status}
            said = stated.get(plan_year) if kind == TargetKind.PLAN.value else None
            out.append(KindCount(kind, int(plan_year), len(group), counts, said))
    return out
