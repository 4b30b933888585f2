"""Checks an uploaded workbook and returns its problems as data: sheet, cell, column, value, message."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

import numpy as np
import pandas as pd
import python_calamine

from indicators import excel, fmt, xlsx_guard
from indicators.excel import HEADERS, INSTRUCTIONS_SHEET, OPTIONAL_COLUMNS, fold
from indicators.fmt import Lang
from indicators.i18n import Message, msg, t
from indicators.model import (
    AREAS,
    INDICATORS,
    OBSERVATIONS,
    REPORTED,
    TABLES,
    TARGETS,
    YEAR_MAX,
    YEAR_MIN,
    Comparator,
    Dataset,
    Direction,
    ObsKind,
    Table,
    TargetKind,
    ValueKind,
    coerce,
)
from indicators.numbers import parse_number
from indicators.xlsx_guard import Facts, Limits, Refusal, column_letter

Severity = Literal["error", "warning"]
Layout = Literal["long", "wide", ""]
# What a column of a wide sheet holds.
WideRole = Literal["code", "name", "unit", "area", "year", "target", "skip"]

FIGURE_TABLES: tuple[Table, ...] = (OBSERVATIONS, TARGETS, REPORTED)
CATALOGUE_TABLES: tuple[Table, ...] = (INDICATORS, AREAS)
DEFAULT_AREA = "TD"
REPORT_COLUMNS = ("severity", "sheet", "cell", "column", "value", "message")
CONVERSION_COLUMNS = ("sheet", "cell", "column", "text", "value")
_TRUE = {"true", "1", "yes", "x", "co", "dung"}
_FALSE = {"", "false", "0", "no", "khong", "sai"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong (error) or worth knowing (warning) about an upload."""

    sheet: str
    cell: str
    column: str
    value: str
    words: Message
    severity: Severity = "error"
    row: int = 0  # the Excel row, 0 when the problem is not in one row
    col: int = 0  # the Excel column number, 0 when not in one column

    def message(self, lang: Lang = "vi") -> str:
        """The message in the reader's language."""
        return self.words.text(lang)

    @property
    def message_vi(self) -> str:
        """The message in Vietnamese."""
        return self.message("vi")

    @property
    def message_en(self) -> str:
        """The message in English."""
        return self.message("en")


@dataclass
class Upload:
    """A checked upload: the tables it holds (typed) and every problem found."""

    file_name: str
    sha256: str
    layout: Layout = ""
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    conversions: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(CONVERSION_COLUMNS)))

    @property
    def errors(self) -> list[Problem]:
        """The problems that refuse the file."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that do not block."""
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        """True when the file can be committed."""
        return not self.errors


def _value_text(value: object) -> str:
    """A cell's content as the report shows it."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | np.integer | np.floating):
        return fmt.number(float(value), "vi")
    return str(value)


def _cell(row: int, col: int) -> str:
    return f"{column_letter(col)}{row}" if row and col else (column_letter(col) if col else "")


# Reading -----------------------------------------------------------------------------------


@dataclass
class _Located:
    """A table read from one sheet: raw cells per canonical column and where each cell lives."""

    table: Table
    sheet: str
    frame: pd.DataFrame  # canonical columns, raw cell contents (object)
    rows: np.ndarray  # the Excel row of each frame row
    columns: dict[str, int]  # canonical column → Excel column number
    headers: dict[str, str]  # canonical column → the header as written in the file
    # Wide layout: the value (and year) of each row comes from a different column.
    cell_columns: dict[str, np.ndarray] = field(default_factory=dict)

    def col(self, column: str, positions: np.ndarray) -> np.ndarray:
        """The Excel column number of `column` at frame positions."""
        if column in self.cell_columns:
            return self.cell_columns[column][positions]
        return np.full(len(positions), self.columns.get(column, 0))


class _Checker:
    """Collects problems while one upload is read; one instance per upload."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.conversions: list[tuple[str, str, str, str, float]] = []
        self.bad_cells: set[tuple[str, int, int]] = set()

    def add(
        self,
        sheet: str,
        message: Message,
        *,
        row: int = 0,
        col: int = 0,
        column: str = "",
        value: object = "",
        severity: Severity = "error",
    ) -> None:
        self.problems.append(
            Problem(sheet, _cell(row, col), column, _value_text(value), message, severity, row, col)
        )

    def at(
        self,
        loc: _Located,
        column: str,
        positions: Iterable[int] | np.ndarray,
        message: Message,
        values: Iterable[object] | None = None,
    ) -> None:
        """One error per position of a located table, at the cell of `column`."""
        positions = np.asarray(list(positions) if not isinstance(positions, np.ndarray) else positions, int)
        if not len(positions):
            return
        cols = loc.col(column, positions)
        raw = loc.frame[column].to_numpy(dtype=object)[positions] if values is None else list(values)
        for pos, col, value in zip(positions, cols, raw, strict=True):
            row = int(loc.rows[pos])
            key = (loc.sheet, row, int(col))
            if key in self.bad_cells:
                continue
            self.bad_cells.add(key)
            header = loc.headers.get(column, HEADERS[loc.table.name].get(column, column))
            self.add(loc.sheet, message, row=row, col=int(col), column=header, value=value)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _blank_cells(values: np.ndarray) -> np.ndarray:
    """True for empty cells: calamine's "" for an empty cell, and whitespace-only text."""
    column = pd.Series(values, dtype=object)
    kind = pd.api.types.infer_dtype(column, skipna=False)
    if kind == "string":
        return np.fromiter((not v or v.isspace() for v in values), bool, len(values))
    if kind in ("floating", "integer"):
        return column.isna().to_numpy()
    return column.map(_is_blank).to_numpy(dtype=bool)


