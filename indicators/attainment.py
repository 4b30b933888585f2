"""Percent of target attained, as the report computes it, beside the percentage it prints."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from indicators.fmt import printed_decimals, round_half_up
from indicators.model import TARGETS, Comparator, Dataset, Direction, ObsKind, Status, coerce

KEY = ["code", "area", "year"]
# Within this many points of 100 % a figure is "đạt": the report prints 100 % for those.
MET_TOLERANCE = 0.5

COLUMNS = [
    "code",
    "name",
    "unit",
    "area",
    "year",
    "term",
    "target_kind",
    "comparator",
    "actual",
    "target",
    "target_derived",
    "attainment_pct",
    "reported_pct",
    "difference_pts",
    "differs",
    "status",
    "status_basis",
    "actual_quote",
    "target_quote",
    "reported_quote",
]


def levels(observations: pd.DataFrame) -> pd.DataFrame:
    """One level per indicator, area and year: the final figure where there is one, else the estimate."""
    rank = {ObsKind.ACTUAL.value: 0, ObsKind.ESTIMATE.value: 1}
    obs = observations[observations["kind"].isin(rank)]
    obs = obs.assign(_rank=obs["kind"].map(rank)).sort_values("_rank", kind="stable")
    obs = obs.drop_duplicates(KEY, keep="first")
    return obs[[*KEY, "value", "kind", "qualifier", "quote"]].rename(
        columns={"value": "actual", "kind": "actual_kind", "quote": "actual_quote"}
    )


def _term_start(term: pd.Series, year: pd.Series) -> pd.Series:
    """First year of a term written "2015-2020"; a single-year term starts a year before."""
    start = pd.to_numeric(term.astype(str).str.extract(r"^\s*(\d{4})\s*[-–]")[0], errors="coerce")
    return start.fillna(year - 1).astype("int64")


def _reductions(observations: pd.DataFrame) -> pd.DataFrame:
    """Stated average reductions a year ("giảm bình quân 4,5%/năm"), as positive numbers."""
    per_year = observations[observations["kind"] == ObsKind.CHANGE_PER_YEAR.value]
    per_year = per_year.drop_duplicates(KEY, keep="first")
    return pd.DataFrame(
        {
            "code": per_year["code"],
            "area": per_year["area"],
            "year": per_year["year"],
            "stated_reduction": -per_year["value"],
            "reduction_quote": per_year["quote"],
        }
    )


def _derive_targets(
    reported: pd.DataFrame, targets: pd.DataFrame, actuals: pd.DataFrame, directions: pd.Series
) -> pd.DataFrame:
    """Targets the report implies but does not state: actual ÷ printed %, marked derived."""
    tkey = [*KEY, "target_kind"]
    stated = targets[tkey].drop_duplicates()
    missing = reported.merge(stated, on=tkey, how="left", indicator=True)
    missing = missing[missing["_merge"] == "left_only"].drop(columns="_merge")
    missing = missing.merge(actuals, on=KEY, how="inner")
    if missing.empty:
        return targets.iloc[0:0].assign(derived=pd.Series(dtype=bool))
    lower = missing["code"].map(directions).eq(Direction.LOWER.value)
    has_reduction = missing["stated_reduction"].notna()
    comparator = np.where(
        lower & has_reduction,
        Comparator.REDUCE_BY.value,
        np.where(lower, Comparator.AT_MOST.value, Comparator.AT_LEAST.value),
    )
    share = missing["reported_pct"] / 100.0
    value = np.where(
        comparator == Comparator.REDUCE_BY.value,
        missing["stated_reduction"] / share,
        np.where(
            comparator == Comparator.AT_MOST.value,
            missing["actual"] * share,
            missing["actual"] / share,
        ),
    )
    years = missing["year"]
    multi_year = missing["target_kind"].isin(["NQ", "DA"])
    term = np.where(multi_year, (years - 5).astype(str) + "-" + years.astype(str), years.astype(str))
    derived = pd.DataFrame(
        {
            "code": missing["code"],
            "area": missing["area"],
            "year": years,
            "term": term,
            "target_kind": missing["target_kind"],
            "comparator": comparator,
            "value": value,
            "section": missing["section"],
            "quote": missing["quote"],
            "derived": True,
        }
    )
    return derived[derived["value"].notna() & np.isfinite(derived["value"])]


def derive_targets(data: Dataset) -> Dataset:
    """The dataset with the targets the report implies added, marked derived.

    Done once, when the data is built, so a derived target is a fixed fact of the
    resolution: a later correction of the actual is then measured against it.
    """
    actuals = levels(data.observations).merge(_reductions(data.observations), on=KEY, how="outer")
    directions = data.indicators.set_index("code")["direction"]
    derived = _derive_targets(data.reported, data.targets, actuals, directions)
    if derived.empty:
        return data
    targets = pd.concat([data.targets, derived[data.targets.columns]], ignore_index=True)
    return replace(data, targets=coerce(TARGETS, targets))


def _status_from_pct(pct: pd.Series) -> pd.Series:
    return pd.Series(
        np.select(
            [pct > 100 + MET_TOLERANCE, pct >= 100 - MET_TOLERANCE, pct.notna()],
            [Status.EXCEEDED.value, Status.MET.value, Status.NOT_MET.value],
            default=Status.NO_DATA.value,
        ),
        index=pct.index,
    )


def _reported_rounding(computed: pd.Series, reported: pd.Series) -> pd.Series:
    """The computed % rounded the way the report printed its own figure."""
    out = pd.Series(np.nan, index=computed.index, dtype="float64")
    both = computed.notna() & reported.notna()
    # Few rows carry a printed %, so a plain loop over them is cheap and exact.
    for i in both[both].index:
        out.at[i] = round_half_up(computed.at[i], printed_decimals(reported.at[i]))
    return out


def compute(data: Dataset, area: str | None = None) -> pd.DataFrame:
    """One row per indicator × area × year × target: actual, target, % attained, status."""
    targets = data.targets
    if area is not None:
        targets = targets[targets["area"] == area]
    tkey = [*KEY, "target_kind"]
    rows = targets.merge(levels(data.observations), on=KEY, how="left")

    # "Reduce by N a year": the achieved reduction is the stated average, or the
    # fall between the term's first and last year where both levels exist.
    reduce = rows["comparator"] == Comparator.REDUCE_BY.value
    if reduce.any():
        rows = rows.merge(_reductions(data.observations), on=KEY, how="left")
        start = _term_start(rows["term"], rows["year"])
        base = levels(data.observations)[[*KEY, "actual"]].rename(
            columns={"year": "start", "actual": "start_level"}
        )
        rows = rows.assign(start=start).merge(base, on=["code", "area", "start"], how="left")
        from_levels = (rows["start_level"] - rows["actual"]) / (rows["year"] - rows["start"])
        achieved = rows["stated_reduction"].fillna(from_levels)
        rows["actual"] = np.where(reduce, achieved, rows["actual"])
        rows["actual_quote"] = np.where(
            reduce & rows["stated_reduction"].notna(), rows["reduction_quote"], rows["actual_quote"]
        )

    actual, target = rows["actual"], rows["value"]
    comparator = rows["comparator"]
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(
            comparator == Comparator.AT_MOST.value, target / actual * 100.0, actual / target * 100.0
        )
    pct = pd.Series(pct, index=rows.index).replace([np.inf, -np.inf], np.nan)
    status = _status_from_pct(pct)
    # A target of zero (or an actual of zero under a ceiling) has no ratio, but it is met or not.
    zero = pct.isna() & actual.notna() & target.notna()
    met_zero = np.where(comparator == Comparator.AT_MOST.value, actual <= target, actual >= target)
    exceeded_zero = np.where(comparator == Comparator.AT_MOST.value, actual < target, actual > target)
    status = status.mask(
        zero,
        np.where(
            exceeded_zero,
            Status.EXCEEDED.value,
            np.where(met_zero, Status.MET.value, Status.NOT_MET.value),
        ),
    )

    reported = data.reported.rename(columns={"quote": "reported_quote"})[
        [*tkey, "reported_pct", "reported_quote"]
    ]
    rows = rows.assign(attainment_pct=pct, status=status).merge(reported, on=tkey, how="left")
    # Rows the report judges with a % but gives no figure for (tuyển quân "đạt 100%
    # chỉ tiêu"): kept, with the report's own % and status, so nothing it says is dropped.
    orphans = data.reported.merge(rows[tkey], on=tkey, how="left", indicator=True)
    orphans = orphans[orphans["_merge"] == "left_only"]
    if area is not None:
        orphans = orphans[orphans["area"] == area]
    if not orphans.empty:
        extra = orphans.rename(columns={"quote": "reported_quote"})[[*tkey, "reported_pct", "reported_quote"]]
        rows = pd.concat([rows, extra], ignore_index=True)

    rows["attainment_pct"] = rows["attainment_pct"].astype("float64")
    rows["reported_pct"] = rows["reported_pct"].astype("float64")
    rounded = _reported_rounding(rows["attainment_pct"], rows["reported_pct"])
    rows["difference_pts"] = rounded - rows["reported_pct"]
    rows["differs"] = rows["difference_pts"].fillna(0).abs() > 1e-9
    basis = np.where(
        rows["attainment_pct"].notna()
        | rows["status"].isin([Status.EXCEEDED.value, Status.MET.value, Status.NOT_MET.value]),
        "computed",
        np.where(rows["reported_pct"].notna(), "reported", "none"),
    )
    from_report = _status_from_pct(rows["reported_pct"])
    rows["status"] = np.where(basis == "reported", from_report, rows["status"].fillna(Status.NO_DATA.value))
    rows["status_basis"] = basis
    rows["target_derived"] = rows["derived"].astype("boolean").fillna(False).astype(bool)
    rows = rows.rename(columns={"value": "target", "quote": "target_quote"})
    names = data.indicators.set_index("code")
    rows["name"] = rows["code"].map(names["name_vi"])
    rows["unit"] = rows["code"].map(names["unit"])
    for column in ("term", "comparator", "actual_quote", "target_quote", "reported_quote", "name", "unit"):
        rows[column] = rows[column].fillna("").astype(str)
    rows = rows.sort_values(["code", "area", "year", "target_kind"], kind="stable")
    return rows[COLUMNS].reset_index(drop=True)
