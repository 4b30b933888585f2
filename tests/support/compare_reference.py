"""The comparison as it was made one indicator at a time: the reference the batched path must equal."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.areas import aggregate
from indicators.areas import compare as engine
from indicators.areas import hierarchy as areas
from indicators.areas.aggregate import TOTAL_COLUMNS, Mark, Rule
from indicators.core.lookup import Levels
from indicators.core.model import AggregationRule, Dataset, ObsKind


def compare_many(data: Dataset, codes: list[str], year: int, parent: str) -> dict[str, pd.DataFrame]:
    """Per indicator, its ranked rows as the engine made them before it batched its indicators."""
    rules = {code: aggregate.rule_for(data, code) for code in dict.fromkeys(codes)}
    needed = {code: [n for n, _ in engine._codes_needed(rule, code)] for code, rule in rules.items()}
    kids = engine.children_of(data, parent, year)
    top = engine._parent_fields(data, parent)
    cut = engine._cut(data, sorted(set().union(*needed.values())), year)
    drafts = [_unjudged(engine._cut(data, needed[c], year), c, year, top, kids, r) for c, r in rules.items()]
    return engine._ranked(data, engine._judge(cut, year, pd.concat(drafts, ignore_index=True)))


def _with_child_totals(
    data: Dataset, code: str, year: int, kids: pd.DataFrame, rule: aggregate.Rule
) -> tuple[Dataset, pd.DataFrame]:
    """Children without a figure of their own get the total of their own children, marked.

    A province in the national view holds no figure; its communes do. Its total is written as an
    observation of the province so that the country's total adds provinces up the same way.
    """
    under = data.areas[
        data.areas["parent"].isin(set(kids["code"])) & areas.valid_on(data.areas, areas.year_end(year))
    ]
    members = pd.DataFrame({"child": under["code"].to_numpy(), "parent": under["parent"].to_numpy()})
    marks = pd.DataFrame(columns=["parent", "mark", "reported", "expected"])
    if members.empty or rule.rule is AggregationRule.NONE:
        return data, marks
    obs = data.observations
    # No figure of any unit below: nothing to add up (the totals would all be empty).
    if not obs["area"].isin(set(members["child"])).any():
        return data, marks
    added = []
    for needed, how in engine._codes_needed(rule, code):
        have = set(obs.loc[(obs["code"] == needed) & (obs["year"] == year), "area"])
        lacking = members[~members["parent"].isin(have)]
        if lacking.empty:
            continue
        totals = _totals(data, needed, year, lacking, rule=how)
        totals = totals[totals["value"].notna()]
        if needed == code:
            marks = totals[["parent", "mark", "reported", "expected"]]
        if totals.empty:
            continue
        added.append(
            pd.DataFrame(
                {
                    "code": needed,
                    "area": totals["parent"],
                    "year": year,
                    "kind": totals["actual_kind"],
                    "value": totals["value"],
                }
            )
        )
    if not added:
        return data, marks
    return engine._replace(data, pd.concat([obs, *added], ignore_index=True)), marks


def _unjudged(
    data: Dataset, code: str, year: int, top: dict[str, str], kids: pd.DataFrame, rule: aggregate.Rule
) -> pd.DataFrame:
    """One indicator's rows before judging: each child's level and mark, then the parent's total."""
    data, child_marks = _with_child_totals(data, code, year, kids, rule)
    members = pd.DataFrame({"child": kids["code"].to_numpy(), "parent": top["area"]})
    total = _totals(data, code, year, members, rule=rule).iloc[0]
    values = child_levels(data.observations, code, year, kids["code"])
    rows = pd.DataFrame({"area": kids["code"], "name": kids["name"], "level": kids["level"]})
    rows = rows.merge(values, on="area", how="left")
    rows["is_parent"] = False
    rows = rows.merge(child_marks, left_on="area", right_on="parent", how="left").drop(columns="parent")
    rows["mark"] = rows["mark"].fillna("")
    rows["reason"] = ""
    parent_row = {
        **top,
        "actual": total["value"],
        "actual_kind": total["actual_kind"],
        "is_parent": True,
        "mark": engine._parent_mark(total, rows),
        "reported": total["reported"],
        "expected": total["expected"],
        "reason": total["reason"],
    }
    return pd.concat([rows, pd.DataFrame([parent_row])], ignore_index=True).assign(code=code)