def _blank_mask(frame: pd.DataFrame) -> np.ndarray:
    """True for rows where every cell is empty."""
    blank = np.zeros(len(frame), bool)
    # Column by column over the rows still blank so far: after the first filled column
    # (the code, usually) almost nothing is left to look at.
    candidates = np.arange(len(frame))
    for j in frame.columns:
        if not len(candidates):
            return blank
        values = frame[j].to_numpy(dtype=object)[candidates]
        candidates = candidates[_blank_cells(values)]
    blank[candidates] = True
    return blank


class _Sheets:
    """Each sheet of the book parsed once by calamine: its cells and its merged ranges."""

    def __init__(self, book: python_calamine.CalamineWorkbook) -> None:
        self.book = book
        self._sheets: dict[str, python_calamine.CalamineSheet] = {}
        self._grids: dict[str, list[list[Any]]] = {}  # cells as calamine types them

    def sheet(self, name: str) -> python_calamine.CalamineSheet:
        if name not in self._sheets:
            self._sheets[name] = self.book.get_sheet_by_name(name)
        return self._sheets[name]

    def grid(self, name: str) -> list[list[Any]]:
        if name not in self._grids:
            # skip_empty_area=False keeps row 1 as row 1, so cell names match what Excel shows.
            self._grids[name] = self.sheet(name).to_python(skip_empty_area=False)
        return self._grids[name]


def _merged(sheets: _Sheets, sheet: str, header_row: int, chk: _Checker) -> None:
    """Merged cells at or below the header row hide values in all but one cell: refused."""
    for (r0, c0), (r1, c1) in sheets.sheet(sheet).merged_cell_ranges or []:
        if r1 + 1 < header_row:
            continue
        ref = f"{_cell(r0 + 1, c0 + 1)}:{_cell(r1 + 1, c1 + 1)}"
        chk.add(
            sheet,
            msg("check.merged_cells", ref=ref),
            row=r0 + 1,
            col=c0 + 1,
            value=ref,
        )
        for r in range(r0 + 1, r1 + 2):
            for c in range(c0 + 1, c1 + 2):
                chk.bad_cells.add((sheet, r, c))


def _sheet_facts(facts: Facts, sheet: str, chk: _Checker, data_sheet: bool) -> None:
    """Hidden sheets, rows and columns (warnings); formulas without a value and errors (refused)."""
    info = facts.sheet(sheet)
    if info is None:
        return
    if info.state != "visible":
        key = "check.hidden_data_sheet" if data_sheet else "check.hidden_other_sheet"
        chk.add(sheet, msg(key, sheet=sheet), severity="warning")
    if not data_sheet:
        return
    if info.hidden_rows:
        shown = ", ".join(str(r) for r in info.hidden_rows[:20]) + ("…" if len(info.hidden_rows) > 20 else "")
        chk.add(
            sheet,
            msg("check.hidden_rows", n=len(info.hidden_rows), shown=shown),
            severity="warning",
            value=shown,
        )
    if info.hidden_columns:
        shown = ", ".join(info.hidden_columns[:20])
        chk.add(
            sheet,
            msg("check.hidden_columns", shown=shown),
            severity="warning",
            value=shown,
        )
    for ref in info.formulas_without_value:
        row, col = _split_ref(ref)
        chk.bad_cells.add((sheet, row, col))
        chk.add(
            sheet,
            msg("check.formula_without_value"),
            row=row,
            col=col,
            value="=…",
        )
    for ref, text in info.error_cells:
        row, col = _split_ref(ref)
        chk.bad_cells.add((sheet, row, col))
        chk.add(
            sheet,
            msg("check.formula_error", text=text),
            row=row,
            col=col,
            value=text,
        )


def _split_ref(ref: str) -> tuple[int, int]:
    match = re.fullmatch(r"([A-Z]+)(\d+)", ref.upper())
    if not match:
        return 0, 0
    col = 0
    for ch in match.group(1):
        col = col * 26 + ord(ch) - 64
    return int(match.group(2)), col


