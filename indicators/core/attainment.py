"""Percent of target attained, as the report computes it, beside the percentage it prints."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from indicators.core.lookup import Levels, levels_of, matches, take_labels, term_start
from indicators.core.lookup import positions as _positions
from indicators.core.model import (
    ESTIMATE_KINDS,
    TARGETS,
    AttainmentBasis,
    Comparator,
    Dataset,
    Direction,
    ObsKind,
    Status,
    TargetBasis,
    TargetKind,
    coerce,
)
from indicators.text.fmt import printed_decimals, round_half_up

KEY = ["code", "area", "year"]
SOURCE = "_source"  # a working column: the position of the target row a judged row comes from
# The one rule for "đạt", the same for a floor and a ceiling: the % rounded to two decimals, as the
# source report prints its own (118,08 %), is exactly 100. The report says "đạt" only where it prints
# 100 %, and a floor ("đạt 43%") or a ceiling ("dưới 13,3‰") is a line a figure is on or not: 42,8
# against 43 (99,53 %) is no more met than 13,4 against a ceiling of 13,3 (99,25 %). Shown to readers
# as the words "phrase.met_rule". A target's qualifier leaves the verdict alone: the report's rule for a
# ceiling ("dưới 27,6%") is met at actual ≤ target, and it gives none of its own for "trên X", so
# exactly X against "trên X" is đạt, as against X.
MET_TOLERANCE = 0.005

COLUMNS = [
    "code",
    "unit",
    # "" where actual and target are levels in `unit`; where they are a change a year (a cut of a
    # rate), its code: pp_per_year (points of a %), pm_points_per_year (of a ‰), unit_per_year.
    "change_unit",
    "area",
    "year",
    "term",
    "target_kind",
    "comparator",
    "actual",
    "target",
    # The source's word before the target's number ("tren": "trên 45 triệu"), "" where it has none.
    "target_qualifier",
    "target_derived",
    "target_basis",
    "yearly",
    "actual_kind",
    "attainment_pct",
    "attainment_basis",
    "computed_pct",
    "reported_pct",
    "difference_pts",
    "checks_report",
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
    """Stated average reductions a year ("giảm bình quân 4,5%/năm"), as positive numbers.

    The official figure supersedes the estimate for the same indicator, area and year.
    """
    kinds = [ObsKind.CHANGE_PER_YEAR.value, ObsKind.CHANGE_PER_YEAR_ESTIMATE.value]
    per_year = observations[observations["kind"].isin(kinds)]
    official_first = per_year["kind"].map({kinds[0]: 0, kinds[1]: 1})
    per_year = per_year.assign(_order=official_first).sort_values("_order", kind="stable")
    per_year = per_year.drop_duplicates(KEY, keep="first")
    return pd.DataFrame(
        {
            "code": per_year["code"],
            "area": per_year["area"],
            "year": per_year["year"],
            "stated_reduction": -per_year["value"],
            "reduction_quote": per_year["quote"],
            "reduction_kind": np.where(per_year["_order"] == 1, "estimate", "official"),
        }
    )


def stated_changes(observations: pd.DataFrame, per_year: bool = False) -> pd.DataFrame:
    """Changes the report states (official before estimate for the same key), with their kind."""
    official = ObsKind.CHANGE_PER_YEAR if per_year else ObsKind.CHANGE
    estimate = ObsKind.CHANGE_PER_YEAR_ESTIMATE if per_year else ObsKind.CHANGE_ESTIMATE
    found = observations[observations["kind"].isin([official.value, estimate.value])]
    found = found.assign(_order=found["kind"].eq(estimate.value).astype(int))
    found = found.sort_values("_order", kind="stable")
    found = found.drop_duplicates([*KEY, "base_year"], keep="first")
    return found.assign(change_kind=actual_kind(found["kind"])).drop(columns="_order")


def actual_kind(kinds: pd.Series) -> np.ndarray:
    """estimate | official for observation kinds, "" where there is no figure."""
    kind = kinds.fillna("").astype(str)
    return np.where(kind.isin(ESTIMATE_KINDS), "estimate", np.where(kind != "", "official", ""))


CHANGE_UNITS = ["", "pp_per_year", "pm_points_per_year", "unit_per_year"]


def change_code(unit: str, per_year: bool = True) -> str:
    """The code of a change's unit: a rate moves in points (pp, pm_points), a level in its own unit.

    Codes, not words: the text layer (indicators/phrase.py) puts them into words in either language.
    """
    base = {"%": "pp", "‰": "pm_points"}.get(unit, "unit")
    return f"{base}_per_year" if per_year else base


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
    # A resolution's term is the five years ending in the year; a programme's (Đề án) term is not
    # printed in the report, so none is invented.
    resolution = missing["target_kind"].eq(TargetKind.RESOLUTION.value)
    programme = missing["target_kind"].eq(TargetKind.PROGRAMME.value)
    term = np.where(
        resolution,
        (years - 5).astype(str) + "-" + years.astype(str),
        np.where(programme, "", years.astype(str)),
    )
    derived = pd.DataFrame(
        {
            "code": missing["code"],
            "area": missing["area"],
            "year": years,
            "term": term,
            "target_kind": missing["target_kind"],
            "comparator": comparator,
            "value": value,
            # Worked back from a %, an implied target has no word of the source's before it.
            "qualifier": "",
            "section": missing["section"],
            "quote": missing["quote"],
            "derived": True,
            "yearly": False,
            # The flag above says it; words are the text layer's (phrase: "suy ra từ tỷ lệ % đã công bố").
            "note": "",
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


_STATUSES = [
    Status.EXCEEDED.value,
    Status.MET.value,
    Status.NOT_MET.value,
    Status.NO_DATA.value,
    Status.NOT_JUDGED.value,
]
_BASES = ["computed", "reported", "none"]


def _status_codes(pct: np.ndarray) -> np.ndarray:
    """Index into _STATUSES for each %: vượt above 100, đạt at 100 within MET_TOLERANCE, else không đạt."""
    return np.select(
        [pct >= 100 + MET_TOLERANCE, pct >= 100 - MET_TOLERANCE, ~np.isnan(pct)], [0, 1, 2], default=3
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
    orphans = reported.loc[matches(reported, candidates, tkey) < 0, tkey].reset_index(drop=True)
    if orphans.empty:
        return targets
    extra = orphans.assign(
        term="",
        comparator="",
        value=np.nan,
        qualifier="",
        derived=False,
        yearly=False,
        section="",
        quote="",
        note="",
    )
    # A row the report alone speaks of judges no target row: its SOURCE (where carried) is −1.
    extra = extra.reindex(columns=targets.columns, fill_value=-1)
    merged = pd.concat([targets, extra], ignore_index=True)
    return merged.sort_values(tkey, kind="stable", ignore_index=True)


def _attach_reported(targets: pd.DataFrame, reported: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
    """The printed % and its quote for each target row, NaN and "" where the report prints none."""
    pct = np.full(len(targets), np.nan)
    # Each row's quote as a pick among "" and the matched quotes: one take, no Python string per row.
    pick = np.zeros(len(targets), dtype="int64")
    quotes = pd.Series([""], dtype="str")
    if not (reported.empty or targets.empty):
        tkey = [*KEY, "target_kind"]
        # Only rows whose indicator has a printed % can match: a cheap filter before the merge.
        candidates = targets.loc[targets["code"].isin(reported["code"].unique()), tkey]
        at = matches(candidates, reported, tkey)
        hit = at >= 0
        # The targets' labels are their positions (compute_with_sources numbers them afresh).
        rows = candidates.index.to_numpy()[hit]
        pct[rows] = reported["reported_pct"].to_numpy(dtype="float64")[at[hit]]
        pick[rows] = np.arange(1, len(rows) + 1)
        quotes = pd.concat([quotes, reported["quote"].astype("str").take(at[hit])], ignore_index=True)
    return pct, quotes.take(pick).reset_index(drop=True)


def _expand_yearly(targets: pd.DataFrame, lv: Levels) -> pd.DataFrame:
    """A "Hàng năm" target as one row for each year of its term that has a figure, and its last year.

    "Hàng năm có trên 90% …" binds 2021 as much as 2025; a row per year lets each be judged.
    """
    yearly = targets["yearly"].to_numpy(dtype=bool)
    if not yearly.any():
        return targets
    rows = targets[yearly]
    # Each yearly row's earlier years (after its term's first), looked up together in one pass.
    first = term_start(rows["term"], rows["year"]) + 1
    spans = np.maximum(rows["year"].to_numpy(dtype="int64") - first, 0)
    which = np.repeat(np.arange(len(rows)), spans)
    years = first[which] + (np.arange(len(which)) - np.repeat(np.cumsum(spans) - spans, spans))
    pairs = lv.pairs(rows["code"], rows["area"])[which]
    held = ~np.isnan(lv.value_at(lv.locate_pairs(pairs, years)))
    if not held.any():
        return targets
    extra = rows.iloc[which[held]].assign(year=years[held])
    merged = pd.concat([targets, extra], ignore_index=True)
    return merged.sort_values([*KEY, "target_kind"], kind="stable", ignore_index=True)


def _judge(
    actual: np.ndarray, target: np.ndarray, comparator: pd.Series, not_judged: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The % attained and the index into _STATUSES for each row, by its comparator."""
    ceiling = comparator.eq(Comparator.AT_MOST.value).to_numpy(dtype=bool, na_value=False)
    yes_no = comparator.eq(Comparator.YES.value).to_numpy(dtype=bool, na_value=False)
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(ceiling, target / actual * 100.0, actual / target * 100.0)
    pct[~np.isfinite(pct) | yes_no | not_judged] = np.nan
    status = _status_codes(pct)
    # A target of zero (or an actual of zero under a ceiling) has no ratio, but it is met or not;
    # a yes/no goal is met or not, never a percentage.
    whole = np.isnan(pct) & ~np.isnan(actual) & ~np.isnan(target) & ~not_judged
    if whole.any():
        met = np.where(ceiling, actual <= target, actual >= target)
        beyond = np.where(ceiling | yes_no, False, np.where(ceiling, actual < target, actual > target))
        status = np.where(whole, np.where(beyond, 0, np.where(met, 1, 2)), status)
    status = np.where(not_judged, 4, status)
    return pct, status


