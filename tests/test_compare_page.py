"""AppTest of the comparison page on the four communes' 2026 figures (a hand-made workbook)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators.store.database import Store
from indicators.text.i18n import t
from tests.support import areas_fixture as fixture

pytestmark = pytest.mark.usefixtures("fresh_caches")

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def open_page(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.switch_page("pages/compare.py")
    at.run()
    at.selectbox(key="compare_code").set_value("TEA_AREA").run()
    return at


def table_rows(at: AppTest) -> list[list[str]]:
    """The cells of the page's one Markdown table (header first), unescaped, word joiners removed."""
    (table,) = [m.value for m in at.markdown if str(m.value).startswith("| ")]
    lines = [line for i, line in enumerate(table.split("\n")) if i != 1]  # not the alignment row
    return [
        [cell.strip().replace("\\", "").replace("\u2060", "") for cell in line.strip("|").split(" | ")]
        for line in lines
    ]


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
    # The province's target; its total is partial (4 of 38 reported): no line, how many reported instead.
    assert lines == [3000.0]
    # One text trace labels the rows above the bars, in rank order.
    assert chart["data"][1]["text"] == ["Xã Bản Bo", "Xã Bình Lư", "Xã Khun Há", "Xã Tả Lèng"]
    words = " ".join(a["text"] for a in chart["layout"]["annotations"]).replace("<br>", " ")
    assert "Tỉnh Lai Châu: 3.190,75 ha" not in words
    # Lai Châu has 38 units and 4 reported: said once, in the words every page uses for a total.
    assert words.count("Tỉnh Lai Châu: 4/38 xã đã báo cáo (tổng chưa đủ)") == 1
    assert "Mục tiêu Tỉnh Lai Châu: 3.000 ha" in words
    assert "chưa có tổng" not in words and "tổng hợp từ" not in words
    # One table: each area's value, status and gap to its own target, the parent last.
    rows = table_rows(at)
    # No column that is empty on every row but one: the province's note goes beside its name.
    assert rows[0] == ["Địa bàn", "Giá trị", "Đánh giá", "Chênh lệch so với mục tiêu"]
    assert rows[1:5] == [
        ["Xã Bản Bo", "1.200,5", "▲ vượt", "+200,5 ha"],
        ["Xã Bình Lư", "950", "▲ vượt", "+50 ha"],
        ["Xã Khun Há", "610", "▲ vượt", "+10 ha"],
        ["Xã Tả Lèng", "430,25", "✗ không đạt", "−69,75 ha"],
    ]
    assert rows[5] == ["Phường Đoàn Kết", "—", "– chưa có chỉ tiêu", "—"]
    assert len(rows) == 1 + 38 + 1  # header, Lai Châu's 38 units, the province
    # The parent's gap is not given while its total is partial; its note says why.
    assert rows[-1] == [
        "Tỉnh Lai Châu · 4/38 xã đã báo cáo (tổng chưa đủ)",
        "3.190,75",
        "◐ không đánh giá: tổng chưa đủ",
        "—",
    ]
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
    origin = at.table[0].value
    assert sorted(origin.iloc[:, 1]) == ["Thị trấn Tam Đường", "Xã Bình Lư", "Xã Sơn Bình"]
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert len(charts) == 2  # the comparison and the former district's tea area series


def test_the_page_in_english(communes: Store) -> None:
    at = open_page("en")
    assert not at.exception
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert chart["data"][0]["text"][0] == "1,200.5 ▲ exceeded"
    words = " ".join(a["text"] for a in chart["layout"]["annotations"]).replace("<br>", " ")
    assert words.count("Lai Châu province: 4 of 38 communes reported (a partial total)") == 1
    assert "no total yet" not in words and "aggregated from" not in words
    rows = table_rows(at)
    assert rows[0] == ["Area", "Value", "Status", "Gap to target"]
    assert rows[1] == ["Bản Bo commune", "1,200.5", "▲ exceeded", "+200.5 ha"]
    assert rows[4][3] == "−69.75 ha"
    assert at.selectbox(key="compare_parent").options[0] == "Whole country"


def test_a_rate_without_parts_says_why_it_is_not_added(communes: Store) -> None:
    at = open_page("vi")
    at.selectbox(key="compare_code").set_value("POV_RATE").run()
    parent = table_rows(at)[-1]
    assert parent[1] == "—"  # a rate is not added up, and the province's name says why
    assert parent[0].startswith("Tỉnh Lai Châu · không cộng được: tỷ lệ chỉ tổng hợp được từ tử số và mẫu số")


def test_a_store_without_formed_from_links_shows_no_origin_heading(store_url: str, tmp_path: Path) -> None:
    # Only the four communes and their province: no former units, so nothing to say where they came from.
    bare = Store(store_url, seed=None).ensure()
    bare.commit(fixture.dataset(tmp_path / "xa_2026.xlsx"), account="test")
    at = open_page("vi")
    assert not at.exception, [e.value for e in at.exception]
    headings = [h.value for h in at.subheader]
    assert headings[0] == "Bảng so sánh và khoảng cách tới mục tiêu của từng địa bàn"
    # All four communes reported: the province's total is whole, and so is its gap (3.190,75 − 3.000).
    gaps = [r[3] for r in table_rows(at)[1:]]
    assert gaps == ["+200,5 ha", "+50 ha", "+10 ha", "−69,75 ha", "+190,75 ha"]
    assert "Nguồn gốc địa bàn" not in headings
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert chart["data"][0]["x"] == [1200.5, 950.0, 610.0, 430.25]


