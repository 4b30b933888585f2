"""Round trips: template → upload → no change; one edit → a version → attainment follows → rollback."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable

import openpyxl
import pandas as pd
import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from indicators.core import attainment
from indicators.core.model import TABLES, Dataset, ObsKind
from indicators.excel import diff, guide, sheets, validate
from indicators.excel import workbook as excel
from indicators.excel import writer as xlsx_writer
from indicators.store import seed
from indicators.store.database import Store
from indicators.store.seed import SEED_WORKBOOK

SOLIEU_VALUE = "F"  # the value column of SoLieu


def edit(base: bytes, change: Callable[[Workbook], object]) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(base))
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def shipped_book(shipped_xlsx: bytes) -> Workbook:
    """The session's workbook opened once a module, for the tests that only read its cells and rules.

    Opening it costs as much as writing it; a test that changes a cell saves its own copy (`edit`).
    """
    return openpyxl.load_workbook(io.BytesIO(shipped_xlsx))


def gtsx_row(data: Dataset) -> int:
    obs = data.observations
    return int(obs.index[(obs["code"] == "GTSX") & (obs["kind"] == "estimate")][0]) + 2


def commit(
    store: Store, upload: validate.Upload, note: str = "", mode: diff.Mode = "add"
) -> tuple[diff.Preview, int | None]:
    current = store.load()
    merged = diff.merge(current, upload, mode)
    preview = diff.compare(current, merged)
    result = store.commit(merged, "analyst", upload.file_name, upload.sha256, note)
    return preview, result.version


def test_the_shipped_workbook_reads_back_as_the_source() -> None:
    # The binary in data/ can never drift from the reviewable TOML.
    shipped = excel.read_workbook(SEED_WORKBOOK)
    source = seed.load_source()
    for table in TABLES:
        pd.testing.assert_frame_equal(
            shipped.frame(table), source.frame(table), check_exact=False, rtol=1e-15, obj=table.name
        )


def test_the_shipped_workbook_is_valid_and_uses_the_upload_layout() -> None:
    data = SEED_WORKBOOK.read_bytes()
    upload = validate.check(data, SEED_WORKBOOK.name, Dataset.empty())
    assert upload.ok, validate.report_text(upload)
    assert upload.layout == "long"
    book = openpyxl.load_workbook(SEED_WORKBOOK)
    assert book.sheetnames == [
        excel.INSTRUCTIONS_SHEET,
        "ChiTieu",
        "SoLieu",
        "MucTieu",
        "TyLeBaoCao",
        "DiaBan",
        "NguonGoc",
        "TongHop",
    ]


def test_template_explains_every_column_and_offers_drop_downs(
    shipped_data: Dataset, shipped_book: Workbook
) -> None:
    guide = shipped_book[excel.INSTRUCTIONS_SHEET]
    described = {(r[0], r[2]) for r in guide.iter_rows(values_only=True) if r[0] and r[2]}
    assert {(t.sheet, c) for t in TABLES for c in t.columns} <= described
    lists = {
        str(dv.sqref).split(":")[0]: (dv.type, dv.formula1)
        for dv in shipped_book["SoLieu"].data_validations.dataValidation
    }
    # Drop-downs in Vietnamese: the words people use, not the codes.
    kinds = (
        "Thực hiện,Ước thực hiện,Thay đổi so với năm gốc,Bình quân mỗi năm từ năm gốc,"
        "Ước thay đổi so với năm gốc,Ước bình quân mỗi năm từ năm gốc,Tổng số"
    )
    assert lists["D2"] == ("list", f'"{kinds}"')  # kind
    assert lists["A2"] == ("list", f"=ChiTieu!$A$2:$A${len(shipped_data.indicators) + 1001}")  # codes
    assert lists["B2"][1].startswith("=DiaBan!$A$2")  # areas
    assert lists["C2"][0] == "whole"  # years
    targets = {
        str(dv.sqref)[:1]: dv.formula1 for dv in shipped_book["MucTieu"].data_validations.dataValidation
    }
    assert targets["E"] == '"Nghị quyết,Mục tiêu cụ thể,Kế hoạch,Đề án,Chỉ tiêu giao"'
    assert targets["F"] == '"Không thấp hơn,Không vượt quá,Giảm mỗi năm,Phần còn lại,Đạt/Chưa đạt"'
    chi_tieu = {
        str(dv.sqref)[:1]: dv.formula1 for dv in shipped_book["ChiTieu"].data_validations.dataValidation
    }
    assert chi_tieu["G"] == '"Càng cao càng tốt,Càng thấp càng tốt,Không có chiều tốt"'
    # The cells hold the same words, and the guide lists them with the codes still accepted.
    assert shipped_book["SoLieu"][f"D{gtsx_row(shipped_data)}"].value == "Ước thực hiện"
    assert (
        shipped_book["ChiTieu"][f"G{row_of(shipped_book['ChiTieu'], 'POV_RATE')}"].value
        == "Càng thấp càng tốt"
    )
    allowed = {(r[0], r[2]): r[4] for r in guide.iter_rows(values_only=True) if r[0] and r[2]}
    assert allowed[("MucTieu", "comparator")] == (
        "Không thấp hơn, Không vượt quá, Giảm mỗi năm, Phần còn lại, Đạt/Chưa đạt "
        "(cũng nhận mã: at_least, at_most, reduce_by, remainder, yes)"
    )
    assert shipped_book["SoLieu"]["F2"].number_format == excel.NUMBER_FORMAT
    assert shipped_book["TyLeBaoCao"]["E2"].number_format == excel.NUMBER_FORMAT


def row_of(sheet: Worksheet, code: str) -> int:
    return next(c.row for c in sheet["A"] if c.value == code)


def test_every_code_of_every_closed_vocabulary_has_one_vietnamese_word() -> None:
    for (table, column), codes in excel.VOCABULARIES.items():
        words = excel.words_of(table, column)
        named = [c for c in codes if c]
        assert len(words) == len(named) and all(w not in named for w in words), (table, column)
        assert len({excel.fold(w) for w in words}) == len(words), (table, column)  # none folds to another
        lookup = excel.vocabulary_map(table, column)
        assert lookup is not None
        # Each word reads back as its own code, whatever the aliases; no comma breaks the drop-down.
        assert [lookup[excel.fold(w)] for w in words] == named, (table, column)
        assert not any("," in w for w in words) and len(",".join(words)) + 2 <= 255, (table, column)


def _as_codes(book: Workbook) -> None:
    """Every closed-vocabulary cell of a written workbook put back to its code (an older file)."""
    for table in TABLES:
        sheet = book[table.sheet]
        heads = [c.value for c in sheet[1]]
        for column in table.columns:
            if (table.name, column) not in excel.VOCABULARIES:
                continue
            back = {w: c for c, w in excel.LABELS[column].items()}
            at = heads.index(excel.HEADERS[table.name][column]) + 1
            for (cell,) in sheet.iter_rows(min_row=2, min_col=at, max_col=at):
                cell.value = back.get(cell.value, cell.value)


@pytest.mark.slow
def test_words_and_codes_both_import_to_the_same_rows(
    store: Store, seed_data: Dataset, shipped_xlsx: bytes, shipped_book: Workbook
) -> None:
    written = shipped_xlsx
    cells = {c.value for c in shipped_book["MucTieu"]["F"][1:]} | {
        c.value for c in shipped_book["SoLieu"]["D"][1:]
    }
    assert "at_least" not in cells and "estimate" not in cells and "Không thấp hơn" in cells
    codes = edit(written, _as_codes)
    cells = {c.value for c in openpyxl.load_workbook(io.BytesIO(codes))["SoLieu"]["D"][1:]}
    assert cells <= set(ObsKind) and {"actual", "estimate"} <= cells
    by_words = validate.check(written, "chu.xlsx", seed_data)
    by_codes = validate.check(codes, "ma.xlsx", seed_data)
    assert by_words.ok and by_codes.ok and by_words.problems == by_codes.problems == []
    for table in TABLES:
        pd.testing.assert_frame_equal(
            by_words.frames[table.name], by_codes.frames[table.name], obj=table.name
        )
        pd.testing.assert_frame_equal(
            by_words.frames[table.name].reset_index(drop=True),
            seed_data.frame(table).reset_index(drop=True),
            check_exact=False,
            rtol=1e-12,
            obj=table.name,
        )
    # read_workbook (the shipped file, `make seed`) reads both back to the same codes.
    for data in (written, codes):
        back = excel.read_workbook(data)
        for table in TABLES:
            assert back.frame(table).equals(excel.read_workbook(written).frame(table)), table.name
    # Neither changes anything when uploaded: the words are the same figures.
    preview, version = commit(store, by_codes)
    assert preview.empty and version is None


def test_an_unknown_word_is_refused_with_the_words_to_choose_from(
    shipped_data: Dataset, shipped_xlsx: bytes
) -> None:
    row = gtsx_row(shipped_data)
    data = edit(shipped_xlsx, lambda b: b["SoLieu"].__setitem__(f"D{row}", "Dự kiến"))
    (problem,) = validate.check(data, "sai.xlsx", shipped_data).errors
    assert problem.cell == f"D{row}" and "Thực hiện, Ước thực hiện" in problem.message_vi


def test_template_uploaded_unchanged_changes_nothing(
    store: Store, seed_data: Dataset, shipped_xlsx: bytes
) -> None:
    data = shipped_xlsx
    upload = validate.check(data, "mau.xlsx", seed_data)
    assert upload.ok and upload.problems == []
    preview, version = commit(store, upload)
    assert preview.empty
    assert version is None
    assert store.current_version() == 1


@pytest.mark.slow
def test_one_edit_makes_a_version_attainment_follows_and_rollback_restores(
    store: Store, seed_data: Dataset, shipped_xlsx: bytes
) -> None:
    def before_pct() -> float:
        rows = attainment.compute(store.load())
        pick = rows[(rows["code"] == "GTSX") & (rows["target_kind"] == "NQ") & (rows["year"] == 2020)]
        return float(pick["attainment_pct"].iloc[0])

    assert before_pct() == pytest.approx(118.08, abs=0.005)
    row = gtsx_row(seed_data)
    data = edit(shipped_xlsx, lambda b: b["SoLieu"].__setitem__(f"F{row}", "2.650,5"))
    upload = validate.check(data, "sua.xlsx", seed_data)
    assert upload.ok
    assert upload.conversions.to_dict("records") == [
        {"sheet": "SoLieu", "cell": f"F{row}", "column": "Giá trị", "text": "2.650,5", "value": 2650.5}
    ]
    preview, version = commit(store, upload, "GTSX 2020")
    assert version == 2
    assert preview.totals() == {"new": 0, "changed": 1, "removed": 0}
    change = preview.tables["observations"].changed.iloc[0]
    assert (change["code"], change["column"], change["old"], change["new"]) == (
        "GTSX",
        "value",
        2503.3,
        2650.5,
    )
    # The derived target stays what the report implied: 2503.3 / 118.08 %.
    assert before_pct() == pytest.approx(2650.5 / (2503.3 / 1.1808) * 100, rel=1e-9)

    rolled = store.rollback(1, account="analyst")
    assert rolled.version == 3
    assert before_pct() == pytest.approx(118.08, abs=0.005)
    assert diff.compare(store.load(1), store.load(3)).empty
    assert list(store.versions()["action"]) == ["seed", "import", "rollback"]


@pytest.mark.slow
def test_an_office_uploads_only_its_own_rows(store: Store, seed_data: Dataset) -> None:
    gtsx = {t.name: seed_data.frame(t)[seed_data.frame(t)["code"] == "GTSX"] for t in TABLES[1:4]}
    obs = gtsx["observations"]
    only = Dataset.from_frames(
        {
            "indicators": seed_data.indicators[seed_data.indicators["code"] == "GTSX"],
            "observations": obs[obs["kind"] == "estimate"],  # the "change" row of GTSX left out
            "targets": gtsx["targets"],
            "reported": gtsx["reported"],
            "areas": seed_data.areas.iloc[0:0],
        }
    )
    upload = validate.check(xlsx_writer.workbook_bytes(only), "kinh_te.xlsx", seed_data)
    assert upload.ok
    # Added and corrected only (the default): the left-out row stays.
    kept = diff.compare(seed_data, diff.merge(seed_data, upload))
    assert kept.empty
    preview, _ = commit(store, upload, mode="replace")
    # Replacing whole pairs, asked for: only the left-out row of the covered pair (GTSX, TD) goes;
    # other indicators and the catalogue stay.
    assert preview.totals() == {"new": 0, "changed": 0, "removed": 1}
    removed = preview.tables["observations"].removed
    assert removed[["code", "kind"]].values.tolist() == [["GTSX", "change_estimate"]]
    after = store.load()
    assert len(after.observations) == len(seed_data.observations) - 1
    assert len(after.indicators) == len(seed_data.indicators)


def test_headers_match_whatever_the_case_diacritics_spacing_and_unicode_form(
    shipped_data: Dataset, shipped_xlsx: bytes
) -> None:
    def mangle(book: openpyxl.Workbook) -> None:
        for name in ("ChiTieu", "SoLieu", "MucTieu", "TyLeBaoCao", "DiaBan"):
            for cell in book[name][1]:
                text = str(cell.value)
                forms = [
                    unicodedata.normalize("NFD", text).upper(),
                    "  " + text.lower() + " ",
                    "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)),
                ]
                cell.value = forms[cell.column % 3]

    upload = validate.check(edit(shipped_xlsx, mangle), "x.xlsx", shipped_data)
    assert upload.ok, validate.report_text(upload)
    assert diff.compare(shipped_data, diff.merge(shipped_data, upload)).empty


def test_vietnamese_aliases_are_read_as_the_model_codes(shipped_data: Dataset, shipped_xlsx: bytes) -> None:
    row = gtsx_row(shipped_data)

    def aliases(book: openpyxl.Workbook) -> None:
        book["SoLieu"][f"D{row}"] = "Ước thực hiện"
        book["MucTieu"]["E2"] = (
            "nghị quyết" if book["MucTieu"]["E2"].value == "NQ" else book["MucTieu"]["E2"].value
        )

    upload = validate.check(edit(shipped_xlsx, aliases), "x.xlsx", shipped_data)
    assert upload.ok
    assert diff.compare(shipped_data, diff.merge(shipped_data, upload)).empty


TRICKY = ['=HYPERLINK("http://x","y")', "+1+2", "-3-4", "@SUM(A1)", "\tindent", "=1+1"]


@pytest.mark.slow
def test_text_excel_would_run_as_a_formula_is_stored_as_text(shipped_data: Dataset) -> None:
    obs = shipped_data.observations.copy()
    obs.loc[obs.index[: len(TRICKY)], "quote"] = TRICKY
    data = Dataset.from_frames({**{t.name: shipped_data.frame(t) for t in TABLES}, "observations": obs})
    written = xlsx_writer.workbook_bytes(data)
    sheet = openpyxl.load_workbook(io.BytesIO(written))["SoLieu"]
    for row, text in enumerate(TRICKY, start=2):
        cell = sheet[f"I{row}"]
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    back = excel.read_workbook(written)
    assert back.observations["quote"].head(len(TRICKY)).tolist() == TRICKY
    report = openpyxl.load_workbook(io.BytesIO(xlsx_writer.frames_bytes({"r": pd.DataFrame({"v": TRICKY})})))[
        "r"
    ]
    assert [c.data_type for (c,) in report.iter_rows(min_row=2)] == ["s"] * len(TRICKY)


def wide_book(rows: list[list[object]], header: list[object], catalogue: Dataset | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Kinh tế"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    if catalogue is not None:
        extra = openpyxl.load_workbook(io.BytesIO(xlsx_writer.workbook_bytes(catalogue)))["ChiTieu"]
        target = book.create_sheet("ChiTieu")
        for values in extra.iter_rows(values_only=True):
            target.append(list(values))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


WIDE_HEADER = [
    "STT",
    "Mã chỉ tiêu",
    "Chỉ tiêu",
    "Đơn vị tính",
    2019,
    "2020",
    "ƯTH 2021",
    "NQ 2020",
    "MT 2025",
]


def test_a_wide_table_updates_and_adds_figures_and_removes_nothing(store: Store, seed_data: Dataset) -> None:
    rows = [[1, "GTSX", "Tổng giá trị sản xuất", "tỷ đồng", "2.301,5", 2503.3, 2700, 2200, 4000]]
    upload = validate.check(wide_book(rows, WIDE_HEADER), "kinh_te.xlsx", seed_data)
    assert upload.ok, validate.report_text(upload)
    assert upload.layout == "wide"
    assert upload.problems == []  # STT is known and skipped; every other header is read
    preview, version = commit(store, upload)
    assert version == 2
    counts = preview.counts().set_index("table")
    # 2019, 2021, and the official 2020 figure beside the report's estimate (which it supersedes).
    assert counts.loc["observations", ["new", "changed", "removed"]].tolist() == [3, 0, 0]
    assert counts.loc["targets", ["new", "changed", "removed"]].tolist() == [1, 1, 0]  # MT 2025, NQ 2020
    after = store.load()
    obs = after.observations.set_index(["code", "year", "kind"])
    assert obs.loc[("GTSX", 2019, "actual"), "value"] == 2301.5
    assert obs.loc[("GTSX", 2021, "estimate"), "value"] == 2700
    # The unchanged 2020 figure keeps its quote; the "change" row the table cannot express stays.
    assert obs.loc[("GTSX", 2020, "estimate"), "quote"] == "Tổng giá trị sản xuất đạt 2.503,3 tỷ đồng"
    assert ("GTSX", 2020, "change_estimate") in obs.index
    assert obs.loc[("GTSX", 2020, "actual"), "value"] == 2503.3
    targets = after.targets.set_index(["code", "year", "target_kind"])
    goal = targets.loc[("GTSX", 2025, "MT")]
    assert (goal["value"], goal["term"], goal["comparator"], goal["derived"]) == (
        4000,
        "2020-2025",
        "at_least",
        False,
    )
    # A changed target keeps its term and comparator; its quote spoke of the old figure, and it is stated now.
    old = seed_data.targets.set_index(["code", "year", "target_kind"]).loc[("GTSX", 2020, "NQ")]
    changed = targets.loc[("GTSX", 2020, "NQ")]
    assert bool(old["derived"]) and old["quote"] != ""
    assert (changed["value"], changed["term"], changed["comparator"]) == (
        2200,
        old["term"],
        old["comparator"],
    )
    assert (changed["derived"], changed["quote"], changed["section"]) == (False, "", "")


def test_a_wide_table_with_unknown_codes_needs_the_catalogue_sheet(shipped_data: Dataset) -> None:
    rows = [[1, "NEW_ONE", "Chỉ tiêu mới", "ha", 10, 12, None, None, None]]
    refused = validate.check(wide_book(rows, WIDE_HEADER), "w.xlsx", shipped_data)
    assert [(p.sheet, p.cell) for p in refused.errors] == [("Kinh tế", "B2")]  # one error for its two cells
    assert "Mã chỉ tiêu không có" in refused.errors[0].message_vi
    new = shipped_data.indicators.iloc[[0]].assign(code="NEW_ONE", name_vi="Chỉ tiêu mới", unit="ha")
    catalogue = Dataset.from_frames({"indicators": new})
    accepted = validate.check(wide_book(rows, WIDE_HEADER, catalogue), "w.xlsx", shipped_data)
    assert accepted.ok, validate.report_text(accepted)
    merged = diff.merge(shipped_data, accepted)
    assert "NEW_ONE" in set(merged.indicators["code"])
    assert merged.observations.query("code == 'NEW_ONE'")["value"].tolist() == [10, 12]


def test_the_guide_names_the_area_codes_in_use_not_an_abbreviation(
    shipped_data: Dataset, shipped_xlsx: bytes, shipped_book: Workbook
) -> None:
    """The default area of a wide sheet is 106 (as the reader applies it), and the codes come from the
    store: the province, the former district and the six units formed from its communes."""
    text = "\n".join(
        str(r[0]) for r in shipped_book[excel.INSTRUCTIONS_SHEET].iter_rows(values_only=True) if r[0]
    )
    assert "là TD" not in text and " TD." not in text
    assert "nếu không là 106 (Huyện Tam Đường)." in text
    assert "12 (Tỉnh Lai Châu), 106 (Huyện Tam Đường); từ 01/07/2025" in text
    for code, name in [
        ("03390", "Xã Bình Lư"),
        ("03394", "Xã Sin Suối Hồ"),
        ("03405", "Xã Tả Lèng"),
        ("03408", "Phường Tân Phong"),
        ("03424", "Xã Bản Bo"),
        ("03430", "Xã Khun Há"),
    ]:
        assert f"{code} ({name})" in text
    # The codes follow the store: a unit the store does not hold is not named.
    fewer = shipped_data.area_links[shipped_data.area_links["code"] != "03430"]
    frames = {name: getattr(shipped_data, name) for name in shipped_data.counts()}
    other = Dataset.from_frames({**frames, "area_links": fewer})
    lines = "\n".join(guide.instructions(other, sheets.DEFAULT_AREA))
    assert "03430" not in lines and "03424 (Xã Bản Bo)" in lines


def _target_cell(book: Workbook, code: str, header: str) -> str:
    """The cell of one 2025 target's column in MucTieu, by the header the template writes."""
    sheet = book["MucTieu"]
    heads = [c.value for c in sheet[1]]
    row = next(c.row for c in sheet["A"] if c.value == code and sheet[f"C{c.row}"].value == 2025)
    return f"{openpyxl.utils.get_column_letter(heads.index(header) + 1)}{row}"


