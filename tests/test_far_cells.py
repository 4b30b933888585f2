"""Workbooks whose farthest cell would make a reader build a huge grid: refused by name, never a crash."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard import state
from indicators.core.model import Dataset
from indicators.excel import guard as xlsx_guard
from indicators.excel import isolation, validate
from indicators.excel import workbook as excel
from indicators.store.database import Store
from tests.support import sessions

PROJECT = Path(__file__).resolve().parents[1]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TOO_BIG_VI = "Tệp quá lớn hoặc hỏng"
TOO_BIG_EN = "too large or damaged"
# Far enough for the guard to let anything through: the child process is all that is left.
NO_GUARD = {xlsx_guard.ENV_MAX_CELLS: str(10**13)}


def tiny_book(*cells: str, sheet: str = "Sheet1") -> bytes:
    """A workbook with one value in each named cell: a few kilobytes whatever the cells."""
    book = openpyxl.Workbook()
    book.active.title = sheet
    for ref in cells:
        book.active[ref] = "x"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template_with(seed_data: Dataset, sheet: str, ref: str) -> bytes:
    """The current template with one stray value at `ref` in `sheet` (created when missing)."""
    book = openpyxl.load_workbook(io.BytesIO(excel.workbook_bytes(seed_data)))
    target = book[sheet] if sheet in book.sheetnames else book.create_sheet(sheet)
    target[ref] = "gõ nhầm"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_xml(data: bytes, change: dict[str, bytes]) -> bytes:
    """`data` with the named zip parts replaced."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, change.get(info.filename, source.read(info)))
    return out.getvalue()


HEAD = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'


@pytest.fixture
def crash_files(seed_data: Dataset) -> dict[str, tuple[bytes, str, str]]:
    """name → (file, the sheet at fault, the far cell the refusal must name)."""
    tiny = tiny_book("A1")
    return {
        "A1 and XFD1048576": (tiny_book("A1", "XFD1048576"), "Sheet1", "XFD1048576"),
        "A1 and Z1000000": (tiny_book("A1", "Z1000000"), "Sheet1", "Z1000000"),
        "stray cell in a data sheet": (
            template_with(seed_data, "DiaBan", "XFD1048576"),
            "DiaBan",
            "XFD1048576",
        ),
        "stray cell in another sheet": (
            template_with(seed_data, "Ghi chép", "AB900000"),
            "Ghi chép",
            "AB900000",
        ),
        "stray cell in the guide": (
            template_with(seed_data, excel.INSTRUCTIONS_SHEET, "Z1000000"),
            excel.INSTRUCTIONS_SHEET,
            "Z1000000",
        ),
        # Cells without r follow each other: 20,000 of them in row 1 and one cell in row 300.
        "cells without r": (
            sheet_xml(
                tiny,
                {
                    "xl/worksheets/sheet1.xml": HEAD
                    + b'<row r="1">'
                    + b"<c/>" * 20_000
                    + b'</row><row r="300"><c r="A300"><v>1</v></c></row></sheetData></worksheet>'
                },
            ),
            "Sheet1",
            "ACOF1",
        ),
        # A prefixed namespace, where the quick count of tags does not look.
        "prefixed tags": (
            sheet_xml(
                tiny,
                {
                    "xl/worksheets/sheet1.xml": b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/'
                    b'spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c>'
                    b'</x:row><x:row r="900000"><x:c r="B900000"><x:v>1</x:v></x:c></x:row>'
                    b"</x:sheetData></x:worksheet>"
                },
            ),
            "Sheet1",
            "B900000",
        ),
    }


def test_the_guard_refuses_each_far_sheet_naming_the_sheet_and_the_cell(
    crash_files: dict[str, tuple[bytes, str, str]],
) -> None:
    for name, (data, sheet, far) in crash_files.items():
        refusal = xlsx_guard.inspect(data)
        assert isinstance(refusal, xlsx_guard.Refusal), name
        vi, en = refusal.message.text("vi"), refusal.message.text("en")
        assert f"“{sheet}”" in vi and far in vi, (name, vi)
        assert f"“{sheet}”" in en and far in en, (name, en)
        assert "vượt giới hạn" in vi and "over the limit" in en


