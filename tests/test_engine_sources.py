"""Attainment's rows name the target row they judge; progress finds its verdicts by those numbers."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from bench import engine as engine_bench
from indicators.core import attainment, progress
from indicators.core.model import Dataset


def _indicator(code: str) -> dict[str, str]:
    return {
        "code": code,
        "name_vi": f"Chỉ tiêu {code}",
        "name_en": code,
        "domain": "economy",
        "unit": "ha",
        "direction": "higher",
        "value_kind": "level",
    }


def _target(code: str, value: float, yearly: bool = False, kind: str = "NQ") -> dict[str, object]:
    return {
        "code": code,
        "area": "TD",
        "year": 2025,
        "term": "2020-2025",
        "target_kind": kind,
        "comparator": "at_least",
        "value": value,
        "yearly": yearly,
    }


def _data(targets: list[dict[str, object]], reported: list[dict[str, object]] | None = None) -> Dataset:
    obs = [
        {"code": code, "area": "TD", "year": year, "kind": "actual", "value": value}
        for code in ("A", "B")
        for year, value in {2020: 100.0, 2022: 110.0, 2025: 120.0}.items()
    ]
    frames = {
        "indicators": pd.DataFrame([_indicator("A"), _indicator("B")]),
        "observations": pd.DataFrame(obs),
        "targets": pd.DataFrame(targets),
    }
    if reported:
        frames["reported"] = pd.DataFrame(reported)
    return Dataset.from_frames(frames)


def test_each_row_names_the_target_it_judges() -> None:
    """A yearly target's earlier year shares its row; a % the report prints alone judges none."""
    data = _data(
        [_target("A", 100.0, yearly=True), _target("B", 150.0)],
        [{"code": "B", "area": "TD", "year": 2025, "target_kind": "KH", "reported_pct": 90.0, "quote": "q"}],
    )
    judged, source = attainment.compute_with_sources(data)
    pd.testing.assert_frame_equal(judged, attainment.compute(data))
    rows = list(zip(judged["code"], judged["year"], judged["target_kind"], source, strict=True))
    # A: 2022 (a year of the yearly term with a figure) and 2025, both judging target row 0.
    assert rows == [("A", 2022, "NQ", 0), ("A", 2025, "NQ", 0), ("B", 2025, "KH", -1), ("B", 2025, "NQ", 1)]
    assert list(judged["status"]) == ["vuot", "vuot", "khong_dat", "khong_dat"]
    # The printed %'s quote is on its own row only; the others carry "" (words, not missing).
    assert list(judged["reported_quote"]) == ["", "", "q", ""]
    assert judged["reported_quote"].dtype == "str"


def test_the_first_final_row_of_a_repeated_key_is_every_such_goals_verdict() -> None:
    """Two target rows with one key: the first has nothing to judge by; the second's verdict is both's."""
    data = _data([_target("A", np.nan), _target("A", 100.0), _target("B", 150.0)])
    result = progress.compute(data)
    assert list(result["final"]) == [True, True, True]
    assert list(result["status"]) == ["vuot", "vuot", "khong_dat"]
    np.testing.assert_allclose(result["final_pct"], [120.0, 120.0, 80.0])


def test_a_goal_in_another_area_or_kind_takes_no_verdict_from_its_neighbour() -> None:
    """Only a row with all four keys of the goal decides it: a plan of the same year is not its target."""
    data = _data([_target("A", 200.0), _target("A", 100.0, kind="DA")])
    result = progress.compute(data)
    assert list(result["status"]) == ["khong_dat", "vuot"]
    np.testing.assert_allclose(result["final_pct"], [60.0, 120.0])


def _with_and_without_kept_verdicts(data: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    """progress.compute on its own, and after attainment.compute ran on the same dataset."""
    alone = progress.compute(replace(data))
    after = replace(data)
    attainment.compute(after)
    assert attainment.kept_verdicts(after) is not None
    return alone, progress.compute(after)


@pytest.mark.slow
def test_progress_reads_attainments_rows_with_the_same_result() -> None:
    """Over a synthetic country (yearly, repeated and plan targets mixed in) both ways agree exactly."""
    data = engine_bench.build(scale=0.01)
    targets = data.targets.copy()
    targets.loc[targets.index[::7], "yearly"] = True
    targets.loc[targets.index[::11], "target_kind"] = "KH"
    repeated = targets.iloc[::13].assign(value=lambda t: t["value"] * 2)
    data = replace(data, targets=pd.concat([targets, repeated], ignore_index=True))
    alone, after = _with_and_without_kept_verdicts(data)
    assert alone["final"].sum() > 1000  # the verdicts are exercised, not skipped
    pd.testing.assert_frame_equal(alone, after)


def test_a_change_to_attainments_frame_does_not_reach_the_verdicts() -> None:
    """The kept verdicts are copies: a page that edits its attainment table changes no goal's result."""
    data = _data([_target("A", 100.0), _target("B", 150.0)])
    judged = attainment.compute(data)
    judged["attainment_pct"] = 1.0
    judged["status"] = judged["status"].cat.set_categories(["vuot", "khong_dat", "dat", "x"]).fillna("x")
    result = progress.compute(data)
    np.testing.assert_allclose(result["final_pct"], [120.0, 80.0])
    assert list(result["status"]) == ["vuot", "khong_dat"]


def test_units_are_the_catalogues_and_a_reduction_a_year_is_a_code() -> None:
    """The unit column is the catalogue's unit, as a categorical of the units used; a "reduce by"
    row says "a year" by its change_unit code, and the words ("tỷ đồng/năm") come from the text layer."""
    data = _data([_target("B", 150.0), _target("A", 100.0)])
    indicators = data.indicators.assign(unit=["tỷ đồng", "%"])
    cut = pd.DataFrame([{**_target("A", 2.0), "comparator": "reduce_by"}])
    data = replace(data, indicators=indicators, targets=pd.concat([data.targets, cut], ignore_index=True))
    rows = attainment.compute(data)
    assert list(rows["unit"]) == ["%", "tỷ đồng", "tỷ đồng"]
    # Sorted and only the units used, as pd.Categorical(units) makes them, not the catalogue's order.
    assert list(rows["unit"].cat.categories) == ["%", "tỷ đồng"]
    assert list(rows["change_unit"]) == ["", "", "unit_per_year"]


def test_goals_are_the_latest_term_targets_and_never_a_plan() -> None:
    """A later year's plan (KH) neither becomes the goals nor hides the term's own 2025 targets."""
    plan = {**_target("A", 130.0, kind="KH"), "year": 2026, "term": "2026"}
    data = _data([_target("A", 100.0), plan, _target("B", 150.0)])
    chosen = progress.goals(data)
    assert list(chosen.index) == [0, 2]
    assert list(chosen["year"]) == [2025, 2025]
    assert list(chosen["base_year"]) == [2020, 2020]
    only_plans = progress.goals(replace(data, targets=data.targets.iloc[[1]]))
    assert chosen.columns.equals(only_plans.columns) and only_plans.empty
