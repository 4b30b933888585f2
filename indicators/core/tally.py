"""The results counted by kind of target, each indicator once per kind: codes and counts, no words."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators.core.model import ObsKind, Status, TargetKind, ValueKind

# The kinds of target in the order the source weighs them: the term's resolution, programmes,
# quotas handed down, the report's own goals, then a year's plan.
KIND_ORDER = ("NQ", "DA", "GIAO", "MT", "KH")
# The data's unit of a count of targets ("17/17 chỉ tiêu"): the source's own count of a year's plan.
TARGETS_UNIT = "chỉ tiêu"
# The statuses a sentence names, in the order the source says them ("not judged" is left unsaid).
COUNTED = (Status.EXCEEDED.value, Status.MET.value, Status.NOT_MET.value, Status.NO_DATA.value)


@dataclass(frozen=True)
class KindCount:
    """One kind of target (a plan is one kind per year): how many indicators, and how many of each status."""

    kind: str
    plan_year: int  # 0 unless the kind is a year's plan (KH)
    n: int
    counts: dict[str, int]  # every status, in Status order
    # The source's own count of the plan's targets met or exceeded, out of all of them ("17/17"):
    # a plan has more targets than the store holds figures of, and the document says both.
    stated: tuple[int, int] | None = None

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


def by_kind(results: pd.DataFrame, stated: dict[int, tuple[int, int]] | None = None) -> list[KindCount]:
    """The counts per kind of target, in the source's order; rows without a kind of target are left out.

    `stated` (from stated_plans) gives a year's plan the source's own count beside the store's.
    """
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


def counting_codes(indicators: pd.DataFrame) -> list[str]:
    """The indicators that count a plan's targets met ("17/17 chỉ tiêu"), by the data's unit and kind."""
    mask = (indicators["unit"].astype(str) == TARGETS_UNIT) & (
        indicators["value_kind"].astype(str) == ValueKind.COUNT.value
    )
    return [str(c) for c in indicators.loc[mask, "code"]]


def stated_plans(
    indicators: pd.DataFrame, levels: pd.DataFrame, observations: pd.DataFrame
) -> dict[int, tuple[int, int]]:
    """The source's own count of a year's plan targets met or exceeded, out of all of them, by year.

    A count whose unit is targets, with the whole it is out of ("17/17 chỉ tiêu … đạt và vượt kế
    hoạch"); `levels` and `observations` are one area's. The level is the engine's pick (official
    before estimate); the whole is the TOTAL observation of the same year.
    """
    counting = set(counting_codes(indicators))
    totals = observations[
        observations["code"].isin(counting) & (observations["kind"].astype(str) == ObsKind.TOTAL.value)
    ]
    whole = dict(
        zip(zip(totals["code"], totals["year"].astype(int), strict=True), totals["value"], strict=True)
    )
    out: dict[int, tuple[int, int]] = {}
    for code, year, met in zip(levels["code"], levels["year"].astype(int), levels["actual"], strict=True):
        total = whole.get((code, year))
        if code in counting and total is not None and not pd.isna(met) and not pd.isna(total):
            out.setdefault(year, (int(met), int(total)))
    return out