def test_the_limit_counts_the_grid_from_a1_and_lets_real_sheets_through(seed_data: Dataset) -> None:
    limits = xlsx_guard.Limits(max_bytes=10**8, max_rows=1000, max_cells=2000)
    facts = xlsx_guard.inspect(tiny_book("A1", "T100"), limits)  # 100 rows × 20 columns = 2,000
    assert isinstance(facts, xlsx_guard.Facts)
    assert (facts.sheets[0].rows, facts.sheets[0].columns, facts.sheets[0].cells) == (100, 20, 2000)
    refused = xlsx_guard.inspect(tiny_book("A1", "U100"), limits)  # 2,100 cells
    assert isinstance(refused, xlsx_guard.Refusal) and "U100" in refused.message.text("en")
    refused = xlsx_guard.inspect(tiny_book("A1001"), limits)  # one column, past the row limit
    assert isinstance(refused, xlsx_guard.Refusal) and "A1001" in refused.message.text("vi")
    data = excel.workbook_bytes(seed_data)
    shipped = xlsx_guard.inspect(data)
    assert isinstance(shipped, xlsx_guard.Facts)
    so_lieu = shipped.sheet("SoLieu")
    written = openpyxl.load_workbook(io.BytesIO(data))["SoLieu"]  # what the writer put there
    assert so_lieu is not None and (so_lieu.rows, so_lieu.columns) == (written.max_row, written.max_column)
    assert so_lieu.rows == len(seed_data.observations) + 1


def test_the_exact_scan_agrees_with_the_quick_one(seed_data: Dataset) -> None:
    data = excel.workbook_bytes(seed_data)
    quick = xlsx_guard.inspect(data)
    assert isinstance(quick, xlsx_guard.Facts)
    zf = zipfile.ZipFile(io.BytesIO(data))
    for facts in quick.sheets:
        exact = xlsx_guard.SheetFacts(facts.name, facts.part)
        xlsx_guard._scan_extent(zf, exact)
        assert (exact.rows, exact.columns) == (facts.rows, facts.columns), facts.name


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "indicators", *args],
        cwd=PROJECT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("command", ["validate", "import"])
def test_the_cli_refuses_the_crash_files_and_writes_nothing(
    command: str, store: Store, tmp_path: Path, crash_files: dict[str, tuple[bytes, str, str]]
) -> None:
    for name in ("A1 and XFD1048576", "A1 and Z1000000", "stray cell in the guide"):
        data, sheet, far = crash_files[name]
        path = tmp_path / "far.xlsx"
        path.write_bytes(data)
        done = cli(command, str(path))
        assert done.returncode == 1, (name, done.returncode, done.stderr[-500:])
        assert far in done.stdout and f"“{sheet}”" in done.stdout, (name, done.stdout)
        assert "Không có gì được ghi" in done.stdout
        assert done.stderr == "", done.stderr
    assert store.current_version() == 1


def test_the_cli_survives_a_reader_that_aborts_or_runs_out_of_memory(store: Store, tmp_path: Path) -> None:
    far, z = tmp_path / "far.xlsx", tmp_path / "z.xlsx"
    far.write_bytes(tiny_book("A1", "XFD1048576"))  # the reader asks for 550 GB and aborts
    z.write_bytes(tiny_book("A1", "Z1000000"))  # 1.2 GB: over a 300 MB budget
    for path, extra in ((far, {}), (z, {isolation.ENV_MEMORY_MB: "300"})):
        for command in ("validate", "import"):
            done = cli(command, str(path), env={**NO_GUARD, **extra})
            assert done.returncode == 1, (path.name, command, done.returncode, done.stderr[-500:])
            assert TOO_BIG_VI in done.stdout, done.stdout
            # No abort message or backtrace reaches the terminal; one log line may say what happened.
            for noise in ("Traceback", "memory allocation", "backtrace", "Aborted"):
                assert noise not in done.stderr, done.stderr
    assert store.current_version() == 1


def test_a_reader_that_runs_too_long_is_stopped(seed_data: Dataset) -> None:
    data = tiny_book("A1", "Z1000000")  # about 5 s to read in full
    limits = xlsx_guard.Limits(max_bytes=10**8, max_rows=10**9, max_cells=10**13)
    upload = validate.check_isolated(data, "z.xlsx", seed_data, limits, isolation.Budget(4000, 0.5))
    assert [p.message_vi for p in upload.errors] == [validate.TOO_BIG_OR_DAMAGED.message.text("vi")]
    assert TOO_BIG_EN in upload.errors[0].message_en


def test_the_child_returns_the_same_upload_as_an_inline_check(seed_data: Dataset) -> None:
    book = openpyxl.load_workbook(io.BytesIO(excel.workbook_bytes(seed_data)))
    book["SoLieu"]["F2"] = "không phải số"
    out = io.BytesIO()
    book.save(out)
    inline = validate.check(out.getvalue(), "x.xlsx", seed_data)
    isolated = validate.check_isolated(out.getvalue(), "x.xlsx", seed_data)
    assert [(p.sheet, p.cell, p.message_vi) for p in isolated.problems] == [
        (p.sheet, p.cell, p.message_vi) for p in inline.problems
    ]
    assert len(isolated.errors) == 1 and isolated.errors[0].cell == "F2"


# The upload page ------------------------------------------------------------------------------


@pytest.fixture
def fresh_caches(store: Store) -> Iterator[None]:
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


