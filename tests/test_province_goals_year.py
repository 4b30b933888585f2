"""The province on the goals and year pages: its units' totals, a partial one "không đánh giá" and why."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from bench.dashboard import go_to
from indicators.areas import rollup, rollup_review
from indicators.core.model import Dataset
from indicators.store.database import Store
from indicators.text import year_tables
from tests.support import areas_fixture as fixture

APP = str(Path(__file__).resolve().parents[1] / "app.py")
TEA_2026 = sum(fixture.TEA.values())  # 3,190.75 ha
TEA_2025 = TEA_2026 - 400.0  # each commune 100 ha fewer in 2025


def _with_goal(frames: dict[str, pd.DataFrame]) -> Dataset:
    """The communes' workbook with their 2025 tea and the province's 2030 goal of at least 4,000 ha."""
    before = [
        {"code": "TEA_AREA", "area": a, "year": 2025, "kind": "actual", "value": v - 100.0}
        for a, v in fixture.TEA.items()
    ]
    goal = {
        "code": "TEA_AREA",
        "area": "12",
        "year": 2030,
        "term": "2025-2030",
        "target_kind": "NQ",
        "comparator": "at_least",
        "value": 4000.0,
    }
    frames["observations"] = pd.concat([frames["observations"], pd.DataFrame(before)], ignore_index=True)
    frames["targets"] = pd.concat([frames["targets"], pd.DataFrame([goal])], ignore_index=True)
    return Dataset.from_frames(frames)


def test_a_complete_total_judges_the_province_s_goal_by_its_pace() -> None:
    found = rollup.of(_with_goal(fixture.frames()), "12")
    goal = rollup_review.goals(found).iloc[0]
    assert (goal["base_value"], goal["latest_value"]) == (pytest.approx(TEA_2025), pytest.approx(TEA_2026))
    # Observed 14,3 %/yr against the (4,000 / 2,790.75)^(1/5) − 1 = 7,46 %/yr required: on track.
    required = (4000.0 / TEA_2025) ** (1 / 5) - 1
    assert goal["ratio"] == pytest.approx((TEA_2026 / TEA_2025 - 1) / required)
    assert goal["status"] == "on_track"
    assert pd.isna(goal[rollup_review.MARK_YEAR])


def test_a_partial_latest_total_holds_the_goal_s_verdict_back() -> None:
    found = rollup.of(_with_goal(fixture.frames(without=("03430",))), "12")
    goal = rollup_review.goals(found).iloc[0]
    # 2,580.75 ha would read "moving away" from 2,790.75: Khun Há's tea is missing, not lost.
    assert goal["latest_value"] == pytest.approx(TEA_2026 - 610.0)
    assert goal["status"] == "not_judged"
    assert pd.isna(goal["ratio"]) and pd.isna(goal["observed_growth_pct"])
    assert goal[rollup_review.MARK_YEAR] == 2026


def test_the_year_review_of_a_partial_total_has_no_percent_no_change_and_says_why() -> None:
    found = rollup.of(_with_goal(fixture.frames(without=("03430",))), "12")
    rows = rollup_review.review(found, 2026).set_index("code")
    tea = rows.loc["TEA_AREA"]
    assert tea["value"] == pytest.approx(TEA_2026 - 610.0)
    assert tea["plan"] == 3000.0
    assert (tea["plan_status"], tea["path_status"]) == ("khong_danh_gia", "not_judged")
    assert pd.isna(tea["plan_pct"]) and pd.isna(tea["change"]) and pd.isna(tea["gap"])
    assert (tea["reported"], tea["expected"]) == (3, 4)
    # Only tea has a verdict to hold: the households' and poor households' totals have no plan.
    assert rollup_review.held(rows) == 1
    # The households' total is complete: a figure with its count, and no verdict to hold.
    assert rows.loc["HOUSEHOLDS", "mark"] == "complete"
    text = year_tables.summary(found.data, rows.reset_index(), "12", "vi").set_index("indicator")
    tea_text = text.loc["Tổng diện tích chè (ha)"]
    assert tea_text["figure"] == "2.580,75 · 3/4 xã đã báo cáo (tổng chưa đủ)"
    assert "không đánh giá (tổng chưa đủ: 3/4 xã đã báo cáo năm 2026)" in tea_text["plan"]
    assert "%" not in tea_text["plan"]


def test_the_year_review_of_a_complete_total_is_judged() -> None:
    found = rollup.of(_with_goal(fixture.frames()), "12")
    tea = rollup_review.review(found, 2026).set_index("code").loc["TEA_AREA"]
    assert tea["plan_pct"] == pytest.approx(TEA_2026 / 3000 * 100)
    assert tea["plan_status"] == "vuot"
    assert tea["change"] == pytest.approx(400.0)


def _province_goal(store: Store) -> Store:
    """The communes' store with their 2025 tea and a 2025 goal of the province's own: at least 4,000 ha."""
    data = store.load()
    goal = (
        data.targets[data.targets["area"] == "106"]
        .iloc[:1]
        .assign(
            code="TEA_AREA",
            area="12",
            comparator="at_least",
            value=4000.0,
            yearly=False,
            quote="",
        )
    )
    obs = data.observations
    tea = obs[(obs["code"] == "TEA_AREA") & (obs["year"] == 2026) & obs["area"].isin(fixture.TEA)]
    before = tea.assign(year=2025, value=tea["value"] - 100.0)
    store.commit(
        dataclasses.replace(
            data,
            targets=pd.concat([data.targets, goal], ignore_index=True),
            observations=pd.concat([obs, before], ignore_index=True),
        ),
        account="test",
    )
    return store


@pytest.mark.usefixtures("fresh_caches")
def test_the_goals_page_offers_the_province_and_leaves_its_partial_goal_unjudged(communes: Store) -> None:
    _province_goal(communes)
    at = AppTest.from_file(APP, default_timeout=60)
    at = go_to(at, "pages/goals.py").run()
    assert not at.exception, [e.value for e in at.exception]
    picker = at.selectbox(key="goals_area")
    # Offered, but the page opens on the former district, whose goals have figures of its own.
    assert "Tỉnh Lai Châu · 12" in picker.options
    assert picker.value == "106"
    picker.set_value("12").run()
    assert not at.exception, [e.value for e in at.exception]
    row = [str(v).replace("\u2060", "") for v in at.table[0].value.iloc[0]]
    # 2,790.75 ha in 2025 from the former district's 1,758.5 in 2020 would read "on track" to 4,000
    # (+17,86 %/năm required): but four of 38 communes reported, so no observed pace and no verdict.
    assert row[-1] == "◇ không đánh giá (tổng chưa đủ: 4/38 xã đã báo cáo năm 2025)"
    assert row[-2] == "—"
    assert row[-3] == "+17,86\u202f%/năm"


@pytest.mark.usefixtures("fresh_caches")
def test_the_year_page_offers_the_province_and_says_how_many_reported(communes: Store) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at = go_to(at, "pages/year.py").run()
    assert not at.exception, [e.value for e in at.exception]
    picker = at.selectbox(key="year_area")
    assert "Tỉnh Lai Châu · 12" in picker.options
    picker.set_value("12").run()
    at.selectbox(key="nam").set_value(2026).run()
    assert not at.exception, [e.value for e in at.exception]
    said = " ".join(c.value for c in at.caption).replace("\u2060", "")
    assert "1 chỉ tiêu không đánh giá: tổng chưa đủ" in said
    shown = " ".join(at.table[0].value.astype(str).to_numpy().ravel()).replace("\u2060", "")
    # The province's 3,000 ha plan against four of 38 communes: 106,4 % "vượt" would be untrue.
    assert "3.190,75 · 4/38 xã đã báo cáo (tổng chưa đủ)" in shown
    assert "không đánh giá (tổng chưa đủ: 4/38 xã đã báo cáo năm 2026)" in shown
    assert "106,4" not in shown and "vượt" not in shown


@pytest.mark.usefixtures("fresh_caches")
def test_the_province_without_goals_of_its_own_says_so_as_missing_data(communes: Store) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at = go_to(at, "pages/goals.py").run()
    at.selectbox(key="goals_area").set_value("12").run()
    assert not at.exception, [e.value for e in at.exception]
    said = [i.value for i in at.info]
    assert said == [
        "Chưa có số liệu mục tiêu giai đoạn của Tỉnh Lai Châu trong dữ liệu. Chọn một đơn vị trực thuộc "
        "ở ô trên để xem tiến độ các mục tiêu của đơn vị đó."
    ]
    assert not at.table  # no empty table under the sentence
