"""Comparing areas: each child of a parent ranked on one indicator and year, with the parent's total."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from indicators.areas import aggregate
from indicators.areas import hierarchy as areas
from indicators.areas.aggregate import Mark
from indicators.core import attainment
from indicators.core.model import (
    OBSERVATIONS,
    TABLES,
    AggregationRule,
    AreaLevel,
    Comparator,
    Dataset,
    ObsKind,
    TargetKind,
    coerce,
)
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import t

# The country as the parent of provinces. The statistics office gives the country no code; this is
# its ISO 3166 code, used only as the top of the comparison, never stored with figures.
COUNTRY = "VN"
COLUMNS = [
    "code",
    "area",
    "name",
    "level",
    "is_parent",
    "value",
    "actual_kind",
    "target",
    "target_kind",
    "comparator",
    "attainment_pct",
    "status",
    "gap",
    "mark",
    "reported",
    "expected",
    "reason",
    # Where the target and the % come from: an implied target is marked and rounded where printed.
    "target_basis",
    "reported_pct",
    "status_basis",
    # What a reduce-by target is judged on: the achieved fall a year, not the level in "value".
    "change",
]
# A stated change, official or estimated ("ước" in a report written before the year ended).
_CHANGE_KINDS = [
    ObsKind.CHANGE.value,
    ObsKind.CHANGE_PER_YEAR.value,
    ObsKind.CHANGE_ESTIMATE.value,
    ObsKind.CHANGE_PER_YEAR_ESTIMATE.value,
]
PARTIAL = "partial"  # the status of a parent whose total lacks some children: not judged
_KIND_ORDER = [k.value for k in TargetKind]  # NQ before KH before DA before GIAO


@dataclass(frozen=True)
class Comparison:
    """The children ranked best first, then the parent's row; or a problem for people."""

    rows: pd.DataFrame
    parent: str
    year: int
    code: str
    problem: str = ""  # an i18n key when nothing can be compared

    @property
    def children(self) -> pd.DataFrame:
        """The child areas' rows only."""
        return self.rows[~self.rows["is_parent"]]

    @property
    def parent_row(self) -> pd.Series | None:
        """The parent's row (its total), None when there is no comparison."""
        rows = self.rows[self.rows["is_parent"]]
        return None if rows.empty else rows.iloc[0]


def children_of(data: Dataset, parent: str, year: int) -> pd.DataFrame:
    """The units directly under a parent at the end of a year; under the country, its provinces."""
    if parent == COUNTRY:
        units = data.areas[
            (data.areas["level"] == AreaLevel.PROVINCE.value)
            & areas.valid_on(data.areas, areas.year_end(year))
        ]
        return units.drop_duplicates("code", keep="last").sort_values("code").reset_index(drop=True)
    return areas.children(data.areas, parent, year)


def years_by_code(data: Dataset) -> dict[str, list[int]]:
    """Per indicator in code order, the years that hold a figure or a target, oldest first."""
    found: dict[str, set[int]] = {}
    for frame in (data.observations, data.targets):
        for code, years in _years_held(frame).items():
            found.setdefault(code, set()).update(years)
    return {code: sorted(found[code]) for code in sorted(found)}


def _years_held(frame: pd.DataFrame) -> dict[str, list[int]]:
    """Per code, the years of `frame`'s rows: a code × year grid ticked in one pass.

    At national scale (3.6 million figures, a hundred codes, a dozen years) the first view of every
    new version pays this: dropping duplicate (code, year) pairs cost three times as much.
    """
    if frame.empty:
        return {}
    ids, codes = pd.factorize(frame["code"])
    years = frame["year"].to_numpy(dtype=np.int64)
    first = int(years.min())
    held = np.zeros((len(codes), int(years.max()) - first + 1), dtype=bool)
    held[ids, years - first] = True
    return {str(code): (first + np.flatnonzero(row)).tolist() for code, row in zip(codes, held, strict=True)}


def default_parent(data: Dataset, code: str, year: int) -> str:
    """The parent of the areas that hold this indicator's figures in that year ("" when none do)."""
    obs = data.observations
    held = obs.loc[(obs["code"] == code) & (obs["year"] == year), "area"].unique()
    found = areas.units(data.areas, held, year)["parent"]
    found = found[found != ""]
    return str(found.mode().iloc[0]) if not found.empty else ""