def upload_page(lang: str = "vi") -> AppTest:
    at = AppTest.from_file(str(PROJECT / "pages" / "upload.py"), default_timeout=120)
    at.session_state[state.LANG_KEY] = lang
    sessions.sign_in(at, "thu.nguyen", "analyst")
    return at.run()


def send(at: AppTest, name: str, data: bytes) -> AppTest:
    nonce = at.session_state[state.UPLOAD_NONCE_KEY]
    at.file_uploader(key=f"{state.UPLOAD_FILE_WIDGET}_{nonce}").set_value((name, data, XLSX))
    return at.run()


def test_the_upload_page_names_the_far_cell_then_takes_a_good_file(
    fresh_caches: None, seed_data: Dataset, crash_files: dict[str, tuple[bytes, str, str]]
) -> None:
    at = upload_page()
    for name, (data, sheet, far) in crash_files.items():
        at = send(at, "far.xlsx", data)
        assert not at.exception, name
        shown = " ".join(str(v) for v in at.dataframe[0].value.to_numpy().ravel())
        assert far in shown and sheet in shown, (name, shown[:300])
        assert at.error and not at.button  # nothing to commit
    at = send(at, "mau.xlsx", excel.workbook_bytes(seed_data))
    assert not at.exception and not at.error
    assert any("1" in i.value for i in at.info)  # "no change against version 1": the page goes on


def test_the_upload_page_survives_a_reader_that_aborts(
    fresh_caches: None, seed_data: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(xlsx_guard.ENV_MAX_CELLS, NO_GUARD[xlsx_guard.ENV_MAX_CELLS])
    at = upload_page("en")
    at = send(at, "far.xlsx", tiny_book("A1", "XFD1048576"))
    assert not at.exception
    shown = " ".join(str(v) for v in at.dataframe[0].value.to_numpy().ravel())
    assert TOO_BIG_EN in shown
    monkeypatch.delenv(xlsx_guard.ENV_MAX_CELLS)
    at = send(at, "mau.xlsx", excel.workbook_bytes(seed_data))
    assert not at.exception and not at.error


# The far cell written as any XML writer may: whitespace of any kind before and around the
# attribute, either quote, another attribute first. The quick scan must never read past it.
FAR_CELL_SPELLINGS = {
    "tab before r": b'<c\tr="XFD1048576"',
    "line feed before r": b'<c\nr="XFD1048576"',
    "carriage return before r": b'<c\rr="XFD1048576"',
    "CR LF before r": b'<c\r\nr="XFD1048576"',
    "two spaces before r": b'<c  r="XFD1048576"',
    "single quotes": b"<c r='XFD1048576'",
    "spaces around =": b'<c r = "XFD1048576"',
    "tab after =": b'<c r=\t"XFD1048576"',
    "another attribute first": b'<c t="n" r="XFD1048576"',
    "tab then another attribute": b'<c\tt="n"\tr="XFD1048576"',
    "space inside the value": b'<c r=" XFD1048576 "',
}


@pytest.mark.parametrize("spelling", FAR_CELL_SPELLINGS.values(), ids=FAR_CELL_SPELLINGS.keys())
@pytest.mark.parametrize("row_spelling", [b'<row r="1048576">', b'<row\tr="1048576">', b"<row\nr='1048576'>"])
def test_the_quick_scan_sees_the_far_cell_however_its_tag_is_spaced_or_quoted(
    spelling: bytes, row_spelling: bytes
) -> None:
    sheet = (
        HEAD
        + b'<row r="1"><c r="A1"><v>1</v></c></row>'
        + row_spelling
        + spelling
        + b"><v>1</v></c></row></sheetData></worksheet>"
    )
    data = sheet_xml(tiny_book("A1"), {"xl/worksheets/sheet1.xml": sheet})
    refusal = xlsx_guard.inspect(data)
    assert isinstance(refusal, xlsx_guard.Refusal), refusal
    assert "XFD1048576" in refusal.message.text("vi") and "XFD1048576" in refusal.message.text("en")
    assert "vượt giới hạn" in refusal.message.text("vi")


@pytest.mark.parametrize("row_spelling", [b'<row\tr="900000">', b'<row\r\nr="900000"', b"<row r='900000'"])
def test_the_quick_scan_sees_a_far_row_however_its_tag_is_spaced_or_quoted(row_spelling: bytes) -> None:
    sheet = HEAD + b'<row r="1"><c r="A1"><v>1</v></c></row>' + row_spelling.rstrip(b">") + b"/>"
    data = sheet_xml(tiny_book("A1"), {"xl/worksheets/sheet1.xml": sheet + b"</sheetData></worksheet>"})
    refusal = xlsx_guard.inspect(data, xlsx_guard.Limits(max_bytes=10**8))
    assert isinstance(refusal, xlsx_guard.Refusal), refusal
    assert "A900000" in refusal.message.text("en")
