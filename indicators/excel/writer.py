"""The one writer of .xlsx files: the upload layout and tables for people, formulas neutralised here."""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.comments import Comment
from openpyxl.packaging.custom import IntProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from indicators.core.model import (
    AREA_LINKS,
    AREAS,
    INDICATORS,
    TABLES,
    TARGETS,
    YEAR_MAX,
    YEAR_MIN,
    Dataset,
    Table,
)
from indicators.excel.guide import COLUMN_HELP, instructions
from indicators.excel.sheets import DEFAULT_AREA
from indicators.excel.workbook import (
    HEADERS,
    INSTRUCTIONS_SHEET,
    LABELS,
    MADE_FROM_PROPERTY,
    NUMBER_FORMAT,
    OPTIONAL_COLUMNS,
    VALUE_COLUMNS,
    VOCABULARIES,
    label,
    words_of,
)
from indicators.text import phrase
from indicators.text.i18n import t

# Text that a spreadsheet would run as a formula when it starts a cell (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(cell: Cell) -> None:
    """Text that Excel could take for a formula is stored as text and marked so if re-typed."""
    value = cell.value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula, led by an apostrophe (CSV has no marker).

    CSV files are opened by people in Excel as often as read by programs; JSON stays exact.
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = [
                f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v for v in out[column]
            ]
    return out


