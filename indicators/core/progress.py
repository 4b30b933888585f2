"""Progress toward term goals: required and observed growth, the required path, a status."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from indicators.core import attainment
from indicators.core.attainment import Verdicts, change_code
from indicators.core.lookup import Levels, levels_of, positions, take_labels, term_start
from indicators.core.model import Comparator, Dataset, Direction, ProgressStatus, TargetKind, ValueKind

# Statistics Canada / Open SDG thresholds on R = observed ÷ required growth.
ON_TRACK, MODERATE = 0.95, 0.60
# The statuses of a goal whose year's figure is in: the term's result, no longer a pace.
FINAL: tuple[str, ...] = (
    ProgressStatus.EXCEEDED.value,
    ProgressStatus.MET.value,
    ProgressStatus.NOT_MET.value,
)

STATUSES = [s.value for s in ProgressStatus]  # the categories of the status column

COLUMNS = [
    "code",
    "unit",
    "area",
    "comparator",
    "method",
    "base_year",
    "base_value",
    "goal_year",
    "goal_value",
    "stated_value",
    # The source's word before the goal's number ("tren": "trên 45 triệu"), "" where it has none.
    "target_qualifier",
    "goal_derived",
    "yearly",
    "goal_unit",
    "change_unit",
    "base_kind",
    "latest_year",
    "latest_value",
    "latest_kind",
    "required_growth_pct",
    "observed_growth_pct",
    "required_change_per_year",
    "observed_change_per_year",
    "ratio",
    "status",
    "reason",
    "final",
    "final_pct",
    "final_kind",
    "target_quote",
]
# What a goal without a baseline (or with no growth to require) cannot have.
_PACE_COLUMNS = (
    "required_growth_pct",
    "observed_growth_pct",
    "required_change_per_year",
    "observed_change_per_year",
    "ratio",
)


def goals(data: Dataset, goal_year: int | None = None) -> pd.DataFrame:
    """The stated targets of one goal year (by default the latest), with their baseline year.

    A year's plan (kế hoạch năm) is judged in its own year by attainment, never as a term's goal:
    without this a 2026 plan would become "the latest goals" and a 2025 plan a 2025 goal.
    """
    targets = data.targets
    # The rows picked by one filter, not two: each filter copies every column of every target.
    term_goal = targets["target_kind"].ne(TargetKind.PLAN.value).to_numpy(dtype=bool, na_value=False)
    if not term_goal.any():
        return targets[term_goal].assign(base_year=pd.Series(dtype="int64"))
    year = int(targets["year"][term_goal].max()) if goal_year is None else goal_year
    chosen = targets[term_goal & targets["year"].eq(year).to_numpy(dtype=bool, na_value=False)]
    return chosen.assign(base_year=_base_years(chosen))


def _base_years(chosen: pd.DataFrame) -> np.ndarray:
    """Each goal's baseline year: its term's first year.

    A goal stated without a term (a programme's "chỉ tiêu Đề án" in a term's report) is measured
    from the term its area's other goals of that year share, not from the year before its own:
    "no 2019 baseline" for a 2020 goal reported with the 2015 – 2020 term would ask for a figure
    no one keeps while the term's 2015 figures are there.
    """
    base = term_start(chosen["term"], chosen["year"])
    # Few distinct terms over many goals: each is read once, as term_start reads them.
    codes, uniques = pd.factorize(chosen["term"])
    blank = np.array([not str(u).strip() for u in uniques] + [True], dtype=bool)
    termless = blank[np.where(codes >= 0, codes, len(uniques))]
    if not termless.any() or termless.all():
        return base
    named = pd.DataFrame({"area": chosen["area"].to_numpy()[~termless], "start": base[~termless]})
    # One term per area and goal year is the rule; where goals of several terms meet, the earliest.
    shared = named.groupby("area", sort=False)["start"].min()
    found = chosen["area"].iloc[termless].map(shared).to_numpy(dtype="float64")
    base[termless] = np.where(np.isnan(found), base[termless], found).astype("int64")
    return base


_GOAL_COLUMNS = [
    "code",
    "area",
    "year",
    "term",
    "target_kind",
    "comparator",
    "value",
    "qualifier",
    "yearly",
    "quote",
]


def _goal_rows(
    data: Dataset, goal_year: int | None, area: str | None, as_of: int | None = None
) -> pd.DataFrame:
    """The goals with their baseline value and latest figure after it (year, value, kind), up to `as_of`."""
    lv = levels_of(data)
    # Numbered by position, so each goal knows its target row (the final step judges those rows
    # again) whatever index the targets carry, repeated or not.
    # Only the columns a goal uses: picking the goals then copies fewer words.
    targets = data.targets.reset_index(drop=True)[_GOAL_COLUMNS]
    g = goals(replace(data, targets=targets), goal_year)
    if area is not None:
        g = g[g["area"] == area]
    g = g.rename(
        columns={
            "year": "goal_year",
            "value": "target_value",
            "qualifier": "target_qualifier",
            "quote": "target_quote",
        }
    )
    g["target_row"] = g.index.to_numpy(dtype="int64")
    g = g.reset_index(drop=True)
    base_year = g["base_year"].to_numpy(dtype="int64")
    goal_years = g["goal_year"].to_numpy(dtype="int64")
    pairs = lv.pairs(g["code"], g["area"])  # the words read once, for every year looked up
    g["pair"] = pairs
    # A figure the source gives without its year is no baseline and no latest figure: no pace from it.
    base_rows = lv.dated(lv.locate_pairs(pairs, base_year))
    g["base_value"] = lv.value_at(base_rows)

    # Latest: the last level after the baseline, up to the goal year; looked up year by
    # year backwards from the goal, as terms span a handful of years.
    latest_year = np.full(len(g), -1, dtype="int64")
    latest_value = np.full(len(g), np.nan)
    for back in range(int((goal_years - base_year).max()) if len(g) else 0):
        year = goal_years - back
        open_rows = (latest_year < 0) & (year > base_year)
        if not open_rows.any():
            break
        if as_of is not None:
            # Where the goal stood in a past year (the year page): later figures are not yet known.
            open_rows &= year <= as_of
        found = lv.value_at(_dated_before(lv, lv.locate_pairs(pairs, year), year < goal_years))
        hit = open_rows & ~np.isnan(found)
        latest_year[hit] = year[hit]
        latest_value[hit] = found[hit]
    g["latest_year"] = pd.arrays.IntegerArray(latest_year, latest_year < 0)
    g["latest_value"] = latest_value
    # Estimate or official: the official figure supersedes the estimate wherever both exist.
    # As codes of a categorical: three words over many goals, no string per goal.
    g["base_kind"] = pd.Categorical.from_codes(lv.kind_codes_at(base_rows), KINDS)
    latest_rows = _dated_before(
        lv, lv.locate_pairs(pairs, latest_year), latest_year < goal_years
    )  # a year of −1 (none) finds no row: ""
    g["latest_kind"] = pd.Categorical.from_codes(lv.kind_codes_at(latest_rows), KINDS)
    return g


def _dated_before(lv: Levels, rows: np.ndarray, before_goal: np.ndarray) -> np.ndarray:
    """`rows` without a yearless figure before the goal year, where it would give a pace; in the goal
    year itself it is the term's result (500% of the programme), judged as attainment judges it."""
    return np.where(before_goal, lv.dated(rows), rows)


