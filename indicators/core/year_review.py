"""The year-end review of one area and year: figure, plan, change and place on the path to the term goal."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.core import attainment, progress, selection, terms
from indicators.core.attainment import actual_kind
from indicators.core.lookup import Levels, levels_of
from indicators.core.model import Dataset, ObsKind, ProgressStatus, TargetKind, ValueKind

COLUMNS = [
    "code",
    "year",
    "value",
    "value_kind",
    "qualifier",
    "estimate",
    "plan",
    "plan_comparator",
    "plan_qualifier",
    "plan_derived",
    "plan_pct",
    "plan_status",
    "previous_year",
    "previous",
    "previous_kind",
    "change",
    "same_period_pct",
    "term",
    "goal_year",
    "goal_value",
    "goal_comparator",
    "goal_method",
    "required",
    "gap",
    "path_status",
    "goal_pct",
    "goal_status",
]
# Kinds of figure whose change from last year means something: a level, a count, a rate. A term total
# grows by construction, a yes/no has no size, a stated change a year is already a change.
_CHANGING = {ValueKind.LEVEL.value, ValueKind.COUNT.value, ValueKind.SHARE.value}
_LEVEL_KINDS = [ObsKind.ACTUAL.value, ObsKind.ESTIMATE.value]


def measured(data: Dataset) -> set[str]:
    """Areas with a figure of a year (a plan alone is no figure): where a review opens by default."""
    obs = data.observations
    return set(obs.loc[obs["kind"].isin(_LEVEL_KINDS), "area"].unique())


def areas(data: Dataset) -> list[str]:
    """Areas with a figure or a year's plan, in the areas table's order."""
    used = measured(data)
    used |= set(data.targets.loc[data.targets["target_kind"] == TargetKind.PLAN.value, "area"].unique())
    ordered = [a for a in dict.fromkeys(data.areas["code"]) if a in used]
    return ordered + sorted(used - set(ordered))


def years(data: Dataset, area: str) -> list[int]:
    """The years the area has a figure or a year's plan for, oldest first."""
    obs = data.observations
    found = set(obs.loc[(obs["area"] == area) & obs["kind"].isin(_LEVEL_KINDS), "year"].unique().tolist())
    targets = data.targets
    plans = (targets["area"] == area) & (targets["target_kind"] == TargetKind.PLAN.value)
    found |= set(targets.loc[plans, "year"].unique().tolist())
    return sorted(int(y) for y in found)


def default_year(data: Dataset, area: str) -> int | None:
    """The latest year with a figure (next year's plan is no year to review yet); else the latest plan's."""
    obs = data.observations
    figures = obs.loc[(obs["area"] == area) & obs["kind"].isin(_LEVEL_KINDS), "year"]
    if not figures.empty:
        return int(figures.max())
    found = years(data, area)
    return found[-1] if found else None


def _plans(data: Dataset, area: str, year: int) -> pd.DataFrame:
    """The year's plan rows of attainment, by code: target, % attained and status."""
    rows = attainment.compute(data, area)
    rows = rows[(rows["target_kind"] == TargetKind.PLAN.value) & (rows["year"] == year)]
    return rows.drop_duplicates("code").set_index("code")


def _paths(data: Dataset, area: str, year: int) -> tuple[terms.Term | None, pd.DataFrame]:
    """The term the year belongs to and, per code, its goal as it stood that year and the required path."""
    term = terms.term_of(terms.catalogue(data), year)
    if term is None:
        return None, pd.DataFrame()
    goals = progress.compute(data, goal_year=term.end, area=area, as_of=year)
    # Only this term's goals: a programme's target ending the same year has its own baseline.
    goals = goals[goals["base_year"] == term.start].drop_duplicates("code").set_index("code")
    path = progress.required_path(goals.reset_index())
    required = path[path["year"] == year].drop_duplicates("code").set_index("code")["required"]
    # A goal with no better direction, or the rest of a whole ("30% khá"), has no level to reach.
    judged = goals["status"].astype(object) != ProgressStatus.NOT_JUDGED.value
    return term, goals.assign(required=required.reindex(goals.index).where(judged))


def _term_result(data: Dataset, term: terms.Term | None, area: str, year: int) -> pd.DataFrame:
    """In a term's last year, its result by code (% of the goal and status); empty in other years."""
    if term is None or year != term.end:
        return pd.DataFrame({"attainment_pct": pd.Series(dtype="float64"), "status": pd.Series(dtype=object)})
    return terms.result(data, term, area).drop_duplicates("code").set_index("code")


