"""The province as a choice: its figures are its communes' totals, a partial total marked and never judged."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from bench.dashboard import go_to
from indicators.areas import rollup
from indicators.areas.opening import Opening
from indicators.store.database import Store
from indicators.text import totals as totals_text
from tests.support import areas_fixture as fixture

APP = str(Path(__file__).resolve().parents[1] / "app.py")
TEA_SUM = 1200.5 + 950.0 + 430.25 + 610.0  # the four communes' tea, 3,190.75 ha


def total(found: rollup.Rollup, code: str, year: int = 2026) -> dict[str, object]:
    mark = found.mark_of(code, year)
    assert mark is not None, f"no total of {code} in {year}"
    return dict(mark)


def test_a_province_of_four_reporting_communes_has_their_sum_complete_and_judged(tmp_path: Path) -> None:
    # The workbook's own province has exactly these four communes: all of them reported.
    found = rollup.of(fixture.dataset(tmp_path / "2026.xlsx"), "12")
    tea = total(found, "TEA_AREA")
    assert tea["value"] == pytest.approx(TEA_SUM)
    assert (tea["reported"], tea["expected"], tea["mark"]) == (4, 4, "complete")
    assert total(found, "POOR_HH")["value"] == 860.0
    # A complete total is judged against the province's own target: 3,190.75 of 3,000 ha.
    row = found.rows[(found.rows["code"] == "TEA_AREA") & (found.rows["area"] == "12")].iloc[0]
    assert row["status"] == "vuot"
    assert row["attainment_pct"] == pytest.approx(TEA_SUM / 3000 * 100)


def test_a_rate_is_added_up_through_its_parts_or_not_at_all(tmp_path: Path) -> None:
    plain = rollup.of(fixture.dataset(tmp_path / "a.xlsx"), "12")
    # No rule names its numerator and denominator: no total, never the average of the four rates.
    assert plain.mark_of("POV_RATE", 2026) is None
    ratio = rollup.of(fixture.dataset(tmp_path / "b.xlsx", ratio_rule=True), "12")
    assert total(ratio, "POV_RATE")["value"] == pytest.approx(860 / 6500 * 100)


def test_a_missing_commune_makes_the_total_partial_and_never_judged(tmp_path: Path) -> None:
    found = rollup.of(fixture.dataset(tmp_path / "2026.xlsx", without=("03430",)), "12")
    tea = total(found, "TEA_AREA")
    assert tea["value"] == pytest.approx(TEA_SUM - 610.0)
    assert (tea["reported"], tea["expected"], tea["mark"]) == (3, 4, "partial")
    row = found.rows[found.rows["code"] == "TEA_AREA"].iloc[0]
    # 2,580.75 of 3,000 would read "not met": the missing commune could change that, so no verdict.
    assert row["status"] == "khong_danh_gia"
    assert pd.isna(row["attainment_pct"])
    assert totals_text.reported(tea, "vi") == "3/4 xã đã báo cáo (tổng chưa đủ)"
    assert totals_text.reported(tea, "en") == "3 of 4 communes reported (a partial total)"


def test_the_province_s_own_figure_is_its_figure_not_the_communes_total(tmp_path: Path) -> None:
    data = fixture.dataset(tmp_path / "2026.xlsx")
    own = data.observations.iloc[:1].assign(area="12", value=3100.0)
    assert own[["code", "year", "kind"]].iloc[0].tolist() == ["TEA_AREA", 2026, "actual"]
    data = dataclasses.replace(data, observations=pd.concat([data.observations, own], ignore_index=True))
    found = rollup.of(data, "12")
    assert found.mark_of("TEA_AREA", 2026) is None
    tea = found.data.observations[found.data.observations["code"] == "TEA_AREA"]
    assert tea["value"].tolist() == [3100.0]


def test_provinces_over_units_are_found_through_former_districts(tmp_path: Path) -> None:
    data = fixture.dataset(tmp_path / "2026.xlsx")
    assert rollup.provinces_over(data.areas, ["03424", "03390", "12"]) == ["12"]
    assert rollup.provinces_over(data.areas, ["nowhere"]) == []


# The pages (AppTest), on the shipped store plus the four communes' 2026 figures: 4 of Lai Châu's 38.


@pytest.mark.usefixtures("fresh_caches")
def test_the_tea_page_shows_the_province_s_partial_total_marked_and_unjudged(
    communes: Store,
) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at = go_to(at, "cay-che").run()
    assert not at.exception, [e.value for e in at.exception]
    picker = at.selectbox(key="domain_tea_area")
    assert "Tỉnh Lai Châu · 12" in picker.options
    # Nobody chose: the page says which area it opened on, and that the province is a choice.
    said = " ".join(c.value for c in at.caption).replace("\u2060", "")
    assert "Chưa chọn địa bàn: trang mở trên" in said
    assert "Chọn Tỉnh Lai Châu ở ô trên" in said
    picker.set_value("12").run()
    assert not at.exception, [e.value for e in at.exception]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Tổng diện tích chè (ha)"] == "3.190,75"
    text = " ".join(m.value for m in at.markdown).replace("\u2060", "")
    assert "4/38 xã đã báo cáo" in text
    # 3,190.75 against the province's 3,000 ha would be 106,4 % "vượt": a partial total is not judged.
    assert "106,4" not in text
    assert "không đánh giá" in text


@pytest.mark.usefixtures("fresh_caches")
def test_the_english_overview_of_the_province_says_how_many_reported(communes: Store) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = "en"
    at = go_to(at, "pages/overview.py").run()
    at.selectbox(key="overview_area").set_value("12").run()
    assert not at.exception, [e.value for e in at.exception]
    text = " ".join(m.value for m in at.markdown).replace("\u2060", "")
    assert "4 of 38 communes reported (a partial total)" in text
    said = " ".join(c.value for c in at.caption).replace("\u2060", "")
    # The tea target is left unjudged for its partial total, not counted as one still without a figure.
    assert "1 target not judged: the total is partial" in said
    assert "without an actual figure" not in said
    # In 2020 the province's units were its eight districts; the former Tam Đường alone reported.
    at.segmented_control(key="overview_term").set_value("2015-2020").run()
    assert not at.exception, [e.value for e in at.exception]
    text = " ".join(m.value for m in at.markdown).replace("\u2060", "")
    assert "1 of 8 districts reported" in text
    assert "đã báo cáo" not in text


@pytest.mark.usefixtures("fresh_caches")
def test_the_indicator_page_draws_the_province_s_total_and_says_it_is_partial(communes: Store) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at = go_to(at, "pages/detail.py").run()
    at.selectbox(key="indicator").set_value("TEA_AREA").run()
    # It opens on an area with figures of its own and says so; the province is offered.
    assert at.selectbox(key="detail_area").value != "12"
    at.selectbox(key="detail_area").set_value("12").run()
    assert not at.exception, [e.value for e in at.exception]
    series = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    drawn = dict(zip(series["x"], series["y"], strict=True))
    # 2026: the four communes' sum; 2020: the former district's estimate, one of eight districts then.
    assert drawn[2026] == pytest.approx(TEA_SUM)
    assert drawn[2020] == pytest.approx(1758.5)
    said = " ".join(c.value for c in at.caption).replace("\u2060", "")
    assert "2026: 4/38 xã đã báo cáo" in said
    assert "2020: 1/8 huyện đã báo cáo" in said
    # The province's 2026 plan of 3,000 ha is not judged on four communes' figures.
    text = " ".join(m.value for m in at.markdown)
    assert "· Kế hoạch · — · không đánh giá]" in text
    assert "vượt" not in text
    # A total has no note or quotation of its own: nothing is shown for one, never "nan".
    assert "nan" not in text


def test_the_default_area_is_said_the_province_only_when_it_has_figures_of_its_own(tmp_path: Path) -> None:
    from dashboard.widgets import opened_on

    data = fixture.dataset(tmp_path / "2026.xlsx")
    ordered = ["12", "03390", "03424"]
    assert opened_on(data, Opening("12", "province"), ordered, "vi") == (
        "Chưa chọn địa bàn: trang mở trên Tỉnh Lai Châu, có số liệu của chính mình."
    )
    # The province without figures of its own: the first commune with figures, the province offered.
    assert opened_on(data, Opening("03390", "first"), ordered, "en") == (
        "No area chosen yet: the page shows Bình Lư commune, the first area with figures. "
        "Choose Lai Châu province above for the totals of its units' figures."
    )


def test_the_default_area_says_when_it_is_the_account_s_or_under_it(tmp_path: Path) -> None:
    from dashboard.widgets import opened_on

    data = fixture.dataset(tmp_path / "2026.xlsx")
    ordered = ["12", "03390", "03424"]
    assert opened_on(data, Opening("03424", "account", "03424"), ordered, "vi") == (
        "Chưa chọn địa bàn: trang mở trên Xã Bản Bo, địa bàn của tài khoản đang đăng nhập. "
        "Chọn Tỉnh Lai Châu ở ô trên để xem tổng hợp từ số liệu các đơn vị trực thuộc."
    )
    # A province's analyst: the province has only a target, so the first commune under it.
    assert opened_on(data, Opening("03390", "account_unit", "12"), ordered, "en") == (
        "No area chosen yet: Lai Châu province, the area of the account signed in, has no figures of "
        "its own yet; the page shows Bình Lư commune, the first area with figures within it. "
        "Choose Lai Châu province above for the totals of its units' figures."
    )
    # An account whose commune has nothing on this page: where the page opened, and why not there.
    assert opened_on(data, Opening("03390", "first", "03405"), ordered, "vi") == (
        "Chưa chọn địa bàn: trang mở trên Xã Bình Lư, địa bàn đầu tiên có số liệu. "
        "Xã Tả Lèng, địa bàn của tài khoản đang đăng nhập, chưa có số liệu ở trang này. "
        "Chọn Tỉnh Lai Châu ở ô trên để xem tổng hợp từ số liệu các đơn vị trực thuộc."
    )
    assert opened_on(data, Opening("03390", "no_figures"), ordered, "en").startswith(
        "No area chosen yet: no area has figures yet; the page shows Bình Lư commune, the first area."
    )
