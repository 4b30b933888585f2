"""Every viewer page on a reduced national shape (three provinces, all 100 indicators): what is drawn.

The data are bench.areas's synthetic national set, cut to Lai Châu (38 communes), Lạng Sơn's
neighbour 46 and 11: provinces hold 2025 targets only, communes hold 2020–2025 figures and targets.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from bench.areas import build
from bench.dashboard import go_to
from dashboard import limits
from indicators.store.database import ENV_URL, Store

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PROVINCES = ["12", "46", "11"]  # the three smallest provinces: 123 communes in all


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One SQLite store for the module (the pages only read it); caches empty before and after."""
    url = f"sqlite:///{tmp_path_factory.mktemp('national') / 'store.sqlite'}"
    Store(url, seed=None).ensure().commit(build(provinces=PROVINCES, years=np.arange(2020, 2026)), "test")
    st.cache_data.clear()
    st.cache_resource.clear()
    yield url
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def store_env(national: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(ENV_URL, national)
    return national


def open_page(page: str, at: AppTest | None = None) -> AppTest:
    """The page through app.py's navigation; in the same session when `at` is given."""
    if at is None:
        at = AppTest.from_file(APP, default_timeout=300)
        at.session_state["lang"] = "vi"
    go_to(at, page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def picked(at: AppTest, key: str) -> str:
    return str(at.selectbox(key=key).value)


def test_the_domain_page_draws_a_dozen_cards_and_finds_the_rest(store_env: str) -> None:
    at = open_page("kinh-te")
    # A hundred indicators: the first twelve as cards, a search, and how many are shown of how many.
    assert len(at.metric) == limits.CARD_LIMIT == 12
    assert "Hiện 12 trong 100 chỉ tiêu" in " ".join(c.value for c in at.caption)
    at.text_input(key="domain_economy_search").set_value("chỉ tiêu 7").run()
    # 7, 17 … 67, 70 … 79, 87, 97: nineteen names hold a "7"; the first twelve in page order show.
    assert len(at.metric) == 12
    assert "Hiện 12 trong 19 chỉ tiêu" in " ".join(c.value for c in at.caption)
    at.text_input(key="domain_economy_search").set_value("  TIÊU   42 ").run()
    assert [m.label for m in at.metric] == ["Chỉ tiêu 42 (ha)"]
    # The reading table follows the search; the Excel file keeps every indicator.
    assert "Bảng chỉ hiện 1 chỉ tiêu ở trên; tệp Excel có đủ 100 chỉ tiêu." in texts(at)
    drawn = " ".join(str(m.value) for m in at.markdown) + " ".join(tb.value.to_string() for tb in at.table)
    assert "Chỉ tiêu 42" in drawn and "Chỉ tiêu 41" not in drawn
    at.text_input(key="domain_economy_search").set_value("*không có*").run()
    assert not at.metric
    assert any("«\\*không có\\*»" in i.value for i in at.info)


def test_the_search_speaks_english_too(store_env: str) -> None:
    at = AppTest.from_file(APP, default_timeout=300)
    at.session_state["lang"] = "en"
    at = open_page("kinh-te", at)
    assert at.text_input(key="domain_economy_search").label == "Find an indicator by name"
    assert "Showing 12 of 100 indicators; type a name to find another." in texts(at)
    at.text_input(key="domain_economy_search").set_value("indicator 42").run()
    assert [m.label for m in at.metric] == ["Indicator 42 (ha)"]


def test_the_overview_opens_on_an_area_with_figures_not_a_province_with_only_targets(
    store_env: str,
) -> None:
    at = open_page("pages/overview.py")
    area = picked(at, "overview_area")
    # Sorted by label, a province comes first; it holds only a target, so the page opens on a commune.
    assert at.selectbox(key="overview_area").options[0].endswith("· 46")  # Huế, a province
    areas = Store(store_env, seed=None).load().areas
    assert area in set(areas.loc[areas["level"] == "commune", "code"])
    # Its hundred targets, ranked: the ten highest and the ten lowest drawn, the note says so.
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    bars = chart["data"][0]["x"]
    assert len(bars) == 20
    assert bars == sorted(bars, reverse=True)
    notes = " ".join(a["text"] for a in chart["layout"]["annotations"]).replace("<br>", " ")
    assert "10 dòng cao nhất và 10 dòng thấp nhất trong 100" in notes


def test_the_goals_year_and_indicator_pages_open_on_the_area_chosen_last(store_env: str) -> None:
    at = open_page("pages/detail.py")
    options = at.selectbox(key="detail_area").options
    # Every commune holding I000's figures, and the three provinces their totals belong to.
    assert len(options) == 123 + 3
    assert sum(o.endswith(("· 12", "· 46", "· 11")) for o in options) == 3
    chosen = "03394"  # Xã Sin Suối Hồ
    at.selectbox(key="detail_area").set_value(chosen).run()
    series = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert series["x"] == [2020, 2021, 2022, 2023, 2024, 2025]
    open_page("pages/goals.py", at)
    assert picked(at, "goals_area") == chosen
    open_page("pages/year.py", at)
    assert picked(at, "year_area") == chosen
    # Choosing again on the year page carries back to the indicator page.
    at.selectbox(key="year_area").set_value("03390").run()
    open_page("pages/detail.py", at)
    assert picked(at, "detail_area") == "03390"


def test_the_comparison_draws_the_ends_of_a_province_of_38_communes(store_env: str) -> None:
    at = AppTest.from_file(APP, default_timeout=300)
    at.query_params["indicator"] = "I000"
    at.query_params["parent"] = "12"
    at = open_page("pages/compare.py", at)
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    values = chart["data"][0]["x"]
    assert len(values) == 20
    assert values == sorted(values, reverse=True)
    notes = " ".join(a["text"] for a in chart["layout"]["annotations"]).replace("<br>", " ")
    assert "10 dòng cao nhất và 10 dòng thấp nhất trong 38" in notes
    # The table keeps every commune (and the province's line).
    (table,) = [m.value for m in at.markdown if str(m.value).startswith("| ")]
    assert table.count("Xã ") + table.count("Phường ") == 38


def charts(at: AppTest) -> int:
    return len(at.get("plotly_chart"))


def texts(at: AppTest) -> str:
    return " ".join(str(e.value) for e in [*at.subheader, *at.caption, *at.info])


# Per page: the charts drawn on opening, and words that say what the page shows.
DRAWN: dict[str, tuple[int, str]] = {
    "pages/overview.py": (1, "Kết quả so với chỉ tiêu"),
    "pages/goals.py": (1, "Lộ trình từng mục tiêu"),
    "pages/year.py": (0, "Năm 2025"),
    "pages/commendations.py": (0, "khen thưởng"),
    "pages/detail.py": (1, "Số liệu theo năm"),
    "pages/compare.py": (1, "Bảng so sánh"),
    # The results only: the chart of every year waits for the reader to turn it on.
    "kinh-te": (1, "Hiện 12 trong 100 chỉ tiêu"),
}


@pytest.mark.parametrize("page", list(DRAWN))
def test_every_viewer_page_draws_a_readable_amount_at_national_shape(store_env: str, page: str) -> None:
    at = open_page(page)
    count, words = DRAWN[page]
    assert charts(at) == count
    assert words in texts(at)


def test_the_goals_page_draws_the_picked_goal_of_a_hundred(store_env: str) -> None:
    at = open_page("pages/goals.py")
    # Every goal's verdict is in the table; the picker offers every goal with a baseline, one drawn.
    (picker,) = [s for s in at.selectbox if str(s.key).startswith("goals_chart_")]
    assert len(picker.options) == 100
    picker.set_value(picker.options[42]).run()
    (chart,) = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert chart["layout"]["title"]["text"] == "Chỉ tiêu 42"
    assert "Chỉ tiêu 42 (ha)" in next(str(m.value) for m in at.markdown if str(m.value).startswith("| "))


def test_a_hundred_rows_are_one_markdown_table(store_env: str) -> None:
    at = open_page("pages/year.py")
    # The commune's hundred indicators: one Markdown table (and the phone's rows), no st.table.
    assert not at.table
    (table,) = [str(m.value) for m in at.markdown if str(m.value).startswith("| ")]
    assert len(table.splitlines()) == 2 + 100
