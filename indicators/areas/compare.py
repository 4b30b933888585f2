"""Comparing areas: each child of a parent ranked on one indicator and year, with the parent's total."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

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
# Each indicator a comparison reads, with the rule that adds it up one level, and its key among them.
Views = dict[tuple[str, aggregate.Rule], str]
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

    # Cut once and kept: a report asks each comparison for its children and parent some twenty times.
    @cached_property
    def children(self) -> pd.DataFrame:
        """The child areas' rows only."""
        return self.rows[~self.rows["is_parent"]]

    @cached_property
    def child_records(self) -> tuple[dict[str, Any], ...]:
        """The children's rows as plain records, made once: a report's sentence and table read them both.

        Shared: a caller that changes a record changes its own copy (`dict(record)`).
        """
        return tuple(self.children.to_dict("records"))

    @cached_property
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


def _cut(data: Dataset, codes: list[str], year: int) -> Dataset:
    """The dataset cut to the indicators `codes` read and to the year (the reported % keep every year)."""
    data = _only(data, codes)
    obs, targets = data.observations, data.targets
    return replace(
        data,
        observations=obs[obs["year"] == year].reset_index(drop=True),
        targets=targets[targets["year"] == year].reset_index(drop=True),
        reported=data.reported.reset_index(drop=True),
    )


def _replace(data: Dataset, observations: pd.DataFrame) -> Dataset:
    """The dataset with other observations (typed), every other table as it is."""
    return replace(data, observations=coerce(OBSERVATIONS, observations))


def compare(data: Dataset, code: str, year: int, parent: str | None = None) -> Comparison:
    """Every child of `parent` on one indicator and year: value, target, % attained, status, gap."""
    if data.indicators[data.indicators["code"] == code].empty:
        return Comparison(pd.DataFrame(columns=COLUMNS), parent or "", year, code, "compare.unknown_code")
    parent = parent or default_parent(data, code, year)
    if not parent:
        return Comparison(pd.DataFrame(columns=COLUMNS), "", year, code, "compare.no_figures")
    return compare_many(data, [code], year, parent)[0]


def compare_many(data: Dataset, codes: Sequence[str], year: int, parent: str) -> list[Comparison]:
    """`compare` of each indicator in `codes` under one parent in one year, in the order given.

    The dataset is cut by indicator once and every indicator judged in one pass: a report that
    compares sixty indicators paid a fixed cost sixty times over.
    """
    known = set(data.indicators["code"])
    rules = aggregate.rules_for(data, [code for code in dict.fromkeys(codes) if code in known])
    needed = {code: [n for n, _ in _codes_needed(rule, code)] for code, rule in rules.items()}
    problem, kids = _parent_problem(data, parent, year), pd.DataFrame()
    if not problem:
        kids = children_of(data, parent, year)
        problem = "" if not kids.empty else "compare.no_children"
    ranked: dict[str, pd.DataFrame] = {}
    if rules and not problem:
        cut = _cut(data, sorted(set().union(*needed.values())), year)
        drafts = _unjudged(cut, year, _parent_fields(data, parent), kids, rules)
        ranked = _ranked(data, _judge(cut, year, drafts))
    out = []
    for code in codes:
        why = "compare.unknown_code" if code not in rules else problem
        rows = ranked.get(code) if not why else None
        if rows is None:
            out.append(Comparison(pd.DataFrame(columns=COLUMNS), parent, year, code, why))
        else:
            out.append(Comparison(rows, parent, year, code))
    return out


def _parent_problem(data: Dataset, parent: str, year: int) -> str:
    """Why nothing can be compared under `parent` (an i18n key), whatever the indicator; "" when it can."""
    if parent != COUNTRY and areas.unit(data.areas, parent) is None:
        return "compare.unknown_area"
    return ""


def _parent_fields(data: Dataset, parent: str) -> dict[str, str]:
    """The parent's own columns of its row: its code, name and level (the country has no name here)."""
    unit = areas.unit(data.areas, parent)  # None only for the country (checked before)
    return {
        "area": parent,
        "name": "" if unit is None else str(unit["name"]),
        "level": "country" if unit is None else str(unit["level"]),
    }


def _unjudged(
    data: Dataset, year: int, top: dict[str, str], kids: pd.DataFrame, rules: dict[str, aggregate.Rule]
) -> pd.DataFrame:
    """Every indicator's rows before judging: each child's level and mark, then the parent's total.

    The hierarchy, the levels and the totals are found once for all indicators: done per indicator,
    they were most of the time of a report's comparison.
    """
    views = {
        pair: f"{i}"
        for i, pair in enumerate(dict.fromkeys(p for c, r in rules.items() for p in _codes_needed(r, c)))
    }
    under = _grandchildren(data, year, kids)
    found = aggregate.levels(data.observations, year, set(kids["code"]) | set(under["child"]))
    levels, marks = _levels_below(data.observations, found, views, kids, under)
    rows = _child_rows(kids, rules, views, levels, marks)
    parents = _parent_rows(top, kids, rules, views, levels, rows)
    return pd.concat([rows, parents], ignore_index=True)


