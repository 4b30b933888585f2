"""Which rows a page shows: terms ("2015-2020"), areas, indicator codes in order, one indicator's series."""

from __future__ import annotations

import re

import pandas as pd

from indicators.core.attainment import levels
from indicators.core.model import DOMAINS, Dataset, Status
from indicators.core.page_settings import HEADLINE

# A Party Congress term, whose resolution sets the goals: five years, ending 2015, 2020, 2025, 2030 …
TERM_LENGTH = 5
# Where the cycle is anchored when the data names no term: the congresses of 2015, 2020, 2025.
CYCLE_END = 2020
_TERM = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")


def span(term: str) -> tuple[int, int] | None:
    """A term's first and last year ("2015-2020" → (2015, 2020)); None for a single year."""
    match = _TERM.match(term)
    return (int(match.group(1)), int(match.group(2))) if match else None


def cycle_term(year: int, anchor: int = CYCLE_END) -> tuple[int, int]:
    """The five-year term of the cycle ending on `anchor` that holds `year`'s results: 2026 → (2025, 2030)."""
    end = year + (anchor - year) % TERM_LENGTH
    return end - TERM_LENGTH, end


def with_periods(rows: pd.DataFrame) -> pd.DataFrame:
    """Attainment rows with `period`: the five-year term each belongs to ("2015-2020").

    A year's plan (2019) and an annual quota belong to the term that contains them, so the
    term filter offers the report's giai đoạn, not one entry per year.
    """
    spans = sorted({s for s in (span(str(x)) for x in rows["term"].unique()) if s}, key=lambda s: s[1])

    anchor = spans[-1][1] if spans else CYCLE_END

    def period(term: str, year: int) -> str:
        if span(term):
            return term.replace("–", "-").replace(" ", "")
        for start, end in spans:
            if start < year <= end:
                return f"{start}-{end}"
        # A year past every named term (a 2026 plan) belongs to the cycle's next term, 2025–2030:
        # the term filter offers the term, never the lone year.
        start, end = cycle_term(year, anchor)
        return f"{start}-{end}"

    out = rows.copy()
    out["period"] = [period(str(tm), int(y)) for tm, y in zip(rows["term"], rows["year"], strict=True)]
    return out


def periods(rows: pd.DataFrame) -> list[str]:
    """The terms present, oldest first."""
    if rows.empty:
        return []
    return sorted(rows["period"].unique().tolist(), key=_period_order)


def default_period(rows: pd.DataFrame, with_figures: list[str] | None = None) -> str | None:
    """The latest term with data (a judged result, or a figure: `with_figures`), else the latest term."""
    judged = rows[rows["status"].isin([Status.EXCEEDED.value, Status.MET.value, Status.NOT_MET.value])]
    found = sorted(set(periods(judged)) | set(with_figures or []), key=_period_order) or periods(rows)
    return found[-1] if found else None


def _period_order(period: str) -> tuple[int, int]:
    return (span(period) or (int(period), int(period)))[::-1]


def figure_periods(rows: pd.DataFrame, years: list[int]) -> list[str]:
    """The terms holding a figure of `years`, named as `with_periods` names the rows' terms.

    A year no later than the first term's start is that term's baseline, not a term of its own.
    """
    spans = sorted({s for s in (span(str(x)) for x in rows["term"].unique()) if s}, key=lambda s: s[1])
    anchor = spans[-1][1] if spans else CYCLE_END
    first = spans[0][0] if spans else None
    found = set()
    for year in years:
        if first is not None and year <= first:
            continue
        inside = [f"{a}-{b}" for a, b in spans if a < year <= b]
        found.add(inside[0] if inside else "{}-{}".format(*cycle_term(year, anchor)))
    return sorted(found, key=_period_order)


def period_years(period: str) -> tuple[int, int]:
    """First and last year of a term; a single year is both."""
    years = span(period)
    return years if years else (int(period), int(period))


def areas_present(
    data: Dataset, rows: pd.DataFrame | None = None, codes: list[str] | None = None
) -> list[str]:
    """Areas holding a target row or a figure of the given indicators (all by default), each once.

    In the areas table's order; a code that names two units over time (03390) is one area here.
    """
    obs = data.observations if codes is None else data.observations[data.observations["code"].isin(codes)]
    # unique() first: a set of millions of pandas strings builds a Python object per row.
    used = set(obs["area"].unique())
    if rows is not None:
        used |= set(rows["area"].unique())
    ordered = [a for a in dict.fromkeys(data.areas["code"]) if a in used]
    return ordered + sorted(used - set(ordered))


def select(rows: pd.DataFrame, area: str | None, period: str | None) -> pd.DataFrame:
    """Rows of one area and term (None: all)."""
    keep = pd.Series(True, index=rows.index)
    if area is not None:
        keep &= rows["area"] == area
    if period is not None:
        keep &= rows["period"] == period
    return rows[keep]


def codes_in(data: Dataset, domains: tuple[str, ...] | list[str]) -> list[str]:
    """Indicator codes of the given domains, domain by domain; within one, the headline ones first,
    then those with a target, then those with a figure, then the rest, each group by name."""
    ind = data.indicators
    # unique() first: a set of millions of pandas strings builds a Python object per row.
    judged = set(data.targets["code"].unique()) | set(data.reported["code"].unique())
    measured = set(data.observations["code"].unique())
    names = ind.set_index("code")["name_vi"]
    out: list[str] = []
    for domain in domains:
        codes = ind.loc[ind["domain"] == domain, "code"].tolist()
        out += sorted(codes, key=lambda c: (c not in HEADLINE, c not in judged, c not in measured, names[c]))
    return out


def page_domains(data: Dataset) -> list[str]:
    """The domains the indicators belong to, in the model's order; unknown domains last."""
    present = set(data.indicators["domain"])
    return [d for d in DOMAINS if d in present] + sorted(present - set(DOMAINS))


def all_codes(data: Dataset) -> list[str]:
    """Every indicator code, domain by domain in the model's order; unknown domains last."""
    return codes_in(data, page_domains(data))


def domain_rows(rows: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """The attainment rows of the given indicators."""
    return rows[rows["code"].isin(codes)]


def series(
    data: Dataset, code: str, area: str | None, first: int | None = None, last: int | None = None
) -> pd.DataFrame:
    """One indicator's level by year (final, else estimate): year, actual, qualifier, kind, yearless."""
    lv = levels(data.observations)
    mine = lv[lv["code"] == code]
    if area is not None:
        mine = mine[mine["area"] == area]
    if first is not None:
        mine = mine[mine["year"] >= first]
    if last is not None:
        mine = mine[mine["year"] <= last]
    # Whether the source states the year goes along: a chart must not draw a yearless figure at one.
    columns = ["year", "actual", "qualifier", "actual_kind", "period_unstated"]
    return mine[[c for c in columns if c in mine]].sort_values("year").reset_index(drop=True)
