"""Adding child areas up to their parent, per indicator: sums, ratios of sums, weighted per-head values."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd

from indicators.core.lookup import Levels
from indicators.core.model import AggregationRule, Dataset, ObsKind, ValueKind


class Mark(StrEnum):
    """What a parent's total is."""

    COMPLETE = "complete"  # every child reported
    PARTIAL = "partial"  # some children did not report
    NOT_ADDITIVE = "not_additive"  # no rule adds this indicator up
    NO_DATA = "no_data"  # a rule exists but no child reported


class Reason(StrEnum):
    """Why an indicator is not added up (words in indicators/text/i18n.py, "agg_reason.*")."""

    RATE_WITHOUT_PARTS = "rate_without_parts"
    PER_UNIT_WITHOUT_BASE = "per_unit_without_base"
    CHANGE = "change"
    RULE_NONE = "rule_none"


@dataclass(frozen=True)
class Rule:
    """How one indicator adds up: the rule, its parts, the scale of a rate, or why not."""

    rule: AggregationRule
    numerator: str = ""
    denominator: str = ""
    scale: float = 1.0
    reason: Reason | None = None


def _scale(unit: str) -> float:
    return 1000.0 if "‰" in unit else 100.0 if "%" in unit else 1.0


def rule_for(data: Dataset, code: str) -> Rule:
    """The indicator's rule: its row in the TongHop table, else what its unit and kind allow."""
    info = data.indicators[data.indicators["code"] == code]
    unit = str(info["unit"].iloc[0]) if not info.empty else ""
    kind = str(info["value_kind"].iloc[0]) if not info.empty else ""
    explicit = data.aggregation_rules[data.aggregation_rules["code"] == code]
    if not explicit.empty:
        row = explicit.iloc[0]
        rule = AggregationRule(row["rule"])
        if rule is AggregationRule.RATIO and row["numerator"] and row["denominator"]:
            return Rule(rule, row["numerator"], row["denominator"], _scale(unit))
        if rule is AggregationRule.WEIGHTED and row["denominator"]:
            return Rule(rule, denominator=row["denominator"])
        if rule is AggregationRule.SUM:
            return Rule(rule)
        reason = Reason.RULE_NONE if rule is AggregationRule.NONE else _reason_of(unit, kind)
        return Rule(AggregationRule.NONE, reason=reason or Reason.RULE_NONE)
    reason = _reason_of(unit, kind)
    return Rule(AggregationRule.SUM) if reason is None else Rule(AggregationRule.NONE, reason=reason)


def _reason_of(unit: str, kind: str) -> Reason | None:
    """Why an indicator cannot be summed as it stands; None when its unit adds up (ha, tỷ đồng, hộ)."""
    if kind == ValueKind.CHANGE_PER_YEAR.value:
        return Reason.CHANGE
    if kind == ValueKind.SHARE.value or "%" in unit or "‰" in unit:
        return Reason.RATE_WITHOUT_PARTS
    if "/" in unit:  # triệu đồng/người/năm, bác sỹ/vạn dân, tiêu chí/xã
        return Reason.PER_UNIT_WITHOUT_BASE
    return None


# Totals --------------------------------------------------------------------------------

TOTAL_COLUMNS = ["parent", "value", "reported", "expected", "mark", "reason", "actual_kind"]


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


def totals(
    data: Dataset, code: str, year: int, members: pd.DataFrame, rule: Rule | None = None
) -> pd.DataFrame:
    """Each parent's total over its members (columns child, parent), by the indicator's rule.

    One row per parent: the total, how many members reported out of how many, the mark, the reason
    when not added up, and "estimate" when any summed figure is an estimate.
    """
    rule = rule or rule_for(data, code)
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
    obs = data.observations
    if rule.rule is AggregationRule.SUM:
        parts = [child_levels(obs, code, year, members["child"]).rename(columns={"actual": "a"})]
    else:
        first = rule.numerator if rule.rule is AggregationRule.RATIO else code
        parts = [
            child_levels(obs, first, year, members["child"]).rename(columns={"actual": "a"}),
            child_levels(obs, rule.denominator, year, members["child"]).rename(
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
    values = values.dropna(subset=[c for c in ("a", "b") if c in values])
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
