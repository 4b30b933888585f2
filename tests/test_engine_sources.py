"""Attainment's rows name the target row they judge; progress finds its verdicts by those numbers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators import attainment, progress
from indicators.model import Dataset


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
