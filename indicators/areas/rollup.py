"""A parent area's figures as its units' totals by aggregate.py's rules; a partial total is never judged."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.areas import aggregate
from indicators.areas import hierarchy as area_tree
from indicators.areas.aggregate import Mark
from indicators.core import attainment
from indicators.core.lookup import Levels
from indicators.core.model import AggregationRule, Dataset, ObsKind, Status

MARK_COLUMNS = ["code", "year", "value", "qualifier", "actual_kind", "reported", "expected", "mark", "units"]
PARTIAL = "partial_total"  # a results row left unjudged because its total is partial
_LEVEL_KINDS = (ObsKind.ACTUAL.value, ObsKind.ESTIMATE.value)


@dataclass(frozen=True)
class Rollup:
    """One parent: its own rows with its units' totals added, its results, and each total's mark.

    `data` holds the parent's rows only (targets, reported %, its own figures, then the totals), so
    a page that draws one area draws it unchanged. `marks` has one row per added total: how many
    units reported out of how many, and whether that is all of them.
    """

    parent: str
    data: Dataset
    rows: pd.DataFrame
    marks: pd.DataFrame

    def mark_of(self, code: str, year: int) -> pd.Series | None:
        """The mark of the total of `code` in `year`, None where the figure is the parent's own."""
        found = self.marks[(self.marks["code"] == code) & (self.marks["year"] == year)]
        return None if found.empty else found.iloc[0]


def _memberships(areas: pd.DataFrame, parent: str, years: list[int]) -> pd.DataFrame:
    """Which units were under the parent at the end of each year: columns year, area, units (their level)."""
    frames = []
    for year in years:
        kids = area_tree.children(areas, parent, year)
        frames.append(pd.DataFrame({"year": year, "area": kids["code"].to_numpy(), "units": kids["level"]}))
    if not frames:
        return pd.DataFrame({"year": [], "area": [], "units": []})
    return pd.concat(frames, ignore_index=True).drop_duplicates(["year", "area"])


def _unit_levels(data: Dataset, parent: str) -> pd.DataFrame:
    """Every level (final figure, else estimate) of the units under the parent, in the years they were."""
    ever = set(data.areas.loc[data.areas["parent"] == parent, "code"])
    obs = data.observations
    obs = obs[obs["area"].isin(ever) & obs["kind"].isin(_LEVEL_KINDS)]
    if obs.empty:
        return pd.DataFrame(columns=["code", "area", "year", "actual", "actual_kind", "qualifier", "units"])
    found = Levels(obs).frame()[["code", "area", "year", "actual", "actual_kind", "qualifier"]]
    found = found.dropna(subset=["actual"])
    members = _memberships(data.areas, parent, sorted(int(y) for y in found["year"].unique()))
    return found.merge(members, on=["area", "year"], how="inner")


def _expected(data: Dataset, parent: str, years: pd.Series) -> pd.DataFrame:
    """How many units were under the parent at the end of each year, and what they are (communes...)."""
    members = _memberships(data.areas, parent, sorted(int(y) for y in years.unique()))
    counted = members.groupby("year").agg(expected=("area", "nunique"), units=("units", "first"))
    return counted.reset_index()


def _qualifier(words: pd.Series) -> str:
    """A sum's qualifier from its parts': "trên" (or exact) stays "trên", one shared stays, else "khoảng"."""
    used = set(words.fillna("").astype(str))
    if used <= {""}:
        return ""
    if used <= {"", "tren"}:
        return "tren"
    return used.pop() if len(used) == 1 else "khoang"


def _sums(levels: pd.DataFrame) -> pd.DataFrame:
    """Per code and year: the units' figures summed, how many reported, any estimate, the sum's qualifier."""
    estimate = levels["actual_kind"] == ObsKind.ESTIMATE.value
    grouped = levels.assign(_estimate=estimate).groupby(["code", "year"], as_index=False)
    return grouped.agg(
        value=("actual", "sum"),
        reported=("area", "nunique"),
        _estimate=("_estimate", "any"),
        qualifier=("qualifier", _qualifier),
    )


