"""The proposal check against the register and the catalogue: each finding named by row, code and numbers."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from indicators.awards import catalogue as cat
from indicators.awards.catalogue import Rule
from indicators.awards.check import check
from indicators.text import award_words

CATALOGUE = cat.load()
CAP = Rule(
    "cap_test", "cap", "cstd_co_so", "lao_dong_tien_tien", 0, 0.15, "Nghị định thử, Điều 1", "q" * 41, "s"
)
COLUMNS = ["year", "award", "recipient_kind", "name", "unit", "area"]


def rows(*items: tuple) -> pd.DataFrame:
    return pd.DataFrame(list(items), columns=COLUMNS)


def test_the_expected_failures_are_named() -> None:
    register = rows(
        *[(y, "cstd_co_so", "person", "Lò Văn A", "Trường A", "03390") for y in (2021, 2022, 2024)],
        (2024, "lao_dong_tien_tien", "person", "Lò Văn B", "Trường A", "03390"),
        *[(2025, "lao_dong_tien_tien", "person", f"Người {i}", "Trường A", "03390") for i in range(13)],
    )
    proposals = rows(
        (2025, "cstd_tinh", "person", "Lò Văn A", "Trường A", "03390"),  # 2 running, 3 needed
        (2024, "lao_dong_tien_tien", "person", "lò văn b", "Trường A", "03390"),  # already awarded
        (2025, "co_thi_dua_tinh", "person", "Lò Văn C", "Trường A", "03390"),  # a collective's title
        (2025, "khong_co", "collective", "Đội X", "", "03390"),
        (2025, "cstd_co_so", "person", "Người 0", "Trường A", "03390"),
        (2025, "cstd_co_so", "person", "Người 1", "Trường A", "03390"),
        (2025, "cstd_co_so", "person", "Người 1", "Trường A", "03390"),  # listed twice
    )
    registrations = rows(*[(2025, "", "person", f"Người {i}", "Trường A", "03390") for i in range(13)])
    catalogue = replace(CATALOGUE, rules=(*CATALOGUE.rules, CAP))
    found = check(proposals, register, catalogue, registrations)
    assert found.values.tolist() == [
        [0, "missing_earlier", "cstd_tinh_after_3_cstd_co_so", 3, 2],
        [0, "no_registration", "", 0, 0],
        [1, "duplicate", "", 0, 0],
        [2, "no_registration", "", 0, 0],
        [2, "wrong_recipient", "", 0, 0],
        [3, "no_registration", "", 0, 0],
        [3, "unknown_title", "", 0, 0],
        # 13 advanced labourers allow floor(13 × 0.15) = 1 grassroots fighter; 3 are proposed.
        [4, "cap_exceeded", "cap_test", 1, 3],
        [5, "cap_exceeded", "cap_test", 1, 3],
        [6, "cap_exceeded", "cap_test", 1, 3],
        [6, "duplicate", "", 0, 0],
    ]
    # The 2024 row has no registration check: no registrations were kept for 2024.
    assert found.loc[found["row"] == 1, "code"].tolist() == ["duplicate"]
    texts = [m.text("en") for m in award_words.findings(catalogue, found)]
    assert texts[0] == (
        "Row 2: the register shows 2 consecutive “Grassroots Emulation Fighter”, 3 are needed "
        "(Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 22, khoản 1, điểm a)."
    )
    assert texts[7] == (
        "Row 6: the unit proposes 3 “Grassroots Emulation Fighter”, over the allowed share of 1 "
        "(Nghị định thử, Điều 1)."
    )


def test_a_duplicate_of_the_register_is_found_across_case_and_spacing() -> None:
    register = rows((2024, "lao_dong_tien_tien", "person", "Lò Văn B", "Trường A", "03390"))
    proposals = rows((2024, "lao_dong_tien_tien", "person", "  LÒ VĂN B ", "Trường A", "03390"))
    assert check(proposals, register, CATALOGUE)["code"].tolist() == ["duplicate"]


def test_a_clean_list_has_no_finding() -> None:
    register = rows(
        *[(y, "cstd_co_so", "person", "Lò Văn A", "Trường A", "03390") for y in (2022, 2023, 2024)]
    )
    proposals = rows((2024, "cstd_tinh", "person", "Lò Văn A", "Trường A", "03390"))
    assert check(proposals, register, CATALOGUE).empty
    assert award_words.summary(0, 1).text("vi").startswith("Không thấy vấn đề nào trong 1 đề nghị")
