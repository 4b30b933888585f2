"""Identical validation problems fold into one line with their count and cell ranges."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from indicators.__main__ import main
from indicators.core.model import Dataset
from indicators.excel import validate
from indicators.excel import workbook as excel
from indicators.excel.sheets import Problem, cell_name
from indicators.text.i18n import msg, t

ROWS = 60_000


@pytest.mark.parametrize(
    ("cells", "ranges"),
    [
        ([(2, 2)], ["B2"]),
        ([(r, 2) for r in range(2, 60_002)], ["B2:B60001"]),
        ([(5, 1), (6, 1), (9, 1), (7, 1)], ["A5:A7", "A9"]),
        # The same rows in neighbouring columns: one rectangle (a wide sheet's block of years).
        ([(r, c) for r in range(5, 10) for c in range(4, 9)], ["D5:H9"]),
        ([(3, 2), (3, 3), (4, 2)], ["B3:B4", "C3"]),
        ([(2, 28), (3, 28)], ["AB2:AB3"]),
    ],
)
def test_cells_become_the_fewest_ranges(cells: list[tuple[int, int]], ranges: list[str]) -> None:
    assert validate.cell_ranges(cells) == ranges


def problem(row: int, col: int, value: str, key: str = "check.unknown_code") -> Problem:
    return Problem("SoLieu", cell_name(row, col), "Mã", value, msg(key), "error", row, col)


def test_identical_problems_make_one_group_with_count_cells_and_values() -> None:
    problems = [problem(r, 1, "XYZ") for r in range(2, 12)] + [problem(20, 1, "ABC")]
    problems += [problem(4, 6, "n/a", "check.not_a_number")]
    groups = validate.group_problems(problems)
    assert [(g.count, g.ranges, g.values) for g in groups] == [
        (11, ("A2:A11", "A20"), ("XYZ", "ABC")),
        (1, ("F4",), ("n/a",)),
    ]
    frame = validate.group_frame(problems, "en")
    assert list(frame.columns) == list(validate.GROUP_COLUMNS)
    assert frame.iloc[0].to_dict() == {
        "severity": "error",
        "sheet": "SoLieu",
        "cells": "A2:A11, A20",
        "count": 11,
        "column": "Mã",
        "value": "“XYZ”, “ABC”",
        "message": t("check.unknown_code", "en"),
    }


def test_a_long_list_of_ranges_and_values_is_cut_with_a_count() -> None:
    problems = [problem(r, 1, f"X{r}") for r in range(2, 40, 2)]  # 19 single cells, 19 values
    (group,) = validate.group_problems(problems)
    assert group.cells("vi") == "A2, A4, A6, A8, A10, A12, … (+13 vùng)"
    assert group.value_text("en") == "“X2”, “X4”, “X6”, … (+16 other values)"


@pytest.fixture
def sixty_thousand(seed_data: Dataset, tmp_path: Path) -> Path:
    """The shipped template with 60,000 more rows, all with the same unknown indicator code."""
    book = openpyxl.load_workbook(io.BytesIO(excel.workbook_bytes(seed_data)))
    sheet = book["SoLieu"]
    for _ in range(ROWS):
        sheet.append(["KHONG_CO", "106", 2019, "actual", None, 1.5])
    path = tmp_path / "sau-muoi-nghin.xlsx"
    book.save(path)
    return path


def test_sixty_thousand_rows_with_one_unknown_code_give_a_handful_of_lines(
    seed_data: Dataset, sixty_thousand: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = len(seed_data.observations) + 2
    upload = validate.check(sixty_thousand.read_bytes(), sixty_thousand.name, seed_data)
    assert len(upload.errors) == ROWS
    groups = validate.group_problems(upload.problems)
    assert sum(g.count for g in groups) == ROWS
    assert len(groups) <= 3
    # Every problem points at the code column, A, of the 60,000 rows: one range in all.
    assert {r for g in groups for r in g.ranges} <= {f"A{first}", f"A{first + 1}:A{first + ROWS - 1}"}
    assert {v for g in groups for v in g.values} <= {"KHONG_CO", "KHONG_CO / 106 / 2019 / actual"}

    # The command line: a handful of lines, each with its count and range.
    assert main(["validate", str(sixty_thousand)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) <= 5, out
    assert any(f"A{first + 1}:A{first + ROWS - 1} (59.999 lần)" in line for line in out), out
    assert out[-1].startswith("Tệp không hợp lệ: 60.000 lỗi")

    # The full list stays available: one CSV row per problem on standard output.
    assert main(["validate", str(sixty_thousand), "--format", "csv"]) == 1
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert len(rows) == ROWS
    assert [r["cell"] for r in rows[:2]] == [f"A{first}", f"A{first + 1}"]
    assert "Tệp không hợp lệ" in captured.err and "Tệp không hợp lệ" not in captured.out


def test_all_prints_one_line_per_problem(
    seed_data: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(excel.workbook_bytes(seed_data)))
    for year in (2016, 2017, 2018):
        book["SoLieu"].append(["KHONG_CO", "106", year, "actual", None, 1.5])
    path = tmp_path / "ba.xlsx"
    book.save(path)
    assert main(["validate", str(path)]) == 1
    grouped = capsys.readouterr().out.splitlines()
    assert main(["validate", str(path), "--all"]) == 1
    every = capsys.readouterr().out.splitlines()
    first = len(seed_data.observations) + 2
    assert grouped[0] == (
        f"LỖI SoLieu A{first}:A{first + 2} (3 lần) [Mã chỉ tiêu] “KHONG_CO”: Mã chỉ tiêu không có trong "
        "danh mục (trang ChiTieu của tệp hoặc dữ liệu hiện tại)."
    )
    assert [line.split(" [")[0] for line in every[:3]] == [f"LỖI SoLieu A{first + i}" for i in range(3)]


def test_the_wide_unit_warning_names_its_cell_and_comes_once(seed_data: Dataset) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "2019", "2020", "NQ 2020"])
    # GTSX is in tỷ đồng; this row says triệu đồng and has both figures and a target.
    sheet.append(["GTSX", "Tổng giá trị sản xuất", "triệu đồng", 2300, 2503.3, 2500])
    out = io.BytesIO()
    book.save(out)
    upload = validate.check(out.getvalue(), "wide.xlsx", seed_data)
    assert upload.ok, validate.report_text(upload)
    (warning,) = [p for p in upload.warnings if "Đơn vị tính" in p.message_vi]
    assert (warning.cell, warning.column, warning.value) == ("C2", "Đơn vị tính", "triệu đồng")
