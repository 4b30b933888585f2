"""The upload check's steps as they were before they were made cheaper: the references the check must equal.

A test puts these in place of the product's (monkeypatch) and checks the same workbook both ways:
every problem, every conversion and every frame must come out the same.
"""

from __future__ import annotations

import unicodedata
from types import ModuleType

import numpy as np
import pandas as pd

from indicators.areas import dates as area_dates
from indicators.core.model import (
    AREAS,
    CHANGE_KINDS,
    OBSERVATIONS,
    REPORTED,
    TARGETS,
    Comparator,
    Table,
    ValueKind,
)
from indicators.excel import cells, validate
from indicators.excel import workbook as excel
from indicators.excel.cells import cell_text
from indicators.excel.sheets import (
    Checker,
    Located,
    _long_header,
    blank_rows,
    cells_of,
    is_blank,
)
from indicators.excel.workbook import HEADERS, OPTIONAL_COLUMNS
from indicators.text.i18n import msg


def read_long(grid: list[list[object]], table: Table, sheet: str, chk: Checker) -> Located | None:
    """One sheet of the long layout, its columns typed by pandas' inference (text as Arrow strings)."""
    if not grid or all(is_blank(v) for v in grid[0]):
        chk.add(sheet, msg("check.no_header_row"), row=1)
        return None
    width = max(len(r) for r in grid)
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
    data = pd.DataFrame({c: filled[:, j - 1] for c, j in columns.items()})
    return Located(table, sheet, data, rows, columns, headers)


def text_list(values: pd.Series) -> list[str]:
    """Cells as stripped text, one test of type per cell."""
    return [v.strip() if type(v) is str else cell_text(v) for v in values.tolist()]


def _check_required_text(loc: Located, column: str, chk: Checker) -> None:
    if column not in loc.frame:
        return
    texts = text_list(loc.frame[column])
    loc.frame[column] = pd.Series(texts, index=loc.frame.index, dtype=object)
    chk.at(loc, column, [i for i, text in enumerate(texts) if text == ""], msg("check.required_empty"))


def _check_code_letters(loc: Located, column: str, chk: Checker) -> None:
    """Codes read as NFKC, each distinct non-ASCII code of the column looked at."""
    values = loc.frame[column].to_numpy(dtype=object)
    uniques = [v for v in pd.unique(values) if isinstance(v, str) and not v.isascii()]
    if not uniques:
        return
    normal = {v: unicodedata.normalize("NFKC", v) for v in uniques}
    for position in np.flatnonzero([isinstance(v, str) and v in normal for v in values]):
        written, code = values[position], normal[values[position]]
        ch = cells._foreign_character(code)
        if ch is not None:
            what = f"“{ch}” U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip()
            chk.at(
                loc, column, [int(position)], msg("check.code_script", what=what, script=cells._script(ch))
            )
        elif code != written:
            loc.frame.iat[int(position), loc.frame.columns.get_loc(column)] = code
            chk.add(
                loc.sheet,
                msg("check.code_normalised", written=written, code=code),
                row=int(loc.rows[position]),
                col=int(loc.col(column, np.array([position]))[0]),
                column=loc.headers.get(column, HEADERS[loc.table.name].get(column, column)),
                value=written,
                severity="warning",
            )


def _check_hidden(loc: Located, column: str, chk: Checker) -> None:
    """Invisible characters, each distinct text of the column looked at."""
    values = loc.frame[column].to_numpy(dtype=object)
    strict = column in cells._IDENTIFIERS
    found = {v: cells._hidden_char(v, strict) for v in set(values.tolist()) if isinstance(v, str)}
    hidden = {v: ch for v, ch in found.items() if ch is not None}
    if not hidden:
        return
    for position in np.flatnonzero([isinstance(v, str) and v in hidden for v in values]):
        ch = hidden[values[position]]
        what = f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".strip()
        shown = values[position].replace(ch, f"[U+{ord(ch):04X}]")
        chk.at(loc, column, [int(position)], msg("check.hidden_character", what=what), [shown])


def check_columns(loc: Located, chk: Checker) -> None:
    """Each column by its type, an empty table's too."""
    table = loc.table
    for column in table.columns:
        if column not in loc.frame:
            continue
        if (table.name, column) in excel.VOCABULARIES:
            cells._check_vocabulary(loc, column, chk)
        elif column in ("year", "base_year"):
            cells._check_years(loc, column, chk, required=column == "year")
        elif column in excel.VALUE_COLUMNS:
            cells._check_numbers(loc, column, chk)
        elif column in ("derived", "yearly", "period_unstated"):
            cells._check_flags(loc, column, chk)
        elif column in ("code", "area", "name_vi") or (table is AREAS and column == "name"):
            _check_required_text(loc, column, chk)
            _check_hidden(loc, column, chk)
        else:
            loc.frame[column] = pd.Series(text_list(loc.frame[column]), index=loc.frame.index, dtype=object)
            _check_hidden(loc, column, chk)
        if column in cells._CODE_COLUMNS:
            _check_code_letters(loc, column, chk)


