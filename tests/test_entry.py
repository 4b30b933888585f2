"""Figures typed in the browser grid go through the upload's checks, preview and versioning."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

from dashboard import state
from indicators.core.model import DOMAINS, Dataset
from indicators.excel import diff, entry, validate
from indicators.store.database import Store
from indicators.text.fmt import Lang
from indicators.text.i18n import t
from tests.support import sessions as signed
from tests.test_pages_data import workbook as page_workbook
from tests.test_year import upload as wide_upload

PAGE = Path(__file__).resolve().parents[1] / "pages" / "enter.py"


def typed(grid: pd.DataFrame, **figures: tuple[str, str]) -> pd.DataFrame:
    """The grid after typing: code → (text, kind)."""
    return typed_figures(grid, figures)


def typed_figures(grid: pd.DataFrame, figures: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """The grid after typing, figures given as a mapping: code → (text, kind)."""
    out = grid.copy()
    for code, (text, kind) in figures.items():
        out.loc[out["code"] == code, ["value", "kind"]] = [text, kind]
    return out


def save(store: Store, data: Dataset, area: str, year: int, **figures: tuple[str, str]) -> validate.Upload:
    before = entry.grid(data, area, year)
    book = entry.sheet(before, typed(before, **figures), area, year, data)
    upload = entry.check(book, data)
    assert upload.ok, validate.report_text(upload)
    store.commit(diff.merge(data, upload), "lan", book.file_name, upload.sha256, "", "import")
    return upload


def figures(store: Store, code: str, year: int) -> dict[str, float]:
    obs = store.load().observations
    rows = obs[(obs["code"] == code) & (obs["area"] == "106") & (obs["year"] == year)]
    rows = rows[rows["kind"].isin(entry.KINDS)]
    return dict(zip(rows["kind"], rows["value"], strict=True))


def test_the_grid_shows_each_figure_the_vietnamese_way(shipped_data: Dataset) -> None:
    grid = entry.grid(shipped_data, "106", 2020)
    assert list(grid.columns) == list(entry.GRID_COLUMNS)
    assert len(grid) == len(shipped_data.indicators)
    gtsx = grid.set_index("code").loc["GTSX"]
    # The report's 2020 figures are estimates: the grid says so.
    assert (gtsx["value"], gtsx["kind"], gtsx["unit"]) == ("2.503,3", "estimate", "tỷ đồng")
    assert grid.set_index("code").loc["GTSX_AGRI", "value"] == "37,1"
    assert entry.grid(shipped_data, "106", 2023)["value"].eq("").all()  # no figure yet for 2023


def test_an_untouched_grid_makes_no_workbook_row(shipped_data: Dataset) -> None:
    grid = entry.grid(shipped_data, "106", 2020)
    assert entry.sheet(grid, grid.copy(), "106", 2020, shipped_data).empty
    cleared = typed(grid, GTSX=("", "actual"))
    assert entry.sheet(grid, cleared, "106", 2020, shipped_data).empty  # an emptied cell removes nothing


def test_a_typed_figure_is_read_checked_previewed_and_saved_as_a_version(
    store: Store, seed_data: Dataset
) -> None:
    before = entry.grid(seed_data, "106", 2020)
    book = entry.sheet(before, typed(before, GTSX=("2.650,5", "estimate")), "106", 2020, seed_data)
    assert book.rows == {2: "GTSX"}
    upload = entry.check(book, seed_data)
    assert upload.ok and upload.layout == "wide"
    # The grid reads its own convention and writes the number: nothing left for the upload to guess.
    assert upload.frames["observations"]["value"].tolist() == [2650.5]
    assert upload.conversions.empty
    preview = diff.compare(seed_data, diff.merge(seed_data, upload))
    assert preview.totals() == {"new": 0, "changed": 1, "removed": 0}
    store.commit(diff.merge(seed_data, upload), "lan", book.file_name, upload.sha256, "", "import")
    assert store.current_version() == 2
    assert figures(store, "GTSX", 2020) == {"estimate": 2650.5}
    assert store.versions()["file_name"].iloc[-1] == "nhap-truc-tiep-106-2020.xlsx"


@pytest.mark.slow
def test_an_estimate_then_the_official_figure_keeps_both(store: Store) -> None:
    save(store, store.load(), "106", 2021, GTSX=("2.710,4", "estimate"), INCOME_PC=("31,5", "estimate"))
    assert figures(store, "GTSX", 2021) == {"estimate": 2710.4}
    # Next spring the official figure: the grid now shows the estimate, the analyst types over it.
    data = store.load()
    assert entry.grid(data, "106", 2021).set_index("code").loc["GTSX", "value"] == "2.710,4"
    save(store, data, "106", 2021, GTSX=("2.698,2", "actual"))
    assert figures(store, "GTSX", 2021) == {"estimate": 2710.4, "actual": 2698.2}
    assert entry.grid(store.load(), "106", 2021).set_index("code").loc["GTSX", "value"] == "2.698,2"
    assert store.current_version() == 3  # each save one version; history keeps the estimate's


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("khoảng 2500", "ghi “khoảng 2500”, không phải là số. Hãy ghi một số, ví dụ 2.503,3"),
        ("-5", "Số lượng không được âm"),
    ],
)
def test_bad_entries_are_refused_at_their_indicator(shipped_data: Dataset, text: str, words: str) -> None:
    before = entry.grid(shipped_data, "106", 2020)
    code = "FESTIVALS" if text == "-5" else "GTSX"
    book = entry.sheet(before, typed(before, **{code: (text, "actual")}), "106", 2020, shipped_data)
    upload = entry.check(book, shipped_data)
    (problem,) = upload.errors
    assert words in problem.message_vi
    assert book.rows[problem.row] == code


def noted(grid: pd.DataFrame, **notes: str) -> pd.DataFrame:
    """The grid after typing notes: code → note."""
    out = grid.copy()
    for code, note in notes.items():
        out.loc[out["code"] == code, "note"] = note
    return out


def note_of(store: Store, code: str, year: int, kind: str) -> str:
    obs = store.load().observations
    row = obs[(obs["code"] == code) & (obs["area"] == "106") & (obs["year"] == year) & (obs["kind"] == kind)]
    return str(row["note"].iloc[0])


def commit_grid(store: Store, before: pd.DataFrame, after: pd.DataFrame, year: int) -> diff.Preview:
    data = store.load()
    book = entry.sheet(before, after, "106", year, data)
    upload = entry.check(book, data)
    assert upload.ok, validate.report_text(upload)
    merged = diff.merge(data, upload)
    store.commit(merged, "lan", book.file_name, upload.sha256, "", "import")
    return diff.compare(data, merged)


def test_the_grid_shows_each_figure_with_its_note(shipped_data: Dataset) -> None:
    grid = entry.grid(shipped_data, "106", 2020).set_index("code")
    assert grid.loc["GTSX", "note"].startswith("Ước thực hiện: báo cáo viết trong năm 2020")
    assert grid.loc["KTXH_TARGETS_MET", "note"] == ""  # its 2019 figure has a note, not a 2020 one


@pytest.mark.slow
def test_a_note_is_saved_on_its_figure_changed_alone_and_kept_by_a_blank(store: Store) -> None:
    before = entry.grid(store.load(), "106", 2021)
    after = noted(typed(before, GTSX=("2.710,4", "estimate")), GTSX="Số ước của phòng Tài chính – Kế hoạch")
    commit_grid(store, before, after, 2021)
    assert note_of(store, "GTSX", 2021, "estimate") == "Số ước của phòng Tài chính – Kế hoạch"
    # The note alone edited: one field changed, the figure untouched.
    before = entry.grid(store.load(), "106", 2021)
    assert before.set_index("code").loc["GTSX", "note"] == "Số ước của phòng Tài chính – Kế hoạch"
    preview = commit_grid(store, before, noted(before, GTSX="Số ước, tháng 10/2021"), 2021)
    change = preview.tables["observations"].changed
    assert change[["code", "column", "old", "new"]].values.tolist() == [
        ["GTSX", "note", "Số ước của phòng Tài chính – Kế hoạch", "Số ước, tháng 10/2021"]
    ]
    # Next spring the official figure over the estimate: the estimate's note stays with the estimate.
    before = entry.grid(store.load(), "106", 2021)
    commit_grid(store, before, typed(before, GTSX=("2.698,2", "actual")), 2021)
    assert note_of(store, "GTSX", 2021, "estimate") == "Số ước, tháng 10/2021"
    assert note_of(store, "GTSX", 2021, "actual") == ""
    # A figure retyped with its note left blank keeps the saved note; a note is text, never a formula.
    before = entry.grid(store.load(), "106", 2021)
    after = noted(typed(before, GTSX=("2.698,5", "actual"), INCOME_PC=("31,5", "actual")), INCOME_PC="=1+1")
    commit_grid(store, before, noted(after, GTSX=""), 2021)
    assert note_of(store, "INCOME_PC", 2021, "actual") == "=1+1"
    before = entry.grid(store.load(), "106", 2021)
    commit_grid(store, before, noted(typed(before, INCOME_PC=("31,6", "actual")), INCOME_PC=""), 2021)
    assert note_of(store, "INCOME_PC", 2021, "actual") == "=1+1"
    assert figures(store, "INCOME_PC", 2021) == {"actual": 31.6}


def test_a_note_beside_no_figure_makes_no_row(shipped_data: Dataset) -> None:
    before = entry.grid(shipped_data, "106", 2023)
    assert entry.sheet(before, noted(before, GTSX="chưa có số"), "106", 2023, shipped_data).empty


@pytest.fixture
def editor_page(store: Store) -> AppTest:
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    return signed.sign_in(at, "lan", "analyst")  # a real account, as the page checks on every run


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_offers_area_year_and_grid(editor_page: AppTest, lang: str) -> None:
    editor_page.session_state[state.LANG_KEY] = lang
    at = editor_page.run()
    assert not at.exception
    assert at.title[0].value == ("Nhập số liệu" if lang == "vi" else "Enter figures")
    assert at.selectbox(key=state.ENTER_AREA_WIDGET).value == "106"
    assert at.number_input(key=state.ENTER_YEAR_WIDGET).value == 2020
    assert at.caption[-1].value.startswith("Chưa có" if lang == "vi" else "No figure")


def test_a_viewer_gets_the_sign_in_form(store: Store) -> None:
    at = AppTest.from_file(str(PAGE), default_timeout=60).run()
    assert at.title[0].value == "Đăng nhập"
    assert not at.get("arrow_data_frame")


def test_a_figure_and_its_note_typed_in_the_page_become_a_version(editor_page: AppTest, store: Store) -> None:
    at = editor_page.run()
    grid = entry.grid(store.load(), "106", 2020)
    row = int(grid.index[grid["code"] == "GTSX"][0])
    # AppTest edits a keyed grid through its edit state, as the browser sends it.
    at.session_state[f"{state.ENTER_GRID_WIDGET}_106_2020_1_0"] = {
        "edited_rows": {row: {"value": "2.650,5", "note": "Số ước cập nhật tháng 12/2020"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at = at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [m.value for m in at.metric] == ["0", "1", "0"]  # one figure changed (its value and note)
    shown = at.dataframe[-1].value
    assert "Số ước cập nhật tháng 12/2020" in shown.to_numpy().ravel().tolist()
    # The overwritten figure is named at the top, old → new, and must be confirmed before the commit.
    (named,) = [d.value for d in at.dataframe if "Cũ → mới" in d.value.columns]
    assert named.iloc[0].tolist() == [
        "Tổng giá trị sản xuất",
        "Huyện Tam Đường (106)",
        "2020",
        "Ước thực hiện",
        "sửa",
        "2.503,3 → 2.650,5",
    ]
    at.text_area(key=state.ENTER_NOTE_WIDGET).input("Sửa số ước GTSX")
    at = at.button(key=state.ENTER_COMMIT_WIDGET).click().run()
    assert [e.value for e in at.error] == [t("figures.unconfirmed", "vi")]
    assert store.current_version() == 1
    (confirm,) = at.checkbox
    assert confirm.label == "Tôi đã xem và đồng ý sửa hoặc gỡ 1 số liệu nêu trên."
    at = confirm.check().run()
    at = at.button(key=state.ENTER_COMMIT_WIDGET).click().run()
    assert not at.exception
    assert store.current_version() == 2
    assert at.success[0].value.startswith("Đã ghi phiên bản 2")
    assert note_of(store, "GTSX", 2020, "estimate") == "Số ước cập nhật tháng 12/2020"
    assert figures(store, "GTSX", 2020) == {"estimate": 2650.5}


def test_an_offices_wide_sheet_gives_each_year_its_note_and_ignores_a_note_without_a_year(
    shipped_data: Dataset,
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["Mã chỉ tiêu", "Tên chỉ tiêu", "2021", "Ghi chú 2021", "UTH 2022", "Ghi chú UTH 2022", "Ghi chú"]
    )
    sheet.append(["GTSX", "Giá trị sản xuất", 2710.4, "Số Cục Thống kê", 2800, "Ước tháng 10", "cả dòng"])
    sheet.append(["INCOME_PC", "Thu nhập", 31.5, None, None, None, "không nhập"])
    out = io.BytesIO()
    book.save(out)
    upload = validate.check(out.getvalue(), "phong.xlsx", shipped_data)
    assert upload.ok and upload.layout == "wide", validate.report_text(upload)
    obs = upload.frames["observations"].set_index(["code", "year", "kind"])["note"]
    assert obs.to_dict() == {
        ("GTSX", 2021, "actual"): "Số Cục Thống kê",
        ("GTSX", 2022, "estimate"): "Ước tháng 10",
        ("INCOME_PC", 2021, "actual"): "",
    }


@pytest.mark.slow
def test_the_grid_takes_back_the_numbers_it_shows(store: Store) -> None:
    save(store, store.load(), "106", 2021, TOURISTS=("512.000", "actual"))
    assert figures(store, "TOURISTS", 2021) == {"actual": 512000.0}
    # Shown "512.000", retyped "518.500": thousands, as the grid writes them, not an ambiguous number.
    data = store.load()
    assert entry.grid(data, "106", 2021).set_index("code").loc["TOURISTS", "value"] == "512.000"
    save(store, data, "106", 2021, TOURISTS=("518.500", "actual"))
    assert figures(store, "TOURISTS", 2021) == {"actual": 518500.0}
    # Only the note changed: the figure shown "518.500" is kept, the note saved.
    before = entry.grid(store.load(), "106", 2021)
    preview = commit_grid(store, before, noted(before, TOURISTS="Số của Phòng Văn hóa"), 2021)
    change = preview.tables["observations"].changed
    assert change[["code", "column"]].values.tolist() == [["TOURISTS", "note"]]
    assert figures(store, "TOURISTS", 2021) == {"actual": 518500.0}


@pytest.mark.slow
def test_a_note_edited_alone_keeps_the_exact_figure_the_grid_rounds(store: Store) -> None:
    wide_upload(store, {"2021": {"GTSX": 2710.4567}}, "chinh-xac.xlsx")
    before = entry.grid(store.load(), "106", 2021)
    assert before.set_index("code").loc["GTSX", "value"] == "2.710,46"  # two decimals shown
    preview = commit_grid(store, before, noted(before, GTSX="Số Cục Thống kê"), 2021)
    assert preview.tables["observations"].changed["column"].tolist() == ["note"]
    assert figures(store, "GTSX", 2021) == {"actual": 2710.4567}


def test_an_upload_quotes_the_ambiguous_number_typed(shipped_data: Dataset) -> None:
    checked = validate.check(page_workbook(shipped_data, "518.500"), "x.xlsx", shipped_data)
    (problem,) = checked.errors
    assert problem.value == "518.500"
    assert "“518.500”" in problem.message("vi") and "“518.500”" in problem.message("en")
    assert "2.503”" not in problem.message("vi")


@pytest.mark.parametrize(
    ("note", "words"),
    [
        ("x" * 1_000_000, "Ghi chú dài 1.000.000 ký tự, quá giới hạn 500 ký tự: hãy rút gọn. Chưa ghi gì."),
        ("Số\x00ước", "Ô có ký tự điều khiển không in được (U+0000): hãy gõ lại ô này. Chưa ghi gì."),
    ],
)
def test_the_server_refuses_a_note_the_browser_should_have_stopped(
    shipped_data: Dataset, note: str, words: str
) -> None:
    before = entry.grid(shipped_data, "106", 2021)
    after = noted(typed(before, GTSX=("2.710,4", "actual")), GTSX=note)
    (problem,) = entry.problems(before, after)
    assert problem.code == "GTSX" and problem.words.text("vi") == words
    assert len(problem.value) <= 61  # the cell quoted, not a million characters
    # 500 characters, line breaks and tabs are a note like any other.
    fine = noted(after, GTSX="x" * 498 + "\n\t")
    assert entry.problems(before, fine) == []
    assert (
        entry.problems(before, typed(before, GTSX=("1" * 41, "actual")))[0].words.key
        == "enter.value_too_long"
    )


def test_the_page_refuses_a_crafted_note_in_plain_words(editor_page: AppTest, store: Store) -> None:
    at = editor_page.run()
    grid = entry.grid(store.load(), "106", 2020)
    row = int(grid.index[grid["code"] == "GTSX"][0])
    for note in ("y" * 1_000_000, "a\x00b"):
        at.session_state[f"{state.ENTER_GRID_WIDGET}_106_2020_1_0"] = {
            "edited_rows": {row: {"value": "2.650,5", "note": note}},
            "added_rows": [],
            "deleted_rows": [],
        }
        at = at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert at.error[0].value == "1 lỗi: chưa ghi được. Hãy sửa các ô dưới đây."
        shown = at.dataframe[-1].value
        assert shown.iloc[0, 0] == "GTSX" and "Chưa ghi gì" in shown.iloc[0, 2]
        assert not [b for b in at.button if b.key == state.ENTER_COMMIT_WIDGET]
    assert store.current_version() == 1


def test_the_page_takes_back_the_number_it_shows(editor_page: AppTest, store: Store) -> None:
    save(store, store.load(), "106", 2021, TOURISTS=("512.000", "actual"))
    editor_page.session_state[state.ENTER_YEAR_WIDGET] = 2021
    at = editor_page.run()
    grid = entry.grid(store.load(), "106", 2021)
    row = int(grid.index[grid["code"] == "TOURISTS"][0])
    assert grid.loc[row, "value"] == "512.000"
    at.session_state[f"{state.ENTER_GRID_WIDGET}_106_2021_2_0"] = {
        "edited_rows": {row: {"value": "518.500"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at = at.run()
    assert not at.exception and not at.error
    (named,) = [d.value for d in at.dataframe if "Cũ → mới" in d.value.columns]
    assert named["Cũ → mới"].tolist() == ["512.000 → 518.500"]
    at = at.checkbox[0].check().run()
    at = at.button(key=state.ENTER_COMMIT_WIDGET).click().run()
    assert not at.exception and store.current_version() == 3
    assert figures(store, "TOURISTS", 2021) == {"actual": 518500.0}


def as_uploaded(typed: entry.Entry) -> bytes:
    """The grid's sheet as an office would upload it: the same cells in a workbook (empty cells empty)."""
    book = Workbook()
    sheet = book.active
    sheet.title = entry.SHEET
    for row in typed.cells:
        sheet.append([None if v == "" else v for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def seen(upload: validate.Upload) -> list[tuple[str, ...]]:
    return [
        (p.severity, p.sheet, p.cell, p.column, p.value, p.message_vi, p.message_en) for p in upload.problems
    ]


BAD_FIGURES = {
    "GTSX": ("khoảng 2500", "actual"),  # no number
    "FESTIVALS": ("-5", "actual"),  # a count below zero
    "GTSX_AGRI": ("150", "estimate"),  # a share over 100 %
    "INCOME_PC": ("31,5", "actual"),  # fine: refused with the others, but not itself at fault
}


def test_the_grid_is_refused_as_an_upload_of_the_same_sheet_would_be(shipped_data: Dataset) -> None:
    before = entry.grid(shipped_data, "106", 2020)
    typed = entry.sheet(before, typed_figures(before, BAD_FIGURES), "106", 2020, shipped_data)
    checked = entry.check(typed, shipped_data)
    uploaded = validate.check(as_uploaded(typed), typed.file_name, shipped_data)
    assert seen(checked) == seen(uploaded)
    assert {typed.rows[p.row]: p.value for p in checked.errors} == {
        "GTSX": "khoảng 2500",
        "FESTIVALS": "-5",
        "GTSX_AGRI": "150",
    }
    assert [p.sheet for p in checked.errors] == [entry.SHEET] * 3
    assert checked.frames == {} and not checked.ok


def test_a_good_grid_gives_the_tables_an_upload_of_the_same_sheet_would(shipped_data: Dataset) -> None:
    before = noted(entry.grid(shipped_data, "106", 2021), GTSX="Số ước")
    after = typed(
        before, GTSX=("2.710,4", "estimate"), FESTIVALS=("12", "actual"), GTSX_AGRI=("36,5", "actual")
    )
    typed_sheet = entry.sheet(entry.grid(shipped_data, "106", 2021), after, "106", 2021, shipped_data)
    checked = entry.check(typed_sheet, shipped_data)
    uploaded = validate.check(as_uploaded(typed_sheet), typed_sheet.file_name, shipped_data)
    assert checked.ok and seen(checked) == seen(uploaded)
    assert checked.frames.keys() == uploaded.frames.keys() == {"observations", "targets"}
    for name, frame in checked.frames.items():
        pd.testing.assert_frame_equal(frame, uploaded.frames[name], obj=name)
    assert checked.frames["targets"].empty
    values = checked.frames["observations"].set_index(["code", "kind"])["value"].to_dict()
    assert values == {
        ("GTSX", "estimate"): 2710.4,
        ("FESTIVALS", "actual"): 12.0,
        ("GTSX_AGRI", "actual"): 36.5,
    }
    assert (checked.layout, checked.made_from, checked.file_name) == (
        "wide",
        1,
        "nhap-truc-tiep-106-2021.xlsx",
    )


def test_no_workbook_is_written_or_read_for_the_grid(
    shipped_data: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a workbook was written or read")

    monkeypatch.setattr("openpyxl.Workbook.save", refuse)
    monkeypatch.setattr("indicators.excel.guard.inspect", refuse)
    monkeypatch.setattr("python_calamine.CalamineWorkbook.from_filelike", refuse)
    before = entry.grid(shipped_data, "106", 2020)
    typed_sheet = entry.sheet(before, typed(before, GTSX=("2.650,5", "estimate")), "106", 2020, shipped_data)
    checked = entry.check(typed_sheet, shipped_data)
    assert checked.ok
    assert checked.frames["observations"]["value"].tolist() == [2650.5]
    with pytest.raises(AssertionError, match="workbook was written"):
        validate.check(as_uploaded(typed_sheet), "x.xlsx", shipped_data)  # the patches do bite


@pytest.mark.parametrize(("word", "value"), [("Đạt", 1.0), ("Chưa đạt", 0.0), ("Met", 1.0), ("No", 0.0)])
def test_the_grid_reads_a_yes_no_figure_from_its_words(
    shipped_data: Dataset, word: str, value: float
) -> None:
    before = entry.grid(shipped_data, "106", 2021)
    checked = entry.check(
        entry.sheet(before, typed(before, NTM_DISTRICT=(word, "actual")), "106", 2021, shipped_data),
        shipped_data,
    )
    assert checked.ok, validate.report_text(checked)
    assert checked.frames["observations"]["value"].tolist() == [value]


@pytest.mark.parametrize("word", ["Đạt", "có", "không", "Chưa đạt"])
def test_a_yes_no_word_for_a_figure_is_refused_naming_cell_and_value(
    shipped_data: Dataset, word: str
) -> None:
    before = entry.grid(shipped_data, "106", 2021)
    sheet = entry.sheet(before, typed(before, GTSX=(word, "actual")), "106", 2021, shipped_data)
    checked = entry.check(sheet, shipped_data)
    uploaded = validate.check(as_uploaded(sheet), sheet.file_name, shipped_data)
    # The grid and an upload of its sheet say the same, at the same cell; nothing is written.
    assert seen(checked) == seen(uploaded)
    (problem,) = checked.errors
    assert (sheet.rows[problem.row], problem.value) == ("GTSX", word)
    assert problem.cell and problem.cell[0].isalpha()
    assert problem.message_vi.startswith(f"“{word}” chỉ dùng cho chỉ tiêu đạt/chưa đạt (có/không)")
    assert problem.message_en.startswith(f"“{word}” is accepted only for a yes/no indicator")
    assert checked.frames == {} and not checked.ok


def test_the_grid_reads_domain_by_domain_then_by_name(shipped_data: Dataset) -> None:
    """Not by the English code: economy first, and within a domain the names in the reader's order."""
    grid = entry.grid(shipped_data, "106", 2020)
    domains = grid["code"].map(shipped_data.indicators.set_index("code")["domain"])
    order = [DOMAINS.index(d) for d in domains]
    assert order == sorted(order) and order[0] == DOMAINS.index("economy")
    for _, names in grid.groupby(domains, sort=False)["name"]:
        assert [entry.fold(n) for n in names] == sorted(entry.fold(n) for n in names)
    # The old order was by code: the first row is no longer the first code.
    assert grid["code"].tolist() != sorted(grid["code"])


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("tong gia tri san xuat", {"GTSX"}),  # without accents, any case
        ("GTSX_AGRI", {"GTSX_AGRI"}),  # a code
        ("Tổng   giá trị   sản xuất", {"GTSX"}),  # spaces aside
        ("", None),  # every row
        ("không có chỉ tiêu nào như vậy", set()),
    ],
)
def test_the_grid_search_finds_a_name_or_a_code(
    shipped_data: Dataset, query: str, codes: set[str] | None
) -> None:
    grid = entry.grid(shipped_data, "106", 2020)
    found = entry.search(grid, query)
    if codes is None:
        assert len(found) == len(grid)
    elif codes:
        assert codes <= set(found["code"]) and len(found) < len(grid)
    else:
        assert found.empty


def test_what_was_typed_in_rows_a_search_hides_is_kept(shipped_data: Dataset) -> None:
    before = entry.grid(shipped_data, "106", 2020)
    shown = entry.search(before, "GTSX_AGRI")
    typed = shown.assign(value="45,5", note="ghi chú")
    edits = entry.edits_of(before, typed, {})
    assert edits == {"GTSX_AGRI": {"value": "45,5", "kind": typed["kind"].iloc[0], "note": "ghi chú"}}
    # Another search: its rows taken as they are keep the first row's edit; one typed back drops it.
    other = entry.search(entry.with_edits(before, edits), "GTSX")
    assert entry.edits_of(before, entry.search(before, "FESTIVALS"), edits) == edits
    assert entry.edits_of(before, entry.search(before, "GTSX_AGRI"), edits) == {}
    full = entry.with_edits(before, edits)
    assert full.set_index("code").loc["GTSX_AGRI", "value"] == "45,5"
    assert other.set_index("code").loc["GTSX_AGRI", "value"] == "45,5"
    book = entry.sheet(before, full, "106", 2020, shipped_data)
    assert list(book.rows.values()) == ["GTSX_AGRI"]


def test_the_page_searches_the_grid_keeps_hidden_edits_and_names_no_sheet(
    editor_page: AppTest, store: Store
) -> None:
    at = editor_page.run()
    grid = entry.grid(store.load(), "106", 2020)
    row = int(grid.index[grid["code"] == "GTSX"][0])
    at.session_state[f"{state.ENTER_GRID_WIDGET}_106_2020_1_0"] = {
        "edited_rows": {row: {"value": "2.650,5"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at = at.run()
    # A search for another indicator: the grid shows its rows only, and the typed figure stays.
    search = at.text_input(key=f"{state.ENTER_SEARCH_WIDGET}_{state.ENTER_GRID_WIDGET}_106_2020_1_0")
    at = search.input("khach du lich").run()
    assert not at.exception, [e.value for e in at.exception]
    editor = at.dataframe[0].value  # the grid, first on the page
    assert len(editor) < len(grid) and "GTSX" not in set(editor["code"])
    assert [m.value for m in at.metric] == ["0", "1", "0"]
    frames = [d.value for d in at.dataframe]
    # The preview names no workbook sheet (SoLieu, NguonGoc…) and no sheet column.
    text = " ".join(" ".join(map(str, [*f.columns, *f.to_numpy().ravel()])) for f in frames)
    assert not any(sheet in text for sheet in ("SoLieu", "MucTieu", "NguonGoc", "ChiTieu", "Trang tính"))
    details = frames[-1]
    assert (
        details.iloc[0][t("xcol.key", "vi")]
        == "Tổng giá trị sản xuất · Huyện Tam Đường · 2020 · Ước thực hiện"
    )


@pytest.mark.parametrize(
    ("lang", "key"),
    [
        ("vi", "Tổng giá trị sản xuất · Huyện Tam Đường · 2020 · Ước thực hiện"),
        ("en", "Total production value · Tam Đường district · 2020 · Estimate"),
    ],
)
def test_a_preview_names_the_figure_not_its_codes(shipped_data: Dataset, lang: Lang, key: str) -> None:
    before = entry.grid(shipped_data, "106", 2020)
    upload = entry.check(
        entry.sheet(before, typed(before, GTSX=("2.650,5", "estimate")), "106", 2020, shipped_data),
        shipped_data,
    )
    merged = diff.merge(shipped_data, upload)
    rows = diff.rows_for_people(diff.compare(shipped_data, merged), lang, data=merged)
    assert set(rows[t("xcol.key", lang)]) == {key}  # each field changed is a line
    # Without the data, the codes as before; without sheets, no sheet column.
    assert set(diff.rows_for_people(diff.compare(shipped_data, merged), lang)[t("xcol.key", lang)]) == {
        "GTSX · 106 · 2020 · estimate"
    }
    bare = diff.rows_for_people(diff.compare(shipped_data, merged), lang, data=merged, sheets=False)
    assert t("xcol.sheet", lang) not in bare.columns


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "vi",
            "Ô số liệu của dòng “Tổng giá trị sản xuất” ghi “khoảng 2500”, không phải là số. Hãy ghi một số, "
            "ví dụ 2.503,3 (dấu chấm ngăn hàng nghìn, dấu phẩy trước phần thập phân); chưa có số liệu thì bỏ "
            "dòng này.",
        ),
        (
            "en",
            "Cell of the figure in the row “Total production value” holds “khoảng 2500”, which is not a "
            "number. Write a number such as 2.503,3 (a dot between thousands, a comma before the decimals); "
            "leave the row out when there is no figure.",
        ),
    ],
)
def test_the_page_says_which_row_holds_what_and_what_it_takes(
    editor_page: AppTest, store: Store, lang: Lang, words: str
) -> None:
    """A figure that is no number: its row named (no sheet nobody saw), the text quoted, a number's form."""
    editor_page.session_state[state.LANG_KEY] = lang
    at = editor_page.run()
    grid = entry.grid(store.load(), "106", 2020, lang)
    row = int(grid.index[grid["code"] == "GTSX"][0])
    at.session_state[f"{state.ENTER_GRID_WIDGET}_106_2020_1_0"] = {
        "edited_rows": {row: {"value": "khoảng 2500"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at = at.run()
    assert not at.exception, [e.value for e in at.exception]
    shown = at.dataframe[-1].value
    assert shown.iloc[0].tolist() == ["GTSX", "khoảng 2500", words]
    assert store.current_version() == 1
