"""The count by kind of target: each indicator once per kind, never one sum over two kinds."""

from __future__ import annotations

import pandas as pd

from indicators.core import tally
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