def _paired(levels: pd.DataFrame, rule: aggregate.Rule, code: str) -> pd.DataFrame:
    """A ratio's or a weighted mean's total per year, from the units holding both of its figures."""
    first = rule.numerator if rule.rule is AggregationRule.RATIO else code
    a = levels[levels["code"] == first][["area", "year", "actual", "actual_kind"]]
    b = levels[levels["code"] == rule.denominator][["area", "year", "actual", "actual_kind"]]
    both = a.merge(b, on=["area", "year"], suffixes=("_a", "_b"))
    if both.empty:
        return pd.DataFrame(columns=["code", "year", "value", "reported", "_estimate", "qualifier"])
    top = both["actual_a"] * (both["actual_b"] if rule.rule is AggregationRule.WEIGHTED else 1.0)
    estimate = ObsKind.ESTIMATE.value
    est = (both["actual_kind_a"] == estimate) | (both["actual_kind_b"] == estimate)
    grouped = both.assign(_top=top, _estimate=est).groupby("year", as_index=False)
    out = grouped.agg(_top=("_top", "sum"), _bottom=("actual_b", "sum"), reported=("area", "nunique"))
    out["_estimate"] = grouped["_estimate"].any()["_estimate"].to_numpy()
    scale = rule.scale if rule.rule is AggregationRule.RATIO else 1.0
    out["value"] = out["_top"] / out["_bottom"].where(out["_bottom"] != 0) * scale
    out["code"] = code
    out["qualifier"] = ""  # a ratio of sums is computed, not quoted: no part's qualifier carries over
    return out[["code", "year", "value", "reported", "_estimate", "qualifier"]].dropna(subset=["value"])


def totals(data: Dataset, parent: str) -> pd.DataFrame:
    """The parent's totals of each indicator its units reported, by year, where it has no figure of its own.

    Each indicator adds up by its rule (aggregate.rule_for): summed, a ratio of sums, a weighted mean;
    one that does not add up (a rate without its parts) gets no total, never an average of rates.
    """
    levels = _unit_levels(data, parent)
    if levels.empty:
        return pd.DataFrame(columns=MARK_COLUMNS)
    parts = []
    rules = {code: aggregate.rule_for(data, code) for code in levels["code"].unique()}
    summed = [c for c, r in rules.items() if r.rule is AggregationRule.SUM]
    parts.append(_sums(levels[levels["code"].isin(summed)]))
    for code, rule in rules.items():
        if rule.rule in (AggregationRule.RATIO, AggregationRule.WEIGHTED):
            parts.append(_paired(levels, rule, code))
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame(columns=MARK_COLUMNS)
    found = pd.concat(parts, ignore_index=True)
    found = _without_own(data, parent, found)
    found = found.merge(_expected(data, parent, found["year"]), on="year", how="left")
    estimated = found["_estimate"].astype(bool)
    found["actual_kind"] = np.where(estimated, ObsKind.ESTIMATE.value, ObsKind.ACTUAL.value)
    found["mark"] = np.where(found["reported"] < found["expected"], Mark.PARTIAL.value, Mark.COMPLETE.value)
    found["year"] = found["year"].astype("int64")
    return found[MARK_COLUMNS].sort_values(["code", "year"], kind="stable").reset_index(drop=True)


def _without_own(data: Dataset, parent: str, found: pd.DataFrame) -> pd.DataFrame:
    """The totals of the years the parent has no figure of its own for: its own figure is the figure."""
    obs = data.observations
    own = obs[(obs["area"] == parent) & obs["kind"].isin(_LEVEL_KINDS)][["code", "year"]].drop_duplicates()
    if own.empty or found.empty:
        return found
    merged = found.merge(own.assign(_own=True), on=["code", "year"], how="left")
    return merged[merged["_own"].isna()].drop(columns="_own")


