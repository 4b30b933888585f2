"""Many indicators compared at once: each one as `compare` gives it, the dataset cut and judged once."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from indicators.areas import compare
from indicators.core import attainment
from indicators.core.model import Dataset
from indicators.store import seed
from tests.support import areas_fixture as fixture


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return seed.load_source()


def test_each_indicator_is_ranked_by_its_own_direction_in_one_batch(tmp_path: Path) -> None:
    data = fixture.dataset(tmp_path / "2026.xlsx", ratio_rule=True)
    tea, poverty, unknown = compare.compare_many(data, ["TEA_AREA", "POV_RATE", "NOPE"], 2026, "12")
    assert [r.code for r in (tea, poverty, unknown)] == ["TEA_AREA", "POV_RATE", "NOPE"]
    # More tea is better: the largest area first, each with its own gap to its own target.
    assert tea.children["area"].tolist() == ["03424", "03390", "03430", "03405"]
    assert tea.children["gap"].tolist() == pytest.approx([200.5, 50.0, 10.0, -69.75])
    assert tea.children["status"].tolist() == ["vuot", "vuot", "vuot", "khong_dat"]
    tea_total = tea.parent_row
    assert tea_total is not None and tea_total["value"] == pytest.approx(3190.75)
    assert tea_total["attainment_pct"] == pytest.approx(3190.75 / 3000 * 100)
    # Less poverty is better: the lowest rate first; the province's rate is the ratio of the sums.
    assert poverty.children["area"].tolist() == ["03390", "03424", "03430", "03405"]
    poverty_total = poverty.parent_row
    assert poverty_total is not None and poverty_total["value"] == pytest.approx(860 / 6500 * 100)
    assert unknown.problem == "compare.unknown_code" and unknown.rows.empty


def test_a_partial_total_stays_unjudged_beside_a_complete_one(tmp_path: Path) -> None:
    data = fixture.dataset(tmp_path / "2026.xlsx", without=("03430",), ratio_rule=True)
    tea, poverty = compare.compare_many(data, ["TEA_AREA", "POV_RATE"], 2026, "12")
    tea_total, poverty_total = tea.parent_row, poverty.parent_row
    assert tea_total is not None and poverty_total is not None
    assert (tea_total["mark"], tea_total["reported"], tea_total["expected"]) == ("partial", 3, 4)
    assert tea_total["value"] == pytest.approx(1200.5 + 950.0 + 430.25)
    assert tea_total["status"] == "partial" and pd.isna(tea_total["attainment_pct"])
    # Only the tea figures were left out: the poverty rate still adds up over all four communes.
    assert (poverty_total["mark"], poverty_total["reported"]) == ("complete", 4)
    assert poverty_total["status"] != "partial"
    assert poverty_total["value"] == pytest.approx(860 / 6500 * 100)


def test_the_shipped_province_compares_its_districts_on_every_indicator(shipped: Dataset) -> None:
    codes = list(shipped.indicators["code"])
    results = compare.compare_many(shipped, codes, 2020, "12")
    assert [r.code for r in results] == codes
    by_code = {r.code: r for r in results}
    gtsx = by_code["GTSX"]
    assert len(gtsx.children) == 8 and compare.parent_note(gtsx) == "1/8 huyện đã báo cáo (tổng chưa đủ)"
    row = gtsx.children.iloc[0]
    assert (row["area"], row["value"], row["status"]) == ("106", 2503.3, "vuot")
    assert row["attainment_pct"] == pytest.approx(118.08, abs=0.005)
    # Only the former Tam Đường district holds figures: no other district holds a value anywhere.
    held = {a for r in results for a in r.children.loc[r.children["value"].notna(), "area"]}
    assert held == {"106"}


def test_a_parent_problem_is_every_indicators_problem(shipped: Dataset) -> None:
    unknown = compare.compare_many(shipped, ["GTSX", "NOPE"], 2020, "99999")
    assert [r.problem for r in unknown] == ["compare.unknown_area", "compare.unknown_code"]
    childless = compare.compare_many(shipped, ["GTSX", "POV_RATE"], 2020, "03390")
    assert [r.problem for r in childless] == ["compare.no_children", "compare.no_children"]


def test_sixty_indicators_are_judged_in_one_pass(shipped: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    judge = attainment.compute

    def counted(data: Dataset, area: str | None = None) -> pd.DataFrame:
        calls.append(len(data.targets))
        return judge(data, area)

    monkeypatch.setattr(attainment, "compute", counted)
    results = compare.compare_many(shipped, list(shipped.indicators["code"]), 2020, "12")
    judged = sum(int(r.rows["target"].notna().sum()) for r in results)
    assert len(results) > 60 and judged > 10
    assert len(calls) == 1