def _qualifier_of(data: Dataset, code: str) -> str:
    targets = data.targets
    (found,) = targets.loc[(targets["code"] == code) & (targets["year"] == 2025), "qualifier"]
    return str(found)


@pytest.mark.slow
def test_a_target_qualifier_round_trips_through_the_workbook(
    store: Store, seed_data: Dataset, shipped_xlsx: bytes, shipped_book: Workbook
) -> None:
    header = excel.HEADERS["targets"]["qualifier"]
    written = shipped_xlsx
    # The template writes the source's word, in a column with a drop-down of the words.
    assert shipped_book["MucTieu"][_target_cell(shipped_book, "INCOME_PC", header)].value == "Trên"
    assert shipped_book["MucTieu"][_target_cell(shipped_book, "STUNTING", header)].value == "Dưới"
    assert shipped_book["MucTieu"][_target_cell(shipped_book, "BUDGET_REV", header)].value is None
    column = _target_cell(shipped_book, "INCOME_PC", header)[0]
    lists = {str(dv.sqref)[:1]: dv.formula1 for dv in shipped_book["MucTieu"].data_validations.dataValidation}
    assert lists[column] == '"Khoảng,Trên,Dưới"'
    # An office writes "khoảng" before the tourism revenue goal: one field changes, and it is stored.
    at = _target_cell(shipped_book, "TOURISM_REV", header)
    upload = validate.check(
        edit(written, lambda b: b["MucTieu"].__setitem__(at, "khoảng")), "q.xlsx", seed_data
    )
    assert upload.ok, validate.report_text(upload)
    preview, version = commit(store, upload)
    assert version == 2 and preview.totals() == {"new": 0, "changed": 1, "removed": 0}
    change = preview.tables["targets"].changed.iloc[0]
    assert (change["code"], change["column"], change["old"], change["new"]) == (
        "TOURISM_REV",
        "qualifier",
        "",
        "khoang",
    )
    stored = store.load()
    assert _qualifier_of(stored, "TOURISM_REV") == "khoang" and _qualifier_of(stored, "INCOME_PC") == "tren"
    rows = attainment.compute(stored, area="106")
    goal = (rows["code"] == "TOURISM_REV") & (rows["year"] == 2025)
    assert rows.loc[goal, "target_qualifier"].tolist() == ["khoang"]
    # Written again from the store, the word comes back, and the file uploads as no change.
    again = xlsx_writer.workbook_bytes(stored)
    assert openpyxl.load_workbook(io.BytesIO(again))["MucTieu"][at].value == "Khoảng"
    assert commit(store, validate.check(again, "lai.xlsx", stored))[1] is None


