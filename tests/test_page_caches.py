"""What a page once worked out on every run, now once per version: the same rows, areas and names."""

from __future__ import annotations

import dataclasses
import gc
import weakref

import pandas as pd
import pytest

from dashboard import computed, state
from indicators.areas import rollup
from indicators.core import attainment, page_settings, selection
from indicators.core.model import Dataset
from indicators.store.database import Store

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


def test_an_indicators_areas_are_its_figures_then_the_provinces_over_them(seed_data: Dataset) -> None:
    code = "GTSX"
    areas, held = computed.indicator_areas(seed_data, code)
    rows = seed_data.observations
    expected_held = set(rows.loc[rows["code"] == code, "area"])
    assert held == expected_held == {"106"}
    own = [a for a in seed_data.areas["code"] if a in expected_held]
    over = rollup.provinces_over(seed_data.areas, own, rollup.province_map(seed_data.areas))
    assert over == ["12"]  # the district's figures make Lai Châu a choice: its units' totals
    assert areas == own + [p for p in over if p not in own] == ["106", "12"]
    # A shared value: a reader's copy of the list is its own.
    areas.append("changed")
    assert computed.indicator_areas(seed_data, code)[0] == own + over


def test_a_server_keeps_the_datasets_of_three_versions_not_of_every_version_it_read(store: Store) -> None:
    data = store.load()
    for step in range(4):  # versions 2 to 5, each one figure changed
        changed = data.observations.copy()
        changed.loc[changed.index[0], "value"] = float(step)
        store.commit(dataclasses.replace(data, observations=changed), account="test", note=f"bước {step}")
    assert store.current_version() == 5
    held = [weakref.ref(state._dataset_at(store.url, v)) for v in range(1, 6)]
    gc.collect()
    alive = [v for v, ref in enumerate(held, 1) if ref() is not None]
    # The three read last; the newest is the store follower's too, so it costs nothing to get again.
    assert alive == [3, 4, 5]
    assert state._dataset_at(store.url, 1).observations["value"].tolist() == (
        store.load(1).observations["value"].tolist()
    )