def _grandchildren(data: Dataset, year: int, kids: pd.DataFrame) -> pd.DataFrame:
    """The units directly under each child (columns child, parent) at the end of the year."""
    under = data.areas[
        data.areas["parent"].isin(set(kids["code"])) & areas.valid_on(data.areas, areas.year_end(year))
    ]
    return pd.DataFrame({"child": under["code"].to_numpy(), "parent": under["parent"].to_numpy()})


def _levels_below(
    obs: pd.DataFrame,
    found: pd.DataFrame,
    views: Views,
    kids: pd.DataFrame,
    under: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each child's level of each needed indicator (per view: code and rule), and the marks of its own totals.

    A child without any figure of an indicator gets the total of its own children, marked: a province in
    the national view holds no figure; its communes do.
    """
    own = found[found["area"].isin(set(kids["code"]))]
    plan = pd.DataFrame({"code": [code for code, _ in views], "source": list(views.values())})
    levels = [plan.merge(own, on="code")[["source", "area", "actual", "actual_kind"]]]
    marks = pd.DataFrame(columns=["source", "parent", "mark", "reported", "expected"])
    if not under.empty and obs["area"].isin(set(under["child"])).any():
        jobs = [aggregate.job_for(key, code, rule) for (code, rule), key in views.items()]
        sources = found.rename(columns={"code": "source"})
        made = aggregate.totals_many(sources, jobs, _lacking(obs, plan, under))
        made = made[made["value"].notna()]
        marks = made.rename(columns={"job": "source"})[["source", "parent", "mark", "reported", "expected"]]
        added = made.rename(columns={"job": "source", "parent": "area", "value": "actual"})
        levels.append(added[["source", "area", "actual", "actual_kind"]])
    return pd.concat(levels, ignore_index=True), marks


def _lacking(obs: pd.DataFrame, plan: pd.DataFrame, under: pd.DataFrame) -> pd.DataFrame:
    """Per view (column job), the units under each child holding no figure of the view's indicator at all."""
    held = obs[["code", "area"]].drop_duplicates().rename(columns={"area": "parent"}).assign(_held=True)
    members = plan.rename(columns={"source": "job"}).merge(under, how="cross")
    members = members.merge(held, on=["code", "parent"], how="left")
    return members[members["_held"].isna()][["job", "child", "parent"]].reset_index(drop=True)


def _child_rows(
    kids: pd.DataFrame,
    rules: dict[str, aggregate.Rule],
    views: Views,
    levels: pd.DataFrame,
    marks: pd.DataFrame,
) -> pd.DataFrame:
    """Each indicator's children: the level of their view of it, and the mark of a total of their own."""
    codes = list(rules)
    rows = pd.DataFrame(
        {
            "area": np.tile(kids["code"].to_numpy(), len(codes)),
            "name": np.tile(kids["name"].to_numpy(), len(codes)),
            "level": np.tile(kids["level"].to_numpy(), len(codes)),
            "code": np.repeat(codes, len(kids)),
        }
    )
    rows["source"] = rows["code"].map({c: views[(c, r)] for c, r in rules.items()})
    rows = rows.merge(levels, on=["source", "area"], how="left")
    rows["is_parent"] = False
    rows = rows.merge(marks, left_on=["source", "area"], right_on=["source", "parent"], how="left")
    rows["mark"] = rows["mark"].fillna("")
    rows["reason"] = ""
    return rows.drop(columns=["parent", "source"])


def _parent_rows(
    top: dict[str, str],
    kids: pd.DataFrame,
    rules: dict[str, aggregate.Rule],
    views: Views,
    levels: pd.DataFrame,
    rows: pd.DataFrame,
) -> pd.DataFrame:
    """Each indicator's parent row: the total of its children's levels, partial also when a child's was."""
    plain = aggregate.Rule(AggregationRule.SUM)
    jobs = []
    for code, rule in rules.items():
        job = aggregate.job_for(code, code, rule)
        first = views[(code, rule)] if rule.rule is not AggregationRule.RATIO else views[(job.a, plain)]
        jobs.append(replace(job, a=first, b=views[(job.b, plain)] if job.b else ""))
    members = pd.DataFrame(
        {
            "job": np.repeat(list(rules), len(kids)),
            "child": np.tile(kids["code"].to_numpy(), len(rules)),
            "parent": top["area"],
        }
    )
    total = aggregate.totals_many(levels, jobs, members)
    partial_below = rows.groupby("code", sort=False)["mark"].agg(lambda m: (m == Mark.PARTIAL.value).any())
    lifted = (total["mark"] == Mark.COMPLETE.value) & total["job"].map(partial_below).eq(True)
    return pd.DataFrame(
        {
            **top,
            "actual": total["value"],
            "actual_kind": total["actual_kind"],
            "is_parent": True,
            "mark": total["mark"].where(~lifted, Mark.PARTIAL.value),
            "reported": total["reported"],
            "expected": total["expected"],
            "reason": total["reason"],
            "code": total["job"],
        }
    )


def _parent_mark(total: pd.Series, rows: pd.DataFrame) -> str:
    """Partial also when a child's own total was partial: the gap below is passed up."""
    if total["mark"] == Mark.COMPLETE.value and (rows["mark"] == Mark.PARTIAL.value).any():
        return Mark.PARTIAL.value
    return str(total["mark"])


def _judge(data: Dataset, year: int, rows: pd.DataFrame) -> pd.DataFrame:
    """Each row's target (the highest-ranking kind: NQ, then KH, DA, GIAO), % attained and status.

    `rows` hold several indicators (column "code"); they are judged together, each on its own rows.
    """
    codes = list(dict.fromkeys(rows["code"]))
    held = rows[rows["actual"].notna()]
    observations = pd.DataFrame(
        {
            "code": held["code"],
            "area": held["area"],
            "year": year,
            "kind": held["actual_kind"].replace("", ObsKind.ACTUAL.value),
            "value": held["actual"],
        }
    )
    obs = data.observations
    # Stated changes ("giảm bình quân 4,5%/năm") stay: a reduce-by target is judged on them.
    changes = obs[obs["code"].isin(codes) & (obs["year"] == year) & obs["kind"].isin(_CHANGE_KINDS)]
    placed = set(rows["area"])
    targets = data.targets[data.targets["code"].isin(codes) & (data.targets["year"] == year)]
    targets = targets[targets["area"].isin(placed)]
    reported = data.reported[data.reported["code"].isin(codes) & data.reported["area"].isin(placed)]
    # Row subsets of typed tables stay typed: only the new observations need the model's types.
    # (Typing every table afresh cost most of a comparison's time.)
    kept = {
        "indicators": data.indicators[data.indicators["code"].isin(codes)],
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
    judged = judged.sort_values(["code", "area", "_rank"], kind="stable").drop_duplicates(["code", "area"])
    keep = ["code", "area", "target", "target_kind", "comparator", "attainment_pct", "status", "actual"]
    keep += ["target_basis", "reported_pct", "status_basis"]
    judged = judged[keep].rename(columns={"actual": "judged_actual"})
    judged["status"] = judged["status"].astype(str)
    out = rows.merge(judged, on=["code", "area"], how="left")
    out["gap"] = out["judged_actual"] - out["target"]
    out["status"] = out["status"].fillna("no_target")
    out.loc[out["actual"].isna() & out["target"].notna(), "status"] = "no_data"
    reduce = out["comparator"] == Comparator.REDUCE_BY.value
    out["change"] = out["judged_actual"].where(reduce)
    return out.drop(columns="judged_actual").rename(columns={"actual": "value"})


def _ranked(data: Dataset, rows: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Per indicator, its children best first by its direction (no figure last), then the parent's row.

    A partial total is not the parent's figure: judging it against the parent's target would call a
    province "không đạt" for communes that have not reported yet.
    """
    partial = rows["is_parent"] & (rows["mark"] == Mark.PARTIAL.value)
    rows.loc[partial, ["attainment_pct", "gap"]] = float("nan")
    rows.loc[partial, "status"] = PARTIAL
    direction = data.indicators.drop_duplicates("code").set_index("code")["direction"]
    lower_better = rows["code"].map(direction).eq("lower").to_numpy(dtype=bool)
    # Best first either way: ascending on the value where lower is better, on its negative elsewhere.
    key = pd.to_numeric(rows["value"], errors="coerce") * np.where(lower_better, 1.0, -1.0)
    order = list(dict.fromkeys(rows["code"]))
    rows = rows.assign(_order=rows["code"].map(order.index), _key=key).sort_values(
        ["_order", "is_parent", "_key", "area"], na_position="last", kind="stable"
    )
    for column in ("reported", "expected"):
        rows[column] = pd.to_numeric(rows[column], errors="coerce").astype("Int64")
    rows = rows[COLUMNS].reset_index(drop=True)
    # Sorted by indicator first, each one's rows are a run: slices share the frame (copied on write).
    codes = rows["code"].to_numpy()
    bounds = [*np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]), len(rows)]
    return {
        str(codes[start]): rows.iloc[start:stop].reset_index(drop=True)
        for start, stop in itertools.pairwise(bounds)
    }


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
