"""The results counted by kind of target, each indicator once per kind: codes and counts, no words."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators.core.model import Status

# The kinds of target in the order the source weighs them: the term's resolution, programmes,
# quotas handed down, the report's own goals, then a year's plan.
KIND_ORDER = ("NQ", "DA", "GIAO", "MT", "KH")
# The statuses a sentence names, in the order the source says them ("not judged" is left unsaid).
COUNTED = (Status.EXCEEDED.value, Status.MET.value, Status.NOT_MET.value, Status.NO_DATA.value)


@dataclass(frozen=True)
class KindCount:
    """One kind of target (a plan is one kind per year): how many indicators, and how many of each status."""

    kind: str
    plan_year: int  # 0 unless the kind is a year's plan (KH)
    n: int
    counts: dict[str, int]  # every status, in Status order

    @property
    def judged(self) -> int:
        """How many of its targets have a status: exceeded, met or not met."""
        return sum(self.counts[s] for s in COUNTED if s != Status.NO_DATA.value)

    @property
    def good(self) -> int:
        """How many of its targets are met or exceeded."""
        return self.counts[Status.EXCEEDED.value] + self.counts[Status.MET.value]


def once(results: pd.DataFrame) -> pd.DataFrame:
    """Each indicator once per kind of target (a plan counts per year): the latest result of each."""
    keyed = results.assign(
        _plan_year=[
            int(y) if k == "KH" else 0 for k, y in zip(results["target_kind"], results["year"], strict=True)
        ]
    )
    return keyed.sort_values("year").drop_duplicates(["code", "target_kind", "_plan_year"], keep="last")


def by_kind(results: pd.DataFrame) -> list[KindCount]:
    """The counts per kind of target, in the source's order; rows without a kind of target are left out."""
    if results.empty:
        return []
    rows = once(results)
    out = []
    for kind in KIND_ORDER:
        mine = rows[rows["target_kind"].astype(str) == kind]
        for plan_year, group in mine.groupby("_plan_year", sort=True):
            seen = group["status"].astype(str).value_counts()
            counts = {s.value: int(seen.get(s.value, 0)) for s in Status}
            out.append(KindCount(kind, int(plan_year), len(group), counts))
    return out