def child_levels(observations: pd.DataFrame, code: str, year: int, areas: pd.Series) -> pd.DataFrame:
    """Per area: the level of one indicator in one year (final figure, else the estimate)."""
    obs = observations[
        (observations["code"] == code)
        & (observations["year"] == year)
        & observations["kind"].isin([ObsKind.ACTUAL.value, ObsKind.ESTIMATE.value])
        & observations["area"].isin(set(areas))
    ]
    if obs.empty:
        return pd.DataFrame({"area": [], "actual": [], "actual_kind": []})
    frame = Levels(obs).frame()
    return frame[["area", "actual", "actual_kind"]]


def _totals(
    data: Dataset, code: str, year: int, members: pd.DataFrame, rule: Rule | None = None
) -> pd.DataFrame:
    """Each parent's total over its members (columns child, parent), by the indicator's rule.

    One row per parent: the total, how many members reported out of how many, the mark, the reason
    when not added up, and "estimate" when any summed figure is an estimate.
    """
    rule = rule or aggregate.rule_for(data, code)
    parents = members["parent"].drop_duplicates()
    expected = members.groupby("parent")["child"].nunique()
    if rule.rule is AggregationRule.NONE:
        return pd.DataFrame(
            {
                "parent": parents.to_numpy(),
                "value": np.nan,
                "reported": 0,
                "expected": parents.map(expected).to_numpy(),
                "mark": Mark.NOT_ADDITIVE.value,
                "reason": rule.reason.value if rule.reason else "",
                "actual_kind": "",
            }
        )
    values = _member_values(data.observations, code, year, members["child"], rule)
    return _summed(values, members, parents, expected, rule)


def _member_values(obs: pd.DataFrame, code: str, year: int, children: pd.Series, rule: Rule) -> pd.DataFrame:
    """Each member's figure "a" (and, for a ratio or a weighted mean, its denominator "b") with its kind.

    A member lacking either figure of a pair is left out: half a ratio is no figure.
    """
    if rule.rule is AggregationRule.SUM:
        parts = [child_levels(obs, code, year, children).rename(columns={"actual": "a"})]
    else:
        first = rule.numerator if rule.rule is AggregationRule.RATIO else code
        parts = [
            child_levels(obs, first, year, children).rename(columns={"actual": "a"}),
            child_levels(obs, rule.denominator, year, children).rename(
                columns={"actual": "b", "actual_kind": "kind_b"}
            ),
        ]
    values = parts[0]
    if len(parts) == 2:
        values = values.merge(parts[1], on="area", how="inner")
        values["actual_kind"] = np.where(
            (values["actual_kind"] == ObsKind.ESTIMATE.value) | (values["kind_b"] == ObsKind.ESTIMATE.value),
            ObsKind.ESTIMATE.value,
            ObsKind.ACTUAL.value,
        )
    return values.dropna(subset=[c for c in ("a", "b") if c in values])


def _summed(
    values: pd.DataFrame, members: pd.DataFrame, parents: pd.Series, expected: pd.Series, rule: Rule
) -> pd.DataFrame:
    """Each parent's total of its members' values by the rule, with how many reported and its mark."""
    joined = members.merge(values, left_on="child", right_on="area", how="inner")
    if rule.rule is AggregationRule.WEIGHTED:
        joined["a"] = joined["a"] * joined["b"]
    grouped = joined.groupby("parent")
    sums = grouped["a"].sum()
    if rule.rule is AggregationRule.SUM:
        value = sums
    else:
        denominators = grouped["b"].sum()
        value = (sums / denominators.where(denominators != 0)) * (
            rule.scale if rule.rule is AggregationRule.RATIO else 1.0
        )
    reported = grouped["child"].nunique()
    estimate = grouped["actual_kind"].agg(lambda k: (k == ObsKind.ESTIMATE.value).any())
    out = pd.DataFrame({"parent": parents.to_numpy()})
    out["value"] = out["parent"].map(value).astype("float64")
    out["reported"] = out["parent"].map(reported).fillna(0).astype(int)
    out["expected"] = out["parent"].map(expected).astype(int)
    out["mark"] = np.where(
        out["reported"] == 0,
        Mark.NO_DATA.value,
        np.where(out["reported"] < out["expected"], Mark.PARTIAL.value, Mark.COMPLETE.value),
    )
    out["reason"] = ""
    out["actual_kind"] = np.where(
        out["parent"].map(estimate).eq(True), ObsKind.ESTIMATE.value, ObsKind.ACTUAL.value
    )
    out.loc[out["reported"] == 0, ["value", "actual_kind"]] = [np.nan, ""]
    return out[TOTAL_COLUMNS]