def _catalogue_flags(info: pd.DataFrame, where: np.ndarray) -> Callable[[str, str], np.ndarray]:
    """A test on the catalogue spread to the goals: flags(column, value) → one bool per goal."""

    def flags(column: str, value: str) -> np.ndarray:
        # Compared on the small catalogue, then spread to the goals by position.
        found = info[column].eq(value).to_numpy(dtype=bool, na_value=False)
        return np.where(where >= 0, found[np.maximum(where, 0)] if len(found) else False, False)

    return flags


@dataclass(frozen=True)
class _Growth:
    """Required and observed pace of each goal; `linear` where a straight line replaces compound growth."""

    goal_value: pd.Series
    linear: pd.Series
    cagr_r: pd.Series
    cagr_o: pd.Series
    change_r: pd.Series
    change_o: pd.Series
    ratio: pd.Series


def _growth(g: pd.DataFrame, lower: np.ndarray) -> _Growth:
    """Statistics Canada's growth ratio: observed ÷ required, compound or straight-line."""
    d = np.where(lower, -1.0, 1.0)
    reduce = g["comparator"] == Comparator.REDUCE_BY.value
    span = (g["goal_year"] - g["base_year"]).astype("float64")
    y0, yt = g["base_value"], g["latest_value"]
    elapsed = (g["latest_year"] - g["base_year"]).astype("float64")
    # "Reduce by N a year" goals end at baseline − N·years, reached on a straight line.
    goal_value = pd.Series(np.where(reduce, y0 - g["target_value"] * span, g["target_value"]), index=g.index)
    linear = reduce | (y0 <= 0) | (goal_value <= 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        cagr_r = np.power(goal_value / y0, 1.0 / span) - 1.0
        cagr_o = np.power(yt / y0, 1.0 / elapsed) - 1.0
        change_r = (goal_value - y0) / span
        change_o = (yt - y0) / elapsed
        ratio = np.where(linear, change_o / change_r, d * cagr_o / np.abs(cagr_r))
    ratio = pd.Series(ratio, index=g.index).replace([np.inf, -np.inf], np.nan)
    return _Growth(goal_value, linear, cagr_r, cagr_o, change_r, change_o, ratio)


@dataclass(frozen=True)
class _Kinds:
    """What kind of goal each is: judged every year, yes/no, not judged at all, a term total."""

    yearly: np.ndarray
    yes_no: np.ndarray
    not_judged: np.ndarray
    term_total: pd.Series


def _kinds(g: pd.DataFrame, flags: Callable[[str, str], np.ndarray]) -> _Kinds:
    """The kinds of goal that change how progress is judged."""
    comparator = g["comparator"]
    not_judged = (
        flags("direction", Direction.NEUTRAL.value) | (comparator == Comparator.REMAINDER.value).to_numpy()
    )
    # A cut every year ("giảm hàng năm 0,5‰/năm") is judged on its straight line, as an average cut is:
    # the line is the same; only a level every year ("hàng năm đạt 90%") is judged year by year.
    reduce = (comparator == Comparator.REDUCE_BY.value).to_numpy()
    return _Kinds(
        yearly=g["yearly"].to_numpy(dtype=bool) & ~reduce,
        yes_no=(comparator == Comparator.YES.value).to_numpy(),
        not_judged=not_judged,
        term_total=pd.Series(flags("value_kind", ValueKind.TERM_TOTAL.value), index=g.index),
    )


def _status(g: pd.DataFrame, growth: _Growth, kinds: _Kinds) -> tuple[pd.Categorical, pd.Categorical]:
    """Each goal's progress status and, where it is unknown, why."""
    y0, yt, ratio = g["base_value"], g["latest_value"], growth.ratio
    yearly, yes_no, not_judged, term_total = kinds.yearly, kinds.yes_no, kinds.not_judged, kinds.term_total
    higher_goal = g["comparator"].isin([Comparator.AT_LEAST.value, Comparator.YES.value])
    meets = np.where(higher_goal, yt >= growth.goal_value, yt <= growth.goal_value) & yt.notna()
    # A yearly goal is never achieved for the term before its last year: each year is judged.
    achieved = meets & ~(yearly & (g["latest_year"] < g["goal_year"]).fillna(True).to_numpy(dtype=bool))
    achieved &= ~not_judged
    # Categoricals built from integer choices: a few words over many goals, no string per row.
    pick = {s: STATUSES.index(s.value) for s in ProgressStatus}
    status = np.select(
        [
            not_judged,
            achieved,
            yes_no & yt.notna(),
            yearly & meets,
            yearly & yt.notna(),
            term_total,
            y0.isna(),
            yt.isna(),
            ratio.isna(),
            ratio >= ON_TRACK,
            ratio >= MODERATE,
            ratio >= 0,
        ],
        [
            pick[ProgressStatus.NOT_JUDGED],
            pick[ProgressStatus.ACHIEVED],
            pick[ProgressStatus.NOT_YET],
            pick[ProgressStatus.ON_TRACK],
            pick[ProgressStatus.MISSED_YEAR],
            pick[ProgressStatus.NO_DATA],
            pick[ProgressStatus.NO_DATA],
            pick[ProgressStatus.NO_DATA],
            pick[ProgressStatus.MOVING_AWAY],
            pick[ProgressStatus.ON_TRACK],
            pick[ProgressStatus.MODERATE],
            pick[ProgressStatus.LIMITED],
        ],
        default=pick[ProgressStatus.MOVING_AWAY],
    )
    reasons = ["", "term_total", "no_baseline", "no_later_data"]
    reason = np.select(
        [not_judged, achieved, yes_no | yearly, term_total, y0.isna(), yt.isna()],
        [0, 0, np.where(yt.isna(), 3, 0), 1, 2, 3],
        default=0,
    )
    return pd.Categorical.from_codes(status, STATUSES), pd.Categorical.from_codes(reason, reasons)


KINDS = ["estimate", "official", ""]  # the categories of base_kind, latest_kind and final_kind


@dataclass(frozen=True)
class _Final:
    """Per goal: whether its year's figure is in and judged, the % attained, the figure's kind, the status.

    Kind and status are codes into KINDS and the status categories: a few words over many goals.
    """

    final: np.ndarray
    pct: np.ndarray
    kind: np.ndarray
    status: np.ndarray


def _key_groups(g: pd.DataFrame) -> np.ndarray:
    """One number per distinct (code, area, goal year, target kind) among the goals with levels.

    Code and area are read from the goals' level pairs, so no word is read again. The goals whose
    code or area no observation has share pair −1: they have no latest figure, so none is due,
    and only a due goal's group is ever looked at.
    """
    group = g["pair"].to_numpy(dtype="int64") + 1
    for column in ("goal_year", "target_kind"):
        codes, uniques = pd.factorize(g[column])
        group = group * (len(uniques) + 1) + codes + 1  # + 1: a missing value (−1) is a key of its own
    return group


def _judged(
    data: Dataset, g: pd.DataFrame, group: np.ndarray, due: np.ndarray, area: str | None
) -> tuple[np.ndarray, Verdicts]:
    """Attainment's rows that can decide the due goals, and the goal each judges (−1: none)."""
    target_rows = g["target_row"].to_numpy(dtype="int64")
    kept = attainment.kept_verdicts(data, area)
    if kept is not None:
        # attainment.compute has judged every target of this dataset (or of the area the goals are of):
        # its rows are read, not redone.
        goal_at = np.full(len(data.targets), -1, dtype="int64")
        goal_at[target_rows] = np.arange(len(g))
        return np.where(kept.source >= 0, goal_at[np.maximum(kept.source, 0)], -1), kept
    # Every target row with a due goal's four keys is itself a goal (same year and area, not a
    # plan), so judging those goals' rows judges all that can decide the verdict.
    chosen = np.flatnonzero(pd.Series(group).isin(group[due]).to_numpy())
    targets = data.targets.iloc[target_rows[chosen]]
    # isin against the distinct codes: pandas compares arrow strings against each listed value.
    reported = data.reported[data.reported["code"].isin(g["code"].iloc[chosen].unique())]
    subset = replace(data, targets=targets, reported=reported)
    # The levels are the same observations: shared, not built again.
    object.__setattr__(subset, "_levels", levels_of(data))
    judged, source = attainment.compute_with_sources(subset)
    return np.where(source >= 0, chosen[np.maximum(source, 0)], -1), Verdicts.of(judged, source)


def _final(data: Dataset, g: pd.DataFrame, not_judged: np.ndarray, area: str | None = None) -> _Final:
    """The goals whose latest figure is the goal year's own, judged as the term's result is (terms.result).

    This is the one place that decides "final or in progress": once the goal year's figure is in,
    a pace says nothing more; the goal is vượt, đạt or không đạt by attainment's own rule
    (higher, ceiling, a cut a year), and an estimate stays marked as one.
    """
    n = len(g)
    out = _Final(
        np.zeros(n, bool), np.full(n, np.nan), np.full(n, KINDS.index(""), "int64"), np.zeros(n, "int64")
    )
    due = (g["latest_year"] >= g["goal_year"]).to_numpy(dtype=bool, na_value=False) & ~not_judged
    if not due.any():
        return out
    group = _key_groups(g)
    goal_of, judged = _judged(data, g, group, due, area)
    status = _codes_of(judged.status, STATUSES)
    # A verdict is a row judging a goal's own target in the goal year (not a "Hàng năm" target's
    # earlier year, not a % the report prints alone) with a final status; the first such row of a
    # goal's four keys wins, as where one key has several target rows.
    goal_year = g["goal_year"].to_numpy(dtype="int64")
    own = (goal_of >= 0) & (judged.year == goal_year[np.maximum(goal_of, 0)])
    verdicts = np.flatnonzero(own & np.isin(status, [STATUSES.index(s) for s in FINAL]))
    verdicts = verdicts[~pd.Series(group[goal_of[verdicts]]).duplicated().to_numpy()]
    at = pd.Index(group[goal_of[verdicts]]).get_indexer(group)
    hit = due & (at >= 0)
    rows = verdicts[at[hit]]
    out.final[hit] = True
    out.pct[hit] = judged.pct[rows]
    out.kind[hit] = _codes_of(judged.kind, KINDS)[rows]
    out.status[hit] = status[rows]
    return out


def _codes_of(column: pd.Series | pd.Categorical, categories: list[str]) -> np.ndarray:
    """A categorical column's words as codes into `categories`, translated once per distinct word."""
    values = pd.Categorical(column)
    mapped = pd.Index(categories).get_indexer(values.categories.astype(str))
    return np.where(values.codes >= 0, mapped[np.maximum(values.codes, 0)] if len(mapped) else -1, -1)


def compute(
    data: Dataset, goal_year: int | None = None, area: str | None = None, as_of: int | None = None
) -> pd.DataFrame:
    """One row per goal: baseline, latest figure, required and observed growth, ratio, status.

    `as_of` judges the goals as they stood in that year, from the figures up to it.
    """
    g = _goal_rows(data, goal_year, area, as_of)
    info = data.indicators.set_index("code")
    where = positions(g["code"], info.index)
    flags = _catalogue_flags(info, where)

    kinds = _kinds(g, flags)
    growth = _growth(g, flags("direction", Direction.LOWER.value))
    status, reason = _status(g, growth, kinds)
    final = _final(data, g, kinds.not_judged, area)
    if final.final.any():
        # The verdict replaces the pace, code for code (no word per goal).
        status = pd.Categorical.from_codes(
            np.where(final.final, final.status, status.codes), status.categories
        )
        reason = pd.Categorical.from_codes(np.where(final.final, 0, reason.codes), reason.categories)

    # One row per goal, in the catalogue's order.
    return _frame(g, info, where, growth, kinds, status, reason, final)


def _frame(
    g: pd.DataFrame,
    info: pd.DataFrame,
    where: np.ndarray,
    growth: _Growth,
    kinds: _Kinds,
    status: pd.Categorical,
    reason: pd.Categorical,
    final: _Final,
) -> pd.DataFrame:
    """The goals' rows as compute returns them, in COLUMNS."""
    y0, linear, term_total = g["base_value"], growth.linear, kinds.term_total
    reduce = g["comparator"] == Comparator.REDUCE_BY.value
    method_code = np.where(kinds.yes_no, 2, np.where(kinds.yearly, 3, np.where(linear, 1, 0)))
    units = take_labels(info["unit"], where)
    out = pd.DataFrame(
        {
            "code": g["code"],
            "unit": units,
            "area": g["area"],
            "comparator": g["comparator"],
            "method": pd.Categorical.from_codes(method_code, ["cagr", "linear", "yes_no", "yearly"]),
            "base_year": g["base_year"],
            # A term total's previous-term figure is no baseline for the next term.
            "base_value": y0.mask(term_total),
            "goal_year": g["goal_year"],
            "goal_value": growth.goal_value.where(~(reduce & y0.isna())),
            "stated_value": g["target_value"],
            "target_qualifier": g["target_qualifier"],
            "goal_derived": reduce,
            # The goal as the source sets it (every year or not); `method` says how it is judged.
            "yearly": g["yearly"].to_numpy(dtype=bool),
            "goal_unit": units,
            "change_unit": _per_year(units),
            "base_kind": pd.Categorical(g["base_kind"], ["estimate", "official", ""]),
            "latest_year": g["latest_year"],
            "latest_value": g["latest_value"],
            "latest_kind": pd.Categorical(g["latest_kind"], ["estimate", "official", ""]),
            "required_growth_pct": np.where(linear, np.nan, growth.cagr_r * 100.0),
            "observed_growth_pct": np.where(linear, np.nan, growth.cagr_o * 100.0),
            "required_change_per_year": growth.change_r,
            "observed_change_per_year": growth.change_o,
            "ratio": growth.ratio,
            "status": status,
            "reason": reason,
            "final": final.final,
            "final_pct": final.pct,
            "final_kind": pd.Categorical.from_codes(final.kind, KINDS),
            "target_quote": g["target_quote"],
        }
    )
    # Without a baseline nothing can be required or observed: leave those cells empty; a yes/no,
    # yearly or unjudged goal has no growth to require.
    no_base = y0.isna() | term_total | kinds.yes_no | kinds.yearly | kinds.not_judged
    for column in _PACE_COLUMNS:
        out[column] = out[column].astype("float64").mask(no_base)
    return out[COLUMNS]


def _per_year(units: pd.Categorical) -> pd.Categorical:
    """The code of a change a year for each goal (pp_per_year …): once per distinct unit, not per goal."""
    names = [change_code(str(u)) for u in units.categories]
    codes, uniques = pd.factorize(pd.Series(names, dtype=object))
    return pd.Categorical.from_codes(codes[units.codes], pd.Index(uniques))


def required_path(progress: pd.DataFrame) -> pd.DataFrame:
    """Year by year, what each goal with a baseline requires: "should be X by year t"."""
    # A yes/no goal has no path; an every-year goal's path is flat: the goal, every year.
    flat = progress["method"] == "yearly"
    usable = (progress["base_value"].notna() | flat) & progress["goal_value"].notna()
    rows = progress[usable & (progress["method"] != "yes_no")]
    if rows.empty:
        return pd.DataFrame(columns=["code", "area", "year", "required"])
    span = (rows["goal_year"] - rows["base_year"]).to_numpy()
    repeat = np.repeat(rows.index.to_numpy(), span + 1)
    expanded = rows.loc[
        repeat, ["code", "area", "base_year", "base_value", "goal_value", "goal_year", "method"]
    ]
    step = expanded.groupby(level=0).cumcount().to_numpy()
    expanded = expanded.reset_index(drop=True)
    n = (expanded["goal_year"] - expanded["base_year"]).astype("float64")
    y0, y_goal = expanded["base_value"], expanded["goal_value"]
    with np.errstate(divide="ignore", invalid="ignore"):
        geometric = y0 * np.power(y_goal / y0, step / n)
    straight = y0 + (y_goal - y0) * step / n
    required = np.where(expanded["method"] == "linear", straight, geometric)
    required = np.where(expanded["method"] == "yearly", y_goal, required)
    return pd.DataFrame(
        {
            "code": expanded["code"],
            "area": expanded["area"],
            "year": expanded["base_year"] + step,
            "required": required,
        }
    )
