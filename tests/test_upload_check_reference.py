"""The upload check's cheaper steps give what the old ones gave: every problem, conversion and frame.

Each workbook is checked twice, once with the product's steps and once with the references in
tests/support/upload_check_reference.py put in their place: the shipped workbook, a commune's file
over the national synthetic catalogue (bench/round_pages.py's, at a small scale), and that file with
errors written into its areas sheet.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from bench import round_pages
from indicators.core.model import AREAS, TABLES, Dataset, Table
from indicators.excel import cells, validate
from indicators.excel.sheets import Checker, blank_cells, read_long
from indicators.excel.workbook import HEADERS
from indicators.rounds import workflow
from indicators.store import accounts, scope
from tests.support import upload_check_reference as reference

SHIPPED_BOOK = Path(__file__).resolve().parents[1] / "data" / "tam_duong_2015_2025.xlsx"
COMMUNES = 40  # of bench/rounds.py's 3,321: the same catalogue and file, at a small scale
Edit = Callable[[openpyxl.Workbook], None]


def _both(book: bytes, current: Dataset, monkeypatch: pytest.MonkeyPatch) -> tuple[validate.Upload, ...]:
    """The check of `book` with the product's steps, then with the references in their place."""
    ours = validate.check(book, "xa.xlsx", current)
    with monkeypatch.context() as patched:
        for module, name, old in reference.patches():
            patched.setattr(module, name, old)
        theirs = validate.check(book, "xa.xlsx", current)
    return ours, theirs


def _same(ours: validate.Upload, theirs: validate.Upload) -> None:
    """The same problems (words, cells, values, order), conversions, layout and frames."""
    assert ours.problems == theirs.problems
    for lang in ("vi", "en"):
        assert [p.message(lang) for p in ours.problems] == [p.message(lang) for p in theirs.problems]
    pd.testing.assert_frame_equal(ours.conversions, theirs.conversions)
    assert (ours.layout, ours.made_from, ours.sha256) == (theirs.layout, theirs.made_from, theirs.sha256)
    assert list(ours.frames) == list(theirs.frames)
    for name, frame in ours.frames.items():
        pd.testing.assert_frame_equal(frame, theirs.frames[name], obj=name)


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[bytes, Dataset, str]]:
    """A commune's file over the synthetic national catalogue, the data it is checked against, its area."""
    url = f"sqlite:///{tmp_path_factory.mktemp('national') / 'store.db'}"
    rounds_before = os.environ.get("INDICATORS_BCRYPT_ROUNDS")
    try:
        store, commune = round_pages.national_store(url, COMMUNES)
    finally:  # national_store makes its accounts' hashes cheap for the whole process: not for other tests
        if rounds_before is None:
            os.environ.pop("INDICATORS_BCRYPT_ROUNDS", None)
        else:
            os.environ["INDICATORS_BCRYPT_ROUNDS"] = rounds_before
    current = store.load()
    held = accounts.account(store, round_pages.REPORTER)
    area = str(commune["code"].iloc[0])
    assert held is not None and held.area == area
    # As the upload page does for a reporter: checked against the area's own figures.
    against = workflow.scoped(current, scope.descendants(current.areas, area))
    yield round_pages.commune_book(store, commune), against, area
    store.engine.dispose()


def _edited(book: bytes, edit: Edit) -> bytes:
    opened = openpyxl.load_workbook(io.BytesIO(book))
    edit(opened)
    out = io.BytesIO()
    opened.save(out)
    return out.getvalue()


def _area_row(sheet: openpyxl.worksheet.worksheet.Worksheet, code: str) -> int:
    """The row of `code` in the areas sheet."""
    return next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 1).value == code)


def _set(code: str, column: int, value: object) -> Edit:
    """The areas sheet's cell in `code`'s row and `column` (1-based) written as `value`."""

    def edit(book: openpyxl.Workbook) -> None:
        sheet = book[AREAS.sheet]
        sheet.cell(_area_row(sheet, code), column, value)

    return edit


