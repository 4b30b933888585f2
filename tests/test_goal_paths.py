"""The goals page draws each goal's required path from its area's goals alone, as from every goal's."""

from __future__ import annotations

import pytest

from dashboard import computed
from indicators.core import progress
from indicators.store.database import Store
from tests.test_pages import charts, run

pytestmark = pytest.mark.usefixtures("fresh_caches")


def test_every_drawn_path_is_the_one_computed_over_every_area(store: Store) -> None:
    at = run("pages/goals.py", "vi")
    area = str(at.selectbox(key="goals_area").value)
    # The path of every goal of every area, as the page once kept it per version.
    goals = progress.compute(store.load())
    every = progress.required_path(goals)
    mine = goals[(goals["area"] == area) & goals["base_value"].notna() & goals["goal_value"].notna()]
    codes = mine["code"].tolist()
    # The district's goals with a 2020 baseline: not the tourism two, whose figures the source gives
    # without a year (no base year, no path).
    assert sorted(codes) == ["INCOME_PC", "POV_RATE", "TRAINED_LABOUR"]
    for code in codes:
        (picker,) = [s for s in at.selectbox if str(s.key).startswith("goals_chart_")]
        picker.set_value(code).run()
        (chart,) = charts(at)
        drawn = next(tr for tr in chart["data"] if tr["name"] == "Lộ trình cần đạt")
        expected = every[(every["code"] == code) & (every["area"] == area)]
        assert drawn["x"] == expected["year"].tolist()
        assert drawn["y"] == pytest.approx(expected["required"].tolist())


def test_the_versions_progress_holds_the_goals_not_their_paths(store: Store) -> None:
    at = run("pages/goals.py", "vi")
    assert not at.exception
    data = store.load()
    held = computed.progress_rows(data)
    # One row per goal (a hundred thousand at national scale), not a row per goal and year.
    assert held.equals(progress.compute(data))