def _as_observations(data: Dataset, parent: str, found: pd.DataFrame) -> pd.DataFrame:
    """The totals as rows of the observations table, under the parent's code."""
    rows = pd.DataFrame(
        {
            "code": found["code"].astype(str),
            "area": parent,
            "year": found["year"].astype("int64"),
            "kind": found["actual_kind"],
            "value": found["value"].astype("float64"),
            "qualifier": found["qualifier"].astype(str),
        }
    )
    template = data.observations.iloc[:0]
    # A total has no quote, section or note of its own: blank, as an entered figure without one is.
    for column in template.columns:
        if column not in rows and pd.api.types.is_string_dtype(template[column]):
            rows[column] = ""
    return pd.concat([template, rows], ignore_index=True)[list(template.columns)]


def _own_rows(data: Dataset, parent: str) -> Dataset:
    """The parent's own rows of every table that has an area (its figures, targets, reported %)."""
    cut = {
        name: frame[frame["area"] == parent]
        for name in ("observations", "targets", "reported")
        if "area" in (frame := getattr(data, name))
    }
    return dataclasses.replace(data, **cut)


def of(data: Dataset, parent: str) -> Rollup:
    """The parent with its units' totals: a complete total is judged against the parent's target;
    a partial one is shown with how many reported and judged against nothing.
    """
    found = totals(data, parent)
    own = _own_rows(data, parent)
    complete = found[found["mark"] == Mark.COMPLETE.value]
    judged_data = dataclasses.replace(
        own, observations=_join(own.observations, _as_observations(data, parent, complete))
    )
    rows = _unjudged(attainment.compute(judged_data, area=parent), found)
    added = _as_observations(data, parent, found)
    shown = dataclasses.replace(own, observations=_join(own.observations, added))
    return Rollup(parent, shown, rows, found)


def _join(own: pd.DataFrame, added: pd.DataFrame) -> pd.DataFrame:
    return added if own.empty else pd.concat([own, added], ignore_index=True) if not added.empty else own


def _unjudged(rows: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """The rows of a year whose total is partial: not judged, no %, as the missing units could change it."""
    partial = found[found["mark"] == Mark.PARTIAL.value][["code", "year"]]
    rows = rows.assign(**{PARTIAL: False})
    if partial.empty or rows.empty:
        return rows
    keys = pd.MultiIndex.from_frame(rows[["code", "year"]].astype({"year": "int64"}))
    hit = keys.isin(pd.MultiIndex.from_frame(partial.astype({"year": "int64"})))
    hit &= rows["status"].eq(Status.NO_DATA.value).to_numpy()
    rows.loc[hit, "status"] = Status.NOT_JUDGED.value
    rows.loc[hit, PARTIAL] = True
    for column in ("attainment_pct", "reported_pct"):
        if column in rows:
            rows.loc[hit, column] = np.nan
    return rows


def province_map(areas: pd.DataFrame) -> dict[str, str]:
    """Each unit's province (a province's is itself); a unit whose chain is broken is left out."""
    parent_of = dict(zip(areas["code"], areas["parent"], strict=False))
    level_of = dict(zip(areas["code"], areas["level"], strict=False))
    found: dict[str, str] = {}
    for start in parent_of:
        code = start
        # Province, district, commune: never more than three steps up.
        for _ in range(3):
            if level_of.get(code) == "province":
                found[start] = code
                break
            code = str(parent_of.get(code, ""))
            if not code:
                break
    return found


def provinces_over(areas: pd.DataFrame, codes: list[str], found: dict[str, str] | None = None) -> list[str]:
    """The provinces the given units lie in, each once: where a page may offer its units' totals.

    `found`: province_map(areas) where the caller keeps one, so a page's run need not build it.
    """
    found = province_map(areas) if found is None else found
    return list(dict.fromkeys(found[c] for c in codes if c in found))