def _plain(value: object) -> object:
    """A pandas cell as a value openpyxl writes: no NA, no numpy scalars, no empty strings."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return None if value == "" else value


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _write_rows(sheet: Worksheet, header: list[str], rows: list[list[object]]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for row in rows:
        sheet.append(row)
    # Only text can be taken for a formula: the values say which cells, without visiting every cell.
    for at, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                safe_text(sheet.cell(row=at, column=column))
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        width = max([len(name), *(len(str(r[index - 1] or "")) for r in rows[:200])])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 8), 60)


def _instructions(book: Workbook, data: Dataset) -> None:
    sheet = book.create_sheet(INSTRUCTIONS_SHEET)
    for line in instructions(data, DEFAULT_AREA):
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    start = sheet.max_row + 1
    sheet.append(["Trang tính", "Cột (tiêu đề)", "Tên cột trong hệ thống", "Ý nghĩa", "Giá trị hợp lệ"])
    for cell in sheet[start]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for table in TABLES:
        for column in table.columns:
            meaning, allowed = COLUMN_HELP[table.name][column]
            if (table.name, column) in VOCABULARIES:
                codes = ", ".join(v for v in VOCABULARIES[(table.name, column)] if v)
                allowed = f"{', '.join(words_of(table.name, column))} (cũng nhận mã: {codes})"
            if column not in OPTIONAL_COLUMNS[table.name] and allowed == "có thể để trống":
                allowed = "bắt buộc"
            sheet.append([table.sheet, HEADERS[table.name][column], column, meaning, allowed])
    for column, width in zip("ABCDE", (14, 24, 16, 90, 40), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=start + 1):
        row[3].alignment = Alignment(wrap_text=True, vertical="top")


def _validations(sheet: Worksheet, table: Table, rows: int, lengths: dict[str, int]) -> None:
    """Drop-down lists for codes and vocabularies, and a whole-number rule for years."""
    last = max(rows + 1000, 1000)
    for index, column in enumerate(table.columns, start=1):
        span = f"{get_column_letter(index)}2:{get_column_letter(index)}{last}"
        if (table.name, column) in VOCABULARIES:
            formula = '"' + ",".join(words_of(table.name, column)) + '"'
        elif (
            column in ("code", "area", "parent")
            and table is not INDICATORS
            and not (table is AREAS and column == "code")
        ):
            source = INDICATORS if column == "code" and table is not AREA_LINKS else AREAS
            formula = f"={source.sheet}!$A$2:$A${lengths[source.name] + 1001}"
        elif column in ("year", "base_year"):
            rule = DataValidation(
                type="whole",
                operator="between",
                formula1=str(YEAR_MIN),
                formula2=str(YEAR_MAX),
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="stop",
                errorTitle="Năm không hợp lệ",
                error=f"Năm phải là số nguyên từ {YEAR_MIN} đến {YEAR_MAX}.",
            )
            rule.add(span)
            sheet.add_data_validation(rule)
            continue
        else:
            continue
        # "warning" rather than "stop": offices may type an accepted alias (TH, ƯTH, ...).
        rule = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle="Giá trị ngoài danh sách",
            error="Hãy chọn một giá trị trong danh sách.",
        )
        rule.add(span)
        sheet.add_data_validation(rule)


def _implied_formats(data: Dataset) -> dict[int, str]:
    """A number format per implied target row: "≈ 7.038", as many digits as phrase shows everywhere.

    The cell keeps the exact value (an upload of the file changes nothing); only what is shown is
    rounded and marked, by the one rule (phrase.implied_decimals) the pages and the báo cáo follow.
    """
    flags = data.targets["derived"].tolist()
    derived = [i for i, flag in enumerate(flags) if flag]
    if not derived:
        return {}
    # Plain lists: a few dozen targets, where a join and iterrows cost more than the rule itself.
    key = ["code", "area", "year", "target_kind"]
    reported = data.reported
    printed: dict[tuple[object, ...], list[object]] = {}
    for *found, pct in zip(*(reported[c].tolist() for c in [*key, "reported_pct"]), strict=True):
        printed.setdefault(tuple(found), []).append(pct)
    formats = {}
    for at, record in zip(derived, data.targets.iloc[derived].to_dict("records"), strict=True):
        # Each printed % of the target's key in turn, as a left join would pair them; none: NaN.
        for pct in printed.get(tuple(record[c] for c in key), [math.nan]):
            decimals = phrase.implied_decimals(phrase.target_figure({**record, "reported_pct": pct}))
            if decimals is None:
                continue
            formats[at] = '"≈ "#,##0' + ("." + "0" * decimals if decimals > 0 else "")
    return formats


# An empty cell waiting for a figure: a fill, and a comment that says so without relying on colour.
TO_FILL = PatternFill("solid", fgColor="FFF2CC")
TO_FILL_AUTHOR = "Chỉ tiêu Tam Đường"


def write_workbook(
    data: Dataset,
    target: str | Path | io.BytesIO,
    to_fill: Mapping[str, Mapping[int, str]] | None = None,
    made_from: int | None = None,
) -> None:
    """The dataset in the upload layout: "Hướng dẫn" first, then one sheet per table.

    The template, the export, the shipped workbook and the missing-figures workbook all come from
    here, so there is one layout. `to_fill`: per table, the rows (0-based) whose value cell is left
    for the analyst to fill, each with the comment that marks it (besides a fill). `made_from`: the
    store's data version the file is made from, recorded so an upload can warn when it is stale.
    """
    book = Workbook()
    book.remove(book.active)
    _instructions(book, data)
    if made_from is not None:
        book.custom_doc_props.append(IntProperty(name=MADE_FROM_PROPERTY, value=int(made_from)))
        guide = book[INSTRUCTIONS_SHEET]
        guide.append([])
        guide.append([t("stale.guide", "vi").format(v=made_from)])
    lengths = {t.name: len(data.frame(t)) for t in TABLES}
    for table in TABLES:
        frame = data.frame(table)
        sheet = book.create_sheet(table.sheet)
        # tolist() gives the Python values astype(object) would, without copying a string column first.
        columns = [frame[c].tolist() for c in table.columns]
        # Closed vocabularies as the Vietnamese words people pick from the drop-down.
        columns = [
            [label(c, v) for v in col] if c in LABELS else col
            for c, col in zip(table.columns, columns, strict=True)
        ]
        rows = [[_plain(v) for v in row] for row in zip(*columns, strict=True)] if len(frame) else []
        _write_rows(sheet, [HEADERS[table.name][c] for c in table.columns], rows)
        implied = _implied_formats(data) if table is TARGETS else {}
        for index, column in enumerate(table.columns, start=1):
            if column in VALUE_COLUMNS:
                for i, (cell,) in enumerate(sheet.iter_rows(min_row=2, min_col=index, max_col=index)):
                    cell.number_format = implied.get(i, NUMBER_FORMAT)
        _mark_to_fill(sheet, table, (to_fill or {}).get(table.name, {}))
        _validations(sheet, table, len(frame), lengths)
        sheet.auto_filter.ref = sheet.dimensions
    book.save(target)


def _mark_to_fill(sheet: Worksheet, table: Table, rows: Mapping[int, str]) -> None:
    """The value cells of `rows` (0-based) filled and commented: the figures still to be typed."""
    at = next((i for i, c in enumerate(table.columns, start=1) if c in VALUE_COLUMNS), None)
    if at is None:
        return
    for row, words in rows.items():
        cell = sheet.cell(row=row + 2, column=at)
        cell.fill = TO_FILL
        cell.comment = Comment(words, TO_FILL_AUTHOR, width=320, height=110)


def workbook_bytes(data: Dataset) -> bytes:
    """The dataset as an .xlsx file in memory, for a download button, marked with its data version."""
    buffer = io.BytesIO()
    write_workbook(data, buffer, made_from=data.version or None)
    return buffer.getvalue()


def sheet_name(name: str) -> str:
    """A name Excel accepts for a sheet: none of []:*?/\\ and at most 31 characters."""
    return re.sub(r"[\[\]:*?/\\]", " ", name)[:31] or "Sheet1"


def frames_bytes(frames: dict[str, pd.DataFrame]) -> bytes:
    """Frames (a table on a page, a validation report) as an .xlsx file: numbers as numbers, text never
    run as a formula. The one writer of tables for people, so that rule lives in one place."""
    book = Workbook()
    book.remove(book.active)
    for name, frame in frames.items():
        sheet = book.create_sheet(sheet_name(name))
        columns = [frame[c].astype(object).tolist() for c in frame.columns]
        rows = [[_plain(v) for v in row] for row in zip(*columns, strict=True)] if len(frame) else []
        _write_rows(sheet, [str(c) for c in frame.columns], rows)
        for index, column in enumerate(frame.columns, start=1):
            if pd.api.types.is_float_dtype(frame[column]):
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = NUMBER_FORMAT
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_with_lists(
    sheet_name: str, headers: list[str], lists_sheet: str, choices: Mapping[int, list[str]], rows: int
) -> bytes:
    """An empty list to fill: `headers` on row 1, and for each column index in `choices` a drop-down
    of its words, kept on a hidden sheet (a list typed into the rule is capped at 255 characters)."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name
    sheet.append(headers)
    lists = book.create_sheet(lists_sheet)
    lists.sheet_state = "hidden"
    for n, (column, words) in enumerate(sorted(choices.items()), start=1):
        for row, word in enumerate(words, start=1):
            safe_text(lists.cell(row=row, column=n, value=word))
        letter, source = get_column_letter(column), get_column_letter(n)
        # "warning" rather than "stop": the reader also takes a code or the English word.
        rule = DataValidation(
            type="list",
            formula1=f"'{lists_sheet}'!${source}$1:${source}${len(words)}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle="Giá trị ngoài danh sách",
            error="Hãy chọn một giá trị trong danh sách.",
        )
        rule.add(f"{letter}2:{letter}{rows + 1}")
        sheet.add_data_validation(rule)
    for index in range(1, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 24
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