def _stated_reductions(subset: pd.DataFrame, reductions: pd.DataFrame) -> pd.DataFrame:
    """Each row's stated reduction a year (_reductions' columns), a row of NaN where none is stated."""
    return reductions.reset_index(drop=True).reindex(matches(subset, reductions, KEY))


def _achieved_reductions(
    data: Dataset,
    lv: Levels,
    targets: pd.DataFrame,
    actual: np.ndarray,
    actual_quote: pd.Series,
    kinds: np.ndarray,
    units: pd.Categorical,
) -> tuple[np.ndarray, pd.Series, np.ndarray, pd.Categorical]:
    """For "reduce by N a year" targets: the achieved yearly fall replaces the level.

    It is the stated average, or the fall between the term's first and last year where both
    levels exist; its quote and its kind (estimate or official) follow, and its change unit's code.
    """
    year = targets["year"].to_numpy(dtype="int64")
    comparator = targets["comparator"]
    # "Reduce by N a year": the achieved reduction is the stated average, or the
    # fall between the term's first and last year where both levels exist.
    reduce = comparator.eq(Comparator.REDUCE_BY.value).to_numpy(dtype=bool, na_value=False)
    codes = np.zeros(len(targets), dtype="int8")  # CHANGE_UNITS[0] = "": a level, not a change
    if reduce.any():
        subset = targets.loc[reduce, KEY].reset_index(drop=True)
        stated = _stated_reductions(subset, _reductions(data.observations))
        start = term_start(targets.loc[reduce, "term"], year[reduce])
        start_position = lv.locate(subset["code"], subset["area"], start)
        start_level = lv.value_at(start_position)
        with np.errstate(divide="ignore", invalid="ignore"):
            from_levels = (start_level - actual[reduce]) / (year[reduce] - start)
        has_stated = stated["stated_reduction"].notna().to_numpy()
        actual[reduce] = np.where(
            has_stated, stated["stated_reduction"].to_numpy(dtype="float64"), from_levels
        )
        quotes = actual_quote.to_numpy(dtype=object)
        quotes[reduce] = np.where(
            has_stated, stated["reduction_quote"].to_numpy(dtype=object), quotes[reduce]
        )
        actual_quote = pd.Series(quotes, dtype="str")
        # A fall between two levels is an estimate when either level is.
        start_kind = lv.kind_at(start_position)
        either = (kinds[reduce] == "estimate") | (start_kind == "estimate")
        from_kind = np.where(either, "estimate", "official")
        from_kind = np.where(np.isnan(from_levels), "", from_kind)
        kinds[reduce] = np.where(has_stated, stated["reduction_kind"].to_numpy(dtype=object), from_kind)
        # The actual and target of these rows are falls a year: points of a rate, not the rate.
        position = {code: i for i, code in enumerate(CHANGE_UNITS)}
        codes[reduce] = [position[change_code(str(u))] for u in np.asarray(units, dtype=object)[reduce]]
    return actual, actual_quote, kinds, pd.Categorical.from_codes(codes, CHANGE_UNITS)


