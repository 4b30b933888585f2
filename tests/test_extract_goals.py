"""Goals read from a báo cáo: offered as targets only where the words state them and their year."""

from __future__ import annotations

import pytest

from indicators.extract import goals
from indicators.extract.match import Catalogue
from indicators.extract.reader import read_text
from indicators.store.seed import load_source

CATALOGUE = Catalogue(load_source().indicators)


def _targets(text: str) -> list[list[object]]:
    rows, _left = goals.targets(read_text(text, CATALOGUE), CATALOGUE, "106", "bao_cao.docx")
    return rows[["code", "year", "comparator", "value", "qualifier", "derived"]].values.tolist()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Phấn đấu đến năm 2025 tỷ lệ hộ nghèo giảm xuống dưới 10%.",
            [["POV_RATE", 2025, "at_most", 10.0, "duoi", False]],
        ),
        (
            "Phấn đấu đến năm 2025 tỷ lệ hộ nghèo giảm bình quân 2%/năm.",
            [["POV_RATE", 2025, "reduce_by", 2.0, "", False]],
        ),
        (
            "Đến năm 2025 tổng diện tích chè toàn huyện đạt 4.000 ha.",
            [["TEA_AREA", 2025, "at_least", 4000.0, "", False]],
        ),
        (
            "Mục tiêu đến năm 2025 thu nhập bình quân đầu người đạt trên 45 triệu đồng/người/năm.",
            [["INCOME_PC", 2025, "at_least", 45.0, "tren", False]],
        ),
        # A growth rate is no level to reach: not offered, and no target worked out of it.
        ("Phấn đấu đến năm 2025 tổng giá trị sản xuất tăng bình quân 8%/năm.", []),
        # A result with a printed % of its plan: no goal, and no target worked back from the %.
        ("Năm 2024 thu ngân sách trên địa bàn đạt 52 tỷ đồng, đạt 105% kế hoạch.", []),
    ],
)
def test_a_goal_is_offered_only_as_its_sentence_states_it(
    sentence: str, expected: list[list[object]]
) -> None:
    assert _targets(sentence) == expected


def test_a_goal_under_a_goals_heading_without_its_year_is_not_offered() -> None:
    # The heading says "Mục tiêu", but no year is printed: the report's term is not taken for one.
    text = "Giai đoạn 2015 – 2020\n\nMục tiêu cụ thể\n\nThu ngân sách trên địa bàn đạt 55 tỷ đồng."
    found = read_text(text, CATALOGUE)
    assert [(f.indicator, f.kind) for f in found] == [("BUDGET_REV", "target")]
    rows, left = goals.targets(found, CATALOGUE, "106", "bao_cao.docx")
    assert rows.empty and left == 1


def test_each_goal_names_the_document_and_the_words_that_make_it_one() -> None:
    rows, _left = goals.targets(
        read_text("Đến năm 2025 tổng diện tích chè toàn huyện đạt 4.000 ha.", CATALOGUE),
        CATALOGUE,
        "106",
        "bao_cao.docx",
    )
    assert rows["target_kind"].tolist() == ["MT"]
    assert rows["note"].tolist() == [
        "Mục tiêu đọc từ bao_cao.docx (câu ghi rõ là mục tiêu); kiểm tra trước khi lưu."
    ]
    assert rows["quote"].tolist() == ["Đến năm 2025 tổng diện tích chè toàn huyện đạt 4.000 ha."]
