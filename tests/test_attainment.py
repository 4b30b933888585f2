"""Golden tests of the attainment arithmetic: the report's own percentages and the edge cases."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import pandas as pd
import pytest

from indicators.core import attainment
from indicators.core.model import Dataset
from indicators.store.seed import load_source
from indicators.text.fmt import printed_decimals, round_half_up

SHIPPED = load_source()
RESULT = attainment.compute(SHIPPED)

# Every "đạt X%" sentence of the report with a figure to compute it from:
# code, year, target kind, the printed %, whether the target had to be derived, status.
REPORT_PERCENTAGES = [
    ("GTSX", 2020, "NQ", 118.08, True, "vuot"),
    ("TEA_NEW", 2020, "NQ", 220.4, False, "vuot"),
    ("TEA_COMMERCIAL", 2020, "NQ", 111.5, True, "vuot"),
    ("TEA_OUTPUT", 2020, "NQ", 137.2, True, "vuot"),
    ("TOURISTS", 2020, "DA", 500.0, True, "vuot"),
    ("TOURISM_REV", 2020, "DA", 254.0, True, "vuot"),
    ("POV_RATE", 2020, "NQ", 150.0, True, "vuot"),
    ("INCOME_PC", 2020, "NQ", 100.0, True, "dat"),
    ("NTM_COMMUNES", 2020, "NQ", 100.0, True, "dat"),
    ("HEALTH_COMMUNES", 2020, "NQ", 100.0, True, "dat"),
    ("JOBS", 2020, "NQ", 100.0, True, "dat"),
    ("CULTURED_HOUSEHOLDS", 2020, "NQ", 100.0, True, "dat"),
    ("CULTURED_VILLAGES", 2020, "NQ", 100.0, True, "dat"),
    ("CULTURED_AGENCIES", 2020, "NQ", 100.0, True, "dat"),
]


def _row(frame: pd.DataFrame, code: str, year: int, kind: str) -> pd.Series:
    match = frame[(frame["code"] == code) & (frame["year"] == year) & (frame["target_kind"] == kind)]
    assert len(match) == 1, f"{code} {year} {kind}: {len(match)} rows"
    return match.iloc[0]


@pytest.mark.parametrize(("code", "year", "kind", "printed", "derived", "status"), REPORT_PERCENTAGES)
def test_reproduces_every_printed_percentage(
    code: str, year: int, kind: str, printed: float, derived: bool, status: str
) -> None:
    row = _row(RESULT, code, year, kind)
    assert row["reported_pct"] == printed
    assert round_half_up(row["attainment_pct"], printed_decimals(printed)) == printed
    assert not row["differs"]
    assert bool(row["target_derived"]) is derived
    assert row["status"] == status
    assert row["status_basis"] == "computed"
    # An implied target's attainment is the printed % itself; only a stated one checks the report.
    assert row["target_basis"] == ("implied" if derived else "stated")
    assert row["attainment_basis"] == ("printed" if derived else "computed")
    assert bool(row["checks_report"]) is not derived
    if derived:
        assert row["attainment_pct"] == printed
    assert row["actual_kind"] == "estimate"  # 2020 figures were estimates when the report was written


def test_thirteen_of_fourteen_computed_attainments_rest_on_implied_targets() -> None:
    computed = RESULT[RESULT["computed_pct"].notna() & (RESULT["year"] <= 2020)]
    assert len(computed) == 14
    assert (computed["target_basis"] == "implied").sum() == 13
    assert list(computed.loc[computed["checks_report"], "code"]) == ["TEA_NEW"]


def test_every_reported_percentage_is_accounted_for() -> None:
    """No printed % is dropped: each appears once, computed or (with no figure) as printed."""
    reported = SHIPPED.reported
    shown = RESULT[RESULT["reported_pct"].notna()]
    assert len(shown) == len(reported)
    computed = {(c, y, k) for c, y, k, *_ in REPORT_PERCENTAGES}
    only_printed = shown[~shown.apply(lambda r: (r["code"], r["year"], r["target_kind"]) in computed, axis=1)]
    # The report prints these without a figure to compute from: budget revenue and income
    # against the 2019 plan, and military recruitment against its quota.
    assert sorted(only_printed["code"]) == ["BUDGET_REV", "INCOME_PC", "MILITARY_RECRUIT"]
    assert set(only_printed["status_basis"]) == {"reported"}
    # With no target at all, the attainment is the printed % and says so.
    assert (only_printed["attainment_pct"] == only_printed["reported_pct"]).all()
    assert set(only_printed["attainment_basis"]) == {"printed"}
    assert set(only_printed["target_basis"]) == {"none"}
    assert only_printed["computed_pct"].isna().all()


def test_production_value_against_the_derived_resolution_target() -> None:
    row = _row(RESULT, "GTSX", 2020, "NQ")
    assert row["actual"] == 2503.3
    assert row["target"] == pytest.approx(2120.0, abs=0.01)
    # The target is derived from the printed %, so the arithmetic returns it exactly.
    assert row["attainment_pct"] == pytest.approx(118.08, abs=1e-9)


def test_an_implied_target_leaves_the_engine_as_a_flag_with_no_words() -> None:
    derived = SHIPPED.targets[SHIPPED.targets["derived"]]
    assert len(derived) == 13 and {"GTSX", "POV_RATE", "TOURISTS"} <= set(derived["code"])
    # The engine speaks no language: the text layer says "implied" from the flag, in vi or en.
    assert set(derived["note"]) == {""}
    accented = derived[["note", "qualifier"]].apply(lambda c: c.str.contains("[À-ỹ]", regex=True)).any()
    assert not accented.any()


def test_new_tea_against_its_stated_target() -> None:
    row = _row(RESULT, "TEA_NEW", 2020, "NQ")
    assert (row["actual"], row["target"]) == (661.3, 300.0)
    assert row["attainment_pct"] == pytest.approx(220.4333, abs=1e-4)
    assert "661,3/300 ha" in row["target_quote"]


def test_poverty_reduction_is_achieved_over_target_reduction() -> None:
    row = _row(RESULT, "POV_RATE", 2020, "NQ")
    assert row["comparator"] == "reduce_by"
    assert row["actual"] == 4.5  # the stated average fall a year
    assert row["target"] == pytest.approx(3.0)
    assert row["attainment_pct"] == pytest.approx(150.0)


# --- Hand-built cases --------------------------------------------------------------------


def _data(
    observations: list[dict],
    targets: Sequence[dict] = (),
    reported: Sequence[dict] = (),
    direction: str = "higher",
) -> Dataset:
    indicator = {
        "code": "X",
        "name_vi": "Chỉ tiêu X",
        "name_en": "X",
        "domain": "economy",
        "unit": "ha",
        "direction": direction,
        "value_kind": "level",
    }
    obs = [{"area": "TD", "kind": "actual", "code": "X", **o} for o in observations]
    tgt = [{"area": "TD", "code": "X", "target_kind": "NQ", "term": "2015-2020", **t} for t in targets]
    rep = [{"area": "TD", "code": "X", "target_kind": "NQ", **r} for r in reported]
    return Dataset.from_frames(
        {
            "indicators": pd.DataFrame([indicator]),
            "observations": pd.DataFrame(obs, columns=["code", "area", "year", "kind", "base_year", "value"]),
            "targets": pd.DataFrame(
                tgt, columns=["code", "area", "year", "term", "target_kind", "comparator", "value"]
            ),
            "reported": pd.DataFrame(
                reported and rep, columns=["code", "area", "year", "target_kind", "reported_pct"]
            ),
        }
    )


CASES = [
    # name, data, expected pct (None = no ratio), status
    (
        "higher is better",
        _data([{"year": 2020, "value": 110}], [{"year": 2020, "comparator": "at_least", "value": 100}]),
        110.0,
        "vuot",
    ),
    (
        "not met",
        _data([{"year": 2020, "value": 80}], [{"year": 2020, "comparator": "at_least", "value": 100}]),
        80.0,
        "khong_dat",
    ),
    (
        "met within the printed rounding",
        _data([{"year": 2020, "value": 99.996}], [{"year": 2020, "comparator": "at_least", "value": 100}]),
        99.996,
        "dat",
    ),
    (
        "floor missed by a little",
        _data([{"year": 2020, "value": 42.8}], [{"year": 2020, "comparator": "at_least", "value": 43}]),
        99.53,
        "khong_dat",
    ),
    (
        "ceiling broken by a little",
        _data(
            [{"year": 2025, "value": 13.4}],
            [{"year": 2025, "comparator": "at_most", "value": 13.3}],
            direction="lower",
        ),
        99.25,
        "khong_dat",
    ),
    (
        "ceiling met exactly",
        _data(
            [{"year": 2025, "value": 13.3}],
            [{"year": 2025, "comparator": "at_most", "value": 13.3}],
            direction="lower",
        ),
        100.0,
        "dat",
    ),
    (
        "ceiling met",
        _data(
            [{"year": 2025, "value": 20}],
            [{"year": 2025, "comparator": "at_most", "value": 27.6}],
            direction="lower",
        ),
        138.0,
        "vuot",
    ),
    (
        "ceiling broken",
        _data(
            [{"year": 2025, "value": 30}],
            [{"year": 2025, "comparator": "at_most", "value": 27.6}],
            direction="lower",
        ),
        92.0,
        "khong_dat",
    ),
    (
        "reduction from levels",
        _data(
            [{"year": 2015, "value": 40.72}, {"year": 2020, "value": 18.22}],
            [{"year": 2020, "comparator": "reduce_by", "value": 3}],
            direction="lower",
        ),
        150.0,
        "vuot",
    ),
    (
        "reduction too slow",
        _data(
            [{"year": 2015, "value": 30}, {"year": 2020, "value": 25}],
            [{"year": 2020, "comparator": "reduce_by", "value": 2}],
            direction="lower",
        ),
        50.0,
        "khong_dat",
    ),
    (
        "target of zero, some actual",
        _data([{"year": 2020, "value": 5}], [{"year": 2020, "comparator": "at_least", "value": 0}]),
        None,
        "vuot",
    ),
    (
        "ceiling of zero, none",
        _data(
            [{"year": 2020, "value": 0}],
            [{"year": 2020, "comparator": "at_most", "value": 0}],
            direction="lower",
        ),
        None,
        "dat",
    ),
    (
        "ceiling of zero, some",
        _data(
            [{"year": 2020, "value": 2}],
            [{"year": 2020, "comparator": "at_most", "value": 0}],
            direction="lower",
        ),
        0.0,
        "khong_dat",
    ),
    ("missing actual", _data([], [{"year": 2020, "comparator": "at_least", "value": 100}]), None, "no_data"),
    (
        "final figure beats estimate",
        _data(
            [{"year": 2020, "value": 90, "kind": "estimate"}, {"year": 2020, "value": 120}],
            [{"year": 2020, "comparator": "at_least", "value": 100}],
        ),
        120.0,
        "vuot",
    ),
]


@pytest.mark.parametrize(("name", "data", "pct", "status"), CASES, ids=[c[0] for c in CASES])
def test_hand_built_cases(name: str, data: Dataset, pct: float | None, status: str) -> None:
    result = attainment.compute(data)
    assert len(result) == 1
    row = result.iloc[0]
    if pct is None:
        assert math.isnan(row["attainment_pct"])
    else:
        assert row["attainment_pct"] == pytest.approx(pct, abs=0.01)
    assert row["status"] == status


def test_derived_target_is_marked_and_reproduces_the_print() -> None:
    data = _data([{"year": 2020, "value": 2503.3}], reported=[{"year": 2020, "reported_pct": 118.08}])
    derived = attainment.derive_targets(data)
    assert attainment.compute(data).iloc[0]["status_basis"] == "reported"  # nothing derived yet
    row = attainment.compute(derived).iloc[0]
    assert row["target_derived"]
    assert row["target"] == pytest.approx(2120.0, abs=0.01)
    assert row["comparator"] == "at_least"
    assert not row["differs"]


def test_derived_ceiling_for_lower_is_better() -> None:
    data = _data(
        [{"year": 2020, "value": 20}], reported=[{"year": 2020, "reported_pct": 125}], direction="lower"
    )
    row = attainment.compute(attainment.derive_targets(data)).iloc[0]
    assert (row["comparator"], row["target"]) == ("at_most", pytest.approx(25.0))
    assert row["attainment_pct"] == pytest.approx(125.0)


def test_printed_and_computed_disagree_and_the_difference_is_shown() -> None:
    # Jobs: 5,150 workers "đạt 100% nghị quyết". Were the target 5,000 (as the next
    # term's goal is), the arithmetic gives 103 %: the row must say so, not hide it.
    data = _data(
        [{"year": 2020, "value": 5150}],
        [{"year": 2020, "comparator": "at_least", "value": 5000}],
        [{"year": 2020, "reported_pct": 100}],
    )
    row = attainment.compute(data).iloc[0]
    assert row["attainment_pct"] == pytest.approx(103.0)
    assert row["reported_pct"] == 100.0
    assert row["differs"]
    assert row["difference_pts"] == pytest.approx(3.0)
    assert row["status"] == "vuot"  # the status follows the arithmetic, not the print


def test_a_derived_target_stays_fixed_when_the_actual_is_corrected() -> None:
    data = attainment.derive_targets(
        _data([{"year": 2020, "value": 2503.3}], reported=[{"year": 2020, "reported_pct": 118.08}])
    )
    obs = data.observations.assign(value=2600.0)
    row = attainment.compute(Dataset.from_frames({**_frames(data), "observations": obs})).iloc[0]
    assert row["target"] == pytest.approx(2120.0, abs=0.01)
    assert row["attainment_pct"] == pytest.approx(122.64, abs=0.01)
    assert row["differs"]  # now the printed 118,08 % and the arithmetic part, visibly


def _frames(data: Dataset) -> dict[str, pd.DataFrame]:
    return {name: getattr(data, name) for name in data.counts()}


def test_area_filter_keeps_only_that_area() -> None:
    assert set(attainment.compute(SHIPPED, area="106")["area"]) == {"106"}
    assert attainment.compute(SHIPPED, area="03424").empty


def test_empty_dataset_gives_an_empty_table_with_columns() -> None:
    result = attainment.compute(Dataset.empty())
    assert result.empty
    assert list(result.columns) == attainment.COLUMNS


def test_one_met_rule_for_floors_and_ceilings() -> None:
    """42,8 against a floor of 43 and 13,4 against a ceiling of 13,3 are both short: both không đạt."""
    floor = _data([{"year": 2020, "value": 42.8}], [{"year": 2020, "comparator": "at_least", "value": 43}])
    ceiling = _data(
        [{"year": 2025, "value": 13.4}],
        [{"year": 2025, "comparator": "at_most", "value": 13.3}],
        direction="lower",
    )
    statuses = [attainment.compute(d).iloc[0]["status"] for d in (floor, ceiling)]
    assert statuses == ["khong_dat", "khong_dat"]
    assert attainment.MET_TOLERANCE == 0.005


def test_a_qualified_target_is_judged_by_its_comparator_and_keeps_its_word() -> None:
    """ "trên 45" and "dưới 27,6" leave the verdict to the comparator: the ceiling rule (met at actual ≤
    target) and no rule of the data's own for "trên", so exactly 45 against "trên 45" is đạt, as 45 is."""

    def judged(value: float, comparator: str, target: float, qualifier: str, direction: str) -> tuple:
        data = _data(
            [{"year": 2025, "value": value}],
            [{"year": 2025, "comparator": comparator, "value": target}],
            direction=direction,
        )
        targets = data.targets.assign(qualifier=qualifier)
        row = attainment.compute(replace(data, targets=targets)).iloc[0]
        return row["status"], round(float(row["attainment_pct"]), 2), row["target_qualifier"]

    assert judged(45, "at_least", 45, "tren", "higher") == ("dat", 100.0, "tren")
    assert judged(46, "at_least", 45, "tren", "higher") == ("vuot", 102.22, "tren")
    assert judged(44, "at_least", 45, "tren", "higher") == ("khong_dat", 97.78, "tren")
    assert judged(27.6, "at_most", 27.6, "duoi", "lower") == ("dat", 100.0, "duoi")
    assert judged(28, "at_most", 27.6, "duoi", "lower") == ("khong_dat", 98.57, "duoi")
    # Without a word the same figures give the same verdicts: the word changes what is said, not the sum.
    assert judged(45, "at_least", 45, "", "higher") == ("dat", 100.0, "")
