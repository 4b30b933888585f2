"""A figure the source gives without its year: said with its term, never as the term's last year, and
never the base of a rate a year; read back from the generated documents, vi and en."""

from __future__ import annotations

import io
import math

import pytest
from docx import Document

from indicators.core import progress
from indicators.core.model import Dataset
from indicators.report import appendix as report_appendix
from indicators.report import compare as report_compare
from indicators.report import content as report
from indicators.report import render as report_render
from indicators.store.seed import load_source
from indicators.text import phrase
from indicators.text.fmt import Lang

DATA: Dataset = load_source()
TERM = report.parse_period("2015-2020", None)
YEAR = report.parse_period(None, 2020)


def docx_text(content: report.Content) -> str:
    """The document's words as a reader sees them: no word joiners, plain spaces."""
    doc = Document(io.BytesIO(report_render.docx_bytes(content, browser=None)))
    cells = [c.text for table in doc.tables for row in table.rows for c in row.cells]
    text = "\n".join([p.text for p in doc.paragraphs] + cells)
    return text.replace("\u2060", "").replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture(scope="module")
def term_docs() -> dict[str, str]:
    return {lang: docx_text(report.build(DATA, "106", TERM, lang)) for lang in ("vi", "en")}


def test_the_shipped_data_flags_exactly_the_two_tourism_figures() -> None:
    obs = DATA.observations
    flagged = obs[obs["period_unstated"]]
    assert sorted(zip(flagged["code"], flagged["year"].astype(int), flagged["value"], strict=True)) == [
        ("TOURISM_REV", 2020, 114.4),
        ("TOURISTS", 2020, 300000.0),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "sentence", "cell"),
    [
        (
            "vi",
            "khoảng 300.000 lượt khách (giai đoạn 2015–2020, nguồn số liệu không nêu rõ năm)",
            "ước 114,4 tỷ đồng (giai đoạn 2015–2020, nguồn số liệu không nêu rõ năm)",
            "114,4 tỷ đồng (ước; giai đoạn 2015–2020, nguồn số liệu không nêu rõ năm)",
        ),
        (
            "en",
            "about 300,000 visitors (2015–2020; the source does not give the year)",
            "an estimated 114.4 billion VND (2015–2020; the source does not give the year)",
            "114.4 billion VND (est.; 2015–2020; the source does not give the year)",
        ),
    ],
)
def test_phrase_says_the_term_and_never_the_year(lang: Lang, text: str, sentence: str, cell: str) -> None:
    unit = {"vi": ("lượt khách", "tỷ đồng"), "en": ("visitors", "billion VND")}[lang]
    visitors = phrase.Figure(300000, unit[0], "khoang", True, period=2020, period_unstated=True)
    revenue = phrase.Figure(114.4, unit[1], estimate=True, period=2020, period_unstated=True)
    assert phrase.figure_text(visitors, lang) == text
    assert phrase.in_sentence(revenue, lang) == sentence
    # A dated cell leaves the year out: "(2020)" is what the source does not say.
    assert phrase.figure_cell(revenue, lang, dated=True) == cell
    # The same figure with its year stated keeps the year, as before.
    dated = phrase.Figure(114.4, unit[1], estimate=True, period=2020)
    assert phrase.figure_cell(dated, lang, dated=True).startswith(
        ("114,4 tỷ đồng (2020)", "114.4 billion VND (2020)")
    )


def test_no_rate_a_year_is_worked_out_from_a_yearless_figure() -> None:
    goals = progress.compute(DATA, goal_year=2025, area="106").set_index("code")
    for code in ("TOURISTS", "TOURISM_REV"):
        assert math.isnan(goals.at[code, "base_value"]), code
        assert math.isnan(goals.at[code, "required_growth_pct"]), code
        assert goals.at[code, "reason"] == "no_baseline", code
    # A figure whose year the source states keeps its rate: income 30 → over 45 in five years.
    assert goals.at["INCOME_PC", "required_growth_pct"] == pytest.approx(8.4472, abs=1e-3)


def test_the_programmes_result_in_its_own_year_is_still_judged() -> None:
    goals = progress.compute(DATA, goal_year=2020, area="106").set_index("code")
    assert bool(goals.at["TOURISTS", "final"])
    assert goals.at["TOURISTS", "final_pct"] == pytest.approx(500.0)