TARGET_BASES = [b.value for b in TargetBasis]
ATTAINMENT_BASES = [b.value for b in AttainmentBasis]
_TB = {b: TARGET_BASES.index(b.value) for b in TargetBasis}
_AB = {b: ATTAINMENT_BASES.index(b.value) for b in AttainmentBasis}
KINDS = ["estimate", "official", ""]  # the categories of actual_kind


def _in_word_order(units: pd.Categorical) -> pd.Categorical:
    """The categorical pd.Categorical(words) would make (the words used, sorted), from the few categories."""
    used = units.remove_unused_categories()
    return used.reorder_categories(sorted(used.categories))


def _kind_codes(kinds: np.ndarray) -> np.ndarray:
    """actual_kind's words as codes into KINDS, by two comparisons instead of hashing every word."""
    return np.where(kinds == "estimate", 0, np.where(kinds == "official", 1, 2))


@dataclass(frozen=True)
class _Judgement:
    """Each row's % as shown, where it comes from, its gap to the report, and its status."""

    pct: np.ndarray
    difference: np.ndarray
    checks_report: np.ndarray
    target_basis: np.ndarray
    attainment_basis: np.ndarray
    basis: np.ndarray
    status: np.ndarray


def _judgement(
    target: np.ndarray,
    implied: np.ndarray,
    computed: np.ndarray,
    printed: np.ndarray,
    status: np.ndarray,
    not_judged: np.ndarray,
) -> _Judgement:
    """The computed % set beside the printed one: which is shown, on what basis, with what status."""
    has_target = ~np.isnan(target)
    # Bases as codes into TARGET_BASES and ATTAINMENT_BASES: a few words over many rows.
    stated_or_implied = np.where(implied, _TB[TargetBasis.IMPLIED], _TB[TargetBasis.STATED])
    target_basis = np.where(~has_target, _TB[TargetBasis.NONE], stated_or_implied)
    # An implied target was worked back from the printed %, so while the actual is the one it was
    # worked from, the computed % is the printed one by construction: the % is the printed one.
    unchanged = implied & np.isclose(computed, printed, rtol=1e-9, atol=0.0)
    pct = np.where(unchanged, printed, computed)
    # Only a stated target checks the report's arithmetic; an implied one agrees by construction
    # until its actual is corrected, and then the gap is a change since the report, shown as such.
    difference = np.where(unchanged, np.nan, _printed_rounding(computed, printed) - printed)
    checks_report = ~implied & has_target & ~np.isnan(printed) & ~np.isnan(computed)
    # Where nothing can be computed, the report's own % is the only judgement there is.
    basis = np.where(status != 3, 0, np.where(~np.isnan(printed), 1, 2))
    basis = np.where(not_judged, 2, basis)
    status = np.where(basis == 1, _status_codes(printed), status)
    attainment_basis = np.where(
        unchanged | ((basis == 1) & np.isnan(computed)),
        _AB[AttainmentBasis.PRINTED],
        np.where(np.isnan(computed), _AB[AttainmentBasis.NONE], _AB[AttainmentBasis.COMPUTED]),
    )
    pct = np.where((basis == 1) & np.isnan(computed), printed, pct)
    return _Judgement(pct, difference, checks_report, target_basis, attainment_basis, basis, status)


