"""The reader's rules, one idiom of this language's reports at a time."""

from __future__ import annotations

import pytest

from indicators.extract.figures import Figure, parse_number
from indicators.extract.match import Catalogue
from indicators.extract.reader import Context, read_text
from indicators.extract.sentences import sentences
from indicators.store.seed import load_source

CATALOGUE = Catalogue(load_source().indicators)


def read(text: str, written_year: int | None = None) -> list[Figure]:
    return [f for f in read_text(text, CATALOGUE, Context(written_year)) if f.value is not None]


@pytest.mark.parametrize(
    ("text", "value", "odd"),
    [
        ("2.503,3", 2503.3, False),
        ("16.742", 16742.0, False),
        ("01", 1.0, False),
        ("2,46", 2.46, False),
        ("558.716", 558716.0, False),
        ("2,503.3", 2503.3, True),  # the English way round: read, but flagged
        ("2.5", 2.5, True),  # a decimal point where this language writes a comma
    ],
)
def test_numbers_are_read_in_vietnamese_notation(text: str, value: float, odd: bool) -> None:
    assert parse_number(text) == (value, odd)


def test_a_sentence_never_ends_inside_a_number() -> None:
    text = "Tổng giá trị sản xuất đạt 2.503,3 tỷ đồng. Thu nhập bình quân đầu người đạt 30 triệu đồng/năm."
    assert [s.text for s in sentences(text)] == [
        "Tổng giá trị sản xuất đạt 2.503,3 tỷ đồng.",
        "Thu nhập bình quân đầu người đạt 30 triệu đồng/năm.",
    ]


def test_an_estimate_with_a_plan_percentage() -> None:
    (figure,) = read("Thu ngân sách trên địa bàn năm 2023 ước đạt 45,8 tỷ đồng, đạt 112,5% kế hoạch.")
    assert (figure.value, figure.unit, figure.indicator) == (45.8, "tỷ đồng", "BUDGET_REV")
    assert (figure.kind, figure.period, figure.year) == ("estimate", "2023", 2023)
    assert (figure.versus, figure.printed_pct, figure.pct_word) == ("KH", 112.5, "đạt")


def test_exceeding_a_plan_keeps_the_printed_figure_and_its_word() -> None:
    (figure,) = read("Năm 2022 giải quyết việc làm cho 1.250 lao động, vượt 4% kế hoạch.")
    assert (figure.value, figure.indicator, figure.kind) == (1250.0, "JOBS", "actual")
    # "vượt 4%" is printed as 4 with its word; 104 % would be arithmetic the sentence did not do.
    assert (figure.printed_pct, figure.pct_word, figure.versus) == (4.0, "vượt", "KH")


def test_against_the_same_period_last_year() -> None:
    (figure,) = read("Sản lượng chè năm 2024 đạt 10.250 tấn, bằng 105,3% so với cùng kỳ.")
    assert (figure.value, figure.indicator) == (10250.0, "TEA_OUTPUT")
    assert (figure.versus, figure.printed_pct, figure.pct_word) == ("CK", 105.3, "bằng")


def test_times_as_much_is_a_figure_of_its_own_with_no_indicator() -> None:
    found = read("Doanh thu từ du lịch năm 2024 đạt 150 tỷ đồng, gấp 2,46 lần năm 2020.")
    assert [(f.value, f.unit, f.indicator) for f in found] == [
        (150.0, "tỷ đồng", "TOURISM_REV"),
        (2.46, "lần", ""),
    ]


def test_a_count_out_of_a_whole() -> None:
    (figure,) = read("Năm 2021 có 14/16 chỉ tiêu đạt và vượt kế hoạch.")
    assert (figure.value, figure.total, figure.indicator, figure.year) == (
        14.0,
        16.0,
        "KTXH_TARGETS_MET",
        2021,
    )


