"""AppTest of the comparison page on the four communes' 2026 figures (a hand-made workbook)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from indicators import diff, validate
from indicators.store import Store
from tests import areas_fixture as fixture

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def communes(store: Store, tmp_path: Path) -> Store:
    """The shipped store plus the hand-made 2026 figures of Bản Bo, Bình Lư, Tả Lèng and Khun Há."""
    current = store.load()
    book = fixture.workbook(tmp_path / "xa_2026.xlsx")
    upload = validate.check(book.read_bytes(), book.name, current)
    assert upload.ok, validate.report_text(upload)
    store.commit(diff.merge(current, upload), account="test", file_name=book.name)
    return store


def open_page(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.switch_page("pages/compare.py")
    at.run()
    at.selectbox(key="compare_code").set_value("TEA_AREA").run()
    return at


def test_the_page_ranks_the_communes_with_the_province_lines(communes: Store) -> None:
    at = open_page("vi")
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="compare_year").value == 2026
    assert at.selectbox(key="compare_parent").value == "12"
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    bars = chart["data"][0]
    assert bars["x"] == [1200.5, 950.0, 610.0, 430.25]
    assert bars["text"] == ["1.200,5 ▲ vượt", "950 ▲ vượt", "610 ▲ vượt", "430,25 ✗ không đạt"]
    lines = sorted(s["x0"] for s in chart["layout"]["shapes"])
    assert lines == [3000.0, 3190.75]  # the province's target and its (partial) total
    words = " ".join(a["text"] for a in chart["layout"]["annotations"]).replace("<br>", " ")
    assert "Tỉnh Lai Châu: 3.190,75 ha" in words
    assert "Mục tiêu Tỉnh Lai Châu: 3.000 ha" in words
    assert "chưa đủ: tổng hợp từ 4/38 xã" in words  # Lai Châu has 38 units; 4 reported
    gaps = at.table[0].value
    assert gaps.iloc[:, 2].tolist() == ["+200,5 ha", "+50 ha", "+10 ha", "−69,75 ha"]
    table = at.table[1].value
    assert table.iloc[-1].tolist()[0] == "Tỉnh Lai Châu"
    # The reading table keeps a colon from starting Markdown with an invisible word joiner.
    assert "chưa đủ: tổng hợp từ 4/38 xã" in [str(v).replace("\u2060", "") for v in table.iloc[-1]]
    assert at.get("download_button")[0].proto.label == "Tải bảng Excel"


def test_the_origin_of_a_commune_shows_the_former_district_labelled(communes: Store) -> None:
    at = open_page("vi")
    picker = at.selectbox(key="compare_origin_TEA_AREA_2026_12")
    assert picker.value == "03424"  # the first ranked commune of the comparison above
    picker.set_value("03390").run()
    assert not at.exception
    text = "\n".join(str(c.value) for c in at.caption)
    assert (
        "Số liệu dưới đây là của Huyện Tam Đường (đơn vị cũ, đến 30/6/2025), không phải của Xã Bình Lư."
        in text
    )
    origin = at.table[2].value
    assert sorted(origin.iloc[:, 1]) == ["Thị trấn Tam Đường", "Xã Bình Lư", "Xã Sơn Bình"]
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert len(charts) == 2  # the comparison and the former district's tea area series


def test_the_page_in_english(communes: Store) -> None:
    at = open_page("en")
    assert not at.exception
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert chart["data"][0]["text"][0] == "1,200.5 ▲ exceeded"
    words = " ".join(a["text"] for a in chart["layout"]["annotations"]).replace("<br>", " ")
    assert "Lai Châu province: 3,190.75 ha" in words
    assert "partial: aggregated from 4 of 38 communes" in words
    assert at.selectbox(key="compare_parent").options[0] == "Whole country"


def test_a_rate_without_parts_says_why_it_is_not_added(communes: Store) -> None:
    at = open_page("vi")
    at.selectbox(key="compare_code").set_value("POV_RATE").run()
    table = at.table[-1].value if not at.table[-1].value.empty else at.table[0].value
    shown = "\n".join(str(v).replace("\u2060", "") for t in at.table for v in t.value.to_numpy().ravel())
    assert "không cộng được: tỷ lệ chỉ tổng hợp được từ tử số và mẫu số" in shown
    assert not table.empty


def test_a_store_without_formed_from_links_shows_no_origin_heading(store_url: str, tmp_path: Path) -> None:
    # Only the four communes and their province: no former units, so nothing to say where they came from.
    bare = Store(store_url, seed=None).ensure()
    bare.commit(fixture.dataset(tmp_path / "xa_2026.xlsx"), account="test")
    at = open_page("vi")
    assert not at.exception, [e.value for e in at.exception]
    headings = [h.value for h in at.subheader]
    assert headings[:2] == ["Khoảng cách tới mục tiêu của từng địa bàn", "Bảng so sánh"]
    assert "Nguồn gốc địa bàn" not in headings
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert chart["data"][0]["x"] == [1200.5, 950.0, 610.0, 430.25]
