"""A corpus of bad workbooks built here: each refused with its sheet and cell named, the store untouched."""

from __future__ import annotations

import io
import sqlite3
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from indicators.__main__ import main
from indicators.core.model import Dataset
from indicators.excel import guard as xlsx_guard
from indicators.excel import validate
from indicators.store.database import Store

# Sheet order of the upload layout: "Hướng dẫn" is sheet1, then one sheet per table.
SHEET_XML = {"ChiTieu": "xl/worksheets/sheet2.xml", "SoLieu": "xl/worksheets/sheet3.xml"}
# SoLieu columns: A code, B area, C year, D kind, E base year, F value, G qualifier, H section, I quote.


def edit(base: bytes, change: Callable[[openpyxl.Workbook], None]) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(base))
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rewrite(base: bytes, part: str, change: Callable[[str], str]) -> bytes:
    """The workbook with one XML part rewritten as text, everything else copied byte for byte."""
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def add_part(base: bytes, name: str, data: bytes, level: int = 9) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr(name, data)
    return out.getvalue()


def set_cell(sheet: str, ref: str, value: object) -> Callable[[openpyxl.Workbook], None]:
    def change(book: openpyxl.Workbook) -> None:
        book[sheet][ref] = value

    return change


def cell_xml(ref: str, inner: str, kind: str = "") -> Callable[[str], str]:
    """Replace the XML of one cell (found by its r attribute) with a cell of our own."""

    def change(xml: str) -> str:
        start = xml.index(f'<c r="{ref}"')
        end = xml.index("</c>", start) + len("</c>")
        kind_attr = f' t="{kind}"' if kind else ""
        return xml[:start] + f'<c r="{ref}"{kind_attr}>{inner}</c>' + xml[end:]

    return change


def row_of(data: Dataset, code: str, kind: str = "estimate") -> int:
    """The SoLieu row of an indicator's observation in a workbook written from `data`."""
    obs = data.observations
    position = obs.index[(obs["code"] == code) & (obs["kind"] == kind)][0]
    return int(position) + 2


@pytest.fixture
def base(shipped_xlsx: bytes) -> bytes:
    """The template of the shipped data: valid, and identical to what the store holds."""
    return shipped_xlsx


def dump(url: str) -> list[str]:
    """Every row of every table of the SQLite store, to compare before and after."""
    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        return list(conn.iterdump())


OLE2 = xlsx_guard.OLE2_MAGIC + bytes(504)


