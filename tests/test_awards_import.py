"""An awards list from Excel: the template's drop-downs, a good list, bad lists refused whole and named."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pytest

from indicators.awards import catalogue as cat
from indicators.excel import awards_sheet
from indicators.excel.awards_rows import COLUMNS, check_rows

CATALOGUE = cat.load()
GOOD = {
    "decision_no": "12/QĐ-UBND",
    "decision_date": datetime(2024, 12, 20),
    "issuer": "Chủ tịch UBND xã Bình Lư",
    "award": "Lao động tiên tiến",
    "recipient_kind": "cá nhân",
    "name": "Lò Văn A",
    "unit": "Trường TH Bình Lư",
    "area": "03390",
    "year": 2024,
    "achievement": "Hoàn thành xuất sắc nhiệm vụ",
}


def filled(*rows: dict) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(awards_sheet.template_bytes(CATALOGUE)))
    sheet = book[awards_sheet.SHEET]
    for row in rows:
        sheet.append([row.get(c) for c in COLUMNS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def texts(checked) -> list[str]:
    return [m.text("vi") for m in checked.errors]


def test_the_template_offers_vietnamese_drop_downs() -> None:
    book = openpyxl.load_workbook(io.BytesIO(awards_sheet.template_bytes(CATALOGUE)))
    sheet, lists = book[awards_sheet.SHEET], book[awards_sheet.LISTS]
    assert [c.value for c in sheet[1]][:4] == [
        "Số quyết định",
        "Ngày quyết định",
        "Cơ quan, người quyết định",
        "Danh hiệu, hình thức khen thưởng",
    ]
    names = [c.value for c in lists["A"] if c.value]
    assert names[0] == "Huân chương Lao động hạng Nhất" and "Chiến sĩ thi đua cơ sở" in names
    assert [c.value for c in lists["B"] if c.value] == ["cá nhân", "tập thể", "hộ gia đình"]
    formulas = sorted(v.formula1 for v in sheet.data_validations.dataValidation)
    assert formulas == [f"'{awards_sheet.LISTS}'!$A$1:$A${len(names)}", f"'{awards_sheet.LISTS}'!$B$1:$B$3"]


def test_a_good_list_reads_as_codes() -> None:
    checked = awards_sheet.check_file(
        filled(
            GOOD,
            {**GOOD, "name": "Đơn vị X", "recipient_kind": "tập thể", "award": "Tập thể lao động tiên tiến"},
        ),
        CATALOGUE,
    )
    assert checked.ok, texts(checked)
    assert checked.rows[["award", "recipient_kind", "name", "year"]].values.tolist() == [
        ["lao_dong_tien_tien", "person", "Lò Văn A", 2024],
        ["tap_the_ldtt", "collective", "Đơn vị X", 2024],
    ]
    assert checked.rows["decision_date"].tolist() == [date(2024, 12, 20)] * 2


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([GOOD, GOOD], ["Dòng 4: trùng với dòng 3 (cùng quyết định 12/QĐ-UBND"]),
        (
            [{**GOOD, "award": "Huy hiệu Vàng"}],
            ["Dòng 3: danh hiệu hoặc hình thức khen thưởng “Huy hiệu Vàng”"],
        ),
        (
            [{**GOOD, "award": "Cờ thi đua của UBND tỉnh"}],
            ["Dòng 3: “Cờ thi đua của UBND tỉnh” không dành cho cá nhân"],
        ),
        (
            [{**GOOD, "decision_date": datetime(2023, 5, 2)}],
            ["Dòng 3: quyết định ngày 02/05/2023 không thể khen"],
        ),
        ([{**GOOD, "decision_date": "20/12/2027"}], ["Dòng 3: quyết định ngày 20/12/2027 không thể khen"]),
        ([{**GOOD, "decision_date": "32/12/2024"}], ["Dòng 3: ngày quyết định “32/12/2024” không đọc được"]),
        (
            [
                {
                    **GOOD,
                    "award": "Giấy khen của Chủ tịch UBND huyện",
                    "decision_date": datetime(2025, 8, 1),
                    "year": 2025,
                }
            ],
            ["Dòng 3: “Giấy khen của Chủ tịch UBND huyện” là khen thưởng cấp huyện"],
        ),
        ([{**GOOD, "name": None}], ["Dòng 3: thiếu Tên cá nhân"]),
    ],
    ids=[
        "duplicate",
        "unknown_title",
        "person_under_collective_title",
        "date_before_year",
        "date_two_years_on",
        "no_such_day",
        "district_after_july_2025",
        "no_name",
    ],
)
def test_a_bad_list_is_refused_whole_and_named(rows: list[dict], expected: list[str]) -> None:
    checked = awards_sheet.check_file(filled({**GOOD, "name": "Người khác"}, *rows), CATALOGUE)
    assert not checked.ok and checked.rows.empty
    found = texts(checked)
    assert len(found) == len(expected), found
    for text, start in zip(found, expected, strict=True):
        assert text.startswith(start), text


def test_a_district_award_before_july_2025_is_taken() -> None:
    row = {
        **GOOD,
        "award": "Giấy khen của Chủ tịch UBND huyện",
        "decision_date": datetime(2025, 6, 30),
        "year": 2025,
    }
    assert awards_sheet.check_file(filled(row), CATALOGUE).ok


def test_a_file_that_is_not_a_workbook_is_refused_before_parsing() -> None:
    checked = awards_sheet.check_file(b"PK\x03\x04 not really a zip", CATALOGUE)
    assert not checked.ok and len(checked.errors) == 1


def test_a_list_without_the_needed_columns_is_named() -> None:
    book = openpyxl.Workbook()
    book.active.append(["Số quyết định", "Tên"])
    out = io.BytesIO()
    book.save(out)
    checked = awards_sheet.check_file(out.getvalue(), CATALOGUE)
    assert texts(checked) == [
        "Danh sách thiếu cột: Ngày quyết định, Cơ quan, người quyết định, Danh hiệu, hình thức khen thưởng, "
        "Đối tượng, Tên cá nhân, tập thể, hộ gia đình, Mã địa bàn, Năm thành tích. "
        "Hãy dùng mẫu tải từ chương trình."
    ]


def test_an_empty_list_is_named() -> None:
    assert [m.text("en") for m in check_rows([], CATALOGUE).errors] == ["The list has no rows."]


@pytest.mark.slow
def test_the_isolated_reader_gives_the_same_answer() -> None:
    checked = awards_sheet.check_file_isolated(filled(GOOD, GOOD), CATALOGUE)
    assert [m.text("en") for m in checked.errors] == [
        "Row 3: the same as row 2 (the same decision 12/QĐ-UBND, recipient and title)."
    ]


@pytest.mark.slow
def test_a_proposal_list_reads_as_codes_in_the_parsing_child() -> None:
    book = openpyxl.Workbook()
    book.active.append(
        [
            "Năm thành tích",
            "Danh hiệu, hình thức khen thưởng",
            "Đối tượng",
            "Tên cá nhân, tập thể, hộ gia đình",
            "Đơn vị",
            "Mã địa bàn",
        ]
    )
    book.active.append([2025, "Chiến sĩ thi đua tỉnh", "cá nhân", "Lò Văn A", "Trường TH", "03390"])
    book.active.append([2025, "Huy hiệu lạ", "tập thể", "Đội X", "", "03390"])
    out = io.BytesIO()
    book.save(out)
    read = awards_sheet.read_proposals_isolated(out.getvalue(), CATALOGUE)
    assert read.ok
    assert read.rows.values.tolist() == [
        [2025, "cstd_tinh", "person", "Lò Văn A", "Trường TH", "03390"],
        [2025, "Huy hiệu lạ", "collective", "Đội X", "", "03390"],
    ]
    assert not awards_sheet.read_proposals_isolated(b"not a workbook", CATALOGUE).ok
