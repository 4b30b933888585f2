"""The tables beside the charts: numbers kept for Excel, words for reading."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from indicators.core import progress, selection
from indicators.core.model import Dataset
from indicators.text import commendations, indicator_tables, tables
from indicators.text.fmt import Lang
from indicators.text.i18n import t


def test_results_table_keeps_numbers_for_excel(data: Dataset, term: pd.DataFrame) -> None:
    codes = selection.codes_in(data, ("economy",))
    assert codes[:2] == ["INCOME_PC", "GTSX"] or codes[:2] == ["GTSX", "INCOME_PC"]
    found = tables.results(data, term, codes, "vi", "106", "2015-2020")
    table = tables.headers(tables.results_table(found, "vi"), "vi")
    gtsx = table[table["Chỉ tiêu"] == "Tổng giá trị sản xuất"].iloc[0]
    # The implied target is rounded to what 118,08 % supports (five significant digits).
    assert gtsx["Thực hiện"] == 2503.3 and gtsx["Chỉ tiêu đề ra"] == 2120.0
    assert gtsx["% đạt (tính toán)"] == pytest.approx(118.08, abs=0.005)
    assert gtsx["Thay đổi so với 2015"] == 1050.2
    assert gtsx["Đánh giá"] == "▲ vượt"
    # The figures in words beside the numbers, as phrase writes them on every page and in the báo cáo.
    assert gtsx["Thực hiện (bằng chữ)"] == "2.503,3 tỷ đồng (ước)"
    assert gtsx["Chỉ tiêu đề ra (bằng chữ)"] == "≈\u202f2.120,0 tỷ đồng (suy ra từ tỷ lệ % đã công bố)"
    assert gtsx["Cơ sở mục tiêu"] == "suy ra từ tỷ lệ % đã công bố"
    tea = tables.headers(
        tables.results_table(tables.results(data, term, ["TEA_OUTPUT"], "vi", "106", "2015-2020"), "vi"), "vi"
    ).iloc[0]
    assert tea["Chỉ tiêu đề ra"] == 7038.0  # 7.037,9 worked back from 137,2 %: four digits, no more
    plan = table[
        (table["Chỉ tiêu"] == "Thu nhập bình quân đầu người") & (table["Loại chỉ tiêu"] == "Kế hoạch")
    ]
    assert np.isnan(plan.iloc[0]["Thực hiện"])  # the report gives no 2019 figure, only its %
    assert plan.iloc[0]["% báo cáo nêu"] == 104.3
    agri = table[table["Chỉ tiêu"].str.startswith("Cơ cấu kinh tế: nông")].iloc[0]
    assert agri["Đánh giá"] == "– chưa có chỉ tiêu"


def test_goals_summary_speaks_in_paces(data: Dataset) -> None:
    rows = progress.compute(data)
    summary = tables.headers(tables.goals_summary(data, rows, "vi"), "vi").set_index("Chỉ tiêu")
    tourists = summary.loc["Số lượt khách du lịch"]
    # The source's own word, which already hedges; and no year, which the source does not give.
    assert tourists["Năm gốc"] == "khoảng 300.000 (giai đoạn 2015–2020, nguồn số liệu không nêu rõ năm)"
    # "thu hút trên 600.000 lượt khách", as the source says it.
    assert tourists["Mục tiêu"] == "trên 600.000 lượt khách (2025)"
    # No pace from a figure without its year: the office is asked for a dated 2020 figure.
    assert tourists["Cần đạt mỗi năm"] == "—"
    assert tourists["Thực tế mỗi năm"] == "—"
    assert tourists["Tiến độ / kết quả"] == "○ chưa đủ số liệu (chưa có số liệu năm gốc)"
    income = summary.loc["Thu nhập bình quân đầu người (triệu đồng/người/năm)"]
    assert income["Cần đạt mỗi năm"] == "+8,45\u202f%/năm"
    poverty = summary.loc["Tỷ lệ hộ nghèo (%)"]
    assert poverty["Mục tiêu"] == "giảm mỗi năm 2 điểm % (→ 8,22\u202f%) (2025)"
    assert poverty["Cần đạt mỗi năm"] == "−2 điểm %/năm"
    assert summary.loc["Tỷ suất tăng dân số tự nhiên (‰)"]["Mục tiêu"] == "≤ 13,3\u202f‰ (2025)"
    assert summary.loc["Tỷ lệ sinh (‰)"]["Mục tiêu"] == "giảm mỗi năm 0,5 điểm ‰ (2025)"
    budget = summary.loc["Thu ngân sách trên địa bàn (tỷ đồng)"]["Tiến độ / kết quả"]
    assert budget == "○ chưa đủ số liệu (chưa có số liệu năm gốc)"
    full = tables.headers(tables.goals_table(data, rows, "en"), "en")
    assert math.isnan(full.loc[full["Indicator"] == "Tourist arrivals", "Required growth (%/year)"].iloc[0])


def test_quotes_are_the_report_sentences_once(data: Dataset) -> None:
    quoted = indicator_tables.quotes(data, "GTSX", "106")
    assert "Tổng giá trị sản xuất đạt 2.503,3 tỷ đồng, đạt 118,08% Nghị quyết" in set(quoted["quote"])
    assert not quoted.duplicated().any()


def test_results_summary_reads_on_a_phone(data: Dataset, term: pd.DataFrame) -> None:
    found = tables.results(data, term, selection.codes_in(data, ("economy",)), "vi", "106", "2015-2020")
    summary = tables.headers(tables.results_summary(found, "vi"), "vi")
    assert list(summary.columns) == [
        "Chỉ tiêu",
        "Thực hiện",
        "Chỉ tiêu đề ra",
        # The % shown is the report's where no figures compute one: never headed "(tính toán)".
        "% đạt",
        "Đánh giá",
    ]
    rows = summary.set_index("Chỉ tiêu")
    gtsx = rows.loc["Tổng giá trị sản xuất (tỷ đồng)"]
    assert gtsx.tolist() == [
        "2.503,3 (ước)",
        "≈\u202f2.120,0 (Nghị quyết, suy ra từ tỷ lệ % đã công bố)",
        "118,08\u202f% (theo tỷ lệ báo cáo nêu)",
        "▲ vượt",
    ]
    tea = tables.results(data, term, ["TEA_NEW", "TOURISTS"], "en", "106", "2015-2020")
    english = tables.headers(tables.results_summary(tea, "en"), "en").set_index("Indicator")
    assert english.loc["Newly planted tea area (ha)", "Target"] == "300 (Resolution)"  # stated, not derived
    assert english.loc["Tourist arrivals (visitors)", "Actual"] == "about 300,000"
    budget = rows.loc["Thu ngân sách trên địa bàn (tỷ đồng)"]
    assert budget.tolist() == ["—", "—", "105,4\u202f% (theo tỷ lệ báo cáo nêu)", "▲ vượt"]
    assert tables.headers(tables.results_summary(found.iloc[0:0], "en"), "en").columns[0] == "Indicator"


def test_the_summary_reads_codes_not_words(data: Dataset, term: pd.DataFrame) -> None:
    # The qualifier and "derived" come from their own columns: a summary in English of rows
    # whose indicator names are Vietnamese still finds them (nothing parses translated text).
    found = tables.results(data, term, ["TOURISTS", "GTSX"], "vi", "106", "2015-2020")
    assert found.loc[found["code"] == "TOURISTS", "qualifier"].tolist()[0] == "khoang"
    english = tables.results_summary(found, "en").set_index("indicator")
    assert english.loc["Số lượt khách du lịch", "actual"] == "about 300,000"
    target = english.loc["Tổng giá trị sản xuất (tỷ đồng)", "target"]
    assert target == "≈\u202f2,120.0 (Resolution, worked back from the published %)"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_table_column_has_a_header_in_both_languages(
    data: Dataset, term: pd.DataFrame, lang: Lang
) -> None:
    found = tables.results(data, term, selection.all_codes(data), lang, "106", "2015-2020")
    goals = progress.compute(data)
    counts = commendations.commendations(data, lang)
    built = [
        tables.results_table(found, lang),
        tables.results_summary(found, lang),
        tables.goals_table(data, goals, lang),
        tables.goals_summary(data, goals, lang),
        indicator_tables.observations_table(data, "GTSX", lang, "106", "tỷ đồng"),
        indicator_tables.targets_table(data, "GTSX", lang, "106", "tỷ đồng"),
        indicator_tables.attainment_table(term, lang),
        commendations.levels_table(counts, lang),
        commendations.commendations_table(counts, lang),
    ]
    for frame in built:
        shown = tables.headers(frame, lang)
        assert not [c for c in shown.columns if c.startswith("col.")], list(frame.columns)


def test_a_shares_pace_is_in_points_and_a_yearly_goal_reads_yearly(data: Dataset) -> None:
    summary = tables.goals_summary(data, progress.compute(data), "vi").set_index("indicator")
    # 50 % in 2020 to 52,75 % in 2025: +0,55 points a year, not the share's own growth of 1,08 %.
    assert summary.loc["Tỷ lệ lao động qua đào tạo (%)", "required_pace"] == "+0,55 điểm %/năm"
    good = summary.loc["Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên (%)", "goal"]
    assert good == "hàng năm trên 90\u202f% (2025)"
    english = tables.goals_summary(data, progress.compute(data), "en")
    pace = english.loc[english["indicator"] == "Share of workers with training (%)", "required_pace"]
    assert pace.tolist() == ["+0.55 percentage points/year"]


def test_the_year_page_marks_an_implied_cut(data: Dataset) -> None:
    from indicators.core import year_review
    from indicators.text import year_tables

    review = year_review.review(data, "106", 2020)
    shown = year_tables.summary(data, review, "106", "vi").set_index("indicator")
    # 4,5 points a year printed as 150 % of the resolution's cut: the cut, 3, is worked back and marked.
    path = shown.loc["Tỷ lệ hộ nghèo (%)", "path"]
    assert path.startswith("mục tiêu 2020: giảm mỗi năm ≈\u202f3,0 điểm % (suy ra từ tỷ lệ % đã công bố)"), (
        path
    )


@pytest.mark.parametrize(
    ("lang", "income", "stunting"),
    [("vi", "đạt ít nhất (trên)", "không vượt quá (dưới)"), ("en", "at least (over)", "at most (under)")],
)
def test_the_targets_table_says_the_source_word_beside_the_comparison(
    data: Dataset, lang: Lang, income: str, stunting: str
) -> None:
    incomes = indicator_tables.targets_table(data, "INCOME_PC", lang, "106")
    # The 2015–2020 resolution's 30 has no word; the 2025 goal is "trên 45 triệu".
    assert incomes[["comparator", "target"]].values.tolist() == [
        [t("cmp.at_least", lang), 30.0],
        [income, 45.0],
    ]
    assert indicator_tables.targets_table(data, "STUNTING", lang, "106")["comparator"].tolist() == [stunting]


@pytest.mark.parametrize(
    ("lang", "jobs", "poverty"),
    [
        (
            "vi",
            (
                "5.150 lao động (ước; tổng giai đoạn 2016–2020)",
                "≈\u202f5.150 lao động (suy ra từ tỷ lệ % đã công bố)",
            ),
            ("4,5 điểm %/năm (ước)", "giảm mỗi năm ≈\u202f3,0 điểm % (suy ra từ tỷ lệ % đã công bố)"),
        ),
        (
            "en",
            (
                "5,150 workers (est.; in total over 2016–2020)",
                "≈\u202f5,150 workers (worked back from the published %)",
            ),
            (
                "4.5 percentage points/year (est.)",
                "cut each year by ≈\u202f3.0 percentage points (worked back from the published %)",
            ),
        ),
    ],
)
def test_results_in_words_say_a_term_sum_and_a_cut_as_phrase_does(
    data: Dataset, term: pd.DataFrame, lang: Lang, jobs: tuple[str, str], poverty: tuple[str, str]
) -> None:
    found = tables.results(data, term, ["JOBS", "POV_RATE"], lang, "106", "2015-2020")
    table = tables.results_table(found, lang)
    said = list(zip(table["actual_text"], table["target_text"], strict=True))
    # Jobs created over the term are the term's sum, never "năm 2020"'s; a cut a year is in points.
    assert said == [jobs, poverty]
    summary = tables.results_summary(found, lang)
    assert summary["actual"].iloc[0] == jobs[0].replace(" lao động", "").replace(" workers", "")


def test_a_goal_summed_over_the_term_says_its_years_never_one_year(data: Dataset) -> None:
    rows = progress.compute(data)
    vi = tables.goals_summary(data, rows, "vi").set_index("indicator")
    assert vi.loc["Số lao động được giải quyết việc làm", "goal"] == (
        "trên 5.000 lao động (tổng giai đoạn 2021–2025)"
    )
    assert vi.loc["Số lượt khách du lịch", "goal"] == "trên 600.000 lượt khách (2025)"
    en = tables.goals_summary(data, rows, "en").set_index("indicator")
    assert en.loc["Workers helped into jobs", "goal"] == "over 5,000 workers (in total over 2021–2025)"
    assert en.loc["Tourist arrivals (visitors)", "base"] == (
        "about 300,000 (2015–2020; the source does not give the year)"
    )