def _bad_files(data: Dataset, base: bytes) -> dict[str, Callable[[], tuple[bytes, str, str, str]]]:
    """name → a builder of (file bytes, sheet, cell, words of the Vietnamese message); built on demand."""
    count_row = row_of(data, "FESTIVALS")
    share_row = row_of(data, "CULTURED_HOUSEHOLDS")
    gtsx_row = row_of(data, "GTSX")
    so_lieu = SHEET_XML["SoLieu"]
    bomb = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    external = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'

    def prolog(extra: bytes) -> Callable[[str], str]:
        def change(xml: str) -> str:
            body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
            return extra.decode() + body

        return change

    def delete_sheet(book: openpyxl.Workbook) -> None:
        del book["MucTieu"]

    def delete_value_column(book: openpyxl.Workbook) -> None:
        book["SoLieu"].delete_cols(6)

    def merge(book: openpyxl.Workbook) -> None:
        book["SoLieu"].merge_cells("H5:I6")

    def duplicate(book: openpyxl.Workbook) -> None:
        sheet = book["SoLieu"]
        sheet.append([c.value for c in sheet[2]])

    def corrupt_stream() -> bytes:
        info = zipfile.ZipFile(io.BytesIO(base)).getinfo(so_lieu)
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        damaged = bytearray(base)
        middle = start + info.compress_size // 2
        damaged[middle : middle + 16] = b"\xff" * 16
        return bytes(damaged)

    zip_of_other = io.BytesIO()
    with zipfile.ZipFile(zip_of_other, "w") as other:
        other.writestr("word/document.xml", "<w/>")
    return {
        "empty file": lambda: (b"", "", "", "rỗng"),
        "pdf named .xlsx": lambda: (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "", "", "PDF"),
        "csv named .xlsx": lambda: ("Mã chỉ tiêu,Năm\nGTSX,2020\n".encode(), "", "", "CSV"),
        "random bytes": lambda: (
            bytes((i * 97 + 13) % 256 for i in range(4096)),
            "",
            "",
            "không phải sổ tính",
        ),
        "legacy xls": lambda: (OLE2, "", "", ".xls"),
        "encrypted": lambda: (OLE2 + "EncryptedPackage".encode("utf-16-le"), "", "", "mật khẩu"),
        "zip that is no workbook": lambda: (zip_of_other.getvalue(), "", "", "không phải sổ tính"),
        "missing sheet": lambda: (edit(base, delete_sheet), "MucTieu", "", "Thiếu trang tính"),
        "missing column": lambda: (edit(base, delete_value_column), "SoLieu", "", "Thiếu cột “Giá trị”"),
        "renamed header": lambda: (
            edit(base, set_cell("SoLieu", "F1", "Giá trị (tỷ)")),
            "SoLieu",
            "F1",
            "không nhận ra",
        ),
        "merged cells over data": lambda: (edit(base, merge), "SoLieu", "H5", "Ô gộp H5:I6"),
        "formula without cached value": lambda: (
            edit(base, set_cell("SoLieu", "F3", "=F2*2")),
            "SoLieu",
            "F3",
            "công thức nhưng không có giá trị",
        ),
        "formula error #DIV/0!": lambda: (
            rewrite(base, so_lieu, cell_xml("F4", "<f>1/0</f><v>#DIV/0!</v>", "e")),
            "SoLieu",
            "F4",
            "#DIV/0!",
        ),
        "formula error #REF!": lambda: (
            rewrite(base, so_lieu, cell_xml("F5", "<f>#REF!*2</f><v>#REF!</v>", "e")),
            "SoLieu",
            "F5",
            "#REF!",
        ),
        "text n/a in a value cell": lambda: (
            edit(base, set_cell("SoLieu", "F6", "n/a")),
            "SoLieu",
            "F6",
            "Ô SoLieu!F6 ghi “n/a”, không phải là số. Hãy ghi một số, ví dụ 2.503,3",
        ),
        "a dash in a value cell": lambda: (
            edit(base, set_cell("SoLieu", "F7", "-")),
            "SoLieu",
            "F7",
            "Ô SoLieu!F7 ghi “-”, không phải là số.",
        ),
        "đang cập nhật": lambda: (
            edit(base, set_cell("SoLieu", "F8", "đang cập nhật")),
            "SoLieu",
            "F8",
            "Ô SoLieu!F8 ghi “đang cập nhật”, không phải là số.",
        ),
        "empty value cell": lambda: (
            edit(base, set_cell("SoLieu", "F9", None)),
            "SoLieu",
            "F9",
            "Ô SoLieu!F9 để trống. Hãy ghi số liệu, ví dụ 2.503,3",
        ),
        "ambiguous 2.503": lambda: (
            edit(base, set_cell("SoLieu", f"F{gtsx_row}", "2.503")),
            "SoLieu",
            f"F{gtsx_row}",
            "không rõ nghĩa",
        ),
        "duplicate row": lambda: (
            edit(base, duplicate),
            "SoLieu",
            f"A{len(data.observations) + 2}",
            "trùng với dòng 2",
        ),
        "unknown indicator code": lambda: (
            edit(base, set_cell("SoLieu", "A2", "KHONG_CO")),
            "SoLieu",
            "A2",
            "Mã chỉ tiêu không có",
        ),
        "unknown area code": lambda: (
            edit(base, set_cell("SoLieu", "B2", "HN")),
            "SoLieu",
            "B2",
            "Mã địa bàn không có",
        ),
        "year outside the range": lambda: (
            edit(base, set_cell("SoLieu", "C2", 1800)),
            "SoLieu",
            "C2",
            "ngoài khoảng",
        ),
        "year far in the future": lambda: (
            edit(base, set_cell("SoLieu", "C2", 2500)),
            "SoLieu",
            "C2",
            "ngoài khoảng",
        ),
        "not a year": lambda: (
            edit(base, set_cell("SoLieu", "C3", "năm ngoái")),
            "SoLieu",
            "C3",
            "Không phải là năm",
        ),
        "a fractional year": lambda: (
            edit(base, set_cell("SoLieu", "C4", 2020.5)),
            "SoLieu",
            "C4",
            "Không phải là năm",
        ),
        "unknown kind": lambda: (
            edit(base, set_cell("SoLieu", "D2", "dự báo")),
            "SoLieu",
            "D2",
            "không hợp lệ",
        ),
        "negative count": lambda: (
            edit(base, set_cell("SoLieu", f"F{count_row}", -3)),
            "SoLieu",
            f"F{count_row}",
            "không được âm",
        ),
        "share above 100 %": lambda: (
            edit(base, set_cell("SoLieu", f"F{share_row}", 120)),
            "SoLieu",
            f"F{share_row}",
            "lớn hơn 100",
        ),
        "XML entity bomb": lambda: (rewrite(base, so_lieu, prolog(bomb)), "", "", "DTD"),
        "external entity": lambda: (rewrite(base, SHEET_XML["ChiTieu"], prolog(external)), "", "", "DTD"),
        "damaged zip stream": lambda: (corrupt_stream(), "", "", "bị hỏng"),
        "zip bomb": lambda: (
            add_part(base, "xl/media/padding.xml", b"\0" * (40 * 1024 * 1024)),
            "",
            "",
            "bom nén",
        ),
    }


