"""Golden strings for a figure in words: every qualifier, estimate, period sum, implied target, yearly
goal, share in points and yes/no case, in Vietnamese and English."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from indicators.text import phrase
from indicators.text.fmt import Lang
from indicators.text.phrase import Figure

NB = "\u202f"  # the narrow space that keeps % and ≈ with their number
NBSP = "\u00a0"  # the space a document keeps "điểm %" together with

FIGURES = [
    (Figure(4220, "lượt", qualifier="tren"), "trên 4.220 lượt", "over 4,220 lượt"),
    (
        Figure(300000, "lượt khách", qualifier="khoang"),
        "khoảng 300.000 lượt khách",
        "about 300,000 lượt khách",
    ),
    (Figure(27.6, "%", qualifier="duoi"), f"dưới 27,6{NB}%", f"under 27.6{NB}%"),
    (Figure(52.8, "%", estimate=True), f"ước 52,8{NB}%", f"est. 52.8{NB}%"),
    # "khoảng" already says the figure is not exact: never "ước khoảng".
    (
        Figure(300000, "lượt khách", qualifier="khoang", estimate=True),
        "khoảng 300.000 lượt khách",
        "about 300,000 lượt khách",
    ),
    (Figure(4220, "lượt", qualifier="tren", estimate=True), "ước trên 4.220 lượt", "est. over 4,220 lượt"),
    (
        Figure(450, "cá nhân", qualifier="tren", period=(2016, 2020)),
        "tổng giai đoạn 2016–2020: trên 450 cá nhân",
        "over 450 cá nhân in total over 2016–2020",
    ),
    (
        Figure(5150, "workers", estimate=True, period=(2016, 2020)),
        "tổng giai đoạn 2016–2020: ước 5.150 workers",
        "est. 5,150 workers in total over 2016–2020",
    ),
    (Figure(0, "", yes_no=True), "chưa đạt", "not yet met"),
    (Figure(1, "", yes_no=True), "đạt", "met"),
    (Figure(None, "ha"), "—", "—"),
]


@pytest.mark.parametrize(("figure", "vi", "en"), FIGURES)
def test_figure_reads_with_qualifier_estimate_and_period(figure: Figure, vi: str, en: str) -> None:
    assert phrase.figure_text(figure, "vi") == vi
    assert phrase.figure_text(figure, "en") == en


@pytest.mark.parametrize(
    ("figure", "marked"),
    [
        (Figure(300000, qualifier="khoang", estimate=True), False),
        (Figure(4220, qualifier="tren", estimate=True), True),
        (Figure(2503.3, estimate=True), True),
        (Figure(300000, qualifier="khoang"), False),
    ],
)
def test_an_estimate_is_marked_unless_the_source_says_about(figure: Figure, marked: bool) -> None:
    assert phrase.estimate_marked(figure) is marked


def test_a_document_keeps_the_percent_sign_against_the_number() -> None:
    assert phrase.figure_text(Figure(18.22, "%", estimate=True), "vi", document=True) == "ước 18,22%"


IMPLIED_TEA = Figure(1082.511211, "ha", comparator="at_least", basis="implied", printed_pct=111.5)
IMPLIED_GTSX = Figure(2120.003388, "tỷ đồng", basis="implied", printed_pct=118.08)
IMPLIED_REV = Figure(45.03937, "tỷ đồng", basis="implied", printed_pct=254.0)

TARGET_CELLS = [
    (
        IMPLIED_TEA,
        False,
        f"≈{NB}1.083 ha (suy ra từ tỷ lệ % đã công bố)",
        f"≈{NB}1,083 ha (worked back from the published %)",
    ),
    (IMPLIED_TEA, True, "1.083 ha (*)", "1,083 ha (*)"),
    # A % printed to five figures supports five: 2.120,0, not 2.120,003 nor 2.120.
    (
        IMPLIED_GTSX,
        False,
        f"≈{NB}2.120,0 tỷ đồng (suy ra từ tỷ lệ % đã công bố)",
        f"≈{NB}2,120.0 tỷ đồng (worked back from the published %)",
    ),
    (IMPLIED_REV, True, "45,0 tỷ đồng (*)", "45.0 tỷ đồng (*)"),
    (Figure(27.6, "%", comparator="at_most"), False, f"≤ 27,6{NB}%", f"≤ 27.6{NB}%"),
    (
        Figure(2, "%", comparator="reduce_by"),
        False,
        "giảm mỗi năm 2 điểm %",
        "cut each year by 2 percentage points",
    ),
    (
        Figure(0.5, "‰", comparator="reduce_by"),
        False,
        "giảm mỗi năm 0,5 điểm ‰",
        "cut each year by 0.5 per-mille points",
    ),
    (
        Figure(30, "%", comparator="remainder", per_year=True),
        False,
        f"hàng năm 30{NB}% (phần còn lại)",
        f"30{NB}% (the remainder) every year",
    ),
    (
        Figure(90, "%", comparator="at_least", per_year=True),
        False,
        f"hàng năm 90{NB}%",
        f"90{NB}% every year",
    ),
    (Figure(1, "", comparator="yes"), False, "đạt", "met"),
]


@pytest.mark.parametrize(("figure", "star", "vi", "en"), TARGET_CELLS)
def test_target_cell_carries_basis_direction_and_yearly(figure: Figure, star: bool, vi: str, en: str) -> None:
    assert phrase.target_cell(figure, "vi", star=star) == vi
    assert phrase.target_cell(figure, "en", star=star) == en


GOALS = [
    (Figure(90, "%", per_year=True), "hàng năm đạt 90%", "to reach 90% every year"),
    (Figure(45, "triệu đồng/người/năm"), "đạt 45 triệu đồng/người/năm", "to reach 45 triệu đồng/người/năm"),
    (Figure(27.6, "%", comparator="at_most"), "không vượt quá 27,6%", "at most 27.6%"),
    (
        Figure(2, "%", comparator="reduce_by"),
        f"bình quân mỗi năm giảm 2 điểm{NBSP}%",
        "a fall of 2 percentage points a year",
    ),
    (
        IMPLIED_TEA,
        "đạt 1.083 ha (suy ra từ tỷ lệ % đã công bố)",
        # One mark, in words, as Vietnamese: "to reach" does not bound the figure as "at least" would.
        "to reach 1,083 ha (worked back from the published %)",
    ),
    # A yes/no goal ahead reads as a goal in English, never as "met" already.
    (Figure(1, "đạt/chưa đạt", comparator="yes"), "đạt", "to be achieved"),
    (
        Figure(5150, "lao động", basis="implied", printed_pct=100.0, period=(2016, 2020)),
        "đạt 5.150 lao động (tổng giai đoạn 2016–2020; suy ra từ tỷ lệ % đã công bố)",
        "to reach 5,150 lao động (in total over 2016–2020; worked back from the published %)",
    ),
    (
        Figure(27.6, "%", comparator="at_most", basis="implied", printed_pct=100.0),
        "không vượt quá 27,6% (suy ra từ tỷ lệ % đã công bố)",
        "at most 27.6% (worked back from the published %)",
    ),
]


@pytest.mark.parametrize(("figure", "vi", "en"), GOALS)
def test_goal_clause_is_yearly_implied_or_end_of_term_as_stated(figure: Figure, vi: str, en: str) -> None:
    assert phrase.goal_clause(figure, "vi", document=True) == vi
    assert phrase.goal_clause(figure, "en", document=True) == en


CHANGES = [
    # 50 % → 52,75 % over five years: +0,55 points a year, never "+1,1 %/năm".
    (0.55, "%", "+0,55 điểm %/năm", "+0.55 percentage points/year"),
    (-4.5, "%", "−4,5 điểm %/năm", "−4.5 percentage points/year"),
    (-0.5, "‰", "−0,5 điểm ‰/năm", "−0.5 per-mille points/year"),
    (60000, "lượt khách", "+60.000 lượt khách/năm", "+60,000 lượt khách/year"),
]


@pytest.mark.parametrize(("value", "unit", "vi", "en"), CHANGES)
def test_a_share_changes_in_points_a_level_in_its_unit(value: float, unit: str, vi: str, en: str) -> None:
    assert phrase.change(value, unit, "vi") == vi
    assert phrase.change(value, unit, "en") == en


def test_a_unit_already_a_year_is_not_said_twice() -> None:
    assert phrase.change(1.5, "triệu đồng/người/năm", "vi") == "+1,5 triệu đồng/người/năm"
    assert phrase.change(1.5, "million VND/person/year", "en") == "+1.5 million VND/person/year"


def test_change_codes_name_points_for_shares() -> None:
    assert [phrase.change_code(u) for u in ("%", "‰", "ha")] == [
        "pp_per_year",
        "pm_points_per_year",
        "unit_per_year",
    ]
    assert phrase.change_code("%", per_year=False) == "pp"


def test_growth_is_a_percent_a_year() -> None:
    assert phrase.growth(8.4512, "vi") == f"+8,45{NB}%/năm"
    assert phrase.growth(-1.2988, "en") == f"−1.30{NB}%/year"


def test_a_term_total_covers_the_five_years_ending_in_its_year() -> None:
    assert phrase.period_of(2020, "term_total") == (2016, 2020)
    assert phrase.period_of(2020, "level") == 2020
    assert phrase.period_words(Figure(1, period=(2016, 2020)), "en") == "in total over 2016–2020"
    assert phrase.period_words(Figure(1, period=2020), "vi") == ""


def test_an_implied_cut_is_no_more_precise_than_its_printed_percent_or_actual() -> None:
    # Poverty: 4,5 points a year is 150 % of a cut of 3: shown "≈ 3,0", not 3 nor 3,00.
    cut = Figure(3.0, "%", comparator="reduce_by", basis="implied", printed_pct=150.0)
    assert phrase.target_cell(cut, "vi") == f"giảm mỗi năm ≈{NB}3,0 điểm % (suy ra từ tỷ lệ % đã công bố)"


def test_implied_value_is_rounded_to_the_printed_percent() -> None:
    assert phrase.shown_value(IMPLIED_TEA) == 1083.0
    assert phrase.shown_value(IMPLIED_GTSX) == 2120.0
    # A stated target is shown as stated.
    assert phrase.shown_value(Figure(1082.511211, "ha")) == 1082.511211


@pytest.mark.parametrize(
    ("name", "unit", "named"),
    [
        ("Hotels", "hotels", True),
        ("Doctors per 10,000 population", "doctors per 10,000 population", True),
        ("Traditional festivals, cultural and tourism events preserved", "festivals and events", True),
        ("Vocational and continuing education centres", "centre", True),
        ("Tourist arrivals", "visitors", False),
        ("Average income per person", "million VND/person/year", False),
        ("Share of households recognised as cultured families", "%", False),
        ("Tea area in commercial harvest", "ha", False),
    ],
)
def test_an_english_name_that_names_its_unit(name: str, unit: str, named: bool) -> None:
    assert phrase.names_unit(name, unit) is named


def test_a_share_of_something_keeps_its_sign_against_the_number_in_a_document() -> None:
    assert phrase.join("100", "% kế hoạch", document=True) == "100% kế hoạch"
    assert phrase.join("100", "% of plan", document=True) == "100% of plan"
    # A change in points is not a share of something: "5 điểm %", never "5điểm %".
    assert phrase.join("5", "percentage points", document=True) == "5 percentage points"
    assert phrase.join("5", "điểm %", document=True) == f"5 điểm{NBSP}%"


# A target keeps the source's word before its number ("trên 45 triệu", "dưới 27,6%"): in a cell without
# the ≤ the word already says, and in a clause instead of "at least" / "không vượt quá".
INCOME = Figure(45, "triệu đồng/người/năm", qualifier="tren", comparator="at_least")
STUNTING = Figure(27.6, "%", qualifier="duoi", comparator="at_most")
PARTY = Figure(90, "%", qualifier="tren", comparator="at_least", per_year=True)
VISITORS = Figure(600000, "lượt khách", qualifier="khoang", comparator="at_least")
IMPLIED_OVER = Figure(
    1082.511211, "ha", qualifier="tren", comparator="at_least", basis="implied", printed_pct=111.5
)
CUT_OVER = Figure(2, "%", qualifier="tren", comparator="reduce_by")
ABOUT_CEILING = Figure(13.3, "‰", qualifier="khoang", comparator="at_most")

QUALIFIED_CELLS = [
    (INCOME, False, "trên 45 triệu đồng/người/năm", "over 45 triệu đồng/người/năm"),
    (STUNTING, False, f"dưới 27,6{NB}%", f"under 27.6{NB}%"),
    (PARTY, False, f"hàng năm trên 90{NB}%", f"over 90{NB}% every year"),
    (VISITORS, False, "khoảng 600.000 lượt khách", "about 600,000 lượt khách"),
    (ABOUT_CEILING, False, f"≤ khoảng 13,3{NB}‰", f"≤ about 13.3{NB}‰"),
    (
        IMPLIED_OVER,
        False,
        "trên 1.083 ha (suy ra từ tỷ lệ % đã công bố)",
        "over 1,083 ha (worked back from the published %)",
    ),
    (IMPLIED_OVER, True, "trên 1.083 ha (*)", "over 1,083 ha (*)"),
    (CUT_OVER, False, "giảm mỗi năm trên 2 điểm %", "cut each year by over 2 percentage points"),
]


@pytest.mark.parametrize(("figure", "star", "vi", "en"), QUALIFIED_CELLS)
def test_a_target_cell_keeps_the_source_qualifier(figure: Figure, star: bool, vi: str, en: str) -> None:
    assert phrase.target_cell(figure, "vi", star=star) == vi
    assert phrase.target_cell(figure, "en", star=star) == en


QUALIFIED_GOALS = [
    (INCOME, "đạt trên 45 triệu đồng/người/năm", "over 45 triệu đồng/người/năm"),
    (STUNTING, "dưới 27,6%", "under 27.6%"),
    (PARTY, "hàng năm đạt trên 90%", "over 90% every year"),
    # "khoảng" says no direction: the comparator's words stay.
    (VISITORS, "đạt khoảng 600.000 lượt khách", "to reach about 600,000 lượt khách"),
    (ABOUT_CEILING, "không vượt quá khoảng 13,3‰", "at most about 13.3‰"),
    (
        Figure(5150, "lao động", qualifier="tren", basis="implied", printed_pct=100.0, period=(2016, 2020)),
        "đạt trên 5.150 lao động (tổng giai đoạn 2016–2020; suy ra từ tỷ lệ % đã công bố)",
        "over 5,150 lao động (in total over 2016–2020; worked back from the published %)",
    ),
    (CUT_OVER, f"bình quân mỗi năm giảm trên 2 điểm{NBSP}%", "a fall of over 2 percentage points a year"),
]


@pytest.mark.parametrize(("figure", "vi", "en"), QUALIFIED_GOALS)
def test_a_goal_clause_says_the_source_qualifier(figure: Figure, vi: str, en: str) -> None:
    assert phrase.goal_clause(figure, "vi", document=True) == vi
    assert phrase.goal_clause(figure, "en", document=True) == en


def test_an_english_goal_reads_over_not_at_least_over() -> None:
    income = Figure(45, "million VND/person/year", qualifier="tren")
    assert phrase.goal_clause(income, "en") == "over 45 million VND/person/year"
    bare = Figure(45, "million VND/person/year")
    # "đạt 45 triệu" is a figure to reach: English adds no "at least" the source does not say.
    assert phrase.goal_clause(bare, "en") == "to reach 45 million VND/person/year"


def test_a_qualified_estimate_says_both() -> None:
    over = Figure(4220, "lượt", qualifier="tren", estimate=True)
    assert phrase.figure_text(over, "vi") == "ước trên 4.220 lượt"
    assert phrase.figure_text(over, "en") == "est. over 4,220 lượt"
    assert phrase.figure_text(replace(over, qualifier="duoi"), "vi") == "ước dưới 4.220 lượt"
    # "khoảng" already hedges: no double hedge ("ước khoảng").
    assert phrase.figure_text(replace(over, qualifier="khoang"), "en") == "about 4,220 lượt"
    assert phrase.figure_text(replace(over, qualifier="khoang"), "vi") == "khoảng 4.220 lượt"


@pytest.mark.parametrize(
    ("pct", "kind", "cut", "vi", "en"),
    [
        ("118,08%", "NQ", False, "đạt 118,08% Nghị quyết", "118,08% of the Resolution's target"),
        ("500%", "DA", False, "đạt 500% chỉ tiêu Đề án", "500% of the programme's target"),
        ("104,3%", "KH", False, "đạt 104,3% kế hoạch", "104,3% of the plan"),
        # A reduction target met 150% is a cut 1.5 times the one set, never a level of 150%.
        ("150%", "NQ", True, "bằng 150% mức giảm Nghị quyết đề ra", "150% of the fall the Resolution set"),
        ("120%", "KH", True, "bằng 120% mức giảm kế hoạch đề ra", "120% of the fall the plan set"),
    ],
)
def test_a_result_against_its_target_in_words(pct: str, kind: str, cut: bool, vi: str, en: str) -> None:
    assert phrase.attained(pct, kind, "vi", cut) == vi
    assert phrase.attained(pct, kind, "en", cut) == en


def test_a_qualifier_is_the_figures_one_hedge() -> None:
    # "trên ≈ 4.220" stacks two hedges: the source's own word stays, the ≈ goes.
    qualified = Figure(4220, "lượt", qualifier="tren", basis="implied", printed_pct=100.0)
    assert phrase.number(qualified, "vi") == "trên 4.220 lượt"
    assert phrase.number(qualified, "en") == "over 4,220 lượt"
    assert phrase.number(replace(qualified, qualifier=""), "vi") == f"≈{NB}4.220 lượt"


def test_a_document_never_breaks_a_line_inside_a_unit_of_points() -> None:
    assert phrase.join("4,5", "điểm %/năm", document=True) == f"4,5 điểm{NBSP}%/năm"
    assert phrase.join("0,5", "điểm ‰", document=True) == f"0,5 điểm{NBSP}‰"
    assert phrase.change(-4.5, "%", "vi", document=True) == f"−4,5 điểm{NBSP}%/năm"
    # A page or a workbook wraps as it likes: only a document keeps them together.
    assert phrase.join("5", "điểm %") == "5 điểm %"


@pytest.mark.parametrize(
    ("name", "lang", "holds"),
    [
        ("Số xã đạt chuẩn nông thôn mới", "vi", True),
        ("Tỷ lệ giáo viên đạt chuẩn", "vi", True),
        ("Số chỉ tiêu phát triển kinh tế - xã hội đạt và vượt kế hoạch", "vi", True),
        ("Số tiêu chí nông thôn mới bình quân đạt được mỗi xã", "vi", True),
        ("Tổng giá trị sản xuất", "vi", False),
        ("Tỷ lệ hộ nghèo", "vi", False),
        # English names never take the Vietnamese verb; "đạt" inside another word is no verb.
        ("Communes meeting the new rural standard", "en", False),
        ("Số xã đạtchuẩn", "vi", False),
    ],
)
def test_a_vietnamese_name_that_holds_the_verb(name: str, lang: Lang, holds: bool) -> None:
    assert phrase.names_verb(name, lang) is holds


@pytest.mark.parametrize(
    ("figure", "vi", "en"),
    [
        (Figure(4220, "lượt", "tren", estimate=True), "ước trên 4.220 lượt", "over an estimated 4,220 lượt"),
        (Figure(18.22, "%", estimate=True), "ước 18,22%", "an estimated 18.22%"),
        (Figure(300000, "lượt khách", "khoang"), "khoảng 300.000 lượt khách", "about 300,000 lượt khách"),
        (Figure(1207, "ha"), "1.207 ha", "1,207 ha"),
    ],
)
def test_a_figure_in_a_sentence_says_its_estimate_as_a_word(figure: Figure, vi: str, en: str) -> None:
    assert phrase.in_sentence(figure, "vi") == vi
    assert phrase.in_sentence(figure, "en") == en


@pytest.mark.parametrize(
    ("qualifiers", "expected"),
    [
        (["", ""], ""),
        (["tren", ""], "tren"),
        (["tren", "tren"], "tren"),
        (["duoi", ""], "duoi"),
        (["tren", "duoi"], "khoang"),
        (["khoang", ""], "khoang"),
        (["khoang", "tren"], "khoang"),
    ],
)
def test_a_sum_of_qualified_figures_keeps_what_it_can_say(qualifiers: list[str], expected: str) -> None:
    assert phrase.sum_qualifier(qualifiers) == expected


# A target read from its whole record: a target row, or a row that sets a target beside its actual.
RECORDS = [
    (
        # An attainment row: the implied tea output, its basis and printed % beside the actual.
        {
            "target": 7037.900874635569,
            "target_basis": "implied",
            "reported_pct": 137.2,
            "comparator": "at_least",
        },
        "tấn",
        f"≈{NB}7.038 tấn (suy ra từ tỷ lệ % đã công bố)",
        f"≈{NB}7,038 tấn (worked back from the published %)",
    ),
    (
        # A target row of the store: "derived" says implied, the printed % comes with it as "reported".
        {"value": 3.0, "derived": True, "reported": 150.0, "comparator": "reduce_by"},
        "%",
        f"giảm mỗi năm ≈{NB}3,0 điểm % (suy ra từ tỷ lệ % đã công bố)",
        f"cut each year by ≈{NB}3.0 percentage points (worked back from the published %)",
    ),
    (
        {"value": 90.0, "derived": False, "yearly": True, "comparator": "at_least"},
        "%",
        f"hàng năm 90{NB}%",
        f"90{NB}% every year",
    ),
    (
        # A target's own qualifier, where the store keeps one: "trên 4.220 lượt", never the actual's.
        {"target": 4220.0, "target_qualifier": "tren", "qualifier": "khoang", "comparator": "at_least"},
        "lượt",
        "trên 4.220 lượt",
        "over 4,220 lượt",
    ),
    ({"target": float("nan"), "target_basis": "none"}, "%", "—", "—"),
]


@pytest.mark.parametrize(("record", "unit", "vi", "en"), RECORDS)
def test_a_target_reads_from_its_whole_record(record: dict, unit: str, vi: str, en: str) -> None:
    figure = phrase.target_figure(record, unit)
    assert phrase.target_cell(figure, "vi") == vi
    assert phrase.target_cell(figure, "en") == en


def test_a_target_record_in_a_frame_row_reads_as_the_mapping_does() -> None:
    row = pd.Series(
        {"target": 2120.0033875338754, "target_derived": True, "reported_pct": 118.08, "yearly": False}
    )
    assert phrase.target_figure(row, "tỷ đồng") == Figure(
        2120.0033875338754, "tỷ đồng", basis="implied", printed_pct=118.08
    )


CELLS = [
    (
        Figure(300000, "lượt khách", "khoang", estimate=True),
        "khoảng 300.000 lượt khách",
        "about 300,000 lượt khách",
    ),
    (
        Figure(5150, "", estimate=True, period=(2016, 2020)),
        "5.150 (ước; tổng giai đoạn 2016–2020)",
        "5,150 (est.; in total over 2016–2020)",
    ),
    (Figure(2503.3, "tỷ đồng", period=2020), "2.503,3 tỷ đồng", "2,503.3 tỷ đồng"),
    (Figure(1, "", estimate=True, yes_no=True), "đạt (ước)", "met (est.)"),
    (Figure(None, "ha", estimate=True), "—", "—"),
]


@pytest.mark.parametrize(("figure", "vi", "en"), CELLS)
def test_a_figure_in_a_cell_says_estimate_and_term_sum_after_it(figure: Figure, vi: str, en: str) -> None:
    assert phrase.figure_cell(figure, "vi") == vi
    assert phrase.figure_cell(figure, "en") == en


def test_a_dated_cell_gives_a_years_figure_its_year_and_a_sum_its_term() -> None:
    tourists = Figure(300000, "lượt khách", "khoang", estimate=True, period=2020)
    assert phrase.figure_cell(tourists, "vi", dated=True) == "khoảng 300.000 lượt khách (2020)"
    assert phrase.figure_cell(tourists, "en", dated=True) == "about 300,000 lượt khách (2020)"
    jobs = Figure(5150, "lao động", period=(2016, 2020))
    assert phrase.figure_cell(jobs, "vi", dated=True) == "5.150 lao động (tổng giai đoạn 2016–2020)"
    assert phrase.figure_cell(Figure(None, "ha", period=2020), "vi", dated=True) == "—"


@pytest.mark.parametrize("comparator", ["", "at_least", "at_most", "reduce_by"])
def test_an_implied_goal_takes_the_same_mark_in_both_languages(comparator: str) -> None:
    """One rule: a worked-back goal in a signed sentence is marked once, in words, in both languages."""
    figure = Figure(1082.5, "ha", basis="implied", printed_pct=111.5, comparator=comparator)
    vi, en = phrase.goal_clause(figure, "vi", document=True), phrase.goal_clause(figure, "en", document=True)
    assert "≈" not in vi and "≈" not in en, (vi, en)
    assert "suy ra từ tỷ lệ % đã công bố" in vi and "worked back from the published %" in en