def compute(data: Dataset, area: str | None = None) -> pd.DataFrame:
    """One row per indicator × area × year × target: actual, target, % attained, status.

    Rows come in the order of the targets table (the store returns it in key order). Each row says
    where its target comes from (stated, implied, none), whether its actual is an estimate or
    official, and whether its % is computed or the report's own.
    """
    judged, source = compute_with_sources(data, area)
    if area is None:
        # Progress judges the goals' own target rows again for its verdicts; the rows over all
        # targets are kept with the dataset (as its levels are) so it reads them instead.
        object.__setattr__(data, "_verdicts", Verdicts.of(judged, source))
    return judged


@dataclass(frozen=True)
class Verdicts:
    """Of each judged row: the target row it judges (compute_with_sources), its year, status, % and kind.

    Copies, not views: a caller may change the frame compute returned.
    """

    source: np.ndarray
    year: np.ndarray
    status: pd.Categorical
    pct: np.ndarray
    kind: pd.Categorical

    @classmethod
    def of(cls, judged: pd.DataFrame, source: np.ndarray) -> Verdicts:
        """The columns progress reads, taken out of compute's rows."""
        return cls(
            source.copy(),
            judged["year"].to_numpy(dtype="int64", copy=True),
            pd.Categorical(judged["status"]).copy(),
            judged["attainment_pct"].to_numpy(dtype="float64", copy=True),
            pd.Categorical(judged["actual_kind"]).copy(),
        )