def _frame_of(grid: list[list[object]], start: int, width: int) -> pd.DataFrame:
    body = grid[start:]
    if not body:
        return pd.DataFrame(columns=range(width), dtype=object)
    if any(len(row) != width for row in body):
        body = [row + [""] * (width - len(row)) for row in body]
    # One C-level copy into an object array; a DataFrame from a list of lists is slower.
    cells = np.empty((len(body), width), dtype=object)
    cells[:] = body
    return pd.DataFrame(cells, columns=range(width), copy=False)


def _read_long(grid: list[list[object]], table: Table, sheet: str, chk: _Checker) -> _Located | None:
    """One sheet of the long layout: header row 1, one row per figure."""
    if not grid or all(_is_blank(v) for v in grid[0]):
        chk.add(
            sheet,
            msg("check.no_header_row"),
            row=1,
        )
        return None
    header = grid[0]
    width = max(len(r) for r in grid)
    mapping = excel.header_map(table)
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    ignored: list[int] = []
    frame = _frame_of(grid, 1, width)
    for j in range(width):
        text = header[j] if j < len(header) else ""
        if _is_blank(text):
            if j < len(frame.columns) and not _blank_mask(frame[[j]]).all():
                chk.add(
                    sheet,
                    msg("check.column_without_header"),
                    row=1,
                    col=j + 1,
                )
            else:
                ignored.append(j)
            continue
        column = mapping.get(fold(text))
        if column is None:
            expected = ", ".join(HEADERS[table.name].values())
            chk.add(
                sheet,
                msg("check.header_unknown", text=text, expected=expected),
                row=1,
                col=j + 1,
                column=str(text),
                value=text,
            )
        elif column in columns:
            chk.add(
                sheet,
                msg("check.header_repeated", text=text, other=column_letter(columns[column])),
                row=1,
                col=j + 1,
                column=str(text),
                value=text,
            )
        else:
            columns[column] = j + 1
            headers[column] = str(text)
    missing = [c for c in table.columns if c not in columns and c not in OPTIONAL_COLUMNS[table.name]]
    for column in missing:
        chk.add(
            sheet,
            msg("check.column_missing", header=HEADERS[table.name][column], column=column),
            column=HEADERS[table.name][column],
        )
    if missing:
        return None
    keep = _blank_mask(frame)
    frame = frame.loc[~keep]
    rows = (np.flatnonzero(~keep) + 2).astype(int)
    data = pd.DataFrame({c: frame[j - 1].to_numpy(dtype=object) for c, j in columns.items()})
    return _Located(table, sheet, data, rows, columns, headers)


# Wide layout ------------------------------------------------------------------------------

_WIDE_CODE = {"ma chi tieu", "ma", "code", "ma so", "ma ct"}
_WIDE_NAME = {"chi tieu", "ten chi tieu", "indicator", "name", "noi dung", "ten"}
_WIDE_UNIT = {"don vi tinh", "don vi", "dvt", "unit"}
_WIDE_AREA = {"ma dia ban", "dia ban", "area"}
_WIDE_SKIP = {"stt", "tt", "ghi chu", "note", "notes"}
_YEAR_HEADER = re.compile(r"^(nam|th|thuc hien|uth|uoc|uoc th|uoc thuc hien)?\s*(\d{4})$")
_TARGET_HEADER = re.compile(
    r"^(nq|kh|mt|muc tieu|da|giao|nghi quyet|ke hoach|de an|chi tieu giao)\s*(\d{4})$"
)
_TARGET_KIND = {
    "nq": TargetKind.RESOLUTION,
    "mt": TargetKind.RESOLUTION,
    "muc tieu": TargetKind.RESOLUTION,
    "nghi quyet": TargetKind.RESOLUTION,
    "kh": TargetKind.PLAN,
    "ke hoach": TargetKind.PLAN,
    "da": TargetKind.PROGRAMME,
    "de an": TargetKind.PROGRAMME,
    "giao": TargetKind.QUOTA,
    "chi tieu giao": TargetKind.QUOTA,
}


@dataclass
class _WideColumn:
    role: WideRole
    year: int = 0
    kind: str = ""


def _wide_role(header: object) -> _WideColumn | None:
    if isinstance(header, int | float) and not isinstance(header, bool) and float(header).is_integer():
        header = str(int(header))
    text = fold(header)
    named: tuple[tuple[set[str], WideRole], ...] = (
        (_WIDE_CODE, "code"),
        (_WIDE_NAME, "name"),
        (_WIDE_UNIT, "unit"),
        (_WIDE_AREA, "area"),
    )
    for names, role in named:
        if text in names:
            return _WideColumn(role)
    if text in _WIDE_SKIP:
        return _WideColumn("skip")
    if match := _YEAR_HEADER.match(text):
        kind = ObsKind.ESTIMATE if (match.group(1) or "").startswith("u") else ObsKind.ACTUAL
        return _WideColumn("year", int(match.group(2)), kind.value)
    if match := _TARGET_HEADER.match(text):
        return _WideColumn("target", int(match.group(2)), _TARGET_KIND[match.group(1)].value)
    return None


