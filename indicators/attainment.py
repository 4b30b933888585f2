"""Percent of target attained, as the report computes it, beside the percentage it prints."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from indicators.fmt import printed_decimals, round_half_up
from indicators.lookup import Levels, levels_of, take_labels, term_start
from indicators.lookup import positions as _positions
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
    return Levels(observations).frame()


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


_STATUSES = [Status.EXCEEDED.value, Status.MET.value, Status.NOT_MET.value, Status.NO_DATA.value]
_BASES = ["computed", "reported", "none"]


def _status_codes(pct: np.ndarray) -> np.ndarray:
    """Index into _STATUSES for each %: vượt above 100,5, đạt within rounding of 100, else không đạt."""
    return np.select(
        [pct > 100 + MET_TOLERANCE, pct >= 100 - MET_TOLERANCE, ~np.isnan(pct)], [0, 1, 2], default=3
    )


def _printed_rounding(computed: np.ndarray, reported: np.ndarray) -> np.ndarray:
    """The computed % rounded the way the report printed its own figure."""
    out = np.full(len(computed), np.nan)
    # Few rows carry a printed %, so a plain loop over them is cheap and exact.
    for i in np.flatnonzero(~np.isnan(computed) & ~np.isnan(reported)):
        out[i] = round_half_up(computed[i], printed_decimals(reported[i]))
    return out


def _with_reported_only(targets: pd.DataFrame, reported: pd.DataFrame) -> pd.DataFrame:
    """The targets plus an empty target row for each % the report prints without one.

    Tuyển quân "đạt 100% chỉ tiêu" has no figure to compute from; it is kept with the
    report's own % and status, so nothing the report says is dropped.
    """
    if reported.empty:
        return targets
    tkey = [*KEY, "target_kind"]
    candidates = targets.loc[targets["code"].isin(reported["code"].unique()), tkey]
    found = reported[tkey].merge(candidates.drop_duplicates(), on=tkey, how="left", indicator=True)
    orphans = found.loc[found["_merge"] == "left_only", tkey]
    if orphans.empty:
        return targets
    extra = orphans.assign(term="", comparator="", value=np.nan, derived=False, section="", quote="")
    merged = pd.concat([targets, extra[targets.columns]], ignore_index=True)
    return merged.sort_values(tkey, kind="stable", ignore_index=True)


def _attach_reported(targets: pd.DataFrame, reported: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The printed % and its quote for each target row, NaN and "" where the report prints none."""
    pct = np.full(len(targets), np.nan)
    quote = np.full(len(targets), "", dtype=object)
    if reported.empty or targets.empty:
        return pct, quote
    tkey = [*KEY, "target_kind"]
    # Only rows whose indicator has a printed % can match: a cheap filter before the merge.
    candidates = targets.loc[targets["code"].isin(reported["code"].unique()), tkey]
    matched = candidates.reset_index(names="_row").merge(reported, on=tkey, how="inner")
    rows = matched["_row"].to_numpy()
    pct[rows] = matched["reported_pct"].to_numpy(dtype="float64")
    quote[rows] = matched["quote"].to_numpy(dtype=object)
    return pct, quote


def _achieved_reductions(
    data: Dataset, lv: Levels, targets: pd.DataFrame, actual: np.ndarray, actual_quote: pd.Series
) -> tuple[np.ndarray, pd.Series]:
    """For "reduce by N a year" targets, the achieved yearly reduction replaces the level.

    It is the report's stated average where there is one, else the fall between the term's
    first and last year where both levels exist; the quote follows what was used.
    """
    year = targets["year"].to_numpy(dtype="int64")
    reduce = targets["comparator"].eq(Comparator.REDUCE_BY.value).to_numpy(dtype=bool, na_value=False)
    if not reduce.any():
        return actual, actual_quote
    subset = targets.loc[reduce, KEY].reset_index(drop=True)
    stated = subset.merge(_reductions(data.observations), on=KEY, how="left")
    start = term_start(targets.loc[reduce, "term"], year[reduce])
    start_level = lv.value_at(lv.locate(subset["code"], subset["area"], start))
    with np.errstate(divide="ignore", invalid="ignore"):
        from_levels = (start_level - actual[reduce]) / (year[reduce] - start)
    has_stated = stated["stated_reduction"].notna().to_numpy()
    actual = actual.copy()
    actual[reduce] = np.where(has_stated, stated["stated_reduction"].to_numpy(dtype="float64"), from_levels)
    quotes = actual_quote.to_numpy(dtype=object).copy()
    quotes[reduce] = np.where(has_stated, stated["reduction_quote"].to_numpy(dtype=object), quotes[reduce])
    return actual, pd.Series(quotes, dtype="str")


