"""Checks an uploaded workbook and returns its problems as data: sheet, cell, column, value, message.

The steps: xlsx_guard (the bytes, before any parser), upload_sheets (the sheets read into
tables, cell by cell), upload_cells (each column and table checked); here they run in order.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd
import python_calamine

from indicators.areas import dates as area_dates
from indicators.core.model import (
    AGGREGATION,
    AREA_LINKS,
    AREAS,
    INDICATORS,
    TABLES,
    Dataset,
    Table,
    ValueKind,
    coerce,
)
from indicators.excel import guard as xlsx_guard
from indicators.excel import isolation
from indicators.excel import workbook as excel
from indicators.excel.cells import (
    FIGURE_TABLES,
    check_columns,
    check_domain,
    check_duplicates,
    check_references,
    effective,
    official_codes,
)
from indicators.excel.guard import Facts, Limits, Refusal
from indicators.excel.sheets import (
    Checker,
    Located,
    Problem,
    Severity,
    Sheets,
    WideColumn,
    cell_name,
    check_merged,
    check_sheet_facts,
    is_blank,
    read_long,
    read_wide,
    wide_header,
)
from indicators.excel.wide_rows import complete_wide
from indicators.excel.workbook import HEADERS, INSTRUCTIONS_SHEET, fold
from indicators.text.fmt import Lang
from indicators.text.i18n import Message, Num, msg, t

Layout = Literal["long", "wide", ""]
log = logging.getLogger(__name__)

CATALOGUE_TABLES: tuple[Table, ...] = (INDICATORS, AREAS)
# Sheets added after workbooks were already in use: a file without them keeps the current rows.
OPTIONAL_SHEETS: tuple[Table, ...] = (AREA_LINKS, AGGREGATION)
REPORT_COLUMNS = ("severity", "sheet", "cell", "column", "value", "message")
CONVERSION_COLUMNS = ("sheet", "cell", "column", "text", "value")
# Copied for each upload: a copy of an empty frame costs a fifteenth of building one.
_NO_CONVERSIONS = pd.DataFrame(columns=list(CONVERSION_COLUMNS))


@dataclass
class Upload:
    """A checked upload: the tables it holds (typed) and every problem found."""

    file_name: str
    sha256: str
    layout: Layout = ""
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    conversions: pd.DataFrame = field(default_factory=_NO_CONVERSIONS.copy)
    made_from: int | None = None  # the data version the workbook was downloaded at, where it says

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
    upload.made_from = excel.made_from(data)
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except (python_calamine.CalamineError, ValueError, OSError) as exc:
        return _refused(upload, _damaged(exc))
    chk = Checker()
    names = list(book.sheet_names)
    if facts.macros:
        chk.add("", msg("check.macros"), severity="warning")
    try:
        _check_book(book, facts, current, upload, chk)
    except (python_calamine.CalamineError, ValueError, OSError) as exc:
        return _refused(upload, _damaged(exc))
    finally:
        book.close()
    return _finish(upload, chk, names)


TOO_BIG_OR_DAMAGED = Refusal(msg("refuse.too_big_or_damaged"))


def check_isolated(
    data: bytes,
    file_name: str,
    current: Dataset,
    limits: Limits | None = None,
    budget: isolation.Budget | None = None,
    keep_warm: bool = False,
) -> Upload:
    """check() in a child process with memory and time limits: what the page and the CLI call.

    A reader bug (an abort, a runaway allocation, a loop) costs the child, never the server; the
    person gets one plain refusal and the log gets the details. A server passes `keep_warm`: the
    next file's child is started ahead and has loaded the reader when that file comes.
    """
    # The limits are read here, in the caller's environment.
    limits = limits or Limits.from_env()
    try:
        upload: Upload = isolation.run(
            check, data, file_name, current, limits, budget=budget, keep_warm=keep_warm
        )
    except isolation.LimitExceededError as exc:
        log.warning("upload %r refused by the parsing child: %s", file_name, exc)
        upload = Upload(file_name=file_name, sha256=hashlib.sha256(data).hexdigest())
        return _refused(upload, TOO_BIG_OR_DAMAGED)
    return upload


def start_spare() -> None:
    """Start the next file's checking child now: a page calls this once it has made the file's preview,
    so that the child's loading (a second of a core) takes nothing from that preview."""
    isolation.start_spare(check)


