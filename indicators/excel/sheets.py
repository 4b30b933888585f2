"""Reading an uploaded workbook's sheets into tables, cell by cell: long and wide layouts, hidden
parts, merged cells; every problem met is collected as data (a Problem with a Message)."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
import python_calamine
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, get_column_letter
from openpyxl.utils.exceptions import CellCoordinatesException

from indicators.core.model import (
    OBSERVATIONS,
    TARGETS,
    YEAR_MAX,
    YEAR_MIN,
    ObsKind,
    Table,
    TargetKind,
)
from indicators.excel import workbook as excel
from indicators.excel.guard import Facts
from indicators.excel.workbook import HEADERS, OPTIONAL_COLUMNS, fold
from indicators.text import fmt
from indicators.text.fmt import Lang
from indicators.text.i18n import Message, msg

Severity = Literal["error", "warning"]
# A wide sheet without an area column is about the district.
DEFAULT_AREA = "106"  # the former Tam Đường district, whose report the workbook carries
WideRole = Literal["code", "name", "unit", "area", "year", "note", "target", "skip"]


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

    def message(self, lang: Lang = "vi", where: str | None = None) -> str:
        """The message in the reader's language, naming its cell ("SoLieu!F7") and value where it says
        them; `where` names the place otherwise (a row of the entry grid)."""
        place = where if where is not None else (f"{self.sheet}!{self.cell}" if self.sheet else self.cell)
        return self.words.text(lang, where=place, value=f"“{self.value}”")

    @property
    def message_vi(self) -> str:
        """The message in Vietnamese."""
        return self.message("vi")

    @property
    def message_en(self) -> str:
        """The message in English."""
        return self.message("en")


def value_text(value: object) -> str:
    """A cell's content as the report shows it."""
    if type(value) is str:  # the common case first: most problem cells hold text
        return value
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | np.integer | np.floating):
        return fmt.number(float(value), "vi")
    return str(value)


def cell_name(row: int, col: int) -> str:
    """The Excel name of a cell, "B7"; a column alone, "B"; "" when neither is known."""
    return f"{get_column_letter(col)}{row}" if row and col else (get_column_letter(col) if col else "")


# Reading -----------------------------------------------------------------------------------


@dataclass
class Located:
    """A table read from one sheet: raw cells per canonical column and where each cell lives."""

    table: Table
    sheet: str
    frame: pd.DataFrame  # canonical columns, raw cell contents (object)
    rows: np.ndarray  # the Excel row of each frame row
    columns: dict[str, int]  # canonical column → Excel column number
    headers: dict[str, str]  # canonical column → the header as written in the file
    # Wide layout: the value (and year) of each row comes from a different column.
    cell_columns: dict[str, np.ndarray] = field(default_factory=dict)
    # Frame position → a yes/no word read as 1 or 0 in the value column: kept only for a yes/no indicator.
    yes_no_words: dict[int, str] = field(default_factory=dict)

    def col(self, column: str, positions: np.ndarray) -> np.ndarray:
        """The Excel column number of `column` at frame positions."""
        if column in self.cell_columns:
            return self.cell_columns[column][positions]
        return np.full(len(positions), self.columns.get(column, 0))


