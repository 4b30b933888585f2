"""The count by kind of target: each indicator once per kind, never one sum over two kinds."""

from __future__ import annotations

import pandas as pd

from indicators.core import attainment, tally
from indicators.core.model import Dataset
from indicators.core.tally import KindCount


def test_the_2015_2020_term_counted_by_kind_of_target(term: pd.DataFrame) -> None:
    # The mixed count was 9 exceeded and 8 met over 17 rows; income per head was in it twice.
    assert tally.by_kind(term) == [
        KindCount("NQ", 0, 12, {"vuot": 5, "dat": 7, "khong_dat": 0, "no_data": 0, "khong_danh_gia": 0}),
        KindCount("DA", 0, 2, {"vuot": 2, "dat": 0, "khong_dat": 0, "no_data": 0, "khong_danh_gia": 0}),
        KindCount("GIAO", 0, 1, {"vuot": 0, "dat": 1, "khong_dat": 0, "no_data": 0, "khong_danh_gia": 0}),
        KindCount("KH", 2019, 2, {"vuot": 2, "dat": 0, "khong_dat": 0, "no_data": 0, "khong_danh_gia": 0}),
    ]
    nq = tally.by_kind(term)[0]
    assert (nq.judged, nq.good) == (12, 12)


def test_an_indicator_counts_once_per_kind_and_a_plan_once_per_year() -> None:
    rows = pd.DataFrame(
        {
            "code": ["A", "A", "A", "A", "B"],
            "target_kind": ["NQ", "NQ", "KH", "KH", "NQ"],
            "year": [2019, 2020, 2019, 2020, 2020],
            "status": ["khong_dat", "dat", "vuot", "khong_dat", "no_data"],
        }
    )
    groups = {(g.kind, g.plan_year): (g.n, g.counts) for g in tally.by_kind(rows)}
    # The resolution keeps A's latest result only; each year's plan is its own kind.
    assert groups == {
        ("NQ", 0): (2, {"vuot": 0, "dat": 1, "khong_dat": 0, "no_data": 1, "khong_danh_gia": 0}),
        ("KH", 2019): (1, {"vuot": 1, "dat": 0, "khong_dat": 0, "no_data": 0, "khong_danh_gia": 0}),
        ("KH", 2020): (1, {"vuot": 0, "dat": 0, "khong_dat": 1, "no_data": 0, "khong_danh_gia": 0}),
    }
    assert list(groups) == [("NQ", 0), ("KH", 2019), ("KH", 2020)]


def test_nothing_to_count_is_an_empty_list() -> None:
    assert tally.by_kind(pd.DataFrame(columns=["code", "target_kind", "year", "status"])) == []


def test_the_source_counts_the_2019_plan_as_17_of_17(data: Dataset) -> None:
    levels = attainment.levels(data.observations)
    area = data.observations["area"] == "106"
    assert tally.counting_codes(data.indicators) == ["KTXH_TARGETS_MET"]
    assert tally.stated_plans(data.indicators, levels[levels["area"] == "106"], data.observations[area]) == {
        2019: (17, 17)
    }


def test_a_plans_stated_count_travels_with_its_year_and_stands_alone_without_figures(
    term: pd.DataFrame,
) -> None:
    groups = tally.by_kind(term, {2019: (17, 17), 2018: (15, 16)})
    plans = [(g.kind, g.plan_year, g.n, g.stated) for g in groups if g.kind == "KH"]
    # The store holds 2 of the 2019 plan's 17 targets; the 2018 plan is known only by its count.
    assert plans == [("KH", 2018, 0, (15, 16)), ("KH", 2019, 2, (17, 17))]
    # Only a year's plan carries the source's count.
    assert all(g.stated is None for g in groups if g.kind != "KH")
    assert tally.by_kind(term[term["target_kind"] != "KH"], {}) == tally.by_kind(term)[:3]
