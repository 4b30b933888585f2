"""Progress toward term goals: required and observed growth, the required path, a status."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.attainment import levels
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
    "goal_derived",
    "latest_year",
    "latest_value",
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
    start = chosen["term"].astype(str).str.extract(r"^\s*(\d{4})\s*[-–]")[0]
    base = pd.to_numeric(start, errors="coerce").fillna(year - 1).astype("int64")
    return chosen.assign(base_year=base)


def compute(data: Dataset, goal_year: int | None = None, area: str | None = None) -> pd.DataFrame:
    """One row per goal: baseline, latest figure, required and observed growth, ratio, status."""
    g = goals(data, goal_year)
    if area is not None:
        g = g[g["area"] == area]
    g = g.rename(columns={"year": "goal_year", "value": "target_value", "quote": "target_quote"})
    lv = levels(data.observations)[["code", "area", "year", "actual"]]

    # Baseline: the level in the term's first year.
    base = lv.rename(columns={"year": "base_year", "actual": "base_value"})
    g = g.merge(base, on=["code", "area", "base_year"], how="left")

    # Latest: the last level after the baseline, up to the goal year.
    later = lv.merge(g[["code", "area", "base_year", "goal_year"]].drop_duplicates(), on=["code", "area"])
    later = later[(later["year"] > later["base_year"]) & (later["year"] <= later["goal_year"])]
    later = later.sort_values("year").drop_duplicates(["code", "area", "goal_year"], keep="last")
    later = later.rename(columns={"year": "latest_year", "actual": "latest_value"})
    g = g.merge(
        later[["code", "area", "goal_year", "latest_year", "latest_value"]],
        on=["code", "area", "goal_year"],
        how="left",
    )

    info = data.indicators.set_index("code")
    direction = g["code"].map(info["direction"])
    d = np.where(direction == Direction.LOWER.value, -1.0, 1.0)
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

    higher_goal = comparator == Comparator.AT_LEAST.value
    achieved = np.where(higher_goal, yt >= goal_value, yt <= goal_value) & yt.notna()
    term_total = g["code"].map(info["value_kind"]) == ValueKind.TERM_TOTAL.value
    status = np.select(
        [
            achieved,
            term_total,
            y0.isna(),
            yt.isna(),
            ratio.isna(),
            ratio >= ON_TRACK,
            ratio >= MODERATE,
            ratio >= 0,
        ],
        [
            ProgressStatus.ACHIEVED.value,
            ProgressStatus.NO_DATA.value,
            ProgressStatus.NO_DATA.value,
            ProgressStatus.NO_DATA.value,
            ProgressStatus.MOVING_AWAY.value,
            ProgressStatus.ON_TRACK.value,
            ProgressStatus.MODERATE.value,
            ProgressStatus.LIMITED.value,
        ],
        default=ProgressStatus.MOVING_AWAY.value,
    )
    reason = np.select(
        [achieved, term_total, y0.isna(), yt.isna()],
        ["", "term_total", "no_baseline", "no_later_data"],
        default="",
    )
    out = pd.DataFrame(
        {
            "code": g["code"],
            "name": g["code"].map(info["name_vi"]).fillna(""),
            "unit": g["code"].map(info["unit"]).fillna(""),
            "area": g["area"],
            "comparator": comparator,
            "method": np.where(linear, "linear", "cagr"),
            "base_year": g["base_year"],
            # A term total's previous-term figure is no baseline for the next term.
            "base_value": y0.mask(term_total),
            "goal_year": g["goal_year"],
            "goal_value": goal_value.where(~(reduce & y0.isna())),
            "goal_derived": reduce,
            "latest_year": g["latest_year"].astype("Int64"),
            "latest_value": yt,
            "required_growth_pct": np.where(linear, np.nan, cagr_r * 100.0),
            "observed_growth_pct": np.where(linear, np.nan, cagr_o * 100.0),
            "required_change_per_year": change_r,
            "observed_change_per_year": change_o,
            "ratio": ratio,
            "status": status,
            "reason": reason,
            "target_quote": g["target_quote"],
        }
    )
    # Without a baseline nothing can be required or observed: leave those cells empty.
    no_base = y0.isna() | term_total
    for column in (
        "required_growth_pct",
        "observed_growth_pct",
        "required_change_per_year",
        "observed_change_per_year",
        "ratio",
    ):
        out[column] = out[column].astype("float64").mask(no_base)
    out = out.sort_values(["code", "area"], kind="stable").reset_index(drop=True)
    return out[COLUMNS]


def required_path(progress: pd.DataFrame) -> pd.DataFrame:
    """Year by year, what each goal with a baseline requires: "should be X by year t"."""
    rows = progress[progress["base_value"].notna() & progress["goal_value"].notna()]
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
    return pd.DataFrame(
        {
            "code": expanded["code"],
            "area": expanded["area"],
            "year": expanded["base_year"] + step,
            "required": required,
        }
    )