def check_domain(loc: Located, catalogue: pd.DataFrame, chk: Checker) -> None:
    """Shares above 100 % and negative counts, found by pandas' map, isin and comparisons."""
    if loc.table is REPORTED or loc.frame.empty:
        return
    info = catalogue.set_index("code")
    kind = loc.frame["code"].map(info["value_kind"])
    unit = loc.frame["code"].map(info["unit"]).fillna("").astype(str).str.strip()
    value = pd.to_numeric(loc.frame["value"], errors="coerce")
    if loc.table is OBSERVATIONS:
        level = ~loc.frame["kind"].isin(list(CHANGE_KINDS))
    elif "comparator" in loc.frame:
        level = loc.frame["comparator"] != Comparator.REDUCE_BY.value
    else:
        level = pd.Series(True, index=loc.frame.index)
    share = (kind == ValueKind.SHARE.value) & (unit == "%") & level & (value > 100)
    chk.at(loc, "value", np.flatnonzero(share.to_numpy()), msg("check.share_over_100"))
    counts = kind.isin([ValueKind.COUNT.value, ValueKind.TERM_TOTAL.value]) & level & (value < 0)
    chk.at(loc, "value", np.flatnonzero(counts.to_numpy()), msg("check.negative_count"))
    if loc.table is TARGETS and {"qualifier", "comparator"} <= set(loc.frame):
        cells._check_target_qualifier(loc, chk)
    cells.check_yes_no_words(loc, kind, chk)


def _years(dates: pd.Series, blank: float) -> list[float]:
    heads = [d[:4] if isinstance(d, str) else None for d in dates.tolist()]
    if all(h is not None and (h == "" or (len(h) == 4 and h.isascii() and h.isdigit())) for h in heads):
        return [float(h) if h else blank for h in heads]
    return pd.to_numeric(dates.str[:4], errors="coerce").fillna(blank).tolist()


def spans(area_rows: pd.DataFrame) -> dict[object, list[tuple[float, float]]]:
    """Every code's units as (first year, last year), the whole list of areas."""
    first = _years(area_rows["valid_from"], -np.inf)
    last = _years(area_rows["valid_to"], np.inf)
    found: dict[object, list[tuple[float, float]]] = {}
    for code, start, end in zip(area_rows["code"].tolist(), first, last, strict=True):
        found.setdefault(code, []).append((start, end))
    return found


def outside(codes: pd.Series, years: pd.Series, area_rows: pd.DataFrame) -> np.ndarray:
    """Positions of rows whose known area code had no unit in force in their year (every area's span)."""
    known = spans(area_rows)
    judged: dict[tuple[object, float], bool] = {}
    bad = []
    rows = zip(codes.to_numpy(dtype=object).tolist(), years.to_numpy(dtype="float64").tolist(), strict=True)
    for i, (code, year) in enumerate(rows):
        if year != year:
            continue
        out = judged.get((code, year))
        if out is None:
            units = known.get(code)
            out = units is not None and not any(start <= year <= end for start, end in units)
            judged[(code, year)] = out
        if out:
            bad.append(i)
    return np.array(bad, dtype=int)


def effective(current: pd.DataFrame, locs: list[Located]) -> pd.DataFrame:
    """The file's rows over the current ones, by pandas' drop_duplicates and concat."""
    if not locs:
        return current
    upload = pd.concat([loc.frame for loc in locs], ignore_index=True)
    upload = upload.drop_duplicates([c for c in locs[0].table.key if c in upload], keep="first")
    written = set(upload["code"].tolist())
    kept = current[np.array([code not in written for code in current["code"].tolist()], dtype=bool)]
    return pd.concat([kept, upload[[c for c in upload.columns if c in current.columns]]], ignore_index=True)


def patches() -> list[tuple[ModuleType, str, object]]:
    """Where each reference goes in place of the product's step: (module, name, reference)."""
    return [
        (validate, "read_long", read_long),
        (area_dates, "outside", outside),
        (validate, "effective", effective),
        (validate, "check_columns", check_columns),
        (cells, "_text_list", text_list),
        (validate, "check_domain", check_domain),
    ]
