"""A domain page's attainment rows are picked once per version and codes, the same rows as a pick each run."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import computed
from indicators.core import attainment, page_settings, selection
from indicators.core.model import Dataset

pytestmark = pytest.mark.usefixtures("store", "fresh_caches")


def test_the_rows_are_picked_once_and_are_the_domains_own(
    seed_data: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    picks: list[tuple[str, ...]] = []
    original = selection.domain_rows

    def counted(rows: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
        picks.append(tuple(codes))
        return original(rows, codes)

    monkeypatch.setattr(selection, "domain_rows", counted)
    codes = tuple(selection.codes_in(seed_data, page_settings.DOMAIN_PAGES["economy"]))
    assert len(codes) > 1
    first = computed.domain_rows(seed_data, codes)
    again = computed.domain_rows(seed_data, codes)
    assert picks == [codes]
    every = selection.with_periods(attainment.compute(seed_data))
    expected = every[every["code"].isin(codes)]
    assert len(expected) and set(expected["code"]) <= set(codes)
    pd.testing.assert_frame_equal(first, expected)
    pd.testing.assert_frame_equal(again, expected)