def _wide_header(grid: list[list[object]]) -> tuple[int, list[_WideColumn | None]] | None:
    """The header row of a wide sheet (within the first 10 rows) and each column's role."""
    for i, row in enumerate(grid[:10]):
        roles = [_wide_role(v) if not _is_blank(v) else None for v in row]
        kinds = {r.role for r in roles if r}
        if "code" in kinds and kinds & {"year", "target"}:
            return i, roles
    return None


def _read_wide(
    grid: list[list[object]], sheet: str, header_at: int, roles: list[_WideColumn | None], chk: _Checker
) -> tuple[_Located, _Located]:
    """A wide sheet melted to long rows (observations and targets), each value with its cell."""
    header = grid[header_at]
    code_col = next(j for j, r in enumerate(roles) if r and r.role == "code")
    area_col = next((j for j, r in enumerate(roles) if r and r.role == "area"), None)
    unit_col = next((j for j, r in enumerate(roles) if r and r.role == "unit"), None)
    for j, role in enumerate(roles):
        if role is None and not _is_blank(header[j]):
            chk.add(
                sheet,
                msg("check.wide_column_ignored", header=header[j]),
                row=header_at + 1,
                col=j + 1,
                column=str(header[j]),
                value=header[j],
                severity="warning",
            )
        elif role and role.role in ("year", "target") and not YEAR_MIN <= role.year <= YEAR_MAX:
            chk.add(
                sheet,
                msg("check.wide_year_out_of_range", year=role.year, first=YEAR_MIN, last=YEAR_MAX),
                row=header_at + 1,
                col=j + 1,
                column=str(header[j]),
                value=header[j],
            )
    width = max(len(r) for r in grid)
    frame = _frame_of(grid, header_at + 1, width)
    value_cols = [j for j, r in enumerate(roles) if r and r.role in ("year", "target")]
    records: dict[str, list[list[object]]] = {"obs": [], "tgt": []}
    for i, raw in enumerate(frame.itertuples(index=False, name=None)):
        row = header_at + 2 + i
        filled = [j for j in value_cols if not _is_blank(raw[j])]
        code = raw[code_col]
        if not filled:
            continue  # a title row ("I. KINH TẾ") or an indicator with no figure yet
        area = raw[area_col] if area_col is not None and not _is_blank(raw[area_col]) else DEFAULT_AREA
        unit = raw[unit_col] if unit_col is not None else ""
        for j in filled:
            role = roles[j]
            assert role is not None  # filled holds only year and target columns
            entry = [code, area, role.year, role.kind, raw[j], unit, row, j + 1, code_col + 1]
            records["obs" if role.role == "year" else "tgt"].append(entry)
    located = []
    for key, table, kind_column in (("obs", OBSERVATIONS, "kind"), ("tgt", TARGETS, "target_kind")):
        rows = records[key]
        columns = ["code", "area", "year", kind_column, "value", "unit", "_row", "_col", "_code_col"]
        data = pd.DataFrame(rows, columns=columns, dtype=object)
        loc = _Located(
            table,
            sheet,
            data[["code", "area", "year", kind_column, "value", "unit"]].reset_index(drop=True),
            data["_row"].to_numpy(dtype=int),
            {"code": code_col + 1, "area": (area_col + 1) if area_col is not None else 0},
            {"code": str(header[code_col]), "area": str(header[area_col]) if area_col is not None else ""},
            {
                "value": data["_col"].to_numpy(dtype=int),
                "year": data["_col"].to_numpy(dtype=int),
                kind_column: data["_col"].to_numpy(dtype=int),
            },
        )
        # The header row names the year and the kind: a problem there points at the header cell.
        loc.headers.update({"value": "", "year": "", kind_column: ""})
        located.append(loc)
    return located[0], located[1]


# Column checks ------------------------------------------------------------------------------


def _text(value: object) -> str:
    """A text cell's content; numbers typed into a text column lose their ".0"; dates become ISO."""
    if value is None:
        return ""
    if isinstance(value, float):
        if np.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _texts(values: pd.Series) -> pd.Series:
    if pd.api.types.infer_dtype(values, skipna=False) == "string":
        # A plain loop beats .str.strip(), which converts to Arrow strings and back.
        return pd.Series([v.strip() for v in values.to_numpy(dtype=object)], index=values.index, dtype=object)
    return values.map(_text).astype(object)