# What a spare parsing child checks while it waits for a file: the shipped workbook, small and valid.
WARM_UP_BOOK = Path(__file__).resolve().parents[2] / "data" / "tam_duong_2015_2025.xlsx"


def warm_up() -> None:
    """Run by a spare child before its file comes (isolation): the check of a small valid workbook, so
    that the file meets the reader's code run once already, not a first call's imports and caches."""
    if WARM_UP_BOOK.exists():
        check(WARM_UP_BOOK.read_bytes(), WARM_UP_BOOK.name, Dataset.empty())


def _damaged(exc: Exception) -> Refusal:
    detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return Refusal(
        msg("refuse.unreadable", detail=detail),
    )


@dataclass
class _Layout:
    """Where an upload's tables are: sheets by table (long layout) or wide sheets with their headers."""

    sheets: Sheets
    found: dict[str, str]  # table name → sheet (long layout)
    wide: dict[str, tuple[int, list[WideColumn | None]]]  # sheet → header row and column roles
    grids: dict[str, list[list[object]]]  # the cells of every sheet that is not a long-layout table


def _find_layout(
    book: python_calamine.CalamineWorkbook, facts: Facts, upload: Upload, chk: Checker
) -> _Layout:
    """Long (the template's sheets) or wide (an office's table); sheets that hold nothing to read."""
    parsed = Sheets(book)
    sheets = book.sheet_names
    found = excel.sheet_map(sheets)
    instructions = [s for s in sheets if fold(s) == fold(INSTRUCTIONS_SHEET)]
    others = [s for s in sheets if s not in found.values() and s not in instructions]
    grids = {s: parsed.grid(s) for s in others}
    wide = {s: h for s in others if (h := wide_header(grids[s])) is not None}
    if any(t.name in found for t in FIGURE_TABLES) or not wide:
        upload.layout = "long"
        for table in TABLES:
            if table.name not in found and table not in OPTIONAL_SHEETS:
                chk.add(
                    table.sheet,
                    msg("check.sheet_missing", sheet=table.sheet, header=HEADERS[table.name]["code"]),
                )
        unused = others
    else:
        upload.layout = "wide"
        unused = [s for s in others if s not in wide]
    for sheet in instructions:
        check_sheet_facts(facts, sheet, chk, data_sheet=False)
    for sheet in unused:
        check_sheet_facts(facts, sheet, chk, data_sheet=False)
        if not all(all(is_blank(v) for v in row) for row in grids[sheet]):
            chk.add(sheet, msg("check.sheet_ignored", sheet=sheet), severity="warning")
    return _Layout(parsed, found, wide if upload.layout == "wide" else {}, grids)


def _read_tables(layout: _Layout, facts: Facts, wide_layout: bool, chk: Checker) -> dict[str, list[Located]]:
    """Every table the layout holds, read cell by cell, with the facts of the sheets read."""
    located: dict[str, list[Located]] = {}
    for table in TABLES:
        if table.name not in layout.found or (wide_layout and table in FIGURE_TABLES):
            continue
        sheet = layout.found[table.name]
        check_sheet_facts(facts, sheet, chk, data_sheet=True)
        check_merged(layout.sheets, sheet, 1, chk)
        loc = read_long(layout.sheets.grid(sheet), table, sheet, chk)
        if loc is not None:
            located.setdefault(table.name, []).append(loc)
    for sheet, (header_at, roles) in layout.wide.items():
        check_sheet_facts(facts, sheet, chk, data_sheet=True)
        check_merged(layout.sheets, sheet, header_at + 1, chk)
        for loc in read_wide(layout.grids[sheet], sheet, header_at, roles, chk):
            located.setdefault(loc.table.name, []).append(loc)
    return located