def test_a_yearly_average_change_over_a_term() -> None:
    (figure,) = read("Giai đoạn 2016 – 2020, tỷ lệ hộ nghèo bình quân giảm 4,5%/năm.")
    assert (figure.value, figure.unit, figure.indicator) == (-4.5, "%", "POV_RATE")
    assert (figure.kind, figure.period, figure.year) == ("change_per_year", "2016-2020", 2020)


def test_a_change_names_a_base_year_only_where_the_sentence_does() -> None:
    level, change = read("Năm 2020 tỷ lệ giáo viên đạt chuẩn 100% (tăng 1,1%).")
    assert (level.indicator, level.kind) == ("TEACHERS_QUALIFIED", "actual")
    assert (change.indicator, change.kind, change.value, change.base_year) == (
        "TEACHERS_QUALIFIED",
        "change",
        1.1,
        None,
    )
    (named,) = [
        f for f in read("Năm 2020 có 40 trường, giảm 06 trường so với năm 2015.") if f.kind == "change"
    ]
    assert (named.value, named.base_year, named.versus) == (-6.0, 2015, "2015")


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Năm 2020 cử trên 4.220 lượt cán bộ, công chức, viên chức đi đào tạo, bồi dưỡng.", "tren"),
        ("Năm 2020 số lượt khách du lịch đạt khoảng 300.000 lượt.", "khoang"),
        ("Năm 2025 tỷ lệ suy dinh dưỡng thể thấp còi của trẻ em dưới 5 tuổi dưới 27,6%.", "duoi"),
    ],
)
def test_a_qualifier_before_the_number_is_kept(text: str, qualifier: str) -> None:
    (figure,) = read(text)
    assert figure.qualifier == qualifier


def test_a_half_year() -> None:
    (figure,) = read("6 tháng đầu năm 2024, thu ngân sách trên địa bàn đạt 25,3 tỷ đồng.")
    assert (figure.period, figure.year, figure.indicator) == ("2024-H1", 2024, "BUDGET_REV")


def test_dates_document_numbers_ages_and_years_are_no_figures() -> None:
    text = (
        "Thực hiện Kế hoạch số 1246/KH-UBND ngày 03/7/2019 và Chỉ thị 34 của tỉnh, chăm lo trẻ em dưới "
        "6 tuổi trong 5 năm (2015-2020)."
    )
    assert read(text) == []


def test_a_goal_is_a_target_and_keeps_its_number_unsigned() -> None:
    (figure,) = read("Phấn đấu đến năm 2025 tỷ lệ hộ nghèo giảm bình quân 2%/năm.")
    assert (figure.kind, figure.year, figure.value, figure.indicator) == ("target", 2025, 2.0, "POV_RATE")


def test_a_year_the_report_was_written_in_gives_estimates() -> None:
    (written,) = read("Năm 2020 tổng diện tích chè 1.758,5 ha.", written_year=2020)
    (later,) = read("Năm 2020 tổng diện tích chè 1.758,5 ha.", written_year=2021)
    assert (written.kind, later.kind) == ("estimate", "actual")


def test_no_indicator_is_proposed_without_its_name_nearby() -> None:
    found = read("Năm 2023 toàn huyện có 12 sản phẩm OCOP đạt 3 sao trở lên.")
    assert [(f.value, f.unit, f.indicator, f.confidence) for f in found] == [
        (12.0, "sản phẩm", "", 0.0),
        (3.0, "sao", "", 0.0),
    ]


def test_some_of_them_is_not_the_indicator() -> None:
    found = read(
        "Thu nhập bình quân từ chè đạt 25,7 triệu đồng/hộ/năm, nhiều hộ đạt trên 100 triệu đồng/năm."
    )
    assert [(f.value, f.indicator) for f in found] == [(25.7, "TEA_INCOME_HH"), (100.0, "")]


def test_the_figure_is_where_the_sentence_prints_it() -> None:
    (figure,) = read("Năm 2020 toàn huyện có 2.847 hộ lao động làm chè.")
    assert figure.number_text == "2.847 hộ"
