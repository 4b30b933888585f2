"""The upload check's steps as they were before they were made cheaper: the references the check must equal.

A test puts these in place of the product's (monkeypatch) and checks the same workbook both ways:
every problem, every conversion and every frame must come out the same.
"""

from __future__ import annotations

from types import ModuleType

import numpy as np
import pandas as pd

from indicators.areas import dates as area_dates
from indicators.core.model import Table
from indicators.excel import validate
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
    ]
