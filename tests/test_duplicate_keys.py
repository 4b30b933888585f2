"""A key written twice is refused at each repeat, whatever empty cells it holds; no repeat, no problem."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pytest

from indicators.core.model import OBSERVATIONS
from indicators.excel.cells import check_duplicates
from indicators.excel.sheets import Checker, Located


def _checked(keys: Sequence[tuple[object, ...]]) -> list[tuple[str, str]]:
    """The cells refused as repeats in a SoLieu sheet holding these keys from row 2 on."""
    key = list(OBSERVATIONS.key)
    frame = pd.DataFrame(keys, columns=key, dtype=object)
    columns = {c: OBSERVATIONS.columns.index(c) + 1 for c in key}
    loc = Located(OBSERVATIONS, "SoLieu", frame, np.arange(2, len(keys) + 2), columns, {})
    chk = Checker()
    check_duplicates(loc, chk)
    return [(p.cell, p.value) for p in chk.problems]


def test_a_sheet_without_a_repeated_key_has_no_problem() -> None:
    keys = [("GTSX", "106", year, "actual") for year in range(2015, 2026)]
    assert _checked([*keys, ("GTSX", "106", 2020, "estimate"), ("GTSX", "12", 2020, "actual")]) == []


def test_each_repeat_is_refused_and_the_first_is_not() -> None:
    keys = [("GTSX", "106", 2020, "actual"), ("NTM", "106", 2020, "actual")] * 2
    assert [cell for cell, _ in _checked(keys)] == ["A4", "A5"]


@pytest.mark.parametrize(
    ("first", "second", "repeated"),
    [(float("nan"), float("nan"), True), (None, None, True), (pd.NA, pd.NA, True), (None, math.nan, True)],
    ids=["nan", "none", "na", "none-and-nan"],
)
def test_an_empty_key_cell_repeats_as_pandas_counts_it(first: object, second: object, repeated: bool) -> None:
    # Two NaN are not equal in Python, the same to pandas: the quick look must not let them through.
    keys = [("GTSX", "106", first, "actual"), ("GTSX", "106", second, "actual")]
    assert bool(_checked(keys)) is repeated
    expected = pd.DataFrame(keys, dtype=object).duplicated(keep=False).any()
    assert bool(_checked(keys)) is bool(expected)
