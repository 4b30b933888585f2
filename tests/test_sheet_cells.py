"""How the check reads a sheet's cells: names as Excel shows them (openpyxl's helpers), and blank rows."""

from __future__ import annotations

import numpy as np
import pytest

from indicators.core.model import OBSERVATIONS
from indicators.excel.sheets import Checker, blank_rows, cell_name, read_long, split_ref


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("B7", (7, 2)),
        ("b7", (7, 2)),
        ("$AA$10", (10, 27)),
        ("XFD1048576", (1048576, 16384)),
        ("ZZZ3", (3, 18278)),
        ("A01", (1, 1)),
        ("A0", (0, 0)),  # there is no row 0
        ("AAAA1", (0, 0)),  # more than three letters
        ("A1:B2", (0, 0)),
        (" A1", (0, 0)),
        ("A", (0, 0)),
        ("7", (0, 0)),
        ("", (0, 0)),
    ],
)
def test_a_cell_reference_is_split_into_row_and_column(ref: str, expected: tuple[int, int]) -> None:
    assert split_ref(ref) == expected


@pytest.mark.parametrize(
    ("row", "col", "expected"),
    [
        (7, 2, "B7"),
        (1, 26, "Z1"),
        (1, 27, "AA1"),
        (3, 703, "AAA3"),
        (3, 16384, "XFD3"),
        (0, 3, "C"),
        (5, 0, ""),
        (0, 0, ""),
    ],
)
def test_a_cell_is_named_as_excel_shows_it(row: int, col: int, expected: str) -> None:
    assert cell_name(row, col) == expected


def test_blank_rows_are_those_with_nothing_but_spaces_in_every_cell() -> None:
    cells = np.empty((5, 3), dtype=object)
    cells[:] = [["", " ", None], ["x", "", ""], ["", "", 0.0], ["\t", "", ""], [None, None, "  "]]
    assert blank_rows(cells).tolist() == [True, False, False, True, True]
    assert blank_rows(np.empty((0, 3), dtype=object)).tolist() == []


def test_a_long_sheet_keeps_its_filled_rows_with_their_excel_row_numbers() -> None:
    grid: list[list[object]] = [
        ["Mã chỉ tiêu", "Mã địa bàn", "Năm", "Loại số liệu", "Giá trị", ""],
        ["GTSX", "106", 2020.0, "TH", 2503.3],
        ["", " ", None, "", "", ""],
        ["LUA", "106", 2019.0, "TH", 10.0, ""],
        ["", "", "", "", "", "lạc"],
    ]
    chk = Checker()
    loc = read_long(grid, OBSERVATIONS, "SoLieu", chk)
    assert loc is not None
    assert loc.rows.tolist() == [2, 4, 5]
    assert loc.frame["code"].tolist() == ["GTSX", "LUA", ""]
    assert loc.frame["value"].tolist() == [2503.3, 10.0, ""]
    assert loc.columns == {"code": 1, "area": 2, "year": 3, "kind": 4, "value": 5}
    # Text under no header is reported at its column's header cell.
    assert [(p.row, p.col) for p in chk.problems] == [(1, 6)]