def test_the_term_report_says_the_term_in_vietnamese(term_docs: dict[str, str]) -> None:
    text = term_docs["vi"]
    assert (
        "Số lượt khách du lịch đạt khoảng 300.000 lượt khách (giai đoạn 2015–2020, nguồn số liệu "
        "không nêu rõ năm), đạt 500% chỉ tiêu Đề án, vượt chỉ tiêu." in text
    )
    assert (
        "Số lượt khách du lịch: mục tiêu đến năm 2025 đạt trên 600.000 lượt khách; thực hiện: khoảng 300.000 "
        "lượt khách (giai đoạn 2015–2020, nguồn số liệu không nêu rõ năm), không dùng làm số liệu năm gốc để "
        "tính mức tăng cần đạt mỗi năm." in text
    )
    assert (
        "Doanh thu từ dịch vụ du lịch: mục tiêu đến năm 2025 đạt 230 tỷ đồng; thực hiện: ước 114,4 tỷ đồng "
        "(giai đoạn 2015–2020, nguồn số liệu không nêu rõ năm), không dùng làm số liệu năm gốc để tính mức "
        "tăng cần đạt mỗi năm." in text
    )
    assert "khoảng 300.000 (chưa rõ năm)" in text
    assert "114,4 (ước; chưa rõ năm)" in text
    for false in ("năm 2020: khoảng 300.000", "năm 2020: 114,4", "14,99%", "khoảng 15%/năm"):
        assert false not in text, false


def test_the_term_report_says_the_term_in_english(term_docs: dict[str, str]) -> None:
    text = term_docs["en"]
    assert (
        "Tourist arrivals reached about 300,000 visitors (2015–2020; the source does not give the year), "
        "500% of the programme's target, exceeding it." in text
    )
    assert (
        "Tourism services revenue: by 2025, to reach 230 billion VND; achieved: an estimated 114.4 billion "
        "VND (2015–2020; the source does not give the year), not used as the baseline for the growth needed "
        "each year." in text
    )
    assert "about 300,000 (year not given)" in text
    for false in ("2020: about 300,000", "2020: 114.4", "14.99%"):
        assert false not in text, false


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_year_report_gives_the_result_without_the_year(lang: Lang) -> None:
    text = docx_text(report.build(DATA, "106", YEAR, lang))
    said = {
        "vi": "thực hiện: khoảng 300.000 lượt khách (giai đoạn 2015–2020, nguồn số liệu không nêu rõ năm); "
        "kết quả: vượt mục tiêu (500%",
        "en": "achieved: about 300,000 visitors (2015–2020; the source does not give the year);",
    }[lang]
    assert said in text
    assert ("năm 2020 đạt khoảng 300.000" if lang == "vi" else "2020: about 300,000") not in text


@pytest.mark.parametrize(
    ("lang", "lead"),
    [
        ("vi", "Số lượt khách du lịch, giai đoạn 2015–2020, nguồn số liệu không nêu rõ năm: huyện Tam Đường"),
        ("en", "Tourist arrivals, 2015–2020; the source does not give the year:"),
    ],
)
def test_the_comparison_says_the_term_for_a_yearless_figure(lang: Lang, lead: str) -> None:
    content = report_compare.report(DATA, "12", YEAR, ["TOURISTS", "GTSX"], lang)
    text = docx_text(content)
    assert lead in text
    # A figure whose year is stated keeps it.
    assert ("Tổng giá trị sản xuất năm 2020" if lang == "vi" else "Total production value in 2020") in text


def test_the_appendix_row_carries_the_flag_and_its_note() -> None:
    content = report.build(DATA, "106", TERM, "vi")
    rows = {r.code: r for r in content.rows if not r.group}
    assert rows["TOURISTS"].period_unstated and rows["TOURISM_REV"].period_unstated
    assert not rows["GTSX"].period_unstated
    notes = report_appendix.legend(list(content.rows), "vi")
    assert any(n.startswith("“chưa rõ năm”") for n in notes)


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("vi", "Giai đoạn 2015–2020, nguồn số liệu không nêu rõ năm"),
        ("en", "2015–2020; the source does not give the year"),
    ],
)
def test_the_card_gives_the_term_not_the_year(lang: Lang, label: str) -> None:
    from indicators.core import attainment
    from indicators.text import cards

    shown = {
        c.code: c
        for c in cards.cards(DATA, attainment.compute(DATA), ["TOURISTS", "GTSX"], lang, "106", None)
    }
    assert shown["TOURISTS"].period_label == label
    assert shown["GTSX"].period_label == ("Năm 2020" if lang == "vi" else "Year 2020")