BAD = [
    "empty file",
    "pdf named .xlsx",
    "csv named .xlsx",
    "random bytes",
    "legacy xls",
    "encrypted",
    "zip that is no workbook",
    "missing sheet",
    "missing column",
    "renamed header",
    "merged cells over data",
    "formula without cached value",
    "formula error #DIV/0!",
    "formula error #REF!",
    "text n/a in a value cell",
    "a dash in a value cell",
    "đang cập nhật",
    "empty value cell",
    "ambiguous 2.503",
    "duplicate row",
    "unknown indicator code",
    "unknown area code",
    "year outside the range",
    "year far in the future",
    "not a year",
    "a fractional year",
    "unknown kind",
    "negative count",
    "share above 100 %",
    "XML entity bomb",
    "external entity",
    "damaged zip stream",
    "zip bomb",
]


def test_every_bad_file_is_in_the_corpus(shipped_data: Dataset, base: bytes) -> None:
    assert sorted(_bad_files(shipped_data, base)) == sorted(BAD)


@pytest.mark.parametrize("name", BAD)
def test_bad_workbook_is_refused_at_its_cell(name: str, shipped_data: Dataset, base: bytes) -> None:
    data, sheet, cell, words = _bad_files(shipped_data, base)[name]()
    upload = validate.check(data, "upload.xlsx", shipped_data)
    assert not upload.ok
    assert upload.frames == {}
    found = [p for p in upload.errors if words in p.message_vi]
    assert found, [p.message_vi for p in upload.errors]
    assert (found[0].sheet, found[0].cell) == (sheet, cell)
    assert found[0].message_en  # every problem has its English message too