def _check_vocabulary(loc: _Located, column: str, chk: _Checker) -> None:
    vocab = excel.vocabulary_map(loc.table.name, column)
    if vocab is None or column not in loc.frame:
        return
    texts = _texts(loc.frame[column])
    uniques = pd.unique(texts.to_numpy(dtype=object))
    lookup = {u: vocab.get(fold(u)) for u in uniques}
    mapped = texts.map(lookup)
    bad = np.flatnonzero(mapped.isna().to_numpy())
    allowed = ", ".join(v for v in excel.VOCABULARIES[(loc.table.name, column)] if v)
    chk.at(
        loc,
        column,
        bad,
        msg("check.not_in_vocabulary", allowed=allowed),
    )
    loc.frame[column] = mapped.where(mapped.notna(), texts)


def _check_required_text(loc: _Located, column: str, chk: _Checker) -> None:
    if column not in loc.frame:
        return
    texts = _texts(loc.frame[column])
    loc.frame[column] = texts
    bad = np.flatnonzero((texts == "").to_numpy())
    chk.at(loc, column, bad, msg("check.required_empty"))


def _year_of(value: object) -> int | None:
    if isinstance(value, bool | date | datetime | time | timedelta):
        return None
    if isinstance(value, int | float | np.integer | np.floating):
        number = float(value)
        return int(number) if number.is_integer() else None
    if isinstance(value, str) and re.fullmatch(r"\s*\d{1,4}\s*", value):
        return int(value)
    return None


def _check_years(loc: _Located, column: str, chk: _Checker, required: bool) -> None:
    if column not in loc.frame:
        return
    raw = loc.frame[column]
    values = raw.to_numpy(dtype=object)
    blank = _blank_cells(values)
    filled = np.flatnonzero(~blank)
    if pd.api.types.infer_dtype(values[filled], skipna=False) in ("floating", "integer"):
        numeric = ~blank
    else:
        numeric = np.fromiter((type(v) in (float, int) for v in values), bool, len(values))
    years = np.full(len(raw), np.nan)
    if numeric.any():
        numbers = values[numeric].astype("float64")
        years[numeric] = np.where(numbers % 1 == 0, numbers, np.nan)
    # Text, dates and the like are few: one by one.
    for i in np.flatnonzero(~numeric & ~blank):
        year = _year_of(values[i])
        years[i] = np.nan if year is None else year
    not_year = np.isnan(years) & ~blank
    outside = ~np.isnan(years) & ((years < YEAR_MIN) | (years > YEAR_MAX))
    chk.at(
        loc,
        column,
        np.flatnonzero(not_year),
        msg("check.not_a_year", first=YEAR_MIN, last=YEAR_MAX),
    )
    chk.at(
        loc,
        column,
        np.flatnonzero(outside),
        msg("check.year_out_of_range", first=YEAR_MIN, last=YEAR_MAX),
    )
    if required:
        chk.at(loc, column, np.flatnonzero(blank), msg("check.year_missing"))
    years[outside] = np.nan
    loc.frame[column] = years


def _check_numbers(loc: _Located, column: str, chk: _Checker) -> None:
    """Numbers pass; text numbers are read in the Vietnamese convention and listed; the rest refused."""
    raw = loc.frame[column]
    out = np.full(len(raw), np.nan)
    kind = pd.api.types.infer_dtype(raw, skipna=False)
    if kind in ("floating", "integer"):
        out[:] = raw.astype("float64").to_numpy()
        loc.frame[column] = out
        missing = np.flatnonzero(np.isnan(out))
        chk.at(loc, column, missing, msg("check.value_missing"))
        return
    problems: dict[str, list[int]] = {"empty": [], "not_number": [], "ambiguous": []}
    for i, value in enumerate(raw.to_numpy(dtype=object)):
        if isinstance(value, float) and not np.isnan(value):
            out[i] = value
            continue
        parsed = parse_number(value)
        if parsed.value is None:
            problems[parsed.issue or "not_number"].append(i)
            continue
        out[i] = parsed.value
        if isinstance(value, str):
            row = int(loc.rows[i])
            col = int(loc.col(column, np.array([i]))[0])
            header = loc.headers.get(column) or HEADERS[loc.table.name][column]
            chk.conversions.append((loc.sheet, _cell(row, col), header, value, parsed.value))
    chk.at(loc, column, problems["empty"], msg("check.value_missing"))
    chk.at(
        loc,
        column,
        problems["not_number"],
        msg("check.not_a_number"),
    )
    chk.at(
        loc,
        column,
        problems["ambiguous"],
        msg("check.ambiguous_number"),
    )
    loc.frame[column] = out


def _check_flags(loc: _Located, column: str, chk: _Checker) -> None:
    if column not in loc.frame:
        return
    words = loc.frame[column].map(
        lambda v: fold(_text(v)) if not isinstance(v, bool) else ("true" if v else "")
    )
    bad = np.flatnonzero(~words.isin(_TRUE | _FALSE).to_numpy())
    chk.at(loc, column, bad, msg("check.flag"))
    loc.frame[column] = words.isin(_TRUE)


