"""The awards list as a workbook: the template with Vietnamese drop-downs, and an office's file read safely.

A file passes the same guard as a figures workbook before any byte is parsed, and is parsed in a
child process with memory and time limits (indicators/excel/isolation.py).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence

import pandas as pd
import python_calamine

from indicators.awards.catalogue import RECIPIENTS, Catalogue
from indicators.excel import guard, isolation
from indicators.excel.awards_rows import (
    COLUMNS,
    REQUIRED,
    Checked,
    award_words,
    check_rows,
    header_map,
    kind_words,
)
from indicators.excel.cells import cell_text
from indicators.excel.workbook import fold
from indicators.excel.writer import template_with_lists
from indicators.text.i18n import Message, msg, t

SHEET = "Khen thưởng"
LISTS = "Danh mục"
TEMPLATE_ROWS = 2000
log = logging.getLogger(__name__)


def template_bytes(catalogue: Catalogue) -> bytes:
    """An empty list to fill: Vietnamese headers, drop-downs of the catalogue's awards and of recipients."""
    headers = [t(f"awards.col.{c}", "vi") for c in COLUMNS]
    choices = {
        COLUMNS.index("award") + 1: [a.name_vi for a in catalogue.ranked()],
        COLUMNS.index("recipient_kind") + 1: [t(f"awards.kind.{k}", "vi") for k in RECIPIENTS],
    }
    return template_with_lists(SHEET, headers, LISTS, choices, TEMPLATE_ROWS)


Grid = Sequence[Sequence[object]]


def read_grid(data: bytes, limits: guard.Limits | None = None, sheet: str | None = None) -> Grid | Message:
    """The cells of the sheet named `sheet` (folded; the first sheet when the book has none of that
    name), or why the file was refused: nothing is parsed that the guard has not passed."""
    facts = guard.inspect(data, limits)
    if isinstance(facts, guard.Refusal):
        return facts.message
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(book.sheet_names)
        chosen = next((s for s in names if sheet is not None and fold(s) == fold(sheet)), names[0])
        grid = book.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
        book.close()
    except (python_calamine.CalamineError, ValueError, OSError, IndexError) as exc:
        return msg("refuse.unreadable", detail=str(exc)[:200])
    return grid


def sheet_rows(
    grid: Sequence[Sequence[object]], wanted: Sequence[str] = COLUMNS, required: Sequence[str] = REQUIRED
) -> tuple[list[dict[str, object]], Message | None]:
    """The data rows under the header (column → cell, `wanted` columns only), and a message naming the
    `required` columns the header lacks (None when it has them all)."""
    names = header_map()
    headers = [names.get(fold(cell_text(h)), "") for h in (grid[0] if grid else [])]
    where = {c: i for i, c in enumerate(headers) if c in wanted}
    lacking = [c for c in required if c not in where]
    if lacking:
        return [], msg("awards.err.columns", columns=", ".join(t(f"awards.col.{c}", "vi") for c in lacking))
    rows = [
        {c: (line[i] if i < len(line) else None) for c, i in where.items()}
        for line in grid[1:]
        if any(cell_text(v) for v in line)
    ]
    return rows, None


def check_file(data: bytes, catalogue: Catalogue, limits: guard.Limits | None = None) -> Checked:
    """An office's awards list read and checked; nothing is parsed that the guard has not passed."""
    grid = read_grid(data, limits, SHEET)
    if isinstance(grid, Message):
        return Checked(check_rows([], catalogue).rows, [grid])
    rows, lacking = sheet_rows(grid)
    if lacking is not None:
        return Checked(check_rows([], catalogue).rows, [lacking])
    return check_rows(rows, catalogue)


def check_file_isolated(data: bytes, catalogue: Catalogue, budget: isolation.Budget | None = None) -> Checked:
    """check_file() in a child process with memory and time limits: what the CLI and a page call."""
    limits = guard.Limits.from_env()
    try:
        checked: Checked = isolation.run(check_file, data, catalogue, limits, budget=budget)
    except isolation.LimitExceededError as exc:
        log.warning("awards list refused by the parsing child: %s", exc)
        return Checked(check_rows([], catalogue).rows, [msg("refuse.too_big_or_damaged")])
    return checked


PROPOSAL_REQUIRED = ("year", "award", "recipient_kind", "name", "area")


def _proposal_frame(rows: list[dict[str, object]], catalogue: Catalogue) -> pd.DataFrame:
    """Proposal rows as codes where the catalogue knows the words; unknown words stay for the check."""
    awards = {word: a.code for word, a in award_words(catalogue).items()}
    kinds = kind_words()
    out = pd.DataFrame(
        {
            "year": [cell_text(r.get("year")) for r in rows],
            "award": [awards.get(fold(cell_text(r.get("award"))), cell_text(r.get("award"))) for r in rows],
            "recipient_kind": [kinds.get(fold(cell_text(r.get("recipient_kind"))), "") for r in rows],
            "name": [cell_text(r.get("name")) for r in rows],
            "unit": [cell_text(r.get("unit")) for r in rows],
            "area": [cell_text(r.get("area")) for r in rows],
        }
    )
    return out


def read_proposals(data: bytes, catalogue: Catalogue, limits: guard.Limits | None = None) -> Checked:
    """A proposal list (year, award, recipient kind, name, unit, area) read behind the guard.

    Rows are not judged here: the proposal check names what the records show about each.
    """
    grid = read_grid(data, limits)
    if isinstance(grid, Message):
        return Checked(pd.DataFrame(), [grid])
    rows, lacking = sheet_rows(grid, COLUMNS, PROPOSAL_REQUIRED)
    if lacking is not None:
        return Checked(pd.DataFrame(), [lacking])
    frame = _proposal_frame(rows, catalogue)
    bad_year = [i for i, y in enumerate(frame["year"]) if not y.isdigit()]
    if bad_year:
        return Checked(
            pd.DataFrame(), [msg("awards.err.year", row=i + 2, value=frame["year"][i]) for i in bad_year]
        )
    return Checked(frame.astype({"year": "int64"}))


def read_proposals_isolated(
    data: bytes, catalogue: Catalogue, budget: isolation.Budget | None = None
) -> Checked:
    """read_proposals() in a child process with memory and time limits: what a page calls."""
    limits = guard.Limits.from_env()
    try:
        checked: Checked = isolation.run(read_proposals, data, catalogue, limits, budget=budget)
    except isolation.LimitExceededError as exc:
        log.warning("proposal list refused by the parsing child: %s", exc)
        return Checked(pd.DataFrame(), [msg("refuse.too_big_or_damaged")])
    return checked