def _yes_no_codes(current: Dataset, indicators: list[Located]) -> frozenset[str]:
    """The indicators whose figure is met or not (1/0): their cells accept "Đạt" and "Chưa đạt"."""
    yes_no = ValueKind.YES_NO.value
    # Plain lists: a catalogue is a few dozen rows, fewer than pandas' steps would cost.
    catalogue = zip(
        current.indicators["code"].tolist(), current.indicators["value_kind"].tolist(), strict=True
    )
    codes = {str(code) for code, kind in catalogue if kind == yes_no}
    for loc in indicators:
        if "value_kind" in loc.frame and "code" in loc.frame:
            rows = zip(loc.frame["code"].tolist(), loc.frame["value_kind"].tolist(), strict=True)
            codes |= {str(code).strip() for code, kind in rows if str(kind).strip() == yes_no}
    return frozenset(codes)


def _check_tables(located: dict[str, list[Located]], current: Dataset, chk: Checker) -> pd.DataFrame:
    """Each column, then the tables against each other and the current data; the catalogue used."""
    chk.yes_no = _yes_no_codes(current, located.get(INDICATORS.name, []))
    for locs in located.values():
        for loc in locs:
            check_columns(loc, chk)
            check_duplicates(loc, chk)
    official_codes(located, chk)
    catalogue = effective(current.indicators, located.get(INDICATORS.name, []))
    areas = effective(current.areas, located.get(AREAS.name, []))
    codes, area_codes = set(catalogue["code"]), set(areas["code"])
    links = pd.concat(
        [current.area_links, *(loc.frame for loc in located.get(AREA_LINKS.name, []))], ignore_index=True
    )
    for table_name, locs in located.items():
        for loc in locs:
            if table_name != INDICATORS.name:
                check_references(loc, codes, area_codes, chk)
            if loc.table in FIGURE_TABLES:
                check_domain(loc, catalogue, chk)
                area_dates.check(loc, areas, links, chk)  # a figure for an area in a year it did not exist
    return catalogue


def _frames(
    located: dict[str, list[Located]], current: Dataset, catalogue: pd.DataFrame, wide: bool, chk: Checker
) -> dict[str, pd.DataFrame]:
    """The tables as the store takes them; wide rows completed from the current data."""
    frames = {}
    for table_name, locs in located.items():
        table = next(t for t in TABLES if t.name == table_name)
        parts = [
            complete_wide(loc, current.frame(table), catalogue, chk)
            if wide and table in FIGURE_TABLES
            else _with_later_columns(loc, current.frame(table))
            for loc in locs
        ]
        # One sheet per table is the rule: coerce() reads it as it is, with no concatenated copy.
        frames[table_name] = coerce(
            table, parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
        )
    return frames


def _with_later_columns(loc: Located, now: pd.DataFrame) -> pd.DataFrame:
    """A long sheet without a column a later release added: each row keeps the current row's value."""
    absent = [c for c in excel.LATER_COLUMNS.get(loc.table.name, ()) if c not in loc.columns]
    if not absent or loc.frame.empty:
        return loc.frame
    typed = coerce(loc.table, loc.frame)
    key = list(loc.table.key)
    # A row the store does not hold yet gets "" (none, or False for a flag), as a blank cell would.
    found = typed[key].merge(now[key + absent].drop_duplicates(key), on=key, how="left")
    return typed.assign(**{c: found[c].fillna("").to_numpy() for c in absent})


def _check_book(
    book: python_calamine.CalamineWorkbook, facts: Facts, current: Dataset, upload: Upload, chk: Checker
) -> None:
    # Find the layout.
    layout = _find_layout(book, facts, upload, chk)

    # Read the sheets and check them.
    located = _read_tables(layout, facts, upload.layout == "wide", chk)
    _check_and_type(located, current, upload, chk, next(iter(layout.wide), ""))


def _check_and_type(
    located: dict[str, list[Located]], current: Dataset, upload: Upload, chk: Checker, first_wide: str
) -> None:
    """The tables read checked against each other and the current data; typed when nothing is wrong."""
    wide = upload.layout == "wide"
    catalogue = _check_tables(located, current, chk)
    if wide and not any(len(loc.frame) for t in FIGURE_TABLES for loc in located.get(t.name, [])):
        chk.add(first_wide, msg("check.wide_empty"))
    if any(p.severity == "error" for p in chk.problems):
        return

    # The frames the store would hold, kept on the upload for the preview and the commit.
    upload.frames = _frames(located, current, catalogue, wide, chk)