def _codes_needed(rule: aggregate.Rule, code: str) -> list[tuple[str, aggregate.Rule]]:
    """The indicators a total reads, each with the rule that adds it up one level."""
    if rule.rule is AggregationRule.RATIO:
        plain = aggregate.Rule(AggregationRule.SUM)
        return [(code, rule), (rule.numerator, plain), (rule.denominator, plain)]
    if rule.rule is AggregationRule.WEIGHTED:
        return [(code, rule), (rule.denominator, aggregate.Rule(AggregationRule.SUM))]
    return [(code, rule)]


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
    added = []
    for needed, how in _codes_needed(rule, code):
        have = set(obs.loc[(obs["code"] == needed) & (obs["year"] == year), "area"])
        lacking = members[~members["parent"].isin(have)]
        if lacking.empty:
            continue
        totals = aggregate.totals(data, needed, year, lacking, rule=how)
        totals = totals[totals["value"].notna()]
        if needed == code:
            marks = totals[["parent", "mark", "reported", "expected"]]
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
    return _replace(data, pd.concat([obs, *added], ignore_index=True)), marks


def _only(data: Dataset, codes: list[str]) -> Dataset:
    """The figures, targets and reported % of these indicators only: all that a comparison reads.

    At national scale every later step then works on thousands of rows, not millions.
    """
    return replace(
        data,
        observations=data.observations[data.observations["code"].isin(codes)],
        targets=data.targets[data.targets["code"].isin(codes)],
        reported=data.reported[data.reported["code"].isin(codes)],
    )


def _replace(data: Dataset, observations: pd.DataFrame) -> Dataset:
    """The dataset with other observations (typed), every other table as it is."""
    return replace(data, observations=coerce(OBSERVATIONS, observations))


def compare(data: Dataset, code: str, year: int, parent: str | None = None) -> Comparison:
    """Every child of `parent` on one indicator and year: value, target, % attained, status, gap."""
    if data.indicators[data.indicators["code"] == code].empty:
        return Comparison(pd.DataFrame(columns=COLUMNS), parent or "", year, code, "compare.unknown_code")
    rule = aggregate.rule_for(data, code)
    data = _only(data, [needed for needed, _ in _codes_needed(rule, code)])
    parent = parent or default_parent(data, code, year)
    if not parent:
        return Comparison(pd.DataFrame(columns=COLUMNS), "", year, code, "compare.no_figures")
    if parent != COUNTRY and areas.unit(data.areas, parent) is None:
        return Comparison(pd.DataFrame(columns=COLUMNS), parent, year, code, "compare.unknown_area")
    kids = children_of(data, parent, year)
    if kids.empty:
        return Comparison(pd.DataFrame(columns=COLUMNS), parent, year, code, "compare.no_children")

    data, child_marks = _with_child_totals(data, code, year, kids, rule)
    members = pd.DataFrame({"child": kids["code"].to_numpy(), "parent": parent})
    total = aggregate.totals(data, code, year, members).iloc[0]
    values = aggregate.child_levels(data.observations, code, year, kids["code"])
    rows = pd.DataFrame({"area": kids["code"], "name": kids["name"], "level": kids["level"]})
    rows = rows.merge(values, on="area", how="left")
    rows["is_parent"] = False
    rows = rows.merge(child_marks, left_on="area", right_on="parent", how="left").drop(columns="parent")
    rows["mark"] = rows["mark"].fillna("")
    rows["reason"] = ""
    unit = areas.unit(data.areas, parent)  # None only for the country (checked above)
    parent_row = {
        "area": parent,
        "name": "" if unit is None else str(unit["name"]),
        "level": "country" if unit is None else str(unit["level"]),
        "actual": total["value"],
        "actual_kind": total["actual_kind"],
        "is_parent": True,
        "mark": _parent_mark(total, rows),
        "reported": total["reported"],
        "expected": total["expected"],
        "reason": total["reason"],
    }
    rows = pd.concat([rows, pd.DataFrame([parent_row])], ignore_index=True)
    rows = _judge(data, code, year, rows)
    # A partial total is not the parent's figure: judging it against the parent's target would
    # call a province "không đạt" for communes that have not reported yet.
    partial = rows["is_parent"] & (rows["mark"] == Mark.PARTIAL.value)
    rows.loc[partial, ["attainment_pct", "gap"]] = float("nan")
    rows.loc[partial, "status"] = PARTIAL
    return Comparison(_ranked(data, code, rows), parent, year, code)


def _parent_mark(total: pd.Series, rows: pd.DataFrame) -> str:
    """Partial also when a child's own total was partial: the gap below is passed up."""
    if total["mark"] == Mark.COMPLETE.value and (rows["mark"] == Mark.PARTIAL.value).any():
        return Mark.PARTIAL.value
    return str(total["mark"])


