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
    kept: dict[str, Rule] | None = getattr(data, "_rules", None)
    if kept is None:
        kept = rules_for(data, list(dict.fromkeys(data.indicators["code"])))
        # Datasets are frozen; as their levels are, the catalogue's rules are kept around that: a
        # comparison báo cáo asks for an indicator's rule once per sentence and per table row.
        object.__setattr__(data, "_rules", kept)
    return kept[code] if code in kept else _rule_alone(data, code)


def _rule_alone(data: Dataset, code: str) -> Rule:
    """The rule of a code outside the catalogue: its TongHop row alone says it."""
    info = data.indicators[data.indicators["code"] == code]
    unit = str(info["unit"].iloc[0]) if not info.empty else ""
    kind = str(info["value_kind"].iloc[0]) if not info.empty else ""
    explicit = data.aggregation_rules[data.aggregation_rules["code"] == code]
    return _rule_of(explicit.iloc[0] if not explicit.empty else None, unit, kind)


def rules_for(data: Dataset, codes: list[str]) -> dict[str, Rule]:
    """`rule_for` of many indicators, the tables read once (a comparison asks for a hundred)."""
    info = data.indicators.drop_duplicates("code").set_index("code")
    explicit = data.aggregation_rules.drop_duplicates("code").set_index("code")
    out = {}
    for code in codes:
        unit = str(info.at[code, "unit"]) if code in info.index else ""
        kind = str(info.at[code, "value_kind"]) if code in info.index else ""
        out[code] = _rule_of(explicit.loc[code] if code in explicit.index else None, unit, kind)
    return out


def _rule_of(row: pd.Series | None, unit: str, kind: str) -> Rule:
    """An indicator's rule from its row of the TongHop table (None when it has none), its unit and kind."""
    if row is not None:
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


@dataclass(frozen=True)
class Job:
    """One total, known by `key`: the figures "a" it adds (and "b", of a ratio or a weighted mean)."""

    key: str
    rule: Rule
    a: str
    b: str = ""


def job_for(key: str, code: str, rule: Rule) -> Job:
    """One indicator's total by its rule: a ratio adds its parts, a weighted mean its figure and weight."""
    if rule.rule is AggregationRule.RATIO:
        return Job(key, rule, rule.numerator, rule.denominator)
    if rule.rule is AggregationRule.WEIGHTED:
        return Job(key, rule, code, rule.denominator)
    return Job(key, rule, code)


def levels(observations: pd.DataFrame, year: int, areas: pd.Series | set[str]) -> pd.DataFrame:
    """Per indicator and area: the level in one year (final figure, else the estimate), every code at once."""
    obs = observations[
        (observations["year"] == year)
        & observations["kind"].isin([ObsKind.ACTUAL.value, ObsKind.ESTIMATE.value])
        & observations["area"].isin(set(areas))
    ]
    if obs.empty:
        return pd.DataFrame({"code": [], "area": [], "actual": [], "actual_kind": []})
    return Levels(obs).frame()[["code", "area", "actual", "actual_kind"]]


def child_levels(observations: pd.DataFrame, code: str, year: int, areas: pd.Series) -> pd.DataFrame:
    """Per area: the level of one indicator in one year (final figure, else the estimate)."""
    return levels(observations[observations["code"] == code], year, areas)[["area", "actual", "actual_kind"]]


def totals(
    data: Dataset, code: str, year: int, members: pd.DataFrame, rule: Rule | None = None
) -> pd.DataFrame:
    """Each parent's total over its members (columns child, parent), by the indicator's rule.

    One row per parent: the total, how many members reported out of how many, the mark, the reason
    when not added up, and "estimate" when any summed figure is an estimate.
    """
    job = job_for("", code, rule or rule_for(data, code))
    obs = data.observations
    found = levels(obs[obs["code"].isin({job.a, job.b})], year, members["child"])
    made = totals_many(found.rename(columns={"code": "source"}), [job], members.assign(job=""))
    return made[TOTAL_COLUMNS].reset_index(drop=True)


def totals_many(found: pd.DataFrame, jobs: list[Job], members: pd.DataFrame) -> pd.DataFrame:
    """Many totals at once: per job and parent over the job's members (columns job, child, parent).

    `found` holds the levels to add (columns source, area, actual, actual_kind), a job naming its sources.
    A comparison makes a hundred totals: one pass over all of them, not a hundred small merges.
    """
    keys = members[["job", "parent"]].drop_duplicates(ignore_index=True)
    expected = members.groupby(["job", "parent"], sort=False)["child"].nunique()
    index = pd.MultiIndex.from_frame(keys)
    out = _summed_many(_job_values(found, jobs), members, keys, jobs)
    out["expected"] = expected.reindex(index).to_numpy(dtype=int)
    out["mark"] = np.where(
        out["reported"] == 0,
        Mark.NO_DATA.value,
        np.where(out["reported"] < out["expected"], Mark.PARTIAL.value, Mark.COMPLETE.value),
    )
    return _not_additive(out, jobs)[["job", *TOTAL_COLUMNS]]