def kept_verdicts(data: Dataset, area: str | None = None) -> Verdicts | None:
    """The verdicts of compute(data) over all targets (or `area`'s), if it has run on this very dataset.

    An area's rows count its own targets; their positions are turned into positions among all targets.
    """
    whole: Verdicts | None = getattr(data, "_verdicts", None)
    kept = getattr(data, "_judged", {}).get(area) if area is not None else None
    if whole is not None or kept is None:
        return whole
    judged, source = kept
    rows = np.flatnonzero(data.targets["area"].eq(area).to_numpy(dtype=bool, na_value=False))
    return Verdicts.of(judged, np.where(source >= 0, rows[np.maximum(source, 0)], -1))


def compute_with_sources(data: Dataset, area: str | None = None) -> tuple[pd.DataFrame, np.ndarray]:
    """compute's rows, and for each the position of the target row it judges (−1: the report's % alone).

    Positions count the targets of `area` (all targets where None). A "Hàng năm" target's rows for
    earlier years share its position; their year tells them apart. Progress matches its goals to
    their verdicts by these numbers instead of by their words.
    """
    kept: dict[str | None, tuple[pd.DataFrame, np.ndarray]] | None = getattr(data, "_judged", None)
    if kept is None:
        kept = {}
        # Datasets are frozen; like their levels, the rows judged per area are kept around that: a
        # report judges its area's targets for its results, its tally and its chart, in each language.
        object.__setattr__(data, "_judged", kept)
    if area not in kept:
        kept[area] = _judged_with_sources(data, area)
    judged, source = kept[area]
    # Copies: a caller may change the rows it is handed (a report flags its pending figures).
    return judged.copy(), source.copy()