def _repeat(code: str, onto: str) -> Edit:
    """`onto`'s row in the areas sheet made a copy of `code`'s: the same key written twice."""

    def edit(book: openpyxl.Workbook) -> None:
        sheet = book[AREAS.sheet]
        source, target = _area_row(sheet, code), _area_row(sheet, onto)
        for column in range(1, sheet.max_column + 1):
            sheet.cell(target, column, sheet.cell(source, column).value)

    return edit


def test_the_shipped_workbook_gives_what_the_old_steps_gave(
    data: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = SHIPPED_BOOK.read_bytes()
    for current in (data, Dataset.empty()):
        ours, theirs = _both(book, current, monkeypatch)
        _same(ours, theirs)
        assert ours.ok and len(ours.frames["areas"]) == len(data.areas) > 100
        assert len(ours.frames["observations"]) == len(data.observations)


def _figure(sheet_name: str, code: str, column: str, value: object, level: bool = True) -> Edit:
    """The first row of `code` in a figures sheet (a level, not a change, by default): `column` set."""

    def edit(book: openpyxl.Workbook) -> None:
        sheet = book[sheet_name]
        header = [cell.value for cell in sheet[1]]
        kind = header.index("Loại số liệu") + 1 if "Loại số liệu" in header else 0
        row = next(
            r
            for r in range(2, sheet.max_row + 1)
            if sheet.cell(r, 1).value == code
            and not (level and kind and "thay đổi" in str(sheet.cell(r, kind).value))
        )
        sheet.cell(row, header.index(column) + 1, value)

    return edit


# Figures the catalogue refuses, in the shipped workbook: (message, severity) each.
FIGURE_CASES: dict[str, tuple[Edit, set[tuple[str, str]]]] = {
    "a share over 100 %": (_figure("SoLieu", "GTSX_AGRI", "Giá trị", 120), {("share_over_100", "error")}),
    "a reduction target over 100": (_figure("MucTieu", "BIRTH_RATE", "Giá trị", 120), set()),
    "a negative count": (_figure("SoLieu", "SCHOOLS", "Giá trị", -5), {("negative_count", "error")}),
    "a negative change": (_figure("SoLieu", "GTSX", "Giá trị", -5, level=False), set()),
    "a negative term total": (_figure("SoLieu", "JOBS", "Giá trị", "-5"), {("negative_count", "error")}),
    "a share of a plan over 100": (_figure("MucTieu", "PROPAGANDA_PLAN", "Giá trị", 150), set()),
    "a yes/no word for a level": (_figure("SoLieu", "GTSX", "Giá trị", "Đạt"), {("yes_no_only", "error")}),
    "a yes/no word for a yes/no indicator": (_figure("MucTieu", "NTM_DISTRICT", "Giá trị", "Đạt"), set()),
    "a ceiling written above": (
        _figure("MucTieu", "INCOME_PC", "So sánh", "Không vượt quá"),
        {("qualifier_contrary", "error")},
    ),
}


@pytest.mark.parametrize("case", list(FIGURE_CASES))
def test_figures_the_catalogue_refuses_give_what_the_old_steps_gave(
    data: Dataset, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    edit, expected = FIGURE_CASES[case]
    ours, theirs = _both(_edited(SHIPPED_BOOK.read_bytes(), edit), data, monkeypatch)
    _same(ours, theirs)
    assert {(p.words.key.removeprefix("check."), p.severity) for p in ours.problems} == expected
    if ours.ok:
        assert len(ours.frames["observations"]) == len(data.observations)


def test_a_communes_file_over_the_national_catalogue_gives_what_the_old_steps_gave(
    national: tuple[bytes, Dataset, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    book, against, area = national
    ours, theirs = _both(book, against, monkeypatch)
    _same(ours, theirs)
    assert ours.ok, validate.report_text(ours)
    assert len(ours.frames["areas"]) == COMMUNES + 1  # the province and its communes
    assert ours.frames["observations"]["area"].unique().tolist() == [area]
    assert len(ours.frames["observations"]) == 40


def _other(area: str) -> str:
    """A commune of the synthetic list that is not `area`."""
    return "00001" if area != "00001" else "00002"


# Each edit of the areas sheet, with the problems it must bring: (message, severity) each.
CASES: dict[str, tuple[Callable[[str], Edit], set[tuple[str, str]]]] = {
    "a code with a Cyrillic letter": (lambda a: _set(_other(a), 1, "0000\u0421"), {("code_script", "error")}),
    "a new code in full-width digits": (
        lambda a: _set(_other(a), 1, "\uff10\uff19\uff19\uff19\uff19"),
        {("code_normalised", "warning")},
    ),
    "a full-width code another row holds": (
        lambda a: _set(_other(a), 1, "\uff10\uff10\uff10\uff13\uff10"),
        {("code_normalised", "warning"), ("duplicate_row", "error")},
    ),
    "a key written twice": (
        lambda a: _repeat(_other(a), "00003" if a != "00003" else "00004"),
        {("duplicate_row", "error")},
    ),
    "a zero-width space in a name": (
        lambda a: _set(_other(a), 2, "Xã\u200b mới"),
        {("hidden_character", "error")},
    ),
    "a parent nobody knows": (lambda a: _set(_other(a), 4, "Q"), {("unknown_area", "error")}),
    "an unknown level": (lambda a: _set(_other(a), 3, "thôn xóm"), {("not_in_vocabulary", "error")}),
    "the commune ended before its figures": (lambda a: _set(a, 6, "2020-06-30"), {("area_outside", "error")}),
    "the commune began after its figures": (lambda a: _set(a, 5, "2030-01-01"), {("area_outside", "error")}),
    # Dates are text to the check: one it cannot read sets no limit (areas/dates.py), as before.
    "an end date no one can read": (lambda a: _set(a, 6, "30/6/2020"), set()),
    "a start date in words": (lambda a: _set(_other(a), 5, "ngày mai"), set()),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_communes_file_with_errors_in_its_areas_gives_what_the_old_steps_gave(
    national: tuple[bytes, Dataset, str], monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    book, against, area = national
    edit, said = CASES[case]
    ours, theirs = _both(_edited(book, edit(area)), against, monkeypatch)
    _same(ours, theirs)
    if said:
        print(case, [(p.words.key, p.cell, p.value, p.severity) for p in ours.problems])


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_an_empty_sheets_columns_take_the_types_the_checks_give_them(table: Table) -> None:
    header: list[list[object]] = [[HEADERS[table.name][c] for c in table.columns]]
    checked = []
    for check_columns in (cells.check_columns, reference.check_columns):
        chk = Checker()
        loc = read_long(header, table, table.sheet, chk)
        assert loc is not None and loc.frame.empty
        check_columns(loc, chk)
        assert chk.problems == []
        checked.append(loc.frame)
    pd.testing.assert_frame_equal(checked[0], checked[1])
    assert list(checked[0].columns) == list(table.columns)


def test_a_text_column_with_numbers_dates_and_blanks_reads_as_before() -> None:
    cells_read = pd.Series(
        [" GTSX ", 106.0, 2.5, None, float("nan"), datetime(2025, 7, 1), date(2020, 1, 2), "\tLUA", True],
        dtype=object,
    )
    texts = cells._text_list(cells_read)
    assert texts == reference.text_list(cells_read)
    assert texts[:4] == ["GTSX", "106", "2.5", ""] and texts[7] == "LUA"
    assert cells._text_list(pd.Series([" a", "b "], dtype=object)) == ["a", "b"]


def test_a_blank_text_cell_is_one_with_nothing_or_only_whitespace_as_before() -> None:
    values = ["", " ", "\t\n", "\x1c", "\u00a0", "\u3000", "\u200b", "a", " a ", "\u2028"]
    found = blank_cells(np.array(values, dtype=object)).tolist()
    assert found == [not v or v.isspace() for v in values]
    assert found == [True] * 6 + [False, False, False, True]


def test_each_upload_has_its_own_empty_list_of_conversions() -> None:
    first, second = validate.Upload("a.xlsx", ""), validate.Upload("b.xlsx", "")
    built = pd.DataFrame(columns=list(validate.CONVERSION_COLUMNS))
    pd.testing.assert_frame_equal(first.conversions, built)
    first.conversions.loc[0] = ["SoLieu", "F2", "Giá trị", "2.503,3", 2503.3]
    assert len(first.conversions) == 1 and second.conversions.empty
    pd.testing.assert_frame_equal(validate.Upload("c.xlsx", "").conversions, built)