class Checker:
    """Collects problems while one upload is read; one instance per upload."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.conversions: list[tuple[str, str, str, str, float]] = []
        self.bad_cells: set[tuple[str, int, int]] = set()
        self.unit_warned: set[tuple[str, str]] = set()  # (sheet, code): a unit warned about once
        self.yes_no: frozenset[str] = frozenset()  # indicators whose figure is "Đạt" or "Chưa đạt"

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
        """One problem at one cell (or none), in the words of `message`."""
        self.problems.append(
            Problem(sheet, cell_name(row, col), column, value_text(value), message, severity, row, col)
        )

    def at(
        self,
        loc: Located,
        column: str,
        positions: Iterable[int] | np.ndarray,
        message: Message | list[Message],
        values: Iterable[object] | None = None,
    ) -> None:
        """One error per position of a located table, at the cell of `column`.

        `message` is one for every position, or a list with one message per position.
        """
        positions = np.asarray(list(positions) if not isinstance(positions, np.ndarray) else positions, int)
        if not len(positions):
            return
        cols = loc.col(column, positions)
        raw = loc.frame[column].to_numpy(dtype=object)[positions] if values is None else list(values)
        header = loc.headers.get(column, HEADERS[loc.table.name].get(column, column))
        rows = loc.rows[positions].tolist()
        messages = message if isinstance(message, list) else [message] * len(rows)
        for row, col, value, words in zip(rows, cols.tolist(), raw, messages, strict=True):
            key = (loc.sheet, int(row), int(col))
            if key in self.bad_cells:
                continue
            self.bad_cells.add(key)
            self.add(loc.sheet, words, row=int(row), col=int(col), column=header, value=value)


def is_blank(value: object) -> bool:
    """True for an empty cell: nothing, or only spaces."""
    return value is None or (isinstance(value, str) and value.strip() == "")


def blank_cells(values: np.ndarray) -> np.ndarray:
    """True for empty cells: calamine's "" for an empty cell, and whitespace-only text."""
    column = pd.Series(values, dtype=object)
    kind = pd.api.types.infer_dtype(column, skipna=False)
    if kind == "string":
        # Whitespace is what str.strip takes: a cell is blank when nothing is left, looked at in C.
        return np.fromiter(map(operator.not_, map(str.strip, values)), bool, len(values))
    if kind in ("floating", "integer"):
        return column.isna().to_numpy()
    return column.map(is_blank).to_numpy(dtype=bool)


class Sheets:
    """Each sheet of the book parsed once by calamine: its cells and its merged ranges."""

    def __init__(self, book: python_calamine.CalamineWorkbook) -> None:
        self.book = book
        self._sheets: dict[str, python_calamine.CalamineSheet] = {}
        self._grids: dict[str, list[list[Any]]] = {}  # cells as calamine types them

    def sheet(self, name: str) -> python_calamine.CalamineSheet:
        """A worksheet by name, opened once."""
        if name not in self._sheets:
            self._sheets[name] = self.book.get_sheet_by_name(name)
        return self._sheets[name]

    def grid(self, name: str) -> list[list[Any]]:
        """A worksheet's cells as rows, read once."""
        if name not in self._grids:
            # skip_empty_area=False keeps row 1 as row 1, so cell names match what Excel shows.
            self._grids[name] = self.sheet(name).to_python(skip_empty_area=False)
        return self._grids[name]


def check_merged(sheets: Sheets, sheet: str, header_row: int, chk: Checker) -> None:
    """Merged cells at or below the header row hide values in all but one cell: refused."""
    for (r0, c0), (r1, c1) in sheets.sheet(sheet).merged_cell_ranges or []:
        if r1 + 1 < header_row:
            continue
        ref = f"{cell_name(r0 + 1, c0 + 1)}:{cell_name(r1 + 1, c1 + 1)}"
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


def check_sheet_facts(facts: Facts, sheet: str, chk: Checker, data_sheet: bool) -> None:
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
        row, col = split_ref(ref)
        chk.bad_cells.add((sheet, row, col))
        chk.add(
            sheet,
            msg("check.formula_without_value"),
            row=row,
            col=col,
            value="=…",
        )
    for ref, text in info.error_cells:
        row, col = split_ref(ref)
        chk.bad_cells.add((sheet, row, col))
        chk.add(
            sheet,
            msg("check.formula_error", text=text),
            row=row,
            col=col,
            value=text,
        )


def split_ref(ref: str) -> tuple[int, int]:
    """ "B7" → (7, 2); (0, 0) for anything else."""
    try:
        letters, row = coordinate_from_string(ref.upper())
        return row, column_index_from_string(letters)
    except (CellCoordinatesException, ValueError):
        return 0, 0


