"""Awards typed in the browser's grid: blank rows dropped, every cell checked as an office's list is.

The grid holds the list's own columns; what the browser lets through is checked again here, by the
same rules as a file (indicators/excel/awards_rows.py), with problems named by the grid's row.
"""

from __future__ import annotations

import pandas as pd

from indicators.awards.catalogue import Catalogue
from indicators.excel.awards_rows import COLUMNS, Checked, check_rows
from indicators.excel.cells import cell_text

GRID_FIRST_ROW = 1  # people count a grid's rows from one; there is no header row to skip


def blank() -> pd.DataFrame:
    """An empty grid with the list's columns: text cells, a day, a year."""
    return pd.DataFrame({c: pd.Series(dtype="object" if c not in ("year",) else "Int64") for c in COLUMNS})


def typed_cells(edited: pd.DataFrame) -> list[dict[str, object]]:
    """The grid's rows up to the last that holds anything, column → cell (None for an empty one).

    Only the blank rows at the end are dropped: one left blank between typed rows is named as
    missing its cells, so every problem keeps the row number people see.
    """
    records = edited.reindex(columns=list(COLUMNS)).astype(object).to_dict("records")
    cells = [{c: (None if pd.isna(v) else v) for c, v in r.items()} for r in records]
    while cells and not any(cell_text(v) for v in cells[-1].values()):
        cells.pop()
    return cells


def check(edited: pd.DataFrame, catalogue: Catalogue) -> Checked:
    """The typed rows checked against the catalogue; empty rows (and no errors) when nothing was typed."""
    cells = typed_cells(edited)
    if not cells:
        return Checked(pd.DataFrame(columns=list(COLUMNS)))
    return check_rows(cells, catalogue, first_row=GRID_FIRST_ROW)