def test_an_unknown_target_qualifier_is_refused_in_words(
    shipped_data: Dataset, shipped_xlsx: bytes, shipped_book: Workbook
) -> None:
    written = shipped_xlsx
    at = _target_cell(shipped_book, "INCOME_PC", "Ghi chú số")
    upload = validate.check(
        edit(written, lambda b: b["MucTieu"].__setitem__(at, "hơn")), "q.xlsx", shipped_data
    )
    (problem,) = upload.errors
    assert problem.cell == at and "Khoảng, Trên, Dưới" in problem.message_vi
    assert "Khoảng, Trên, Dưới" in problem.message_en


@pytest.mark.slow
def test_an_older_workbook_without_the_target_qualifier_still_imports(
    store: Store, seed_data: Dataset, shipped_xlsx: bytes
) -> None:
    """A file written before targets had a qualifier: it imports, and its targets keep the store's words."""

    def older(book: Workbook) -> None:
        sheet = book["MucTieu"]
        heads = [c.value for c in sheet[1]]
        sheet.delete_cols(heads.index(excel.HEADERS["targets"]["qualifier"]) + 1)
        # And a target the store does not hold yet: it has no qualifier.
        sheet.append(["GTSX", "106", 2025, "2020-2025", "Mục tiêu cụ thể", "Không thấp hơn", 4000])

    data = edit(shipped_xlsx, older)
    assert excel.HEADERS["targets"]["qualifier"] not in [
        c.value for c in openpyxl.load_workbook(io.BytesIO(data))["MucTieu"][1]
    ]
    upload = validate.check(data, "cu.xlsx", seed_data)
    assert upload.ok and upload.errors == [], validate.report_text(upload)
    preview, version = commit(store, upload)
    assert version == 2 and preview.totals() == {"new": 1, "changed": 0, "removed": 0}
    stored = store.load()
    assert [_qualifier_of(stored, c) for c in ("INCOME_PC", "TOURISTS", "STUNTING", "GTSX")] == [
        "tren",
        "tren",
        "duoi",
        "",
    ]


