"""The area filter on every page whose data have more than one area (AppTest, the four communes' figures)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.dashboard import go_to
from indicators.store.database import Store

pytestmark = pytest.mark.usefixtures("fresh_caches")

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PROVINCE = "Tỉnh Lai Châu · 12"
FORMER = "Tỉnh Lai Châu › Huyện Tam Đường (cũ) · 106"
COMMUNES = [
    "Tỉnh Lai Châu › Xã Bình Lư · 03390",
    "Tỉnh Lai Châu › Xã Bản Bo · 03424",
    "Tỉnh Lai Châu › Xã Khun Há · 03430",
    "Tỉnh Lai Châu › Xã Tả Lèng · 03405",
]


def open_page(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    go_to(at, page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def area_picker(at: AppTest, key: str) -> list[str]:
    """The picker's choices as people read them; fails when the page offers none."""
    found = [s for s in at.selectbox if s.key == key]
    assert found, f"no area picker {key}"
    return list(found[0].options)


def has_picker(at: AppTest, key: str) -> bool:
    return any(s.key == key for s in at.selectbox)


def captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption).replace("\u2060", "")


def test_the_overview_offers_every_area_with_data_once(communes: Store) -> None:
    at = open_page("pages/overview.py")
    # 03390 names two units (the former town, then Bình Lư commune): one choice, not two.
    assert area_picker(at, "overview_area") == [PROVINCE, FORMER, *COMMUNES]


def test_the_tea_page_shows_the_chosen_commune(communes: Store) -> None:
    at = open_page("cay-che")
    assert area_picker(at, "domain_tea_area") == [PROVINCE, FORMER, *COMMUNES]
    at.selectbox(key="domain_tea_area").set_value("03424").run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Tổng diện tích chè (ha)"] == "1.200,5"
    at.selectbox(key="domain_tea_area").set_value("03405").run()
    assert {m.label: m.value for m in at.metric}["Tổng diện tích chè (ha)"] == "430,25"


def test_a_page_offers_only_the_areas_of_its_own_indicators(communes: Store) -> None:
    # The communes' 2026 figures are tea, poverty and households: the poverty page has them, and
    # the former district's own figures; the political system's figures are the district's only.
    # The province is offered over either: its figures are its units' totals.
    poverty = open_page("giam-ngheo-viec-lam")
    assert area_picker(poverty, "domain_poverty_jobs_area") == [PROVINCE, FORMER, *COMMUNES]
    politics = open_page("he-thong-chinh-tri")
    assert area_picker(politics, "domain_political_system_area") == [PROVINCE, FORMER]


def test_commendations_name_their_one_area_instead_of_a_picker(communes: Store) -> None:
    at = open_page("pages/commendations.py")
    assert not has_picker(at, "commendations_area")
    assert "Địa bàn: Huyện Tam Đường" in captions(at)


def test_the_indicator_page_offers_the_areas_of_the_chosen_indicator(communes: Store) -> None:
    at = open_page("pages/detail.py")
    # The total production value is the former district's alone, and the province's total over it.
    assert at.selectbox(key="indicator").value == "GTSX"
    assert area_picker(at, "detail_area") == [PROVINCE, FORMER]
    at.selectbox(key="indicator").set_value("TEA_AREA").run()
    assert area_picker(at, "detail_area") == [PROVINCE, FORMER, *COMMUNES]
    at.selectbox(key="detail_area").set_value("03424").run()
    assert not at.exception
    series = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert dict(zip(series["x"], series["y"], strict=True))[2026] == 1200.5