def review(data: Dataset, area: str, year: int) -> pd.DataFrame:
    """One row per indicator with anything to say about the area in that year (see COLUMNS).

    The figure is the official one where there is one, else the estimate (`value_kind` says which;
    `estimate` keeps the estimate an official figure replaced). The plan is the year's kế hoạch;
    the path is the required path from the term's baseline to its goal, and `path_status` is the
    goal's progress as it stood with the figures up to that year. In a term's last year `goal_pct`
    and `goal_status` give the term's result: that year's figure against the goal.
    """
    lv = levels_of(data)
    codes = pd.Series(selection.all_codes(data), dtype=object)
    n = len(codes)
    where = pd.Series([area] * n, dtype=object)
    info = data.indicators.drop_duplicates("code").set_index("code").reindex(codes)
    plans = _plans(data, area, year).reindex(codes)
    term, goals = _paths(data, area, year)
    goals = goals.reindex(codes) if not goals.empty else pd.DataFrame(index=codes)
    result = _term_result(data, term, area, year).reindex(codes)

    here = lv.locate(codes, where, np.full(n, year))
    value = lv.value_at(here)
    before, previous = _previous(lv, codes, where, info, term, year)
    change, same_period = _changes(info, value, previous)

    # One row per indicator (COLUMNS).
    out = pd.DataFrame(
        {
            "code": codes.to_numpy(),
            "year": year,
            "value": value,
            "value_kind": actual_kind(lv.column_at(here, "kind")),
            "qualifier": lv.column_at(here, "qualifier").to_numpy(dtype=object),
            "estimate": codes.map(terms.superseded(data, area, year)).to_numpy(dtype="float64"),
            **_plan_columns(plans),
            "previous_year": year - 1,
            "previous": previous,
            "previous_kind": actual_kind(lv.column_at(before, "kind")),
            "change": change,
            "same_period_pct": same_period,
            "term": term.key if term is not None else "",
            **_goal_columns(goals, result, value, year),
        }
    )
    has_plan = out["plan_status"] != ""
    keep = ~np.isnan(value) | has_plan.to_numpy() | out["goal_year"].notna().to_numpy()
    return out[keep].reset_index(drop=True)[COLUMNS]


def _previous(
    lv: Levels, codes: pd.Series, where: pd.Series, info: pd.DataFrame, term: terms.Term | None, year: int
) -> tuple[np.ndarray, np.ndarray]:
    """Where the year before's figure is (-1 for none) and its value, per code."""
    before = lv.locate(codes, where, np.full(len(codes), year - 1))
    previous = lv.value_at(before)
    # A term total of the year before is the previous term's sum when that year closed a term
    # (4.050 trained over 2015–2020): no figure of the year before to read beside this one.
    if term is None or not term.covers(year - 1):
        total = info["value_kind"].eq(ValueKind.TERM_TOTAL.value).to_numpy()
        previous = np.where(total, np.nan, previous)
        before = np.where(total, -1, before)
    return before, previous


def _changes(info: pd.DataFrame, value: np.ndarray, previous: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The change from the year before and the figure as a % of it ("bằng 104% so với cùng kỳ")."""
    changing = info["value_kind"].isin(_CHANGING).to_numpy()
    share = info["unit"].isin(["%", "‰"]).to_numpy()
    change = np.where(changing, value - previous, np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        # A % of last year for sizes only: a rate's change is in points, never a %.
        same_period = np.where(changing & ~share & (previous > 0), value / previous * 100.0, np.nan)
    return change, same_period


def _plan_columns(plans: pd.DataFrame) -> dict[str, np.ndarray]:
    """The year's plan per code: target, how it compares, whether implied, % attained and status."""
    return {
        "plan": plans["target"].to_numpy(dtype="float64"),
        "plan_comparator": plans["comparator"].fillna("").to_numpy(dtype=object),
        "plan_qualifier": plans["target_qualifier"].fillna("").to_numpy(dtype=object),
        "plan_derived": plans["target_derived"].fillna(False).to_numpy(dtype=bool),
        "plan_pct": plans["attainment_pct"].to_numpy(dtype="float64"),
        "plan_status": plans["status"].astype(object).fillna("").to_numpy(dtype=object),
    }


def _path_status(goals: pd.DataFrame, year: int) -> np.ndarray:
    """The goal's progress as it stood that year; "no data" without that year's figure, "" without a goal."""
    n = len(goals)
    latest_year = goals.get("latest_year")
    seen_this_year = np.zeros(n, dtype=bool)
    if latest_year is not None:
        seen_this_year = latest_year.eq(year).to_numpy(dtype=bool, na_value=False)
    status = goals.get("status")
    has_goal = goals.get("goal_year")
    has_goal = has_goal.notna().to_numpy() if has_goal is not None else np.zeros(n, dtype=bool)
    # A status needs that year's figure; a goal never judged says so whatever the figures.
    never = status.eq(ProgressStatus.NOT_JUDGED.value).to_numpy() if status is not None else np.zeros(n, bool)
    return np.where(
        seen_this_year | never,
        status.astype(object).to_numpy() if status is not None else "",
        np.where(has_goal, ProgressStatus.NO_DATA.value, ""),
    )


def _goal_columns(
    goals: pd.DataFrame, result: pd.DataFrame, value: np.ndarray, year: int
) -> dict[str, object]:
    """The term goal per code, the required path's level that year and the gap to it, the term's result."""
    n = len(goals)
    required = _floats(goals.get("required"), n)
    return {
        "goal_year": _floats(goals.get("goal_year"), n),
        "goal_value": _floats(goals.get("goal_value"), n),
        "goal_comparator": _texts(goals.get("comparator"), n),
        "goal_method": _texts(goals.get("method"), n),
        "required": required,
        "gap": value - required,
        "path_status": _path_status(goals, year),
        "goal_pct": result["attainment_pct"].to_numpy(dtype="float64"),
        "goal_status": result["status"].astype(object).fillna("").to_numpy(dtype=object),
    }


def _floats(column: pd.Series | None, n: int) -> np.ndarray:
    """A goal column as floats, NaN where the indicator has no goal (or the year no term)."""
    if column is None:
        return np.full(n, np.nan)
    return pd.to_numeric(column, errors="coerce").to_numpy(dtype="float64")


def _texts(column: pd.Series | None, n: int) -> np.ndarray:
    """A goal column as text, "" where the indicator has no goal."""
    if column is None:
        return np.full(n, "", dtype=object)
    return column.astype(object).fillna("").to_numpy(dtype=object)