def _judged_with_sources(data: Dataset, area: str | None) -> tuple[pd.DataFrame, np.ndarray]:
    """compute_with_sources' rows and positions, judged afresh."""
    lv = levels_of(data)
    targets = data.targets if area is None else data.targets[data.targets["area"] == area]
    reported = data.reported if area is None else data.reported[data.reported["area"] == area]
    targets = targets.reset_index(drop=True)
    targets = targets.assign(**{SOURCE: np.arange(len(targets), dtype="int64")})
    targets = _with_reported_only(targets, reported)
    targets = _expand_yearly(targets, lv)
    return _rows(data, lv, targets, reported), targets[SOURCE].to_numpy(dtype="int64")


def _not_judged(catalogue: pd.DataFrame, where: np.ndarray, comparator: pd.Series) -> np.ndarray:
    """No better direction (a consolidation, a structure share) or the rest of a whole: no status."""
    neutral = np.zeros(len(comparator), dtype=bool)
    direction = catalogue["direction"].eq(Direction.NEUTRAL.value).to_numpy(dtype=bool)
    if len(direction):
        neutral = np.where(where >= 0, direction[np.maximum(where, 0)], False)
    return neutral | comparator.eq(Comparator.REMAINDER.value).to_numpy(dtype=bool, na_value=False)


def _rows(data: Dataset, lv: Levels, targets: pd.DataFrame, reported: pd.DataFrame) -> pd.DataFrame:
    """The judged rows of the (expanded) targets, in their order."""
    year = targets["year"].to_numpy(dtype="int64")
    position = lv.locate(targets["code"], targets["area"], year)
    actual = lv.value_at(position)
    actual_quote = lv.column_at(position, "quote")
    kinds = lv.kind_at(position)
    comparator = targets["comparator"]
    target = targets["value"].to_numpy(dtype="float64")
    catalogue = data.indicators.set_index("code")
    where = _positions(targets["code"], catalogue.index)
    unit = take_labels(catalogue["unit"], where)

    actual, actual_quote, kinds, change = _achieved_reductions(
        data, lv, targets, actual, actual_quote, kinds, unit
    )

    not_judged = _not_judged(catalogue, where, comparator)
    computed, status = _judge(actual, target, comparator, not_judged)

    printed, reported_quote = _attach_reported(targets, reported)
    implied = targets["derived"].to_numpy(dtype=bool)
    j = _judgement(target, implied, computed, printed, status, not_judged)

    return pd.DataFrame(
        {
            "code": targets["code"],
            "unit": _in_word_order(unit),
            "change_unit": change,
            "area": targets["area"],
            "year": year,
            "term": targets["term"],
            "target_kind": targets["target_kind"],
            "comparator": targets["comparator"],
            "actual": actual,
            "target": target,
            "target_qualifier": targets["qualifier"],
            "target_derived": implied,
            "target_basis": pd.Categorical.from_codes(j.target_basis, TARGET_BASES),
            "yearly": targets["yearly"].to_numpy(dtype=bool),
            "actual_kind": pd.Categorical.from_codes(_kind_codes(kinds), KINDS),
            "attainment_pct": j.pct,
            "attainment_basis": pd.Categorical.from_codes(j.attainment_basis, ATTAINMENT_BASES),
            "computed_pct": computed,
            "reported_pct": printed,
            "difference_pts": j.difference,
            "checks_report": j.checks_report,
            "differs": np.nan_to_num(np.abs(j.difference)) > 1e-9,
            # Categoricals: a few words repeated over many rows, without a string per row.
            "status": pd.Categorical.from_codes(j.status, _STATUSES),
            "status_basis": pd.Categorical.from_codes(j.basis, _BASES),
            "actual_quote": actual_quote,
            "target_quote": targets["quote"],
            "reported_quote": reported_quote,
        }
    )[COLUMNS]