def cells_of(grid: list[list[object]], start: int, width: int) -> np.ndarray:
    """Rows from `start` on as an object array of `width` columns, short rows padded with ""."""
    body = grid[start:]
    if not body:
        return np.empty((0, width), dtype=object)
    if set(map(len, body)) != {width}:
        body = [row + [""] * (width - len(row)) for row in body]
    # One C-level copy into an object array; a DataFrame from a list of lists is slower.
    cells = np.empty((len(body), width), dtype=object)
    cells[:] = body
    return cells


def frame_of(grid: list[list[object]], start: int, width: int) -> pd.DataFrame:
    """Rows from `start` on as a frame of `width` columns, short rows padded with ""."""
    return pd.DataFrame(cells_of(grid, start, width), columns=range(width), copy=False)


def blank_rows(cells: np.ndarray) -> np.ndarray:
    """True for rows of a cell array where every cell is empty."""
    blank = np.zeros(len(cells), bool)
    # Column by column over the rows still blank so far: after the first filled column
    # (the code, usually) almost nothing is left to look at.
    candidates = np.arange(len(cells))
    for j in range(cells.shape[1]):
        if not len(candidates):
            return blank
        candidates = candidates[blank_cells(cells[candidates, j])]
    blank[candidates] = True
    return blank


def _long_header(
    header: list[object], cells: np.ndarray, width: int, table: Table, sheet: str, chk: Checker
) -> tuple[dict[str, int], dict[str, str]]:
    """Row 1 of a long sheet: each recognised header's column number and text as written."""
    mapping = excel.header_map(table)
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    for j in range(width):
        text = header[j] if j < len(header) else ""
        if is_blank(text):
            if j < cells.shape[1] and not blank_rows(cells[:, [j]]).all():
                chk.add(sheet, msg("check.column_without_header"), row=1, col=j + 1)
            continue
        column = mapping.get(fold(text))
        if column is None:
            expected = ", ".join(HEADERS[table.name].values())
            message = msg("check.header_unknown", text=text, expected=expected)
            chk.add(sheet, message, row=1, col=j + 1, column=str(text), value=text)
        elif column in columns:
            message = msg("check.header_repeated", text=text, other=get_column_letter(columns[column]))
            chk.add(sheet, message, row=1, col=j + 1, column=str(text), value=text)
        else:
            columns[column] = j + 1
            headers[column] = str(text)
    return columns, headers


def read_long(grid: list[list[object]], table: Table, sheet: str, chk: Checker) -> Located | None:
    """One sheet of the long layout: header row 1, one row per figure."""
    if not grid or all(is_blank(v) for v in grid[0]):
        chk.add(sheet, msg("check.no_header_row"), row=1)
        return None
    width = max(map(len, grid))
    # The cells as one array: the header, the blank rows and the columns kept are all read from it.
    cells = cells_of(grid, 1, width)
    columns, headers = _long_header(grid[0], cells, width, table, sheet, chk)
    missing = [c for c in table.columns if c not in columns and c not in OPTIONAL_COLUMNS[table.name]]
    for column in missing:
        chk.add(
            sheet,
            msg("check.column_missing", header=HEADERS[table.name][column], column=column),
            column=HEADERS[table.name][column],
        )
    if missing:
        return None
    keep = blank_rows(cells)
    filled = cells[~keep]
    rows = (np.flatnonzero(~keep) + 2).astype(int)
    # Cells as calamine gives them (object): each column is checked and typed next (check_columns),
    # and pandas' own typing of text columns as Arrow strings, undone there, was a third of the read.
    data = pd.DataFrame({c: filled[:, j - 1] for c, j in columns.items()}, dtype=object, copy=False)
    return Located(table, sheet, data, rows, columns, headers)


# Wide layout ------------------------------------------------------------------------------