def _not_additive(out: pd.DataFrame, jobs: list[Job]) -> pd.DataFrame:
    """The totals no rule adds up: no figure, nobody counted as reporting, and the reason why."""
    why = {
        job.key: job.rule.reason.value if job.rule.reason is not None else ""
        for job in jobs
        if job.rule.rule is AggregationRule.NONE
    }
    none = out["job"].isin(set(why)).to_numpy(dtype=bool)
    if none.any():
        out.loc[none, ["value", "reported", "mark", "actual_kind"]] = [np.nan, 0, Mark.NOT_ADDITIVE.value, ""]
        out.loc[none, "reason"] = out.loc[none, "job"].map(why)
    return out


def _job_values(found: pd.DataFrame, jobs: list[Job]) -> pd.DataFrame:
    """Each job's members' figure "a" (and denominator "b") with its kind; half a pair is no figure."""
    plan = pd.DataFrame({"job": [j.key for j in jobs], "a": [j.a for j in jobs], "b": [j.b for j in jobs]})
    firsts = plan[["job", "a"]].merge(found, left_on="a", right_on="source")
    values = firsts[["job", "area", "actual", "actual_kind"]].rename(columns={"actual": "a"})
    paired = plan[plan["b"] != ""]
    if not paired.empty:
        seconds = paired[["job", "b"]].merge(found, left_on="b", right_on="source")
        seconds = seconds[["job", "area", "actual", "actual_kind"]]
        seconds = seconds.rename(columns={"actual": "b", "actual_kind": "kind_b"})
        values = values.merge(seconds, on=["job", "area"], how="left")
        has_b = values["job"].isin(set(paired["job"])).to_numpy(dtype=bool)
        either = (values["actual_kind"] == ObsKind.ESTIMATE.value) | (
            values["kind_b"] == ObsKind.ESTIMATE.value
        )
        kind = np.where(either, ObsKind.ESTIMATE.value, ObsKind.ACTUAL.value)
        values = values.assign(actual_kind=np.where(has_b, kind, values["actual_kind"]))
        return values[values["a"].notna() & (~has_b | values["b"].notna())]
    return values[values["a"].notna()].assign(b=np.nan)


def _summed_many(
    values: pd.DataFrame, members: pd.DataFrame, keys: pd.DataFrame, jobs: list[Job]
) -> pd.DataFrame:
    """Each (job, parent)'s total of its members' values by the job's rule, and how many reported."""
    how = {job.key: job.rule for job in jobs}
    joined = members.merge(values, left_on=["job", "child"], right_on=["job", "area"], how="inner")
    kinds = joined["job"].map(lambda k: how[k].rule)
    joined["a"] = np.where(kinds == AggregationRule.WEIGHTED, joined["a"] * joined["b"], joined["a"])
    joined["estimate"] = joined["actual_kind"] == ObsKind.ESTIMATE.value
    grouped = joined.groupby(["job", "parent"], sort=False)
    index = pd.MultiIndex.from_frame(keys)
    sums = grouped["a"].sum().reindex(index).to_numpy(dtype="float64")
    denominators = grouped["b"].sum().reindex(index)
    job_rules = [how[k] for k in keys["job"]]
    scale = np.array([r.scale if r.rule is AggregationRule.RATIO else 1.0 for r in job_rules])
    summed = np.array([r.rule is AggregationRule.SUM for r in job_rules], dtype=bool)
    ratio = (sums / denominators.where(denominators != 0).to_numpy(dtype="float64")) * scale
    out = keys.copy()
    out["value"] = np.where(summed, sums, ratio) if len(keys) else np.empty(0)
    reported = grouped["child"].nunique().reindex(index)
    out["reported"] = reported.fillna(0).to_numpy().astype(int)
    out["reason"] = ""
    estimate = grouped["estimate"].any().reindex(index)
    out["actual_kind"] = np.where(estimate.eq(True).to_numpy(), ObsKind.ESTIMATE.value, ObsKind.ACTUAL.value)
    out.loc[out["reported"] == 0, ["value", "actual_kind"]] = [np.nan, ""]
    return out