def test_a_target_qualifier_against_its_comparison_is_refused(
    shipped_data: Dataset, shipped_xlsx: bytes, shipped_book: Workbook
) -> None:
    """ "Trên 45" with "Không vượt quá" would read both ways: the file says which it means, or is refused."""
    written = shipped_xlsx
    at = _target_cell(shipped_book, "INCOME_PC", excel.HEADERS["targets"]["qualifier"])
    compared = _target_cell(shipped_book, "INCOME_PC", excel.HEADERS["targets"]["comparator"])
    upload = validate.check(
        edit(written, lambda b: b["MucTieu"].__setitem__(compared, "Không vượt quá")), "q.xlsx", shipped_data
    )
    (problem,) = upload.errors
    assert problem.cell == at
    assert problem.message_vi.startswith("Chữ trước số mục tiêu ngược với cột So sánh")
    assert "“over” goes with “at least”" in problem.message_en
    # The same word with its floor is fine, and so is a ceiling without a word.
    stunting = _target_cell(shipped_book, "STUNTING", excel.HEADERS["targets"]["qualifier"])
    fine = edit(written, lambda b: b["MucTieu"].__setitem__(stunting, None))
    assert validate.check(fine, "q.xlsx", shipped_data).errors == []


def test_a_yes_no_word_is_a_figure_only_for_a_yes_no_indicator(
    shipped_data: Dataset, shipped_xlsx: bytes
) -> None:
    base = shipped_xlsx
    targets = shipped_data.targets
    district = int(targets.index[targets["code"] == "NTM_DISTRICT"][0]) + 2

    def words(gtsx: str, district_word: str) -> Callable[[Workbook], object]:
        def change(book: Workbook) -> None:
            book["SoLieu"][f"{SOLIEU_VALUE}{gtsx_row(shipped_data)}"] = gtsx
            book["MucTieu"][f"G{district}"] = district_word  # the value column of MucTieu

        return change

    refused = validate.check(edit(base, words("Đạt", "Đạt")), "x.xlsx", shipped_data)
    # The level's cell is refused, naming the cell and the word; the yes/no goal's "Đạt" is read as 1.
    (problem,) = refused.errors
    assert (problem.sheet, problem.cell, problem.value) == ("SoLieu", f"F{gtsx_row(shipped_data)}", "Đạt")
    assert "chỉ dùng cho chỉ tiêu đạt/chưa đạt" in problem.message_vi
    assert "accepted only for a yes/no indicator" in problem.message_en
    assert refused.frames == {}
    # The refused word is not listed as text read as a number; the yes/no goal's word is.
    assert refused.conversions["value"].tolist() == [1.0]
    accepted = validate.check(edit(base, words("2.503,3", "Chưa đạt")), "x.xlsx", shipped_data)
    assert accepted.ok, validate.report_text(accepted)
    read = accepted.frames["targets"]
    assert read.loc[read["code"] == "NTM_DISTRICT", "value"].tolist() == [0.0]