def _finish(upload: Upload, chk: Checker, sheets: list[str]) -> Upload:
    """The problems in reading order (errors first, then by sheet, row, column); no tables when refused."""
    order = {name: i + 1 for i, name in enumerate(sheets)}
    upload.problems = sorted(
        chk.problems, key=lambda p: (p.severity != "error", order.get(p.sheet, 0), p.row, p.col)
    )
    if chk.conversions:
        upload.conversions = pd.DataFrame(chk.conversions, columns=list(CONVERSION_COLUMNS))
    if not upload.ok:
        upload.frames = {}
    return upload


def check_cells(
    sheet: str, cells: list[list[object]], file_name: str, current: Dataset, made_from: int | None = None
) -> Upload:
    """A wide sheet's typed cells (figures typed in the browser) through the same checks as an upload
    of that sheet: the same problems at the same rows and columns, with no file written or read.

    `cells` are as a workbook reader gives them: header row first, "" for an empty cell, numbers as
    numbers and anything else as the text typed. `made_from`: the data version the cells were typed on.
    """
    digest = hashlib.sha256(json.dumps([sheet, cells], ensure_ascii=False, default=str).encode()).hexdigest()
    upload = Upload(file_name=file_name, sha256=digest, layout="wide", made_from=made_from)
    chk = Checker()
    found = wide_header(cells)
    located: dict[str, list[Located]] = {}
    if found is not None:
        header_at, roles = found
        for loc in read_wide(cells, sheet, header_at, roles, chk):
            located.setdefault(loc.table.name, []).append(loc)
    _check_and_type(located, current, upload, chk, sheet)
    return _finish(upload, chk, [sheet])


def report_frame(problems: Iterable[Problem], lang: Lang = "vi") -> pd.DataFrame:
    """Problems as a table for people: severity, sheet, cell, column, value, message."""
    rows = [
        (t(f"severity.{p.severity}", lang), p.sheet, p.cell, p.column, p.value, p.message(lang))
        for p in problems
    ]
    return pd.DataFrame(rows, columns=list(REPORT_COLUMNS))


GROUP_COLUMNS = ("severity", "sheet", "cells", "count", "column", "value", "message")
SHOWN_RANGES = 6  # cell ranges written out in one grouped line; the full list holds every cell
SHOWN_VALUES = 3
SHOWN_GROUPS = 50  # grouped lines the command line prints before pointing at the full list


@dataclass(frozen=True)
class ProblemGroup:
    """Identical problems (same severity, sheet, column and message) as one line: count and cells."""

    severity: Severity
    sheet: str
    column: str
    words: Message
    count: int
    ranges: tuple[str, ...]  # "B2:B60001", "D5:H9", "C7": every cell of the group, as ranges
    values: tuple[str, ...]  # the distinct values, in the order first met

    def message(self, lang: Lang = "vi") -> str:
        """The message in the reader's language, naming its cells and values where it says them."""
        cells = self.cells(lang)
        place = f"{self.sheet}!{cells}" if self.sheet and cells else self.sheet or cells
        return self.words.text(lang, where=place, value=self.value_text(lang))

    def cells(self, lang: Lang = "vi", limit: int = SHOWN_RANGES) -> str:
        """The ranges as people read them, the first `limit` of them and how many more."""
        shown = ", ".join(self.ranges[:limit])
        more = len(self.ranges) - limit
        if more > 0:
            shown += ", " + msg("check.more_ranges", n=Num(more)).text(lang)
        return shown

    def value_text(self, lang: Lang = "vi", limit: int = SHOWN_VALUES) -> str:
        """The distinct values, quoted, the first `limit` of them and how many more."""
        shown = ", ".join(f"“{v}”" for v in self.values[:limit])
        more = len(self.values) - limit
        if more > 0:
            shown += ", " + msg("check.more_values", n=Num(more)).text(lang)
        return shown


