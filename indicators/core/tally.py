"""The results counted by kind of target, each indicator once per kind: codes and counts, no words."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators.core.model import ProgressStatus, Status

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


# The goals of a term, each once: the statuses a leader must hear first are those behind, worst first;
# then those done or on course; then the goals without a figure to judge.
_P = ProgressStatus
BEHIND = tuple(
    s.value for s in (_P.NOT_MET, _P.MOVING_AWAY, _P.MISSED_YEAR, _P.LIMITED, _P.MODERATE, _P.NOT_YET)
)
GOAL_ORDER = (
    *BEHIND,
    *(s.value for s in (_P.EXCEEDED, _P.MET, _P.ACHIEVED, _P.ON_TRACK, _P.NO_DATA, _P.NOT_JUDGED)),
)
# The order of a count's badges: the term's results first, then the paces best first, then the unknown.
COUNT_ORDER = tuple(
    s.value
    for s in (
        _P.EXCEEDED,
        _P.MET,
        _P.NOT_MET,
        _P.ACHIEVED,
        _P.ON_TRACK,
        _P.MODERATE,
        _P.LIMITED,
        _P.MOVING_AWAY,
        _P.MISSED_YEAR,
        _P.NOT_YET,
        _P.NO_DATA,
        _P.NOT_JUDGED,
    )
)


@dataclass(frozen=True)
class GoalCount:
    """A term's goals, each counted once: how many, and how many of each progress status."""

    n: int
    counts: dict[str, int]  # every progress status, in COUNT_ORDER

    @property
    def behind(self) -> int:
        """How many goals are behind: not met, moving away, missed, limited, slow or not yet met."""
        return sum(self.counts[s] for s in BEHIND)


def goals_once(goals: pd.DataFrame) -> pd.DataFrame:
    """Each goal (indicator and area) once, the ones behind first, worst first; else the goals' order."""
    rows = goals.drop_duplicates(["code", "area"], keep="first")
    rank = {s: i for i, s in enumerate(GOAL_ORDER)}
    order = rows["status"].astype(str).map(lambda s: rank.get(s, len(rank)))
    return rows.assign(_rank=order.to_numpy()).sort_values("_rank", kind="stable").drop(columns="_rank")


def by_goal_status(goals: pd.DataFrame) -> GoalCount:
    """The goals of progress.compute counted once each by progress status: the one count every page shows."""
    rows = goals.drop_duplicates(["code", "area"], keep="first")
    seen = rows["status"].astype(str).value_counts()
    return GoalCount(len(rows), {s: int(seen.get(s, 0)) for s in COUNT_ORDER})
