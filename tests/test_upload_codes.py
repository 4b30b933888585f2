"""Codes in an upload: look-alike letters refused or read as NFKC; a code written twice named, both cells."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from indicators.__main__ import main
from indicators.core.model import Dataset
from indicators.excel import validate
from indicators.store.database import Store

Change = Callable[[openpyxl.Workbook], None]


def edit(base: bytes, change: Change) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(base))
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def base(shipped_xlsx: bytes) -> bytes:
    return shipped_xlsx


def gtsx_row(data: Dataset) -> int:
    """The ChiTieu row of GTSX in a workbook written from `data`."""
    return int(data.indicators.index[data.indicators["code"] == "GTSX"][0]) + 2


def appended(code: str) -> Change:
    """GTSX's ChiTieu row once more at the end, its code written as `code`."""

    def change(book: openpyxl.Workbook) -> None:
        sheet = book["ChiTieu"]
        row = [c.value for c in sheet[2]]
        sheet.append([code, *row[1:]])

    return change


def last_row(data: Dataset) -> int:
    return len(data.indicators) + 2


@pytest.mark.parametrize(
    ("code", "letter", "script_vi", "script_en"),
    [
        ("GТSX2", "U+0422 CYRILLIC CAPITAL LETTER TE", "Kirin", "Cyrillic"),
        ("GTSΧ", "U+03A7 GREEK CAPITAL LETTER CHI", "Hy Lạp", "Greek"),
        ("ТЕА", "U+0422 CYRILLIC CAPITAL LETTER TE", "Kirin", "Cyrillic"),  # the whole code Cyrillic
        ("GTSX٢", "U+0662 ARABIC-INDIC DIGIT TWO", "ARABIC-INDIC", "ARABIC-INDIC"),
    ],
)
def test_a_letter_of_another_script_in_a_code_is_refused_with_the_cell_named(
    shipped_data: Dataset, base: bytes, code: str, letter: str, script_vi: str, script_en: str
) -> None:
    upload = validate.check(edit(base, appended(code)), "x.xlsx", shipped_data)
    assert not upload.ok
    (problem,) = upload.errors
    assert (problem.sheet, problem.cell, problem.value) == ("ChiTieu", f"A{last_row(shipped_data)}", code)
    assert letter in problem.message_vi and f"là chữ {script_vi}," in problem.message_vi
    assert letter in problem.message_en and f"is a {script_en} letter" in problem.message_en


def test_a_look_alike_code_in_the_figures_is_refused_where_it_is_written(
    shipped_data: Dataset, base: bytes
) -> None:
    upload = validate.check(
        edit(base, lambda b: b["SoLieu"].__setitem__("A2", "GТSX")), "x.xlsx", shipped_data
    )
    assert [(p.sheet, p.cell) for p in upload.errors] == [("SoLieu", "A2")]
    assert "U+0422" in upload.errors[0].message_vi


@pytest.mark.slow
def test_a_full_width_code_is_read_as_nfkc_and_then_is_a_duplicate(
    shipped_data: Dataset, base: bytes
) -> None:
    upload = validate.check(edit(base, appended("ＧＴＳＸ")), "x.xlsx", shipped_data)
    cell = f"A{last_row(shipped_data)}"
    (error,) = upload.errors
    assert (error.sheet, error.cell, error.value) == ("ChiTieu", cell, "GTSX")
    first = gtsx_row(shipped_data)
    assert error.message_vi == f"Dòng trùng với dòng {first}, ô A{first} (cùng Mã chỉ tiêu: GTSX)."
    (note,) = upload.warnings
    assert (note.sheet, note.cell, note.value) == ("ChiTieu", cell, "ＧＴＳＸ")
    assert "đã đọc thành “GTSX”" in note.message_vi and "read as “GTSX”" in note.message_en


def test_a_full_width_code_in_the_figures_is_accepted_as_the_code(shipped_data: Dataset, base: bytes) -> None:
    row = int(shipped_data.observations.index[shipped_data.observations["code"] == "GTSX"][0]) + 2
    upload = validate.check(
        edit(base, lambda b: b["SoLieu"].__setitem__(f"A{row}", "ＧＴＳＸ")), "x.xlsx", shipped_data
    )
    assert upload.ok, [p.message_vi for p in upload.errors]
    assert [(p.sheet, p.cell, p.severity) for p in upload.problems] == [("SoLieu", f"A{row}", "warning")]
    assert (upload.frames["observations"]["code"] == "GTSX").sum() == (
        shipped_data.observations["code"] == "GTSX"
    ).sum()


@pytest.mark.parametrize(
    "written", ["GTSX", "GTSX\u00a0", " GTSX "], ids=["same", "no-break space", "spaces"]
)
def test_a_code_twice_in_chitieu_names_the_code_and_both_cells(
    shipped_data: Dataset, base: bytes, written: str
) -> None:
    upload = validate.check(edit(base, appended(written)), "x.xlsx", shipped_data)
    (problem,) = upload.errors
    first = gtsx_row(shipped_data)
    assert (problem.sheet, problem.cell, problem.value) == ("ChiTieu", f"A{last_row(shipped_data)}", "GTSX")
    assert problem.message_vi == f"Dòng trùng với dòng {first}, ô A{first} (cùng Mã chỉ tiêu: GTSX)."
    # The column is named by the workbook's own header, in either language.
    assert problem.message_en == f"Duplicate of row {first}, cell A{first} (the same Mã chỉ tiêu: GTSX)."


@pytest.mark.slow
def test_a_duplicate_code_is_named_through_the_child_process_too(shipped_data: Dataset, base: bytes) -> None:
    """It used to crash the checks (InvalidIndexError), and the child's crash read "too large or damaged"."""
    upload = validate.check_isolated(edit(base, appended("GTSX\u00a0")), "x.xlsx", shipped_data)
    assert [(p.sheet, p.cell) for p in upload.errors] == [("ChiTieu", f"A{last_row(shipped_data)}")]
    assert validate.TOO_BIG_OR_DAMAGED.message.text("vi") not in upload.errors[0].message_vi


@pytest.mark.slow
def test_the_import_command_names_the_duplicate_and_changes_nothing(
    store: Store, seed_data: Dataset, base: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "trung_ma.xlsx"
    path.write_bytes(edit(base, appended("GTSX")))
    assert main(["import", str(path), "--account", "test"]) == 1
    out = capsys.readouterr()
    first = gtsx_row(seed_data)
    assert f"Dòng trùng với dòng {first}, ô A{first} (cùng Mã chỉ tiêu: GTSX)." in out.out
    assert f"A{last_row(seed_data)}" in out.out
    assert "Traceback" not in out.out + out.err
    assert store.current_version() == 1