def _judge(data: Dataset, code: str, year: int, rows: pd.DataFrame) -> pd.DataFrame:
    """Each row's target (the highest-ranking kind: NQ, then KH, DA, GIAO), % attained and status."""
    held = rows[rows["actual"].notna()]
    observations = pd.DataFrame(
        {
            "code": code,
            "area": held["area"],
            "year": year,
            "kind": held["actual_kind"].replace("", ObsKind.ACTUAL.value),
            "value": held["actual"],
        }
    )
    # Stated changes ("giảm bình quân 4,5%/năm") stay: a reduce-by target is judged on them.
    changes = data.observations[
        (data.observations["code"] == code)
        & (data.observations["year"] == year)
        & data.observations["kind"].isin(_CHANGE_KINDS)
    ]
    targets = data.targets[(data.targets["code"] == code) & (data.targets["year"] == year)]
    targets = targets[targets["area"].isin(set(rows["area"]))]
    reported = data.reported[(data.reported["code"] == code) & data.reported["area"].isin(set(rows["area"]))]
    # Row subsets of typed tables stay typed: only the new observations need the model's types.
    # (Typing every table afresh cost most of a comparison's time.)
    kept = {
        "indicators": data.indicators[data.indicators["code"] == code],
        "targets": targets,
        "reported": reported,
    }
    mini = replace(
        data,
        version=0,
        **{t.name: kept.get(t.name, data.frame(t).iloc[0:0]).reset_index(drop=True) for t in TABLES},
    )
    mini = _replace(mini, pd.concat([observations, changes], ignore_index=True))
    judged = attainment.compute(mini)
    judged = judged.assign(_rank=judged["target_kind"].map(_KIND_ORDER.index))
    judged = judged.sort_values(["area", "_rank"], kind="stable").drop_duplicates("area")
    keep = ["area", "target", "target_kind", "comparator", "attainment_pct", "status", "actual"]
    keep += ["target_basis", "reported_pct", "status_basis"]
    judged = judged[keep].rename(columns={"actual": "judged_actual"})
    judged["status"] = judged["status"].astype(str)
    out = rows.merge(judged, on="area", how="left")
    out["gap"] = out["judged_actual"] - out["target"]
    out["status"] = out["status"].fillna("no_target")
    out.loc[out["actual"].isna() & out["target"].notna(), "status"] = "no_data"
    reduce = out["comparator"] == Comparator.REDUCE_BY.value
    out["change"] = out["judged_actual"].where(reduce)
    return out.drop(columns="judged_actual").rename(columns={"actual": "value"})


def _ranked(data: Dataset, code: str, rows: pd.DataFrame) -> pd.DataFrame:
    """Children best first by the indicator's direction (no figure last), then the parent's row."""
    direction = data.indicators.loc[data.indicators["code"] == code, "direction"]
    lower_better = not direction.empty and direction.iloc[0] == "lower"
    kids = rows[~rows["is_parent"]].sort_values(
        ["value", "area"], ascending=[lower_better, True], na_position="last", kind="stable"
    )
    out = pd.concat([kids, rows[rows["is_parent"]]], ignore_index=True)
    out["code"] = code
    for column in ("reported", "expected"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("Int64")
    return out[COLUMNS]


def parent_note(result: Comparison, lang: Lang = "vi") -> str:
    """The parent row in words: "tổng của cả 4 xã", "3/4 xã đã báo cáo (tổng chưa đủ)", "không cộng được: …".

    A total's count of units is said in the rollup's words, as on every page that shows a parent's total.
    """
    row = result.parent_row
    if row is None:
        return ""
    levels = result.children["level"]
    level = levels.mode().iloc[0] if not levels.empty else AreaLevel.COMMUNE.value
    units = t(f"agg_units.{level}", lang)
    mark = str(row["mark"])
    if mark == Mark.NOT_ADDITIVE.value:
        return t("agg.not_additive", lang).format(reason=t(f"agg_reason.{row['reason']}", lang))
    if mark == Mark.NO_DATA.value:
        return t("agg.no_data", lang).format(units=units)
    key = "rollup.complete" if mark == Mark.COMPLETE.value else "rollup.partial"
    n, m = (fmt.number(int(row[c]), lang) for c in ("reported", "expected"))
    return t(key, lang).format(n=n, m=m, units=units)


def area_name(data: Dataset, code: str, year: int, lang: Lang = "vi") -> str:
    """An area's name in its year; the country by its word."""
    return t("compare.country", lang) if code == COUNTRY else areas.label(data.areas, code, lang, year)


def area_names(data: Dataset, codes: Iterable[str], year: int, lang: Lang = "vi") -> dict[str, str]:
    """`area_name` of many areas at once (a national comparison names hundreds)."""
    wanted = list(dict.fromkeys(codes))
    names = areas.labels(data.areas, [c for c in wanted if c != COUNTRY], lang, year)
    return {c: t("compare.country", lang) if c == COUNTRY else names[c] for c in wanted}