def test_the_excel_download_keeps_every_column_and_the_page_shows_the_gap(communes: Store) -> None:
    from indicators.areas import compare
    from indicators.charts import compare as compare_charts

    data = communes.load()
    table = compare_charts.compare_table(data, compare.compare(data, "TEA_AREA", 2026, "12"), "ha", "vi")
    # What the download button writes: every column, the gap as a number.
    assert list(table.columns) == [
        "area_code",
        "area_name",
        "row",
        "value",
        "unit",
        "actual_kind",
        "kind",
        "target",
        "basis",
        "pct",
        "status",
        "gap",
    ]
    assert table["gap"].iloc[:4].tolist() == [200.5, 50.0, 10.0, -69.75]
    shown = compare_charts.reading_table(table, "vi")
    # No column empty on every row but the province's: its note goes beside its name.
    assert list(shown.columns) == ["area_name", "value", "status", "gap"]
    assert shown["area_name"].iloc[-1] == "Tỉnh Lai Châu · 4/38 xã đã báo cáo (tổng chưa đủ)"
    assert shown["status"].iloc[-1] == "◐ không đánh giá: tổng chưa đủ"
    assert shown["gap"].iloc[:4].tolist() == ["+200,5 ha", "+50 ha", "+10 ha", "−69,75 ha"]
    assert shown["value"].iloc[:4].tolist() == ["1.200,5", "950", "610", "430,25"]


@pytest.mark.parametrize(("lang", "shown"), [("vi", "2.503,3 (ước)"), ("en", "2,503.3 (est.)")])
def test_an_estimate_and_an_implied_target_are_marked(store: Store, lang: str, shown: str) -> None:
    """The district's 2020 production value was written in 2020: the table says it is an estimate."""
    from indicators.areas import compare
    from indicators.charts import compare as compare_charts

    data = store.load()
    result = compare.compare(data, "GTSX", 2020, "12")
    table = compare_charts.compare_table(data, result, "tỷ đồng", lang)  # type: ignore[arg-type]
    reading = compare_charts.reading_table(table, lang)  # type: ignore[arg-type]
    district = reading[table["area_code"] == "106"]
    assert district["value"].tolist() == [shown]
    # Its target (2.120) is worked back from the printed 118,08 %: the gap is approximate and the
    # Excel file says why.
    assert table.loc[table["area_code"] == "106", "basis"].tolist() == [t("basis.implied", lang)]  # type: ignore[arg-type]
    assert district["gap"].iloc[0].startswith("≈ +")


def test_a_bar_on_an_estimate_says_so_and_areas_without_a_target_come_below(store: Store) -> None:
    """The district's estimated 2026 tea area says "ước" on its bar; areas without a target go below."""
    from tests.test_year import upload

    upload(store, {"UTH 2026": {"TEA_AREA": 2000}}, "uoc-2026.xlsx")
    data = store.load()
    from indicators.areas import compare
    from indicators.charts import compare as compare_charts

    kids = pd.DataFrame(
        {
            "area": ["a", "b", "c", "d"],
            "value": [900.0, 500.0, None, 700.0],
            "status": ["no_target", "vuot", "no_data", "khong_dat"],
            "is_parent": [False, False, False, False],
        }
    )
    ordered = compare_charts.judged_first(kids)
    assert ordered["area"].tolist() == ["b", "d", "a", "c"]
    result = compare.compare(data, "TEA_AREA", 2026, "12")
    figure = compare_charts.compare_figure(data, result, "Chè", "ha", "vi")
    texts = list(figure.data[0].text)
    assert any(text.startswith("2.000 (ước) ") for text in texts), texts


def test_the_province_s_partial_total_is_said_in_one_wording_on_chart_and_table(store: Store) -> None:
    """In 2020 the province's units were eight districts, one reported: one sentence says so, everywhere."""
    from indicators.areas import compare
    from indicators.charts import compare as compare_charts

    data = store.load()
    result = compare.compare(data, "GTSX", 2020, "12")
    table = compare_charts.compare_table(data, result, "tỷ đồng", "vi")
    shown = compare_charts.reading_table(table, "vi")
    note = "1/8 huyện đã báo cáo (tổng chưa đủ)"
    assert shown["area_name"].iloc[-1] == f"Tỉnh Lai Châu · {note}"
    assert (shown != "").all().all(), "a column with an empty cell"
    figure = compare_charts.compare_figure(data, result, "Giá trị sản xuất", "tỷ đồng", "vi")
    words = " ".join(str(a.text) for a in figure.layout.annotations).replace("<br>", " ")
    assert words.count(f"Tỉnh Lai Châu: {note}") == 1
    assert "chưa có tổng" not in words and "tổng hợp từ 1/8" not in words