def _check_columns(loc: _Located, chk: _Checker) -> None:
    """Each column by its type: vocabularies, required text, years, numbers, flags."""
    table = loc.table
    for column in table.columns:
        if column not in loc.frame:
            continue
        if (table.name, column) in excel.VOCABULARIES:
            _check_vocabulary(loc, column, chk)
        elif column in ("year", "base_year"):
            _check_years(loc, column, chk, required=column == "year")
        elif column in excel.VALUE_COLUMNS:
            _check_numbers(loc, column, chk)
        elif column == "derived":
            _check_flags(loc, column, chk)
        elif column in ("code", "area", "name_vi") or (table is AREAS and column == "name"):
            _check_required_text(loc, column, chk)
        else:
            loc.frame[column] = _texts(loc.frame[column])


def _check_duplicates(loc: _Located, chk: _Checker) -> None:
    key = [c for c in loc.table.key if c in loc.frame]
    frame = loc.frame[key]
    dup = frame.duplicated(keep=False).to_numpy()
    if not dup.any():
        return
    first_row: dict[tuple, int] = {}
    repeats = []
    for pos in np.flatnonzero(dup):
        values = tuple(frame.iloc[pos])
        if values in first_row:
            repeats.append((pos, first_row[values]))
        else:
            first_row[values] = int(loc.rows[pos])
    names = ", ".join(HEADERS[loc.table.name][c] for c in key)
    for pos, other in repeats:
        chk.at(
            loc,
            key[0],
            [int(pos)],
            msg("check.duplicate_row", other=other, names=names),
            values=[f"{' / '.join(_text(v) for v in frame.iloc[pos])}"],
        )


def _check_references(loc: _Located, codes: set[str], areas: set[str], chk: _Checker) -> None:
    if loc.table in FIGURE_TABLES:
        bad = np.flatnonzero(~loc.frame["code"].isin(codes).to_numpy() & (loc.frame["code"] != "").to_numpy())
        chk.at(
            loc,
            "code",
            bad,
            msg("check.unknown_code"),
        )
    column = "parent" if loc.table is AREAS else "area"
    if column in loc.frame:
        values = loc.frame[column]
        known = values.isin(areas).to_numpy() | (values == "").to_numpy()
        chk.at(
            loc,
            column,
            np.flatnonzero(~known),
            msg("check.unknown_area"),
        )


def _check_domain(loc: _Located, catalogue: pd.DataFrame, chk: _Checker) -> None:
    """Shares above 100 % and negative counts are refused; changes may be anything."""
    if loc.table is REPORTED or loc.frame.empty:
        return
    info = catalogue.set_index("code")
    kind = loc.frame["code"].map(info["value_kind"])
    unit = loc.frame["code"].map(info["unit"]).fillna("").astype(str).str.strip()
    value = pd.to_numeric(loc.frame["value"], errors="coerce")
    if loc.table is OBSERVATIONS:
        level = ~loc.frame["kind"].isin([ObsKind.CHANGE.value, ObsKind.CHANGE_PER_YEAR.value])
    elif "comparator" in loc.frame:
        level = loc.frame["comparator"] != Comparator.REDUCE_BY.value
    else:
        # Wide target columns: a reduction target keeps its comparator from the current row.
        level = pd.Series(True, index=loc.frame.index)
    share = (kind == ValueKind.SHARE.value) & (unit == "%") & level & (value > 100)
    chk.at(
        loc,
        "value",
        np.flatnonzero(share.to_numpy()),
        msg("check.share_over_100"),
    )
    counts = kind.isin([ValueKind.COUNT.value, ValueKind.TERM_TOTAL.value]) & level & (value < 0)
    chk.at(
        loc,
        "value",
        np.flatnonzero(counts.to_numpy()),
        msg("check.negative_count"),
    )


# Wide layout → complete rows ------------------------------------------------------------------


