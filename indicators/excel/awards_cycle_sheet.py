"""Registration and proposal lists read for the store: the same guard and the same refusals as the register's.

A registration (start of a year) or a proposal (year end) names a recipient and the title aimed at,
without a decision. A list with any error stores nothing: every problem is named by its row.
"""

from __future__ import annotations

import io
import logging
from datetime import date
from typing import Literal

import pandas as pd
import python_calamine

from indicators.awards.catalogue import Catalogue
from indicators.excel import awards_rows, guard, isolation
from indicators.excel.awards_rows import (
    FIRST_ROW,
    LIMITS,
    Checked,
    _award_words,
    _kind_words,
    _year,
    header_map,
)
from indicators.excel.cells import cell_text
from indicators.excel.workbook import fold
from indicators.text.i18n import ByLang, Message, msg, t

Kind = Literal["registrations", "proposals"]
COLUMNS = ("year", "award", "recipient_kind", "name", "unit", "area")
PROPOSAL_COLUMNS = (*COLUMNS, "achievement")
REQUIRED = ("year", "award", "recipient_kind", "name", "area")
log = logging.getLogger(__name__)


def columns(kind: Kind) -> tuple[str, ...]:
    """The columns a list of `kind` is stored with."""
    return PROPOSAL_COLUMNS if kind == "proposals" else COLUMNS


def _present(row: int, cells: dict[str, object]) -> list[Message]:
    errors = [
        msg("awards.err.missing", row=row, column=msg(f"awards.col.{c}"))
        for c in REQUIRED
        if not cell_text(cells.get(c))
    ]
    errors += [
        msg("awards.err.too_long", row=row, column=msg(f"awards.col.{c}"), limit=limit)
        for c, limit in LIMITS.items()
        if len(cell_text(cells.get(c))) > limit
    ]
    return errors


def _row(row: int, cells: dict[str, object], catalogue: Catalogue, kind: Kind) -> tuple[dict | None, list]:
    """One row's values as codes, or the errors that keep the list out."""
    errors = _present(row, cells)
    if errors:
        return None, errors
    award = _award_words(catalogue).get(fold(cell_text(cells["award"])))
    recipient = _kind_words().get(fold(cell_text(cells["recipient_kind"])))
    year = _year(cells["year"])
    if award is None:
        errors.append(msg("awards.err.unknown_title", row=row, title=cell_text(cells["award"])))
    if recipient is None:
        errors.append(msg("awards.err.kind", row=row, value=cell_text(cells["recipient_kind"])))
    if year is None:
        errors.append(msg("awards.err.year", row=row, value=cell_text(cells["year"])))
    if award is not None and recipient is not None and not award.takes(recipient):
        title = ByLang(award.name_vi, award.name_en)
        errors.append(
            msg("awards.err.wrong_recipient", row=row, title=title, kind=msg(f"awards.kind.{recipient}"))
        )
    if errors or award is None:
        return None, errors
    values = {c: cell_text(cells.get(c)) for c in columns(kind)}
    return {**values, "award": award.code, "recipient_kind": recipient, "year": year}, []


def _twice(good: list[tuple[int, dict]]) -> list[Message]:
    """The same recipient registered or proposed twice for one title in one year."""
    first: dict[tuple, int] = {}
    errors = []
    for row, values in good:
        key = tuple(fold(str(values[c])) for c in COLUMNS)
        if key in first:
            errors.append(msg("awards.err.twice", row=row, first=first[key]))
        else:
            first.setdefault(key, row)
    return errors


def check_rows(cells: list[dict[str, object]], catalogue: Catalogue, kind: Kind) -> Checked:
    """The rows of a registration or proposal list checked against the catalogue, in sheet order."""
    empty = pd.DataFrame(columns=list(columns(kind)))
    if not cells:
        return Checked(empty, [msg("awards.err.empty")])
    good: list[tuple[int, dict]] = []
    errors: list[Message] = []
    for i, row_cells in enumerate(cells):
        values, found = _row(FIRST_ROW + i, row_cells, catalogue, kind)
        errors += found
        if values is not None:
            good.append((FIRST_ROW + i, values))
    errors += _twice(good)
    if errors:
        return Checked(empty, errors)
    return Checked(pd.DataFrame([v for _r, v in good], columns=list(columns(kind))).astype({"year": "int64"}))


def check_file(data: bytes, catalogue: Catalogue, kind: Kind, limits: guard.Limits | None = None) -> Checked:
    """A registration or proposal list read behind the guard and checked; nothing else is parsed."""
    empty = pd.DataFrame(columns=list(columns(kind)))
    facts = guard.inspect(data, limits)
    if isinstance(facts, guard.Refusal):
        return Checked(empty, [facts.message])
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        grid = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
        book.close()
    except (python_calamine.CalamineError, ValueError, OSError, IndexError) as exc:
        return Checked(empty, [msg("refuse.unreadable", detail=str(exc)[:200])])
    names = header_map()
    headers = [names.get(fold(cell_text(h)), "") for h in (grid[0] if grid else [])]
    where = {c: i for i, c in enumerate(headers) if c in columns(kind)}
    lacking = [c for c in REQUIRED if c not in where]
    if lacking:
        named = ", ".join(t(f"awards.col.{c}", "vi") for c in lacking)
        return Checked(empty, [msg("awards.err.columns", columns=named)])
    rows: list[dict[str, object]] = [
        {c: (line[i] if i < len(line) else None) for c, i in where.items()}
        for line in grid[1:]
        if any(cell_text(v) for v in line)
    ]
    return check_rows(rows, catalogue, kind)


def check_file_isolated(data: bytes, catalogue: Catalogue, kind: Kind) -> Checked:
    """check_file() in a child process with memory and time limits: what the CLI and a page call."""
    try:
        checked: Checked = isolation.run(check_file, data, catalogue, kind, guard.Limits.from_env())
    except isolation.LimitExceededError as exc:
        log.warning("%s list refused by the parsing child: %s", kind, exc)
        return Checked(pd.DataFrame(columns=list(columns(kind))), [msg("refuse.too_big_or_damaged")])
    return checked


def awarded_rows(
    accepted: pd.DataFrame, number: str, day: date, issuer: str, catalogue: Catalogue
) -> Checked:
    """Accepted proposals as the register's rows under one decision, checked by the register's rules
    (a decision signed in the year rewarded or the next; no district award after 30 June 2025)."""
    cells: list[dict[str, object]] = [
        {**row, "decision_no": number, "decision_date": day, "issuer": issuer}
        for row in accepted[[*COLUMNS, "achievement"]].to_dict("records")
    ]
    return awards_rows.check_rows(cells, catalogue)
