"""Terms (giai đoạn) as data: their years, their goals, the yearly plans inside them, each term's result."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators.core import attainment
from indicators.core.model import Dataset, ObsKind, TargetKind
from indicators.core.selection import CYCLE_END, cycle_term, span


@dataclass(frozen=True, order=True)
class Term:
    """A term: its baseline year (the previous term's last) and its last year; 2020–2025 is (2020, 2025)."""

    start: int
    end: int

    @property
    def key(self) -> str:
        """The term as the targets table writes it: "2020-2025"."""
        return f"{self.start}-{self.end}"

    @property
    def label(self) -> str:
        """The term as people write it: "2020–2025"."""
        return f"{self.start}–{self.end}"

    def covers(self, year: int) -> bool:
        """True for a year whose results belong to the term: 2021 to 2025, not the baseline 2020."""
        return self.start < year <= self.end

    @property
    def years(self) -> range:
        """The years the term's results fall in."""
        return range(self.start + 1, self.end + 1)


def _named(targets: pd.DataFrame) -> set[Term]:
    """The multi-year terms the targets name ("2015-2020"); a year's plan names one year, not a term."""
    found = set()
    for text in targets["term"].unique():
        years = span(str(text))
        if years and years[1] - years[0] > 1:
            found.add(Term(*years))
    return found


def _years(data: Dataset) -> list[int]:
    """Every year a figure or a target is given for."""
    years = set(data.observations["year"].unique().tolist()) | set(data.targets["year"].unique().tolist())
    return sorted(int(y) for y in years)


def catalogue(data: Dataset) -> list[Term]:
    """Every term the data names, and the five-year terms of the same cycle around every year it holds.

    So the 2025–2030 term is there as soon as a 2026 plan or figure is, before its resolution's
    goals are entered; a term with no goals says so where it is shown.
    """
    named = _named(data.targets)
    years = _years(data)
    anchor = max(named).end if named else CYCLE_END
    terms = set(named)
    for year in years:
        # The cycle's term covering the year: ends on the anchor's cycle, at or after the year.
        if not any(t.covers(year) for t in named):
            terms.add(Term(*cycle_term(year, anchor)))
    return sorted(terms)


def term_of(terms: list[Term], year: int) -> Term | None:
    """The term a year's results belong to (2020 → 2015–2020); the shortest where terms overlap."""
    covering = [t for t in terms if t.covers(year)]
    return min(covering, key=lambda t: (t.end - t.start, t.end)) if covering else None


def goals(data: Dataset, term: Term, area: str | None = None) -> pd.DataFrame:
    """The term's goals: its resolution's (or the report's) targets, not a year's plan."""
    targets = data.targets
    keep = targets["term"].str.replace("–", "-").str.replace(" ", "").eq(term.key)
    keep &= targets["target_kind"] != TargetKind.PLAN.value
    if area is not None:
        keep &= targets["area"] == area
    return targets[keep].reset_index(drop=True)


def plans(data: Dataset, year: int, area: str | None = None) -> pd.DataFrame:
    """The year's plan targets (kế hoạch năm), one per indicator and area."""
    targets = data.targets
    keep = (targets["target_kind"] == TargetKind.PLAN.value) & (targets["year"] == year)
    if area is not None:
        keep &= targets["area"] == area
    return targets[keep].reset_index(drop=True)


RESULT_COLUMNS = [
    "code",
    "area",
    "year",
    "target_kind",
    "comparator",
    "actual",
    "actual_kind",
    "target",
    "target_basis",
    "attainment_pct",
    "status",
]


def result(data: Dataset, term: Term, area: str | None = None) -> pd.DataFrame:
    """The term's result: each goal against its last year's figure, official where there is one.

    Where that year has only an estimate (ước thực hiện) the estimate is used and `actual_kind`
    says "estimate"; a later official figure replaces it here without any other change.
    """
    rows = attainment.compute(data, area)
    keep = rows["term"].astype(str).str.replace("–", "-").str.replace(" ", "").eq(term.key)
    keep &= (rows["year"] == term.end) & (rows["target_kind"] != TargetKind.PLAN.value)
    return rows.loc[keep, RESULT_COLUMNS].reset_index(drop=True)


def superseded(data: Dataset, area: str, year: int) -> pd.Series:
    """Per indicator code, the estimate an official figure of the same year has replaced (both are kept)."""
    obs = data.observations
    here = obs[(obs["area"] == area) & (obs["year"] == year)]
    official = set(here.loc[here["kind"] == ObsKind.ACTUAL.value, "code"])
    estimates = here[here["kind"] == ObsKind.ESTIMATE.value]
    estimates = estimates[estimates["code"].isin(official)]
    return estimates.drop_duplicates("code").set_index("code")["value"]