def _complete_wide(
    loc: _Located, current: pd.DataFrame, catalogue: pd.DataFrame, chk: _Checker
) -> pd.DataFrame:
    """Wide rows as full table rows: what the file does not say comes from the current row."""
    table = loc.table
    frame = loc.frame.copy()
    frame["year"] = frame["year"].astype("int64")
    info = catalogue.set_index("code")
    if "unit" in frame:
        given = frame["unit"].map(lambda v: fold(_text(v)))
        known = frame["code"].map(info["unit"]).map(lambda v: fold(v) if isinstance(v, str) else "")
        differs = np.flatnonzero(((given != "") & (known != "") & (given != known)).to_numpy())
        seen: set[str] = set()
        for pos in differs:
            code = frame["code"].iloc[pos]
            if code in seen:
                continue
            seen.add(code)
            unit = info["unit"].get(code, "")
            written = _text(frame["unit"].iloc[pos])
            chk.add(
                loc.sheet,
                msg("check.unit_differs", written=written, unit=unit, code=code),
                row=int(loc.rows[pos]),
                col=0,
                column="unit",
                value=frame["unit"].iloc[pos],
                severity="warning",
            )
        frame = frame.drop(columns="unit")
    key = list(table.key)
    merged = frame.merge(current, on=key, how="left", suffixes=("", "_old"), indicator=True)
    old = merged["_merge"].eq("both")
    same = old & np.isclose(merged["value"].astype(float), merged["value_old"].astype(float))
    out = pd.DataFrame({c: merged[c] for c in key})
    out["value"] = merged["value"].astype(float)
    for column in table.columns:
        if column in out:
            continue
        if column in merged:
            kept = merged[column]
            if column in ("section", "quote", "qualifier"):
                # A quote supports the old figure only; a new figure has none until someone adds it.
                kept = kept.where(same, "")
            out[column] = kept
        else:
            out[column] = pd.NA
    if table is TARGETS:
        lower = out["code"].map(info["direction"]).eq(Direction.LOWER.value)
        derived = np.where(lower, Comparator.AT_MOST.value, Comparator.AT_LEAST.value)
        out["comparator"] = out["comparator"].where(old & out["comparator"].notna(), derived)
        year = out["year"].astype(int)
        multi = out["target_kind"].isin([TargetKind.RESOLUTION.value, TargetKind.PROGRAMME.value])
        term = np.where(multi, (year - 5).astype(str) + "-" + year.astype(str), year.astype(str))
        out["term"] = out["term"].where(old & out["term"].notna(), term)
        out["derived"] = out["derived"].where(old & out["derived"].notna(), False).astype(bool)
        # A value typed by an office is stated, not derived from a printed %.
        out.loc[~same.to_numpy(), "derived"] = False
    return out


# The whole check ---------------------------------------------------------------------------


def _refused(upload: Upload, refusal: Refusal) -> Upload:
    upload.problems.append(Problem("", "", refusal.part, upload.file_name, refusal.message))
    return upload


def check(data: bytes, file_name: str, current: Dataset, limits: Limits | None = None) -> Upload:
    """Every problem of an uploaded workbook at once, and its tables when there is none."""
    upload = Upload(file_name=file_name, sha256=hashlib.sha256(data).hexdigest())
    # Safety first: nothing below parses a byte the guard has not passed.
    facts = xlsx_guard.inspect(data, limits)
    if isinstance(facts, Refusal):
        return _refused(upload, facts)
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except (python_calamine.CalamineError, ValueError, OSError) as exc:
        return _refused(upload, _damaged(exc))
    chk = _Checker()
    names = list(book.sheet_names)
    if facts.macros:
        chk.add("", msg("check.macros"), severity="warning")
    try:
        _check_book(book, facts, current, upload, chk)
    except (python_calamine.CalamineError, ValueError, OSError) as exc:
        return _refused(upload, _damaged(exc))
    finally:
        book.close()
    order = {name: i + 1 for i, name in enumerate(names)}
    upload.problems = sorted(
        chk.problems, key=lambda p: (p.severity != "error", order.get(p.sheet, 0), p.row, p.col)
    )
    if chk.conversions:
        upload.conversions = pd.DataFrame(chk.conversions, columns=list(CONVERSION_COLUMNS))
    if not upload.ok:
        upload.frames = {}
    return upload


def _damaged(exc: Exception) -> Refusal:
    detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return Refusal(
        msg("refuse.unreadable", detail=detail),
    )


@dataclass
class _Layout:
    """Where an upload's tables are: sheets by table (long layout) or wide sheets with their headers."""

    sheets: _Sheets
    found: dict[str, str]  # table name → sheet (long layout)
    wide: dict[str, tuple[int, list[_WideColumn | None]]]  # sheet → header row and column roles
    grids: dict[str, list[list[object]]]  # the cells of every sheet that is not a long-layout table


def _find_layout(
    book: python_calamine.CalamineWorkbook, facts: Facts, upload: Upload, chk: _Checker
) -> _Layout:
    """Long (the template's sheets) or wide (an office's table); sheets that hold nothing to read."""
    parsed = _Sheets(book)
    sheets = book.sheet_names
    found = excel.sheet_map(sheets)
    instructions = [s for s in sheets if fold(s) == fold(INSTRUCTIONS_SHEET)]
    others = [s for s in sheets if s not in found.values() and s not in instructions]
    grids = {s: parsed.grid(s) for s in others}
    wide = {s: h for s in others if (h := _wide_header(grids[s])) is not None}
    if any(t.name in found for t in FIGURE_TABLES) or not wide:
        upload.layout = "long"
        for table in TABLES:
            if table.name not in found:
                chk.add(
                    table.sheet,
                    msg("check.sheet_missing", sheet=table.sheet, header=HEADERS[table.name]["code"]),
                )
        unused = others
    else:
        upload.layout = "wide"
        unused = [s for s in others if s not in wide]
    for sheet in instructions:
        _sheet_facts(facts, sheet, chk, data_sheet=False)
    for sheet in unused:
        _sheet_facts(facts, sheet, chk, data_sheet=False)
        if not all(all(_is_blank(v) for v in row) for row in grids[sheet]):
            chk.add(sheet, msg("check.sheet_ignored", sheet=sheet), severity="warning")
    return _Layout(parsed, found, wide if upload.layout == "wide" else {}, grids)


