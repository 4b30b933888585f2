"""The tables beside the charts: numbers kept for Excel, words for reading."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators import (
    progress,
    selection,
    tables,
)
from indicators.model import Dataset


def test_results_table_keeps_numbers_for_excel(data: Dataset, term: pd.DataFrame) -> None:
    codes = selection.codes_in(data, ("economy",))
    assert codes[:2] == ["INCOME_PC", "GTSX"] or codes[:2] == ["GTSX", "INCOME_PC"]
    table = tables.results_table(data, term, codes, "vi", "TD", "2015-2020")
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
    summary = tables.goals_summary(data, rows, "vi").set_index("Chỉ tiêu")
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
    full = tables.goals_table(data, rows, "en")
    assert full.loc[full["Indicator"] == "Tourist arrivals", "Required growth (%/year)"].iloc[
        0
    ] == pytest.approx(14.87, abs=0.01)


def test_quotes_are_the_report_sentences_once(data: Dataset) -> None:
    quoted = tables.quotes(data, "GTSX", "TD")
    assert "Tổng giá trị sản xuất đạt 2.503,3 tỷ đồng, đạt 118,08% Nghị quyết" in set(quoted["quote"])
    assert not quoted.duplicated().any()


def test_results_summary_reads_on_a_phone(data: Dataset, term: pd.DataFrame) -> None:
    table = tables.results_table(data, term, selection.codes_in(data, ("economy",)), "vi", "TD", "2015-2020")
    summary = tables.results_summary(table, "vi")
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
    tea = tables.results_table(data, term, ["TEA_NEW", "TOURISTS"], "en", "TD", "2015-2020")
    english = tables.results_summary(tea, "en").set_index("Indicator")
    assert english.loc["Newly planted tea area (ha)", "Target"] == "300 (Resolution)"  # stated, not derived
    assert english.loc["Tourist arrivals (visitors)", "Actual"] == "about 300,000"
    budget = rows.loc["Thu ngân sách trên địa bàn (tỷ đồng)"]
    assert budget.tolist() == ["—", "—", "105,4\u202f% (theo tỷ lệ báo cáo nêu)", "▲ vượt"]
    assert tables.results_summary(table.iloc[0:0], "en").columns[0] == "Indicator"