def _judge(actual: np.ndarray, target: np.ndarray, ceiling: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """% of target attained and the status index (into _STATUSES) of each row."""
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(ceiling, target / actual * 100.0, actual / target * 100.0)
    pct[~np.isfinite(pct)] = np.nan
    status = _status_codes(pct)
    # A target of zero (or an actual of zero under a ceiling) has no ratio, but it is met or not.
    zero = np.isnan(pct) & ~np.isnan(actual) & ~np.isnan(target)
    if zero.any():
        met = np.where(ceiling, actual <= target, actual >= target)
        beyond = np.where(ceiling, actual < target, actual > target)
        status = np.where(zero, np.where(beyond, 0, np.where(met, 1, 2)), status)
    return pct, status


def compute(data: Dataset, area: str | None = None) -> pd.DataFrame:
    """One row per indicator × area × year × target: actual, target, % attained, status.

    Rows come in the order of the targets table (the store returns it in key order).
    """
    # Load inputs.
    lv = levels_of(data)
    targets = data.targets if area is None else data.targets[data.targets["area"] == area]
    reported = data.reported if area is None else data.reported[data.reported["area"] == area]
    targets = _with_reported_only(targets.reset_index(drop=True), reported)
    year = targets["year"].to_numpy(dtype="int64")
    position = lv.locate(targets["code"], targets["area"], year)

    # Process data.
    actual, actual_quote = _achieved_reductions(
        data, lv, targets, lv.value_at(position), lv.column_at(position, "quote")
    )
    target = targets["value"].to_numpy(dtype="float64")
    ceiling = targets["comparator"].eq(Comparator.AT_MOST.value).to_numpy(dtype=bool, na_value=False)
    pct, status = _judge(actual, target, ceiling)
    printed, reported_quote = _attach_reported(targets, reported)
    difference = _printed_rounding(pct, printed) - printed
    # Where nothing can be computed, the report's own % is the only judgement there is.
    basis = np.where(status != 3, 0, np.where(~np.isnan(printed), 1, 2))
    status = np.where(basis == 1, _status_codes(printed), status)

    # Save outputs.
    catalogue = data.indicators.set_index("code")
    where = _positions(targets["code"], catalogue.index)
    return pd.DataFrame(
        {
            "code": targets["code"],
            "name": take_labels(catalogue["name_vi"], where),
            "unit": take_labels(catalogue["unit"], where),
            "area": targets["area"],
            "year": year,
            "term": targets["term"],
            "target_kind": targets["target_kind"],
            "comparator": targets["comparator"],
            "actual": actual,
            "target": target,
            "target_derived": targets["derived"].to_numpy(dtype=bool),
            "attainment_pct": pct,
            "reported_pct": printed,
            "difference_pts": difference,
            "differs": np.nan_to_num(np.abs(difference)) > 1e-9,
            # Categoricals: a few words repeated over many rows, without a string per row.
            "status": pd.Categorical.from_codes(status, _STATUSES),
            "status_basis": pd.Categorical.from_codes(basis, _BASES),
            "actual_quote": actual_quote,
            "target_quote": targets["quote"],
            "reported_quote": reported_quote,
        }
    )[COLUMNS]