def _read_tables(
    layout: _Layout, facts: Facts, wide_layout: bool, chk: _Checker
) -> dict[str, list[_Located]]:
    """Every table the layout holds, read cell by cell, with the facts of the sheets read."""
    located: dict[str, list[_Located]] = {}
    for table in TABLES:
        if table.name not in layout.found or (wide_layout and table in FIGURE_TABLES):
            continue
        sheet = layout.found[table.name]
        _sheet_facts(facts, sheet, chk, data_sheet=True)
        _merged(layout.sheets, sheet, 1, chk)
        loc = _read_long(layout.sheets.grid(sheet), table, sheet, chk)
        if loc is not None:
            located.setdefault(table.name, []).append(loc)
    for sheet, (header_at, roles) in layout.wide.items():
        _sheet_facts(facts, sheet, chk, data_sheet=True)
        _merged(layout.sheets, sheet, header_at + 1, chk)
        for loc in _read_wide(layout.grids[sheet], sheet, header_at, roles, chk):
            located.setdefault(loc.table.name, []).append(loc)
    return located


def _check_tables(located: dict[str, list[_Located]], current: Dataset, chk: _Checker) -> pd.DataFrame:
    """Each column, then the tables against each other and the current data; the catalogue used."""
    for locs in located.values():
        for loc in locs:
            _check_columns(loc, chk)
            _check_duplicates(loc, chk)
    catalogue = _effective(current.indicators, located.get(INDICATORS.name, []))
    areas = _effective(current.areas, located.get(AREAS.name, []))
    codes, area_codes = set(catalogue["code"]), set(areas["code"])
    for table_name, locs in located.items():
        for loc in locs:
            if table_name != INDICATORS.name:
                _check_references(loc, codes, area_codes, chk)
            if loc.table in FIGURE_TABLES:
                _check_domain(loc, catalogue, chk)
    return catalogue


def _frames(
    located: dict[str, list[_Located]], current: Dataset, catalogue: pd.DataFrame, wide: bool, chk: _Checker
) -> dict[str, pd.DataFrame]:
    """The tables as the store takes them; wide rows completed from the current data."""
    frames = {}
    for table_name, locs in located.items():
        table = next(t for t in TABLES if t.name == table_name)
        parts = [
            _complete_wide(loc, current.frame(table), catalogue, chk)
            if wide and table in FIGURE_TABLES
            else loc.frame
            for loc in locs
        ]
        frames[table_name] = coerce(table, pd.concat(parts, ignore_index=True))
    return frames


def _check_book(
    book: python_calamine.CalamineWorkbook, facts: Facts, current: Dataset, upload: Upload, chk: _Checker
) -> None:
    # Find the layout.
    layout = _find_layout(book, facts, upload, chk)
    wide = upload.layout == "wide"

    # Read the sheets and check them.
    located = _read_tables(layout, facts, wide, chk)
    catalogue = _check_tables(located, current, chk)
    if wide and not any(len(loc.frame) for t in FIGURE_TABLES for loc in located.get(t.name, [])):
        chk.add(next(iter(layout.wide)), msg("check.wide_empty"))
    if any(p.severity == "error" for p in chk.problems):
        return

    # Save outputs.
    upload.frames = _frames(located, current, catalogue, wide, chk)


def _effective(current: pd.DataFrame, locs: list[_Located]) -> pd.DataFrame:
    """The catalogue an upload is checked against: the file's rows over the current ones."""
    if not locs:
        return current
    upload = pd.concat([loc.frame for loc in locs], ignore_index=True)
    kept = current[~current["code"].isin(upload["code"])]
    return pd.concat([kept, upload[[c for c in upload.columns if c in current.columns]]], ignore_index=True)


def report_frame(problems: Iterable[Problem], lang: Lang = "vi") -> pd.DataFrame:
    """Problems as a table for people: severity, sheet, cell, column, value, message."""
    rows = [
        (t(f"severity.{p.severity}", lang), p.sheet, p.cell, p.column, p.value, p.message(lang))
        for p in problems
    ]
    return pd.DataFrame(rows, columns=list(REPORT_COLUMNS))


def report_text(upload: Upload, lang: Lang = "vi") -> str:
    """The report as plain lines for the command line: one problem a line, errors first."""
    lines = []
    for p in upload.problems:
        where = " ".join(x for x in (p.sheet, p.cell) if x)
        column = f" [{p.column}]" if p.column else ""
        value = f" “{p.value}”" if p.value else ""
        label = t(f"severity.{p.severity}", lang).upper()
        lines.append(f"{label} {where}{column}{value}: {p.message(lang)}".replace("  ", " "))
    return "\n".join(lines)