_WIDE_CODE = {"ma chi tieu", "ma", "code", "ma so", "ma ct"}
_WIDE_NAME = {"chi tieu", "ten chi tieu", "indicator", "name", "noi dung", "ten"}
_WIDE_UNIT = {"don vi tinh", "don vi", "dvt", "unit"}
_WIDE_AREA = {"ma dia ban", "dia ban", "area"}
_WIDE_SKIP = {"stt", "tt", "ghi chu", "note", "notes"}
_YEAR_HEADER = re.compile(r"^(nam|th|thuc hien|uth|uoc|uoc th|uoc thuc hien)?\s*(\d{4})$")
# The note of one year's figures: "Ghi chú 2021" (official), "Ghi chú UTH 2021" (estimate).
_NOTE_HEADER = re.compile(r"^(?:ghi chu|note)\s+(th|thuc hien|uth|uoc|uoc th|uoc thuc hien)?\s*(\d{4})$")
_TARGET_HEADER = re.compile(
    r"^(nq|kh|mt|muc tieu|da|giao|nghi quyet|ke hoach|de an|chi tieu giao)\s*(\d{4})$"
)
_TARGET_KIND = {
    "nq": TargetKind.RESOLUTION,
    "mt": TargetKind.GOALS,
    "muc tieu": TargetKind.GOALS,
    "nghi quyet": TargetKind.RESOLUTION,
    "kh": TargetKind.PLAN,
    "ke hoach": TargetKind.PLAN,
    "da": TargetKind.PROGRAMME,
    "de an": TargetKind.PROGRAMME,
    "giao": TargetKind.QUOTA,
    "chi tieu giao": TargetKind.QUOTA,
}


@dataclass
class WideColumn:
    """What one column of a wide sheet holds: a role, and for years and targets which."""

    role: WideRole
    year: int = 0
    kind: str = ""


def wide_role(header: object) -> WideColumn | None:
    """The role of a wide sheet's column from its header; None when not recognised."""
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
            return WideColumn(role)
    if text in _WIDE_SKIP:
        return WideColumn("skip")
    if match := _YEAR_HEADER.match(text):
        kind = ObsKind.ESTIMATE if (match.group(1) or "").startswith("u") else ObsKind.ACTUAL
        return WideColumn("year", int(match.group(2)), kind.value)
    if match := _NOTE_HEADER.match(text):
        kind = ObsKind.ESTIMATE if (match.group(1) or "").startswith("u") else ObsKind.ACTUAL
        return WideColumn("note", int(match.group(2)), kind.value)
    if match := _TARGET_HEADER.match(text):
        return WideColumn("target", int(match.group(2)), _TARGET_KIND[match.group(1)].value)
    return None


def wide_header(grid: list[list[object]]) -> tuple[int, list[WideColumn | None]] | None:
    """The header row of a wide sheet (within the first 10 rows) and each column's role."""
    for i, row in enumerate(grid[:10]):
        roles = [wide_role(v) if not is_blank(v) else None for v in row]
        kinds = {r.role for r in roles if r}
        if "code" in kinds and kinds & {"year", "target"}:
            return i, roles
    return None


def _check_wide_header(
    header: list[object], roles: list[WideColumn | None], header_at: int, sheet: str, chk: Checker
) -> None:
    """Columns a wide sheet's header does not name (ignored, a warning) and years out of range."""
    for j, role in enumerate(roles):
        row, col, text = header_at + 1, j + 1, header[j]
        if role is None and not is_blank(text):
            message = msg("check.wide_column_ignored", header=text)
            chk.add(sheet, message, row=row, col=col, column=str(text), value=text, severity="warning")
        elif role and role.role in ("year", "target") and not YEAR_MIN <= role.year <= YEAR_MAX:
            message = msg("check.wide_year_out_of_range", year=role.year, first=YEAR_MIN, last=YEAR_MAX)
            chk.add(sheet, message, row=row, col=col, column=str(text), value=text)


def read_wide(
    grid: list[list[object]], sheet: str, header_at: int, roles: list[WideColumn | None], chk: Checker
) -> tuple[Located, Located]:
    """A wide sheet melted to long rows (observations and targets), each value with its cell."""
    header = grid[header_at]
    _check_wide_header(header, roles, header_at, sheet, chk)
    width = max(map(len, grid))
    frame = frame_of(grid, header_at + 1, width)
    records = _wide_records(frame, header_at, roles)
    where = _WideWhere.of(header, roles)
    observations = _wide_located(records["obs"], OBSERVATIONS, "kind", sheet, where)
    targets = _wide_located(records["tgt"], TARGETS, "target_kind", sheet, where)
    return observations, targets