def cell_ranges(cells: Iterable[tuple[int, int]]) -> list[str]:
    """(row, column) pairs as the fewest rectangles of runs: B2:B60001, D5:H9, C7."""
    by_column: dict[int, list[int]] = {}
    for row, col in set(cells):
        by_column.setdefault(col, []).append(row)
    runs: list[tuple[int, int, int]] = []  # (first row, last row, column)
    for col, rows in by_column.items():
        rows.sort()
        start = prev = rows[0]
        for row in rows[1:]:
            if row != prev + 1:
                runs.append((start, prev, col))
                start = row
            prev = row
        runs.append((start, prev, col))
    # The same rows in neighbouring columns (a wide sheet's block of years) make one rectangle.
    runs.sort()
    blocks: list[list[int]] = []  # [first row, last row, first column, last column]
    for r0, r1, col in runs:
        if blocks and blocks[-1][:2] == [r0, r1] and blocks[-1][3] == col - 1:
            blocks[-1][3] = col
        else:
            blocks.append([r0, r1, col, col])
    blocks.sort(key=lambda b: (b[2], b[0]))
    out = []
    for r0, r1, c0, c1 in blocks:
        first, last = cell_name(r0, c0), cell_name(r1, c1)
        out.append(first if first == last else f"{first}:{last}")
    return out


def group_problems(problems: Iterable[Problem]) -> list[ProblemGroup]:
    """Identical problems folded into one group each, in the order their first member comes."""
    members: dict[tuple[str, str, str, Message], list[Problem]] = {}
    for p in problems:
        members.setdefault((p.severity, p.sheet, p.column, p.words), []).append(p)
    groups = []
    for (severity, sheet, column, words), found in members.items():
        located = [(p.row, p.col) for p in found if p.row and p.col]
        # Cells without a row or a column (a whole column "B", a sheet) are kept as written.
        loose = list(dict.fromkeys(p.cell for p in found if p.cell and not (p.row and p.col)))
        values = tuple(dict.fromkeys(p.value for p in found if p.value))
        groups.append(
            ProblemGroup(
                severity,  # type: ignore[arg-type]
                sheet,
                column,
                words,
                len(found),
                tuple(cell_ranges(located) + loose),
                values,
            )
        )
    return groups


def group_frame(problems: Iterable[Problem], lang: Lang = "vi") -> pd.DataFrame:
    """Grouped problems as a table for people: severity, sheet, cells, count, column, value, message."""
    rows = [
        (
            t(f"severity.{g.severity}", lang),
            g.sheet,
            g.cells(lang),
            g.count,
            g.column,
            g.value_text(lang),
            g.message(lang),
        )
        for g in group_problems(problems)
    ]
    return pd.DataFrame(rows, columns=list(GROUP_COLUMNS))


def _label(severity: Severity, lang: Lang) -> str:
    return t(f"severity.{severity}", lang).upper()


def report_text(upload: Upload, lang: Lang = "vi", grouped: bool = True) -> str:
    """The report as plain lines for the command line, errors first.

    Grouped (the default): identical problems make one line with their count and cell ranges, at
    most SHOWN_GROUPS lines; otherwise one line per problem.
    """
    lines = []
    if not grouped:
        for p in upload.problems:
            where = " ".join(x for x in (p.sheet, p.cell) if x)
            column = f" [{p.column}]" if p.column else ""
            value = f" “{p.value}”" if p.value else ""
            line = f"{_label(p.severity, lang)} {where}{column}{value}: {p.message(lang)}"
            lines.append(line.replace("  ", " "))
        return "\n".join(lines)
    groups = group_problems(upload.problems)
    for g in groups[:SHOWN_GROUPS]:
        where = " ".join(x for x in (g.sheet, g.cells(lang)) if x)
        count = ""
        if g.count > 1:
            count = " " + msg("check.times", n=Num(g.count)).text(lang)
        column = f" [{g.column}]" if g.column else ""
        value = f" {g.value_text(lang)}" if g.values else ""
        line = f"{_label(g.severity, lang)} {where}{count}{column}{value}: {g.message(lang)}"
        lines.append(line.replace("  ", " "))
    more = len(groups) - SHOWN_GROUPS
    if more > 0:
        lines.append(msg("check.more_groups", n=Num(more)).text(lang))
    return "\n".join(lines)
