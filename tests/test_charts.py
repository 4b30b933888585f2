"""The figure and table builders: numbers, words, order and safety, without Streamlit."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators import attainment, charts, progress
from indicators.model import Dataset
from indicators.seed import load_source

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def data() -> Dataset:
    """The shipped figures with the targets the report implies, as the store holds them."""
    return attainment.derive_targets(load_source())


@pytest.fixture(scope="module")
def rows(data: Dataset) -> pd.DataFrame:
    return charts.with_periods(attainment.compute(data))


@pytest.fixture(scope="module")
def term(rows: pd.DataFrame) -> pd.DataFrame:
    return charts.select(rows, "TD", "2015-2020")


def test_charts_never_import_streamlit() -> None:
    code = "import sys, indicators.charts; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


# Terms --------------------------------------------------------------------------------


def test_a_year_plan_and_a_quota_belong_to_the_term_that_holds_them(rows: pd.DataFrame) -> None:
    period = rows.set_index(["code", "year", "target_kind"])["period"]
    assert period[("INCOME_PC", 2019, "KH")] == "2015-2020"
    assert period[("MILITARY_RECRUIT", 2020, "GIAO")] == "2015-2020"
    assert period[("TOURISTS", 2025, "NQ")] == "2020-2025"
    assert charts.periods(rows) == ["2015-2020", "2020-2025"]
    assert charts.default_period(rows) == "2015-2020"


@pytest.mark.parametrize(
    ("term", "lang", "label"),
    [
        ("2015-2020", "vi", "2015–2020"),
        ("2019", "vi", "Năm 2019"),
        ("2019", "en", "Year 2019"),
        ("", "vi", "—"),
    ],
)
def test_term_labels(term: str, lang: str, label: str) -> None:
    assert charts.term_label(term, lang) == label  # type: ignore[arg-type]


def test_area_names_in_english_drop_the_vietnamese_level_word(data: Dataset) -> None:
    assert charts.area_label(data, "TD", "vi") == "Huyện Tam Đường"
    assert charts.area_label(data, "TD", "en") == "Tam Đường district"
    assert charts.area_label(data, "BAN_BO", "en") == "Bản Bo commune"
    assert charts.area_label(data, "NOWHERE", "en") == "NOWHERE"


# Cards and tallies --------------------------------------------------------------------


def test_headline_cards_in_vietnamese(data: Dataset, term: pd.DataFrame) -> None:
    cards = {c.code: c for c in charts.cards(data, term, charts.HEADLINE, "vi", "TD", "2015-2020")}
    assert list(cards) == list(charts.HEADLINE)
    gtsx = cards["GTSX"]
    assert (gtsx.value, gtsx.unit, gtsx.target_pct, gtsx.status, gtsx.year) == (
        "2.503,3",
        "tỷ đồng",
        "118,08\u202f%",
        "vuot",
        "2020",
    )
    assert (gtsx.change_label, gtsx.change) == ("So với năm 2015", "+1.050,2 tỷ đồng")
    tourists = cards["TOURISTS"]
    assert (tourists.value, tourists.value_note, tourists.target_pct) == (
        "≈ 300.000",
        "khoảng 300.000 lượt khách",
        "500\u202f%",
    )
    poverty = cards["POV_RATE"]
    assert (poverty.value, poverty.target_pct, poverty.status) == ("18,22", "150\u202f%", "vuot")
    assert (poverty.change_label, poverty.change) == ("Bình quân mỗi năm từ 2015", "−4,5\u202f%")
    tea = cards["TEA_AREA"]
    assert (tea.value, tea.target_pct, tea.status, tea.change) == ("1.758,5", "—", "no_target", "—")
    assert cards["NTM_COMMUNES"].status == "dat"
    assert cards["INCOME_PC"].target_pct == "100\u202f%"  # the resolution, not the 2019 plan


def test_headline_cards_in_english(data: Dataset, term: pd.DataFrame) -> None:
    cards = {c.code: c for c in charts.cards(data, term, charts.HEADLINE, "en", "TD", "2015-2020")}
    assert (cards["GTSX"].value, cards["GTSX"].unit, cards["GTSX"].change) == (
        "2,503.3",
        "billion VND",
        "+1,050.2 billion VND",
    )
    assert cards["GTSX"].status_label == "▲ exceeded"
    assert cards["TOURISTS"].value_note == "about 300,000 visitors"


def test_cards_skip_indicators_the_data_lacks(data: Dataset, term: pd.DataFrame) -> None:
    assert charts.cards(data, term, ["NOT_THERE", "GTSX"], "vi", "TD", None)[0].code == "GTSX"
    assert charts.cards(Dataset.empty(), term.iloc[0:0], charts.HEADLINE, "vi", None, None) == []


def test_tally_of_the_2015_2020_term(term: pd.DataFrame) -> None:
    assert charts.tally(term) == {"vuot": 9, "dat": 9, "khong_dat": 0, "no_data": 0}


# Attainment chart ---------------------------------------------------------------------


def test_attainment_figure_sorted_with_words_and_the_100_line(data: Dataset, term: pd.DataFrame) -> None:
    fig = charts.attainment_figure(charts.attainment_view(data, term, "vi"), "vi")
    bars = fig.data[0]
    assert list(bars.x) == sorted(bars.x, reverse=True)
    assert bars.text[0] == "500\u202f% ▲ vượt"
    assert "118,08\u202f% ▲ vượt" in bars.text
    assert "100\u202f% ✓ đạt" in bars.text
    # The report's own % where there are no figures: hatched, and said so under the chart.
    patterns = dict(zip(bars.text, bars.marker.pattern.shape, strict=True))
    assert patterns["105,4\u202f% ▲ vượt"] == "/" and patterns["118,08\u202f% ▲ vượt"] == ""
    assert any("Sọc chéo" in a.text for a in fig.layout.annotations)
    (line,) = fig.layout.shapes
    assert (line.x0, line.x1, line.line.dash, line.layer) == (100, 100, "dash", "below")
    labels_bg = {a.bgcolor for a in fig.layout.annotations if a.yref == "y" and a.xref == "paper"}
    assert labels_bg == {"rgba(255,255,255,0.85)"}  # the line never runs through a label
    assert fig.layout.separators == ",."
    assert fig.layout.dragmode is False
    labels = [a.text for a in fig.layout.annotations if a.yref == "y"]
    assert "Thu nhập bình quân đầu người (Kế hoạch 2019)" in labels
    hover = next(h for h in bars.customdata if h.startswith("<b>Tổng giá trị sản xuất</b>"))
    assert "Thực hiện: 2.503,3 tỷ đồng" in hover and "Chỉ tiêu: 2.120 tỷ đồng" in hover
    assert "Tỷ lệ báo cáo nêu: 118,08\u202f%" in hover


def test_attainment_figure_in_english(data: Dataset, term: pd.DataFrame) -> None:
    fig = charts.attainment_figure(charts.attainment_view(data, term, "en"), "en")
    assert fig.layout.separators == ".,"
    assert "118.08\u202f% ▲ exceeded" in fig.data[0].text
    assert fig.layout.title.text == "Attainment of targets"


def test_text_from_the_data_cannot_become_markup() -> None:
    item = charts.BarItem(
        label="<b>x</b> & <a href='javascript:alert(1)'>y</a>",
        value=1.0,
        text="<i>1</i>",
        color="#000",
        hover="h",
    )
    fig = charts.bar_list([item], "<script>", "vi")
    label = next(a.text for a in fig.layout.annotations if a.yref == "y")
    assert "<" not in label.replace("<br>", "") and "&lt;a" in label
    assert fig.data[0].text[0] == "&lt;i&gt;1&lt;/i&gt;"
    assert fig.layout.title.text == "&lt;script&gt;"


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (500, [0, 100, 200, 300, 400, 500]),
        (254, [0, 100, 200]),
        (100, [0, 20, 40, 60, 80, 100]),
        (6099, [0, 2000, 4000, 6000]),
        (0.3, [0, 0.1, 0.2, 0.3]),
        (0, [0]),
        (float("nan"), [0]),
    ],
)
def test_nice_ticks(top: float, ticks: list[float]) -> None:
    assert charts.nice_ticks(top) == pytest.approx(ticks)


# Tables -------------------------------------------------------------------------------


def test_results_table_keeps_numbers_for_excel(data: Dataset, term: pd.DataFrame) -> None:
    codes = charts.codes_in(data, ("economy",))
    assert codes[:2] == ["INCOME_PC", "GTSX"] or codes[:2] == ["GTSX", "INCOME_PC"]
    table = charts.results_table(data, term, codes, "vi", "TD", "2015-2020")
    gtsx = table[table["Chỉ tiêu"] == "Tổng giá trị sản xuất"].iloc[0]
    assert gtsx["Thực hiện"] == 2503.3 and gtsx["Chỉ tiêu đề ra"] == pytest.approx(2120, abs=0.01)
    assert gtsx["% đạt (tính toán)"] == pytest.approx(118.08, abs=0.005)
    assert gtsx["Thay đổi so với 2015"] == 1050.2
    assert gtsx["Đánh giá"] == "▲ vượt" and gtsx["Ghi chú"] == "chỉ tiêu suy ra"
    plan = table[
        (table["Chỉ tiêu"] == "Thu nhập bình quân đầu người") & (table["Loại chỉ tiêu"] == "Kế hoạch")
    ]
    assert np.isnan(plan.iloc[0]["Thực hiện"])  # the report gives no 2019 figure, only its %
    assert plan.iloc[0]["% báo cáo nêu"] == 104.3
    agri = table[table["Chỉ tiêu"].str.startswith("Cơ cấu kinh tế: nông")].iloc[0]
    assert agri["Đánh giá"] == "– chưa có chỉ tiêu"


def test_goals_summary_speaks_in_paces(data: Dataset) -> None:
    rows = progress.compute(data)
    summary = charts.goals_summary(data, rows, "vi").set_index("Chỉ tiêu")
    tourists = summary.loc["Số lượt khách du lịch (lượt khách)"]
    assert tourists["Năm gốc"] == "300.000 (2020)"
    assert tourists["Mục tiêu"] == "600.000 lượt khách (2025)"
    assert tourists["Cần đạt mỗi năm"] == "+14,87\u202f%/năm"
    assert tourists["Thực tế mỗi năm"] == "—"
    assert tourists["Tiến độ"] == "○ chưa đủ số liệu (chưa có số liệu sau năm gốc)"
    poverty = summary.loc["Tỷ lệ hộ nghèo (%)"]
    assert poverty["Mục tiêu"] == "giảm mỗi năm 2\u202f% (→ 8,22\u202f%) (2025)"
    assert poverty["Cần đạt mỗi năm"] == "−2\u202f%/năm"
    assert summary.loc["Tỷ suất tăng dân số tự nhiên (‰)"]["Mục tiêu"] == "≤ 13,3\u202f‰ (2025)"
    assert summary.loc["Tỷ lệ sinh (‰)"]["Mục tiêu"] == "giảm mỗi năm 0,5\u202f‰ (2025)"
    budget = summary.loc["Thu ngân sách trên địa bàn (tỷ đồng)"]["Tiến độ"]
    assert budget == "○ chưa đủ số liệu (báo cáo không nêu số liệu năm gốc)"
    full = charts.goals_table(data, rows, "en")
    assert full.loc[full["Indicator"] == "Tourist arrivals", "Required growth (%/year)"].iloc[
        0
    ] == pytest.approx(14.87, abs=0.01)


def test_goal_figure_path_goal_and_status(data: Dataset) -> None:
    rows = progress.compute(data)
    paths = progress.required_path(rows)
    goal = rows[rows["code"] == "TOURISTS"].iloc[0]
    actuals = charts.series(data, "TOURISTS", "TD", first=2015, last=2025)
    fig = charts.goal_figure(
        goal, actuals, paths[paths["code"] == "TOURISTS"], "Số lượt khách", "lượt khách", "vi"
    )
    path, actual, star = fig.data
    assert path.line.dash == "dash" and list(path.x) == list(range(2020, 2026))
    assert path.y[0] == pytest.approx(300000) and path.y[-1] == pytest.approx(600000)
    assert list(actual.x) == [2020] and actual.text == ("300.000",)
    assert (star.x, star.y, star.marker.symbol) == ((2025,), (600000.0,), "star")
    assert fig.layout.title.subtitle.text == "○ chưa đủ số liệu"
    assert fig.layout.xaxis.tickformat == "d" and fig.layout.yaxis.tickformat == ",~f"
    assert list(fig.layout.xaxis.tickvals) == [2015, 2020, 2025]


def test_series_figure_marks_targets(data: Dataset) -> None:
    targets = data.targets[data.targets["code"] == "TEA_NEW"]
    fig = charts.series_figure(charts.series(data, "TEA_NEW", "TD"), targets, "Chè trồng mới", "ha", "en")
    actual, target = fig.data
    assert actual.text == ("661.3",) and target.text == ("300",)
    assert target.customdata == ("Target Resolution 2020: 300 ha",)
    empty = charts.series_figure(charts.series(data, "NONE", "TD"), targets.iloc[0:0], "x", "", "vi")
    assert empty.data == ()


def test_quotes_are_the_report_sentences_once(data: Dataset) -> None:
    quoted = charts.quotes(data, "GTSX", "TD")
    assert "Tổng giá trị sản xuất đạt 2.503,3 tỷ đồng, đạt 118,08% Nghị quyết" in set(quoted["quote"])
    assert not quoted.duplicated().any()


# Commendations ------------------------------------------------------------------------


def test_commendations_highest_award_first_collectives_before_individuals(data: Dataset) -> None:
    counts = charts.commendations(data, "vi")
    ranked = counts[counts["level"] != ""]
    assert ranked["code"].tolist()[:4] == ["KT_HCLD3_TT", "KT_HCLD3_CN", "CO_CP_TT", "BK_TTG_TT"]
    assert ranked["code"].tolist()[-1] == "LDTT_CN"
    assert ranked.iloc[0]["award"] == "Huân chương Lao động hạng Ba"
    assert counts.loc[counts["code"] == "EXEMPLARY_TT", "qualifier"].iloc[0] == "tren"
    individuals = charts.commendations(data, "vi", recipient="ca_nhan")
    assert set(individuals["recipient"]) == {"ca_nhan"}


def test_totals_by_level(data: Dataset) -> None:
    counts = charts.commendations(data, "en")
    table = charts.levels_table(counts, "en")
    assert table.to_numpy().tolist() == [
        ["State", "Collectives", 1.0],
        ["State", "Individuals", 2.0],
        ["Government", "Collectives", 3.0],
        ["Government", "Individuals", 9.0],
        ["Province", "Collectives", 213.0],
        ["Province", "Individuals", 629.0],
        ["Grassroots", "Collectives", 618.0],
        ["Grassroots", "Individuals", 6984.0],
    ]
    fig = charts.awards_figure(counts, "en")
    assert fig.data[0].text[-1] == "6,099"
    assert set(fig.data[0].marker.pattern.shape) == {"", "."}


def test_commendations_of_a_dataset_without_any(data: Dataset) -> None:
    bare = replace(data, indicators=data.indicators[data.indicators["domain"] != "commendations"])
    assert charts.commendations(bare, "vi").empty
    assert charts.levels_table(charts.commendations(bare, "vi"), "vi").empty


def test_results_summary_reads_on_a_phone(data: Dataset, term: pd.DataFrame) -> None:
    table = charts.results_table(data, term, charts.codes_in(data, ("economy",)), "vi", "TD", "2015-2020")
    summary = charts.results_summary(table, "vi")
    assert list(summary.columns) == [
        "Chỉ tiêu",
        "Thực hiện",
        "Chỉ tiêu đề ra",
        "% đạt (tính toán)",
        "Đánh giá",
    ]
    rows = summary.set_index("Chỉ tiêu")
    gtsx = rows.loc["Tổng giá trị sản xuất (tỷ đồng)"]
    assert gtsx.tolist() == ["2.503,3", "2.120 (Nghị quyết, chỉ tiêu suy ra)", "118,08\u202f%", "▲ vượt"]
    tea = charts.results_table(data, term, ["TEA_NEW", "TOURISTS"], "en", "TD", "2015-2020")
    english = charts.results_summary(tea, "en").set_index("Indicator")
    assert english.loc["Newly planted tea area (ha)", "Target"] == "300 (Resolution)"  # stated, not derived
    assert english.loc["Tourist arrivals (visitors)", "Actual"] == "about 300,000"
    budget = rows.loc["Thu ngân sách trên địa bàn (tỷ đồng)"]
    assert budget.tolist() == ["—", "—", "105,4\u202f% (theo tỷ lệ báo cáo nêu)", "▲ vượt"]
    assert charts.results_summary(table.iloc[0:0], "en").columns[0] == "Indicator"
