"""The results counted by kind of target, each indicator once per kind: codes and counts, no words."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators.core.model import ObsKind, ProgressStatus, Status, TargetKind, ValueKind

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
    # Each kind and plan year's statuses as plain words: a few dozen rows, no pandas filter per group.
    statuses: dict[tuple[str, int], list[str]] = {}
    if not results.empty:
        rows = once(results)
        for kind, plan_year, status in zip(
            rows["target_kind"].astype(str), rows["_plan_year"], rows["status"].astype(str), strict=True
        ):
            statuses.setdefault((kind, int(plan_year)), []).append(status)
    out = []
    for kind in KIND_ORDER:
        plan = kind == TargetKind.PLAN.value
        years = sorted({y for k, y in statuses if k == kind} | (set(stated) if plan else set()))
        for plan_year in years:
            said = statuses.get((kind, plan_year), [])
            counts = {s.value: said.count(s.value) for s in Status}
            out.append(
                KindCount(kind, int(plan_year), len(said), counts, stated.get(plan_year) if plan else None)
            )
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
