"""Progress toward term goals: required and observed growth, the required path, a status."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.attainment import actual_kind, change_unit
from indicators.lookup import levels_of, positions, take_labels, term_start
from indicators.model import Comparator, Dataset, Direction, ProgressStatus, ValueKind

# Statistics Canada / Open SDG thresholds on R = observed ÷ required growth.
ON_TRACK, MODERATE = 0.95, 0.60

COLUMNS = [
    "code",
    "name",
    "unit",
    "area",
    "comparator",
    "method",
    "base_year",
    "base_value",
    "goal_year",
    "goal_value",
    "stated_value",
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
    "target_quote",
]


def goals(data: Dataset, goal_year: int | None = None) -> pd.DataFrame:
    """The stated targets of one goal year (by default the latest), with their baseline year."""
    targets = data.targets
    if targets.empty:
        return targets.assign(base_year=pd.Series(dtype="int64"))
    year = int(targets["year"].max()) if goal_year is None else goal_year
    chosen = targets[targets["year"] == year]
    return chosen.assign(base_year=term_start(chosen["term"], chosen["year"]))


def compute(data: Dataset, goal_year: int | None = None, area: str | None = None) -> pd.DataFrame:
    """One row per goal: baseline, latest figure, required and observed growth, ratio, status."""
    lv = levels_of(data)
    g = goals(data, goal_year)
    if area is not None:
        g = g[g["area"] == area]
    g = g.rename(columns={"year": "goal_year", "value": "target_value", "quote": "target_quote"})
    g = g.reset_index(drop=True)
    base_year = g["base_year"].to_numpy(dtype="int64")
    goal_years = g["goal_year"].to_numpy(dtype="int64")
    g["base_value"] = lv.value_at(lv.locate(g["code"], g["area"], base_year))

    # Latest: the last level after the baseline, up to the goal year; looked up year by
    # year backwards from the goal, as terms span a handful of years.
    latest_year = np.full(len(g), -1, dtype="int64")
    latest_value = np.full(len(g), np.nan)
    for back in range(int((goal_years - base_year).max()) if len(g) else 0):
        year = goal_years - back
        open_rows = (latest_year < 0) & (year > base_year)
        if not open_rows.any():
            break
        found = lv.value_at(lv.locate(g["code"], g["area"], year))
        hit = open_rows & ~np.isnan(found)
        latest_year[hit] = year[hit]
        latest_value[hit] = found[hit]
    g["latest_year"] = pd.arrays.IntegerArray(latest_year, latest_year < 0)
    g["latest_value"] = latest_value
    # Estimate or official: the official figure supersedes the estimate wherever both exist.
    base_kind = actual_kind(lv.column_at(lv.locate(g["code"], g["area"], base_year), "kind"))
    latest_kind = actual_kind(
        lv.column_at(lv.locate(g["code"], g["area"], np.maximum(latest_year, 0)), "kind")
    )
    latest_kind = np.where(latest_year < 0, "", latest_kind)

    info = data.indicators.set_index("code")
    where = positions(g["code"], info.index)

    def catalogue_is(column: str, value: str) -> np.ndarray:
        # Compared on the small catalogue, then spread to the goals by position.
        flags = info[column].eq(value).to_numpy(dtype=bool, na_value=False)
        return np.where(where >= 0, flags[np.maximum(where, 0)] if len(flags) else False, False)

    d = np.where(catalogue_is("direction", Direction.LOWER.value), -1.0, 1.0)
    comparator = g["comparator"]
    reduce = comparator == Comparator.REDUCE_BY.value
    span = (g["goal_year"] - g["base_year"]).astype("float64")
    y0, yt = g["base_value"], g["latest_value"]
    elapsed = (g["latest_year"] - g["base_year"]).astype("float64")

    # "Reduce by N a year" goals end at baseline − N·years, reached on a straight line.
    goal_value = np.where(reduce, y0 - g["target_value"] * span, g["target_value"])
    goal_value = pd.Series(goal_value, index=g.index)
    linear = reduce | (y0 <= 0) | (goal_value <= 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        cagr_r = np.power(goal_value / y0, 1.0 / span) - 1.0
        cagr_o = np.power(yt / y0, 1.0 / elapsed) - 1.0
        change_r = (goal_value - y0) / span
        change_o = (yt - y0) / elapsed
        ratio = np.where(linear, change_o / change_r, d * cagr_o / np.abs(cagr_r))
    ratio = pd.Series(ratio, index=g.index).replace([np.inf, -np.inf], np.nan)

    higher_goal = comparator.isin([Comparator.AT_LEAST.value, Comparator.YES.value])
    yearly = g["yearly"].to_numpy(dtype=bool)
    yes_no = (comparator == Comparator.YES.value).to_numpy()
    not_judged = catalogue_is("direction", Direction.NEUTRAL.value) | (
        comparator == Comparator.REMAINDER.value
    ).to_numpy()
    meets = np.where(higher_goal, yt >= goal_value, yt <= goal_value) & yt.notna()
    # A yearly goal is never achieved for the term before its last year: each year is judged.
    achieved = meets & ~(yearly & (g["latest_year"] < g["goal_year"]).fillna(True).to_numpy(dtype=bool))
    achieved &= ~not_judged
    term_total = pd.Series(catalogue_is("value_kind", ValueKind.TERM_TOTAL.value), index=g.index)
    # Categoricals built from integer choices: a few words over many goals, no string per row.
    statuses = [s.value for s in ProgressStatus]
    pick = {s: statuses.index(s.value) for s in ProgressStatus}
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
    method_code = np.where(yes_no, 2, np.where(yearly, 3, np.where(linear, 1, 0)))
    units = np.asarray(take_labels(info["unit"], where), dtype=object)
    per_year_unit = [change_unit(str(u), per_year=True) for u in units]
    out = pd.DataFrame(
        {
            "code": g["code"],
            "name": take_labels(info["name_vi"], where),
            "unit": take_labels(info["unit"], where),
            "area": g["area"],
            "comparator": comparator,
            "method": pd.Categorical.from_codes(method_code, ["cagr", "linear", "yes_no", "yearly"]),
            "base_year": g["base_year"],
            # A term total's previous-term figure is no baseline for the next term.
            "base_value": y0.mask(term_total),
            "goal_year": g["goal_year"],
            "goal_value": goal_value.where(~(reduce & y0.isna())),
            "stated_value": g["target_value"],
            "goal_derived": reduce,
            "yearly": yearly,
            "goal_unit": units,
            "change_unit": per_year_unit,
            "base_kind": pd.Categorical(base_kind, ["estimate", "official", ""]),
            "latest_year": g["latest_year"],
            "latest_value": yt,
            "latest_kind": pd.Categorical(latest_kind, ["estimate", "official", ""]),
            "required_growth_pct": np.where(linear, np.nan, cagr_r * 100.0),
            "observed_growth_pct": np.where(linear, np.nan, cagr_o * 100.0),
            "required_change_per_year": change_r,
            "observed_change_per_year": change_o,
            "ratio": ratio,
            "status": pd.Categorical.from_codes(status, statuses),
            "reason": pd.Categorical.from_codes(reason, reasons),
            "target_quote": g["target_quote"],
        }
    )
    # Without a baseline nothing can be required or observed: leave those cells empty; a yes/no,
    # yearly or unjudged goal has no growth to require.
    no_base = y0.isna() | term_total | yes_no | yearly | not_judged
    for column in (
        "required_growth_pct",
        "observed_growth_pct",
        "required_change_per_year",
        "observed_change_per_year",
        "ratio",
    ):
        out[column] = out[column].astype("float64").mask(no_base)
    return out[COLUMNS]


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