# Each import reads the file in a child process: a second a file, so the quick tier checks the cells only.
@pytest.mark.slow
@pytest.mark.parametrize("name", BAD)
def test_bad_workbook_through_the_import_command_leaves_the_store_unchanged(
    name: str,
    store: Store,
    store_url: str,
    seed_data: Dataset,
    base: bytes,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data, _, _, words = _bad_files(seed_data, base)[name]()
    # Exit 1, the report, and not one byte changed.
    before = dump(store_url)
    path = tmp_path / "upload.xlsx"
    path.write_bytes(data)
    assert main(["import", str(path), "--account", "test"]) == 1
    out = capsys.readouterr()
    assert words in out.out
    assert "Traceback" not in out.out + out.err
    assert dump(store_url) == before
    assert store.current_version() == 1


def test_every_problem_is_listed_at_once(shipped_data: Dataset, base: bytes) -> None:
    def several(book: openpyxl.Workbook) -> None:
        sheet = book["SoLieu"]
        sheet["F2"] = "n/a"
        sheet["C3"] = 1800
        sheet["A4"] = "KHONG_CO"
        book["MucTieu"]["G2"] = "2.503"

    upload = validate.check(edit(base, several), "x.xlsx", shipped_data)
    cells = {(p.sheet, p.cell) for p in upload.errors}
    assert cells == {("SoLieu", "F2"), ("SoLieu", "C3"), ("SoLieu", "A4"), ("MucTieu", "G2")}
    assert [p.row for p in upload.errors if p.sheet == "SoLieu"] == [2, 3, 4]
    report = validate.report_frame(upload.problems, "en")
    assert list(report.columns) == list(validate.REPORT_COLUMNS)
    assert set(report["severity"]) == {"error"}


def test_duplicate_names_both_rows(shipped_data: Dataset, base: bytes) -> None:
    def twice(book: openpyxl.Workbook) -> None:
        sheet = book["SoLieu"]
        sheet.append([c.value for c in sheet[5]])

    upload = validate.check(edit(base, twice), "x.xlsx", shipped_data)
    (problem,) = upload.errors
    assert problem.cell == f"A{len(shipped_data.observations) + 2}"
    assert "dòng 5" in problem.message_vi and "row 5" in problem.message_en


def test_a_file_over_the_size_limit_is_refused(
    shipped_data: Dataset, base: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(xlsx_guard.ENV_MAX_UPLOAD_MB, "0,01")
    upload = validate.check(base, "x.xlsx", shipped_data)
    (problem,) = upload.errors
    assert "vượt giới hạn 0,0 MB" in problem.message_vi or "vượt giới hạn" in problem.message_vi
    monkeypatch.setenv(xlsx_guard.ENV_MAX_UPLOAD_MB, "20")
    assert validate.check(base, "x.xlsx", shipped_data).ok


def test_a_zip_that_lies_about_its_sizes_is_stopped_while_unpacking(
    shipped_data: Dataset, base: bytes
) -> None:
    # Within the declared limits, but a small budget: the bytes are counted as they unpack.
    limits = xlsx_guard.Limits(max_bytes=len(base) + 1, max_unzipped=50_000)
    upload = validate.check(base, "x.xlsx", shipped_data, limits)
    assert "bom nén" in upload.errors[0].message_vi


def test_hidden_sheets_and_rows_are_warnings_that_do_not_block(shipped_data: Dataset, base: bytes) -> None:
    def hide(book: openpyxl.Workbook) -> None:
        book.create_sheet("Nháp").sheet_state = "hidden"
        book["SoLieu"].row_dimensions[3].hidden = True
        book["SoLieu"].row_dimensions[7].hidden = True

    upload = validate.check(edit(base, hide), "x.xlsx", shipped_data)
    assert upload.ok
    messages = [p.message_vi for p in upload.warnings]
    assert any("Nháp" in m and "ẩn" in m for m in messages)
    assert any("2 dòng bị ẩn (3, 7)" in m for m in messages)


@pytest.mark.slow
def test_xlsm_is_read_for_values_and_its_macros_are_not_kept(
    store: Store, seed_data: Dataset, base: bytes, tmp_path: Path
) -> None:
    changed = edit(base, set_cell("SoLieu", f"F{row_of(seed_data, 'GTSX')}", 2600))
    macro = add_part(changed, "xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really VBA")
    upload = validate.check(macro, "x.xlsm", seed_data)
    assert upload.ok
    assert any("macro" in p.message_vi for p in upload.warnings)
    path = tmp_path / "x.xlsm"
    path.write_bytes(macro)
    assert main(["import", str(path), "--account", "test"]) == 0
    assert store.load().observations.query("code == 'GTSX' and kind == 'estimate'")["value"].tolist() == [
        2600.0
    ]


def test_a_million_row_dimension_with_few_rows_is_read_quickly(shipped_data: Dataset, base: bytes) -> None:
    def bogus(xml: str) -> str:
        start = xml.index("<dimension ref=")
        end = xml.index("/>", start) + 2
        return xml[:start] + '<dimension ref="A1:Z1000000"/>' + xml[end:]

    data = rewrite(base, SHEET_XML["SoLieu"], bogus)
    assert b'ref="A1:Z1000000"' in zipfile.ZipFile(io.BytesIO(data)).read(SHEET_XML["SoLieu"])
    started = time.perf_counter()
    upload = validate.check(data, "x.xlsx", shipped_data)
    assert time.perf_counter() - started < 5
    assert upload.ok
    assert len(upload.frames["observations"]) == len(shipped_data.observations)


def test_merged_title_above_a_wide_header_is_allowed(shipped_data: Dataset) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["BIỂU SỐ LIỆU KINH TẾ"])
    sheet.merge_cells("A1:E1")
    sheet.append(["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "2019", "2020"])
    sheet.append(["GTSX", "Tổng giá trị sản xuất", "tỷ đồng", 2300, 2503.3])
    out = io.BytesIO()
    book.save(out)
    upload = validate.check(out.getvalue(), "wide.xlsx", shipped_data)
    assert upload.ok, validate.report_text(upload)
    assert upload.layout == "wide"


def test_hidden_characters_in_codes_and_names_are_refused_with_the_cell_named(
    shipped_data: Dataset, base: bytes
) -> None:
    row = row_of(shipped_data, "GTSX")
    name_row = int(shipped_data.indicators.index[shipped_data.indicators["code"] == "GTSX"][0]) + 2

    def hide(book: openpyxl.Workbook) -> None:
        book["SoLieu"][f"A{row}"] = "GTSX\u200b"  # looks exactly like GTSX
        book["ChiTieu"][f"B{name_row}"] = "Tổng giá trị \u202esản xuất"  # a right-to-left override
        book["SoLieu"][f"I{row}"] = "dòng một\ndòng hai"  # a line break in a quote is fine

    upload = validate.check(edit(base, hide), "x.xlsx", shipped_data)
    found = {(p.sheet, p.cell): p for p in upload.errors}
    assert set(found) == {("SoLieu", f"A{row}"), ("ChiTieu", f"B{name_row}")}
    zero_width = found[("SoLieu", f"A{row}")]
    assert "U+200B ZERO WIDTH SPACE" in zero_width.message_vi
    assert "U+200B ZERO WIDTH SPACE" in zero_width.message_en
    assert zero_width.value == "GTSX[U+200B]"  # the report shows where the character is
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in found[("ChiTieu", f"B{name_row}")].message_en


def test_a_tab_inside_a_code_is_refused(shipped_data: Dataset, base: bytes) -> None:
    row = row_of(shipped_data, "GTSX")
    upload = validate.check(edit(base, set_cell("SoLieu", f"B{row}", "T\tD")), "x.xlsx", shipped_data)
    assert [(p.sheet, p.cell) for p in upload.errors] == [("SoLieu", f"B{row}")]
    assert "U+0009" in upload.errors[0].message_vi


@pytest.mark.parametrize(("typed", "value"), [("Đạt", 1.0), ("Chưa đạt", 0.0), ("Có", 1.0), ("Not met", 0.0)])
def test_a_yes_no_figure_is_read_from_its_words(
    shipped_data: Dataset, base: bytes, typed: str, value: float
) -> None:
    """The district's new-rural status typed as the product writes it ("Đạt" / "Chưa đạt") is 1 / 0."""

    def add(book: openpyxl.Workbook) -> None:
        book["SoLieu"].append(["NTM_DISTRICT", "106", 2023, "actual", None, typed])

    upload = validate.check(edit(base, add), "x.xlsx", shipped_data)
    assert upload.ok, [p.message_vi for p in upload.errors]
    obs = upload.frames["observations"]
    row = obs[(obs["code"] == "NTM_DISTRICT") & (obs["year"] == 2023)]
    assert row["value"].tolist() == [value]
    # The reading is shown to the person uploading, as every text read as a number is.
    assert typed in set(upload.conversions.iloc[:, 3].astype(str))