def _first(roles: list[WideColumn | None], role: WideRole) -> int | None:
    """The first column (0-based) holding `role`, if any."""
    return next((j for j, r in enumerate(roles) if r and r.role == role), None)


def _wide_records(
    frame: pd.DataFrame, header_at: int, roles: list[WideColumn | None]
) -> dict[str, list[list[object]]]:
    """Each filled year or target cell as a record: code, area, year, kind, value, unit, note, and where
    they are (row, value column, code column, note column; columns 1-based, 0 for none)."""
    code_col = _first(roles, "code")
    area_col, unit_col = _first(roles, "area"), _first(roles, "unit")
    assert code_col is not None  # wide_header found a code column
    value_cols = [j for j, r in enumerate(roles) if r and r.role in ("year", "target")]
    # A year's note column (same year and kind) belongs to the figure beside it: column → note column.
    notes = {(r.year, r.kind): j for j, r in enumerate(roles) if r and r.role == "note"}
    note_of = {j: notes.get((r.year, r.kind), -1) for j, r in enumerate(roles) if r and r.role == "year"}
    records: dict[str, list[list[object]]] = {"obs": [], "tgt": []}
    for i, raw in enumerate(frame.itertuples(index=False, name=None)):
        row = header_at + 2 + i
        filled = [j for j in value_cols if not is_blank(raw[j])]
        code = raw[code_col]
        if not filled:
            continue  # a title row ("I. KINH TẾ") or an indicator with no figure yet
        area = raw[area_col] if area_col is not None and not is_blank(raw[area_col]) else DEFAULT_AREA
        unit = raw[unit_col] if unit_col is not None else ""
        for j in filled:
            role = roles[j]
            assert role is not None  # filled holds only year and target columns
            # A blank note cell says nothing, as a blank figure cell does: the current note stays.
            at = note_of.get(j, -1)
            at = at if at >= 0 and not is_blank(raw[at]) else -1
            note = raw[at] if at >= 0 else None
            entry = [code, area, role.year, role.kind, raw[j], unit, note, row, j + 1, code_col + 1, at + 1]
            records["obs" if role.role == "year" else "tgt"].append(entry)
    return records


@dataclass(frozen=True)
class _WideWhere:
    """A wide sheet's code, area and unit columns: their numbers (1-based, 0 for none) and headers."""

    columns: dict[str, int]
    headers: dict[str, str]

    @classmethod
    def of(cls, header: list[object], roles: list[WideColumn | None]) -> _WideWhere:
        found = {role: _first(roles, role) for role in ("code", "area", "unit")}
        return cls(
            {role: (j + 1) if j is not None else 0 for role, j in found.items()},
            {role: str(header[j]) if j is not None else "" for role, j in found.items()},
        )


def _wide_located(
    rows: list[list[object]], table: Table, kind_column: str, sheet: str, where: _WideWhere
) -> Located:
    """The records of one table as a located table: each value, year and kind at its own cell."""
    columns = ["code", "area", "year", kind_column, "value", "unit", "note", "_row", "_col", "_code_col"]
    data = pd.DataFrame(rows, columns=[*columns, "_note_col"], dtype=object)
    # Only figures with a note written beside them carry one; the others keep the current note.
    kept = ["code", "area", "year", kind_column, "value", "unit"] + (
        ["note"] if table is OBSERVATIONS else []
    )
    loc = Located(
        table,
        sheet,
        data[kept].reset_index(drop=True),
        data["_row"].to_numpy(dtype=int),
        dict(where.columns),
        dict(where.headers),
        {
            "value": data["_col"].to_numpy(dtype=int),
            "year": data["_col"].to_numpy(dtype=int),
            kind_column: data["_col"].to_numpy(dtype=int),
            "note": data["_note_col"].to_numpy(dtype=int),
        },
    )
    # The header row names the year and the kind: a problem there points at the header cell.
    loc.headers.update({"value": "", "year": "", kind_column: ""})
    return loc
