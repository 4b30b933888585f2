"""A dataset cut to some indicators and one area: the same rows as a filter of the whole, in order."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from bench.areas import build
from indicators.charts import figures
from indicators.core import attainment, subset
from indicators.core.model import Dataset


@pytest.fixture(scope="module")
def national() -> Dataset:
    return build(provinces=["12", "46"], years=np.arange(2023, 2026))


@pytest.mark.parametrize(
    ("codes", "area"),
    [
        (["I003"], None),
        (None, "03390"),
        (["I003", "I007", "I003"], "03390"),  # a code asked twice is one code
        (["NOPE"], None),
        (None, "nowhere"),
        (["I001"], "12"),  # a province: its target, no figure
    ],
)
def test_a_cut_holds_the_rows_a_filter_of_the_whole_would(
    national: Dataset, codes: list[str] | None, area: str | None
) -> None:
    cut = subset.cut(national, subset.RowIndex.of(national), codes, area)
    for name in subset.CUT_TABLES:
        whole = getattr(national, name)
        keep = pd.Series(True, index=whole.index)
        if codes is not None:
            keep &= whole["code"].isin(codes)
        if area is not None:
            keep &= whole["area"] == area
        pd.testing.assert_frame_equal(getattr(cut, name), whole[keep])
    assert cut.areas is national.areas and cut.indicators is national.indicators


def test_no_choice_keeps_every_table_whole(national: Dataset) -> None:
    cut = subset.cut(national, subset.RowIndex.of(national))
    assert cut.observations is national.observations and cut.targets is national.targets


def test_levels_of_a_cut_are_the_whole_levels_of_that_indicator_and_area(national: Dataset) -> None:
    cut = subset.cut(national, subset.RowIndex.of(national), ["I042"], "03394")
    whole = attainment.levels(national.observations)
    mine = whole[(whole["code"] == "I042") & (whole["area"] == "03394")].reset_index(drop=True)
    pd.testing.assert_frame_equal(attainment.levels(cut.observations).reset_index(drop=True), mine)
    assert mine["year"].tolist() == [2023, 2024, 2025]


def _items(n: int) -> list[figures.BarItem]:
    return [figures.BarItem(f"a{i}", float(n - i), "", "#000", "") for i in range(n)]


@pytest.mark.parametrize(
    ("count", "drawn", "left_out"), [(0, 0, 0), (20, 20, 0), (21, 20, 1), (3321, 20, 3301)]
)
def test_a_bar_list_keeps_its_ten_highest_and_ten_lowest(count: int, drawn: int, left_out: int) -> None:
    items, hidden = figures.ends(_items(count))
    assert (len(items), hidden) == (drawn, left_out)
    if hidden:
        assert [i.label for i in items] == [f"a{i}" for i in [*range(10), *range(count - 10, count)]]
        assert figures.ends_note(len(items), hidden, "en") == (
            f"The chart draws the 10 highest and the 10 lowest of {count:,}; the table below has them all."
        )
    else:
        assert figures.ends_note(len(items), hidden, "vi") == ""
